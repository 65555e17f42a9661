package dev.ddbmodel.adapter.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.core.json.Json;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Workbench import tool and the model view resource through a real MCP client (streamable HTTP, read-only and not). */
class WorkbenchMcpTest {
  static final Path LIBRARY = Path.of("../validation/src/test/resources/workbench/library.json").toAbsolutePath().normalize();
  static HttpMcpServer http;
  static McpSyncClient client;
  static HttpMcpServer readOnlyHttp;
  static McpSyncClient readOnly;

  @TempDir Path tmp;

  @BeforeAll
  static void start() throws Exception {
    http = HttpMcpServer.start(new ServerConfig(false, "test"), "127.0.0.1", 0);
    client = connect(http);
    // read-only mode confines to the workspace: the temporary folders of these tests
    readOnlyHttp = HttpMcpServer.start(new ServerConfig(true, "test", Path.of(System.getProperty("java.io.tmpdir"))), "127.0.0.1", 0);
    readOnly = connect(readOnlyHttp);
  }

  static McpSyncClient connect(HttpMcpServer s) {
    McpSyncClient c = McpClient.sync(HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + s.endpoint().getPort()).endpoint("/mcp").build())
        .requestTimeout(java.time.Duration.ofSeconds(60)).build();
    c.initialize();
    return c;
  }

  @AfterAll
  static void stop() throws Exception {
    client.close();
    http.close();
    readOnly.close();
    readOnlyHttp.close();
  }

  static String viewUri(Path ws) {
    return "ddbmodel://model-view/" + URLEncoder.encode(ws.toString(), StandardCharsets.UTF_8);
  }

  @Test
  void importWritesTheFilesAndListsWhatIsMissing() throws Exception {
    McpSchema.CallToolResult r = client.callTool(new McpSchema.CallToolRequest("import_nosql_workbench_model",
        Map.of("workbench_file", LIBRARY.toString(), "workspace_dir", tmp.toString())));
    assertThat(r.isError()).isFalse();
    JsonNode s = Json.toTree(r.structuredContent());
    assertThat(s.path("status").asText()).isEqualTo("imported");
    assertThat(s.path("tables").toString()).isEqualTo("[\"Library\",\"DeviceEvents\",\"Settings\"]");
    assertThat(s.path("todo").get(0).asText()).contains("add the access patterns");
    assertThat(s.path("findings").findValuesAsText("id")).contains("Workbench.NotCarried");
    assertThat(Files.exists(tmp.resolve("dynamodb_data_model.json"))).isTrue();
    assertThat(Files.exists(tmp.resolve("schema.json"))).isTrue();
    // a second call does not replace the files
    McpSchema.CallToolResult again = client.callTool(new McpSchema.CallToolRequest("import_nosql_workbench_model",
        Map.of("workbench_file", LIBRARY.toString(), "workspace_dir", tmp.toString())));
    assertThat(again.isError()).isTrue();
    assertThat(Json.toTree(again.structuredContent()).path("diagnostics").findValuesAsText("id")).contains("Output.Exists");
    // the tool writes files, so read-only mode does not offer it
    assertThat(readOnly.listTools().tools()).extracting(McpSchema.Tool::name).doesNotContain("import_nosql_workbench_model");
  }

  @Test
  void theViewPageIsAResourceInBothModes() throws Exception {
    Files.copy(Path.of("../examples/models/social/dynamodb_data_model.json"), tmp.resolve("dynamodb_data_model.json"));
    Files.copy(Path.of("../examples/models/social/schema.json"), tmp.resolve("schema.json"));
    for (McpSyncClient c : new McpSyncClient[] {client, readOnly}) {
      assertThat(c.listResourceTemplates().resourceTemplates()).extracting(McpSchema.ResourceTemplate::uriTemplate)
          .contains("ddbmodel://model-view/{workspace_dir}");
      McpSchema.ReadResourceResult page = c.readResource(new McpSchema.ReadResourceRequest(viewUri(tmp)));
      McpSchema.TextResourceContents html = (McpSchema.TextResourceContents) page.contents().get(0);
      assertThat(html.mimeType()).isEqualTo("text/html");
      assertThat(html.text()).startsWith("<!DOCTYPE html>").contains("Table <span class=\"tname\">Social</span>").contains("class=\"pat\"");
    }
    assertThatThrownBy(() -> readOnly.readResource(new McpSchema.ReadResourceRequest(viewUri(Path.of("../examples/models/social").toAbsolutePath()))))
        .hasMessageContaining("outside the workspace");
    // reading writes nothing
    assertThat(Files.exists(tmp.resolve("dynamodb_model_view.html"))).isFalse();
    assertThatThrownBy(() -> client.readResource(new McpSchema.ReadResourceRequest(viewUri(tmp.resolve("missing")))))
        .hasMessageContaining("existing folder");
    assertThatThrownBy(() -> client.readResource(new McpSchema.ReadResourceRequest("ddbmodel://model-view/" + URLEncoder.encode("relative/dir", StandardCharsets.UTF_8))))
        .hasMessageContaining("absolute path");
    Files.writeString(tmp.resolve("dynamodb_data_model.json"), "{\"tables\": 1}");
    assertThatThrownBy(() -> client.readResource(new McpSchema.ReadResourceRequest(viewUri(tmp))))
        .hasMessageContaining("the model cannot be shown");
  }
}
