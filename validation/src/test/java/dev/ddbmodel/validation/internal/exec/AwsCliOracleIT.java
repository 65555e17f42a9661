package dev.ddbmodel.validation.internal.exec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.core.SourceLocation;
import dev.ddbmodel.core.json.Json;
import dev.ddbmodel.validation.internal.awscli.AwsCliCommandParser;
import dev.ddbmodel.validation.LocalDynamoDb;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real AWS CLI (the machine's awscli) and our executor run the same pagination commands
 * against one DynamoDB Local server and print the same Items, Count and ScannedCount.
 */
class AwsCliOracleIT {
  static LocalDynamoDb local;

  @BeforeAll
  static void start() {
    local = LocalDynamoDb.server();
    local.client().createTable(b -> b.tableName("Feed").billingMode("PAY_PER_REQUEST")
        .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"), a -> a.attributeName("ts").attributeType("N"))
        .keySchema(k -> k.attributeName("pk").keyType("HASH"), k -> k.attributeName("ts").keyType("RANGE")));
    for (int i = 0; i < 7; i++) {
      int n = i;
      local.client().putItem(b -> b.tableName("Feed").item(java.util.Map.of(
          "pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("f"),
          "ts", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN(Integer.toString(n)))));
    }
  }

  @AfterAll
  static void stop() {
    local.close();
  }

  static JsonNode cli(String command) throws Exception {
    // our own fixed commands, run by bash so the CLI sees exactly the quoting a user types
    ProcessBuilder pb = new ProcessBuilder("bash", "-c", command + " --endpoint-url " + local.endpoint().orElseThrow()
        + " --region us-east-1 --output json").redirectErrorStream(true);
    pb.environment().put("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE");
    pb.environment().put("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
    pb.environment().put("AWS_PAGER", "");
    pb.environment().remove("AWS_PROFILE");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return Json.parseTrusted(out);
  }

  static JsonNode ours(String command) {
    ExecutionResult r = new CommandExecutor(local.client()).execute(AwsCliCommandParser.parse(command, SourceLocation.NONE).unwrap());
    assertThat(r.success()).as(r.message()).isTrue();
    return r.data();
  }

  @Test
  void maxItemsAndPageSizeCountAsTheCliDoes() throws Exception {
    for (String command : List.of(
        "aws dynamodb query --table-name Feed --key-condition-expression 'pk = :p' --expression-attribute-values '{\":p\":{\"S\":\"f\"}}' --max-items 2",
        "aws dynamodb query --table-name Feed --key-condition-expression 'pk = :p' --expression-attribute-values '{\":p\":{\"S\":\"f\"}}' --max-items 5 --page-size 3",
        "aws dynamodb scan --table-name Feed --max-items 3",
        "aws dynamodb scan --table-name Feed --page-size 2")) {
      JsonNode want = cli(command);
      JsonNode got = ours(command);
      for (String k : List.of("Items", "Count", "ScannedCount")) {
        assertThat(got.path(k)).as(command + " " + k).isEqualTo(want.path(k));
      }
      assertThat(got.has("NextToken")).as(command + " NextToken").isEqualTo(want.has("NextToken"));
    }
  }
}
