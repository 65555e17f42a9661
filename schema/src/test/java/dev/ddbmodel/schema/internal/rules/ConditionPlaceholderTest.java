package dev.ddbmodel.schema.internal.rules;

import dev.ddbmodel.schema.SchemaLoader;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddbmodel.core.json.Json;
import dev.ddbmodel.core.json.JsonDocument;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a cross-table condition's {@code :value} placeholders bind, as the generated code binds them. */
class ConditionPlaceholderTest {
  static ObjectNode schema() throws Exception {
    return (ObjectNode) Json.parseTrusted(Files.readString(Path.of("../examples/models/ecommerce/schema.json"), StandardCharsets.UTF_8));
  }

  static List<String> warnings(ObjectNode s) {
    return SchemaLoader.check(JsonDocument.parse("schema.json", Json.pretty(s)).unwrap()).stream()
        .filter(i -> i.diagnostic().id().equals("Schema.ConditionPlaceholder")).map(i -> i.diagnostic().location().pointer()).toList();
  }

  static ObjectNode leg(ObjectNode s, int x, int k) {
    return (ObjectNode) s.get("cross_table_access_patterns").get(x).get("entities_involved").get(k);
  }

  @Test
  void plainParametersAndFieldsOfEntityParametersBindPlaceholders() throws Exception {
    ObjectNode s = schema();
    // :quantity is a parameter; :status and :total are fields of the `order` entity parameter
    leg(s, 0, 0).put("condition", "attribute_not_exists(pk) OR (#status = :status AND total < :total)");
    assertThat(warnings(s)).isEmpty();
  }

  @Test
  void anUnboundPlaceholderIsNamedWithItsLeg() throws Exception {
    ObjectNode s = schema();
    // the reference form (the example's leg writes its update as an object, which makes it strict)
    leg(s, 0, 1).remove("update");
    leg(s, 0, 1).put("condition", "stock >= :quantiy");
    assertThat(warnings(s)).containsExactly("/cross_table_access_patterns/0/entities_involved/1/condition");
    assertThat(SchemaLoader.check(JsonDocument.parse("schema.json", Json.pretty(s)).unwrap()).stream()
        .filter(i -> i.diagnostic().id().equals("Schema.ConditionPlaceholder")).findFirst().orElseThrow().diagnostic().hint())
        .contains("did you mean `quantity`?");
  }

  @Test
  void anUnboundPlaceholderOfAStrictLegNamesTheClosestValueToo() throws Exception {
    ObjectNode s = schema();
    leg(s, 0, 1).put("condition", "stock >= :quantiy");
    assertThat(SchemaLoader.check(JsonDocument.parse("schema.json", Json.pretty(s)).unwrap()).stream()
        .filter(i -> i.diagnostic().id().equals("Schema.ConditionPlaceholder")).findFirst().orElseThrow().diagnostic().hint())
        .contains("did you mean `:quantity`?");
  }
}
