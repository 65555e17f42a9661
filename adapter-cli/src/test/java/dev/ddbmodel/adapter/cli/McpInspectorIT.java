package dev.ddbmodel.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.core.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives the server in the one shaded jar ({@code java -jar ddbm.jar mcp}) with the official MCP Inspector CLI from the npm registry
 * (installed once under target/inspector-cache): tools/list, tool calls, an error result.
 */
class McpInspectorIT {
  static final String VERSION = "2.12.0";
  static Path cli;
  static final Path JAR = Path.of("target/ddbm.jar").toAbsolutePath();

  @TempDir Path tmp;

  @BeforeAll
  static void install() throws Exception {
    Path cache = Path.of("target/inspector-cache", VERSION).toAbsolutePath();
    cli = cache.resolve("node_modules/@modelcontextprotocol/inspector/clients/launcher/build/index.js");
    if (!Files.exists(cli)) {
      Files.createDirectories(cache);
      Files.writeString(cache.resolve("package.json"), "{\"name\":\"inspector-cache\",\"private\":true}");
      run(cache, 600, "npm", "install", "--no-audit", "--no-fund", "--loglevel=error", "@modelcontextprotocol/inspector@" + VERSION);
    }
    assertThat(JAR).exists();
  }

  static String run(Path dir, int seconds, String... cmd) throws Exception {
    dev.ddbmodel.core.process.ProcessResult r = dev.ddbmodel.core.process.ExternalProcess.run(new ProcessBuilder(cmd).directory(dir.toFile()), java.time.Duration.ofSeconds(seconds));
    if (r.timedOut() || (r.exitCode() != 0 && r.exitCode() != 5)) {
      throw new AssertionError(r.describe());
    }
    return r.stdout();
  }

  static String inspector(Path dir, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("node", cli.toString(), "--cli", "java", "-Xlog:disable", "-jar", JAR.toString(), "mcp"));
    cmd.addAll(List.of(args));
    return run(dir, 120, cmd.toArray(String[]::new));
  }

  @Test
  void listsAndCallsToolsThroughTheInspector() throws Exception {
    // --strict: the Inspector's schema-portability check (exits 6 on error-severity problems)
    JsonNode tools = Json.parseTrusted(inspector(tmp, "--method", "tools/list", "--strict"));
    List<String> names = new ArrayList<>();
    tools.path("tools").forEach(t -> names.add(t.path("name").asText()));
    assertThat(names).contains("dynamodb_data_modeling", "dynamodb_data_model_validation", "generate_resources",
        "dynamodb_data_model_schema_converter", "dynamodb_data_model_schema_validator", "generate_data_access_layer",
        "compute_performances_and_costs");

    String guide = inspector(tmp, "--method", "tools/call", "--tool-name", "dynamodb_data_modeling");
    assertThat(guide).contains("dynamodb_requirement.md");

    Path ws = Files.createDirectory(tmp.resolve("ws"));
    Files.copy(Path.of("../examples/models/social/dynamodb_data_model.json"), ws.resolve("dynamodb_data_model.json"));
    JsonNode validation = Json.parseTrusted(inspector(tmp, "--method", "tools/call", "--tool-name", "dynamodb_data_model_validation",
        "--tool-arg", "workspace_dir=" + ws));
    assertThat(validation.path("isError").asBoolean()).as(validation.toString()).isFalse();
    assertThat(validation.path("structuredContent").path("status").asText()).isEqualTo("passed");

    // as a client written for the reference sends it: a relative path and an argument this server does not know
    JsonNode lax = Json.parseTrusted(inspector(tmp, "--method", "tools/call", "--tool-name", "dynamodb_data_model_validation",
        "--tool-arg", "workspace_dir=ws", "--tool-arg", "session_hint=1"));
    assertThat(lax.path("isError").asBoolean()).as(lax.toString()).isFalse();
    assertThat(lax.path("structuredContent").path("result").asText()).isNotBlank();
    assertThat(lax.path("structuredContent").path("warnings").toString()).contains("session_hint").contains("relative");

    String failed = inspector(tmp, "--method", "tools/call", "--tool-name", "dynamodb_data_model_schema_validator",
        "--tool-arg", "schema_path=" + tmp.resolve("missing.json"));
    assertThat(failed).contains("Path.NotFound");
  }
}
