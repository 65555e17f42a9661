package dev.ddbmodel.analyzer.internal.workload;

import dev.ddbmodel.analyzer.AnalyzerRequest;
import dev.ddbmodel.analyzer.SourceDbAnalyzer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbmodel.analyzer.internal.dialect.Dialect;
import dev.ddbmodel.core.Diagnostic;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data API target checks and parameter rewriting (no service needed). */
class DataApiTest {
  @TempDir Path out;

  static final String CLUSTER = "arn:aws:rds:eu-west-1:123456789012:cluster:shop";
  static final String SECRET = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:shop-AbCdEf";

  @Test
  void placeholdersBecomeNamedParametersOutsideQuotesAndComments() {
    assertThat(DataApi.namedParameters("SELECT '?' AS q, \"a?b\", x FROM t WHERE a = ? AND b = ? -- why?\nAND c = ?"))
        .isEqualTo("SELECT '?' AS q, \"a?b\", x FROM t WHERE a = :p1 AND b = :p2 -- why?\nAND c = :p3");
    assertThat(DataApi.namedParameters("SELECT 'it''s ?', `c?` FROM t WHERE d = ?")).isEqualTo("SELECT 'it''s ?', `c?` FROM t WHERE d = :p1");
    assertThat(DataApi.namedParameters("SELECT x::bigint FROM t WHERE j ?| array['a'] AND k = ?")).isEqualTo("SELECT x::bigint FROM t WHERE j ?| array['a'] AND k = :p1");
  }

  @Test
  void targetIsCheckedBeforeAnyCall() {
    var bad = AnalyzerRequest.builder("sqlserver", out).identifier("db").mode("managed").clusterArn("my-cluster").build();
    assertThat(DataApi.checkTarget(Dialect.of("sqlserver").orElseThrow(), bad).errors()).extracting(Diagnostic::id)
        .containsExactlyInAnyOrder("Analyzer.DataApiEngine", "Analyzer.ClusterArn", "Analyzer.MissingSecret", "Analyzer.MissingRegion");

    var mismatch = AnalyzerRequest.builder("mysql", out).identifier("db").mode("managed").clusterArn(CLUSTER)
        .secretArn("arn:aws:secretsmanager:us-east-1:999999999999:secret:x").region("us-east-1").build();
    assertThat(DataApi.checkTarget(Dialect.of("mysql").orElseThrow(), mismatch).errors()).extracting(Diagnostic::id)
        .containsExactlyInAnyOrder("Analyzer.RegionMismatch", "Analyzer.SecretAccount");

    var ok = AnalyzerRequest.builder("postgresql", out).identifier("db").mode("managed").clusterArn(" " + CLUSTER + " ").secretArn(SECRET).build();
    assertThat(DataApi.checkTarget(Dialect.of("postgresql").orElseThrow(), ok).unwrap()).isEqualTo("eu-west-1");
  }

  @Test
  void unreachableServiceIsADiagnosticAndWritesNothing() throws Exception {
    var r = SourceDbAnalyzer.run(AnalyzerRequest.builder("mysql", out).identifier("db").mode("managed").clusterArn(CLUSTER).secretArn(SECRET)
        .rdsDataEndpoint(java.net.URI.create("http://127.0.0.1:1")).statementTimeoutSeconds(1)
        .awsCredentials(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
            software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("a", "b"))).build());
    assertThat(r.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.id()).isEqualTo("Analyzer.AwsAccess");
      assertThat(d.message()).startsWith("cannot reach the RDS Data API");
    });
    try (var files = java.nio.file.Files.list(out)) {
      assertThat(files).isEmpty();
    }
  }
}
