package dev.ddbmodel.analyzer.internal.workload;

import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.analyzer.AnalyzerRequest;
import dev.ddbmodel.analyzer.ResultTable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The markdown files of an analysis folder: one per query and manifest.md. */
public final class AnalysisWriter {
  private AnalysisWriter() {}

  public static final DateTimeFormatter FOLDER = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

  public static Map<String, String> files(AnalyzerRequest r, String identifier, List<AnalysisQuery> queries, List<ResultTable> tables,
      List<Diagnostic> problems, StatisticsCheck.Findings stats, Instant at, Map<String, String> cardinality) {
    Map<String, String> files = new TreeMap<>();
    StringBuilder m = new StringBuilder("# Database Analysis Manifest\n\n");
    m.append(summary(tables, stats, problems, cardinality));
    m.append("## Metadata\n\n");
    m.append("- Database type: ").append(r.sourceDbType()).append('\n');
    m.append("- Identifier: ").append(identifier).append('\n');
    m.append("- Mode: ").append(r.executionMode()).append('\n');
    m.append("- Generated at: ").append(at).append(" (UTC)\n");
    m.append("- Pattern analysis window: statements seen in the last ").append(r.patternAnalysisDays()).append(" days\n");
    m.append("- Statistics window (rates): ").append(stats.window()).append('\n');
    m.append("- Maximum rows per query: ").append(r.maxQueryResults()).append("\n\n## Query Results Files\n");
    for (AnalysisQuery.Category cat : AnalysisQuery.Category.values()) {
      m.append("\n### ").append(cat == AnalysisQuery.Category.SCHEMA ? "Schema Queries" : "Performance Queries").append("\n\n");
      for (AnalysisQuery q : queries) {
        if (q.category() != cat) {
          continue;
        }
        ResultTable t = tables.stream().filter(x -> x.name().equals(q.name())).findFirst().orElse(ResultTable.failed(q.name(), "no result in the input"));
        String file = q.name() + ".md";
        files.put(file, queryFile(q, t, r.maxQueryResults(), files));
        m.append("- [").append(q.title()).append("](").append(file).append(") — ")
            .append(t.failed() ? "failed: " + t.error() : t.rows().size() + " rows" + (t.truncated() ? ", truncated at " + r.maxQueryResults() + omitted(t) : ""))
            .append('\n');
      }
    }
    m.append("\n### Machine-readable\n\n- [analysis.json](").append(AnalysisJson.FILE).append(") — everything this analysis found (schema, statistics, workload, ")
        .append("data profile, warnings, problems) for scripts and assistants; JSON Schema: analysis.schema.json in the ddbmodel-analyzer jar\n");
    m.append("\n## Summary Statistics\n\n");
    m.append("- Tables: ").append(count(tables, "table_analysis")).append('\n');
    m.append("- Columns: ").append(count(tables, "column_analysis")).append('\n');
    m.append("- Indexes: ").append(count(tables, "index_analysis")).append('\n');
    m.append("- Foreign keys: ").append(count(tables, "foreign_key_analysis")).append('\n');
    m.append("- Query patterns: ").append(count(tables, "query_pattern_analysis")).append('\n');
    long failed = tables.stream().filter(ResultTable::failed).count();
    m.append("- Failed queries: ").append(failed).append('\n');
    if (!stats.warnings().isEmpty()) {
      m.append("\n## Warnings\n\n");
      stats.warnings().forEach(p -> m.append("- ").append(p.message()).append('\n'));
    }
    if (!problems.isEmpty()) {
      m.append("\n## Problems\n\n");
      problems.forEach(p -> m.append("- ").append(p.message()).append('\n'));
    }
    files.put("manifest.md", m.toString());
    return files;
  }

  /** How many entries of each list the one-screen summary shows; the section files hold all of them. */
  static final int SUMMARY_ENTITIES = 12;
  static final int SUMMARY_RELATIONSHIPS = 12;
  static final int SUMMARY_PATTERNS = 5;
  static final int SUMMARY_TEXT = 90;

  /**
   * The one-screen summary at the top of manifest.md: entities with their row counts,
   * relationships (with the measured cardinality when the data profile ran), the busiest access
   * patterns with their rates, and how many warnings and problems follow.
   */
  static String summary(List<ResultTable> tables, StatisticsCheck.Findings stats, List<Diagnostic> problems, Map<String, String> cardinality) {
    StringBuilder sb = new StringBuilder("## Summary\n\n");
    ResultTable entities = find(tables, "table_analysis");
    if (entities != null && !entities.failed() && entities.column("table_name") >= 0) {
      int rowsCol = -1;
      for (int i = 0; i < entities.columns().size() && rowsCol < 0; i++) {
        if (entities.columns().get(i).toLowerCase(Locale.ROOT).contains("row")) {
          rowsCol = i;
        }
      }
      List<String> shown = new ArrayList<>();
      for (List<String> row : entities.rows().subList(0, Math.min(SUMMARY_ENTITIES, entities.rows().size()))) {
        String rows = rowsCol < 0 ? null : row.get(rowsCol);
        shown.add("`" + shown(row.get(entities.column("table_name"))) + "`" + (rows == null ? "" : " (" + shown(rows) + " rows)"));
      }
      sb.append("- **Entities** (").append(entities.rows().size()).append(entities.truncated() ? "+" : "").append(" tables): ")
          .append(shown.isEmpty() ? "none" : String.join(", ", shown)).append(more(entities.rows().size(), shown.size())).append('\n');
    } else {
      sb.append("- **Entities**: unknown (the table query did not run)\n");
    }
    ResultTable fks = find(tables, "foreign_key_analysis");
    if (fks != null && !fks.failed() && fks.column("table_name") >= 0 && fks.column("referenced_table_name") >= 0) {
      sb.append("- **Relationships** (").append(fks.rows().size()).append(" foreign keys").append(cardinality.isEmpty() ? "" : "; cardinality measured by the data profile")
          .append(")").append(fks.rows().isEmpty() ? ": none" : ":").append('\n');
      int name = fks.column("constraint_name");
      int cols = fks.column("columns") >= 0 ? fks.column("columns") : fks.column("column_name");
      for (List<String> row : fks.rows().subList(0, Math.min(SUMMARY_RELATIONSHIPS, fks.rows().size()))) {
        String child = row.get(fks.column("table_name"));
        String c = name < 0 ? null : cardinality.get(dev.ddbmodel.analyzer.internal.profile.ManagedProfile.key(child, row.get(name)));
        sb.append("  - `").append(shown(child)).append(cols < 0 || row.get(cols) == null ? "" : "(" + shown(row.get(cols)) + ")").append("` → `")
            .append(shown(row.get(fks.column("referenced_table_name")))).append("`").append(c == null ? "" : ": " + c).append('\n');
      }
      if (fks.rows().size() > SUMMARY_RELATIONSHIPS) {
        sb.append("  - … and ").append(fks.rows().size() - SUMMARY_RELATIONSHIPS).append(" more in foreign_key_analysis.md\n");
      }
    }
    ResultTable patterns = find(tables, "query_pattern_analysis");
    if (patterns != null && !patterns.failed() && patterns.column("query_pattern") >= 0 && patterns.column("calls") >= 0 && patterns.column("window_seconds") >= 0) {
      sb.append("- **Top access patterns** (").append(patterns.rows().size()).append(" kept reads and writes, by calls):")
          .append(patterns.rows().isEmpty() ? " none recorded" : "").append('\n');
      int kind = patterns.column("statement_kind");
      for (List<String> row : patterns.rows().subList(0, Math.min(SUMMARY_PATTERNS, patterns.rows().size()))) {
        String text = row.get(patterns.column("query_pattern"));
        text = text == null ? "" : cell(text);
        if (text.codePointCount(0, text.length()) > SUMMARY_TEXT) {
          text = text.substring(0, text.offsetByCodePoints(0, SUMMARY_TEXT)) + "…";
        }
        sb.append("  - ").append(rps(row.get(patterns.column("calls")), row.get(patterns.column("window_seconds")))).append(" req/s")
            .append(kind < 0 || row.get(kind) == null ? "" : " " + row.get(kind)).append(": `").append(text.replace("`", "'")).append("`\n");
      }
    }
    sb.append("- **Warnings**: ").append(stats.warnings().size()).append(", **problems**: ").append(problems.size())
        .append(stats.warnings().isEmpty() && problems.isEmpty() ? "" : " (listed at the end of this file)").append("\n\n");
    return sb.toString();
  }

  /** A value of a result row as a markdown cell; a database NULL is shown as NULL. */
  private static String shown(String c) {
    return c == null ? "NULL" : cell(c);
  }

  private static ResultTable find(List<ResultTable> tables, String name) {
    return tables.stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
  }

  private static String more(int all, int shown) {
    return all > shown ? " and " + (all - shown) + " more" : "";
  }

  private static String count(List<ResultTable> tables, String name) {
    return tables.stream().filter(t -> t.name().equals(name)).findFirst()
        .map(t -> t.failed() ? "unknown (query failed)" : t.rows().size() + (t.truncated() ? "+ (truncated)" : "")).orElse("unknown");
  }

  /** Query texts longer than this are shortened in the tables; the full text goes to a side file. */
  static final int TEXT_CELL = 300;

  static final String FULL_TEXTS = "query_pattern_full_text.md";

  /** The whole tables a cut left out, named (at most 20, then a count). */
  static String omitted(ResultTable t) {
    if (t.omitted().isEmpty()) {
      return "";
    }
    List<String> shown = t.omitted().subList(0, Math.min(20, t.omitted().size()));
    return "; whole tables left out: " + String.join(", ", shown) + (t.omitted().size() > shown.size() ? " and " + (t.omitted().size() - shown.size()) + " more" : "")
        + " (and any after them)";
  }

  private static String queryFile(AnalysisQuery q, ResultTable t, int max, Map<String, String> files) {
    StringBuilder sb = new StringBuilder("# ").append(q.title()).append("\n\n");
    sb.append("- Query: `").append(q.name()).append("`\n");
    if (t.failed()) {
      sb.append("- Status: failed\n- Error: ").append(t.error().replace("\n", " ")).append('\n');
      return sb.toString();
    }
    sb.append("- Rows: ").append(t.rows().size()).append(t.truncated() ? " (truncated at " + max + omitted(t) + "; raise max_query_results to see more)" : "")
        .append("\n\n");
    StringBuilder full = new StringBuilder();
    int shortened = 0;
    List<String> cols = new ArrayList<>(t.columns());
    boolean patterns = (q.name().equals("query_pattern_analysis") || q.name().equals("prepared_statement_analysis")) && t.column("calls") >= 0
        && t.column("window_seconds") >= 0;
    if (patterns) {
      cols.add("rps");
    }
    sb.append("## Results\n\n");
    if (cols.isEmpty()) {
      return sb.append("No rows.\n").toString();
    }
    sb.append("| ").append(String.join(" | ", cols)).append(" |\n|").append(" --- |".repeat(cols.size())).append('\n');
    for (List<String> row : t.rows()) {
      List<String> cells = new ArrayList<>();
      for (String c : row) {
        if (c != null && c.codePointCount(0, c.length()) > TEXT_CELL) {
          int n = ++shortened;
          full.append("\n## ").append(q.name()).append(" #").append(n).append("\n\n```sql\n").append(c.replace("```", "` ` `")).append("\n```\n");
          c = c.substring(0, c.offsetByCodePoints(0, TEXT_CELL)) + "… (" + c.length() + " characters; full text: " + FULL_TEXTS + " #" + n + ")";
        }
        cells.add(c == null ? "NULL" : cell(c));
      }
      if (patterns) {
        cells.add(rps(row.get(t.column("calls")), row.get(t.column("window_seconds"))));
      }
      sb.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }
    if (patterns && t.column("tables") >= 0 && t.column("statement_kind") >= 0) {
      sb.append(byTable(t));
    }
    if (!full.isEmpty()) {
      files.merge(FULL_TEXTS, "# Full query texts\n", (x, y) -> x);
      files.put(FULL_TEXTS, files.get(FULL_TEXTS) + full);
    }
    return sb.toString();
  }

  /** The patterns grouped by the tables they name: reads and writes per second per table. */
  static String byTable(ResultTable t) {
    Map<String, double[]> by = new TreeMap<>();
    for (List<String> row : t.rows()) {
      String tables = row.get(t.column("tables"));
      String rate = rps(row.get(t.column("calls")), row.get(t.column("window_seconds")));
      double v = rate.equals("unknown") ? 0 : Double.parseDouble(rate);
      boolean write = "write".equals(row.get(t.column("statement_kind")));
      for (String name : tables == null || tables.isBlank() ? List.of("(no table)") : List.of(tables.split(", "))) {
        double[] acc = by.computeIfAbsent(name, k -> new double[3]);
        acc[write ? 1 : 0] += v;
        acc[2]++;
      }
    }
    if (by.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder("\n## By table\n\n| table | patterns | reads/s | writes/s |\n| --- | --- | --- | --- |\n");
    by.forEach((k, v) -> sb.append("| ").append(cell(k)).append(" | ").append((long) v[2]).append(" | ")
        .append(String.format(Locale.ROOT, "%.4f", v[0])).append(" | ").append(String.format(Locale.ROOT, "%.4f", v[1])).append(" |\n"));
    return sb.toString();
  }

  /** A markdown table cell: pipes escaped, line breaks and tabs as spaces. */
  static String cell(String c) {
    return c.replace("\\", "\\\\").replace("|", "\\|").replace("\r\n", " ").replace("\n", " ").replace("\r", " ").replace("\t", " ");
  }

  /** Calls per second over the observed window (at least one second). */
  static String rps(String calls, String window) {
    try {
      double c = Double.parseDouble(calls);
      double w = Math.max(1, Double.parseDouble(window));
      return String.format(Locale.ROOT, "%.4f", c / w);
    } catch (NumberFormatException | NullPointerException e) {
      return "unknown";
    }
  }
}
