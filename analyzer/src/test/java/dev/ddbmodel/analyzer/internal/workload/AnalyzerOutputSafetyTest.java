package dev.ddbmodel.analyzer.internal.workload;

import dev.ddbmodel.analyzer.AnalyzerRequest;
import dev.ddbmodel.analyzer.SourceDbAnalyzer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbmodel.core.Diagnostic;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16: the analyzer never overwrites a user's file and two runs in one second both succeed. */
class AnalyzerOutputSafetyTest {
  @TempDir Path out;

  private AnalyzerRequest.Builder request() {
    return AnalyzerRequest.builder("mysql", out).identifier("shop").mode("self_service")
        .clock(Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC));
  }

  @Test
  void theQueryFileNeverReplacesAUserFileButReplacesItsOwnEarlierFile() throws Exception {
    byte[] mine = "SELECT my_precious_report FROM t;\n".getBytes(StandardCharsets.UTF_8);
    Path user = Files.write(out.resolve("queries.sql"), mine);
    var r = SourceDbAnalyzer.run(request().queriesFile(user).build());
    assertThat(r.errors()).extracting(Diagnostic::id).containsExactly("Output.Exists");
    assertThat(r.errors().get(0).kind()).isEqualTo(Diagnostic.Kind.USAGE);
    assertThat(r.errors().get(0).message()).contains(user.toRealPath().toString());
    assertThat(Files.readAllBytes(user)).isEqualTo(mine);

    Path ours = out.resolve("ddbm_queries.sql");
    assertThat(SourceDbAnalyzer.run(request().queriesFile(ours).build()).isValid()).isTrue();
    assertThat(SourceDbAnalyzer.run(request().queriesFile(ours).build()).isValid()).as("its own file is replaced").isTrue();
    assertThat(Files.readString(ours)).startsWith(SelfServiceSql.MARKER);
    // the user edits the generated file: it survives byte for byte, and the refusal says why
    Files.writeString(ours, Files.readString(ours) + "-- my extra query\nSELECT 1;\n");
    byte[] edited = Files.readAllBytes(ours);
    var again = SourceDbAnalyzer.run(request().queriesFile(ours).build());
    assertThat(again.errors()).extracting(Diagnostic::id).containsExactly("Output.Conflict");
    assertThat(Files.readAllBytes(ours)).isEqualTo(edited);
  }

  @Test
  void twoRunsInTheSameSecondBothWriteTheirFolder() throws Exception {
    Path results = Files.writeString(out.resolve("results.txt"), "DDBM_BEGIN table_analysis\ntable_name\nusers\nDDBM_END table_analysis\n");
    Files.writeString(out.resolve("mine.txt"), "keep");
    var first = SourceDbAnalyzer.run(request().resultFile(results).build());
    var second = SourceDbAnalyzer.run(request().resultFile(results).build());
    assertThat(first.isValid()).as(first.diagnostics().toString()).isTrue();
    assertThat(second.isValid()).as(second.diagnostics().toString()).isTrue();
    assertThat(first.unwrap().path().getFileName()).hasToString("database_analysis_20260102_030405");
    assertThat(second.unwrap().path().getFileName()).hasToString("database_analysis_20260102_030405_2");
    assertThat(second.unwrap().path().resolve("manifest.md")).exists();
    assertThat(Files.readString(out.resolve("mine.txt"))).isEqualTo("keep");
  }
}
