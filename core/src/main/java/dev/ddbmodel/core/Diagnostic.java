package dev.ddbmodel.core;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One finding about user input: a stable id ({@code Rule.Detail}), a severity, a one-sentence
 * message, where it is and how to fix it.
 *
 * <p>Ids are API: tools filter on them by prefix, so they are never reused or renamed.
 */
public record Diagnostic(
    String id, Severity severity, String message, SourceLocation location, String hint)
    implements Comparable<Diagnostic> {

  private static final Comparator<Diagnostic> ORDER =
      Comparator.comparing((Diagnostic d) -> d.location().file())
          .thenComparingInt(d -> d.location().line() == 0 ? Integer.MAX_VALUE : d.location().line())
          .thenComparingInt(d -> d.location().column())
          .thenComparing(d -> d.location().pointer())
          .thenComparing(Diagnostic::id)
          .thenComparing(Diagnostic::message);

  public Diagnostic {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    location = Objects.requireNonNullElse(location, SourceLocation.NONE);
    hint = Objects.requireNonNullElse(hint, "");
  }

  public static Diagnostic error(String id, String message, SourceLocation location, String hint) {
    return new Diagnostic(id, Severity.ERROR, message, location, hint);
  }

  public static Diagnostic warning(
      String id, String message, SourceLocation location, String hint) {
    return new Diagnostic(id, Severity.WARNING, message, location, hint);
  }

  public static Diagnostic note(String id, String message, SourceLocation location, String hint) {
    return new Diagnostic(id, Severity.NOTE, message, location, hint);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** The same diagnostic at another location (used to attach line/column after the fact). */
  public Diagnostic withLocation(SourceLocation newLocation) {
    return new Diagnostic(id, severity, message, newLocation, hint);
  }

  @Override
  public int compareTo(Diagnostic o) {
    return ORDER.compare(this, o);
  }

  /**
   * Stable-ordered map for JSON output: id, severity, message, file, pointer, line, column, hint.
   */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("severity", severity.label());
    m.put("message", message);
    m.put("file", location.file());
    m.put("pointer", location.pointer());
    m.put("line", location.line());
    m.put("column", location.column());
    m.put("hint", hint);
    return m;
  }

  /**
   * Single-line form: {@code [ERROR] /tables/0: message [hint] | Id file:line:col}.
   */
  public String format() {
    StringBuilder sb = new StringBuilder();
    sb.append('[').append(severity.name()).append("] ");
    if (!location.pointer().isEmpty()) {
      sb.append(location.pointer()).append(": ");
    }
    sb.append(message);
    if (!hint.isEmpty()) {
      sb.append(" [").append(hint).append(']');
    }
    sb.append(" | ").append(id);
    String pos = location.fileAndPosition();
    if (!pos.isEmpty()) {
      sb.append(' ').append(pos);
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return format();
  }
}
