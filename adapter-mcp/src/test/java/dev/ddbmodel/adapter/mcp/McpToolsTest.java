package dev.ddbmodel.adapter.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.core.json.Json;
import dev.ddbmodel.core.testing.Golden;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every tool through a real MCP client (streamable HTTP, in-process server). */
class McpToolsTest {
  static HttpMcpServer http;
  static McpSyncClient client;
  static final Path EXAMPLES = Path.of("../examples/models").toAbsolutePath().normalize();

  @TempDir Path tmp;

  @BeforeAll
  static void start() throws Exception {
    http = HttpMcpServer.start(new ServerConfig(false, "test"), "127.0.0.1", 0);
    client = McpClient.sync(HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + http.endpoint().getPort()).endpoint("/mcp").build())
        .requestTimeout(java.time.Duration.ofSeconds(60)).build();
    client.initialize();
  }

  @AfterAll
  static void stop() throws Exception {
    client.close();
    http.close();
  }

  static McpSchema.CallToolResult call(String tool, Map<String, Object> args) {
    return client.callTool(new McpSchema.CallToolRequest(tool, args));
  }

  static String text(McpSchema.CallToolResult r) {
    return ((McpSchema.TextContent) r.content().get(0)).text();
  }

  static JsonNode structured(McpSchema.CallToolResult r) {
    return Json.toTree(r.structuredContent());
  }

  /**
   * The tool surface (names, annotations, parameter names, types and required sets) against a
   * checked-in snapshot, so a rename or removal is a visible, reviewed change. Descriptions are
   * left out. {@code -Dgolden.update=true} rewrites the snapshot.
   */
  @Test
  void toolSurfaceMatchesTheSnapshot() throws Exception {
    var surface = Json.object();
    for (McpSchema.Tool t : client.listTools().tools()) {
      var tool = surface.putObject(t.name());
      var ann = tool.putObject("annotations");
      ann.put("readOnlyHint", t.annotations().readOnlyHint());
      ann.put("destructiveHint", t.annotations().destructiveHint());
      ann.put("idempotentHint", t.annotations().idempotentHint());
      ann.put("openWorldHint", t.annotations().openWorldHint());
      var params = tool.putObject("parameters");
      JsonNode schema = Json.toTree(t.inputSchema());
      schema.path("properties").properties().forEach(e -> {
        JsonNode type = e.getValue().path("type");
        String text = type.isArray() ? type.toString() : type.asText();
        if (e.getValue().has("enum")) {
          text += " " + e.getValue().get("enum");
        }
        params.put(e.getKey(), text);
      });
      var required = tool.putArray("required");
      Json.toTree(t.inputSchema()).path("required").forEach(required::add);
      var output = tool.putArray("output");
      Json.toTree(t.outputSchema()).path("properties").fieldNames().forEachRemaining(output::add);
      tool.put("additionalArguments", !Json.toTree(t.inputSchema()).path("additionalProperties").isBoolean()
          || Json.toTree(t.inputSchema()).path("additionalProperties").asBoolean());
    }
    String actual = Json.pretty(surface);
    Path snapshot = Path.of("src/test/resources/dev/ddbmodel/adapter/mcp/tools-list.snapshot.json");
    Golden.assertMatches(snapshot, actual);
  }

  @Test
  void listsTheReferenceToolNamesWithAnnotations() {
    List<McpSchema.Tool> tools = client.listTools().tools();
    assertThat(tools).extracting(McpSchema.Tool::name).contains("dynamodb_data_modeling", "dynamodb_data_model_validation",
        "generate_resources", "dynamodb_data_model_schema_converter", "compute_performances_and_costs");
    McpSchema.Tool modeling = tools.stream().filter(t -> t.name().equals("dynamodb_data_modeling")).findFirst().orElseThrow();
    assertThat(modeling.annotations().readOnlyHint()).isTrue();
    for (McpSchema.Tool t : tools) {
      // flat schemas: no $ref, oneOf or anyOf that strict clients reject
      String schema = Json.compact(Json.toTree(t.inputSchema()));
      assertThat(schema).as(t.name()).doesNotContain("$ref").doesNotContain("oneOf").doesNotContain("anyOf");
      assertThat(t.description()).as(t.name()).hasSizeGreaterThan(80);
    }
  }

  @Test
  void guidesAsToolsPromptsAndResources() {
    var r = call("dynamodb_data_modeling", Map.of());
    assertThat(r.isError()).isFalse();
    assertThat(text(r)).contains("dynamodb_requirement.md").contains("dynamodb_data_model.md").contains("## Next steps");
    var conv = call("dynamodb_data_model_schema_converter", Map.of("generate_usage_data", false));
    assertThat(text(conv)).contains("schema.json").doesNotContain("usage_data.json with");
    assertThat(text(call("dynamodb_data_model_schema_converter", Map.of()))).contains("## Additional task");
    assertThat(client.listPrompts().prompts()).extracting(McpSchema.Prompt::name).contains("data-modeling", "data-model-json");
    var prompt = client.getPrompt(new McpSchema.GetPromptRequest("data-model-json", Map.of()));
    assertThat(((McpSchema.TextContent) prompt.messages().get(0).content()).text()).contains("access_patterns");
    var res = client.readResource(new McpSchema.ReadResourceRequest("ddbmodel://guides/validation-report"));
    assertThat(((McpSchema.TextResourceContents) res.contents().get(0)).text()).contains("success_empty");
    var js = client.readResource(new McpSchema.ReadResourceRequest("ddbmodel://schemas/schema.json.schema.json"));
    assertThat(((McpSchema.TextResourceContents) js.contents().get(0)).text()).contains("\"$schema\"").contains("access_patterns");
  }

  @Test
  void validationToolRunsAnExampleAndReportsErrors() throws Exception {
    Path ws = Files.createDirectory(tmp.resolve("ws"));
    Files.copy(EXAMPLES.resolve("iot-telemetry/dynamodb_data_model.json"), ws.resolve("dynamodb_data_model.json"));
    var ok = call("dynamodb_data_model_validation", Map.of("workspace_dir", ws.toString()));
    assertThat(ok.isError()).as(text(ok)).isFalse();
    assertThat(structured(ok).path("status").asText()).as(text(ok)).isEqualTo("passed");
    assertThat(Files.exists(ws.resolve("dynamodb_model_validation.md"))).isTrue();

    // no model yet: the guide to write it, so a tools-only client can write the file and call again (as the reference)
    var missing = call("dynamodb_data_model_validation", Map.of("workspace_dir", tmp.toString()));
    assertThat(missing.isError()).isFalse();
    assertThat(structured(missing).path("status").asText()).isEqualTo("model_missing");
    assertThat(text(missing)).contains("not found").contains("access_patterns").contains("AttributeDefinitions");
    assertThat(structured(missing).path("result").asText()).isEqualTo(text(missing));
    // relative paths resolve against the workspace (the server's folder), with a warning
    var relative = call("dynamodb_data_model_validation", Map.of("workspace_dir", "relative/dir"));
    assertThat(relative.isError()).isTrue();
    assertThat(text(relative)).contains("existing directory").contains(Path.of("relative/dir").toAbsolutePath().toString());
  }

  @Test
  void costToolWritesIntoTheDesignFile() throws Exception {
    Path ws = Files.createDirectory(tmp.resolve("cost"));
    Files.writeString(ws.resolve("dynamodb_data_model.md"), "# My design\n");
    JsonNode input = Json.parseTrusted(Files.readString(EXAMPLES.resolve("ecommerce/cost_input.json")));
    var r = call("compute_performances_and_costs", Map.of("access_pattern_list", Json.mapper().convertValue(input.get("access_pattern_list"), List.class),
        "table_list", Json.mapper().convertValue(input.get("table_list"), List.class), "workspace_dir", ws.toString()));
    assertThat(r.isError()).as(text(r)).isFalse();
    assertThat(structured(r).path("status").asText()).isEqualTo("success");
    String md = Files.readString(ws.resolve("dynamodb_data_model.md"));
    assertThat(md).startsWith("# My design\n").contains("<!-- begin-cost-report -->").contains("**Total Monthly Cost: $");
    var bad = call("compute_performances_and_costs", Map.of("access_pattern_list", List.of(Map.of("pattern", "1")), "table_list", List.of(),
        "workspace_dir", ws.toString()));
    assertThat(bad.isError()).isTrue();
    assertThat(structured(bad).path("diagnostics").size()).isGreaterThan(3);
    assertThat(text(bad)).as("the input reference comes with the errors")
        .contains("## Reference").contains("item_count").contains("gsi_list").contains("hot_key_share");
  }

  @Test
  void schemaValidatorAndDalGenerator() throws Exception {
    Path ws = Files.createDirectory(tmp.resolve("dal"));
    Files.copy(EXAMPLES.resolve("saas-multitenant/schema.json"), ws.resolve("schema.json"));
    Files.copy(EXAMPLES.resolve("saas-multitenant/usage_data.json"), ws.resolve("usage_data.json"));
    var ok = call("dynamodb_data_model_schema_validator", Map.of("schema_path", ws.resolve("schema.json").toString(),
        "usage_data_path", ws.resolve("usage_data.json").toString()));
    assertThat(ok.isError()).as(text(ok)).isFalse();
    assertThat(text(ok)).contains("🎉 Validation completed successfully!");
    Files.writeString(ws.resolve("bad.json"), Files.readString(ws.resolve("schema.json")).replace("\"type\": \"integer\"", "\"type\": \"int\""));
    var bad = call("dynamodb_data_model_schema_validator", Map.of("schema_path", ws.resolve("bad.json").toString()));
    assertThat(bad.isError()).isTrue();
    assertThat(text(bad)).contains("❌ Schema validation failed:").contains("💡");
    var outside = call("dynamodb_data_model_schema_validator", Map.of("schema_path", ws.resolve("schema.json").toString(), "usage_data_path", "/etc/passwd"));
    assertThat(outside.isError()).isTrue();
    assertThat(text(outside)).contains("outside the allowed directory");

    var py = call("generate_data_access_layer", Map.of("schema_path", ws.resolve("schema.json").toString(), "usage_data_path", ws.resolve("usage_data.json").toString()));
    assertThat(py.isError()).as(text(py)).isFalse();
    assertThat(Files.exists(ws.resolve("generated_dal/dal/repositories.py"))).isTrue();
    var java = call("generate_data_access_layer", Map.of("schema_path", ws.resolve("schema.json").toString(), "language", "java"));
    assertThat(structured(java).path("patterns").asInt()).isGreaterThan(5);
    var ts = call("generate_data_access_layer", Map.of("schema_path", ws.resolve("schema.json").toString(), "language", "typescript"));
    assertThat(ts.isError()).as(text(ts)).isFalse();
    assertThat(text(ts)).contains("node dist/usage_examples.js").contains("TypeScript data access layer");
    assertThat(Files.exists(ws.resolve("generated_dal/src/repositories.ts"))).isTrue();
    var invalid = call("generate_data_access_layer", Map.of("schema_path", ws.resolve("bad.json").toString()));
    assertThat(invalid.isError()).isTrue();
  }

  @Test
  void resourcesToolGeneratesBesideTheModel() throws Exception {
    Path ws = Files.createDirectory(tmp.resolve("res"));
    Files.copy(EXAMPLES.resolve("social/dynamodb_data_model.json"), ws.resolve("dynamodb_data_model.json"));
    var r = call("generate_resources", Map.of("dynamodb_data_model_json_file", ws.resolve("dynamodb_data_model.json").toString(), "resource_type", "cdk"));
    assertThat(r.isError()).as(text(r)).isFalse();
    assertThat(Files.exists(ws.resolve("cdk/lib/data-model-stack.ts"))).isTrue();
    var again = call("generate_resources", Map.of("dynamodb_data_model_json_file", ws.resolve("dynamodb_data_model.json").toString(), "resource_type", "cloudformation"));
    assertThat(Files.exists(ws.resolve("cloudformation/template.yaml"))).as(text(again)).isTrue();
    var unknown = call("generate_resources", Map.of("dynamodb_data_model_json_file", ws.resolve("dynamodb_data_model.json").toString(), "resource_type", "terraform"));
    assertThat(unknown.isError()).isTrue();
  }
}
