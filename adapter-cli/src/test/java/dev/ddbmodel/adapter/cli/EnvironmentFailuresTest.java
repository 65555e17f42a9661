package dev.ddbmodel.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every ordinary environment failure (issue 22) ends with exit 3 and one line on stderr naming
 * the cause; no stack trace unless {@code --verbose}.
 */
class EnvironmentFailuresTest {
  static final Path EXAMPLE = Path.of("../examples/models/ecommerce").toAbsolutePath().normalize();
  @TempDir Path tmp;

  @Test
  void unreachableEndpoint() throws IOException {
    Path ws = copyExample();
    CliTestSupport.Run r = CliTestSupport.run("model", "validate", ws.toString(), "--endpoint", "http://127.0.0.1:" + closedPort());
    assertEnvironment(r, "cannot reach `http://127.0.0.1:", "connection refused", "Validation.EndpointUnreachable");
  }

  @Test
  void unreachableEndpointForExtract() {
    CliTestSupport.Run r = CliTestSupport.run("model", "extract", "--endpoint", "http://127.0.0.1:" + closedPort(), "--out", tmp.toString());
    assertEnvironment(r, "cannot reach DynamoDB", "Extract.Unreachable");
  }

  @Test
  void unwritableOut() {
    CliTestSupport.Run r = CliTestSupport.run("generate", "dal", EXAMPLE.resolve("schema.json").toString(), "--out", "/proc/ddbm-cannot-write-here");
    assertEnvironment(r, "/proc/ddbm-cannot-write-here");
  }

  @Test
  void portOutOfRange() {
    assertEnvironment(CliTestSupport.run("local", "--port", "99999"), "port 99999 is out of range", "Local.Port");
    assertEnvironment(CliTestSupport.run("local", "--port", "-1"), "port -1 is out of range");
  }

  @Test
  void portInUse() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CliTestSupport.Run r = CliTestSupport.run("local", "--port", String.valueOf(taken.getLocalPort()));
      assertEnvironment(r, "cannot listen on 127.0.0.1:" + taken.getLocalPort(), "in use", "Local.Port");
    }
  }

  @Test
  void unresolvableHost() {
    long t0 = System.nanoTime();
    CliTestSupport.Run r = CliTestSupport.run("analyze", "connect", "--db", "postgresql", "--database", "shop", "--host", "no-such-host.invalid",
        "--user", "nobody", "--output-dir", tmp.toString());
    assertEnvironment(r, "unknown host `no-such-host.invalid`", "Analyzer.Connection");
    assertThat((System.nanoTime() - t0) / 1_000_000_000L).as("fails at once, not after the pool's timeout").isLessThan(20);
  }

  @Test
  void costWorkspaceIsAFile() throws IOException {
    Path file = Files.writeString(tmp.resolve("not-a-folder"), "x");
    CliTestSupport.Run r = CliTestSupport.run("cost", EXAMPLE.resolve("cost_input.json").toString(), "--workspace", file.toString());
    assertEnvironment(r, "cannot write `", "not-a-folder` already exists as a file");
    assertThat(Files.readString(file)).as("the file is left alone").isEqualTo("x");
  }

  @Test
  void verbosePrintsTheStackTrace() {
    CliTestSupport.Run quiet = CliTestSupport.run("local", "--port", "99999");
    CliTestSupport.Run verbose = CliTestSupport.run("local", "--port", "99999", "--verbose");
    assertThat(quiet.err()).doesNotContain("\tat ");
    assertThat(verbose.exit()).isEqualTo(ExitCodes.ENVIRONMENT);
    assertThat(verbose.err()).contains("port 99999 is out of range").contains("\tat dev.ddbmodel.");
  }

  static void assertEnvironment(CliTestSupport.Run r, String... causes) {
    assertThat(r.exit()).as("exit code; stdout:\n%s\nstderr:\n%s", r.out(), r.err()).isEqualTo(ExitCodes.ENVIRONMENT);
    List<String> lines = r.err().lines().filter(l -> !l.isBlank()).toList();
    assertThat(lines).as("one line on stderr").hasSize(1);
    assertThat(lines.get(0)).startsWith("ddbm ").doesNotContain("Exception").contains(causes);
    assertThat(r.err()).as("no stack trace").doesNotContain("\tat ");
  }

  Path copyExample() throws IOException {
    Path ws = Files.createDirectories(tmp.resolve("ws"));
    Files.copy(EXAMPLE.resolve("dynamodb_data_model.json"), ws.resolve("dynamodb_data_model.json"));
    return ws;
  }

  static int closedPort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
