package dev.ddbmodel.analyzer.internal.workload;

import dev.ddbmodel.analyzer.ResultTable;
import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Whether the query statistics can be trusted, from the {@code statistics_status} section: off,
 * full (entries evicted), reset recently, blind to server-side prepared statements; and the window
 * the rates are computed over. Each finding is a warning in manifest.md and in the tool result.
 */
public final class StatisticsCheck {
  private StatisticsCheck() {}

  /** Less statistics than this make rates unreliable. */
  static final long SHORT_WINDOW_SECONDS = 86_400;

  /** The warnings ({@code Analyzer.Statistics*}, {@code Analyzer.PreparedStatements}, {@code Analyzer.LeftOut}) and the window. */
  public record Findings(List<Diagnostic> warnings, String window) {
    public Findings {
      warnings = List.copyOf(warnings);
    }
  }

  private static Diagnostic warning(String id, String message) {
    return Diagnostic.warning(id, message, SourceLocation.NONE, "");
  }

  public static Findings of(String dialect, List<ResultTable> tables, Map<String, Integer> leftOut) {
    List<Diagnostic> w = new ArrayList<>();
    Optional<ResultTable> status = tables.stream().filter(t -> t.name().equals("statistics_status")).findFirst();
    Optional<ResultTable> patterns = tables.stream().filter(t -> t.name().equals("query_pattern_analysis")).findFirst();
    String window = "unknown";
    if (status.isEmpty() || status.get().failed() || status.get().rows().isEmpty()) {
      String why = status.map(ResultTable::error).filter(e -> !e.isEmpty()).orElse("no statistics status");
      w.add(warning("Analyzer.StatisticsOff", "statistics off or unreadable: " + why + (dialect.equals("postgresql")
          ? " (install pg_stat_statements: shared_preload_libraries and CREATE EXTENSION)"
          : " (turn performance_schema on; MariaDB has it off by default)") + "; no query patterns or rates can be reported"));
      return new Findings(w, window);
    }
    ResultTable s = status.get();
    List<String> row = s.rows().get(0);
    if ("0".equals(cell(s, row, "enabled"))) {
      w.add(warning("Analyzer.StatisticsOff", "statistics off: performance_schema is OFF on this server (MariaDB's default); query patterns are empty. Start the server with"
          + " performance_schema=ON and let the application run before analysing"));
    }
    long entries = num(cell(s, row, "all_entries"));
    long max = num(cell(s, row, "max_entries"));
    long evicted = num(cell(s, row, "evicted"));
    if (evicted > 0 || (max > 0 && entries >= max)) {
      w.add(warning("Analyzer.StatisticsFull", "statistics full: " + entries + " of " + (max > 0 ? max : "?") + " entries used" + (evicted > 0 ? ", " + evicted + " statements lost or evicted" : "")
          + "; rare patterns may be missing and counts may be low (raise " + (dialect.equals("postgresql") ? "pg_stat_statements.max" : "performance_schema_digests_size")
          + ")"));
    }
    long seconds = num(cell(s, row, "window_seconds"));
    String since = cell(s, row, "since");
    if (seconds >= 0) {
      window = (since == null ? "" : "since " + since + " UTC, ") + seconds + " s (" + String.format(Locale.ROOT, "%.1f", seconds / 86400.0) + " days)"
          + (dialect.equals("postgresql") ? ": pg_stat_statements_info.stats_reset to now; rate = calls / window"
              : ": each digest's first_seen to now; rate = calls / that digest's window");
      if (seconds < SHORT_WINDOW_SECONDS) {
        w.add(warning("Analyzer.StatisticsWindow", "statistics reset recently: only " + seconds + " s of statistics; rates from a short window may not represent a normal day"));
      }
    } else if (!"0".equals(cell(s, row, "enabled"))) {
      w.add(warning("Analyzer.StatisticsWindow", "statistics window unknown (no reset time or first-seen time): rates cannot be computed"));
    }
    long prepared = num(cell(s, row, "prepared_statements"));
    if (prepared > 0) {
      long executions = num(cell(s, row, "prepared_executions"));
      w.add(warning("Analyzer.PreparedStatements", "the digest table does not record server-side prepared statements: " + prepared + " prepared statements are open"
          + (executions > 0 ? " with " + executions + " executions" : " (this server does not count their executions)")
          + "; they are listed in prepared_statement_analysis.md, and their traffic is missing from the query patterns' rates"));
    } else if (dialect.equals("mysql") && patterns.isPresent() && !patterns.get().failed() && patterns.get().rows().isEmpty()
        && !"0".equals(cell(s, row, "enabled"))) {
      w.add(warning("Analyzer.PreparedStatements", "no statements recorded for this database: the application may use server-side prepared statements, which MariaDB does not record in"
          + " the digest table, or has not run since the statistics were reset"));
    }
    if (!leftOut.isEmpty()) {
      w.add(warning("Analyzer.LeftOut", "left out of the query patterns (not application reads or writes): " + String.join(", ",
          leftOut.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).toList())));
    }
    return new Findings(w, window);
  }

  private static String cell(ResultTable t, List<String> row, String col) {
    int i = t.column(col);
    return i < 0 || i >= row.size() ? null : row.get(i);
  }

  private static long num(String v) {
    try {
      return v == null ? -1 : (long) Double.parseDouble(v.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
