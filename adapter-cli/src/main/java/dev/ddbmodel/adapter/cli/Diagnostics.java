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
   * Reports the diagnostics of a command that could not produce its result and returns the exit
   * code: as JSON on stdout with {@code --format json} (the result document), else as text on
   * stderr.
   */
  static int fail(picocli.CommandLine.Model.CommandSpec spec, List<Diagnostic> diagnostics, boolean json) {
    PrintWriter w = json ? spec.commandLine().getOut() : spec.commandLine().getErr();
    Style style = new Style(spec.commandLine().getColorScheme().ansi());
    if (json) {
      print(w, diagnostics, true, style);
    } else {
      String who = spec.qualifiedName(" ") + ": ";
      for (Diagnostic d : diagnostics) {
        w.println(d.isError() ? style.bad(who + d.format()) : style.warn(who + d.format()));
      }
    }
    w.flush();
    return exitCode(diagnostics);
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
    return errors.stream().anyMatch(d -> d.kind() == Diagnostic.Kind.USAGE) ? ExitCodes.USAGE : ExitCodes.INVALID;
  }
}
