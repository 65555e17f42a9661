package dev.ddbmodel.analyzer.internal.workload;

import dev.ddbmodel.analyzer.AnalyzerRequest;
import dev.ddbmodel.analyzer.SourceDbAnalyzer;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Managed mode has a JDBC driver for every database: against a closed loopback port the failure is
 * the driver's connection error, reported as a diagnostic, not "no suitable driver".
 */
class DriversTest {
  @TempDir Path out;

  @ParameterizedTest
  @ValueSource(strings = {"mysql", "postgresql", "sqlserver", "oracle"})
  void closedPortIsAConnectionDiagnostic(String db) throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    var r = SourceDbAnalyzer.run(AnalyzerRequest.builder(db, out).identifier("shop").mode("managed").host("127.0.0.1").port(port)
        .credentials("reader", "secret-pw").statementTimeoutSeconds(2).build());
    assertThat(r.isValid()).isFalse();
    assertThat(r.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.id()).isEqualTo("Analyzer.Connection");
      assertThat(d.message()).startsWith("cannot connect to " + db + " at 127.0.0.1").doesNotContainIgnoringCase("suitable driver").doesNotContainIgnoringCase("driver instance")
          .doesNotContain("secret-pw");
    });
    try (var files = java.nio.file.Files.list(out)) {
      assertThat(files).isEmpty();
    }
  }
}
