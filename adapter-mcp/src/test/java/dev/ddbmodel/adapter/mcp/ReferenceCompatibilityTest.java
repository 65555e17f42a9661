package dev.ddbmodel.adapter.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.core.json.Json;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays the calls documented for the reference server (its README and the parameter tables in
 * /work/shared/spec/validation_cost_spec.md §C and analyzer_spec.md §1.1) the way its clients and
 * LLMs send them: explicit nulls for optional parameters, relative paths, unknown extra arguments,
 * loose types. Every call must be accepted, give the reference's {@code result} key in structured
 * content, and report each leniency as a warning. A real MCP client over streamable HTTP, so the
 * client's own checks (outputSchema) run too.
 */
class ReferenceCompatibilityTest {
  static final Path EXAMPLES = Path.of("../examples/models").toAbsolutePath().normalize();
  static HttpMcpServer http;
  static McpSyncClient client;
  static Path workspace;

  @TempDir static Path tmp;

  @BeforeAll
  static void start() throws Exception {
    workspace = Files.createDirectory(tmp.resolve("workspace"));
    http = HttpMcpServer.start(new ServerConfig(false, "test", workspace), "127.0.0.1", 0);
    client = McpClient.sync(HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + http.endpoint().getPort()).endpoint("/mcp").build())
        .requestTimeout(java.time.Duration.ofSeconds(120)).build();
    client.initialize();
  }

  @AfterAll
  static void stop() throws Exception {
    client.close();
    http.close();
  }

  /** Calls the tool with these arguments plus an unknown one, as a client written for another version would. */
  static JsonNode call(String tool, Map<String, Object> args) {
    Map<String, Object> withExtra = new HashMap<>(args);
    withExtra.put("ctx_request_id", "abc-123");
    McpSchema.CallToolResult r = client.callTool(new McpSchema.CallToolRequest(tool, withExtra));
    JsonNode s = Json.toTree(r.structuredContent());
    String text = ((McpSchema.TextContent) r.content().get(0)).text();
    assertThat(s.path("result").asText()).as(tool + ": the reference's result key carries the answer").isEqualTo(text);
    assertThat(text).as(tool).doesNotContain("must be an absolute path").doesNotContain("is not defined in the schema");
    assertThat(warnings(s)).as(tool + ": the unknown argument is ignored with a warning").anyMatch(w -> w.contains("ctx_request_id"));
    ((com.fasterxml.jackson.databind.node.ObjectNode) s).put("__isError", Boolean.TRUE.equals(r.isError()));
    return s;
  }

  static List<String> warnings(JsonNode s) {
    List<String> out = new java.util.ArrayList<>();
    s.path("warnings").forEach(w -> out.add(w.asText()));
    return out;
  }

  static Map<String, Object> args(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void everyToolDeclaresAnOutputSchemaAndDescribesEveryParameter() {
    for (McpSchema.Tool t : client.listTools().tools()) {
      assertThat(t.outputSchema()).as(t.name()).isNotNull();
      assertThat(Json.toTree(t.outputSchema()).path("properties").has("result")).as(t.name()).isTrue();
      assertDescribed(t.name(), Json.toTree(t.inputSchema()));
    }
  }

  static void assertDescribed(String where, JsonNode schema) {
    schema.path("properties").properties().forEach(e -> {
      assertThat(e.getValue().path("description").asText()).as(where + "." + e.getKey()).isNotBlank();
      assertDescribed(where + "." + e.getKey(), e.getValue());
      assertDescribed(where + "." + e.getKey() + "[]", e.getValue().path("items"));
    });
  }

  @Test
  void modelingAndConverterGuides() {
    JsonNode m = call("dynamodb_data_modeling", args());
    assertThat(m.path("__isError").asBoolean()).isFalse();
    assertThat(m.path("result").asText()).contains("dynamodb_requirement.md");
    for (Object v : new Object[] {false, "false", "False", 0, "no"}) {
      JsonNode c = call("dynamodb_data_model_schema_converter", args("generate_usage_data", v));
      assertThat(c.path("__isError").asBoolean()).as(String.valueOf(v)).isFalse();
      assertThat(c.path("generate_usage_data").asBoolean()).as(String.valueOf(v)).isFalse();
    }
    JsonNode dflt = call("dynamodb_data_model_schema_converter", args("generate_usage_data", null));
    assertThat(dflt.path("generate_usage_data").asBoolean()).isTrue();
  }

  @Test
  void validationWithAndWithoutAModelAndARelativeWorkspace() throws Exception {
    Path ws = Files.createDirectory(workspace.resolve("social"));
    JsonNode guide = call("dynamodb_data_model_validation", args("workspace_dir", "social"));
    assertThat(guide.path("__isError").asBoolean()).isFalse();
    assertThat(guide.path("status").asText()).isEqualTo("model_missing");
    assertThat(guide.path("result").asText()).contains("access_patterns").contains("KeySchema");
    assertThat(warnings(guide)).anyMatch(w -> w.contains("workspace_dir") && w.contains("relative"));

    Files.copy(EXAMPLES.resolve("social/dynamodb_data_model.json"), ws.resolve("dynamodb_data_model.json"));
    JsonNode ok = call("dynamodb_data_model_validation", args("workspace_dir", "./social"));
    assertThat(ok.path("__isError").asBoolean()).as(ok.path("result").asText()).isFalse();
    assertThat(ok.path("status").asText()).isEqualTo("passed");
    assertThat(ws.resolve("dynamodb_model_validation.json")).exists();
  }

  @Test
  void sourceDbAnalyzerWithNullsLooseTypesAndARelativeQueriesFile() throws Exception {
    Path out = Files.createDirectory(workspace.resolve("analysis"));
    Map<String, Object> a = args("source_db_type", "MySQL", "source_identifier", "shop", "execution_mode", "self_service",
        "queries_file_path", "queries.sql", "query_result_file_path", null, "pattern_analysis_days", "30", "max_query_results", null,
        "aws_cluster_arn", null, "aws_secret_arn", null, "aws_region", null, "hostname", null, "port", null, "output_dir", out.toString());
    JsonNode r = call("source_db_analyzer", a);
    assertThat(r.path("__isError").asBoolean()).as(r.path("result").asText()).isFalse();
    assertThat(out.resolve("queries.sql")).as("queries_file_path joined to output_dir, as the reference").exists();
    assertThat(warnings(r)).anyMatch(w -> w.contains("\"MySQL\" read as \"mysql\""));
    assertThat(warnings(r)).anyMatch(w -> w.contains("pattern_analysis_days") && w.contains("30"));

    // managed with every optional parameter null: the tool's own answer about what is missing, not an argument error
    JsonNode managed = call("source_db_analyzer", args("source_db_type", "mysql", "execution_mode", "MANAGED", "output_dir", out.toString(),
        "source_identifier", null, "aws_secret_arn", null, "aws_region", null, "port", null, "max_query_results", "500"));
    assertThat(managed.path("__isError").asBoolean()).isTrue();
    assertThat(managed.path("result").asText()).contains("Analyzer.");
  }

  @Test
  void resourcesSchemaValidatorDalAndCost() throws Exception {
    Path ws = Files.createDirectory(workspace.resolve("app"));
    for (String f : List.of("dynamodb_data_model.json", "dynamodb_data_model.md", "schema.json", "usage_data.json")) {
      Files.copy(EXAMPLES.resolve("social").resolve(f), ws.resolve(f));
    }
    JsonNode cdk = call("generate_resources", args("dynamodb_data_model_json_file", "app/dynamodb_data_model.json", "resource_type", "CDK"));
    assertThat(cdk.path("__isError").asBoolean()).as(cdk.path("result").asText()).isFalse();
    assertThat(cdk.path("result").asText()).contains("Successfully generated CDK project");
    assertThat(ws.resolve("cdk")).isDirectory();

    JsonNode valid = call("dynamodb_data_model_schema_validator", args("schema_path", ws.resolve("schema.json").toString(), "usage_data_path", null));
    assertThat(valid.path("__isError").asBoolean()).as(valid.path("result").asText()).isFalse();
    JsonNode withUsage = call("dynamodb_data_model_schema_validator", args("schema_path", "app/schema.json", "usage_data_path", "app/usage_data.json"));
    assertThat(withUsage.path("__isError").asBoolean()).as(withUsage.path("result").asText()).isFalse();

    JsonNode dal = call("generate_data_access_layer", args("schema_path", ws.resolve("schema.json").toString(), "language", "Python",
        "generate_sample_usage", "true", "usage_data_path", null));
    assertThat(dal.path("__isError").asBoolean()).as(dal.path("result").asText()).isFalse();
    assertThat(dal.path("result").asText()).contains("Code generation completed successfully in:");
    assertThat(Path.of(dal.path("output_dir").asText())).as(dal.toString()).isDirectory();
    assertThat(dal.path("files").toString()).as(dal.toString()).contains("repositories.py");

    String patterns = "[{\"pattern\":\"1\",\"description\":\"Get user\",\"operation\":\"GetItem\",\"table\":\"Social\",\"rps\":\"10\","
        + "\"item_size_bytes\":\"1024\",\"strongly_consistent\":\"false\"},"
        + "{\"pattern\":\"2\",\"description\":\"Posts of a user\",\"operation\":\"Query\",\"table\":\"Social\",\"rps\":5,\"item_size_bytes\":800,"
        + "\"item_count\":20.0,\"gsi\":null}]";
    JsonNode cost = call("compute_performances_and_costs", args("access_pattern_list", patterns,
        "table_list", List.of(Map.of("name", "Social", "item_size_bytes", "2048", "item_count", 100000)), "workspace_dir", "app"));
    assertThat(cost.path("__isError").asBoolean()).as(cost.path("result").asText()).isFalse();
    assertThat(cost.path("status").asText()).isEqualTo("success");
    assertThat(cost.path("message").asText()).isNotBlank();
    assertThat(warnings(cost)).anyMatch(w -> w.contains("access_pattern_list") && w.contains("JSON string"));
    assertThat(warnings(cost)).anyMatch(w -> w.contains("access_pattern_list[0].rps"));
    assertThat(Files.readString(ws.resolve("dynamodb_data_model.md"))).contains("Social");
  }

  @Test
  void whatCannotBeReadIsStillAnArgumentError() {
    JsonNode r = call("generate_data_access_layer", args("schema_path", workspace.resolve("schema.json").toString(), "generate_sample_usage", "perhaps"));
    assertThat(r.path("__isError").asBoolean()).isTrue();
    assertThat(r.path("result").asText()).contains("generate_sample_usage").contains("true or false");
    JsonNode missing = call("generate_resources", args("dynamodb_data_model_json_file", null, "resource_type", "cdk"));
    assertThat(missing.path("__isError").asBoolean()).isTrue();
    assertThat(missing.path("result").asText()).contains("dynamodb_data_model_json_file").contains("required");
  }
}
