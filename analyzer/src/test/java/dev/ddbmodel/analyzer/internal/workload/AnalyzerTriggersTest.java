package dev.ddbmodel.analyzer.internal.workload;

import dev.ddbmodel.analyzer.AnalyzerRequest;
import dev.ddbmodel.analyzer.SourceDbAnalyzer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbmodel.core.Diagnostic;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Analyzer ids that no other test produced (docs/diagnostics.md). */
class AnalyzerTriggersTest {
  @TempDir Path out;

  @Test
  void selfServiceWithoutEitherFile() {
    var r = SourceDbAnalyzer.run(AnalyzerRequest.builder("mysql", out).identifier("shop").mode("self_service").build());
    assertThat(r.errors()).extracting(Diagnostic::id).containsExactly("Analyzer.Parameters");
  }

  @Test
  void resultsThatAreNotUtf8() throws Exception {
    Path results = Files.write(out.resolve("results.txt"), new byte[] {'a', (byte) 0xFF, (byte) 0xFE, '\n'});
    var r = SourceDbAnalyzer.run(AnalyzerRequest.builder("mysql", out).identifier("shop").mode("self_service").resultFile(results).build());
    assertThat(r.errors()).extracting(Diagnostic::id).containsExactly("Analyzer.Io");
    assertThat(r.errors().get(0).hint()).contains("UTF-8");
  }

  @Test
  void dataApiWithAMalformedSecretArn() {
    var r = SourceDbAnalyzer.run(AnalyzerRequest.builder("postgresql", out).identifier("shop").mode("managed")
        .clusterArn("arn:aws:rds:us-east-1:123456789012:cluster:shop").secretArn("my-secret").region("us-east-1").build());
    assertThat(r.errors()).extracting(Diagnostic::id).contains("Analyzer.SecretArn");
  }

  @Test
  @SuppressWarnings("deprecation")
  void aResultsFileWithAForeignSectionAndNoneOfTheQueries() throws Exception {
    Path results = Files.writeString(out.resolve("results.txt"), "DDBM_BEGIN bogus\nx\n1\nDDBM_END bogus\n");
    var r = SourceDbAnalyzer.run(AnalyzerRequest.builder("mysql", out).identifier("shop").mode("self_service").resultFile(results).build());
    var a = r.unwrap();
    assertThat(a.diagnostics()).extracting(Diagnostic::id).contains("Analyzer.ResultsMissing", "Analyzer.ResultsExtraSection", "Analyzer.StatisticsOff")
        .doesNotContain("Analyzer.QueryFailed");
    assertThat(a.diagnostics()).filteredOn(d -> d.id().equals("Analyzer.ResultsExtraSection")).singleElement()
        .satisfies(d -> assertThat(d.message()).isEqualTo("section `bogus` does not belong to the generated queries and was ignored"));
    // the deprecated string views are the messages of the errors and of the warnings, in order
    assertThat(a.problems()).isEqualTo(a.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::message).toList());
    assertThat(a.warnings()).containsExactly(a.diagnostics().stream().filter(d -> !d.isError()).map(Diagnostic::message).toArray(String[]::new));
    assertThat(a.toText()).contains("- section `bogus` does not belong to the generated queries and was ignored\n");
  }

  @Test
  void aFailedQueryInTheResultsFileAndAProfileThatCannotBeMeasured() throws Exception {
    // psql's NUL-separated form: a section without a header row is a query the client could not run
    Path results = Files.writeString(out.resolve("results.txt"), String.join("\0", "ddbm_marker", "DDBM_BEGIN table_analysis", "ERROR:  permission denied",
        "ddbm_marker", "DDBM_END table_analysis", "ddbm_marker", "DDBM_BEGIN profile_tables", "x", "ddbm_marker", "DDBM_END profile_tables", ""));
    var r = SourceDbAnalyzer.run(AnalyzerRequest.builder("postgresql", out).identifier("shop").mode("self_service").resultFile(results).build());
    assertThat(r.unwrap().diagnostics()).extracting(Diagnostic::id, Diagnostic::kind).contains(
        org.assertj.core.groups.Tuple.tuple("Analyzer.QueryFailed", Diagnostic.Kind.INPUT),
        org.assertj.core.groups.Tuple.tuple("Analyzer.ProfileFailed", Diagnostic.Kind.INPUT));
    assertThat(r.unwrap().diagnostics()).filteredOn(d -> d.id().equals("Analyzer.QueryFailed")).singleElement()
        .satisfies(d -> assertThat(d.message()).isEqualTo("query `table_analysis` failed: the query printed no result in the client: ERROR:  permission denied"));
  }
}
