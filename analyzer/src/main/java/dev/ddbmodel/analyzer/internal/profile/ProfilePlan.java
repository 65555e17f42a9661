package dev.ddbmodel.analyzer.internal.profile;

import dev.ddbmodel.analyzer.ResultTable;
import dev.ddbmodel.analyzer.internal.profile.ProfileResult.Cardinality;
import dev.ddbmodel.analyzer.internal.profile.ProfileResult.HeavyValue;
import dev.ddbmodel.analyzer.internal.profile.ProfileResult.KeySkew;
import dev.ddbmodel.analyzer.internal.profile.ProfileResult.Relationship;
import dev.ddbmodel.analyzer.internal.profile.ProfileResult.TableProfile;
import dev.ddbmodel.analyzer.internal.profile.ProfileResult.Workload;
import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.internal.guide.DynamoDbLimits;
import dev.ddbmodel.core.internal.model.ItemSizes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The one definition of the data profile, for managed mode and the self-service file alike. Two
 * stages of plain SELECT statements:
 *
 * <ol>
 *   <li>{@link #catalog}: fixed statements on the catalog and the statistics views (tables, columns,
 *       indexes, foreign keys, workload counters, planner statistics / histograms);
 *   <li>{@link #measure}: the statements the catalog calls for (row counts, sizes, children per
 *       parent along every foreign key, distinct and heaviest values of key columns), each exact or
 *       sampled by the row estimate.
 * </ol>
 *
 * {@link #interpret} turns the statements' results — from JDBC or parsed from a client's output,
 * as text either way — into a {@link ProfileResult}. Every decision the results depend on (exact or
 * sampled) is in the statement names, so {@link #fingerprint} tells whether a results file answers
 * the plan the catalog calls for.
 */
public final class ProfilePlan {
  /** Prefix of every profile section name. */
  public static final String PREFIX = "profile_";
  /** The section that prints the plan's fingerprint in a self-service file. */
  public static final String PLAN = "profile_plan";

  private ProfilePlan() {}

  /**
   * One profile statement.
   *
   * @param name section name ({@code profile_...}, letters, digits and underscores)
   * @param what what it measures, for warnings
   * @param sql the SELECT
   * @param oneRow whether it always returns exactly one row (an aggregate): no row means refused
   */
  public record Statement(String name, String what, String sql, boolean oneRow) {}

  static ProfileSql sql(String engine, String schema) {
    return switch (engine) {
      case "postgresql" -> new ProfileSql.Postgres(schema);
      case "mysql" -> new ProfileSql.MySql(schema);
      default -> throw new IllegalArgumentException("profiling supports PostgreSQL and MySQL/MariaDB, not " + engine);
    };
  }

  /**
   * Stage 1 for {@code engine} ({@code postgresql} or {@code mysql}) and {@code schema}
   * ({@code null}: the connection's current one).
   */
  public static List<Statement> catalog(String engine, String schema, ProfileRequest req) {
    ProfileSql s = sql(engine, schema);
    List<Statement> out = new ArrayList<>();
    out.add(new Statement("profile_schema", "catalog", s.schemaName(), true));
    out.add(new Statement("profile_tables", "catalog", s.tables(), false));
    out.add(new Statement("profile_columns", "catalog", s.columns(), false));
    out.add(new Statement("profile_indexes", "catalog", s.indexes(), false));
    out.add(new Statement("profile_foreign_keys", "catalog", s.foreignKeys(), false));
    out.add(new Statement("profile_workload", "workload", s.workload(), false));
    if (s instanceof ProfileSql.Postgres pg) {
      out.add(new Statement("profile_stats", "planner statistics", pg.stats(req.topValues()), false));
    } else if (s instanceof ProfileSql.MySql my) {
      out.add(new Statement("profile_histograms", "histograms", my.histograms(), false));
    }
    return out;
  }

  // ---------------------------------------------------------------- facts

  /** Catalog facts of one table. */
  static final class Table {
    final String name;
    final long estimate;
    final boolean readable;
    final List<String> columns = new ArrayList<>();
    final List<String> kinds = new ArrayList<>();
    final List<String> primaryKey = new ArrayList<>();
    final Map<String, Set<String>> keyRoles = new LinkedHashMap<>();
    final Map<String, Long> indexCardinality = new TreeMap<>();

    Table(String name, long estimate, boolean readable) {
      this.name = name;
      this.estimate = estimate;
      this.readable = readable;
    }

    void role(String column, String role) {
      keyRoles.computeIfAbsent(column, k -> new LinkedHashSet<>()).add(role);
    }
  }

  record ForeignKey(String name, String child, String parent, String parentSchema, List<String> childColumns, List<String> parentColumns) {}

  /** A planner statistic or histogram of one column. */
  record ColumnStats(long distinct, boolean relative, double nDistinct, List<Object[]> heaviest, String source, Object[] histogram) {}

  /**
   * What stage 1 found. {@code failures} are the catalog statements that failed, as warnings.
   */
  public static final class Facts {
    final String engine;
    final ProfileSql sql;
    final Map<String, Table> tables = new TreeMap<>();
    final List<ForeignKey> foreignKeys = new ArrayList<>();
    final Map<String, Workload> workload = new TreeMap<>();
    /** table NUL column to its pg_stats figures: n_distinct and (value, frequency) pairs. */
    final Map<String, Object[]> stats = new TreeMap<>();
    /** table NUL column to its MySQL/MariaDB histogram row. */
    final Map<String, Object[]> histograms = new TreeMap<>();
    final List<Diagnostic> diagnostics = new ArrayList<>();
    final List<String> skipped = new ArrayList<>();
    final int statements;

    private Facts(String engine, ProfileSql sql, int statements) {
      this.engine = engine;
      this.sql = sql;
      this.statements = statements;
    }

    /** The schema profiled. */
    public String schema() {
      return sql.schema;
    }
  }

  /** A statement's result; {@code null} when it was not run. */
  private static ResultTable get(Function<String, ResultTable> results, String name) {
    return results.apply(name);
  }

  private static boolean ok(ResultTable t, boolean oneRow) {
    return t != null && !t.failed() && (!oneRow || !t.rows().isEmpty());
  }

  static Diagnostic refused(String what, ResultTable t) {
    String why = t == null ? "not in the results" : t.failed() ? t.error() : "no row returned; see the client's error output";
    return Diagnostic.warning("Profile.QueryFailed", what + ": the database refused the profiling query (" + firstLine(why) + ")", null,
        "grant SELECT on it to the profiling user, or raise the statement timeout; the figure is left out");
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private static String cell(List<String> row, int i) {
    return i < row.size() ? row.get(i) : null;
  }

  private static long asLong(String s, long otherwise) {
    if (s == null || s.isBlank()) {
      return otherwise;
    }
    try {
      return new java.math.BigDecimal(s.strip()).longValue();
    } catch (NumberFormatException e) {
      return otherwise;
    }
  }

  private static Double asDouble(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return Double.valueOf(s.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Reads stage 1's results; a catalog statement that failed is a warning and leaves its facts out. */
  public static Facts facts(String engine, String schema, Function<String, ResultTable> results, ProfileRequest req) {
    List<Statement> stage = catalog(engine, schema, req);
    int run = (int) stage.stream().filter(s -> results.apply(s.name()) != null).count();
    ResultTable sn = get(results, "profile_schema");
    String name = schema;
    if (name == null && ok(sn, true)) {
      name = sn.rows().get(0).get(0);
    }
    if (name == null) {
      throw new IllegalStateException("the connection has no current " + (engine.equals("postgresql") ? "schema" : "database") + "; name the one to profile");
    }
    Facts f = new Facts(engine, sql(engine, name), run);
    List<String> unreadable = new ArrayList<>();
    rows(f, results, "profile_tables", "catalog", r -> {
      Table t = new Table(r.get(0), asLong(cell(r, 1), -1), asLong(cell(r, 2), 1) == 1);
      if (t.readable) {
        f.tables.put(t.name, t);
      } else {
        unreadable.add(t.name);
      }
    });
    if (!unreadable.isEmpty()) {
      unreadable.forEach(n -> f.skipped.add(n + ": no SELECT privilege"));
      f.diagnostics.add(Diagnostic.warning("Profile.NotReadable", unreadable.size() + " table(s) cannot be read by this user and were not profiled: "
          + String.join(", ", unreadable.subList(0, Math.min(10, unreadable.size()))) + (unreadable.size() > 10 ? ", …" : ""), null,
          "grant SELECT on them to the profiling user to measure them"));
    }
    rows(f, results, "profile_columns", "catalog", r -> {
      Table t = f.tables.get(r.get(0));
      if (t != null) {
        t.columns.add(r.get(1));
        t.kinds.add(cell(r, 2) == null ? "S" : r.get(2));
      }
    });
    rows(f, results, "profile_indexes", "catalog", r -> {
      Table t = f.tables.get(r.get(0));
      if (t == null) {
        return;
      }
      boolean primary = asLong(cell(r, 2), 0) == 1;
      long ord = asLong(cell(r, 3), 0);
      String col = r.get(4);
      if (primary) {
        t.primaryKey.add(col);
        t.role(col, "PK");
      } else if (ord == 1) {
        t.role(col, "INDEX");
      }
      if (ord == 1 && cell(r, 5) != null) {
        t.indexCardinality.merge(col, asLong(r.get(5), 0), Math::max);
      }
    });
    Map<String, ForeignKey> fks = new LinkedHashMap<>();
    rows(f, results, "profile_foreign_keys", "catalog", r -> {
      ForeignKey fk = fks.computeIfAbsent(r.get(1) + "\u0000" + r.get(0), k -> new ForeignKey(r.get(0), r.get(1), r.get(2), r.get(3), new ArrayList<>(),
          new ArrayList<>()));
      fk.childColumns().add(r.get(5));
      fk.parentColumns().add(r.get(6));
    });
    for (ForeignKey fk : fks.values()) {
      Table t = f.tables.get(fk.child());
      if (t != null) {
        fk.childColumns().forEach(c -> t.role(c, "FK"));
      }
    }
    f.foreignKeys.addAll(fks.values());
    boolean pg = engine.equals("postgresql");
    rows(f, results, "profile_workload", "workload", r -> {
      Double seconds = asDouble(cell(r, 3));
      f.workload.put(r.get(0), pg ? new Workload(asLong(cell(r, 1), 0), asLong(cell(r, 2), 0), "table and index scans", "rows inserted, updated or deleted",
          seconds == null ? 0 : seconds)
          : new Workload(asLong(cell(r, 1), 0), asLong(cell(r, 2), 0), "rows read (performance_schema)", "rows written (performance_schema)",
              seconds == null ? 0 : seconds));
    });
    if (pg) {
      rows(f, results, "profile_stats", "planner statistics", r -> {
        Object[] st = f.stats.computeIfAbsent(r.get(0) + "\u0000" + r.get(1), k -> {
          Double nd = asDouble(cell(r, 2));
          return new Object[] {nd == null ? 0.0 : nd, new ArrayList<Object[]>()};
        });
        Double freq = asDouble(cell(r, 5));
        if (cell(r, 3) != null && freq != null) {
          @SuppressWarnings("unchecked")
          List<Object[]> heavy = (List<Object[]>) st[1];
          heavy.add(new Object[] {cell(r, 4), freq});
        }
      });
    } else {
      // not being allowed to read them (or a server without them) is no warning: the sampled GROUP BY follows
      ResultTable h = get(results, "profile_histograms");
      if (ok(h, false)) {
        for (List<String> r : h.rows()) {
          f.histograms.put(r.get(0) + "\u0000" + r.get(1), new Object[] {cell(r, 2), cell(r, 3), cell(r, 4), cell(r, 5)});
        }
      }
    }
    return f;
  }

  @FunctionalInterface
  private interface Row {
    void row(List<String> r);
  }

  private static void rows(Facts f, Function<String, ResultTable> results, String name, String what, Row row) {
    ResultTable t = get(results, name);
    if (!ok(t, false)) {
      f.diagnostics.add(refused(what, t));
      return;
    }
    t.rows().forEach(row::row);
  }

  // ---------------------------------------------------------------- plan

  static double fraction(long rows, long wanted, ProfileRequest req) {
    if (rows <= req.exactRowLimit() || rows <= 0) {
      return 1;
    }
    return Math.min(1.0, (double) wanted / rows);
  }

  /** Whether a table is sampled: its row estimate is above the exact limit (no estimate: measured exactly). */
  static boolean sampled(Table t, ProfileRequest req) {
    return t.estimate > req.exactRowLimit();
  }

  /** The tables profiled, largest first (by the estimate), at most {@code maxTables}; ties by name. */
  static List<Table> order(Facts f, ProfileRequest req) {
    List<Table> order = new ArrayList<>(f.tables.values());
    order.sort((a, b) -> a.estimate != b.estimate ? Long.compare(b.estimate, a.estimate) : a.name.compareTo(b.name));
    return order.size() > req.maxTables() ? new ArrayList<>(order.subList(0, req.maxTables())) : order;
  }

  /** The number of a table in the section names: its position among the schema's tables by name (stable when estimates change). */
  private static Map<String, Integer> numbers(Facts f) {
    Map<String, Integer> n = new TreeMap<>();
    int i = 0;
    for (String name : f.tables.keySet()) {
      n.put(name, i++);
    }
    return n;
  }

  private static List<ForeignKey> measuredKeys(Facts f, Set<String> profiled) {
    return f.foreignKeys.stream().filter(fk -> profiled.contains(fk.child()) && fk.parentSchema().equals(f.sql.schema) && profiled.contains(fk.parent())).toList();
  }

  /** Whether a key column's skew comes from planner statistics or a histogram (no GROUP BY needed). */
  static boolean hasStatistics(Facts f, Table t, String col, ProfileRequest req) {
    String k = t.name + "\u0000" + col;
    if (f.stats.containsKey(k)) {
      return true;
    }
    Object[] h = f.histograms.get(k);
    return h != null && histogram(h, t.estimate, req) != null;
  }

  static MySqlHistograms.Histogram histogram(Object[] h, long rows, ProfileRequest req) {
    if ("MYSQL".equals(h[2])) {
      return MySqlHistograms.mysql((String) h[3], req.topValues());
    }
    Double nulls = asDouble((String) h[0]);
    Double avg = asDouble((String) h[1]);
    return MySqlHistograms.mariadb(nulls == null ? 0 : nulls, avg == null ? 0 : avg, (String) h[2], (String) h[3], rows, req.topValues());
  }

  /** Stage 2: what the catalog calls for, in the order it is run (largest tables first, then relationships, then key skew). */
  public static List<Statement> measure(Facts f, ProfileRequest req) {
    ProfileSql sql = f.sql;
    Map<String, Integer> no = numbers(f);
    List<Table> order = order(f, req);
    List<Statement> out = new ArrayList<>();
    long cap = Profiler.cap(req.sampleRows());
    for (Table t : order) {
      String p = PREFIX + "t" + no.get(t.name) + "_";
      boolean s = sampled(t, req);
      out.add(s ? new Statement(p + "access", "access to " + t.name, sql.access(t.name), true)
          : new Statement(p + "count", "row count of " + t.name, sql.count(t.name), true));
      if (!t.columns.isEmpty()) {
        out.add(new Statement(p + "size", "row size of " + t.name, sql.rowSize(t.name, t.columns, fraction(t.estimate, req.sampleRows(), req), cap), true));
        if (req.itemSampleRows() > 0) {
          double fi = fraction(t.estimate, req.itemSampleRows(), req);
          out.add(new Statement(p + "items", "item size of " + t.name, sql.items(t.name, t.columns, t.kinds, fi,
              fi >= 1 ? req.itemSampleRows() : Profiler.cap(req.itemSampleRows())), false));
        }
      }
    }
    Set<String> profiled = new LinkedHashSet<>(order.stream().map(t -> t.name).toList());
    List<ForeignKey> fks = measuredKeys(f, profiled);
    for (int j = 0; j < fks.size(); j++) {
      ForeignKey fk = fks.get(j);
      Table child = f.tables.get(fk.child());
      Table parent = f.tables.get(fk.parent());
      boolean s = sampled(child, req) || sampled(parent, req);
      String text = s ? sql.childrenSampled(fk.child(), fk.childColumns(), fk.parent(), fk.parentColumns(),
          Math.min(1.0, (double) req.sampleParents() / Math.max(1, parent.estimate)), Profiler.cap(req.sampleParents()))
          : sql.childrenExact(fk.child(), fk.childColumns(), fk.parent(), fk.parentColumns());
      out.add(new Statement(PREFIX + "r" + no.get(fk.child()) + "_" + j + (s ? "_sample" : "_exact"), "relationship " + fk.child() + "." + fk.name(), text, false));
    }
    for (Table t : order) {
      int k = 0;
      for (String col : t.keyRoles.keySet()) {
        String p = PREFIX + "k" + no.get(t.name) + "_" + k++ + "_";
        if (hasStatistics(f, t, col, req)) {
          continue;
        }
        double fr = fraction(t.estimate, req.sampleRows(), req);
        out.add(new Statement(p + "distinct", "distinct values of " + t.name + "." + col, sql.distinct(t.name, col, fr, cap), true));
        out.add(new Statement(p + "heaviest", "heaviest values of " + t.name + "." + col, sql.heaviest(t.name, col, fr, cap, req.topValues()), false));
      }
    }
    return out;
  }

  /**
   * The plan's fingerprint: its statement names and what each measures (tables, columns, exact or
   * sampled), not the sampling fractions, so a row estimate that moves a little between two runs
   * does not change it.
   */
  public static String fingerprint(List<Statement> stage2) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (Statement s : stage2) {
        md.update((s.name() + "\t" + s.what() + "\n").getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(md.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---------------------------------------------------------------- interpretation

  /**
   * The profile from the results of {@code plan} ({@link #measure} of {@code f}).
   *
   * @param results a statement's result by name; {@code null} when it was not run
   * @param notRun why a statement without result was not run ({@code budget exhausted} in managed mode)
   * @param budgetNote the warning for the first statement not run, or null when there is none to give
   */
  static ProfileResult interpret(Facts f, ProfileRequest req, List<Statement> plan, Function<String, ResultTable> results, String notRun,
      Function<String, Diagnostic> budgetNote, long elapsedMillis) {
    List<Diagnostic> diagnostics = new ArrayList<>(f.diagnostics);
    List<String> skipped = new ArrayList<>(f.skipped);
    Map<String, Statement> byName = new LinkedHashMap<>();
    plan.forEach(s -> byName.put(s.name(), s));
    List<Table> all = new ArrayList<>(f.tables.values());
    all.sort((a, b) -> a.estimate != b.estimate ? Long.compare(b.estimate, a.estimate) : a.name.compareTo(b.name));
    List<Table> order = order(f, req);
    for (Table t : all.subList(order.size(), all.size())) {
      skipped.add(t.name + ": beyond the table limit of " + req.maxTables());
    }
    Map<String, Integer> no = numbers(f);
    boolean[] noted = {false};
    Function<String, Boolean> missing = what -> {
      if (!noted[0] && budgetNote != null) {
        diagnostics.add(budgetNote.apply(what));
      }
      noted[0] = true;
      skipped.add(what + ": " + notRun);
      return true;
    };
    long statements = f.statements + plan.stream().filter(s -> results.apply(s.name()) != null).count();
    Map<String, TableProfile> profiles = new TreeMap<>();
    Map<String, Long> rows = new TreeMap<>();
    for (Table t : order) {
      String p = PREFIX + "t" + no.get(t.name) + "_";
      boolean s = sampled(t, req);
      Statement first = byName.get(p + (s ? "access" : "count"));
      ResultTable r = results.apply(first.name());
      if (r == null) {
        missing.apply("table " + t.name);
        continue;
      }
      if (!ok(r, true)) {
        diagnostics.add(refused(first.what(), r));
        skipped.add(t.name + ": not readable (see the warning)");
        continue;
      }
      long n = s ? t.estimate : asLong(r.rows().get(0).get(0), 0);
      rows.put(t.name, n);
      Double avg = null;
      Long max = null;
      double f1 = fraction(t.estimate, req.sampleRows(), req);
      if (byName.containsKey(p + "size")) {
        ResultTable z = results.apply(p + "size");
        if (ok(z, true)) {
          avg = asDouble(cell(z.rows().get(0), 0));
          String m = cell(z.rows().get(0), 1);
          max = m == null ? null : asLong(m, 0);
        } else if (z != null) {
          diagnostics.add(refused(byName.get(p + "size").what(), z));
        }
      }
      String method = (f.sql instanceof ProfileSql.Postgres ? "pg_column_size of the row (tuple header included)" : "sum of LENGTH of the columns (numbers as text)")
          + (f1 >= 1 ? ", all rows" : ", random sample of about " + req.sampleRows() + " rows");
      long[] item = {0, 0, 0};
      if (byName.containsKey(p + "items")) {
        ResultTable z = results.apply(p + "items");
        if (ok(z, false)) {
          for (List<String> row : z.rows()) {
            long size = itemSize(t.columns, t.kinds, row);
            item[0]++;
            item[1] += size;
            item[2] = Math.max(item[2], size);
          }
        } else if (z != null) {
          diagnostics.add(refused(byName.get(p + "items").what(), z));
        }
      }
      profiles.put(t.name, new TableProfile(t.name, n, s, avg, max, method, item[0] == 0 ? null : (double) item[1] / item[0], item[0] == 0 ? null : item[2],
          (int) item[0], f.workload.get(t.name)));
    }
    List<Relationship> rels = new ArrayList<>();
    List<ForeignKey> fks = measuredKeys(f, new LinkedHashSet<>(order.stream().map(t -> t.name).toList()));
    for (int j = 0; j < fks.size(); j++) {
      ForeignKey fk = fks.get(j);
      if (!profiles.containsKey(fk.child()) || !profiles.containsKey(fk.parent())) {
        continue;
      }
      Table child = f.tables.get(fk.child());
      Table parent = f.tables.get(fk.parent());
      boolean s = sampled(child, req) || sampled(parent, req);
      Statement st = byName.get(PREFIX + "r" + no.get(fk.child()) + "_" + j + (s ? "_sample" : "_exact"));
      ResultTable r = results.apply(st.name());
      if (r == null) {
        missing.apply("relationship " + fk.name());
        continue;
      }
      if (!ok(r, false)) {
        diagnostics.add(refused(st.what(), r));
        continue;
      }
      TreeMap<Long, Long> histogram = new TreeMap<>();
      r.rows().forEach(x -> histogram.merge(asLong(cell(x, 0), 0), asLong(cell(x, 1), 0), Long::sum));
      rels.add(relationship(fk, rows.get(fk.parent()), s, histogram));
    }
    List<KeySkew> keys = new ArrayList<>();
    List<Table> byTable = new ArrayList<>(order);
    byTable.sort((a, b) -> a.name.compareTo(b.name));
    for (Table t : byTable) {
      TableProfile p = profiles.get(t.name);
      if (p == null) {
        continue;
      }
      int k = 0;
      boolean gone = false;
      for (String col : t.keyRoles.keySet()) {
        String prefix = PREFIX + "k" + no.get(t.name) + "_" + k++ + "_";
        KeySkew ks = skew(f, req, t, p, col, prefix, byName, results, diagnostics);
        if (ks == MISSING) {
          if (!gone) {
            missing.apply("key skew of " + t.name);
          }
          gone = true;
        } else if (ks != null) {
          keys.add(ks);
        }
      }
    }
    rels = Profiler.withHeaviestParents(rels, keys, profiles);
    return new ProfileResult(f.sql.engine(), f.sql.schema, req, new ArrayList<>(profiles.values()), rels, keys, skipped, diagnostics, statements, elapsedMillis);
  }

  private static final KeySkew MISSING = new KeySkew("", "", "", 0, false, "", List.of());

  private static Relationship relationship(ForeignKey fk, long parents, boolean sampled, TreeMap<Long, Long> histogram) {
    long measured = histogram.values().stream().mapToLong(Long::longValue).sum();
    if (measured == 0) {
      return new Relationship(fk.name(), fk.child(), fk.childColumns(), fk.parent(), fk.parentColumns(), parents, 0, sampled, 0, 0, 0, 0, 0, 0,
          Cardinality.ONE_TO_ONE);
    }
    long total = 0;
    for (var e : histogram.entrySet()) {
      total += e.getKey() * e.getValue();
    }
    long max = histogram.lastKey();
    return new Relationship(fk.name(), fk.child(), fk.childColumns(), fk.parent(), fk.parentColumns(), parents, measured, sampled,
        histogram.firstKey(), Profiler.rank(histogram, measured, 0.5), Profiler.rank(histogram, measured, 0.99), max, (double) total / measured,
        (double) histogram.getOrDefault(0L, 0L) / measured, Profiler.classify(max));
  }

  /** A row of the items statement as a DynamoDB item: every non-null column one attribute. */
  static long itemSize(List<String> columns, List<String> kinds, List<String> row) {
    long size = 0;
    for (int i = 0; i < columns.size() && i < row.size(); i++) {
      String v = row.get(i);
      if (v == null) {
        continue;
      }
      long s = switch (kinds.get(i)) {
        case "N" -> ItemSizes.number(v);
        case "BOOL" -> 1;
        default -> asLong(v, 0);
      };
      size += ItemSizes.utf8(columns.get(i)) + s;
    }
    return size;
  }

  @SuppressWarnings("unchecked")
  private static KeySkew skew(Facts f, ProfileRequest req, Table t, TableProfile p, String col, String prefix, Map<String, Statement> byName,
      Function<String, ResultTable> results, List<Diagnostic> diagnostics) {
    String role = String.join(",", t.keyRoles.get(col));
    long distinct;
    boolean estimated;
    String source;
    List<Object[]> heavy = new ArrayList<>();
    Object[] st = f.stats.get(t.name + "\u0000" + col);
    Object[] hr = f.histograms.get(t.name + "\u0000" + col);
    MySqlHistograms.Histogram h = hr == null ? null : histogram(hr, p.rows(), req);
    if (st != null) {
      double nd = (double) st[0];
      distinct = nd >= 0 ? (long) nd : Math.round(-nd * p.rows());
      estimated = true;
      source = "pg_stats (planner statistics from the last ANALYZE)";
      for (Object[] v : (List<Object[]>) st[1]) {
        if (heavy.size() < req.topValues()) {
          heavy.add(new Object[] {v[0], v[1]});
        }
      }
    } else if (h != null) {
      distinct = h.distinct() >= 0 ? h.distinct() : t.indexCardinality.getOrDefault(col, 0L);
      estimated = true;
      source = h.source();
      heavy.addAll(h.heaviest());
    } else {
      Statement ds = byName.get(prefix + "distinct");
      ResultTable d = ds == null ? null : results.apply(ds.name());
      if (d == null) {
        return MISSING;
      }
      if (!ok(d, true)) {
        diagnostics.add(refused(ds.what(), d));
        return null;
      }
      double fr = fraction(t.estimate, req.sampleRows(), req);
      long dn = asLong(cell(d.rows().get(0), 0), 0);
      long sampledRows = asLong(cell(d.rows().get(0), 1), 0);
      Long card = t.indexCardinality.get(col);
      if (fr < 1 && card != null) {
        distinct = card;
        estimated = true;
        source = "sampled GROUP BY (" + sampledRows + " rows); distinct from the index cardinality";
      } else {
        distinct = dn;
        estimated = fr < 1;
        source = fr < 1 ? "sampled GROUP BY (" + sampledRows + " rows)" : "exact GROUP BY";
      }
      Statement hs = byName.get(prefix + "heaviest");
      ResultTable hv = results.apply(hs.name());
      if (ok(hv, false)) {
        for (List<String> r : hv.rows()) {
          String v = cell(r, 0);
          if (v != null && heavy.size() < req.topValues()) {
            Double total = asDouble(cell(r, 2));
            heavy.add(new Object[] {v, asLong(cell(r, 1), 0) / Math.max(1.0, total == null ? 1 : total)});
          }
        }
      } else if (hv != null) {
        diagnostics.add(refused(hs.what(), hv));
      }
    }
    double reads = req.assumedReadsPerSecond() > 0 ? req.assumedReadsPerSecond() : p.workload() == null ? 0 : p.workload().readsPerSecond();
    double writes = req.assumedWritesPerSecond() > 0 ? req.assumedWritesPerSecond() : p.workload() == null ? 0 : p.workload().writesPerSecond();
    double item = p.avgItemBytes() == null ? 1 : p.avgItemBytes();
    long rcu = Math.max(1, (long) Math.ceil(item / DynamoDbLimits.READ_UNIT_BYTES));
    long wcu = Math.max(1, (long) Math.ceil(item / DynamoDbLimits.WRITE_UNIT_BYTES));
    List<HeavyValue> values = new ArrayList<>();
    for (Object[] x : heavy) {
      double share = (double) x[1];
      double satR = share > 0 ? DynamoDbLimits.PARTITION_RCU / (share * rcu) : Double.POSITIVE_INFINITY;
      double satW = share > 0 ? DynamoDbLimits.PARTITION_WCU / (share * wcu) : Double.POSITIVE_INFINITY;
      boolean hot = (reads > 0 && reads > satR) || (writes > 0 && writes > satW);
      String value = (String) x[0];
      values.add(new HeavyValue(value, share, satR, satW, hot));
      if (hot) {
        diagnostics.add(Diagnostic.warning("Profile.HotKey", String.format(Locale.ROOT,
            "%s.%s = %s holds %.1f%% of the rows: at %.0f reads/s and %.0f writes/s on the table it alone exceeds one DynamoDB partition (%d RCU / %d WCU)",
            t.name, col, ProfileWriter.shorten(value, 40), share * 100, reads, writes, DynamoDbLimits.PARTITION_RCU, DynamoDbLimits.PARTITION_WCU), null,
            "do not use " + col + " alone as a partition key: add a suffix (write sharding) or choose a key with more even values"));
      }
    }
    return new KeySkew(t.name, col, role, distinct, estimated, source, values);
  }
}
