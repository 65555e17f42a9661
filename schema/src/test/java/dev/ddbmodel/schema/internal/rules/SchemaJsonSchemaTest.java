package dev.ddbmodel.schema.internal.rules;

import dev.ddbmodel.schema.SchemaIssue;
import dev.ddbmodel.schema.SchemaLoader;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.Validated;
import dev.ddbmodel.core.json.Json;
import dev.ddbmodel.core.json.JsonDocument;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SchemaJsonSchemaTest {
  private static final Path FIXTURES = Path.of("src/test/resources/dev/ddbmodel/schema");
  private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
      .getSchema(SchemaLocation.of("classpath:" + SchemaJsonSchema.RESOURCE));

  /** Applicators whose sub-schemas constrain values rather than define properties. */
  private static final Set<String> CONDITIONAL = Set.of("if", "then", "else", "not", "anyOf", "allOf", "oneOf", "dependentSchemas");

  private static List<Error> validate(String json) {
    return SCHEMA.validate(json, InputFormat.JSON);
  }

  private static List<Error> validate(JsonNode doc) {
    return validate(Json.compact(doc));
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<Path> list(Path dir, String glob) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().matches(glob)).sorted().toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Errors the Java validator reports for a document (a parse failure counts as an error). */
  private static List<Diagnostic> javaErrors(String json) {
    Validated<JsonDocument> parsed = JsonDocument.parse("schema.json", json);
    if (!(parsed instanceof Validated.Valid<JsonDocument> v)) {
      return parsed.diagnostics();
    }
    return SchemaLoader.check(v.value()).stream().map(SchemaIssue::diagnostic).filter(Diagnostic::isError).toList();
  }

  static Stream<Path> validDocuments() {
    List<Path> all = new ArrayList<>();
    all.addAll(list(FIXTURES.resolve("valid"), ".*\\.json"));
    all.addAll(list(FIXTURES.resolve("warnings"), ".*\\.json"));
    for (Path dir : list(Path.of("../examples/models"), "[^.].*")) {
      if (Files.isRegularFile(dir.resolve("schema.json"))) {
        all.add(dir.resolve("schema.json"));
      }
    }
    return all.stream();
  }

  @Test
  void findsTheValidDocuments() {
    assertThat(validDocuments().map(p -> p.getFileName().toString())).contains("spec_example.json", "gsi_list_inside_table_config.json");
    assertThat(validDocuments().filter(p -> p.toString().contains("examples"))).hasSizeGreaterThanOrEqualTo(4);
  }

  @ParameterizedTest
  @MethodSource("validDocuments")
  void acceptsEveryValidDocument(Path file) {
    String json = read(file);
    assertThat(javaErrors(json)).as("the Java validator accepts %s", file).isEmpty();
    assertThat(validate(json)).as("JSON Schema errors for %s", file).isEmpty();
  }

  // ------------------------------------------------------------------ structurally wrong documents

  private static final String MINIMAL = """
      {"tables": [{
        "table_config": {"table_name": "Users", "partition_key": "pk", "sort_key": "sk"},
        "gsi_list": [{"name": "ByEmail", "partition_key": "email"}],
        "entities": {"User": {
          "entity_type": "USER", "pk_template": "USER#{user_id}", "sk_template": "PROFILE",
          "gsi_mappings": [{"name": "ByEmail", "pk_template": "{email}"}],
          "fields": [{"name": "user_id", "type": "string", "required": true},
                     {"name": "email", "type": "string", "required": true},
                     {"name": "age", "type": "integer", "required": false}],
          "access_patterns": [
            {"pattern_id": 1, "name": "get_user", "description": "By id", "operation": "GetItem",
             "parameters": [{"name": "user_id", "type": "string"}], "return_type": "single_entity"},
            {"pattern_id": 2, "name": "adults", "description": "Scan with filter", "operation": "Scan",
             "parameters": [{"name": "min_age", "type": "integer"}],
             "filter_expression": {"conditions": [{"field": "age", "operator": ">=", "param": "min_age"}]},
             "return_type": "entity_list"}]}}}],
       "cross_table_access_patterns": [
         {"pattern_id": 3, "name": "read_both", "description": "Atomic read", "operation": "TransactGet",
          "entities_involved": [{"table": "Users", "entity": "User", "action": "Get"}],
          "parameters": [{"name": "user_id", "type": "string"}], "return_type": "object"}]}
      """;

  private static final String USER = "/tables/0/entities/User";

  private static Arguments broken(String name, Consumer<ObjectNode> change) {
    return Arguments.of(name, change);
  }

  static Stream<Arguments> brokenDocuments() {
    return Stream.of(
        broken("root is an array", r -> r.removeAll()),
        broken("tables missing", r -> r.remove("tables")),
        broken("tables empty", r -> r.putArray("tables")),
        broken("tables is an object", r -> r.putObject("tables")),
        broken("table_config missing", r -> obj(r, "/tables/0").remove("table_config")),
        broken("partition_key not a string", r -> obj(r, "/tables/0/table_config").put("partition_key", 1)),
        broken("table_name too short", r -> obj(r, "/tables/0/table_config").put("table_name", "U")),
        broken("entities empty", r -> obj(r, "/tables/0").putObject("entities")),
        broken("entity_type not a string", r -> obj(r, USER).put("entity_type", 7)),
        broken("pk_template is an array", r -> obj(r, USER).putArray("pk_template").add("USER#{user_id}")),
        broken("fields missing", r -> obj(r, USER).remove("fields")),
        broken("fields empty", r -> obj(r, USER).putArray("fields")),
        broken("field type is not a string", r -> obj(r, USER + "/fields/0").put("type", true)),
        broken("unknown field type", r -> obj(r, USER + "/fields/0").put("type", "timestamp")),
        broken("required is a number", r -> obj(r, USER + "/fields/0").put("required", 1)),
        broken("array field without item_type", r -> obj(r, USER + "/fields/2").put("type", "array")),
        broken("unknown operation", r -> obj(r, USER + "/access_patterns/0").put("operation", "Get")),
        broken("unknown return_type", r -> obj(r, USER + "/access_patterns/0").put("return_type", "list")),
        broken("pattern_id is a string", r -> obj(r, USER + "/access_patterns/0").put("pattern_id", "1")),
        broken("description missing", r -> obj(r, USER + "/access_patterns/0").remove("description")),
        broken("unknown parameter type", r -> obj(r, USER + "/access_patterns/0/parameters/0").put("type", "str")),
        broken("entity parameter without entity_type", r -> obj(r, USER + "/access_patterns/0/parameters/0").put("type", "entity")),
        broken("unknown range_condition", r -> obj(r, USER + "/access_patterns/0").put("range_condition", "starts_with")),
        broken("range_condition on GetItem", r -> obj(r, USER + "/access_patterns/0").put("range_condition", ">")),
        broken("consistent_read is a string", r -> obj(r, USER + "/access_patterns/0").put("consistent_read", "yes")),
        broken("consistent_read on a GSI", r -> obj(r, USER + "/access_patterns/0").put("consistent_read", true).put("index_name", "ByEmail")),
        broken("filter on GetItem", r -> obj(r, USER + "/access_patterns/0").set("filter_expression",
            obj(r, USER + "/access_patterns/1/filter_expression").deepCopy())),
        broken("unknown filter operator", r -> obj(r, USER + "/access_patterns/1/filter_expression/conditions/0").put("operator", "==")),
        broken("between without param2", r -> obj(r, USER + "/access_patterns/1/filter_expression/conditions/0").put("operator", "between")),
        broken("operator and function", r -> obj(r, USER + "/access_patterns/1/filter_expression/conditions/0").put("function", "contains")),
        broken("logical_operator XOR", r -> obj(r, USER + "/access_patterns/1/filter_expression").put("logical_operator", "XOR")),
        broken("unknown projection", r -> obj(r, "/tables/0/gsi_list/0").put("projection", "KEYS")),
        broken("INCLUDE without included_attributes", r -> obj(r, "/tables/0/gsi_list/0").put("projection", "INCLUDE")),
        broken("included_attributes with KEYS_ONLY", r -> obj(r, "/tables/0/gsi_list/0").put("projection", "KEYS_ONLY").putArray("included_attributes").add("age")),
        broken("GSI key with five attributes", r -> {
          ArrayNode a = obj(r, "/tables/0/gsi_list/0").putArray("partition_key");
          List.of("a", "b", "c", "d", "e").forEach(a::add);
        }),
        broken("GSI mapping without pk_template", r -> obj(r, USER + "/gsi_mappings/0").remove("pk_template")),
        broken("unknown cross-table operation", r -> obj(r, "/cross_table_access_patterns/0").put("operation", "TransactRead")),
        broken("Put in a TransactGet", r -> obj(r, "/cross_table_access_patterns/0/entities_involved/0").put("action", "Put")),
        broken("cross-table parameters missing", r -> obj(r, "/cross_table_access_patterns/0").remove("parameters")),
        broken("unknown cross-table return_type", r -> obj(r, "/cross_table_access_patterns/0").put("return_type", "single_entity")));
  }

  private static ObjectNode obj(ObjectNode root, String pointer) {
    return (ObjectNode) root.at(pointer);
  }

  @Test
  void theMinimalDocumentIsValid() {
    assertThat(javaErrors(MINIMAL)).isEmpty();
    assertThat(validate(MINIMAL)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenDocuments")
  void rejectsStructuralErrors(String name, Consumer<ObjectNode> change) {
    ObjectNode doc = (ObjectNode) Json.parseTrusted(MINIMAL);
    change.accept(doc);
    String json = name.equals("root is an array") ? "[]" : Json.compact(doc);
    assertThat(javaErrors(json)).as("the Java validator rejects it too").isNotEmpty();
    assertThat(validate(json)).as(name).isNotEmpty();
  }

  // ------------------------------------------------------------------ error fixtures

  static Stream<Path> errorFiles() {
    return list(FIXTURES.resolve("errorfiles"), ".*\\.json").stream();
  }

  /** Error fixtures whose problem is structural, so the JSON Schema must see it too. */
  private static final Set<String> STRUCTURAL = Set.of("array_without_item_type", "consistent_read_on_gsi", "cross_table_bad_action",
      "cross_table_invalid_operation", "cross_table_return_type", "empty_tables", "entities_empty", "field_required_not_bool", "field_type_typo",
      "filter_between_missing_param2", "filter_in_without_params", "filter_invalid_function", "filter_invalid_operator", "filter_on_put",
      "gsi_invalid_projection", "gsi_too_many_key_attributes", "include_without_attributes", "invalid_table_name",
      "missing_partition_key", "missing_tables", "operation_typo", "parameter_type_invalid", "partition_key_not_string", "pattern_id_string",
      "range_between_missing_param", "range_condition_invalid", "range_condition_on_scan", "return_type_invalid", "root_not_object");

  @ParameterizedTest
  @MethodSource("errorFiles")
  void errorFixturesAreHandled(Path file) {
    String json = read(file);
    String name = file.getFileName().toString().replaceFirst("\\.json$", "");
    List<Error> errors = validate(json);
    if (STRUCTURAL.contains(name)) {
      assertThat(errors).as("%s is a structural error", name).isNotEmpty();
    }
    // Semantic problems (names that must match, duplicates) are left to the Java validator.
    assertThat(javaErrors(json)).as("%s fails the Java validator", name).isNotEmpty();
  }

  // ------------------------------------------------------------------ Java-valid implies JSON-Schema-valid

  private static final List<JsonNode> REPLACEMENTS = List.of(JsonNodeFactory.instance.nullNode(), JsonNodeFactory.instance.textNode(""),
      JsonNodeFactory.instance.textNode("x"), JsonNodeFactory.instance.numberNode(0), JsonNodeFactory.instance.numberNode(5),
      JsonNodeFactory.instance.booleanNode(true), JsonNodeFactory.instance.booleanNode(false), JsonNodeFactory.instance.arrayNode(),
      JsonNodeFactory.instance.objectNode());

  /**
   * Mutates every value of small valid documents (remove, replace by null, "", "x", 0, 5, true,
   * false, [] or {}) and checks that whatever the Java validator still accepts, the JSON Schema
   * accepts too.
   */
  @Test
  void acceptsEveryMutationTheJavaValidatorAccepts() {
    List<String> sources = List.of(MINIMAL, read(FIXTURES.resolve("valid/spec_example.json")));
    List<String> mismatches = new ArrayList<>();
    int javaValid = 0;
    for (String source : sources) {
      JsonNode original = Json.parseTrusted(source);
      List<String> pointers = new ArrayList<>();
      collect(original, "", pointers);
      for (String ptr : pointers) {
        List<JsonNode> variants = new ArrayList<>();
        variants.add(null);
        variants.addAll(REPLACEMENTS);
        for (JsonNode replacement : variants) {
          JsonNode doc = original.deepCopy();
          if (!mutate(doc, ptr, replacement)) {
            continue;
          }
          String json = Json.compact(doc);
          if (javaErrors(json).isEmpty()) {
            javaValid++;
            List<Error> errors = validate(json);
            if (!errors.isEmpty()) {
              mismatches.add(ptr + " := " + (replacement == null ? "<removed>" : replacement.toString()) + " -> " + errors.get(0).getMessage());
            }
          }
        }
      }
    }
    assertThat(javaValid).isGreaterThan(100);
    assertThat(mismatches).as("documents the Java validator accepts but the JSON Schema rejects").isEmpty();
  }

  private static void collect(JsonNode n, String ptr, List<String> out) {
    if (!ptr.isEmpty()) {
      out.add(ptr);
    }
    if (n.isObject()) {
      n.fieldNames().forEachRemaining(k -> collect(n.get(k), ptr + "/" + k.replace("~", "~0").replace("/", "~1"), out));
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        collect(n.get(i), ptr + "/" + i, out);
      }
    }
  }

  /** Removes ({@code value == null}) or replaces the node at a pointer; false when nothing changes. */
  private static boolean mutate(JsonNode root, String ptr, JsonNode value) {
    int cut = ptr.lastIndexOf('/');
    JsonNode parent = root.at(ptr.substring(0, cut));
    String last = ptr.substring(cut + 1).replace("~1", "/").replace("~0", "~");
    if (parent instanceof ObjectNode o) {
      if (value == null) {
        o.remove(last);
      } else if (value.equals(o.get(last))) {
        return false;
      } else {
        o.set(last, value);
      }
      return true;
    }
    ArrayNode a = (ArrayNode) parent;
    int i = Integer.parseInt(last);
    if (value == null) {
      a.remove(i);
    } else if (value.equals(a.get(i))) {
      return false;
    } else {
      a.set(i, value);
    }
    return true;
  }

  // ------------------------------------------------------------------ the schema itself

  @Test
  void isValidDraft202012WithIdAndTitle() {
    String text = SchemaJsonSchema.text();
    JsonNode schema = Json.parseTrusted(text);
    assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
    assertThat(schema.path("$id").asText()).isEqualTo(SchemaJsonSchema.ID).isEqualTo("https://ddbmodel.dev/schemas/schema.json.schema.json");
    assertThat(schema.path("title").asText()).isNotBlank();
    assertThat(schema.path("description").asText()).isNotBlank();
    Schema meta = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
    assertThat(meta.validate(text, InputFormat.JSON)).isEmpty();
  }

  @Test
  void everyPropertyHasADescription() {
    JsonNode schema = Json.parseTrusted(SchemaJsonSchema.text());
    List<String> missing = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    describe(schema, "#", missing, seen);
    assertThat(seen).hasSizeGreaterThan(60).contains("#/$defs/field/properties/type", "#/$defs/accessPattern/properties/operation");
    assertThat(missing).as("property definitions without a description").isEmpty();
  }

  /** Walks the structural keywords (not the conditional applicators) and checks each property definition. */
  private static void describe(JsonNode n, String at, List<String> missing, List<String> seen) {
    if (!n.isObject()) {
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = n.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey();
      String path = at + "/" + key;
      if (CONDITIONAL.contains(key)) {
        continue;
      }
      switch (key) {
        case "properties" -> e.getValue().properties().forEach(p -> {
          String pp = path + "/" + p.getKey();
          seen.add(pp);
          if (p.getValue().path("description").asText("").isBlank()) {
            missing.add(pp);
          }
          describe(p.getValue(), pp, missing, seen);
        });
        case "$defs" -> e.getValue().properties().forEach(d -> describe(d.getValue(), path + "/" + d.getKey(), missing, seen));
        case "items", "additionalProperties" -> describe(e.getValue(), path, missing, seen);
        default -> { }
      }
    }
  }

  @Test
  void everyReferenceResolves() {
    JsonNode schema = Json.parseTrusted(SchemaJsonSchema.text());
    List<String> refs = new ArrayList<>();
    refs(schema, refs);
    assertThat(refs).isNotEmpty();
    for (String ref : refs) {
      assertThat(ref).startsWith("#/$defs/");
      assertThat(schema.at(ref.substring(1)).isObject()).as(ref).isTrue();
    }
    assertThat(SchemaJsonSchema.RESOURCE.toLowerCase(Locale.ROOT)).endsWith(".schema.json");
  }

  private static void refs(JsonNode n, List<String> out) {
    if (n.isObject() && n.path("$ref").isTextual()) {
      out.add(n.get("$ref").asText());
    }
    n.forEach(c -> refs(c, out));
  }
}
