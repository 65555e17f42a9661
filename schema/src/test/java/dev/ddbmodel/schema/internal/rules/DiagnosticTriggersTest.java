package dev.ddbmodel.schema.internal.rules;

import dev.ddbmodel.schema.SchemaLoader;
import dev.ddbmodel.schema.SchemaValidation;
import dev.ddbmodel.schema.SchemaValidationReport;
import dev.ddbmodel.schema.SchemaValidationRequest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddbmodel.core.json.Json;
import dev.ddbmodel.core.json.JsonDocument;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One small edit of the ecommerce example per schema.json / usage_data.json diagnostic id that no
 * other test produced; the edited file must be reported with that id (docs/diagnostics.md).
 */
class DiagnosticTriggersTest {
  static final Path EXAMPLE = Path.of("../examples/models/ecommerce");
  @TempDir Path tmp;

  static ObjectNode read(String file) throws Exception {
    return (ObjectNode) Json.parseTrusted(Files.readString(EXAMPLE.resolve(file), StandardCharsets.UTF_8));
  }

  static ObjectNode shop(ObjectNode schema) {
    return (ObjectNode) schema.get("tables").get(0);
  }

  static ObjectNode entity(ObjectNode schema, String name) {
    return (ObjectNode) shop(schema).get("entities").get(name);
  }

  static Arguments edit(String id, Consumer<ObjectNode> e) {
    return Arguments.of(id, e);
  }

  static Stream<Arguments> schemaEdits() {
    return Stream.of(
        edit("Schema.DuplicateParameter", s -> {
          ArrayNode ps = (ArrayNode) entity(s, "Customer").get("access_patterns").get(0).get("parameters");
          ps.add(ps.get(0).deepCopy());
        }),
        edit("Schema.GsiListPlacement", s -> ((ObjectNode) shop(s).get("table_config")).putArray("gsi_list")),
        edit("Schema.IncludeUnknownField", s -> ((ObjectNode) shop(s).get("gsi_list").get(0)).put("projection", "INCLUDE")
            .putArray("included_attributes").add("no_such_field")),
        edit("Schema.Involvement", s -> {
          ObjectNode x = s.putArray("cross_table_access_patterns").addObject();
          x.put("pattern_id", 99).put("name", "move").put("description", "d").put("operation", "TransactWrite").put("return_type", "boolean");
          x.putArray("entities_involved");
        }),
        edit("Schema.ConditionPlaceholder", s -> ((ObjectNode) s.get("cross_table_access_patterns").get(0).get("entities_involved").get(1))
            .put("condition", "stock >= :quantity AND #reserved < :max_reserved")),
        edit("Schema.MappingNoSortKey", s -> ((ObjectNode) entity(s, "Order").get("gsi_mappings").get(0)).remove("sk_template")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("schemaEdits")
  void schemaJson(String id, Consumer<ObjectNode> e) throws Exception {
    ObjectNode s = read("schema.json");
    assertThat(ids(s)).as("the example itself").isEmpty();
    e.accept(s);
    assertThat(ids(s)).contains(id);
  }

  static List<String> ids(JsonNode schema) {
    return SchemaLoader.check(JsonDocument.parse("schema.json", Json.pretty(schema)).unwrap()).stream().map(i -> i.diagnostic().id()).toList();
  }

  static ObjectNode customer(ObjectNode usage) {
    return (ObjectNode) usage.get("entities").get("Customer");
  }

  static Stream<Arguments> usageEdits() {
    return Stream.of(
        edit("Usage.UnknownKey", u -> u.put("extra", 1)),
        edit("Usage.Entities", u -> u.putObject("entities")),
        edit("Usage.MissingEntities", u -> ((ObjectNode) u.get("entities")).remove("Customer")),
        edit("Usage.UnknownEntity", u -> ((ObjectNode) u.get("entities")).set("Custmer", customer(u).deepCopy())),
        edit("Usage.Type", u -> ((ObjectNode) u.get("entities")).put("Customer", "x")),
        edit("Usage.MissingSection", u -> customer(u).remove("access_pattern_data")),
        edit("Usage.UnknownSection", u -> customer(u).putObject("extra_data")),
        edit("Usage.EmptySample", u -> customer(u).putObject("sample_data")),
        edit("Usage.UnknownField", u -> ((ObjectNode) customer(u).get("sample_data")).put("nickname", "x")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("usageEdits")
  void usageData(String id, Consumer<ObjectNode> e) throws Exception {
    ObjectNode u = read("usage_data.json");
    e.accept(u);
    assertThat(usageIds(Json.pretty(u))).contains(id);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("usageRoots")
  void usageDataRoot(String id, String text) throws Exception {
    assertThat(usageIds(text)).contains(id);
  }

  static Stream<Arguments> usageRoots() {
    return Stream.of(Arguments.of("Usage.Root", "[]"));
  }

  List<String> usageIds(String usage) throws Exception {
    Path schema = Files.copy(EXAMPLE.resolve("schema.json"), tmp.resolve("schema.json"));
    Path data = Files.writeString(tmp.resolve("usage_data.json"), usage);
    SchemaValidationReport r = SchemaValidation.validate(new SchemaValidationRequest(schema, Optional.of(data), Optional.of(tmp)));
    return r.usageIssues().orElseThrow().stream().map(i -> i.diagnostic().id()).toList();
  }
}
