package dev.ddbmodel.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Each documented exit code (every constant of {@link ExitCodes}) is produced by a real command
 * line; a new code without a scenario here fails {@link #everyExitCodeHasAScenario}.
 */
class ExitCodesTest {
  static final Path EXAMPLE = Path.of("../examples/models/ecommerce").toAbsolutePath().normalize();
  @TempDir static Path tmp;

  /** Exit code -> a command line that must end with it. */
  static Map<Integer, Supplier<CliTestSupport.Run>> scenarios() {
    Map<Integer, Supplier<CliTestSupport.Run>> m = new TreeMap<>();
    m.put(ExitCodes.OK, () -> CliTestSupport.run("schema", "validate", EXAMPLE.resolve("schema.json").toString()));
    m.put(ExitCodes.INVALID, () -> {
      Path bad = write("bad.json", "{\"tables\": []}");
      return CliTestSupport.run("schema", "validate", bad.toString());
    });
    m.put(ExitCodes.USAGE, () -> CliTestSupport.run("schema", "validate", "--no-such-option"));
    m.put(ExitCodes.ENVIRONMENT, () -> CliTestSupport.run("analyze", "connect", "--db", "postgresql", "--database", "shop",
        "--host", "127.0.0.1", "--port", String.valueOf(closedPort()), "--user", "nobody", "--output-dir", tmp.toString()));
    m.put(ExitCodes.INTERNAL, ExitCodesTest::internalError);
    return m;
  }

  static Stream<Integer> codes() {
    return scenarios().keySet().stream();
  }

  @ParameterizedTest(name = "exit {0}")
  @MethodSource("codes")
  void commandEndsWithItsExitCode(int code) {
    CliTestSupport.Run r = scenarios().get(code).get();
    assertThat(r.exit()).as("stdout:\n%s\nstderr:\n%s", r.out(), r.err()).isEqualTo(code);
    if (code == ExitCodes.ENVIRONMENT) {
      assertThat(r.out() + r.err()).as("the cause is named").contains("Analyzer.Connection");
    }
  }

  @Test
  void everyExitCodeHasAScenario() throws Exception {
    int[] declared = Arrays.stream(ExitCodes.class.getDeclaredFields())
        .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == int.class)
        .mapToInt(ExitCodesTest::value).sorted().toArray();
    assertThat(declared).as("ExitCodes constants; add a scenario for a new one").containsExactly(0, 1, 2, 3, 4);
    assertThat(scenarios().keySet()).containsExactly(0, 1, 2, 3, 4);
  }

  /** A command that fails with a bug (an unexpected exception) goes through the real handler. */
  @CommandLine.Command(name = "boom")
  static final class Boom implements Callable<Integer> {
    @Override
    public Integer call() {
      throw new IllegalStateException("a bug");
    }
  }

  static CliTestSupport.Run internalError() {
    CommandLine cl = CliMain.commandLine();
    cl.addSubcommand(new Boom());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute("boom");
    assertThat(err.toString()).contains("internal error").contains("a bug");
    return new CliTestSupport.Run(code, out.toString(), err.toString());
  }

  static int value(Field f) {
    try {
      return f.getInt(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  static int closedPort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static Path write(String name, String text) {
    try {
      return Files.writeString(tmp.resolve(name), text);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
