package dev.ddbmodel.adapter.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbmodel.adapter.mcp.tools.CostTool;
import dev.ddbmodel.adapter.mcp.tools.DataModelValidationTool;
import dev.ddbmodel.adapter.mcp.tools.GenerateDalTool;
import dev.ddbmodel.adapter.mcp.tools.GenerateResourcesTool;
import dev.ddbmodel.adapter.mcp.tools.SourceDbAnalyzerTool;
import dev.ddbmodel.adapter.mcp.tools.WorkbenchImportTool;
import dev.ddbmodel.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, tool by tool: a second call never wipes the user's edits or files; the result says
 * why (isError, the diagnostic id, the fix), and the hints tell the truth.
 */
class OutputSafetyMcpTest {
  static final byte[] MINE = "mine \u00fc\r\n".getBytes(StandardCharsets.UTF_8);

  @TempDir Path tmp;

  private Path workspace() throws Exception {
    Path ws = Files.createDirectories(tmp.resolve("ws"));
    try (Stream<Path> s = Files.list(Path.of("../examples/models/social"))) {
      for (Path p : s.toList()) {
        Files.copy(p, ws.resolve(p.getFileName()));
      }
    }
    return ws;
  }

  private static List<String> ids(ToolResult r) {
    return Json.toTree(r.structured()).path("diagnostics").findValuesAsText("id");
  }

  private static Map<String, Object> args(Object... kv) {
    Map<String, Object> m = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void generateDataAccessLayerTwiceKeepsEditsUnlessOverwrite() throws Exception {
    Path ws = workspace();
    GenerateDalTool tool = new GenerateDalTool();
    String schema = ws.resolve("schema.json").toString();
    assertThat(tool.call(new Arguments(args("schema_path", schema))).error()).isFalse();
    Path out = ws.resolve("generated_dal");
    Path edited;
    try (Stream<Path> s = Files.walk(out)) {
      edited = s.filter(p -> p.toString().endsWith(".py")).findFirst().orElseThrow();
    }
    Files.write(edited, MINE);
    Files.write(out.resolve("mine.txt"), MINE);
    ToolResult again = tool.call(new Arguments(args("schema_path", schema)));
    assertThat(again.error()).isTrue();
    assertThat(ids(again)).containsOnly("Output.Conflict");
    assertThat(again.text()).contains(edited.getFileName().toString()).contains("overwrite");
    assertThat(Files.readAllBytes(edited)).isEqualTo(MINE);
    assertThat(tool.call(new Arguments(args("schema_path", schema, "overwrite", true))).error()).isFalse();
    assertThat(Files.readAllBytes(edited)).isNotEqualTo(MINE);
    assertThat(Files.readAllBytes(out.resolve("mine.txt"))).isEqualTo(MINE);
  }

  @Test
  void generateResourcesRefusesAnExistingCdkFolderAsTheReferenceDoes() throws Exception {
    Path ws = workspace();
    GenerateResourcesTool tool = new GenerateResourcesTool();
    String model = ws.resolve("dynamodb_data_model.json").toString();
    assertThat(tool.call(new Arguments(args("dynamodb_data_model_json_file", model, "resource_type", "cdk"))).error()).isFalse();
    Path cdk = ws.resolve("cdk");
    Files.write(cdk.resolve("README.md"), MINE);
    Files.write(cdk.resolve("mine.txt"), MINE);
    ToolResult again = tool.call(new Arguments(args("dynamodb_data_model_json_file", model, "resource_type", "cdk")));
    assertThat(again.error()).isTrue();
    assertThat(ids(again)).containsExactly("Output.Exists");
    assertThat(Files.readAllBytes(cdk.resolve("README.md"))).isEqualTo(MINE);
    ToolResult forced = tool.call(new Arguments(args("dynamodb_data_model_json_file", model, "resource_type", "cdk", "overwrite", true)));
    assertThat(forced.error()).as(forced.text()).isFalse();
    assertThat(Files.readAllBytes(cdk.resolve("mine.txt"))).isEqualTo(MINE);
  }

  @Test
  void sourceDbAnalyzerNeverReplacesTheUsersQueryFile() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("an"));
    Path mine = Files.write(dir.resolve("queries.sql"), MINE);
    ToolResult r = new SourceDbAnalyzerTool(k -> null).call(new Arguments(args("source_db_type", "mysql", "output_dir", dir.toString(),
        "source_identifier", "shop", "queries_file_path", mine.toString())));
    assertThat(r.error()).isTrue();
    assertThat(ids(r)).containsExactly("Output.Exists");
    assertThat(Files.readAllBytes(mine)).isEqualTo(MINE);
  }

  @Test
  void validationAndImportKeepUserFilesAndCostKeepsTheUsersText() throws Exception {
    Path ws = workspace();
    Files.write(ws.resolve("dynamodb_model_validation.json"), MINE);
    ToolResult v = new DataModelValidationTool().call(new Arguments(args("workspace_dir", ws.toString())));
    assertThat(v.error()).isTrue();
    assertThat(ids(v)).containsExactly("Output.Exists");
    assertThat(Files.readAllBytes(ws.resolve("dynamodb_model_validation.json"))).isEqualTo(MINE);

    byte[] model = Files.readAllBytes(ws.resolve("dynamodb_data_model.json"));
    ToolResult imp = new WorkbenchImportTool().call(new Arguments(args("workbench_file",
        Path.of("../validation/src/test/resources/workbench/library.json").toAbsolutePath().toString(), "workspace_dir", ws.toString())));
    assertThat(imp.error()).isTrue();
    assertThat(ids(imp)).contains("Output.Exists");
    assertThat(Files.readAllBytes(ws.resolve("dynamodb_data_model.json"))).isEqualTo(model);

    String md = Files.readString(ws.resolve("dynamodb_data_model.md"));
    ToolResult c = new CostTool().call(new Arguments(args("workspace_dir", ws.toString(),
        "access_pattern_list", List.of(Map.of("pattern", "1", "description", "d", "operation", "GetItem", "table", "T", "rps", 1, "item_size_bytes", 100)),
        "table_list", List.of(Map.of("name", "T", "item_size_bytes", 100, "item_count", 10)))));
    assertThat(c.error()).as(c.text()).isFalse();
    String after = Files.readString(ws.resolve("dynamodb_data_model.md"));
    String head = md.contains("<!-- begin-cost-report -->") ? md.substring(0, md.indexOf("<!-- begin-cost-report -->")) : md;
    assertThat(after).startsWith(head.stripTrailing());
  }

  @Test
  void hintsTellTheTruth() {
    assertThat(new SourceDbAnalyzerTool().spec().destructive()).as("never replaces a user's file").isFalse();
    assertThat(new CostTool().spec().destructive()).as("changes only its own block").isFalse();
    assertThat(new GenerateDalTool().spec().destructive()).as("overwrite: true replaces edited generated files").isTrue();
    assertThat(new GenerateResourcesTool().spec().destructive()).isTrue();
    assertThat(new GenerateDalTool().spec().description()).contains(".ddbm-manifest.json").contains("overwrite");
    assertThat(new GenerateResourcesTool().spec().description()).contains("refused unless overwrite");
  }
}
