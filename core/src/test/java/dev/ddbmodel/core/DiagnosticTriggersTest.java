package dev.ddbmodel.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddbmodel.core.io.PathGuard;
import dev.ddbmodel.core.json.Json;
import dev.ddbmodel.core.json.JsonDocument;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One small edit of a valid example per diagnostic id of core that no other test produced:
 * the edited input must be reported with exactly that id (docs/diagnostics.md,
 * docs/data-model-format.md; the catalogue test checks that every id has such a test).
 */
class DiagnosticTriggersTest {
  static final Path EXAMPLES = Path.of("../examples/models/ecommerce");
  @TempDir Path tmp;

  static ObjectNode example(String file) {
    try {
      return (ObjectNode) Json.parseTrusted(Files.readString(EXAMPLES.resolve(file), StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static List<String> ids(Validated<?> v) {
    return v.diagnostics().stream().map(Diagnostic::id).toList();
  }

  // ---- cost input ------------------------------------------------------------------------------

  static Arguments cost(String id, Consumer<ObjectNode> edit) {
    return Arguments.of(id, edit);
  }

  static ObjectNode pattern(ObjectNode root, int i) {
    return (ObjectNode) root.path("access_pattern_list").get(i);
  }

  static Stream<Arguments> costEdits() {
    return Stream.of(
        cost("Cost.Required", r -> r.remove("table_list")),
        cost("Cost.Type", r -> ((ArrayNode) r.get("table_list")).set(0, Json.mapper().getNodeFactory().textNode("Shop"))),
        cost("Cost.DuplicateTable", r -> ((ArrayNode) r.get("table_list")).add(r.get("table_list").get(0).deepCopy())),
        cost("Cost.DuplicateGsi", r -> {
          for (JsonNode t : r.get("table_list")) {
            if (t.path("gsi_list").size() > 0) {
              ((ArrayNode) t.get("gsi_list")).add(t.get("gsi_list").get(0).deepCopy());
              return;
            }
          }
          throw new AssertionError("the example has a table with GSIs");
        }),
        cost("Cost.Empty", r -> pattern(r, 2).put("gsi", "")),
        cost("Cost.GsiOnOperation", r -> pattern(r, 0).put("gsi", "OrdersByStatus")),
        cost("Cost.GsiListOnRead", r -> pattern(r, 0).putArray("gsi_list").add("OrdersByStatus")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("costEdits")
  void costInput(String id, Consumer<ObjectNode> edit) {
    ObjectNode root = example("cost_input.json");
    assertThat(ids(CostRequest.fromJson(root.deepCopy(), "cost.json").flatMap(CostCalculator::compute))).as("the example itself").isEmpty();
    edit.accept(root);
    Validated<?> v = CostRequest.fromJson(root, "cost.json").flatMap(CostCalculator::compute);
    assertThat(v.isValid()).isFalse();
    assertThat(ids(v)).contains(id);
  }

  // ---- dynamodb_data_model.json ----------------------------------------------------------------

  static ObjectNode table(ObjectNode root, int i) {
    return (ObjectNode) root.get("tables").get(i);
  }

  static ObjectNode firstItem(ObjectNode root) {
    return (ObjectNode) root.get("items").get("Shop").get(0).get("PutRequest").get("Item");
  }

  static Stream<Arguments> modelEdits() {
    return Stream.of(
        cost("DataModel.DuplicateAttributeDefinition", r -> ((ArrayNode) table(r, 0).get("AttributeDefinitions"))
            .add(table(r, 0).get("AttributeDefinitions").get(0).deepCopy())),
        cost("DataModel.DuplicateIndex", r -> ((ArrayNode) table(r, 0).get("GlobalSecondaryIndexes"))
            .add(table(r, 0).get("GlobalSecondaryIndexes").get(0).deepCopy())),
        cost("DataModel.Empty", r -> ((ObjectNode) table(r, 0).get("GlobalSecondaryIndexes").get(0)).putArray("KeySchema")),
        cost("DataModel.Range", r -> table(r, 0).put("BillingMode", "PROVISIONED").putObject("ProvisionedThroughput")
            .put("ReadCapacityUnits", 0).put("WriteCapacityUnits", 1)),
        cost("DataModel.TooManyIndexes", r -> {
          ArrayNode gsis = (ArrayNode) table(r, 0).get("GlobalSecondaryIndexes");
          for (int i = 0; i < 21; i++) {
            ((ObjectNode) gsis.add(gsis.get(0).deepCopy()).get(gsis.size() - 1)).put("IndexName", "Extra" + i);
          }
        }),
        cost("DataModel.TtlOnKey", r -> table(r, 0).putObject("TimeToLiveSpecification").put("Enabled", true).put("AttributeName", "sk")),
        cost("DataModel.ItemEmptyKey", r -> firstItem(r).putObject("sk").put("S", "")),
        cost("DataModel.ItemTooLarge", r -> firstItem(r).putObject("blob").put("S", "x".repeat(410 * 1024))),
        cost("DataModel.DeleteKey", r -> {
          ObjectNode key = firstItem(r).deepCopy();
          ((ArrayNode) r.get("items").get("Shop")).addObject().putObject("DeleteRequest").set("Key", key);
        }),
        cost("DataModel.TooManyProjectedAttributes", r -> {
          ObjectNode proj = ((ObjectNode) table(r, 0).get("GlobalSecondaryIndexes").get(0)).putObject("Projection").put("ProjectionType", "INCLUDE");
          ArrayNode attrs = proj.putArray("NonKeyAttributes");
          for (int i = 0; i < 101; i++) {
            attrs.add("a" + i);
          }
        }),
        cost("DataModel.OperationMissing", r -> ((ObjectNode) r.get("access_patterns").get(0)).remove("dynamodb_operation")),
        cost("DataModel.PatternTableMissing", r -> ((ObjectNode) r.get("access_patterns").get(0)).remove("table")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("modelEdits")
  void dataModel(String id, Consumer<ObjectNode> edit) {
    ObjectNode root = example("dynamodb_data_model.json");
    edit.accept(root);
    Validated<?> v = DataModelLoader.parse("m.json", Json.pretty(root));
    assertThat(ids(v)).contains(id);
    assertThat(v.diagnostics()).filteredOn(d -> d.id().equals(id)).allSatisfy(d -> assertThat(d.location().line()).isPositive());
  }

  // ---- JSON and paths --------------------------------------------------------------------------

  @Test
  void jsonTooDeep() {
    // deeper than Jackson's own limit too: was reported as Json.Syntax without a position
    String deep = "[".repeat(5000) + "]".repeat(5000);
    Validated<JsonDocument> v = JsonDocument.parse("deep.json", deep);
    assertThat(ids(v)).containsExactly("Json.TooDeep");
    assertThat(v.diagnostics().get(0).location().line()).isEqualTo(1);
    assertThat(v.diagnostics().get(0).location().column()).isGreaterThan(200);
  }

  @Test
  void pathInvalid() throws Exception {
    // a lone surrogate cannot be encoded as a file name
    Validated<Path> v = PathGuard.of(tmp).unwrap().resolve("a\uD800b.json");
    assertThat(ids(v)).containsExactly("Path.Invalid");
  }
}
