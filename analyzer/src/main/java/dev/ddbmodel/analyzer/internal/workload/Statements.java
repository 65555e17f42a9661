package dev.ddbmodel.analyzer.internal.workload;

import dev.ddbmodel.analyzer.ResultTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a recorded statement is: a read or a write of the application (kept as access patterns), or
 * DDL, session control, catalog/statistics statements (the analyzer's own and other tools'), bulk
 * loads and utilities (left out, counted). Decided once here, for managed and self-service alike.
 */
public final class Statements {
  private Statements() {}

  /** The kinds, in report order. */
  public enum Kind {
    READ, WRITE, DDL, SESSION, OWN, OTHER;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private static final Pattern LEADING = Pattern.compile("^(\\s+|--[^\\n]*\\n?|#[^\\n]*\\n?|/\\*.*?\\*/|\\()+", Pattern.DOTALL);
  private static final Pattern CATALOG = Pattern.compile(
      "\\b(?:information_schema|performance_schema|pg_catalog|pg_stat_\\w+|pg_class|pg_namespace|pg_attribute|pg_constraint|pg_database|pg_settings"
          + "|pg_type|pg_index|pg_proc|ddbm_marker|current_setting|pg_is_in_recovery|txid_current)\\b|@@\\w+|\\bversion\\s*\\(",
      Pattern.CASE_INSENSITIVE);
  private static final Set<String> SESSION = Set.of("SET", "SHOW", "BEGIN", "START", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE", "USE", "DEALLOCATE",
      "PREPARE", "DISCARD", "RESET", "LISTEN", "UNLISTEN", "NOTIFY", "KILL", "FLUSH", "DESCRIBE", "DESC", "EXPLAIN", "XA", "LOCK", "UNLOCK", "END", "ABORT",
      "CHECKPOINT", "PING", "HELP", "DO", "CLOSE", "FETCH", "DECLARE", "MOVE");
  private static final Set<String> DDL = Set.of("CREATE", "ALTER", "DROP", "TRUNCATE", "RENAME", "GRANT", "REVOKE", "COMMENT", "REINDEX", "CLUSTER",
      "REFRESH", "SECURITY", "IMPORT", "OPTIMIZE", "REPAIR", "INSTALL", "UNINSTALL");
  private static final Set<String> WRITE = Set.of("INSERT", "UPDATE", "DELETE", "REPLACE", "MERGE", "UPSERT");
  private static final Pattern FIRST = Pattern.compile("^([A-Za-z]+)");
  private static final Pattern WRITE_IN_WITH = Pattern.compile("\\b(INSERT\\s+INTO|UPDATE\\s+\\S+\\s+SET|DELETE\\s+FROM|MERGE\\s+INTO)\\b",
      Pattern.CASE_INSENSITIVE);

  public static Kind classify(String sql) {
    if (sql == null || sql.isBlank()) {
      return Kind.OTHER;
    }
    String s = LEADING.matcher(sql).replaceFirst("");
    Matcher m = FIRST.matcher(s);
    String first = m.find() ? m.group(1).toUpperCase(Locale.ROOT) : "";
    if (CATALOG.matcher(sql).find()) {
      return Kind.OWN;
    }
    if (first.equals("SELECT") || first.equals("WITH") || first.equals("VALUES") || first.equals("TABLE")) {
      return first.equals("WITH") && WRITE_IN_WITH.matcher(s).find() ? Kind.WRITE : Kind.READ;
    }
    if (WRITE.contains(first)) {
      return Kind.WRITE;
    }
    if (DDL.contains(first)) {
      return Kind.DDL;
    }
    if (SESSION.contains(first)) {
      return Kind.SESSION;
    }
    return Kind.OTHER; // COPY, LOAD DATA, CALL, VACUUM, ANALYZE, HANDLER...
  }

  /** The tables a statement names (FROM, JOIN, INTO, UPDATE, USING), unquoted, in order of appearance; {@link TableRefs} for any dialect. */
  public static List<String> tables(String sql) {
    return TableRefs.of(sql, TableRefs.Syntax.GENERIC);
  }

  /** The tables a statement of {@code dialect} ({@link dev.ddbmodel.analyzer.internal.dialect.Dialect#name()}) names, by its quoting and folding rules. */
  public static List<String> tables(String sql, String dialect) {
    return TableRefs.of(sql, TableRefs.Syntax.of(dialect));
  }

  /**
   * Keeps the reads and writes of a statistics section, with their kind and tables as two more
   * columns; counts what was left out.
   */
  public static Filtered filter(ResultTable t) {
    return filter(t, "");
  }

  public static Filtered filter(ResultTable t, String dialect) {
    int q = t.column("query_pattern");
    if (t.failed() || q < 0) {
      return new Filtered(t, Map.of());
    }
    List<String> cols = new ArrayList<>(t.columns());
    cols.add("statement_kind");
    cols.add("tables");
    List<List<String>> rows = new ArrayList<>();
    Map<String, Integer> left = new TreeMap<>();
    for (List<String> row : t.rows()) {
      Kind k = classify(row.get(q));
      if (k == Kind.READ || k == Kind.WRITE) {
        List<String> r = new ArrayList<>(row);
        r.add(k.label());
        r.add(String.join(", ", tables(row.get(q), dialect)));
        rows.add(r);
      } else {
        left.merge(k.label(), 1, Integer::sum);
      }
    }
    return new Filtered(new ResultTable(t.name(), cols, rows, t.truncated(), "", t.omitted()), left);
  }

  /** A statistics section with only reads and writes, and the counts of statements left out by kind. */
  public record Filtered(ResultTable table, Map<String, Integer> leftOut) {}
}
