package dev.ddbmodel.analyzer.internal.workload;

import dev.ddbmodel.analyzer.AnalyzerRequest;
import dev.ddbmodel.analyzer.internal.dialect.Dialect;
import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.SourceLocation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The boundary check of every value that can reach generated SQL, a connection URL, a shell
 * command line shown to the user, or a message: each is refused here with a usage error (exit 2)
 * naming the parameter and the offending character, before anything is written or connected.
 * Values that pass are still escaped at each sink (literals, shell words, URL parts).
 */
public final class Inputs {
  private Inputs() {}

  /** Diagnostic id of every refused value. */
  public static final String ID = "Analyzer.InvalidValue";

  static final int MAX_DAYS = 3650;
  static final int MAX_ROWS = 100_000;
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9_.-]{0,252})|\\[[0-9A-Fa-f:.]{2,45}\\]|[0-9A-Fa-f:.]{2,45}");

  /** Every problem of a request's values, for dialect {@code d}; empty when all pass. */
  public static List<Diagnostic> check(Dialect d, AnalyzerRequest r) {
    List<Diagnostic> out = new ArrayList<>();
    r.sourceIdentifier().ifPresent(id -> identifier(d, "source_identifier", id).ifPresent(out::add));
    if (r.patternAnalysisDays() < 1 || r.patternAnalysisDays() > MAX_DAYS) {
      out.add(bad("pattern_analysis_days", "is " + r.patternAnalysisDays() + ", outside 1.." + MAX_DAYS, "pass a number of days between 1 and " + MAX_DAYS));
    }
    if (r.maxQueryResults() < 1 || r.maxQueryResults() > MAX_ROWS) {
      out.add(bad("max_query_results", "is " + r.maxQueryResults() + ", outside 1.." + MAX_ROWS, "pass a row limit between 1 and " + MAX_ROWS));
    }
    if (r.statementTimeoutSeconds() < 1 || r.statementTimeoutSeconds() > 3600) {
      out.add(bad("statement_timeout", "is " + r.statementTimeoutSeconds() + " s, outside 1..3600", "pass a timeout between 1 and 3600 seconds"));
    }
    r.hostname().ifPresent(h -> host("hostname", h).ifPresent(out::add));
    r.port().ifPresent(p -> {
      if (p < 1 || p > 65535) {
        out.add(bad("port", "is " + p + ", outside 1..65535", "pass the database's TCP port"));
      }
    });
    r.username().ifPresent(u -> text("username", u, 128).ifPresent(out::add));
    for (var e : List.of(
        java.util.Map.entry("aws_cluster_arn", r.awsClusterArn()), java.util.Map.entry("aws_secret_arn", r.awsSecretArn()),
        java.util.Map.entry("aws_region", r.awsRegion()))) {
      e.getValue().ifPresent(v -> text(e.getKey(), v, 2048).ifPresent(out::add));
    }
    return out;
  }

  /**
   * A database, schema or owner name for dialect {@code d}: no control, format or separator
   * characters, within the engine's length limit, and only characters the engine accepts in a
   * quoted identifier.
   */
  public static Optional<Diagnostic> identifier(Dialect d, String param, String v) {
    Optional<Diagnostic> t = text(param, v, Integer.MAX_VALUE);
    if (t.isPresent()) {
      return t;
    }
    Dialect.IdentifierRules rules = d.identifierRules();
    int length = rules.lengthInBytes() ? v.getBytes(StandardCharsets.UTF_8).length : v.codePointCount(0, v.length());
    if (length > rules.maxLength()) {
      return Optional.of(bad(param, "is " + length + (rules.lengthInBytes() ? " bytes" : " characters") + " long; " + d.name() + " names have at most "
          + rules.maxLength(), "pass the name exactly as the database knows it"));
    }
    if (!rules.supplementary() && v.codePoints().anyMatch(Character::isSupplementaryCodePoint)) {
      return Optional.of(bad(param, "contains a character outside the Basic Multilingual Plane, which " + d.name() + " does not accept in names",
          "pass the name exactly as the database knows it"));
    }
    for (char c : rules.forbidden().toCharArray()) {
      if (v.indexOf(c) >= 0) {
        return Optional.of(bad(param, "contains `" + c + "`, which " + d.name() + " does not accept in names", "pass the name exactly as the database knows it"));
      }
    }
    if (!rules.trailingSpace() && v.endsWith(" ")) {
      return Optional.of(bad(param, "ends with a space, which " + d.name() + " does not accept in names", "remove the trailing space"));
    }
    if (v.startsWith("-")) {
      return Optional.of(bad(param, "starts with `-`, which a database client would read as an option", "pass the name without the leading `-`"));
    }
    return Optional.empty();
  }

  /** A host name or IP address (no user info, path, port or spaces). */
  static Optional<Diagnostic> host(String param, String v) {
    Optional<Diagnostic> t = text(param, v, 255);
    if (t.isPresent()) {
      return t;
    }
    if (!HOST.matcher(v).matches()) {
      return Optional.of(bad(param, "`" + v + "` is not a host name or IP address", "pass only the host, e.g. db.example.com or 10.0.0.5 (the port goes in `port`)"));
    }
    return Optional.empty();
  }

  /** Any text value: not empty, bounded, no control, format or line/paragraph separator characters. */
  static Optional<Diagnostic> text(String param, String v, int max) {
    if (v.isEmpty()) {
      return Optional.of(bad(param, "is empty", "pass a value"));
    }
    int i = 0;
    while (i < v.length()) {
      int cp = v.codePointAt(i);
      if (forbiddenChar(cp)) {
        return Optional.of(bad(param, "contains the control character " + codePoint(cp) + " at position " + (v.codePointCount(0, i) + 1),
            "pass the value without control, invisible formatting or line-break characters"));
      }
      i += Character.charCount(cp);
    }
    if (v.codePointCount(0, v.length()) > max) {
      return Optional.of(bad(param, "is longer than " + max + " characters", "pass a shorter value"));
    }
    return Optional.empty();
  }

  /** Control, format (zero-width, bidi overrides), line/paragraph separators, lone surrogates, noncharacters. */
  static boolean forbiddenChar(int cp) {
    int type = Character.getType(cp);
    return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
        || type == Character.SURROGATE || type == Character.PRIVATE_USE;
  }

  static String codePoint(int cp) {
    return String.format(Locale.ROOT, "U+%04X", cp);
  }

  /** A value as it may be shown in a message: control and invisible characters as {@code U+XXXX}, at most 80 characters. */
  public static String shown(String v) {
    if (v == null) {
      return "null";
    }
    StringBuilder sb = new StringBuilder();
    v.codePoints().limit(80).forEach(cp -> {
      if (forbiddenChar(cp)) {
        sb.append('<').append(codePoint(cp)).append('>');
      } else {
        sb.appendCodePoint(cp);
      }
    });
    return v.codePointCount(0, v.length()) > 80 ? sb + "…" : sb.toString();
  }

  private static Diagnostic bad(String param, String problem, String hint) {
    return Diagnostic.usage(ID, "`" + param + "` " + problem, SourceLocation.NONE, hint);
  }

  /** A word for a POSIX shell: unchanged when it is plain, otherwise single-quoted. */
  public static String shellWord(String v) {
    if (!v.isEmpty() && v.matches("[A-Za-z0-9_./:=@%+,-]+") && !v.startsWith("-")) {
      return v;
    }
    return "'" + v.replace("'", "'\\''") + "'";
  }
}
