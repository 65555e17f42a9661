package dev.ddbmodel.examples.fuzz;

import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.Validated;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The oracle shared by the fuzz targets and their seeded tests: every error says what and where. */
final class FuzzSupport {
  /** Findings about a whole file (it is empty, unreadable, too large, not UTF-8): no position inside. */
  static final Set<String> WHOLE_FILE = Set.of("Json.Empty", "Json.Io", "Json.TooLarge", "Json.Encoding");

  private static final Pattern ID = Pattern.compile("[A-Z][A-Za-z]*(\\.[A-Z][A-Za-z0-9]*)+");

  private FuzzSupport() {}

  /** The bundled example workspaces (examples/models/*). */
  static List<Path> exampleDirs() throws Exception {
    Path models = Path.of("models");
    try (Stream<Path> s = Files.list(models)) {
      return s.filter(Files::isDirectory).sorted().toList();
    }
  }

  /**
   * Every error has a well-formed id, a message, the file, and a position: a JSON Pointer or a
   * line (only the whole-file findings of {@link #WHOLE_FILE} may have neither).
   */
  static void assertLocated(Validated<?> result, String input) {
    for (Diagnostic d : result.errors()) {
      String problem = locationProblem(d);
      if (problem != null) {
        throw new AssertionError(problem + ": " + d.format() + "\nfor input:\n" + input);
      }
    }
  }

  /** Why {@code d} is not a located diagnostic, or null when it is. */
  static String locationProblem(Diagnostic d) {
    if (!ID.matcher(d.id()).matches()) {
      return "malformed id";
    }
    if (d.message().isBlank()) {
      return "blank message";
    }
    if (d.location().file().isEmpty()) {
      return "no file";
    }
    boolean positioned = !d.location().pointer().isEmpty() || d.location().line() > 0;
    if (!positioned && !WHOLE_FILE.contains(d.id())) {
      return "neither a JSON Pointer nor a line";
    }
    return null;
  }
}
