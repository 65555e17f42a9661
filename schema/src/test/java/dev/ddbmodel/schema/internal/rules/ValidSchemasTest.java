package dev.ddbmodel.schema.internal.rules;

import dev.ddbmodel.schema.SchemaValidation;
import dev.ddbmodel.schema.SchemaValidationReport;
import dev.ddbmodel.schema.SchemaValidationRequest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbmodel.schema.Schema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ValidSchemasTest {
  static Stream<Path> examples() throws Exception {
    try (Stream<Path> s = Files.list(Path.of("../examples/models"))) {
      return s.filter(Files::isDirectory).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("examples")
  void exampleSchemasAndUsageDataAreValid(Path dir) {
    SchemaValidationReport r = SchemaValidation.validate(new SchemaValidationRequest(dir.resolve("schema.json"),
        Optional.of(dir.resolve("usage_data.json")), Optional.empty()));
    assertThat(r.valid()).as(r.toText()).isTrue();
    assertThat(r.toText()).contains("🎉 Validation completed successfully!");
  }

  @Test
  void specExampleCoversEveryFeature() {
    Path p = Path.of("src/test/resources/dev/ddbmodel/schema/valid/spec_example.json");
    SchemaValidationReport r = SchemaValidation.validate(new SchemaValidationRequest(p, Optional.empty(), Optional.empty()));
    assertThat(r.valid()).as(r.toText()).isTrue();
    // the spec's ConditionCheck `#open = :t` binds `:t` to nothing: a call fails unless it passes condition_values
    assertThat(r.schemaIssues()).as(r.toText()).extracting(i -> i.diagnostic().id() + " " + i.diagnostic().location().pointer())
        .containsExactly("Schema.ConditionPlaceholder /cross_table_access_patterns/0/entities_involved/1/condition");
    Schema s = r.schema().orElseThrow();
    Schema.TableDef orders = s.table("Orders").orElseThrow();
    assertThat(orders.gsi("OrdersByStatus").orElseThrow().sortKey()).containsExactly("store_id", "created_at");
    Schema.Entity order = orders.entities().get("Order");
    assertThat(order.skTemplate().orElseThrow().fieldNames()).containsExactly("created_at", "order_id");
    assertThat(order.accessPatterns().get(1).filter().orElseThrow().conditions()).hasSize(2);
    assertThat(s.crossTablePatterns()).extracting(Schema.CrossTablePattern::operation).containsExactly("TransactWrite", "TransactGet");
  }
}
