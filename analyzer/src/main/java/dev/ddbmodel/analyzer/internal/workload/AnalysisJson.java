package dev.ddbmodel.analyzer.internal.workload;

import dev.ddbmodel.analyzer.AnalyzerRequest;
import dev.ddbmodel.analyzer.ResultTable;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddbmodel.analyzer.internal.profile.ProfileJson;
import dev.ddbmodel.analyzer.internal.profile.ProfileResult;
import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code analysis.json}: everything one analysis found, for a script or an assistant — the schema
 * (tables, columns, keys, indexes, foreign keys with their rules, views), the query statistics
 * (patterns with counts, rates and classification, what was left out, the warnings), the workload
 * detail (reads and writes per table, the tables queried together), the data profile, and the
 * problems. Described by the JSON Schema {@value #SCHEMA_RESOURCE} (docs/analysis.md).
 *
 * <p>Built from the same section tables the markdown files are written from, for managed and
 * self-service runs alike. Deterministic: the same sections give the same bytes; the only time in
 * it is {@code generated_at}, from the request's clock. Values from the database are kept as data
 * (JSON strings); a figure that is unknown is {@code null}.
 */
public final class AnalysisJson {
  /** Classpath location of the JSON Schema. */
  public static final String SCHEMA_RESOURCE = "/dev/ddbmodel/analyzer/analysis.schema.json";
  /** The file next to manifest.md. */
  public static final String FILE = "analysis.json";
  /** The value of {@code format}, raised when the document changes incompatibly. */
  public static final String FORMAT = "ddbm-analysis/1";

  private AnalysisJson() {}

  /** What the profile step contributed: the result when it ran, else why not. */
  public record ProfilePart(String state, ProfileResult result, String reason) {
    /** The part for a profile step's state; {@code problems} say why a profile failed. */
    public static ProfilePart of(String state, ProfileResult result, List<String> problems) {
      String reason = switch (state) {
        case "measured" -> null;
        case "off" -> "switched off (--no-profile, or profile: false in MCP)";
        case "failed", "pending" -> String.join("; ", problems);
        default -> problems.isEmpty() ? "not measured in this mode or for this engine (managed mode over a direct connection and self-service for PostgreSQL or"
            + " MySQL/MariaDB measure the data)" : String.join("; ", problems);
      };
      return new ProfilePart(state, result, reason);
    }
  }

  public static String render(AnalyzerRequest r, String dialect, String identifier, List<AnalysisQuery> queries, List<ResultTable> tables, Map<String, Integer> leftOut,
      StatisticsCheck.Findings stats, List<Diagnostic> problems, Instant at, ProfilePart profile) {
    ObjectNode doc = Json.object();
    doc.put("format", FORMAT);
    doc.put("generated_at", at.toString());
    ObjectNode source = doc.putObject("source");
    source.put("database_type", r.sourceDbType());
    source.put("identifier", identifier);
    source.put("mode", r.executionMode());
    source.put("pattern_analysis_days", r.patternAnalysisDays());
    source.put("max_query_results", r.maxQueryResults());
    ArrayNode qs = doc.putArray("queries");
    for (AnalysisQuery q : queries) {
      ResultTable t = find(tables, q.name());
      ObjectNode o = qs.addObject();
      o.put("name", q.name());
      o.put("category", q.category().name().toLowerCase(Locale.ROOT));
      o.put("title", q.title());
      o.put("status", t == null || t.failed() ? "failed" : "ok");
      o.put("rows", t == null || t.failed() ? 0 : t.rows().size());
      o.put("truncated", t != null && t.truncated());
      ArrayNode om = o.putArray("omitted_tables");
      if (t != null) {
        t.omitted().forEach(om::add);
      }
      o.put("error", t == null ? "no result" : t.failed() ? t.error() : null);
    }
    doc.set("schema", schema(tables));
    doc.set("statistics", statistics(tables, dialect, leftOut, stats));
    doc.set("workload", Workload.of(tables, dialect).json());
    ObjectNode p = doc.putObject("profile");
    p.put("state", profile.state());
    p.put("reason", profile.reason());
    p.set("result", profile.result() == null ? null : ProfileJson.tree(profile.result()));
    ArrayNode w = doc.putArray("warnings");
    stats.warnings().forEach(d -> w.addObject().put("source", "statistics").put("id", d.id()).put("message", d.message()));
    if (profile.result() != null) {
      for (Diagnostic d : profile.result().diagnostics()) {
        w.addObject().put("source", "profile").put("id", d.id()).put("message", d.message());
      }
    }
    ArrayNode pr = doc.putArray("problems");
    problems.forEach(d -> pr.add(d.message()));
    return Json.pretty(doc);
  }

  // ---------------------------------------------------------------- schema

  /** One table's entry while the sections are read; found by schema and name, or by name when a section has no schema. */
  private static final class Entry {
    final String schema;
    final String name;
    final ObjectNode node = Json.object();
    final ArrayNode columns = Json.array();
    final ArrayNode indexes = Json.array();
    final Map<String, ObjectNode> fks = new LinkedHashMap<>();
    final List<String> pkFromColumns = new ArrayList<>();
    List<String> pkFromIndex;

    Entry(String schema, String name) {
      this.schema = schema;
      this.name = name;
      node.put("schema", schema);
      node.put("name", name);
      node.put("type", (String) null);
      node.putNull("row_estimate");
      node.putNull("data_bytes");
      node.putNull("index_bytes");
      node.put("comment", (String) null);
    }
  }

  private static final class Entries {
    final Map<String, Entry> byKey = new LinkedHashMap<>();

    Entry get(String schema, String name) {
      String key = (schema == null ? "\u0001" : schema) + "\u0000" + name;
      Entry e = byKey.get(key);
      if (e == null && schema == null) {
        e = byKey.values().stream().filter(x -> x.name.equals(name)).findFirst().orElse(null);
      }
      if (e == null) {
        e = new Entry(schema, name);
        byKey.put(key, e);
      }
      return e;
    }
  }

  private static ObjectNode schema(List<ResultTable> tables) {
    Entries entries = new Entries();
    ResultTable t = ok(tables, "table_analysis");
    if (t != null && t.column("table_name") >= 0) {
      for (List<String> row : t.rows()) {
        Entry e = entries.get(cellOf(t, row, "schema_name"), nn(cellOf(t, row, "table_name")));
        e.node.put("type", cellOf(t, row, "table_type"));
        e.node.put("row_estimate", integer(cellOf(t, row, "row_estimate")));
        e.node.put("data_bytes", integer(cellOf(t, row, "data_bytes")));
        e.node.put("index_bytes", integer(cellOf(t, row, "index_bytes")));
        e.node.put("comment", cellOf(t, row, "comment"));
      }
    }
    ResultTable c = ok(tables, "column_analysis");
    if (c != null && c.column("table_name") >= 0 && c.column("column_name") >= 0) {
      for (List<String> row : c.rows()) {
        Entry e = entries.get(cellOf(c, row, "schema_name"), nn(cellOf(c, row, "table_name")));
        ObjectNode col = e.columns.addObject();
        String name = nn(cellOf(c, row, "column_name"));
        col.put("name", name);
        col.put("position", integer(cellOf(c, row, "ordinal_position")));
        col.put("data_type", cellOf(c, row, "data_type"));
        col.put("nullable", bool(cellOf(c, row, "is_nullable")));
        String pk = cellOf(c, row, "primary_key");
        String key = cellOf(c, row, "column_key");
        boolean primary = Boolean.TRUE.equals(bool(pk)) || "PRI".equalsIgnoreCase(key);
        col.put("primary_key", primary);
        if (primary) {
          e.pkFromColumns.add(name);
        }
        col.put("default", cellOf(c, row, "column_default"));
        col.put("extra", cellOf(c, row, "extra"));
        col.put("comment", cellOf(c, row, "comment"));
        col.set("enum_values", enumValues(cellOf(c, row, "enum_values")));
        col.put("array_element_type", cellOf(c, row, "array_element_type"));
      }
    }
    ResultTable ix = ok(tables, "index_analysis");
    if (ix != null && ix.column("table_name") >= 0 && ix.column("index_name") >= 0) {
      Map<String, ObjectNode> byName = new LinkedHashMap<>();
      for (List<String> row : ix.rows()) {
        Entry e = entries.get(cellOf(ix, row, "schema_name"), nn(cellOf(ix, row, "table_name")));
        String name = nn(cellOf(ix, row, "index_name"));
        String k = e.schema + "\u0000" + e.name + "\u0000" + name;
        ObjectNode o = byName.get(k);
        if (o == null) {
          o = e.indexes.addObject();
          byName.put(k, o);
          o.put("name", name);
          o.put("unique", bool(cellOf(ix, row, "is_unique")));
          Boolean primary = bool(cellOf(ix, row, "is_primary"));
          o.put("primary", primary != null ? primary : name.equals("PRIMARY"));
          o.putArray("columns");
          o.put("definition", cellOf(ix, row, "definition"));
        }
        list((ArrayNode) o.get("columns"), ix, row, "columns", "column_name");
        if (o.get("primary").asBoolean()) {
          e.pkFromIndex = new ArrayList<>();
          o.get("columns").forEach(n -> e.pkFromIndex.add(n.isNull() ? null : n.asText()));
        }
      }
    }
    ResultTable fk = ok(tables, "foreign_key_analysis");
    if (fk != null && fk.column("table_name") >= 0) {
      for (List<String> row : fk.rows()) {
        Entry e = entries.get(cellOf(fk, row, "schema_name"), nn(cellOf(fk, row, "table_name")));
        String name = cellOf(fk, row, "constraint_name");
        ObjectNode o = e.fks.get(name == null ? "\u0000" + e.fks.size() : name);
        if (o == null) {
          o = Json.object();
          e.fks.put(name == null ? "\u0000" + e.fks.size() : name, o);
          o.put("name", name);
          o.putArray("columns");
          o.put("referenced_schema", cellOf(fk, row, "referenced_schema"));
          o.put("referenced_table", cellOf(fk, row, "referenced_table_name"));
          o.putArray("referenced_columns");
          o.put("update_rule", cellOf(fk, row, "update_rule"));
          o.put("delete_rule", cellOf(fk, row, "delete_rule"));
        }
        list((ArrayNode) o.get("columns"), fk, row, "columns", "column_name");
        list((ArrayNode) o.get("referenced_columns"), fk, row, "referenced_columns", "referenced_column_name");
      }
    }
    ObjectNode out = Json.object();
    ArrayNode ts = out.putArray("tables");
    for (Entry e : entries.byKey.values()) {
      ArrayNode pk = e.node.putArray("primary_key");
      (e.pkFromIndex != null ? e.pkFromIndex : e.pkFromColumns).forEach(pk::add);
      e.node.set("columns", e.columns);
      e.node.set("indexes", e.indexes);
      ArrayNode fks = e.node.putArray("foreign_keys");
      e.fks.values().forEach(fks::add);
      ts.add(e.node);
    }
    ArrayNode vs = out.putArray("views");
    ResultTable v = ok(tables, "view_analysis");
    if (v != null && v.column("view_name") >= 0) {
      for (List<String> row : v.rows()) {
        ObjectNode o = vs.addObject();
        o.put("schema", cellOf(v, row, "schema_name"));
        o.put("name", nn(cellOf(v, row, "view_name")));
        o.put("type", cellOf(v, row, "view_type"));
        list(o.putArray("columns"), v, row, "columns", "column_name");
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- statistics

  private static ObjectNode statistics(List<ResultTable> tables, String dialect, Map<String, Integer> leftOut, StatisticsCheck.Findings stats) {
    ObjectNode out = Json.object();
    out.put("window", stats.window());
    ResultTable s = ok(tables, "statistics_status");
    if (s == null || s.rows().isEmpty()) {
      out.putNull("status");
    } else {
      ObjectNode st = out.putObject("status");
      for (int i = 0; i < s.columns().size(); i++) {
        st.put(s.columns().get(i), s.rows().get(0).get(i));
      }
    }
    ArrayNode ps = out.putArray("query_patterns");
    for (Pattern p : Pattern.all(tables, dialect)) {
      ObjectNode o = ps.addObject();
      o.put("source", p.source());
      o.put("text", p.text());
      o.put("kind", p.kind());
      ArrayNode tn = o.putArray("tables");
      p.tables().forEach(tn::add);
      o.put("calls", p.calls());
      o.put("window_seconds", p.window());
      o.put("rate_per_second", p.rate());
      o.put("avg_ms", p.avgMs());
      o.put("rows_sent", p.rowsSent());
      o.put("rows_examined", p.rowsExamined());
    }
    ObjectNode lo = out.putObject("left_out");
    new java.util.TreeMap<>(leftOut).forEach(lo::put);
    ArrayNode w = out.putArray("warnings");
    stats.warnings().forEach(d -> w.add(d.message()));
    return out;
  }

  /**
   * One kept access pattern (a read or a write of the application) with its figures; the
   * tables it names come from {@link Statements#tables(String, String)} (not from the joined cell: a name may contain a comma).
   */
  public record Pattern(String source, String text, String kind, List<String> tables, Long calls, Double window, Double rate, Double avgMs, Long rowsSent,
      Long rowsExamined) {
    public static List<Pattern> all(List<ResultTable> tables, String dialect) {
      List<Pattern> out = new ArrayList<>();
      for (String name : List.of("query_pattern_analysis", "prepared_statement_analysis")) {
        ResultTable t = ok(tables, name);
        if (t == null || t.column("query_pattern") < 0 || t.column("statement_kind") < 0) {
          continue;
        }
        for (List<String> row : t.rows()) {
          String kind = cellOf(t, row, "statement_kind");
          if (!"read".equals(kind) && !"write".equals(kind)) {
            continue; // Statements.filter keeps only reads and writes
          }
          Long calls = integer(cellOf(t, row, "calls"));
          Double window = number(cellOf(t, row, "window_seconds"));
          Double rate = calls == null || window == null ? null : calls / Math.max(1.0, window);
          out.add(new Pattern(name, nn(cellOf(t, row, "query_pattern")), kind,
              Statements.tables(cellOf(t, row, "query_pattern"), dialect), calls, window, rate, number(cellOf(t, row, "avg_ms")),
              integer(cellOf(t, row, "rows_sent")), integer(cellOf(t, row, "rows_examined"))));
        }
      }
      return out;
    }
  }

  // ---------------------------------------------------------------- values

  static ResultTable find(List<ResultTable> tables, String name) {
    return tables.stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
  }

  private static ResultTable ok(List<ResultTable> tables, String name) {
    ResultTable t = find(tables, name);
    return t == null || t.failed() ? null : t;
  }

  private static String cellOf(ResultTable t, List<String> row, String column) {
    int i = t.column(column);
    return i < 0 || i >= row.size() ? null : row.get(i);
  }

  private static String nn(String s) {
    return s == null ? "" : s;
  }

  /** A list cell ({@code a, b}, as the catalog queries aggregate it) or, for per-column rows, one value appended. */
  private static void list(ArrayNode into, ResultTable t, List<String> row, String listColumn, String oneColumn) {
    if (t.column(listColumn) >= 0) {
      String v = cellOf(t, row, listColumn);
      if (v != null && !v.isEmpty()) {
        for (String s : v.split(", ")) {
          into.add(s);
        }
      }
    } else if (t.column(oneColumn) >= 0) {
      into.add(cellOf(t, row, oneColumn));
    }
  }

  private static JsonNode enumValues(String v) {
    if (v == null) {
      return null;
    }
    try {
      JsonNode n = Json.mapper().readTree(v);
      if (n != null && n.isArray()) {
        ArrayNode out = Json.array();
        n.forEach(x -> out.add(x.asText()));
        return out;
      }
    } catch (java.io.IOException | RuntimeException e) {
      // not a JSON array: left out rather than guessed
    }
    return null;
  }

  static Long integer(String v) {
    if (v == null) {
      return null;
    }
    try {
      return Long.parseLong(v.strip());
    } catch (NumberFormatException e) {
      Double d = number(v);
      return d == null || d != Math.rint(d) || Math.abs(d) > 9.0e15 ? null : d.longValue();
    }
  }

  static Double number(String v) {
    if (v == null) {
      return null;
    }
    try {
      double d = Double.parseDouble(v.strip());
      return Double.isFinite(d) ? d : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static Boolean bool(String v) {
    if (v == null) {
      return null;
    }
    return switch (v.strip().toLowerCase(Locale.ROOT)) {
      case "yes", "y", "true", "t", "1" -> true;
      case "no", "n", "false", "f", "0" -> false;
      default -> null;
    };
  }
}
