package dev.ddbmodel.validation.internal.exec;

import dev.ddbmodel.validation.LocalDifference;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddbmodel.core.SourceLocation;
import dev.ddbmodel.core.json.Json;
import dev.ddbmodel.core.DataModelLoader;
import dev.ddbmodel.validation.internal.awscli.AwsCliCommandParser;
import dev.ddbmodel.validation.LocalDynamoDb;
import dev.ddbmodel.validation.internal.run.Provisioner;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Each entry of {@code local_differences.json} shown on the embedded DynamoDB Local: when a new
 * DynamoDB Local release fixes one, its case fails and the entry must go. Every entry has a case.
 */
class LocalDifferencesIT {
  static LocalDynamoDb local;
  static CommandExecutor exec;

  @BeforeAll
  static void start() {
    local = LocalDynamoDb.embedded();
    exec = new CommandExecutor(local.client());
    local.client().createTable(Provisioner.createTableRequest((ObjectNode) Json.parseTrusted("""
        {"TableName": "Orders", "BillingMode": "PAY_PER_REQUEST",
         "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}, {"AttributeName": "sk", "AttributeType": "S"},
           {"AttributeName": "placed", "AttributeType": "S"}],
         "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
         "LocalSecondaryIndexes": [{"IndexName": "ByPlaced", "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"},
           {"AttributeName": "placed", "KeyType": "RANGE"}], "Projection": {"ProjectionType": "KEYS_ONLY"}}],
         "SSESpecification": {"Enabled": true, "SSEType": "KMS"}, "TableClass": "STANDARD_INFREQUENT_ACCESS"}
        """)));
  }

  @AfterAll
  static void stop() {
    local.close();
  }

  static ExecutionResult run(String command) {
    return exec.execute(AwsCliCommandParser.parse(command, SourceLocation.NONE).unwrap());
  }

  static final String PUT = "{\"Put\":{\"TableName\":\"Orders\",\"Item\":{\"pk\":{\"S\":\"t\"},\"sk\":{\"S\":\"%s\"}%s}}}";

  /** One case per entry id. */
  static Map<String, Runnable> cases() {
    Map<String, Runnable> m = new LinkedHashMap<>();
    m.put("TransactWriteCapacity", () -> {
      ExecutionResult two = run("aws dynamodb transact-write-items --transact-items '[" + PUT.formatted("1", "") + "," + PUT.formatted("2", "") + "]'");
      assertThat(two.success()).as(two.message()).isTrue();
      assertThat(two.consumedCapacity()).as("DynamoDB Local").isEqualTo(2);
      assertThat(two.awsConsumedCapacity()).as("AWS: 2 per item").isEqualTo(4);
      ExecutionResult three = run("aws dynamodb transact-write-items --transact-items '[" + PUT.formatted("3", "") + "," + PUT.formatted("4", "")
          + ",{\"ConditionCheck\":{\"TableName\":\"Orders\",\"Key\":{\"pk\":{\"S\":\"t\"},\"sk\":{\"S\":\"1\"}},\"ConditionExpression\":\"attribute_exists(pk)\"}}]'");
      assertThat(three.success()).as(three.message()).isTrue();
      assertThat(three.consumedCapacity()).isLessThan(6);
      assertThat(three.awsConsumedCapacity()).isEqualTo(6);
      // an item entering the LSI costs the index write too (2 x (table + index)), the other only the table write
      ExecutionResult indexed = run("aws dynamodb transact-write-items --transact-items '[" + PUT.formatted("5", ",\"placed\":{\"S\":\"2026\"}") + ","
          + PUT.formatted("6", "") + "]'");
      assertThat(indexed.awsConsumedCapacity()).isEqualTo(2 * (1 + 1) + 2);
    });
    m.put("PayPerRequestWithThroughput", () -> local.client().createTable(b -> b.tableName("Both").billingMode("PAY_PER_REQUEST")
        .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L))
        .attributeDefinitions(a -> a.attributeName("id").attributeType("S")).keySchema(k -> k.attributeName("id").keyType("HASH"))));
    m.put("SettingsNotKept", () -> {
      var d = local.client().describeTable(b -> b.tableName("Orders")).table();
      assertThat(d.sseDescription()).isNull();
      assertThat(d.tableClassSummary()).isNull();
    });
    m.put("ItemCollectionMetricsMissing", () -> {
      var r = local.client().putItem(b -> b.tableName("Orders").returnItemCollectionMetrics("SIZE").item(Map.of(
          "pk", AttributeValue.fromS("icm"), "sk", AttributeValue.fromS("1"), "placed", AttributeValue.fromS("2026"))));
      assertThat(r.itemCollectionMetrics()).isNull();
    });
    m.put("UpdatedNewNestedPath", () -> {
      run("aws dynamodb put-item --table-name Orders --item '{\"pk\":{\"S\":\"n\"},\"sk\":{\"S\":\"1\"},\"m\":{\"M\":{\"a\":{\"N\":\"1\"},\"b\":{\"N\":\"2\"}}}}'");
      String update = "aws dynamodb update-item --table-name Orders --key '{\"pk\":{\"S\":\"n\"},\"sk\":{\"S\":\"1\"}}'"
          + " --update-expression 'SET m.a = :v' --expression-attribute-values '{\":v\":{\"N\":\"5\"}}' --return-values UPDATED_NEW";
      ExecutionResult r = run(update);
      assertThat(r.data().path("Attributes").path("m").path("M").has("b")).as("Local returns the whole map").isTrue();
      var empty = DataModelLoader.parse("m.json", "{\"tables\": [], \"items\": {}, \"access_patterns\": []}").unwrap();
      assertThat(LocalDifferences.hits(empty, "p", AwsCliCommandParser.parse(update, SourceLocation.NONE).unwrap(), r))
          .extracting(LocalDifference::id).containsExactly("UpdatedNewNestedPath");
    });
    m.put("MissingTableErrorText", () -> {
      ExecutionResult r = run("aws dynamodb get-item --table-name Nope --key '{\"id\":{\"S\":\"x\"}}'");
      assertThat(r.errorCode()).isEqualTo("ResourceNotFoundException");
      assertThat(r.message()).contains(LocalDifferences.get("MissingTableErrorText").local());
      assertThat(LocalDifferences.awsMessage(r.message())).contains("Requested resource not found");
    });
    return m;
  }

  @Test
  void everyKnownDifferenceHasACaseAndStillHolds() {
    Map<String, Runnable> cases = cases();
    assertThat(cases.keySet()).containsExactlyElementsOf(LocalDifferences.all().stream().map(LocalDifferences.Difference::id).toList());
    for (var e : cases.entrySet()) {
      try {
        e.getValue().run();
      } catch (AssertionError | RuntimeException ex) {
        throw new AssertionError("difference " + e.getKey() + ": " + ex.getMessage(), ex);
      }
    }
  }

  @Test
  void everyEntryIsComplete() {
    List<LocalDifferences.Difference> all = LocalDifferences.all();
    assertThat(all).isNotEmpty().allSatisfy(d -> {
      assertThat(d.id()).matches("[A-Z][A-Za-z0-9]+");
      assertThat(d.kind()).isIn("capacity", "accepted", "response", "error_text");
      assertThat(List.of(d.summary(), d.local(), d.aws(), d.evidence())).allSatisfy(s -> assertThat(s).isNotBlank());
    });
  }
}
