package dev.ddbmodel.validation.internal.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddbmodel.core.json.Json;
import dev.ddbmodel.validation.LocalDynamoDb;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * What DynamoDB Local does with each CreateTable shape a data-model rule is about. The rule
 * table in docs/data-model-format.md cites this test as one of its sources: a rule that refuses
 * a table DynamoDB creates would block users for nothing (issue 20), and a rule Local does not
 * enforce is one validation would otherwise pass silently.
 */
class DataModelRulesLocalIT {
  static LocalDynamoDb local;

  @BeforeAll
  static void start() {
    local = LocalDynamoDb.embedded();
  }

  @AfterAll
  static void stop() {
    local.close();
  }

  static final String DEFS = "\"AttributeDefinitions\": [{\"AttributeName\": \"pk\", \"AttributeType\": \"S\"}, {\"AttributeName\": \"sk\", \"AttributeType\": \"S\"},"
      + " {\"AttributeName\": \"g\", \"AttributeType\": \"S\"}], ";
  static final String KEYS = "\"KeySchema\": [{\"AttributeName\": \"pk\", \"KeyType\": \"HASH\"}, {\"AttributeName\": \"sk\", \"KeyType\": \"RANGE\"}], ";

  static String gsi(String projection) {
    return "\"GlobalSecondaryIndexes\": [{\"IndexName\": \"ByG\", \"KeySchema\": [{\"AttributeName\": \"g\", \"KeyType\": \"HASH\"}], \"Projection\": "
        + projection + "}]";
  }

  /** Case name to (table JSON without TableName, whether Local creates it). */
  static Map<String, Object[]> cases() {
    Map<String, Object[]> m = new LinkedHashMap<>();
    String ppr = "\"BillingMode\": \"PAY_PER_REQUEST\", ";
    m.put("include_lists_table_key", new Object[] {ppr + DEFS + KEYS + gsi("{\"ProjectionType\": \"INCLUDE\", \"NonKeyAttributes\": [\"pk\", \"x\"]}"), true});
    m.put("include_lists_index_key", new Object[] {ppr + DEFS + KEYS + gsi("{\"ProjectionType\": \"INCLUDE\", \"NonKeyAttributes\": [\"g\"]}"), true});
    m.put("include_without_attributes", new Object[] {ppr + DEFS + KEYS + gsi("{\"ProjectionType\": \"INCLUDE\"}"), false});
    m.put("keys_only_with_attributes", new Object[] {ppr + DEFS + KEYS + gsi("{\"ProjectionType\": \"KEYS_ONLY\", \"NonKeyAttributes\": [\"x\"]}"), false});
    m.put("include_duplicate_attribute", new Object[] {ppr + DEFS + KEYS + gsi("{\"ProjectionType\": \"INCLUDE\", \"NonKeyAttributes\": [\"x\", \"x\"]}"), false});
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 101; i++) {
      many.append(i == 0 ? "" : ", ").append("\"a").append(i).append('"');
    }
    StringBuilder twentyOne = new StringBuilder();
    for (int i = 0; i < 21; i++) {
      twentyOne.append(i == 0 ? "" : ", ").append("\"a").append(i).append('"');
    }
    m.put("project_21_attributes", new Object[] {ppr + DEFS + KEYS + gsi("{\"ProjectionType\": \"INCLUDE\", \"NonKeyAttributes\": [" + twentyOne + "]}"), true});
    m.put("project_101_attributes", new Object[] {ppr + DEFS + KEYS + gsi("{\"ProjectionType\": \"INCLUDE\", \"NonKeyAttributes\": [" + many + "]}"), false});
    m.put("unused_attribute_definition", new Object[] {ppr + DEFS + KEYS.replace("}], ", "}]")
        .replace(", {\"AttributeName\": \"sk\", \"KeyType\": \"RANGE\"}", ", {\"AttributeName\": \"sk\", \"KeyType\": \"RANGE\"}"), false});
    m.put("undefined_key_attribute", new Object[] {ppr + "\"AttributeDefinitions\": [{\"AttributeName\": \"pk\", \"AttributeType\": \"S\"}], " + KEYS.substring(0, KEYS.length() - 2), false});
    m.put("pay_per_request_with_throughput", new Object[] {ppr + "\"ProvisionedThroughput\": {\"ReadCapacityUnits\": 1, \"WriteCapacityUnits\": 1}, "
        + DEFS.replace(", {\"AttributeName\": \"g\", \"AttributeType\": \"S\"}", "") + KEYS.substring(0, KEYS.length() - 2), true});
    m.put("provisioned_without_throughput", new Object[] {"\"BillingMode\": \"PROVISIONED\", "
        + DEFS.replace(", {\"AttributeName\": \"g\", \"AttributeType\": \"S\"}", "") + KEYS.substring(0, KEYS.length() - 2), false});
    m.put("lsi_with_other_partition_key", new Object[] {ppr + DEFS + KEYS + "\"LocalSecondaryIndexes\": [{\"IndexName\": \"ByG\", \"KeySchema\": ["
        + "{\"AttributeName\": \"g\", \"KeyType\": \"HASH\"}, {\"AttributeName\": \"sk\", \"KeyType\": \"RANGE\"}], \"Projection\": {\"ProjectionType\": \"ALL\"}}]", false});
    m.put("stream_without_view_type", new Object[] {ppr + DEFS.replace(", {\"AttributeName\": \"g\", \"AttributeType\": \"S\"}", "") + KEYS
        + "\"StreamSpecification\": {\"StreamEnabled\": true}", false});
    m.put("stream_disabled_with_view_type", new Object[] {ppr + DEFS.replace(", {\"AttributeName\": \"g\", \"AttributeType\": \"S\"}", "") + KEYS
        + "\"StreamSpecification\": {\"StreamEnabled\": false, \"StreamViewType\": \"KEYS_ONLY\"}", false});
    m.put("gsi_with_five_hash_attributes", new Object[] {ppr + "\"AttributeDefinitions\": [{\"AttributeName\": \"pk\", \"AttributeType\": \"S\"},"
        + " {\"AttributeName\": \"a\", \"AttributeType\": \"S\"}, {\"AttributeName\": \"b\", \"AttributeType\": \"S\"}, {\"AttributeName\": \"c\", \"AttributeType\": \"S\"},"
        + " {\"AttributeName\": \"d\", \"AttributeType\": \"S\"}, {\"AttributeName\": \"e\", \"AttributeType\": \"S\"}],"
        + " \"KeySchema\": [{\"AttributeName\": \"pk\", \"KeyType\": \"HASH\"}], \"GlobalSecondaryIndexes\": [{\"IndexName\": \"Five\", \"KeySchema\": ["
        + "{\"AttributeName\": \"a\", \"KeyType\": \"HASH\"}, {\"AttributeName\": \"b\", \"KeyType\": \"HASH\"}, {\"AttributeName\": \"c\", \"KeyType\": \"HASH\"},"
        + " {\"AttributeName\": \"d\", \"KeyType\": \"HASH\"}, {\"AttributeName\": \"e\", \"KeyType\": \"HASH\"}], \"Projection\": {\"ProjectionType\": \"ALL\"}}]", false});
    m.put("resource_policy_not_json", new Object[] {ppr + DEFS.replace(", {\"AttributeName\": \"g\", \"AttributeType\": \"S\"}", "") + KEYS
        + "\"ResourcePolicy\": \"not json\"", true});
    return m;
  }

  @Test
  void localCreatesExactlyTheTablesTheRulesSayItCreates() {
    List<String> report = new ArrayList<>();
    List<String> wrong = new ArrayList<>();
    int n = 0;
    for (var e : cases().entrySet()) {
      ObjectNode t = (ObjectNode) Json.parseTrusted("{\"TableName\": \"Rule" + (n++) + "\", " + e.getValue()[0] + "}");
      boolean created;
      String why = "";
      try {
        local.client().createTable(Provisioner.createTableRequest(t));
        created = true;
      } catch (DynamoDbException ex) {
        created = false;
        why = ex.awsErrorDetails() == null ? ex.getMessage() : ex.awsErrorDetails().errorMessage();
      }
      report.add(e.getKey() + ": " + (created ? "created" : "refused: " + why));
      if (created != (Boolean) e.getValue()[1]) {
        wrong.add(e.getKey());
      }
    }
    System.out.println(String.join("\n", report));
    assertThat(wrong).as(String.join("\n", report)).isEmpty();
  }
}
