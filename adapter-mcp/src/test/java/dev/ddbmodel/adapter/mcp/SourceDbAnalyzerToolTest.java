package dev.ddbmodel.adapter.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbmodel.adapter.mcp.tools.SourceDbAnalyzerTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceDbAnalyzerToolTest {
  @TempDir Path out;

  @Test
  void selfServiceStepOneWithEnvironmentFallback() throws Exception {
    var tool = new SourceDbAnalyzerTool(Map.of("MYSQL_DATABASE", "shop")::get);
    ToolResult r = DdbModelMcpServer.invoke(tool, Map.of("source_db_type", "mysql", "output_dir", out.toString(),
        "queries_file_path", out.resolve("q.sql").toString()));
    assertThat(r.error()).as(r.text()).isFalse();
    assertThat(Files.readString(out.resolve("q.sql"))).contains("table_schema = 'shop'");
    assertThat(r.text()).contains("query_result_file_path");
  }

  @Test
  void errorsAreToolErrors() {
    var tool = new SourceDbAnalyzerTool(k -> null);
    ToolResult r = DdbModelMcpServer.invoke(tool, Map.of("source_db_type", "db2", "output_dir", out.toString()));
    assertThat(r.error()).isTrue();
    assertThat(r.text()).contains("Analyzer.UnknownDatabase");
    ToolResult rel = DdbModelMcpServer.invoke(tool, Map.of("source_db_type", "mysql", "output_dir", "relative"));
    assertThat(rel.error()).isTrue();
  }
}
