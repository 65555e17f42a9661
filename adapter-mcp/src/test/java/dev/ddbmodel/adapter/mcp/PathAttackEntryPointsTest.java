package dev.ddbmodel.adapter.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbmodel.adapter.mcp.tools.SourceDbAnalyzerTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Path attacks through the tools that read or write files: the schema validator's usage data,
 * the analyzer's query and result files, and a workspace whose model file is a link out. All refused,
 * nothing written outside.
 */
class PathAttackEntryPointsTest {
  @TempDir Path tmp;

  List<String> attacks(Path ws, Path outside) {
    return List.of(ws.resolve("../outside/secret.json").toString(), outside.resolve("secret.json").toString(), "/etc/passwd",
        ws.resolve("link-dir/secret.json").toString(), ws.resolve("link-file.json").toString(), ws.resolve("a\\..\\..\\b.json").toString(),
        ws.resolve("x".repeat(300) + ".json").toString());
  }

  @Test
  void everyFileTakingToolRefusesEveryAttack() throws Exception {
    Path ws = Files.createDirectories(tmp.resolve("ws"));
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Files.writeString(outside.resolve("secret.json"), "{\"entities\": {}}");
    Files.createSymbolicLink(ws.resolve("link-dir"), outside);
    Files.createSymbolicLink(ws.resolve("link-file.json"), outside.resolve("secret.json"));
    Files.copy(Path.of("../examples/models/social/schema.json"), ws.resolve("schema.json"));
    var all = ToolCatalog.all();
    ToolBinding schemaValidator = all.stream().filter(t -> t.spec().name().equals("dynamodb_data_model_schema_validator")).findFirst().orElseThrow();
    ToolBinding analyzer = new SourceDbAnalyzerTool(k -> null);
    for (String attack : attacks(ws, outside)) {
      ToolResult r = DdbModelMcpServer.invoke(schemaValidator, Map.of("schema_path", ws.resolve("schema.json").toString(), "usage_data_path", attack));
      assertThat(r.error()).as("usage_data_path " + attack).isTrue();
      ToolResult q = DdbModelMcpServer.invoke(analyzer, Map.of("source_db_type", "mysql", "source_identifier", "x", "output_dir", ws.toString(),
          "queries_file_path", attack));
      assertThat(q.error()).as("queries_file_path " + attack).isTrue();
      ToolResult p = DdbModelMcpServer.invoke(analyzer, Map.of("source_db_type", "mysql", "source_identifier", "x", "output_dir", ws.toString(),
          "query_result_file_path", attack));
      assertThat(p.error()).as("query_result_file_path " + attack).isTrue();
    }
    // a workspace whose dynamodb_data_model.json links outside
    Path ws2 = Files.createDirectories(tmp.resolve("ws2"));
    Files.createSymbolicLink(ws2.resolve("dynamodb_data_model.json"), outside.resolve("secret.json"));
    ToolBinding validation = all.stream().filter(t -> t.spec().name().equals("dynamodb_data_model_validation")).findFirst().orElseThrow();
    ToolResult v = DdbModelMcpServer.invoke(validation, Map.of("workspace_dir", ws2.toString()));
    assertThat(v.error()).isTrue();
    assertThat(v.text()).contains("Path.SymlinkEscape");
    ToolResult nul = DdbModelMcpServer.invoke(validation, Map.of("workspace_dir", ws.toString() + "\u0000x"));
    assertThat(nul.error()).isTrue();
    try (var s = Files.list(outside)) {
      assertThat(s.map(x -> x.getFileName().toString()).toList()).containsExactly("secret.json");
    }
  }
}
