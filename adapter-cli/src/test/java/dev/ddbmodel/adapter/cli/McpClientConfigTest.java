package dev.ddbmodel.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.core.json.Json;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class McpClientConfigTest {
  @TempDir Path tmp;

  @Test
  void eachClientGetsItsFileFormat() {
    List<String> cmd = List.of("java", "-jar", "/opt/ddbm/ddbm.jar", "mcp");
    for (McpClientConfig.Client c : McpClientConfig.Client.values()) {
      JsonNode root = Json.parseTrusted(McpClientConfig.render(c, cmd));
      JsonNode server = root.path(c == McpClientConfig.Client.VSCODE ? "servers" : "mcpServers").path(McpClientConfig.SERVER_NAME);
      assertThat(server.path("command").asText()).as(c.name()).isEqualTo("java");
      assertThat(server.path("args").toString()).isEqualTo("[\"-jar\",\"/opt/ddbm/ddbm.jar\",\"mcp\"]");
      assertThat(server.path("env").path("DDB_LOCAL_TELEMETRY").asText()).isEqualTo("0");
      assertThat(server.path("type").asText()).isEqualTo(c == McpClientConfig.Client.VSCODE ? "stdio" : "");
    }
  }

  @Test
  void startsTheOneJarWithItsArchiveWhenRecorded() throws Exception {
    Path cli = Files.createDirectories(tmp.resolve("adapter-cli/target")).resolve("ddbm.jar");
    Files.writeString(cli, "");
    assertThat(McpClientConfig.command(cli, true)).endsWith("-jar", cli.toString(), "mcp", "--read-only")
        .noneMatch(a -> a.startsWith("-XX:SharedArchiveFile"));
    Files.writeString(cli.resolveSibling("ddbm.jsa"), "");
    List<String> cmd = McpClientConfig.command(cli, false);
    assertThat(cmd).contains("-XX:SharedArchiveFile=" + cli.resolveSibling("ddbm.jsa")).endsWith("-jar", cli.toString(), "mcp");
  }

  /** The printed configuration and the launcher start the JVM alike: one list, checked here. */
  @Test
  void launcherUsesTheSameJvmOptions() throws Exception {
    String launcher = Files.readString(Path.of("../ddbm"), StandardCharsets.UTF_8);
    var m = java.util.regex.Pattern.compile("(?m)^java_opts=\\((.*)\\)$").matcher(launcher);
    assertThat(m.find()).as("java_opts=(...) in the launcher").isTrue();
    assertThat(List.of(m.group(1).trim().split("\\s+"))).isEqualTo(McpClientConfig.JVM_OPTIONS);
    assertThat(McpClientConfig.command(tmp.resolve("ddbm.jar"), false)).containsSequence(McpClientConfig.JVM_OPTIONS);
  }

  @Test
  void unknownClientIsAUsageError() {
    CliTestSupport.Run r = CliTestSupport.run("mcp", "config", "--client", "vscodes");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("did you mean").contains("vscode");
  }

  /** The printed configuration starts a server that answers initialize and tools/list on stdio. */
  @Test
  void printedConfigurationStartsAWorkingServer() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(Path.of("target/ddbm.jar")),
        "the server jar is packaged in the verify build (mvn -B verify); a bare `mvn test` has no jars to configure");
    CliTestSupport.Run r = CliTestSupport.run("mcp", "config", "--client", "claude", "--read-only");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode server = Json.parseTrusted(r.out()).path("mcpServers").path(McpClientConfig.SERVER_NAME);
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    server.path("args").forEach(a -> cmd.add(a.asText()));
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    // the limit is enforced: a server that never answers is stopped, so readLine returns
    java.util.concurrent.CompletableFuture.runAsync(p::destroyForcibly, java.util.concurrent.CompletableFuture.delayedExecutor(90, TimeUnit.SECONDS));
    try (OutputStream in = p.getOutputStream();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      in.write(("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
          + "\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}\n"
          + "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n"
          + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}\n").getBytes(StandardCharsets.UTF_8));
      in.flush();
      assertThat(Json.parseTrusted(out.readLine()).path("result").path("serverInfo").path("name").asText()).isNotEmpty();
      JsonNode tools = Json.parseTrusted(out.readLine()).path("result").path("tools");
      List<String> names = new ArrayList<>();
      tools.forEach(t -> names.add(t.path("name").asText()));
      assertThat(names).contains("dynamodb_data_modeling").doesNotContain("generate_resources"); // read-only
    } finally {
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("server exits when stdin closes").isTrue();
    }
  }
}
