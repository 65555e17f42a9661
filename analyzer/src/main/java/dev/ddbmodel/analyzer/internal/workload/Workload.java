package dev.ddbmodel.analyzer.internal.workload;

import dev.ddbmodel.analyzer.ResultTable;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddbmodel.core.json.Json;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The workload seen in the query statistics, per table and per group of tables: for every table
 * the reads and writes per second of the kept patterns that name it and its busiest patterns; for
 * every set of two or more tables one statement names together (a join, a subquery, an
 * INSERT ... SELECT) how often they are read or written together. The tables of a statement come
 * from {@link Statements#tables}; rates are calls over each pattern's statistics window.
 *
 * <p>One model, rendered into {@code analysis.json} ({@link #json()}) and into the markdown of the
 * analysis ({@link #markdown()}).
 */
public record Workload(List<TableLoad> tables, List<Together> together) {
  /** How many patterns are listed per table. */
  static final int TOP_PER_TABLE = 5;
  /** How many patterns' text a markdown cell shows at most. */
  static final int TEXT = 120;

  /** One pattern in a table's top list: its index in {@code statistics.query_patterns}. */
  record Top(int pattern, String kind, String text, Long calls, Double rate) {}

  record TableLoad(String table, int patterns, double readsPerSecond, double writesPerSecond, long readCalls, long writeCalls, List<Top> top) {}

  /** Tables named by the same statements. */
  record Together(List<String> tables, int patterns, long calls, double readsPerSecond, double writesPerSecond, int busiest) {}

  public static Workload of(List<ResultTable> sections, String dialect) {
    List<AnalysisJson.Pattern> patterns = AnalysisJson.Pattern.all(sections, dialect);
    Map<String, List<Integer>> byTable = new TreeMap<>();
    Map<List<String>, List<Integer>> byGroup = new TreeMap<>(Workload::compareLists);
    for (int i = 0; i < patterns.size(); i++) {
      AnalysisJson.Pattern p = patterns.get(i);
      for (String t : p.tables()) {
        byTable.computeIfAbsent(t, k -> new ArrayList<>()).add(i);
      }
      List<String> group = p.tables().stream().distinct().sorted().toList();
      if (group.size() > 1) {
        byGroup.computeIfAbsent(group, k -> new ArrayList<>()).add(i);
      }
    }
    Comparator<Integer> busiest = Comparator.<Integer>comparingDouble(i -> -rate(patterns.get(i))).thenComparing(i -> -calls(patterns.get(i)))
        .thenComparing(i -> i);
    List<TableLoad> tables = new ArrayList<>();
    byTable.forEach((t, idx) -> {
      double r = 0;
      double w = 0;
      long rc = 0;
      long wc = 0;
      for (int i : idx) {
        AnalysisJson.Pattern p = patterns.get(i);
        if ("write".equals(p.kind())) {
          w += rate(p);
          wc += calls(p);
        } else {
          r += rate(p);
          rc += calls(p);
        }
      }
      List<Top> top = idx.stream().sorted(busiest).limit(TOP_PER_TABLE)
          .map(i -> new Top(i, patterns.get(i).kind(), patterns.get(i).text(), patterns.get(i).calls(), patterns.get(i).rate())).toList();
      tables.add(new TableLoad(t, idx.size(), r, w, rc, wc, top));
    });
    List<Together> together = new ArrayList<>();
    byGroup.forEach((g, idx) -> {
      double r = 0;
      double w = 0;
      long c = 0;
      for (int i : idx) {
        AnalysisJson.Pattern p = patterns.get(i);
        if ("write".equals(p.kind())) {
          w += rate(p);
        } else {
          r += rate(p);
        }
        c += calls(p);
      }
      together.add(new Together(g, idx.size(), c, r, w, idx.stream().sorted(busiest).findFirst().orElseThrow()));
    });
    together.sort(Comparator.<Together>comparingDouble(t -> -(t.readsPerSecond() + t.writesPerSecond())).thenComparing(t -> -t.calls())
        .thenComparing(Together::tables, Workload::compareLists));
    return new Workload(tables, together);
  }

  private static int compareLists(List<String> a, List<String> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  private static double rate(AnalysisJson.Pattern p) {
    return p.rate() == null ? 0 : p.rate();
  }

  private static long calls(AnalysisJson.Pattern p) {
    return p.calls() == null ? 0 : p.calls();
  }

  ObjectNode json() {
    ObjectNode out = Json.object();
    ArrayNode ts = out.putArray("tables");
    for (TableLoad t : tables) {
      ObjectNode o = ts.addObject();
      o.put("table", t.table());
      o.put("patterns", t.patterns());
      o.put("read_calls", t.readCalls());
      o.put("write_calls", t.writeCalls());
      o.put("reads_per_second", t.readsPerSecond());
      o.put("writes_per_second", t.writesPerSecond());
      o.put("reads_per_write", t.writesPerSecond() > 0 ? t.readsPerSecond() / t.writesPerSecond() : null);
      ArrayNode top = o.putArray("top_patterns");
      for (Top p : t.top()) {
        top.addObject().put("pattern", p.pattern()).put("kind", p.kind()).put("text", p.text()).put("calls", p.calls()).put("rate_per_second", p.rate());
      }
    }
    ArrayNode tg = out.putArray("tables_together");
    for (Together t : together) {
      ObjectNode o = tg.addObject();
      ArrayNode names = o.putArray("tables");
      t.tables().forEach(names::add);
      o.put("patterns", t.patterns());
      o.put("calls", t.calls());
      o.put("reads_per_second", t.readsPerSecond());
      o.put("writes_per_second", t.writesPerSecond());
      o.put("busiest_pattern", t.busiest());
    }
    return out;
  }

  /** The markdown section: tables queried together, then the busiest patterns per table. */
  public String markdown(List<AnalysisJson.Pattern> patterns) {
    StringBuilder b = new StringBuilder("## Tables queried together\n\n");
    if (together.isEmpty()) {
      b.append("No recorded statement names two or more tables.\n\n");
    } else {
      b.append("Sets of tables one statement names together (joins, subqueries, INSERT … SELECT), busiest first.\n\n"
          + "| tables | patterns | calls | reads/s | writes/s | busiest pattern |\n|---|---|---|---|---|---|\n");
      for (Together t : together) {
        b.append("| ").append(AnalysisWriter.cell(String.join(" + ", t.tables()))).append(" | ").append(t.patterns()).append(" | ").append(t.calls())
            .append(" | ").append(f(t.readsPerSecond())).append(" | ").append(f(t.writesPerSecond())).append(" | ")
            .append(code(patterns.get(t.busiest()).text())).append(" |\n");
      }
      b.append('\n');
    }
    b.append("## Top patterns per table\n\n");
    if (tables.isEmpty()) {
      b.append("No recorded read or write names a table.\n\n");
      return b.toString();
    }
    b.append("Up to ").append(TOP_PER_TABLE).append(" patterns per table, by rate.\n\n| table | reads/s | writes/s | kind | rate/s | calls | pattern |\n|---|---|---|---|---|---|---|\n");
    for (TableLoad t : tables) {
      boolean first = true;
      for (Top p : t.top()) {
        b.append("| ").append(first ? AnalysisWriter.cell(t.table()) : "").append(" | ").append(first ? f(t.readsPerSecond()) : "").append(" | ")
            .append(first ? f(t.writesPerSecond()) : "").append(" | ").append(p.kind()).append(" | ").append(p.rate() == null ? "unknown" : f(p.rate()))
            .append(" | ").append(p.calls() == null ? "unknown" : p.calls()).append(" | ").append(code(p.text())).append(" |\n");
        first = false;
      }
    }
    return b.append('\n').toString();
  }

  private static String code(String text) {
    String t = AnalysisWriter.cell(text);
    if (t.codePointCount(0, t.length()) > TEXT) {
      t = t.substring(0, t.offsetByCodePoints(0, TEXT)) + "…";
    }
    return "`" + t.replace("`", "'") + "`";
  }

  private static String f(double d) {
    return String.format(Locale.ROOT, "%.4f", d);
  }
}
