package dev.ddbmodel.adapter.cli;

import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.json.Json;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/** Prints diagnostics as text lines or as a JSON document. */
final class Diagnostics {
  private Diagnostics() {}

  static void print(PrintWriter out, List<Diagnostic> diagnostics, boolean json, Style style) {
    if (json) {
      out.print(Json.pretty(Map.of("status", diagnostics.stream().anyMatch(Diagnostic::isError) ? "invalid" : "valid",
          "diagnostics", diagnostics.stream().map(Diagnostic::toMap).toList())));
      return;
    }
    for (Diagnostic d : diagnostics) {
      String line = d.format();
      out.println(d.isError() ? style.bad(line) : style.warn(line));
    }
  }

  /**
   * Exit code for a result that carries only diagnostics, from the errors' {@link Diagnostic.Kind}:
   * an environment failure wins over a usage error, which wins over invalid input.
   */
  static int exitCode(List<Diagnostic> diagnostics) {
    List<Diagnostic> errors = diagnostics.stream().filter(Diagnostic::isError).toList();
    if (errors.stream().anyMatch(d -> d.kind() == Diagnostic.Kind.ENVIRONMENT)) {
      return ExitCodes.ENVIRONMENT;
    }
    // Legacy: ids matched until every site that finds a usage problem marks it USAGE (issue 22).
    boolean usage = errors.stream().anyMatch(d -> d.kind() == Diagnostic.Kind.USAGE
        || d.id().startsWith("Path.") || d.id().equals("Json.Io") || d.id().endsWith("Missing"));
    return usage ? ExitCodes.USAGE : ExitCodes.INVALID;
  }
}
