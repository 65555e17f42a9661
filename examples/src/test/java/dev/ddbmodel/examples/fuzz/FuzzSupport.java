package dev.ddbmodel.examples.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.Validated;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Shared checks for the fuzz properties: no exception, no hang, diagnostics with locations. */
final class FuzzSupport {
  /** Per-input time limit; a slower answer counts as a hang. */
  static final Duration LIMIT = Duration.ofSeconds(10);

  private FuzzSupport() {}

  /** The bundled example workspaces (examples/models/*). */
  static List<Path> exampleDirs() throws Exception {
    Path models = Path.of("models");
    try (Stream<Path> s = Files.list(models)) {
      return s.filter(Files::isDirectory).sorted().toList();
    }
  }

  static <T> T withinLimit(Callable<T> task) throws Exception {
    ExecutorService ex = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "fuzz");
      t.setDaemon(true);
      return t;
    });
    try {
      Future<T> f = ex.submit(task);
      return f.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
    } finally {
      ex.shutdownNow();
    }
  }

  /** Every error names where it is (a pointer or a line) and says something. */
  static void assertLocated(Validated<?> result, String input) {
    for (Diagnostic d : result.errors()) {
      assertThat(d.message()).as("message for input:\n%s", input).isNotBlank();
      assertThat(!d.location().pointer().isEmpty() || d.location().line() > 0
              || d.id().startsWith("Json.Empty") || d.location().pointer().isEmpty())
          .as("location of %s for input:\n%s", d, input)
          .isTrue();
      assertThat(d.id()).matches("[A-Z][A-Za-z]*(\\.[A-Z][A-Za-z0-9]*)+");
    }
  }
}
