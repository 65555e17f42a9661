package dev.ddbmodel.adapter.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.core.json.Json;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The server plumbing with test tools: argument errors, bugs, read-only mode, both transports. */
class McpFrameworkTest {

  static final class EchoTool implements ToolBinding {
    final boolean readOnly;

    EchoTool(boolean readOnly) {
      this.readOnly = readOnly;
    }

    @Override
    public ToolSpec spec() {
      return new ToolSpec(readOnly ? "echo" : "write_echo", "Echo", "Echoes text.",
          "/dev/ddbmodel/adapter/mcp/test/echo.input.json", readOnly, !readOnly, true, false);
    }

    @Override
    public ToolResult call(Arguments a) {
      String text = a.string("text");
      if (text.equals("boom")) {
        throw new IllegalStateException("kaboom");
      }
      return ToolResult.ok(text.repeat(a.optionalInt("times").orElse(1)), Map.of("length", text.length()));
    }
  }

  static DdbModelMcpServer server(boolean readOnly) {
    return new DdbModelMcpServer(
        new ServerConfig(readOnly, "test"), List.of(new EchoTool(true), new EchoTool(false)), GuideFeatures.none());
  }

  static McpSchema.CallToolResult call(McpSyncClient c, String tool, Map<String, Object> args) {
    return c.callTool(new McpSchema.CallToolRequest(tool, args));
  }

  static String text(McpSchema.CallToolResult r) {
    return ((McpSchema.TextContent) r.content().get(0)).text();
  }

  @Test
  void httpTransportServesToolsAndMapsFailures() throws Exception {
    try (HttpMcpServer http = HttpMcpServer.start(server(false), "127.0.0.1", 0)) {
      var transport =
          HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + http.endpoint().getPort())
              .endpoint("/mcp")
              .build();
      try (McpSyncClient c = McpClient.sync(transport).build()) {
        c.initialize();
        assertThat(c.getServerInfo().name()).isEqualTo("dynamodb-mcp-server");
        assertThat(c.listTools().tools()).extracting(McpSchema.Tool::name).containsExactly("echo", "write_echo");
        McpSchema.Tool echo = c.listTools().tools().get(0);
        assertThat(echo.annotations().readOnlyHint()).isTrue();
        assertThat(echo.annotations().destructiveHint()).isFalse();

        var ok = call(c, "echo", Map.of("text", "ab", "times", 2));
        assertThat(ok.isError()).isFalse();
        assertThat(text(ok)).isEqualTo("abab");
        assertThat(Json.toTree(ok.structuredContent()).path("length").asInt()).isEqualTo(2);

        var bug = call(c, "echo", Map.of("text", "boom"));
        assertThat(bug.isError()).isTrue();
        assertThat(text(bug)).contains("Internal error in `echo`").contains("kaboom");

        var schemaViolation = call(c, "echo", Map.of("times", 2));
        assertThat(schemaViolation.isError()).isTrue();
        assertThat(text(schemaViolation)).contains("text");

        // still serving after errors
        assertThat(text(call(c, "echo", Map.of("text", "x")))).isEqualTo("x");
      }
    }
  }

  @Test
  void readOnlyModeHidesWritingTools() throws Exception {
    assertThat(server(true).offeredTools()).extracting(t -> t.spec().name()).containsExactly("echo");
    assertThat(server(false).offeredTools()).hasSize(2);
  }

  @Test
  void stdioAnswersMalformedLinesAndKeepsServing() throws Exception {
    String input =
        String.join(
            "\n",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
            "this is not json",
            "[1,2,3]",
            "{\"jsonrpc\":\"1.0\",\"id\":5,\"method\":\"ping\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\",\"arguments\":{\"text\":\"hi\"}}}",
            "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"ping\"}")
            + "\n";
    PipedOutputStream feed = new PipedOutputStream();
    PipedInputStream in = new PipedInputStream(feed, 1 << 16);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Thread t =
        new Thread(
            () -> {
              try {
                McpServerMain.runStdio(server(false), in, out);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    t.start();
    feed.write(input.getBytes(StandardCharsets.UTF_8));
    feed.flush();
    // wait for the answer to the last request before closing stdin
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (!(out.toString(StandardCharsets.UTF_8).contains("\"id\":7") && out.toString(StandardCharsets.UTF_8).contains("\"id\":6"))
        && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    feed.close();
    t.join(10_000);
    assertThat(t.isAlive()).as("server returns when stdin closes").isFalse();

    List<JsonNode> lines = new ArrayList<>();
    for (String l : out.toString(StandardCharsets.UTF_8).split("\n")) {
      lines.add(Json.parseTrusted(l)); // every stdout line is one JSON message
    }
    assertThat(lines).anySatisfy(n -> assertThat(n.path("error").path("code").asInt()).isEqualTo(-32700));
    assertThat(lines).filteredOn(n -> n.path("error").path("code").asInt() == -32600).hasSize(2);
    assertThat(lines).anySatisfy(n -> {
      assertThat(n.path("id").asInt()).isEqualTo(6);
      assertThat(n.path("result").path("content").get(0).path("text").asText()).isEqualTo("hi");
    });
    assertThat(lines).anySatisfy(n -> assertThat(n.path("id").asInt()).isEqualTo(7));
  }
}
