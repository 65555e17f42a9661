package dev.ddbmodel.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddbmodel.core.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Workbench export goes the whole way: import, add an access pattern as the guide says, validate
 * on DynamoDB Local, price, generate CloudFormation and CDK, view, export back.
 */
class WorkbenchChainTest {
  static final Path LIBRARY = Path.of("../validation/src/test/resources/workbench/library.json");

  @TempDir Path tmp;

  @Test
  void anImportedModelValidatesPricesGeneratesAndViews() throws Exception {
    Path ws = tmp.resolve("library");
    CliTestSupport.Run imp = CliTestSupport.run("model", "import-workbench", LIBRARY.toString(), "--out", ws.toString());
    assertThat(imp.exit()).as(imp.out() + imp.err()).isZero();
    assertThat(imp.out()).contains("Imported library.json: 3 table(s), 15 sample item(s), 6 entities").contains("To do:")
        .contains("1. add the access patterns to dynamodb_data_model.json").contains("Workbench.NotCarried");
    assertThat(CliTestSupport.run("schema", "validate", ws.resolve("schema.json").toString()).exit()).isZero();

    // what ddbm guide workbench says to do next: one aws dynamodb command per access pattern
    ObjectNode model = (ObjectNode) Json.parseTrusted(Files.readString(ws.resolve("dynamodb_data_model.json")));
    model.withArray("access_patterns").add(Json.parseTrusted("""
        {"pattern": "1", "description": "A member's loans, newest first", "table": "Library", "dynamodb_operation": "Query",
         "implementation": "aws dynamodb query --table-name Library --key-condition-expression 'PK = :m AND begins_with(SK, :l)' --expression-attribute-values '{\\":m\\": {\\"S\\": \\"MEMBER#m1\\"}, \\":l\\": {\\"S\\": \\"LOAN#\\"}}' --no-scan-index-forward"}"""));
    model.withArray("access_patterns").add(Json.parseTrusted("""
        {"pattern": "2", "description": "Open loans due before a date", "table": "Library", "index": "OpenLoans", "dynamodb_operation": "Query",
         "implementation": "aws dynamodb query --table-name Library --index-name OpenLoans --key-condition-expression '#s = :o AND DueDate < :d' --expression-attribute-names '{\\"#s\\": \\"Status\\"}' --expression-attribute-values '{\\":o\\": {\\"S\\": \\"OPEN\\"}, \\":d\\": {\\"S\\": \\"2024-02-15\\"}}'"}"""));
    Files.writeString(ws.resolve("dynamodb_data_model.json"), Json.pretty(model));

    CliTestSupport.Run v = CliTestSupport.run("model", "validate", ws.toString(), "--format", "json");
    assertThat(v.exit()).as(v.out() + v.err()).isZero();
    JsonNode report = Json.parseTrusted(v.out());
    assertThat(report.path("summary").path("status").asText()).isEqualTo("passed");
    assertThat(report.path("validation_response").get(0).path("item_count").asInt()).isEqualTo(2);
    assertThat(report.path("validation_response").get(1).path("item_count").asInt()).isEqualTo(1);
    assertThat(report.path("resources").path("items").findValuesAsText("written")).containsExactly("10", "3", "2");

    Path costInput = tmp.resolve("cost_input.json");
    Files.writeString(costInput, """
        {"access_pattern_list": [
          {"pattern": "1", "description": "A member's loans", "operation": "Query", "table": "Library", "rps": 20, "item_size_bytes": 300, "item_count": 5},
          {"pattern": "2", "description": "Open loans due soon", "operation": "Query", "table": "Library", "gsi": "OpenLoans", "rps": 2, "item_size_bytes": 300, "item_count": 50}],
         "table_list": [{"name": "Library", "item_size_bytes": 400, "item_count": 200000, "gsi_list": [{"name": "OpenLoans", "item_size_bytes": 400, "item_count": 20000}]}]}""");
    CliTestSupport.Run cost = CliTestSupport.run("cost", costInput.toString(), "--workspace", ws.toString(), "--model", ws.resolve("dynamodb_data_model.json").toString());
    assertThat(cost.exit()).as(cost.out() + cost.err()).isZero();
    assertThat(Files.readString(ws.resolve("dynamodb_data_model.md"))).contains("Total Monthly Cost");

    for (String type : new String[] {"cloudformation", "cdk"}) {
      Path out = tmp.resolve(type);
      CliTestSupport.Run g = CliTestSupport.run("generate", "resources", ws.resolve("dynamodb_data_model.json").toString(), "--type", type, "--out", out.toString());
      assertThat(g.exit()).as(type + ": " + g.out() + g.err()).isZero();
      assertThat(Files.walk(out).filter(Files::isRegularFile).map(WorkbenchChainTest::read).anyMatch(s -> s.contains("OpenLoans"))).as(type).isTrue();
    }

    CliTestSupport.Run view = CliTestSupport.run("model", "view", ws.toString(), "--format", "json");
    assertThat(view.exit()).as(view.out() + view.err()).isZero();
    JsonNode vj = Json.parseTrusted(view.out());
    assertThat(vj.path("items").asInt()).isEqualTo(15);
    assertThat(vj.path("access_patterns").asInt()).isEqualTo(2);
    assertThat(vj.path("sources").toString()).contains("dynamodb_model_validation.json").contains("cost report");
    String html = Files.readString(ws.resolve("dynamodb_model_view.html"));
    assertThat(html).contains("Open loans due before a date").contains("$");

    CliTestSupport.Run exp = CliTestSupport.run("model", "export-workbench", ws.toString(), "--name", "Library");
    assertThat(exp.exit()).as(exp.out() + exp.err()).isZero();
    assertThat(exp.out()).contains("2 access pattern(s): Workbench model files have no access patterns");
    CliTestSupport.Run back = CliTestSupport.run("model", "import-workbench", ws.resolve("workbench_model.json").toString(), "--out", tmp.resolve("back").toString());
    assertThat(back.exit()).as(back.out() + back.err()).isZero();
    assertThat(Json.parseTrusted(Files.readString(tmp.resolve("back/dynamodb_data_model.json"))).path("tables"))
        .isEqualTo(Json.parseTrusted(Files.readString(ws.resolve("dynamodb_data_model.json"))).path("tables"));
  }

  @Test
  void problemsAreDiagnosticsWithExitCodes() throws Exception {
    Files.writeString(tmp.resolve("bad.json"), "{\"DataModel\": [{\"TableName\": \"T\"}]}");
    CliTestSupport.Run bad = CliTestSupport.run("model", "import-workbench", tmp.resolve("bad.json").toString(), "--out", tmp.resolve("o").toString());
    assertThat(bad.exit()).isEqualTo(1);
    assertThat(bad.err()).contains("Workbench.Required").contains("bad.json:1:");
    CliTestSupport.Run missing = CliTestSupport.run("model", "import-workbench", tmp.resolve("nope.json").toString());
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(CliTestSupport.run("model", "view", tmp.resolve("nowhere").toString()).exit()).isEqualTo(2);
    Path ws = tmp.resolve("w");
    assertThat(CliTestSupport.run("model", "import-workbench", LIBRARY.toString(), "--out", ws.toString()).exit()).isZero();
    CliTestSupport.Run again = CliTestSupport.run("model", "import-workbench", LIBRARY.toString(), "--out", ws.toString(), "--format", "json");
    assertThat(again.exit()).isEqualTo(2);
    assertThat(again.out()).contains("Output.Exists");
    assertThat(CliTestSupport.run("model", "import-workbench", LIBRARY.toString(), "--out", ws.toString(), "--overwrite").exit()).isZero();
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
