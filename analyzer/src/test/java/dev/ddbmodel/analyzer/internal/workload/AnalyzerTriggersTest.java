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
}
