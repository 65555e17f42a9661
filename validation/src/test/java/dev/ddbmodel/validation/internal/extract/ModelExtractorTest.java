package dev.ddbmodel.validation.internal.extract;

import dev.ddbmodel.validation.ExtractRequest;
import dev.ddbmodel.validation.ExtractResult;
import dev.ddbmodel.validation.ModelExtractor;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.json.Json;
import dev.ddbmodel.core.DataModel;
import dev.ddbmodel.core.DataModelLoader;
import dev.ddbmodel.validation.ModelValidation;
import dev.ddbmodel.validation.ModelValidationRequest;
import dev.ddbmodel.validation.LocalDynamoDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deploy the example models on DynamoDB Local, read them back, and compare with the originals. */
class ModelExtractorTest {
  @TempDir Path tmp;

  static final Path EXAMPLES = Path.of("../examples/models");

  @Test
  void roundTripOfEveryExampleModel() throws Exception {
    try (LocalDynamoDb local = LocalDynamoDb.server()) {
      for (String example : List.of("ecommerce", "iot-telemetry", "social", "saas-multitenant")) {
        Path ws = Files.createDirectories(tmp.resolve(example));
        Files.copy(EXAMPLES.resolve(example).resolve("dynamodb_data_model.json"), ws.resolve("dynamodb_data_model.json"));
        // deploy: the validation run creates the tables and keeps them
        ModelValidation.run(new ModelValidationRequest(ws, local.endpoint(), true, true, false, Clock.systemUTC())).unwrap();
        DataModel original = DataModelLoader.load(ws.resolve("dynamodb_data_model.json")).unwrap();
        List<String> names = original.tables().stream().map(t -> t.name()).toList();

        Path out = Files.createDirectories(tmp.resolve(example + "-extracted"));
        ExtractResult r = ModelExtractor.run(new ExtractRequest(names, 3, out, false), local.endpoint(), Optional.empty()).unwrap();
        assertThat(r.tables()).isEqualTo(names);
        DataModel back = DataModelLoader.load(r.file()).unwrap();
        JsonNode o = Json.parseTrusted(Files.readString(ws.resolve("dynamodb_data_model.json")));
        JsonNode b = Json.parseTrusted(Files.readString(r.file()));
        for (int i = 0; i < names.size(); i++) {
          JsonNode ot = o.path("tables").get(i);
          JsonNode bt = b.path("tables").get(i);
          assertThat(bt.path("KeySchema")).as(example + " key schema").isEqualTo(ot.path("KeySchema"));
          assertThat(set(bt.path("AttributeDefinitions"))).as(example).isEqualTo(set(ot.path("AttributeDefinitions")));
          assertThat(bt.path("BillingMode").asText()).isEqualTo(ot.path("BillingMode").asText("PROVISIONED"));
          assertThat(bt.path("TimeToLiveSpecification")).as(example + " TTL").isEqualTo(ot.path("TimeToLiveSpecification"));
          assertThat(indexes(bt.path("GlobalSecondaryIndexes"))).as(example + " GSIs").isEqualTo(indexes(ot.path("GlobalSecondaryIndexes")));
          assertThat(indexes(bt.path("LocalSecondaryIndexes"))).as(example + " LSIs").isEqualTo(indexes(ot.path("LocalSecondaryIndexes")));
        }
        assertThat(back.items().values()).allSatisfy(items -> assertThat(items.size()).isBetween(1, 3));
        assertThat(b.path("access_patterns").isArray()).isTrue();
        assertThat(b.path("access_patterns")).isEmpty();
      }
    }
  }

  /** An index as name + key schema + projection (order of the list ignored). */
  static Set<String> indexes(JsonNode list) {
    Set<String> out = new HashSet<>();
    list.forEach(g -> {
      JsonNode p = g.path("Projection");
      Set<String> nonKey = new java.util.TreeSet<>();
      p.path("NonKeyAttributes").forEach(n -> nonKey.add(n.asText()));
      out.add(g.path("IndexName").asText() + " " + g.path("KeySchema") + " " + p.path("ProjectionType").asText("ALL") + " " + nonKey);
    });
    return out;
  }

  static Set<String> set(JsonNode list) {
    Set<String> out = new HashSet<>();
    list.forEach(n -> out.add(n.toString()));
    return out;
  }

  @Test
  void refusalsAreDiagnosticsAndNothingIsOverwritten() throws Exception {
    try (LocalDynamoDb local = LocalDynamoDb.server()) {
      var none = ModelExtractor.run(new ExtractRequest(List.of(), 5, tmp, false), local.endpoint(), Optional.empty());
      assertThat(none.errors()).extracting(Diagnostic::id).containsExactly("Extract.NoTables");
      local.client().createTable(b -> b.tableName("Orders").billingMode("PAY_PER_REQUEST")
          .attributeDefinitions(a -> a.attributeName("id").attributeType("S")).keySchema(k -> k.attributeName("id").keyType("HASH")));
      var typo = ModelExtractor.run(new ExtractRequest(List.of("Order"), 5, tmp, false), local.endpoint(), Optional.empty());
      assertThat(typo.errors()).singleElement().satisfies(d -> {
        assertThat(d.id()).isEqualTo("Extract.UnknownTable");
        assertThat(d.hint()).contains("Orders");
      });
      Files.writeString(tmp.resolve("dynamodb_data_model.json"), "{\"mine\": true}");
      var exists = ModelExtractor.run(new ExtractRequest(List.of(), 5, tmp, false), local.endpoint(), Optional.empty());
      assertThat(exists.errors()).extracting(Diagnostic::id).containsExactly("Output.Exists");
      assertThat(Files.readString(tmp.resolve("dynamodb_data_model.json"))).isEqualTo("{\"mine\": true}");
      var replaced = ModelExtractor.run(new ExtractRequest(List.of(), 0, tmp, true), local.endpoint(), Optional.empty()).unwrap();
      assertThat(replaced.tables()).containsExactly("Orders");
      assertThat(replaced.items()).isZero();
      assertThat(Files.readString(tmp.resolve("dynamodb_data_model.json"))).contains("\"TableName\": \"Orders\"");
    }
    Path file = Files.writeString(tmp.resolve("a-file"), "x");
    var notFolder = ModelExtractor.run(new ExtractRequest(List.of(), 5, file, true), Optional.of(java.net.URI.create("http://127.0.0.1:1")), Optional.empty());
    assertThat(notFolder.errors()).extracting(Diagnostic::id).containsExactly("Extract.OutputNotFolder");
    var unreachable = ModelExtractor.run(new ExtractRequest(List.of(), 5, tmp, true), Optional.of(java.net.URI.create("http://127.0.0.1:1")), Optional.empty());
    assertThat(unreachable.errors()).extracting(Diagnostic::id).containsExactly("Extract.Unreachable");
  }

  @Test
  void everyTableSettingComesBack() throws Exception {
    String table = """
        {"TableName": "Ledger",
         "AttributeDefinitions": [{"AttributeName": "acct", "AttributeType": "S"}, {"AttributeName": "ts", "AttributeType": "N"},
           {"AttributeName": "kind", "AttributeType": "S"}],
         "KeySchema": [{"AttributeName": "acct", "KeyType": "HASH"}, {"AttributeName": "ts", "KeyType": "RANGE"}],
         "BillingMode": "PROVISIONED",
         "ProvisionedThroughput": {"ReadCapacityUnits": 7, "WriteCapacityUnits": 3},
         "GlobalSecondaryIndexes": [{"IndexName": "ByKind", "KeySchema": [{"AttributeName": "kind", "KeyType": "HASH"}],
           "Projection": {"ProjectionType": "INCLUDE", "NonKeyAttributes": ["amount"]},
           "ProvisionedThroughput": {"ReadCapacityUnits": 2, "WriteCapacityUnits": 1}}],
         "LocalSecondaryIndexes": [{"IndexName": "ByKindLocal", "KeySchema": [{"AttributeName": "acct", "KeyType": "HASH"},
           {"AttributeName": "kind", "KeyType": "RANGE"}], "Projection": {"ProjectionType": "KEYS_ONLY"}}],
         "StreamSpecification": {"StreamEnabled": true, "StreamViewType": "NEW_AND_OLD_IMAGES"},
         "TimeToLiveSpecification": {"AttributeName": "expires", "Enabled": true}}
        """;
    Path ws = Files.createDirectories(tmp.resolve("ledger"));
    Files.writeString(ws.resolve("dynamodb_data_model.json"), "{\"tables\": [" + table + "], \"items\": {}, \"access_patterns\": []}");
    try (LocalDynamoDb local = LocalDynamoDb.server()) {
      ModelValidation.run(new ModelValidationRequest(ws, local.endpoint(), true, true, false, Clock.systemUTC())).unwrap();
      Path out = Files.createDirectories(tmp.resolve("ledger-out"));
      var extracted = ModelExtractor.run(new ExtractRequest(List.of(), 5, out, false), local.endpoint(), Optional.empty());
      ExtractResult r = extracted.unwrap();
      // DynamoDB Local has no Application Auto Scaling: said, not silently skipped
      assertThat(extracted.diagnostics()).filteredOn(d -> d.id().equals("Extract.SettingNotRead"))
          .anySatisfy(d -> assertThat(d.message()).isEqualTo("table `Ledger`: auto scaling was not read (no Application Auto Scaling endpoint; DynamoDB Local has none)"));
      JsonNode back = Json.parseTrusted(Files.readString(r.file())).path("tables").get(0);
      JsonNode want = Json.parseTrusted(table);
      assertThat(back.properties().stream().map(java.util.Map.Entry::getKey).sorted().toList())
          .isEqualTo(want.properties().stream().map(java.util.Map.Entry::getKey).sorted().toList());
      for (String k : List.of("TableName", "KeySchema", "BillingMode", "ProvisionedThroughput", "StreamSpecification", "TimeToLiveSpecification",
          "GlobalSecondaryIndexes", "LocalSecondaryIndexes")) {
        assertThat(back.path(k)).as(k).isEqualTo(want.path(k));
      }
      assertThat(set(back.path("AttributeDefinitions"))).isEqualTo(set(want.path("AttributeDefinitions")));
      assertThat(r.items()).isZero();
    }
  }

  @Test
  void aTableListingKeysInItsProjectionIsExtractedAndOneUnreadableTableDoesNotStopTheOthers() throws Exception {
    try (LocalDynamoDb local = LocalDynamoDb.server()) {
      // the published-model shape that crashed extract: table keys in an INCLUDE projection
      local.client().createTable(b -> b.tableName("Orders").billingMode("PAY_PER_REQUEST")
          .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"), a -> a.attributeName("status").attributeType("S"))
          .keySchema(k -> k.attributeName("pk").keyType("HASH"))
          .globalSecondaryIndexes(g -> g.indexName("ByStatus").keySchema(k -> k.attributeName("status").keyType("HASH"))
              .projection(p -> p.projectionType("INCLUDE").nonKeyAttributes("pk", "total"))));
      local.client().createTable(b -> b.tableName("Secret").billingMode("PAY_PER_REQUEST")
          .attributeDefinitions(a -> a.attributeName("id").attributeType("S")).keySchema(k -> k.attributeName("id").keyType("HASH")));
      local.client().createTable(b -> b.tableName("Users").billingMode("PAY_PER_REQUEST")
          .attributeDefinitions(a -> a.attributeName("id").attributeType("S")).keySchema(k -> k.attributeName("id").keyType("HASH"))
          .tags(t -> t.key("team").value("identity")));
      try (DenyingProxy proxy = new DenyingProxy(local.endpoint().orElseThrow(), Set.of("Secret"))) {
        Path out = tmp.resolve("not/yet/there");
        var r = ModelExtractor.run(new ExtractRequest(List.of(), 2, out, false), Optional.of(proxy.endpoint()), Optional.empty());
        assertThat(r.isValid()).as(r.diagnostics().toString()).isTrue();
        assertThat(r.unwrap().tables()).containsExactly("Orders", "Users");
        assertThat(r.diagnostics()).filteredOn(d -> d.id().equals("Extract.TableSkipped")).singleElement()
            .satisfies(d -> assertThat(d.message()).startsWith("table `Secret` was not extracted: DynamoDB refused a read: AccessDeniedException"));
        assertThat(Files.isRegularFile(out.resolve("dynamodb_data_model.json"))).as("--out is created").isTrue();
        var back = DataModelLoader.load(out.resolve("dynamodb_data_model.json"));
        assertThat(back.isValid()).isTrue();
        assertThat(back.unwrap().findTable("Orders").orElseThrow().globalSecondaryIndexes().get(0).projection().nonKeyAttributes())
            .containsExactly("pk", "total");
        assertThat(back.diagnostics()).extracting(Diagnostic::id).contains("DataModel.ProjectionKeyAttribute");
      }
    }
  }

  @Test
  void settingsDynamoDbLocalDoesNotReturnAreReadFromAwsShapedDescriptions() {
    // DynamoDB Local drops SSE, table class and warm throughput (EverySettingRoundTripIT); AWS returns them like this
    var d = software.amazon.awssdk.services.dynamodb.model.TableDescription.builder().tableName("Ledger")
        .attributeDefinitions(a -> a.attributeName("id").attributeType("S")).keySchema(k -> k.attributeName("id").keyType("HASH"))
        .billingModeSummary(b -> b.billingMode("PAY_PER_REQUEST"))
        .sseDescription(s -> s.status("ENABLED").sseType("KMS").kmsMasterKeyArn("arn:aws:kms:us-east-1:111122223333:key/k1"))
        .tableClassSummary(c -> c.tableClass("STANDARD_INFREQUENT_ACCESS"))
        .warmThroughput(w -> w.readUnitsPerSecond(13000L).writeUnitsPerSecond(5000L).status("ACTIVE"))
        .onDemandThroughput(o -> o.maxReadRequestUnits(100L).maxWriteRequestUnits(-1L))
        .build();
    JsonNode t = TableShape.table(d, null);
    assertThat(t.path("SSESpecification").toString()).isEqualTo("{\"Enabled\":true,\"SSEType\":\"KMS\",\"KMSMasterKeyId\":\"arn:aws:kms:us-east-1:111122223333:key/k1\"}");
    assertThat(t.path("TableClass").asText()).isEqualTo("STANDARD_INFREQUENT_ACCESS");
    assertThat(t.path("WarmThroughput").toString()).isEqualTo("{\"ReadUnitsPerSecond\":13000,\"WriteUnitsPerSecond\":5000}");
    assertThat(t.path("OnDemandThroughput").toString()).as("-1 means no limit").isEqualTo("{\"MaxReadRequestUnits\":100}");
  }
}
