package dev.ddbmodel.core;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One finding: a stable id ({@code Rule.Detail}), a severity, a one-sentence message, where it is,
 * how to fix it, and what kind of problem it is.
 *
 * <p>Ids are API: tools filter on them by prefix, so they are never reused or renamed. The
 * {@link Kind} is decided where the problem is found, never recovered later from the id: adapters
 * map it to exit codes and error classes.
 */
public record Diagnostic(
    String id, Severity severity, String message, SourceLocation location, String hint, Kind kind)
    implements Comparable<Diagnostic> {

  /** What kind of problem a diagnostic reports; decided by the code that finds it. */
  public enum Kind {
    /** The content of an input is invalid, or a check the user asked for failed (CLI exit 1). */
    INPUT,
    /**
     * The request itself cannot be carried out as given: a bad argument, a path that is missing,
     * unreadable or refused, an output that would overwrite something the tool does not own (exit 2).
     */
    USAGE,
    /** The environment failed: a database, DynamoDB Local, the network, the disk (exit 3). */
    ENVIRONMENT;

    /** The lower-case name used in JSON output. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

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
    message = shortenEchoes(Objects.requireNonNull(message, "message"));
    location = Objects.requireNonNullElse(location, SourceLocation.NONE);
    hint = shortenEchoes(Objects.requireNonNullElse(hint, ""));
    kind = Objects.requireNonNullElse(kind, Kind.INPUT);
  }

  /** Longest user value echoed between backticks in a message or hint. */
  public static final int MAX_ECHO = 80;

  /** Longest message or hint. */
  public static final int MAX_TEXT = 2000;

  /**
   * Shortens what a message echoes back: each {@code `value`} longer than {@link #MAX_ECHO}
   * characters keeps its start and says how long it was, and the whole text stops at
   * {@link #MAX_TEXT} (a 100 KB value is not printed back to the user who sent it).
   */
  static String shortenEchoes(String text) {
    if (text.length() <= MAX_ECHO) {
      return text;
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      int open = text.indexOf('`', i);
      int close = open < 0 ? -1 : text.indexOf('`', open + 1);
      if (close < 0) {
        out.append(text, i, text.length());
        break;
      }
      out.append(text, i, open + 1);
      int len = close - open - 1;
      if (len > MAX_ECHO) {
        int keep = MAX_ECHO - 20;
        int end = Character.isHighSurrogate(text.charAt(open + keep)) ? open + keep : open + 1 + keep;
        out.append(text, open + 1, end).append("…` (").append(len).append(" characters)");
      } else {
        out.append(text, open + 1, close + 1);
      }
      i = close + 1;
    }
    return out.length() <= MAX_TEXT ? out.toString() : out.substring(0, MAX_TEXT - 1) + "…";
  }

  /** A diagnostic of kind {@link Kind#INPUT}. */
  public Diagnostic(String id, Severity severity, String message, SourceLocation location, String hint) {
    this(id, severity, message, location, hint, Kind.INPUT);
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

  /** An error of kind {@link Kind#USAGE}: a bad argument, a missing or refused path. */
  public static Diagnostic usage(String id, String message, SourceLocation location, String hint) {
    return new Diagnostic(id, Severity.ERROR, message, location, hint, Kind.USAGE);
  }

  /** An error of kind {@link Kind#ENVIRONMENT}: a database, the network, the disk failed. */
  public static Diagnostic environment(String id, String message, SourceLocation location, String hint) {
    return new Diagnostic(id, Severity.ERROR, message, location, hint, Kind.ENVIRONMENT);
  }

  /** The same diagnostic with another kind. */
  public Diagnostic withKind(Kind newKind) {
    return new Diagnostic(id, severity, message, location, hint, newKind);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** The same diagnostic at another location (used to attach line/column after the fact). */
  public Diagnostic withLocation(SourceLocation newLocation) {
    return new Diagnostic(id, severity, message, newLocation, hint, kind);
  }

  @Override
  public int compareTo(Diagnostic o) {
    return ORDER.compare(this, o);
  }

  /**
   * Stable-ordered map for JSON output: id, severity, message, file, pointer, line, column, hint,
   * kind.
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
    m.put("kind", kind.label());
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
