package dev.ddbmodel.analyzer.internal.workload;

import dev.ddbmodel.analyzer.ResultTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place sections are cut at {@code max_query_results}: a section about tables (columns,
 * indexes, foreign keys) keeps whole tables and names the ones it left out; a section without a
 * table column (query patterns) keeps its first rows.
 */
public final class Limits {
  private Limits() {}

  /** Rows fetched at most per query before the cut (the queries themselves stop after max + 1 tables). */
  public static final int FETCH_CAP = 1_000_000;

  public static ResultTable apply(ResultTable t, int max) {
    if (t.failed() || (t.rows().size() <= max && !t.truncated())) {
      return t;
    }
    int table = t.column("table_name") >= 0 ? t.column("table_name") : t.column("view_name");
    if (table < 0) {
      return new ResultTable(t.name(), t.columns(), t.rows().subList(0, Math.min(max, t.rows().size())), true, "", List.of());
    }
    int schema = t.column("schema_name");
    Map<String, List<List<String>>> groups = new LinkedHashMap<>();
    for (List<String> row : t.rows()) {
      String key = (schema >= 0 && row.get(schema) != null ? row.get(schema) + "." : "") + row.get(table);
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
    }
    List<List<String>> kept = new ArrayList<>();
    List<String> omitted = new ArrayList<>();
    for (var g : groups.entrySet()) {
      // the first table is kept whole even when it alone is longer than the limit
      if (omitted.isEmpty() && (kept.isEmpty() || kept.size() + g.getValue().size() <= max)) {
        kept.addAll(g.getValue());
      } else {
        omitted.add(g.getKey());
      }
    }
    return new ResultTable(t.name(), t.columns(), kept, !omitted.isEmpty() || t.truncated(), "", omitted);
  }
}
