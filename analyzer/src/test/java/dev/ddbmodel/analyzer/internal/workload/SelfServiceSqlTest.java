package dev.ddbmodel.analyzer.internal.workload;

import dev.ddbmodel.analyzer.AnalyzerRequest;
import dev.ddbmodel.analyzer.SourceDbAnalyzer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbmodel.analyzer.internal.dialect.Dialect;
import dev.ddbmodel.core.Diagnostic;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelfServiceSqlTest {
  @TempDir Path out;

  @Test
  void everyDialectWritesMarkedQueriesWithEscapedLiterals() throws Exception {
    for (String db : Dialect.NAMES) {
      Path f = out.resolve(db + ".sql");
      var r = SourceDbAnalyzer.run(AnalyzerRequest.builder(db, out).identifier("shop'; DROP TABLE x; --").queriesFile(f).build()).unwrap();
      String sql = Files.readString(r.path());
      assertThat(sql).contains("DDBM_BEGIN table_analysis").contains("DDBM_END query_pattern_analysis");
      assertThat(sql).as(db).doesNotContainIgnoringCase("'shop'; DROP").containsIgnoringCase("shop''; DROP");
      assertThat(r.toText()).contains("query_result_file_path");
    }
    String oracle = Files.readString(out.resolve("oracle.sql"));
    assertThat(oracle).contains("FROM dual;").contains("SHOP''; DROP").contains("SET PAGESIZE");
    // in SQL (not the comment header) a quote is doubled, never backslash-escaped
    assertThat(Files.readString(out.resolve("mysql.sql")).lines().filter(l -> !l.startsWith("--"))).noneMatch(l -> l.contains("\\'"));
  }

  @Test
  void clearErrors() {
    assertThat(SourceDbAnalyzer.run(AnalyzerRequest.builder("postgress", out).identifier("x").build()).errors())
        .singleElement().satisfies(d -> assertThat(d.hint()).isEqualTo("did you mean `postgresql`?"));
    assertThat(SourceDbAnalyzer.run(AnalyzerRequest.builder("mysql", out).identifier("x").mode("auto").build()).errors())
        .extracting(Diagnostic::id).containsExactly("Analyzer.Mode");
    assertThat(SourceDbAnalyzer.run(AnalyzerRequest.builder("mysql", out).build()).errors()).extracting(Diagnostic::id).containsExactly("Analyzer.MissingIdentifier");
    assertThat(SourceDbAnalyzer.run(AnalyzerRequest.builder("mysql", out).identifier("x").mode("managed").build()).errors())
        .extracting(Diagnostic::id).containsExactly("Analyzer.MissingCredentials");
    assertThat(SourceDbAnalyzer.run(AnalyzerRequest.builder("mysql", out).identifier("x").queriesFile(Path.of("/etc/q.sql")).build()).errors())
        .extracting(Diagnostic::id).containsExactly("Path.OutsideBase");
  }

  @Test
  void managedConnectionFailureIsAnError() {
    var r = SourceDbAnalyzer.run(AnalyzerRequest.builder("postgresql", out).identifier("x").mode("managed").host("127.0.0.1").port(1)
        .credentials("u", "secret-password").statementTimeoutSeconds(1).build());
    assertThat(r.errors()).extracting(Diagnostic::id).containsExactly("Analyzer.Connection");
    assertThat(r.errors().get(0).message()).doesNotContain("secret-password");
  }
}
