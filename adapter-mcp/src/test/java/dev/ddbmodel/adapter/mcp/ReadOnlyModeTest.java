package dev.ddbmodel.adapter.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.core.json.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Read-only mode: file arguments stay in the workspace, no file content leaks, the switch is parsed strictly. */
class ReadOnlyModeTest {
  static final String SECRET = "AKIAIOSFODNN7EXAMPLE";

  @TempDir Path tmp;

  DdbModelMcpServer server(Path ws) {
    return DdbModelMcpServer.standard(new ServerConfig(true, "test", ws));
  }

  ToolResult call(DdbModelMcpServer s, String tool, Map<String, Object> args) {
    ToolBinding b = s.offeredTools().stream().filter(t -> t.spec().name().equals(tool)).findFirst().orElseThrow();
    return s.invoke(b, Json.parseTrusted(DdbModelMcpServer.resource(b.spec().inputSchemaResource())), args);
  }

  static String all(ToolResult r) {
    return r.text() + "\n" + Json.compact(r.structured());
  }

  @Test
  void fileArgumentsOutsideTheWorkspaceAreRefused() throws Exception {
    Path ws = Files.createDirectory(tmp.resolve("ws"));
    Path outside = Files.writeString(tmp.resolve("credentials"), "[default]\naws_access_key_id = " + SECRET + "\n");
    Files.createSymbolicLink(ws.resolve("link.json"), outside);
    Files.createSymbolicLink(ws.resolve("dirlink"), tmp);
    DdbModelMcpServer s = server(ws);
    for (String p : List.of(outside.toString(), ws + "/../credentials", "../credentials", ws.resolve("link.json").toString(),
        ws.resolve("dirlink/credentials").toString(), "/etc/passwd")) {
      ToolResult r = call(s, "dynamodb_data_model_schema_validator", Map.of("schema_path", p));
      assertThat(r.error()).as(p).isTrue();
      assertThat(all(r)).as(p).contains("outside the workspace").doesNotContain(SECRET).doesNotContain("root:");
      r = call(s, "dynamodb_data_model_schema_validator", Map.of("schema_path", ws.resolve("missing.json").toString(), "usage_data_path", p));
      assertThat(all(r)).as(p).contains("outside the workspace").doesNotContain(SECRET);
    }
  }

  @Test
  void errorsNeverQuoteFilesThatAreNotJson() throws Exception {
    Path ws = Files.createDirectory(tmp.resolve("ws"));
    List<String> contents = List.of(SECRET, SECRET + "\n", "aws_access_key_id = " + SECRET, "[default]\naws_access_key_id=" + SECRET,
        "export AWS_ACCESS_KEY_ID=" + SECRET, "\"" + SECRET + "\"", "[\"" + SECRET + "\"]", SECRET + " {", "{" + SECRET + "}",
        "{\"a\": " + SECRET + "}", "'" + SECRET + "'", "42 " + SECRET, "<xml>" + SECRET + "</xml>");
    DdbModelMcpServer s = server(ws);
    int i = 0;
    for (String c : contents) {
      Path f = Files.writeString(ws.resolve("f" + i++ + ".json"), c);
      ToolResult r = call(s, "dynamodb_data_model_schema_validator", Map.of("schema_path", f.toString()));
      assertThat(r.error()).as(c).isTrue();
      assertThat(all(r)).as(c).doesNotContain(SECRET).doesNotContain("AKIA");
      Path schema = ws.resolve("schema-" + i + ".json");
      Files.copy(Path.of("../examples/models/social/schema.json"), schema);
      r = call(s, "dynamodb_data_model_schema_validator", Map.of("schema_path", schema.toString(), "usage_data_path", f.toString()));
      assertThat(all(r)).as("usage data: " + c).doesNotContain(SECRET).doesNotContain("AKIA");
    }
  }

  static String session(DdbModelMcpServer s) throws Exception {
    String in = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}\n"
        + "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}\n";
    return in;
  }

  /** Tools offered by a server started with this environment value, or the exit code when it refuses. */
  @SuppressWarnings("unchecked")
  Object startWith(String value) throws Exception {
    return startWith(ServerConfig.READ_ONLY_ENV, value);
  }

  @SuppressWarnings("unchecked")
  Object startWith(String variable, String value) throws Exception {
    String in = session(null);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    // stdin stays open until the answer to tools/list is out, then closes
    java.io.InputStream slow = new java.io.InputStream() {
      final ByteArrayInputStream data = new ByteArrayInputStream(in.getBytes(StandardCharsets.UTF_8));

      @Override
      public int read() {
        int b = data.read();
        if (b < 0) {
          long deadline = System.nanoTime() + 20_000_000_000L;
          while (!out.toString(StandardCharsets.UTF_8).contains("\"id\":2") && System.nanoTime() < deadline) {
            try {
              Thread.sleep(20);
            } catch (InterruptedException e) {
              return -1;
            }
          }
        }
        return b;
      }
    };
    int code = McpServerMain.run(new LaunchOptions(java.util.Optional.empty(), "127.0.0.1", false, List.of(), List.of(), java.util.Optional.empty(),
        java.util.Optional.of(tmp)), k -> k.equals(variable) ? value : null,
        new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true), slow, out);
    if (code != 0) {
      return code + ":" + err.toString(StandardCharsets.UTF_8);
    }
    for (String l : out.toString(StandardCharsets.UTF_8).split("\n")) {
      JsonNode n = Json.parseTrusted(l);
      if (n.path("id").asInt() == 2) {
        List<String> names = new java.util.ArrayList<>();
        n.path("result").path("tools").forEach(t -> names.add(t.path("name").asText()));
        return names;
      }
    }
    throw new AssertionError("no tools/list answer: " + out);
  }

  @Test
  @SuppressWarnings("unchecked")
  void theReadOnlySwitchAcceptsTheUsualSpellingsAndRefusesOthers() throws Exception {
    for (String on : List.of("true", "TRUE", "1", "yes", "Yes", "on", "ON", " on ")) {
      assertThat(startWith(on)).as(on).isInstanceOf(List.class);
      assertThat((List<Object>) startWith(on)).as(on).contains("dynamodb_data_model_schema_validator").doesNotContain("generate_resources", "source_db_analyzer");
    }
    for (String off : List.of("false", "0", "no", "OFF", "")) {
      assertThat((List<Object>) startWith(off)).as(off).contains("generate_resources", "source_db_analyzer");
    }
    // the reference's install configuration sets DDB-MCP-READONLY=true: honoured the same way
    assertThat((List<Object>) startWith(ServerConfig.REFERENCE_READ_ONLY_ENV, "true")).doesNotContain("generate_resources");
    assertThat((List<Object>) startWith(ServerConfig.REFERENCE_READ_ONLY_ENV, "false")).contains("generate_resources");
    for (String bad : List.of("maybe", "2", "enable", "tru", "on\u0000")) {
      Object r = startWith(bad);
      assertThat(r).as(bad).isInstanceOf(String.class);
      assertThat((String) r).startsWith("2:").contains(ServerConfig.READ_ONLY_ENV).contains("true/false");
    }
  }
}
