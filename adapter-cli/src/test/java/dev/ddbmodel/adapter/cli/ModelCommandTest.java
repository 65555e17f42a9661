package dev.ddbmodel.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbmodel.core.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCommandTest {
  @TempDir Path tmp;

  static final String MODEL = """
      {"tables": [{"TableName": "Orders", "BillingMode": "PAY_PER_REQUEST",
        "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
        "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}]}],
       "items": {"Orders": [{"PutRequest": {"Item": {"pk": {"S": "o1"}, "total": {"N": "5"}}}}]},
       "access_patterns": [
        {"pattern": "1", "description": "get", "table": "Orders", "dynamodb_operation": "GetItem",
         "implementation": "aws dynamodb get-item --table-name Orders --key '{\\"pk\\":{\\"S\\":\\"o1\\"}}'"},
        {"pattern": "2", "description": "missing", "table": "Orders", "dynamodb_operation": "GetItem",
         "implementation": "aws dynamodb get-item --table-name Orders --key '{\\"pk\\":{\\"S\\":\\"nope\\"}}'"},
        %s]}
      """;

  @Test
  void passingModelExitsZeroAndWritesReports() throws Exception {
    Files.writeString(tmp.resolve("dynamodb_data_model.json"), MODEL.formatted(
        "{\"pattern\": \"3\", \"description\": \"search\", \"reason\": \"OpenSearch\"}"));
    var r = CliTestSupport.run("model", "validate", tmp.toString());
    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(0);
    assertThat(r.out()).contains("✅ 1").contains("⚠️ 2").contains("🔄 3").contains("Status: NEEDS ATTENTION");
    assertThat(Files.exists(tmp.resolve("dynamodb_model_validation.json"))).isTrue();
    assertThat(Files.readString(tmp.resolve("dynamodb_model_validation.md"))).contains("succeeded with an empty result");
  }

  @Test
  void failingPatternExitsOneWithJsonOutput() throws Exception {
    Files.writeString(tmp.resolve("dynamodb_data_model.json"), MODEL.formatted(
        "{\"pattern\": \"3\", \"description\": \"bad\", \"table\": \"Orders\", \"dynamodb_operation\": \"Query\","
            + " \"implementation\": \"aws dynamodb query --table-name Orders --key-condition-expression 'total = :t'"
            + " --expression-attribute-values '{\\\":t\\\":{\\\"N\\\":\\\"5\\\"}}'\"}"));
    var r = CliTestSupport.run("model", "validate", tmp.toString(), "--format", "json");
    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
    var json = Json.parseTrusted(r.out());
    assertThat(json.path("summary").path("status").asText()).isEqualTo("failed");
    var third = json.path("validation_response").get(2);
    assertThat(third.path("verdict").asText()).isEqualTo("failure");
    assertThat(third.path("response").path("error_code").asText()).isEqualTo("ValidationException");
    assertThat(third.path("findings").get(0).path("id").asText()).isEqualTo("Pattern.KeyConditionNotKey");
  }

  @Test
  void unreadableWorkspaceIsAUsageError() {
    var r = CliTestSupport.run("model", "validate", tmp.resolve("missing").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).as("errors go to stderr").contains("Path.BaseMissing").contains("does not exist");
    var empty = CliTestSupport.run("model", "validate", tmp.toString());
    assertThat(empty.exit()).as("a folder without the model is a usage error (kind USAGE)").isEqualTo(2);
    assertThat(empty.err()).contains("Validation.ModelMissing");
  }

  @Test
  void invalidJsonNamesLineAndColumn() throws Exception {
    Files.writeString(tmp.resolve("dynamodb_data_model.json"), "{\n  \"tables\": [\n    {\"TableName\": True}\n  ]\n}");
    var r = CliTestSupport.run("model", "validate", tmp.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("dynamodb_data_model.json:3:").contains("true, false or null");
  }

  @Test
  void extractReadsDeployedTablesBack() throws Exception {
    Path ws = Files.createDirectory(tmp.resolve("ws"));
    Files.writeString(ws.resolve("dynamodb_data_model.json"), MODEL.formatted(
        "{\"pattern\": \"3\", \"description\": \"search\", \"reason\": \"OpenSearch\"}"));
    try (var local = dev.ddbmodel.validation.LocalDynamoDb.server()) {
      String endpoint = local.endpoint().orElseThrow().toString();
      assertThat(CliTestSupport.run("model", "validate", ws.toString(), "--endpoint", endpoint, "--keep-tables").exit()).isZero(); // needs attention (pattern 2 is empty), not failed
      Path out = Files.createDirectory(tmp.resolve("out"));
      CliTestSupport.Run r = CliTestSupport.run("model", "extract", "--endpoint", endpoint, "--out", out.toString(), "--format", "json");
      assertThat(r.exit()).as(r.out() + r.err()).isZero();
      assertThat(Json.parseTrusted(r.out()).path("tables").toString()).isEqualTo("[\"Orders\"]");
      var model = Json.parseTrusted(Files.readString(out.resolve("dynamodb_data_model.json")));
      assertThat(model.path("items").path("Orders").get(0).path("PutRequest").path("Item").path("total").path("N").asText()).isEqualTo("5");
      CliTestSupport.Run typo = CliTestSupport.run("model", "extract", "--endpoint", endpoint, "--out", tmp.toString(), "--table", "Order");
      assertThat(typo.exit()).isEqualTo(1);
      assertThat(typo.err()).contains("Extract.UnknownTable").contains("Orders");
    }
  }
}
