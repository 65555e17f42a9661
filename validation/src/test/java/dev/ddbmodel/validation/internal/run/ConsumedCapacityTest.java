package dev.ddbmodel.validation.internal.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbmodel.validation.ModelValidation;
import dev.ddbmodel.validation.ModelValidationReport;
import dev.ddbmodel.validation.ModelValidationRequest;
import dev.ddbmodel.validation.PatternOutcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every pattern's consumed capacity, as DynamoDB Local reports it under DynamoDB's size rules. */
class ConsumedCapacityTest {
  @TempDir Path ws;

  @Test
  void capacityFollowsItemSizeConsistencyAndIndexes() throws Exception {
    String big = "x".repeat(2500); // item of about 2.5 KB: 1 RCU consistent (4 KB units), 3 WCU (1 KB units)
    String model = """
        {"tables": [{"TableName": "Docs",
           "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}, {"AttributeName": "owner", "AttributeType": "S"}],
           "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
           "GlobalSecondaryIndexes": [{"IndexName": "ByOwner", "KeySchema": [{"AttributeName": "owner", "KeyType": "HASH"}],
             "Projection": {"ProjectionType": "KEYS_ONLY"}}],
           "BillingMode": "PAY_PER_REQUEST"}],
         "items": {"Docs": [{"PutRequest": {"Item": {"id": {"S": "d1"}, "owner": {"S": "ana"}, "body": {"S": "BIG"}}}}]},
         "access_patterns": [
           {"pattern": "1", "description": "get, eventually consistent", "table": "Docs", "dynamodb_operation": "GetItem",
            "implementation": "aws dynamodb get-item --table-name Docs --key '{\\"id\\": {\\"S\\": \\"d1\\"}}'"},
           {"pattern": "2", "description": "get, strongly consistent", "table": "Docs", "dynamodb_operation": "GetItem",
            "implementation": "aws dynamodb get-item --table-name Docs --key '{\\"id\\": {\\"S\\": \\"d1\\"}}' --consistent-read"},
           {"pattern": "3", "description": "put without an index key", "table": "Docs", "dynamodb_operation": "PutItem",
            "implementation": "aws dynamodb put-item --table-name Docs --item '{\\"id\\": {\\"S\\": \\"d2\\"}, \\"body\\": {\\"S\\": \\"BIG\\"}}'"},
           {"pattern": "4", "description": "put that also writes the index", "table": "Docs", "dynamodb_operation": "PutItem",
            "implementation": "aws dynamodb put-item --table-name Docs --item '{\\"id\\": {\\"S\\": \\"d3\\"}, \\"owner\\": {\\"S\\": \\"bo\\"}, \\"body\\": {\\"S\\": \\"BIG\\"}}'"},
           {"pattern": "5", "description": "no report asked", "table": "Docs", "dynamodb_operation": "GetItem",
            "implementation": "aws dynamodb get-item --table-name Docs --key '{\\"id\\": {\\"S\\": \\"d1\\"}}' --return-consumed-capacity NONE"}]}
        """.replace("BIG", big);
    Files.writeString(ws.resolve("dynamodb_data_model.json"), model, StandardCharsets.UTF_8);
    ModelValidationReport r = ModelValidation.run(new ModelValidationRequest(ws, Optional.empty(), false, false, false, Clock.systemUTC())).unwrap();
    Map<String, Double> cu = new LinkedHashMap<>();
    for (PatternOutcome p : r.patterns()) {
      cu.put(p.patternId(), p.result().orElseThrow().consumedCapacity());
    }
    assertThat(cu).containsExactly(Map.entry("1", 0.5), Map.entry("2", 1.0), Map.entry("3", 3.0), Map.entry("4", 4.0), Map.entry("5", -1.0));
    assertThat(r.consumed(true)).isEqualTo(1.5);
    assertThat(r.consumed(false)).isEqualTo(7.0);
    assertThat(r.toJson().path("summary").path("consumed_capacity_units").toString()).isEqualTo("{\"read\":1.5,\"write\":7.0}");
    assertThat(r.toJson().path("validation_response").get(0).path("response").path("consumed_capacity_units").asDouble()).isEqualTo(0.5);
    assertThat(r.toMarkdown()).contains("1.5 RCU, 7 WCU").contains("- Consumed capacity (DynamoDB Local): 0.5 RCU");
  }
}
