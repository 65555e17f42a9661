package dev.ddbmodel.core.internal.model;

import dev.ddbmodel.core.AutoScaling;
import dev.ddbmodel.core.DataModel;
import dev.ddbmodel.core.DataModelLoader;
import dev.ddbmodel.core.Expectation;
import dev.ddbmodel.core.PointInTimeRecovery;
import dev.ddbmodel.core.TableSpec;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.Severity;
import dev.ddbmodel.core.Validated;
import dev.ddbmodel.core.internal.guide.DynamoDbLimits;
import dev.ddbmodel.core.json.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rules issue 20 changed or added, each decided by what DynamoDB does. */
class DataModelRulesTest {
  /** A one-table model; {@code table} and {@code items} are spliced in as JSON text. */
  static String model(String tableExtras, String gsiExtras, String items, String patterns) {
    return """
        {"tables": [{"TableName": "Orders", %s
           "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}, {"AttributeName": "sk", "AttributeType": "S"},
             {"AttributeName": "status", "AttributeType": "S"}],
           "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
           "GlobalSecondaryIndexes": [{"IndexName": "ByStatus", "KeySchema": [{"AttributeName": "status", "KeyType": "HASH"}],
             "Projection": {"ProjectionType": "ALL"} %s}]}],
         "items": {"Orders": [%s]},
         "access_patterns": [%s]}
        """.formatted(tableExtras, gsiExtras, items, patterns);
  }

  static final String ITEM = "{\"PutRequest\": {\"Item\": {\"pk\": {\"S\": \"O#1\"}, \"sk\": {\"S\": \"META\"}, \"status\": {\"S\": \"NEW\"}}}}";
  static final String PATTERN = "{\"pattern\": \"1\", \"description\": \"by status\", \"table\": \"Orders\", \"index\": \"ByStatus\","
      + " \"dynamodb_operation\": \"Query\", \"implementation\": \"aws dynamodb query --table-name Orders --index-name ByStatus"
      + " --key-condition-expression 'status = :s' --expression-attribute-values '{\\\":s\\\":{\\\"S\\\":\\\"NEW\\\"}}'\"}";

  static Validated<DataModel> load(String json) {
    return DataModelLoader.parse("m.json", json);
  }

  static List<String> ids(Validated<DataModel> r, Severity s) {
    return r.diagnostics().stream().filter(d -> d.severity() == s).map(Diagnostic::id).toList();
  }

  @Test
  void keyAttributesInIncludeProjectionAreAWarningNotAnError() {
    // published NoSQL Workbench models list table keys in NonKeyAttributes; DynamoDB creates such tables
    Validated<DataModel> r = DataModelLoader.load(Path.of("src/test/resources/dev/ddbmodel/core/model/accepted/include_with_key_attribute.json"));
    assertThat(r.isValid()).isTrue();
    Diagnostic d = r.diagnostics().stream().filter(x -> x.id().equals("DataModel.ProjectionKeyAttribute")).findFirst().orElseThrow();
    assertThat(d.severity()).isEqualTo(Severity.WARNING);
    assertThat(d.location().pointer()).isEqualTo("/tables/0/GlobalSecondaryIndexes/0/Projection/NonKeyAttributes/0");
    assertThat(d.message()).contains("`pk` is a key attribute of the table");
    assertThat(r.unwrap().tables().get(0).globalSecondaryIndexes().get(0).projection().nonKeyAttributes()).containsExactly("pk", "total");
  }

  @Test
  void oneSizeCalculatorWithDynamoDbsNumberRule() {
    assertThat(ItemSizes.number("100000")).isEqualTo(2);
    assertThat(ItemSizes.number("0.000100")).isEqualTo(2);
    assertThat(ItemSizes.number("-12.345")).isEqualTo(5);
    assertThat(ItemSizes.number("1.5")).isEqualTo(3);
    assertThat(ItemSizes.number("12345")).isEqualTo(4);
    assertThat(ItemSizes.number("1E+5")).isEqualTo(2);
    assertThat(ItemSizes.number("123456")).isEqualTo(4);
    assertThat(ItemSizes.value(Json.parseTrusted("{\"B\": \"AAECAw==\"}"))).isEqualTo(4);
    assertThat(ItemSizes.value(Json.parseTrusted("{\"M\": {\"a\": {\"S\": \"xy\"}, \"b\": {\"L\": [{\"N\": \"1\"}]}}}")))
        .isEqualTo(3 + (1 + 1 + 2) + (1 + 1 + (3 + 1 + 2)));
    // an item exactly at 400 KB by that rule is accepted; its numbers have trailing zeros (4 bytes each under the old second rule)
    int numbers = 1000;
    long fixed = ItemSizes.of(Json.parseTrusted(ITEM.substring(ITEM.indexOf("{\"pk\""), ITEM.length() - 2))) + "pad".length();
    StringBuilder attrs = new StringBuilder();
    long numberBytes = 0;
    for (int i = 0; i < numbers; i++) {
      String name = String.format(java.util.Locale.ROOT, "n%04d", i);
      attrs.append(", \"").append(name).append("\": {\"N\": \"100000\"}");
      numberBytes += name.length() + 2;
    }
    long pad = DynamoDbLimits.MAX_ITEM_BYTES - fixed - numberBytes;
    String item = "{\"PutRequest\": {\"Item\": {\"pk\": {\"S\": \"O#1\"}, \"sk\": {\"S\": \"META\"}, \"status\": {\"S\": \"NEW\"}, \"pad\": {\"S\": \""
        + "x".repeat((int) pad) + "\"}" + attrs + "}}}";
    Validated<DataModel> atLimit = load(model("", "", item, PATTERN));
    assertThat(ItemSizes.of(atLimit.unwrap().itemsOf("Orders").get(0).attributes())).isEqualTo(DynamoDbLimits.MAX_ITEM_BYTES);
    assertThat(ids(atLimit, Severity.ERROR)).isEmpty();
    Validated<DataModel> over = load(model("", "", item.replace("\"pad\": {\"S\": \"", "\"pad\": {\"S\": \"y"), PATTERN));
    assertThat(ids(over, Severity.ERROR)).containsExactly("DataModel.ItemTooLarge");
    assertThat(over.errors().get(0).message()).contains("409601 bytes");
  }

  @Test
  void keyValuesAboveDynamoDbsKeySizeLimitsAreRefused() {
    String item = "{\"PutRequest\": {\"Item\": {\"pk\": {\"S\": \"" + "p".repeat(2049) + "\"}, \"sk\": {\"S\": \"" + "s".repeat(1025)
        + "\"}, \"status\": {\"S\": \"NEW\"}}}}";
    Validated<DataModel> r = load(model("", "", item, PATTERN));
    assertThat(r.errors()).extracting(Diagnostic::id, Diagnostic::message).containsExactly(
        org.assertj.core.groups.Tuple.tuple("DataModel.KeyTooLarge", "partition key `pk` is 2049 bytes; DynamoDB allows 2048"),
        org.assertj.core.groups.Tuple.tuple("DataModel.KeyTooLarge", "sort key `sk` is 1025 bytes; DynamoDB allows 1024"));
    String ok = item.replace("p".repeat(2049), "p".repeat(2048)).replace("s".repeat(1025), "s".repeat(1024));
    assertThat(load(model("", "", ok, PATTERN)).errors()).isEmpty();
  }

  static final String PROVISIONED = "\"BillingMode\": \"PROVISIONED\", \"ProvisionedThroughput\": {\"ReadCapacityUnits\": 5, \"WriteCapacityUnits\": 5},";
  static final String GSI_PT = ", \"ProvisionedThroughput\": {\"ReadCapacityUnits\": 5, \"WriteCapacityUnits\": 5}";

  @Test
  void autoScalingBlockLoadsAndIsStrippedFromCreateTable() {
    String table = PROVISIONED + "\"AutoScaling\": {\"Read\": {\"MinCapacity\": 5, \"MaxCapacity\": 500, \"TargetUtilization\": 70}},";
    String gsi = GSI_PT + ", \"AutoScaling\": {\"Write\": {\"MinCapacity\": 1, \"MaxCapacity\": 50, \"TargetUtilization\": 55.5}}";
    Validated<DataModel> r = load(model(table, gsi, ITEM, PATTERN));
    assertThat(r.errors()).isEmpty();
    TableSpec t = r.unwrap().tables().get(0);
    assertThat(t.autoScaling()).contains(new AutoScaling(Optional.of(new AutoScaling.Side(5, 500, 70)), Optional.empty()));
    assertThat(t.globalSecondaryIndexes().get(0).autoScaling())
        .contains(new AutoScaling(Optional.empty(), Optional.of(new AutoScaling.Side(1, 50, 55.5))));
    JsonNode req = t.createTableRequest();
    assertThat(req.has("AutoScaling")).isFalse();
    assertThat(req.path("GlobalSecondaryIndexes").get(0).has("AutoScaling")).isFalse();
    assertThat(req.path("GlobalSecondaryIndexes").get(0).has("ProvisionedThroughput")).isTrue();
  }

  @Test
  void autoScalingRules() {
    String side = "{\"MinCapacity\": 5, \"MaxCapacity\": 500, \"TargetUtilization\": 70}";
    // on-demand tables have nothing to scale
    assertThat(ids(load(model("\"BillingMode\": \"PAY_PER_REQUEST\", \"AutoScaling\": {\"Read\": " + side + "},", "", ITEM, PATTERN)), Severity.ERROR))
        .containsExactly("DataModel.AutoScaling");
    // RegisterScalableTarget refuses min > max
    Validated<DataModel> minMax = load(model(PROVISIONED, GSI_PT + ", \"AutoScaling\": {\"Read\": {\"MinCapacity\": 50, \"MaxCapacity\": 10, \"TargetUtilization\": 70}}", ITEM, PATTERN));
    assertThat(minMax.errors()).extracting(Diagnostic::id, d -> d.location().pointer())
        .containsExactly(org.assertj.core.groups.Tuple.tuple("DataModel.AutoScaling", "/tables/0/GlobalSecondaryIndexes/0/AutoScaling/Read"));
    // provisioned units outside the range: Application Auto Scaling moves them, a warning
    Validated<DataModel> range = load(model(PROVISIONED + "\"AutoScaling\": {\"Write\": {\"MinCapacity\": 10, \"MaxCapacity\": 20, \"TargetUtilization\": 70}},", GSI_PT, ITEM, PATTERN));
    assertThat(ids(range, Severity.ERROR)).isEmpty();
    assertThat(ids(range, Severity.WARNING)).contains("DataModel.AutoScalingRange");
    // the target range of the console and CDK
    assertThat(ids(load(model(PROVISIONED + "\"AutoScaling\": {\"Read\": {\"MinCapacity\": 5, \"MaxCapacity\": 50, \"TargetUtilization\": 95}},", GSI_PT, ITEM, PATTERN)), Severity.ERROR))
        .containsExactly("DataModel.Range");
    // a missing field in a side, and an LSI (which shares the table's capacity) with a block
    assertThat(ids(load(model(PROVISIONED + "\"AutoScaling\": {\"Read\": {\"MinCapacity\": 5, \"MaxCapacity\": 50}},", GSI_PT, ITEM, PATTERN)), Severity.ERROR))
        .containsExactly("DataModel.Required");
  }

  @Test
  void ttlAttributeHoldingAStringIsFlagged() {
    String item = "{\"PutRequest\": {\"Item\": {\"pk\": {\"S\": \"O#1\"}, \"sk\": {\"S\": \"META\"}, \"status\": {\"S\": \"NEW\"}, \"expires\": {\"S\": \"2030-01-01\"}}}}";
    Validated<DataModel> r = load(model("\"TimeToLiveSpecification\": {\"Enabled\": true, \"AttributeName\": \"expires\"},", "", item, PATTERN));
    assertThat(r.isValid()).isTrue();
    Diagnostic d = r.diagnostics().stream().filter(x -> x.id().equals("DataModel.TtlNotNumber")).findFirst().orElseThrow();
    assertThat(d.severity()).isEqualTo(Severity.WARNING);
    assertThat(d.location().pointer()).isEqualTo("/items/Orders/0/PutRequest/Item/expires");
    assertThat(d.message()).contains("holds S, not a number");
  }

  @Test
  void streamSseAndResourcePolicyRules() {
    assertThat(ids(load(model("\"StreamSpecification\": {\"StreamEnabled\": true},", "", ITEM, PATTERN)), Severity.ERROR))
        .containsExactly("DataModel.Stream");
    assertThat(ids(load(model("\"StreamSpecification\": {\"StreamEnabled\": false, \"StreamViewType\": \"KEYS_ONLY\"},", "", ITEM, PATTERN)), Severity.ERROR))
        .containsExactly("DataModel.Stream");
    assertThat(ids(load(model("\"SSESpecification\": {\"Enabled\": true, \"KMSMasterKeyId\": \"alias/x\"},", "", ITEM, PATTERN)), Severity.ERROR))
        .containsExactly("DataModel.Sse");
    assertThat(ids(load(model("\"ResourcePolicy\": \"not json\",", "", ITEM, PATTERN)), Severity.ERROR)).containsExactly("DataModel.ResourcePolicy");
    assertThat(ids(load(model("\"SSESpecification\": {\"Enabled\": true, \"SSEType\": \"KMS\", \"KMSMasterKeyId\": \"alias/x\"},"
        + " \"ResourcePolicy\": \"{\\\"Version\\\": \\\"2012-10-17\\\", \\\"Statement\\\": []}\","
        + " \"StreamSpecification\": {\"StreamEnabled\": true, \"StreamViewType\": \"NEW_IMAGE\"},", "", ITEM, PATTERN)), Severity.ERROR)).isEmpty();
  }

  @Test
  void expectMarkerIsReadAndMustFitTheOperation() {
    String empty = PATTERN.replace("\"dynamodb_operation\"", "\"expect\": \"empty\", \"dynamodb_operation\"");
    DataModel m = load(model("", "", ITEM, empty)).unwrap();
    assertThat(m.accessPatterns().get(0).expect()).contains(Expectation.EMPTY);
    assertThat(load(model("", "", ITEM, PATTERN)).unwrap().accessPatterns().get(0).expect()).isEmpty();
    String refusedRead = PATTERN.replace("\"dynamodb_operation\"", "\"expect\": \"refused\", \"dynamodb_operation\"");
    assertThat(ids(load(model("", "", ITEM, refusedRead)), Severity.ERROR)).containsExactly("DataModel.ExpectMismatch");
    assertThat(ids(load(model("", "", ITEM, PATTERN.replace("\"dynamodb_operation\"", "\"expect\": \"maybe\", \"dynamodb_operation\""))), Severity.ERROR))
        .containsExactly("DataModel.Enum");
  }

  @Test
  void pointInTimeRecoveryIsASettingOfTheModel() {
    Validated<DataModel> r = load(model("\"PointInTimeRecoverySpecification\": {\"PointInTimeRecoveryEnabled\": true, \"RecoveryPeriodInDays\": 7},", "", ITEM, PATTERN));
    TableSpec t = r.unwrap().tables().get(0);
    assertThat(t.pointInTimeRecovery()).contains(new PointInTimeRecovery(true, java.util.OptionalInt.of(7)));
    assertThat(t.createTableRequest().has("PointInTimeRecoverySpecification")).isFalse();
  }

  @Test
  void theModelWithEveryTableSettingLoadsWithoutErrors() {
    Validated<DataModel> r = DataModelLoader.load(Path.of("src/test/resources/dev/ddbmodel/core/model/accepted/every_setting.json"));
    assertThat(r.errors()).isEmpty();
    assertThat(ids(r, Severity.WARNING)).isEmpty();
    DataModel m = r.unwrap();
    assertThat(m.tables()).extracting(TableSpec::name).containsExactly("Orders", "Events", "Audit", "Sessions");
    assertThat(m.tables().get(0).autoScaling()).isPresent();
  }
}
