package dev.ddbmodel.validation.internal.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.SourceLocation;
import dev.ddbmodel.core.AccessPatternSpec;
import dev.ddbmodel.core.DataModel;
import dev.ddbmodel.core.DataModelLoader;
import dev.ddbmodel.validation.internal.awscli.AwsCliCommand;
import dev.ddbmodel.validation.internal.awscli.AwsCliCommandParser;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each static pattern check (docs/diagnostics.md, {@code Pattern.*}) on the ecommerce model: the
 * command that breaks it gets exactly that finding, and the example's own patterns get none of
 * the errors.
 */
class StaticChecksTest {
  static DataModel model;
  static final String VALUES = " --expression-attribute-values '{\":p\":{\"S\":\"CUSTOMER#c-1\"},\":s\":{\"S\":\"PENDING\"},\":o\":{\"S\":\"o-1\"}}'";

  @BeforeAll
  static void load() {
    model = DataModelLoader.load(Path.of("../examples/models/ecommerce/dynamodb_data_model.json")).unwrap();
  }

  static List<Diagnostic> check(String table, String index, String operation, String command) {
    var parsed = AwsCliCommandParser.parse(command);
    assertThat(parsed.errors()).as(command).isEmpty();
    AwsCliCommand cmd = parsed.unwrap();
    AccessPatternSpec ap = new AccessPatternSpec("t", "test", Optional.ofNullable(table), Optional.ofNullable(index), Optional.ofNullable(operation),
        Optional.of(command), Optional.empty(), "/access_patterns/0");
    return StaticChecks.check(model, ap, cmd, SourceLocation.of("m.json", "/access_patterns/0"));
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("Pattern.OperationMismatch", "Shop", null, "Query",
            "aws dynamodb get-item --table-name Shop --key '{\"pk\":{\"S\":\"a\"},\"sk\":{\"S\":\"b\"}}'"),
        Arguments.of("Pattern.TableMismatch", "Products", null, "GetItem",
            "aws dynamodb get-item --table-name Shop --key '{\"pk\":{\"S\":\"a\"},\"sk\":{\"S\":\"b\"}}'"),
        Arguments.of("Pattern.UnknownTable", "Shops", null, "GetItem", "aws dynamodb get-item --table-name Shops --key '{\"pk\":{\"S\":\"a\"}}'"),
        Arguments.of("Pattern.IndexMismatch", "Shop", "OrdersByStatus", "Query",
            "aws dynamodb query --table-name Shop --key-condition-expression 'pk = :p'" + VALUES),
        Arguments.of("Pattern.UnknownIndex", "Shop", null, "Query",
            "aws dynamodb query --table-name Shop --index-name ByStatus --key-condition-expression 'pk = :p'" + VALUES),
        Arguments.of("Pattern.KeyConditionIncomplete", "Shop", null, "Query",
            "aws dynamodb query --table-name Shop --key-condition-expression 'sk = :s'" + VALUES),
        Arguments.of("Pattern.KeyConditionGap", "Shop", "OrdersByStatus", "Query",
            "aws dynamodb query --table-name Shop --index-name OrdersByStatus --key-condition-expression '#st = :s AND order_id = :o'"
                + " --expression-attribute-names '{\"#st\":\"status\"}'" + VALUES),
        Arguments.of("Pattern.FilterOnKey", "Shop", null, "Query",
            "aws dynamodb query --table-name Shop --key-condition-expression 'pk = :p' --filter-expression 'sk = :s'" + VALUES),
        Arguments.of("Pattern.KeyConditionNotKey", "Shop", null, "Query",
            "aws dynamodb query --table-name Shop --key-condition-expression 'pk = :p AND order_id = :o'" + VALUES),
        Arguments.of("Pattern.ScanUsed", "Shop", null, "Scan", "aws dynamodb scan --table-name Shop"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void eachCheckFires(String id, String table, String index, String operation, String command) {
    List<Diagnostic> found = check(table, index, operation, command);
    assertThat(found).extracting(Diagnostic::id).as(command).contains(id);
    assertThat(found).filteredOn(d -> d.id().equals(id)).allSatisfy(d -> {
      assertThat(d.location().pointer()).isEqualTo("/access_patterns/0");
      assertThat(d.hint()).isNotBlank();
    });
  }

  @Test
  void theExamplePatternsPassTheErrorChecks() {
    for (AccessPatternSpec ap : model.accessPatterns()) {
      if (ap.implementation().isPresent()) {
        AwsCliCommand cmd = AwsCliCommandParser.parse(ap.implementation().get()).unwrap();
        assertThat(StaticChecks.check(model, ap, cmd, SourceLocation.of("m.json", ap.pointer())))
            .as(ap.pattern()).noneMatch(Diagnostic::isError);
      }
    }
  }

  @Test
  void commandWarnings() {
    assertThat(AwsCliCommandParser.parse("aws dynamodb scan --table-name Shop --limit 5 --max-items 10").diagnostics())
        .extracting(Diagnostic::id).containsExactly("Command.LimitAndMaxItems");
    assertThat(AwsCliCommandParser.parse("aws dynamodb query --table-name Shop --index-name OrdersByStatus --key-condition-expression"
        + " '#st = :s' --expression-attribute-names '{\"#st\":\"status\"}'" + VALUES + " --consistent-read").diagnostics())
        .extracting(Diagnostic::id).containsExactly("Command.ConsistentReadOnIndex");
  }
}
