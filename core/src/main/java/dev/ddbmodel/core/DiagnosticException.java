package dev.ddbmodel.core;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Carries every diagnostic of an invalid result: thrown by {@link Validated#unwrap()}, and by
 * domain code that cannot return a result (a server start) so its problems keep their kind.
 */
public final class DiagnosticException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<Diagnostic> diagnostics;

  public DiagnosticException(List<Diagnostic> diagnostics) {
    super(
        diagnostics.stream().map(Diagnostic::format).collect(Collectors.joining("\n")));
    this.diagnostics = List.copyOf(diagnostics);
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}
