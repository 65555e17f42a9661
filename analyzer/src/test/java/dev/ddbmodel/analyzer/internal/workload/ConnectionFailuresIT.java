package dev.ddbmodel.analyzer.internal.workload;

import dev.ddbmodel.analyzer.AnalyzerRequest;
import dev.ddbmodel.analyzer.SourceDbAnalyzer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbmodel.core.Diagnostic;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Managed connections fail fast with their root cause in one line, as environment problems (exit 3). */
class ConnectionFailuresIT {
  @TempDir Path out;

  Diagnostic fails(String db, String database, int port, String user, String password, String expected) {
    long t0 = System.nanoTime();
    var r = SourceDbAnalyzer.run(AnalyzerRequest.builder(db, out).identifier(database).mode("managed").host("127.0.0.1").port(port)
        .credentials(user, password).build());
    double seconds = (System.nanoTime() - t0) / 1e9;
    assertThat(r.errors()).as(db + " " + expected).singleElement().satisfies(d -> {
      assertThat(d.id()).isEqualTo("Analyzer.Connection");
      assertThat(d.kind()).isEqualTo(Diagnostic.Kind.ENVIRONMENT);
      assertThat(d.message()).contains(expected).doesNotContain("\n");
      if (!password.isEmpty()) {
        assertThat(d.message()).doesNotContain(password);
      }
    });
    assertThat(seconds).as(db + " " + expected + " took " + seconds + " s").isLessThan(15.0);
    return r.errors().get(0);
  }

  @Test
  void authenticationFailed() {
    fails("mysql", "mysql", 3306, "root", "wrong-password-4711", "authentication failed for user `root`");
  }

  @Test
  void unknownDatabase() {
    fails("postgresql", "ddbm_no_such_database", 5432, "postgres", "", "unknown database `ddbm_no_such_database`");
    fails("mysql", "ddbm_no_such_database", 3306, "root", "", "unknown database `ddbm_no_such_database`");
  }

  @Test
  void connectionRefused() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    fails("postgresql", "shop", port, "postgres", "", "at 127.0.0.1:" + port + ": connection refused");
    fails("mysql", "shop", port, "root", "", "at 127.0.0.1:" + port + ": connection refused");
  }

  @Test
  void aServerThatNeverAnswersTimesOut() throws Exception {
    List<Socket> accepted = new ArrayList<>();
    try (ServerSocket s = new ServerSocket(0)) {
      Thread t = new Thread(() -> {
        try {
          while (true) {
            accepted.add(s.accept());
          }
        } catch (Exception e) {
          // closed
        }
      });
      t.setDaemon(true);
      t.start();
      fails("postgresql", "shop", s.getLocalPort(), "postgres", "", "timeout");
      fails("mysql", "shop", s.getLocalPort(), "root", "", "timeout");
    } finally {
      for (Socket a : accepted) {
        a.close();
      }
    }
  }
}
