package dev.ddbmodel.validation.internal.workbench;

import dev.ddbmodel.validation.ExportRequest;
import dev.ddbmodel.validation.ExportResult;
import dev.ddbmodel.validation.WorkbenchConversion;
import dev.ddbmodel.validation.WorkbenchExport;
import dev.ddbmodel.validation.WorkbenchImport;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.Validated;
import dev.ddbmodel.core.json.Json;
import dev.ddbmodel.core.json.JsonDocument;
import dev.ddbmodel.core.DataModelLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** import(export(x)) = x, on seeded random models, the bundled examples and the hand-written Workbench files. */
class WorkbenchRoundTripTest {
  static final Instant NOW = Instant.parse("2025-03-04T05:06:07Z");
  static final Path EXAMPLES = Path.of("../examples/models");

  static Stream<Long> seeds() {
    return LongStream.rangeClosed(1, 60).boxed();
  }

  /** Re-parses so that number node classes (int/long/decimal) do not decide equality. */
  static JsonNode norm(JsonNode n) {
    return Json.parseTrusted(Json.compact(n));
  }

  static WorkbenchExport.Conversion export(ObjectNode model, Optional<JsonNode> schema) {
    JsonDocument m = JsonDocument.parse(DataModelLoader.FILE_NAME, Json.pretty(model)).unwrap();
    assertThat(DataModelLoader.fromDocument(m).errors()).as("the input model loads").isEmpty();
    return WorkbenchExport.convert(m, schema.map(s -> JsonDocument.parse("schema.json", Json.pretty(s)).unwrap()), "RoundTrip", NOW);
  }

  static WorkbenchConversion reimport(WorkbenchExport.Conversion e) {
    Validated<WorkbenchConversion> c = WorkbenchImport.convert(JsonDocument.parse("wb.json", Json.pretty(e.workbench())).unwrap());
    assertThat(c.errors()).as("the exported file imports").isEmpty();
    return c.unwrap();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void importOfExportIsTheModel(long seed) {
    ObjectNode x = RandomModels.model(seed);
    WorkbenchExport.Conversion e = export(x, Optional.empty());
    assertThat(e.findings()).as("nothing of a Workbench-expressible model is lost").noneMatch(d -> d.id().equals("Workbench.NotCarried"));
    WorkbenchConversion back = reimport(e);
    assertThat(norm(back.model())).isEqualTo(norm(x));
    // and the skeleton made from it always passes the schema validator
    assertThat(dev.ddbmodel.schema.SchemaLoader.parse("schema.json", Json.pretty(back.schema())).errors()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"ecommerce", "social", "saas-multitenant", "iot-telemetry"})
  void examplesRoundTripWithTheirFacets(String example) throws IOException {
    ObjectNode model = (ObjectNode) Json.parseTrusted(Files.readString(EXAMPLES.resolve(example).resolve("dynamodb_data_model.json")));
    JsonNode schema = Json.parseTrusted(Files.readString(EXAMPLES.resolve(example).resolve("schema.json")));
    WorkbenchExport.Conversion e = export(model, Optional.of(schema));
    assertThat(e.facets()).isEqualTo(countEntities(schema));
    assertThat(e.findings()).filteredOn(d -> d.id().equals("Workbench.NotCarried")).extracting(Diagnostic::message)
        .anyMatch(m -> m.contains("access pattern(s): Workbench model files have no access patterns"));
    WorkbenchConversion back = reimport(e);
    // the model without its access patterns (Workbench has none), items in any order (they are grouped by facet)
    ObjectNode expected = model.deepCopy();
    expected.putArray("access_patterns");
    ObjectNode actual = back.model();
    assertThat(norm(actual.get("tables"))).isEqualTo(norm(withoutUncarried(expected.get("tables"))));
    expected.path("items").fieldNames().forEachRemaining(t ->
        assertThat(items(actual, t)).as(t).containsExactlyInAnyOrderElementsOf(items(expected, t)));
    // facets come back as the same entities with the same key templates
    for (int i = 0; i < schema.path("tables").size(); i++) {
      JsonNode want = schema.path("tables").get(i).path("entities");
      JsonNode got = back.schema().path("tables").get(i).path("entities");
      assertThat(iterate(got.fieldNames())).isEqualTo(iterate(want.fieldNames()));
      want.fieldNames().forEachRemaining(n -> {
        assertThat(got.path(n).path("pk_template")).as(n).isEqualTo(want.path(n).path("pk_template"));
        assertThat(got.path(n).path("sk_template")).as(n).isEqualTo(want.path(n).path("sk_template"));
        assertThat(fieldNames(got.path(n))).as(n).containsAll(fieldNames(want.path(n)));
      });
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"library.json", "legacy-v1.json"})
  void workbenchFilesSurviveImportAndExport(String file) throws IOException {
    WorkbenchConversion first = WorkbenchImportTest.convert(file);
    WorkbenchExport.Conversion e = export(first.model(), Optional.of(first.schema()));
    WorkbenchConversion second = reimport(e);
    assertThat(norm(second.model().get("tables"))).isEqualTo(norm(first.model().get("tables")));
    for (String t : first.tables()) {
      assertThat(items(second.model(), t)).containsExactlyInAnyOrderElementsOf(items(first.model(), t));
    }
    assertThat(norm(second.schema())).isEqualTo(norm(first.schema()));
    if (file.equals("library.json")) {
      assertThat(e.findings()).extracting(Diagnostic::id).contains("Workbench.LocalIndexes");
    }
    // the Workbench structure itself: keys, indexes, capacity and every item survive
    JsonNode source = Json.parseTrusted(Files.readString(WorkbenchImportTest.FILES.resolve(file)));
    for (int i = 0; i < source.path("DataModel").size(); i++) {
      JsonNode a = source.path("DataModel").get(i);
      JsonNode b = e.workbench().path("DataModel").get(i);
      for (String k : List.of("TableName", "KeyAttributes", "GlobalSecondaryIndexes", "LocalSecondaryIndexes", "ProvisionedCapacitySettings")) {
        assertThat(norm(b.path(k))).as(file + " " + k).isEqualTo(norm(a.path(k)));
      }
      assertThat(allItems(b)).containsExactlyInAnyOrderElementsOf(allItems(numbersAsStrings(a)));
      // a table without facets got one entity, which is now its facet
      List<String> facets = a.path("TableFacets").isEmpty() ? List.of(a.path("TableName").asText()) : a.path("TableFacets").findValuesAsText("FacetName");
      assertThat(b.path("TableFacets").findValuesAsText("FacetName")).isEqualTo(facets);
    }
  }

  @Test
  void everythingWorkbenchCannotHoldIsReported() {
    ObjectNode m = (ObjectNode) Json.parseTrusted("""
        {"tables": [{"TableName": "Tbl", "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"},
          {"AttributeName": "a", "AttributeType": "S"}, {"AttributeName": "b", "AttributeType": "S"}, {"AttributeName": "c", "AttributeType": "S"}],
          "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}], "BillingMode": "PROVISIONED",
          "ProvisionedThroughput": {"ReadCapacityUnits": 5, "WriteCapacityUnits": 5},
          "StreamSpecification": {"StreamEnabled": true, "StreamViewType": "NEW_IMAGE"}, "TableClass": "STANDARD",
          "Tags": [{"Key": "team", "Value": "x"}], "TimeToLiveSpecification": {"AttributeName": "ttl", "Enabled": true},
          "GlobalSecondaryIndexes": [
            {"IndexName": "multi", "KeySchema": [{"AttributeName": "a", "KeyType": "HASH"}, {"AttributeName": "b", "KeyType": "HASH"}],
             "Projection": {"ProjectionType": "ALL"}, "ProvisionedThroughput": {"ReadCapacityUnits": 5, "WriteCapacityUnits": 5}},
            {"IndexName": "other", "KeySchema": [{"AttributeName": "c", "KeyType": "HASH"}], "Projection": {"ProjectionType": "KEYS_ONLY"},
             "ProvisionedThroughput": {"ReadCapacityUnits": 9, "WriteCapacityUnits": 5}}]}],
         "items": {"Tbl": [{"PutRequest": {"Item": {"pk": {"S": "1"}, "v": {"S": "x"}}}}, {"PutRequest": {"Item": {"pk": {"S": "2"}, "v": {"N": "1"}}}},
           {"DeleteRequest": {"Key": {"pk": {"S": "3"}}}}]},
         "access_patterns": [{"pattern": "1", "description": "d", "table": "Tbl", "dynamodb_operation": "GetItem",
           "implementation": "aws dynamodb get-item --table-name Tbl --key '{\\"pk\\": {\\"S\\": \\"1\\"}}'"}]}""");
    WorkbenchExport.Conversion e = export(m, Optional.empty());
    List<String> msgs = e.findings().stream().filter(d -> d.id().equals("Workbench.NotCarried")).map(Diagnostic::message).toList();
    assertThat(msgs).anyMatch(x -> x.contains("1 access pattern(s)"))
        .anyMatch(x -> x.contains("`StreamSpecification` of table `Tbl`"))
        .anyMatch(x -> x.contains("`TableClass` of table `Tbl`"))
        .anyMatch(x -> x.contains("`Tags` of table `Tbl`"))
        .anyMatch(x -> x.contains("`TimeToLiveSpecification` of table `Tbl`"))
        .anyMatch(x -> x.contains("GSI `multi`") && x.contains("multi-attribute key"))
        .anyMatch(x -> x.contains("ProvisionedThroughput of GSI `other`"))
        .anyMatch(x -> x.contains("a DeleteRequest"));
    assertThat(e.findings()).filteredOn(d -> d.id().equals("Workbench.MixedTypes")).singleElement()
        .satisfies(d -> assertThat(d.message()).contains("attribute `v` of `Tbl` has the types S, N"));
    assertThat(e.findings()).allMatch(d -> d.location().line() > 0);
    assertThat(e.workbench().path("DataModel").get(0).path("GlobalSecondaryIndexes").findValuesAsText("IndexName")).containsExactly("other");
    assertThat(e.workbench().path("ModelMetadata")).isEqualTo(Json.parseTrusted("""
        {"Author": "", "DateCreated": "Mar 04, 2025, 05:06 AM", "DateLastModified": "Mar 04, 2025, 05:06 AM",
         "Description": "Exported by ddbm from dynamodb_data_model.json", "AWSService": "Amazon DynamoDB", "Version": "3.0"}"""));
  }

  @Test
  void runWritesTheFileOnceAndRefusesToReplaceIt(@TempDir Path ws) throws IOException {
    Files.copy(EXAMPLES.resolve("social/dynamodb_data_model.json"), ws.resolve("dynamodb_data_model.json"));
    Files.copy(EXAMPLES.resolve("social/schema.json"), ws.resolve("schema.json"));
    ExportRequest req = new ExportRequest(ws, Optional.empty(), Optional.of("Social"), true, false, NOW);
    Validated<ExportResult> r = WorkbenchExport.run(req);
    assertThat(r.errors()).isEmpty();
    assertThat(r.unwrap().file()).isEqualTo(ws.toAbsolutePath().resolve("workbench_model.json"));
    assertThat(Json.parseTrusted(Files.readString(r.unwrap().file())).path("ModelName").asText()).isEqualTo("Social");
    assertThat(WorkbenchExport.run(req).errors()).extracting(Diagnostic::id).containsExactly("Output.Exists");
    Files.writeString(ws.resolve("schema.json"), "{\"tables\": 3}");
    Validated<ExportResult> bad = WorkbenchExport.run(new ExportRequest(ws, Optional.of(ws.resolve("x.json")), Optional.empty(), true, false, NOW));
    assertThat(bad.errors()).extracting(Diagnostic::id).contains("Workbench.SchemaInvalid");
    assertThat(WorkbenchExport.run(new ExportRequest(ws, Optional.of(ws.resolve("x.json")), Optional.empty(), false, false, NOW)).errors()).isEmpty();
    assertThat(WorkbenchExport.run(new ExportRequest(ws.resolve("missing"), Optional.empty(), Optional.empty(), true, false, NOW)).errors())
        .singleElement().satisfies(d -> {
          assertThat(d.id()).isEqualTo("Workbench.NoModel");
          assertThat(d.kind()).isEqualTo(Diagnostic.Kind.USAGE);
        });
  }

  // ---------------------------------------------------------------- helpers

  /** The example tables as Workbench carries them (every setting it has no place for removed). */
  static JsonNode withoutUncarried(JsonNode tables) {
    JsonNode copy = tables.deepCopy();
    for (JsonNode t : copy) {
      ObjectNode o = (ObjectNode) t;
      o.retain("TableName", "AttributeDefinitions", "KeySchema", "BillingMode", "ProvisionedThroughput", "AutoScaling",
          "GlobalSecondaryIndexes", "LocalSecondaryIndexes");
      if (!t.has("BillingMode")) {
        o.put("BillingMode", "PAY_PER_REQUEST");
      }
      // GSIs with multi-attribute keys are left out, and with them the definitions only they used
      com.fasterxml.jackson.databind.node.ArrayNode kept = Json.array();
      t.path("GlobalSecondaryIndexes").forEach(g -> {
        if (g.path("KeySchema").findValuesAsText("KeyType").stream().distinct().count() == g.path("KeySchema").size()) {
          kept.add(g);
        }
      });
      if (kept.isEmpty()) {
        o.remove("GlobalSecondaryIndexes");
      } else {
        o.set("GlobalSecondaryIndexes", kept);
      }
      java.util.Set<String> used = new java.util.LinkedHashSet<>(t.path("KeySchema").findValuesAsText("AttributeName"));
      for (String k : List.of("GlobalSecondaryIndexes", "LocalSecondaryIndexes")) {
        t.path(k).forEach(g -> used.addAll(g.path("KeySchema").findValuesAsText("AttributeName")));
      }
      com.fasterxml.jackson.databind.node.ArrayNode defs = Json.array();
      for (String u : used) {
        t.path("AttributeDefinitions").forEach(d -> {
          if (d.path("AttributeName").asText().equals(u)) {
            defs.add(d);
          }
        });
      }
      o.set("AttributeDefinitions", defs);
    }
    return copy;
  }

  static List<JsonNode> items(JsonNode model, String table) {
    List<JsonNode> out = new ArrayList<>();
    model.path("items").path(table).forEach(e -> out.add(norm(e)));
    return out;
  }

  static List<JsonNode> allItems(JsonNode workbenchTable) {
    List<JsonNode> out = new ArrayList<>();
    workbenchTable.path("TableData").forEach(i -> out.add(norm(i)));
    workbenchTable.path("TableFacets").forEach(f -> f.path("TableData").forEach(i -> out.add(norm(i))));
    return out.stream().distinct().toList();
  }

  static JsonNode numbersAsStrings(JsonNode n) {
    return Json.parseTrusted(Json.compact(n).replaceAll("\\{\"N\":(-?[0-9.]+)\\}", "{\"N\":\"$1\"}"));
  }

  static int countEntities(JsonNode schema) {
    int n = 0;
    for (JsonNode t : schema.path("tables")) {
      n += t.path("entities").size();
    }
    return n;
  }

  static List<String> fieldNames(JsonNode entity) {
    List<String> out = new ArrayList<>();
    entity.path("fields").forEach(f -> out.add(f.path("name").asText()));
    return out;
  }

  static List<String> iterate(java.util.Iterator<String> it) {
    List<String> l = new ArrayList<>();
    it.forEachRemaining(l::add);
    return l;
  }
}
