package dev.ddbmodel.validation.internal.workbench;

import dev.ddbmodel.validation.ImportRequest;
import dev.ddbmodel.validation.ImportResult;
import dev.ddbmodel.validation.WorkbenchConversion;
import dev.ddbmodel.validation.WorkbenchImport;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.Severity;
import dev.ddbmodel.core.Validated;
import dev.ddbmodel.core.json.Json;
import dev.ddbmodel.core.json.JsonDocument;
import dev.ddbmodel.core.DataModelLoader;
import dev.ddbmodel.schema.SchemaLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkbenchImportTest {
  static final Path FILES = Path.of("src/test/resources/workbench");

  static WorkbenchConversion convert(String file) throws IOException {
    Validated<WorkbenchConversion> c = convertRaw(file, Files.readString(FILES.resolve(file)));
    assertThat(c.errors()).as("errors of %s", file).isEmpty();
    return c.unwrap();
  }

  static Validated<WorkbenchConversion> convertRaw(String name, String json) {
    return JsonDocument.parse(name, json).flatMap(WorkbenchImport::convert);
  }

  static JsonNode table(ObjectNode model, String name) {
    for (JsonNode t : model.path("tables")) {
      if (t.path("TableName").asText().equals(name)) {
        return t;
      }
    }
    throw new AssertionError("no table " + name);
  }

  @Test
  void carriesTablesIndexesCapacityAndAutoScaling() throws IOException {
    WorkbenchConversion c = convert("library.json");
    assertThat(c.tables()).containsExactly("Library", "DeviceEvents", "Settings");
    JsonNode lib = table(c.model(), "Library");
    assertThat(lib.path("AttributeDefinitions").findValuesAsText("AttributeName"))
        .containsExactly("PK", "SK", "GSI1PK", "GSI1SK", "Isbn", "Status", "DueDate", "AddedAt");
    assertThat(lib.path("BillingMode").asText()).isEqualTo("PROVISIONED");
    assertThat(lib.path("ProvisionedThroughput")).isEqualTo(Json.parseTrusted("{\"ReadCapacityUnits\":10,\"WriteCapacityUnits\":5}"));
    JsonNode scaling = Json.parseTrusted("{\"Read\":{\"MinCapacity\":2,\"MaxCapacity\":40,\"TargetUtilization\":65},"
        + "\"Write\":{\"MinCapacity\":1,\"MaxCapacity\":20,\"TargetUtilization\":70}}");
    assertThat(lib.path("AutoScaling")).isEqualTo(scaling);
    JsonNode gsis = lib.path("GlobalSecondaryIndexes");
    assertThat(gsis.findValuesAsText("IndexName")).containsExactly("ByAuthor", "ByIsbn", "OpenLoans");
    assertThat(gsis.get(0).path("Projection")).isEqualTo(Json.parseTrusted("{\"ProjectionType\":\"INCLUDE\",\"NonKeyAttributes\":[\"Title\",\"Year\"]}"));
    assertThat(gsis.get(1).path("KeySchema")).isEqualTo(Json.parseTrusted("[{\"AttributeName\":\"Isbn\",\"KeyType\":\"HASH\"}]"));
    for (JsonNode g : gsis) {
      // Workbench has one capacity setting per table; DynamoDB needs it on every GSI of a provisioned table
      assertThat(g.path("ProvisionedThroughput")).isEqualTo(lib.path("ProvisionedThroughput"));
      assertThat(g.path("AutoScaling")).isEqualTo(scaling);
    }
    assertThat(lib.path("LocalSecondaryIndexes").get(0).path("KeySchema"))
        .isEqualTo(Json.parseTrusted("[{\"AttributeName\":\"PK\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"AddedAt\",\"KeyType\":\"RANGE\"}]"));
    JsonNode events = table(c.model(), "DeviceEvents");
    assertThat(events.path("BillingMode").asText()).isEqualTo("PAY_PER_REQUEST");
    assertThat(events.has("ProvisionedThroughput")).isFalse();
    assertThat(events.path("AttributeDefinitions").get(1)).isEqualTo(Json.parseTrusted("{\"AttributeName\":\"At\",\"AttributeType\":\"N\"}"));
    assertThat(table(c.model(), "Settings").path("KeySchema").size()).isEqualTo(1);
    assertThat(c.model().path("access_patterns").isEmpty()).isTrue();
    // the produced model loads like a hand-written one
    assertThat(DataModelLoader.parse("m", Json.pretty(c.model())).errors()).isEmpty();
  }

  @Test
  void carriesEverySampleItemExactlyFromTableAndFacetData() throws IOException {
    WorkbenchConversion c = convert("library.json");
    JsonNode source = Json.parseTrusted(Files.readString(FILES.resolve("library.json")));
    JsonNode lib = source.path("DataModel").get(0);
    List<JsonNode> expected = new java.util.ArrayList<>();
    lib.path("TableData").forEach(expected::add);
    lib.path("TableFacets").forEach(f -> f.path("TableData").forEach(expected::add));
    List<JsonNode> carried = new java.util.ArrayList<>();
    c.model().path("items").path("Library").forEach(e -> carried.add(e.path("PutRequest").path("Item")));
    assertThat(carried).containsExactlyInAnyOrderElementsOf(expected).hasSize(10);
    JsonNode member = carried.stream().filter(i -> i.path("PK").path("S").asText().equals("MEMBER#m1") && i.path("SK").path("S").asText().equals("PROFILE")).findFirst().orElseThrow();
    assertThat(member.path("Thumbs").path("BS").get(1).asText()).isEqualTo("AgM=");
    assertThat(member.path("Prefs").path("M").path("limits").path("M").path("loans").path("N").asText()).isEqualTo("5");
    assertThat(member.path("Nickname").path("NULL").asBoolean()).isTrue();
    assertThat(c.items()).isEqualTo(10 + 3 + 2);
  }

  @Test
  void facetsBecomeEntitiesWithInferredTemplates() throws IOException {
    WorkbenchConversion c = convert("library.json");
    assertThat(c.entities()).containsExactly("Author", "Book", "Member", "Loan", "DeviceEvents", "Setting");
    JsonNode lib = c.schema().path("tables").get(0);
    assertThat(lib.path("table_config")).isEqualTo(Json.parseTrusted("{\"table_name\":\"Library\",\"partition_key\":\"PK\",\"sort_key\":\"SK\"}"));
    JsonNode e = lib.path("entities");
    assertThat(templates(e.path("Author"))).containsExactly("AUTHOR#{author_id}", "PROFILE");
    // the alias is already a template (as export writes it): used as it is, and table-level items are matched to it
    assertThat(templates(e.path("Book"))).containsExactly("BOOK#{Isbn}", "METADATA");
    assertThat(e.path("Book").path("gsi_mappings")).isEqualTo(Json.parseTrusted(
        "[{\"name\":\"ByAuthor\",\"pk_template\":\"AUTHOR#{author_id}\",\"sk_template\":\"BOOK#{Year}\"},{\"name\":\"ByIsbn\",\"pk_template\":\"{Isbn}\"}]"));
    assertThat(templates(e.path("Loan"))).containsExactly("MEMBER#{member_id}", "LOAN#{loaned_on}#{BookIsbn}");
    assertThat(e.path("Loan").path("gsi_mappings").get(0)).isEqualTo(Json.parseTrusted("{\"name\":\"OpenLoans\",\"pk_template\":\"{Status}\",\"sk_template\":\"{DueDate}\"}"));
    assertThat(fields(e.path("Member"))).containsExactly(
        "member_id:string:true", "MemberName:string:true", "Tags:array:true", "Scores:array:true", "Avatar:string:false", "Thumbs:array:false",
        "Prefs:object:false", "History:array:false", "Active:boolean:true", "Nickname:string:false");
    assertThat(fields(e.path("Author"))).containsExactly("author_id:string:true", "Name:string:true", "Born:integer:true", "Country:string:false");
    // GSI key attributes computed from templates are not fields
    assertThat(fields(e.path("Book"))).noneMatch(f -> f.startsWith("GSI1"));
    assertThat(e.path("Book").path("access_patterns").isArray()).isTrue();
    JsonNode events = c.schema().path("tables").get(1).path("entities").path("DeviceEvents");
    assertThat(templates(events)).containsExactly("{DeviceId}", "{At}");
    assertThat(fields(events)).startsWith("DeviceId:string:true", "At:integer:true", "Reading:decimal:true");
    assertThat(lib.path("gsi_list").get(0)).isEqualTo(Json.parseTrusted(
        "{\"name\":\"ByAuthor\",\"partition_key\":\"GSI1PK\",\"sort_key\":\"GSI1SK\",\"projection\":\"INCLUDE\",\"included_attributes\":[\"Title\",\"Year\"]}"));
  }

  @Test
  void theSkeletonIsValidAndIncompleteOnlyInItsAccessPatterns() throws IOException {
    for (String f : List.of("library.json", "legacy-v1.json")) {
      WorkbenchConversion c = convert(f);
      Validated<?> s = SchemaLoader.parse("schema.json", Json.pretty(c.schema()));
      assertThat(s.errors()).as(f).isEmpty();
      for (JsonNode t : c.schema().path("tables")) {
        t.path("entities").forEach(e -> assertThat(e.path("access_patterns").isEmpty()).isTrue());
      }
      assertThat(c.todo().get(0)).contains("add the access patterns to dynamodb_data_model.json");
      assertThat(c.todo()).filteredOn(t -> t.startsWith("schema.json entity")).hasSize(c.entities().size())
          .allMatch(t -> t.contains("add its access_patterns"));
    }
  }

  @Test
  void reportsEverythingNotCarried() throws IOException {
    WorkbenchConversion c = convert("library.json");
    List<String> notCarried = c.findings().stream().filter(d -> d.id().equals("Workbench.NotCarried")).map(Diagnostic::message).toList();
    assertThat(notCarried).anyMatch(m -> m.contains("ModelName, ModelMetadata.Author, ModelMetadata.DateCreated, ModelMetadata.DateLastModified, ModelMetadata.Description"));
    assertThat(notCarried).anyMatch(m -> m.contains("`SampleDataFormats` (sample data generators for 2 attributes) of table `Library`"));
    assertThat(notCarried).anyMatch(m -> m.contains("`Avatar`") && m.contains("binary (B)"));
    assertThat(notCarried).anyMatch(m -> m.contains("`Thumbs`") && m.contains("binary set (BS)"));
    assertThat(notCarried).anyMatch(m -> m.contains("`Nickname`") && m.contains("NULL"));
    assertThat(notCarried).anyMatch(m -> m.contains("local secondary index `ByAdded`") && m.contains("schema.json has no local indexes"));
    // the empty {"MySql": {}} Workbench writes everywhere holds nothing, so it is not reported
    assertThat(notCarried).noneMatch(m -> m.contains("DataAccess"));
    assertThat(c.findings()).allMatch(d -> d.location().line() > 0);
    assertThat(c.todo()).anyMatch(t -> t.contains("look up a book by ISBN"));
  }

  @Test
  void unknownPropertiesAreReportedWithTheirPlace() {
    String wb = minimal("\"TableFacet\": [], \"StreamSpecification\": {\"StreamEnabled\": true}");
    Validated<WorkbenchConversion> c = convertRaw("wb.json", wb);
    assertThat(c.isValid()).isTrue();
    List<Diagnostic> nc = c.diagnostics().stream().filter(d -> d.id().equals("Workbench.NotCarried")).toList();
    assertThat(nc).extracting(d -> d.location().pointer()).contains("/DataModel/0/TableFacet", "/DataModel/0/StreamSpecification");
    assertThat(nc).filteredOn(d -> d.location().pointer().endsWith("TableFacet")).first()
        .satisfies(d -> assertThat(d.hint()).contains("TableFacets"));
  }

  @Test
  void legacyFilesAreReadWithNotes() throws IOException {
    WorkbenchConversion c = convert("legacy-v1.json");
    assertThat(ids(c.findings())).contains("Workbench.Version", "Workbench.Assumed");
    JsonNode order = c.model().path("items").path("Shop").get(2).path("PutRequest").path("Item");
    assertThat(order.path("Total")).isEqualTo(Json.parseTrusted("{\"N\":\"42\"}"));
    assertThat(table(c.model(), "Shop").path("BillingMode").asText()).isEqualTo("PAY_PER_REQUEST");
    JsonNode e = c.schema().path("tables").get(0).path("entities");
    // the sort key repeats the partition key's id: one field, not two
    assertThat(templates(e.path("customer"))).containsExactly("c#{c_id}", "c#{c_id}");
    assertThat(e.path("order").path("gsi_mappings").get(0)).isEqualTo(Json.parseTrusted("{\"name\":\"gsi1\",\"pk_template\":\"o#{o_id}\",\"sk_template\":\"c#{c_id}\"}"));
  }

  @Test
  void structuralErrorsNameTheirPlace() {
    assertThat(ids(convertRaw("a.json", "[]").diagnostics())).containsExactly("Workbench.Structure");
    assertThat(ids(convertRaw("a.json", "{\"ModelName\": \"x\"}").diagnostics())).contains("Workbench.Required");
    assertThat(ids(convertRaw("a.json", "{\"DataModel\": []}").diagnostics())).contains("Workbench.Structure");
    assertThat(ids(convertRaw("a.json", "{\"tables\": [], \"items\": {}, \"access_patterns\": []}").diagnostics())).containsExactly("Workbench.Structure");
    Validated<WorkbenchConversion> noKeys = convertRaw("a.json", "{\"DataModel\": [{\"TableName\": \"Tbl\"}]}");
    assertThat(noKeys.errors()).singleElement().satisfies(d -> {
      assertThat(d.id()).isEqualTo("Workbench.Required");
      assertThat(d.message()).contains("KeyAttributes");
      assertThat(d.location().pointer()).isEqualTo("/DataModel/0");
    });
    Validated<WorkbenchConversion> badType = convertRaw("a.json",
        "{\"DataModel\": [{\"TableName\": \"Tbl\", \"KeyAttributes\": {\"PartitionKey\": {\"AttributeName\": \"pk\", \"AttributeType\": \"BOOL\"}}}]}");
    assertThat(badType.errors()).singleElement().satisfies(d -> {
      assertThat(d.id()).isEqualTo("Workbench.Type");
      assertThat(d.location().pointer()).isEqualTo("/DataModel/0/KeyAttributes/PartitionKey/AttributeType");
    });
    assertThat(ids(convertRaw("a.json", "{\"ModelMetadata\": {\"AWSService\": \"Amazon Keyspaces\"}, \"DataModel\": [" + TABLE + "]}").errors()))
        .containsExactly("Workbench.Service");
    assertThat(ids(convertRaw("a.json", minimalJson("\"BillingMode\": \"PROVISIONED\"")).errors())).containsExactly("Workbench.Required");
    assertThat(convertRaw("a.json", minimalJson("\"BillingMode\": \"PROVISIONED\", \"ProvisionedCapacitySettings\": {\"ProvisionedThroughput\":"
        + " {\"ReadCapacityUnits\": 5, \"WriteCapacityUnits\": 5}, \"AutoScalingRead\": {\"ScalableTargetRequest\": {\"MinCapacity\": 1, \"MaxCapacity\": 10},"
        + " \"ScalingPolicyConfiguration\": {\"TargetValue\": 5}}}")).errors()).singleElement()
        .satisfies(d -> assertThat(d.location().pointer()).isEqualTo("/DataModel/0/ProvisionedCapacitySettings/AutoScalingRead/ScalingPolicyConfiguration/TargetValue"));
    assertThat(ids(convertRaw("a.json", minimalJson("\"GlobalSecondaryIndexes\": [{\"IndexName\": \"gsi\", \"KeyAttributes\": {\"PartitionKey\":"
        + " {\"AttributeName\": \"pk\", \"AttributeType\": \"N\"}}, \"Projection\": {\"ProjectionType\": \"SOME\"}}]")).errors()))
        .containsExactly("Workbench.Type", "Workbench.Type");
  }

  @Test
  void modelRulesBrokenByTheFileAreReportedInTheWorkbenchFile() {
    // an item without its sort key: the data model check finds it, the diagnostic points into the Workbench file
    String wb = "{\"DataModel\": [{\"TableName\": \"Tbl\", \"KeyAttributes\": {\"PartitionKey\": {\"AttributeName\": \"pk\", \"AttributeType\": \"S\"},"
        + " \"SortKey\": {\"AttributeName\": \"sk\", \"AttributeType\": \"S\"}},\n \"TableFacets\": [{\"FacetName\": \"F\", \"KeyAttributeAlias\": {\"PartitionKeyAlias\": \"pk\"},"
        + "\n \"TableData\": [{\"pk\": {\"S\": \"a\"}, \"sk\": {\"S\": \"b\"}},\n {\"pk\": {\"S\": \"a\"}}]}], \"BillingMode\": \"PAY_PER_REQUEST\"}]}";
    Validated<WorkbenchConversion> c = convertRaw("wb.json", wb);
    assertThat(c.errors()).singleElement().satisfies(d -> {
      assertThat(d.id()).isEqualTo("DataModel.ItemMissingKey");
      assertThat(d.location().pointer()).isEqualTo("/DataModel/0/TableFacets/0/TableData/1");
      assertThat(d.location().line()).isEqualTo(4);
    });
  }

  @Test
  void duplicateItemsAreMergedOrReported() {
    String item = "{\"pk\": {\"S\": \"a\"}, \"v\": {\"S\": \"1\"}}";
    String other = "{\"pk\": {\"S\": \"a\"}, \"v\": {\"S\": \"2\"}}";
    String wb = "{\"DataModel\": [{\"TableName\": \"Tbl\", \"KeyAttributes\": {\"PartitionKey\": {\"AttributeName\": \"pk\", \"AttributeType\": \"S\"}},"
        + " \"TableData\": [" + item + "], \"TableFacets\": [{\"FacetName\": \"F\", \"TableData\": [" + item + "]}, {\"FacetName\": \"G\", \"TableData\": [" + other + "]}],"
        + " \"BillingMode\": \"PAY_PER_REQUEST\"}]}";
    Validated<WorkbenchConversion> c = convertRaw("wb.json", wb);
    assertThat(c.errors()).isEmpty();
    assertThat(c.unwrap().items()).isEqualTo(1);
    assertThat(c.unwrap().model().path("items").path("Tbl").get(0).path("PutRequest").path("Item").path("v").path("S").asText()).isEqualTo("2");
    assertThat(c.diagnostics()).filteredOn(d -> d.id().equals("Workbench.DuplicateItem")).singleElement()
        .satisfies(d -> assertThat(d.location().pointer()).isEqualTo("/DataModel/0/TableFacets/1/TableData/0"));
  }

  @Test
  void runWritesBothFilesAndRefusesToReplaceThem(@TempDir Path dir) throws IOException {
    Validated<ImportResult> r = WorkbenchImport.run(new ImportRequest(FILES.resolve("library.json"), dir, false));
    assertThat(r.errors()).isEmpty();
    assertThat(r.unwrap().modelFile()).isEqualTo(dir.toAbsolutePath().resolve("dynamodb_data_model.json"));
    assertThat(DataModelLoader.load(r.unwrap().modelFile()).errors()).isEmpty();
    assertThat(SchemaLoader.load(r.unwrap().schemaFile()).errors()).isEmpty();
    String before = Files.readString(r.unwrap().modelFile());
    Validated<ImportResult> again = WorkbenchImport.run(new ImportRequest(FILES.resolve("legacy-v1.json"), dir, false));
    assertThat(again.errors()).extracting(Diagnostic::id).containsExactly("Output.Exists", "Output.Exists");
    assertThat(again.errors()).allMatch(d -> d.kind() == Diagnostic.Kind.USAGE);
    assertThat(Files.readString(r.unwrap().modelFile())).isEqualTo(before);
    assertThat(WorkbenchImport.run(new ImportRequest(FILES.resolve("legacy-v1.json"), dir, true)).errors()).isEmpty();
    assertThat(Files.readString(r.unwrap().modelFile())).contains("\"Shop\"");
    Validated<ImportResult> missing = WorkbenchImport.run(new ImportRequest(dir.resolve("nope.json"), dir, true));
    assertThat(missing.errors()).singleElement().satisfies(d -> assertThat(d.kind()).isEqualTo(Diagnostic.Kind.USAGE));
  }

  @Test
  void hostileNamesAndValuesNeverBreakTheConversion() {
    for (var attack : dev.ddbmodel.core.testing.StringAttacks.all()) {
      String v = Json.compact(attack.value());
      String wb = "{\"ModelName\": " + v + ", \"DataModel\": [{\"TableName\": \"Tbl\", \"KeyAttributes\": {\"PartitionKey\": {\"AttributeName\": \"pk\", \"AttributeType\": \"S\"},"
          + " \"SortKey\": {\"AttributeName\": \"sk\", \"AttributeType\": \"S\"}}, \"NonKeyAttributes\": [{\"AttributeName\": " + v + ", \"AttributeType\": \"S\"}],"
          + " \"TableFacets\": [{\"FacetName\": " + v + ", \"KeyAttributeAlias\": {\"PartitionKeyAlias\": " + v + ", \"SortKeyAlias\": " + v + "},"
          + " \"NonKeyAttributes\": [" + v + "], \"TableData\": [{\"pk\": {\"S\": " + Json.compact("K#" + attack.value()) + "}, \"sk\": {\"S\": " + v + "}, "
          + v + ": {\"S\": " + v + "}}]}], \"BillingMode\": \"PAY_PER_REQUEST\"}]}";
      Validated<WorkbenchConversion> c = convertRaw("wb.json", wb);
      if (c.isValid()) {
        assertThat(DataModelLoader.parse("m", Json.pretty(c.unwrap().model())).errors()).as(attack.name()).isEmpty();
        assertThat(SchemaLoader.parse("s", Json.pretty(c.unwrap().schema())).errors()).as(attack.name()).isEmpty();
      } else {
        assertThat(c.errors()).as(attack.name()).isNotEmpty().allMatch(d -> d.severity() == Severity.ERROR && !d.message().isBlank());
      }
    }
  }

  static final String TABLE = "{\"TableName\": \"Tbl\", \"KeyAttributes\": {\"PartitionKey\": {\"AttributeName\": \"pk\", \"AttributeType\": \"S\"}}, \"BillingMode\": \"PAY_PER_REQUEST\"}";

  static String minimal(String extra) {
    return "{\"DataModel\": [{\"TableName\": \"Tbl\", \"KeyAttributes\": {\"PartitionKey\": {\"AttributeName\": \"pk\", \"AttributeType\": \"S\"}},"
        + " \"BillingMode\": \"PAY_PER_REQUEST\", " + extra + "}]}";
  }

  static String minimalJson(String extra) {
    return "{\"DataModel\": [{\"TableName\": \"Tbl\", \"KeyAttributes\": {\"PartitionKey\": {\"AttributeName\": \"pk\", \"AttributeType\": \"S\"}}, " + extra + "}]}";
  }

  static List<String> ids(List<Diagnostic> ds) {
    return ds.stream().map(Diagnostic::id).toList();
  }

  static List<String> templates(JsonNode entity) {
    return entity.has("sk_template") ? List.of(entity.path("pk_template").asText(), entity.path("sk_template").asText())
        : List.of(entity.path("pk_template").asText());
  }

  static List<String> fields(JsonNode entity) {
    List<String> out = new java.util.ArrayList<>();
    entity.path("fields").forEach(f -> out.add(f.path("name").asText() + ":" + f.path("type").asText() + ":" + f.path("required").asBoolean()));
    return out;
  }
}
