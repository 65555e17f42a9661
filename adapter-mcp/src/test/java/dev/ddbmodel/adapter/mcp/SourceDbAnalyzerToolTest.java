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

  @Test
  void connectionMethodPrecedence() {
    Map<String, String> env = Map.of("MYSQL_CLUSTER_ARN", "env-cluster", "MYSQL_HOSTNAME", "127.0.0.1", "MYSQL_DATABASE", "shop");
    var tool = new SourceDbAnalyzerTool(env::get);
    // env only: the cluster ARN wins over the env hostname (Data API path; this ARN is malformed, which shows the path taken)
    ToolResult envOnly = DdbModelMcpServer.invoke(tool, Map.of("source_db_type", "mysql", "execution_mode", "managed", "output_dir", out.toString()));
    assertThat(envOnly.text()).contains("Analyzer.ClusterArn").contains("env-cluster");
    // an explicit hostname beats the env cluster ARN (direct path: credentials are checked, no ARN diagnostic)
    ToolResult host = DdbModelMcpServer.invoke(tool, Map.of("source_db_type", "mysql", "execution_mode", "managed", "output_dir", out.toString(),
        "hostname", "db.example"));
    assertThat(host.text()).contains("Analyzer.MissingCredentials").doesNotContain("ClusterArn");
    // an explicit cluster ARN beats an explicit hostname
    ToolResult both = DdbModelMcpServer.invoke(tool, Map.of("source_db_type", "mysql", "execution_mode", "managed", "output_dir", out.toString(),
        "hostname", "db.example", "aws_cluster_arn", "arn:aws:rds:eu-west-1:123456789012:cluster:shop"));
    assertThat(both.text()).contains("Analyzer.MissingSecret").doesNotContain("MissingCredentials");
  }
}
