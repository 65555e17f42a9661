package dev.ddbmodel.core.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Real programs (sh): both pipes filled at once, a limit that fires, a grandchild that lingers. */
@Timeout(60) // a regression shows as a failed test, not a hung build
class ExternalProcessTest {
  static ProcessBuilder sh(String script) {
    return new ProcessBuilder("sh", "-c", script);
  }

  @Test
  void drainsBothStreamsAtOnce() throws Exception {
    // 1 MB on stderr before anything on stdout: reading stdout to its end first would deadlock
    ProcessResult r = ExternalProcess.run(sh("head -c 1000000 /dev/zero | tr '\\0' e >&2; echo out"), Duration.ofSeconds(30));
    assertThat(r.succeeded()).as(r.command()).isTrue();
    assertThat(r.stdout()).isEqualTo("out\n");
    assertThat(r.stderr()).hasSize(1_000_000).matches("e+");
  }

  @Test
  void stopsAProgramAtItsLimitWithItsChildren() throws Exception {
    ProcessResult r = ExternalProcess.run(sh("echo started; sleep 300 & sleep 300"), Duration.ofMillis(500));
    assertThat(r.timedOut()).isTrue();
    assertThat(r.succeeded()).isFalse();
    assertThat(r.stdout()).isEqualTo("started\n");
    assertThat(r.describe()).contains("stopped after the time limit");
    assertThat(ProcessHandle.current().descendants().filter(h -> h.info().command().orElse("").endsWith("sleep"))).isEmpty();
  }

  @Test
  void feedsInputAndReportsTheExitCode() throws Exception {
    ProcessResult r = ExternalProcess.run(sh("tr a-z A-Z; exit 3"), "hello".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(30));
    assertThat(r.timedOut()).isFalse();
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.stdout()).isEqualTo("HELLO");
    assertThat(r.describe()).contains("exit 3").contains("HELLO");
  }

  @Test
  void mergedStreamsArriveOnStdout() throws Exception {
    ProcessResult r = ExternalProcess.run(sh("echo a; echo b >&2").redirectErrorStream(true), Duration.ofSeconds(30));
    assertThat(r.stdout()).contains("a\n").contains("b\n");
    assertThat(r.stderr()).isEmpty();
  }
}
