package dev.ddbmodel.analyzer.profile;

import dev.ddbmodel.analyzer.profile.ProfileResult.Cardinality;
import dev.ddbmodel.analyzer.profile.ProfileResult.HeavyValue;
import dev.ddbmodel.analyzer.profile.ProfileResult.KeySkew;
import dev.ddbmodel.analyzer.profile.ProfileResult.Relationship;
import dev.ddbmodel.analyzer.profile.ProfileResult.TableProfile;
import dev.ddbmodel.analyzer.profile.ProfileResult.Workload;
import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.guide.DynamoDbLimits;
import dev.ddbmodel.core.model.ItemSizes;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Measures the data of a PostgreSQL or MySQL/MariaDB database through a plain JDBC connection:
 * children per parent along every foreign key, distinct counts and heaviest values of key columns,
 * row and DynamoDB item sizes, and the read/write mix the engine's statistics count.
 *
 * <p>Read-only and bounded: the connection is put in read-only mode with auto-commit off (the
 * engine refuses a write), each statement has a query timeout, the run has a wall-clock budget,
 * tables above {@link ProfileRequest#exactRowLimit()} rows are sampled, and every statement the
 * profiler sends is a SELECT. A query that fails (privilege, timeout) is rolled back, reported as
 * {@code Profile.QueryFailed} and the run goes on. The connection's previous read-only and
 * auto-commit settings are restored.
 */
public final class Profiler {
  /** Largest number of children one parent has for a relationship to be 1:few. */
  public static final long FEW = 10;
  /** Largest number of children one parent has for a relationship to be 1:many; above: 1:huge. */
  public static final long MANY = 1_000;

  private final Connection conn;
  private final ProfileRequest req;
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private final List<String> skipped = new ArrayList<>();
  private long statements;
  private long deadline;
  private ProfileSql sql;
  /** MySQL/MariaDB column histograms by table and column, read once per run (empty when none or not readable). */
  private Map<String, Object[]> histograms;

  private Profiler(Connection conn, ProfileRequest req) {
    this.conn = conn;
    this.req = req;
  }

  /** Profiles the connection's database; the caller keeps ownership of the connection. */
  public static ProfileResult profile(Connection conn, ProfileRequest req) throws SQLException {
    return new Profiler(conn, req).run();
  }

  /** Catalog facts the profiler needs. */
  private static final class Table {
    final String name;
    long rows;
    boolean estimated;
    final List<String> columns = new ArrayList<>();
    final List<String> primaryKey = new ArrayList<>();
    final Map<String, Set<String>> keyRoles = new LinkedHashMap<>();
    final Map<String, Long> indexCardinality = new TreeMap<>();

    Table(String name, long rows) {
      this.name = name;
      this.rows = rows;
    }

    void role(String column, String role) {
      keyRoles.computeIfAbsent(column, k -> new LinkedHashSet<>()).add(role);
    }
  }

  private record ForeignKey(String name, String child, String parent, String parentSchema, List<String> childColumns, List<String> parentColumns) {}

  private ProfileResult run() throws SQLException {
    long start = System.nanoTime();
    deadline = start + req.budget().toNanos();
    String product = conn.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
    boolean wasReadOnly = conn.isReadOnly();
    boolean wasAutoCommit = conn.getAutoCommit();
    conn.setReadOnly(true);
    conn.setAutoCommit(false);
    try {
      String schema = req.schema();
      if (product.contains("postgres")) {
        sql = new ProfileSql.Postgres(schema != null ? schema : single("SELECT current_schema()"));
      } else if (product.contains("mysql") || product.contains("mariadb")) {
        sql = new ProfileSql.MySql(schema != null ? schema : single("SELECT DATABASE()"));
      } else {
        throw new SQLException("profiling supports PostgreSQL and MySQL/MariaDB, not " + product);
      }
      if (sql.schema == null) {
        throw new SQLException("the connection has no current " + (sql instanceof ProfileSql.Postgres ? "schema" : "database") + "; name the one to profile");
      }
      Map<String, Table> tables = catalog();
      List<ForeignKey> fks = foreignKeys(tables);
      List<Table> order = new ArrayList<>(tables.values());
      order.sort((a, b) -> Long.compare(b.rows, a.rows));
      if (order.size() > req.maxTables()) {
        for (Table t : order.subList(req.maxTables(), order.size())) {
          skipped.add(t.name + ": beyond the table limit of " + req.maxTables());
        }
        order = new ArrayList<>(order.subList(0, req.maxTables()));
      }
      Map<String, Workload> workload = workload();
      List<TableProfile> profiles = new ArrayList<>();
      Map<String, TableProfile> byName = new TreeMap<>();
      for (Table t : order) {
        if (outOfTime("table " + t.name)) {
          break;
        }
        TableProfile p = table(t, workload.get(t.name));
        if (p == null) {
          skipped.add(t.name + ": not readable (see the warning)");
          continue;
        }
        profiles.add(p);
        byName.put(t.name, p);
      }
      List<Relationship> rels = new ArrayList<>();
      for (ForeignKey fk : fks) {
        if (!byName.containsKey(fk.child()) || !fk.parentSchema().equals(sql.schema) || !byName.containsKey(fk.parent())) {
          continue;
        }
        if (outOfTime("relationship " + fk.name())) {
          break;
        }
        Relationship r = relationship(fk, tables.get(fk.child()), tables.get(fk.parent()));
        if (r != null) {
          rels.add(r);
        }
      }
      List<KeySkew> keys = new ArrayList<>();
      for (Table t : order) {
        TableProfile p = byName.get(t.name);
        if (p == null) {
          continue;
        }
        if (outOfTime("key skew of " + t.name)) {
          break;
        }
        keys.addAll(skew(t, p));
      }
      rels = withHeaviestParents(rels, keys, byName);
      profiles.sort((a, b) -> a.name().compareTo(b.name()));
      return new ProfileResult(sql.engine(), sql.schema, req, profiles, rels, keys, skipped, diagnostics, statements,
          (System.nanoTime() - start) / 1_000_000);
    } finally {
      try {
        conn.rollback();
      } finally {
        conn.setAutoCommit(wasAutoCommit);
        conn.setReadOnly(wasReadOnly);
      }
    }
  }

  private boolean outOfTime(String what) {
    if (System.nanoTime() < deadline) {
      return false;
    }
    if (diagnostics.stream().noneMatch(d -> d.id().equals("Profile.BudgetExhausted"))) {
      diagnostics.add(Diagnostic.warning("Profile.BudgetExhausted",
          "the profiling budget of " + req.budget().toSeconds() + " s ran out at " + what + "; what follows was not profiled", null,
          "raise the budget or lower the limits; the skipped items are listed in profile.md"));
    }
    skipped.add(what + ": budget exhausted");
    return true;
  }

  // ---------------------------------------------------------------- statements

  @FunctionalInterface
  private interface Rows {
    void row(ResultSet rs) throws SQLException;
  }

  /** Runs one SELECT; false (and a Profile.QueryFailed warning) when the engine refused it. */
  private boolean query(String what, String text, List<Object> params, Rows rows) {
    statements++;
    try (PreparedStatement ps = conn.prepareStatement(text)) {
      long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000_000L);
      ps.setQueryTimeout((int) Math.max(1, Math.min(req.statementTimeout().toSeconds(), left)));
      for (int i = 0; i < params.size(); i++) {
        ps.setObject(i + 1, params.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.row(rs);
        }
      }
      // one short read-only transaction per statement: no snapshot held for the whole run, and the
      // share locks of thousands of tables are not accumulated (PostgreSQL: "out of shared memory")
      conn.rollback();
      return true;
    } catch (SQLException e) {
      try {
        conn.rollback();
      } catch (SQLException ignored) {
        // the connection reports its own state on the next statement
      }
      diagnostics.add(Diagnostic.warning("Profile.QueryFailed", what + ": the database refused the profiling query (" + e.getSQLState() + ": "
          + firstLine(e.getMessage()) + ")", null, "grant SELECT on it to the profiling user, or raise the statement timeout; the figure is left out"));
      return false;
    }
  }

  private String single(String text) throws SQLException {
    statements++;
    try (PreparedStatement ps = conn.prepareStatement(text); ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  // ---------------------------------------------------------------- catalog

  private Map<String, Table> catalog() {
    Map<String, Table> tables = new TreeMap<>();
    List<Object> s = List.of(sql.schema);
    List<String> unreadable = new ArrayList<>();
    query("catalog", sql.tables(), s, rs -> {
      if (rs.getBoolean(3)) {
        tables.put(rs.getString(1), new Table(rs.getString(1), rs.getLong(2)));
      } else {
        unreadable.add(rs.getString(1));
      }
    });
    notReadable(unreadable);
    query("catalog", sql.columns(), s, rs -> {
      Table t = tables.get(rs.getString(1));
      if (t != null) {
        t.columns.add(rs.getString(2));
      }
    });
    query("catalog", sql.indexes(), s, rs -> {
      Table t = tables.get(rs.getString(1));
      if (t == null) {
        return;
      }
      boolean primary = rs.getBoolean(3);
      int ord = rs.getInt(4);
      String col = rs.getString(5);
      if (primary) {
        t.primaryKey.add(col);
        t.role(col, "PK");
      } else if (ord == 1) {
        t.role(col, "INDEX");
      }
      if (ord == 1 && sql instanceof ProfileSql.MySql) {
        long card = rs.getLong(6);
        if (!rs.wasNull()) {
          t.indexCardinality.merge(col, card, Math::max);
        }
      }
    });
    return tables;
  }

  private void notReadable(List<String> names) {
    if (names.isEmpty()) {
      return;
    }
    names.forEach(n -> skipped.add(n + ": no SELECT privilege"));
    diagnostics.add(Diagnostic.warning("Profile.NotReadable", names.size() + " table(s) cannot be read by this user and were not profiled: "
        + String.join(", ", names.subList(0, Math.min(10, names.size()))) + (names.size() > 10 ? ", …" : ""), null,
        "grant SELECT on them to the profiling user to measure them"));
  }

  private List<ForeignKey> foreignKeys(Map<String, Table> tables) {
    Map<String, ForeignKey> fks = new LinkedHashMap<>();
    query("catalog", sql.foreignKeys(), List.of(sql.schema), rs -> {
      String key = rs.getString(2) + "\u0000" + rs.getString(1);
      ForeignKey fk = fks.computeIfAbsent(key, k -> {
        try {
          return new ForeignKey(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), new ArrayList<>(), new ArrayList<>());
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      });
      fk.childColumns().add(rs.getString(6));
      fk.parentColumns().add(rs.getString(7));
    });
    for (ForeignKey fk : fks.values()) {
      Table t = tables.get(fk.child());
      if (t != null) {
        fk.childColumns().forEach(c -> t.role(c, "FK"));
      }
    }
    return new ArrayList<>(fks.values());
  }

  private Map<String, Workload> workload() {
    Map<String, Workload> out = new TreeMap<>();
    if (sql instanceof ProfileSql.Postgres) {
      query("workload", sql.workload(), List.of(sql.schema), rs -> out.put(rs.getString(1),
          new Workload(rs.getLong(2), rs.getLong(3), "table and index scans", "rows inserted, updated or deleted", rs.getDouble(4))));
      return out;
    }
    ProfileSql.MySql my = (ProfileSql.MySql) sql;
    double[] up = {0};
    if (!query("workload", my.uptime(), List.of(), rs -> up[0] = rs.getDouble(1))) {
      diagnostics.removeIf(d -> d.id().equals("Profile.QueryFailed") && d.message().startsWith("workload"));
      query("workload", my.uptimeMySql8(), List.of(), rs -> up[0] = rs.getDouble(1));
    }
    query("workload", sql.workload(), List.of(sql.schema), rs -> out.put(rs.getString(1),
        new Workload(rs.getLong(2), rs.getLong(3), "rows read (performance_schema)", "rows written (performance_schema)", up[0])));
    return out;
  }

  // ---------------------------------------------------------------- tables

  private double fraction(long rows, long wanted) {
    if (rows <= req.exactRowLimit() || rows <= 0) {
      return 1;
    }
    return Math.min(1.0, (double) wanted / rows);
  }

  /**
   * The row limit of a sample of about {@code wanted} rows. The limit is only a safety net against
   * a row estimate far too low: a sample cut short by its limit is biased towards the rows the
   * engine scans first (in index order that is the lowest values), so the fraction, not the
   * limit, sizes the sample.
   */
  static long cap(long wanted) {
    return SAFETY * wanted;
  }

  /** {@link #cap}: a sample stops at this many times the rows wanted. */
  static final long SAFETY = 3;

  private TableProfile table(Table t, Workload w) {
    // the first statement on the table tells whether it can be read at all; if not, nothing more is asked of it
    long[] n = {t.rows};
    boolean exact = t.rows < 0 || t.rows <= req.exactRowLimit();
    String first = exact ? sql.count(t.name) : "SELECT 1 FROM " + sql.table(t.name) + " LIMIT 1";
    if (!query((exact ? "row count of " : "access to ") + t.name, first, List.of(), rs -> n[0] = rs.getLong(1))) {
      return null;
    }
    if (exact) {
      t.rows = n[0];
    } else {
      t.estimated = true;
    }
    double f = fraction(t.rows, req.sampleRows());
    Double[] avg = {null};
    Long[] max = {null};
    if (!t.columns.isEmpty()) {
      query("row size of " + t.name, sql.rowSize(t.name, t.columns, f, cap(req.sampleRows())), List.of(), rs -> {
        double a = rs.getDouble(1);
        avg[0] = rs.wasNull() ? null : a;
        long m = rs.getLong(2);
        max[0] = rs.wasNull() ? null : m;
      });
    }
    String method = (sql instanceof ProfileSql.Postgres ? "pg_column_size of the row (tuple header included)" : "sum of LENGTH of the columns (numbers as text)")
        + (f >= 1 ? ", all rows" : ", random sample of about " + req.sampleRows() + " rows");
    long[] item = {0, 0, 0};
    if (req.itemSampleRows() > 0 && !t.columns.isEmpty()) {
      double fi = fraction(t.rows, req.itemSampleRows());
      query("item size of " + t.name, sql.items(t.name, t.columns, fi, fi >= 1 ? req.itemSampleRows() : cap(req.itemSampleRows())), List.of(), rs -> {
        long size = itemSize(rs);
        item[0]++;
        item[1] += size;
        item[2] = Math.max(item[2], size);
      });
    }
    return new TableProfile(t.name, t.rows, t.estimated, avg[0], max[0], method, item[0] == 0 ? null : (double) item[1] / item[0],
        item[0] == 0 ? null : item[2], (int) item[0], w);
  }

  /** The DynamoDB size of a row stored as an item: every non-null column one attribute of its natural type. */
  static long itemSize(ResultSet rs) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    long size = 0;
    for (int i = 1; i <= md.getColumnCount(); i++) {
      long v;
      switch (md.getColumnType(i)) {
        case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.DECIMAL, Types.NUMERIC, Types.REAL, Types.FLOAT, Types.DOUBLE -> {
          String s = rs.getString(i);
          v = s == null ? -1 : ItemSizes.number(s);
        }
        case Types.BOOLEAN, Types.BIT -> v = rs.getObject(i) == null ? -1 : 1;
        case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> {
          byte[] b = rs.getBytes(i);
          v = b == null ? -1 : b.length;
        }
        default -> {
          String s = rs.getString(i);
          v = s == null ? -1 : ItemSizes.utf8(s);
        }
      }
      if (v >= 0) {
        size += ItemSizes.utf8(md.getColumnLabel(i)) + v;
      }
    }
    return size;
  }

  // ---------------------------------------------------------------- relationships

  private Relationship relationship(ForeignKey fk, Table child, Table parent) {
    boolean sampled = child.rows > req.exactRowLimit() || parent.rows > req.exactRowLimit();
    String text = sampled
        ? sql.childrenSampled(fk.child(), fk.childColumns(), fk.parent(), fk.parentColumns(), Math.min(1.0, (double) req.sampleParents() / Math.max(1, parent.rows)), cap(req.sampleParents()))
        : sql.childrenExact(fk.child(), fk.childColumns(), fk.parent(), fk.parentColumns());
    TreeMap<Long, Long> histogram = new TreeMap<>();
    if (!query("relationship " + fk.child() + "." + fk.name(), text, List.of(), rs -> histogram.merge(rs.getLong(1), rs.getLong(2), Long::sum))) {
      return null;
    }
    long measured = histogram.values().stream().mapToLong(Long::longValue).sum();
    if (measured == 0) {
      return new Relationship(fk.name(), fk.child(), fk.childColumns(), fk.parent(), fk.parentColumns(), parent.rows, 0, sampled, 0, 0, 0, 0, 0, 0,
          Cardinality.ONE_TO_ONE);
    }
    long total = 0;
    for (var e : histogram.entrySet()) {
      total += e.getKey() * e.getValue();
    }
    long max = histogram.lastKey();
    Cardinality c = classify(max);
    return new Relationship(fk.name(), fk.child(), fk.childColumns(), fk.parent(), fk.parentColumns(), parent.rows, measured, sampled,
        histogram.firstKey(), rank(histogram, measured, 0.5), rank(histogram, measured, 0.99), max, (double) total / measured,
        (double) histogram.getOrDefault(0L, 0L) / measured, c);
  }

  /** The class of a relationship whose parents have at most {@code max} children. */
  static Cardinality classify(long max) {
    return max <= 1 ? Cardinality.ONE_TO_ONE : max <= FEW ? Cardinality.ONE_TO_FEW : max <= MANY ? Cardinality.ONE_TO_MANY : Cardinality.ONE_TO_HUGE;
  }

  /**
   * A parent sample misses the heaviest parent more often than not (one parent in 100,000 with a
   * quarter of the children is in a 10,000-parent sample one time in ten), so a sampled
   * relationship's maximum is raised to what the key skew of its foreign key column found: the
   * heaviest value's share of the child rows.
   */
  static List<Relationship> withHeaviestParents(List<Relationship> rels, List<KeySkew> keys, Map<String, TableProfile> tables) {
    List<Relationship> out = new ArrayList<>();
    for (Relationship r : rels) {
      KeySkew k = r.sampled() && r.childColumns().size() == 1 ? keys.stream().filter(x -> x.table().equals(r.child()) && x.column().equals(r.childColumns().get(0)))
          .findFirst().orElse(null) : null;
      TableProfile child = tables.get(r.child());
      if (k != null && !k.heaviest().isEmpty() && child != null) {
        HeavyValue h = k.heaviest().get(0);
        long estimate = Math.round(h.share() * child.rows());
        if (estimate > r.max()) {
          out.add(r.withEstimatedMax(estimate, "the heaviest " + r.childColumns().get(0) + " value " + ProfileWriter.shorten(h.value(), 40) + " holds "
              + String.format(Locale.ROOT, "%.1f%%", h.share() * 100) + " of the child rows (" + k.source() + "); the parent sample did not include it"));
          continue;
        }
      }
      out.add(r);
    }
    return out;
  }

  /** Nearest-rank percentile of a histogram (value to count). */
  static long rank(TreeMap<Long, Long> histogram, long n, double q) {
    long target = Math.max(1, (long) Math.ceil(q * n));
    long seen = 0;
    for (var e : histogram.entrySet()) {
      seen += e.getValue();
      if (seen >= target) {
        return e.getKey();
      }
    }
    return histogram.isEmpty() ? 0 : histogram.lastKey();
  }

  // ---------------------------------------------------------------- key skew

  /**
   * The column histograms of the schema, in one statement: MariaDB's mysql.column_stats, else
   * MySQL 8's information_schema.COLUMN_STATISTICS. Not being allowed to read them (or a server
   * without them) is no warning: the sampled GROUP BY follows.
   */
  private Map<String, Object[]> histograms(ProfileSql.MySql my) {
    Map<String, Object[]> out = new TreeMap<>();
    int before = diagnostics.size();
    boolean maria = query("histograms", my.mariaDbHistograms(), List.of(sql.schema), rs -> out.put(rs.getString(1) + "\u0000" + rs.getString(2),
        new Object[] {"mariadb", rs.getDouble(3), rs.getDouble(4), rs.getString(5), rs.getString(6)}));
    if (!maria) {
      query("histograms", my.mySqlHistograms(), List.of(sql.schema), rs -> out.put(rs.getString(1) + "\u0000" + rs.getString(2),
          new Object[] {"mysql", rs.getString(3)}));
    }
    while (diagnostics.size() > before) {
      diagnostics.remove(diagnostics.size() - 1);
    }
    return out;
  }

  private MySqlHistograms.Histogram histogram(Table t, String col) {
    Object[] h = histograms == null ? null : histograms.get(t.name + "\u0000" + col);
    if (h == null) {
      return null;
    }
    return h[0].equals("mariadb") ? MySqlHistograms.mariadb((double) h[1], (double) h[2], (String) h[3], (String) h[4], t.rows, req.topValues())
        : MySqlHistograms.mysql((String) h[1], req.topValues());
  }

  private List<KeySkew> skew(Table t, TableProfile p) {
    List<KeySkew> out = new ArrayList<>();
    Map<String, Object[]> stats = new TreeMap<>();
    if (sql instanceof ProfileSql.MySql my && histograms == null) {
      histograms = histograms(my);
    }
    if (sql instanceof ProfileSql.Postgres pg) {
      query("planner statistics of " + t.name, pg.stats(), List.of(sql.schema, t.name), rs -> {
        Array vals = rs.getArray(3);
        Array freqs = rs.getArray(4);
        stats.put(rs.getString(1), new Object[] {rs.getDouble(2), vals == null ? new Object[0] : (Object[]) vals.getArray(),
            freqs == null ? new Object[0] : (Object[]) freqs.getArray()});
      });
    }
    double reads = req.assumedReadsPerSecond() > 0 ? req.assumedReadsPerSecond() : p.workload() == null ? 0 : p.workload().readsPerSecond();
    double writes = req.assumedWritesPerSecond() > 0 ? req.assumedWritesPerSecond() : p.workload() == null ? 0 : p.workload().writesPerSecond();
    double item = p.avgItemBytes() == null ? 1 : p.avgItemBytes();
    long rcu = Math.max(1, (long) Math.ceil(item / DynamoDbLimits.READ_UNIT_BYTES));
    long wcu = Math.max(1, (long) Math.ceil(item / DynamoDbLimits.WRITE_UNIT_BYTES));
    for (var e : t.keyRoles.entrySet()) {
      String col = e.getKey();
      String role = String.join(",", e.getValue());
      long distinct;
      boolean estimated;
      String source;
      List<Object[]> heavy = new ArrayList<>();
      Object[] st = stats.get(col);
      if (st != null) {
        double nd = (double) st[0];
        distinct = nd >= 0 ? (long) nd : Math.round(-nd * t.rows);
        estimated = true;
        source = "pg_stats (planner statistics from the last ANALYZE)";
        Object[] vals = (Object[]) st[1];
        Object[] freqs = (Object[]) st[2];
        for (int i = 0; i < Math.min(req.topValues(), Math.min(vals.length, freqs.length)); i++) {
          heavy.add(new Object[] {String.valueOf(vals[i]), ((Number) freqs[i]).doubleValue()});
        }
      } else if (histogram(t, col) != null) {
        MySqlHistograms.Histogram h = histogram(t, col);
        distinct = h.distinct() >= 0 ? h.distinct() : t.indexCardinality.getOrDefault(col, 0L);
        estimated = true;
        source = h.source();
        heavy.addAll(h.heaviest());
      } else {
        double f = fraction(t.rows, req.sampleRows());
        long[] dn = {0, 0};
        if (!query("distinct values of " + t.name + "." + col, sql.distinct(t.name, col, f, cap(req.sampleRows())), List.of(), rs -> {
          dn[0] = rs.getLong(1);
          dn[1] = rs.getLong(2);
        })) {
          continue;
        }
        Long card = t.indexCardinality.get(col);
        if (f < 1 && card != null) {
          distinct = card;
          estimated = true;
          source = "sampled GROUP BY (" + dn[1] + " rows); distinct from the index cardinality";
        } else {
          distinct = dn[0];
          estimated = f < 1;
          source = f < 1 ? "sampled GROUP BY (" + dn[1] + " rows)" : "exact GROUP BY";
        }
        query("heaviest values of " + t.name + "." + col, sql.heaviest(t.name, col, f, cap(req.sampleRows()), req.topValues()), List.of(), rs -> {
          String v = rs.getString(1);
          if (v != null && heavy.size() < req.topValues()) {
            heavy.add(new Object[] {v, rs.getLong(2) / Math.max(1.0, rs.getDouble(3))});
          }
        });
      }
      List<HeavyValue> values = new ArrayList<>();
      for (Object[] h : heavy) {
        double share = (double) h[1];
        double satR = share > 0 ? DynamoDbLimits.PARTITION_RCU / (share * rcu) : Double.POSITIVE_INFINITY;
        double satW = share > 0 ? DynamoDbLimits.PARTITION_WCU / (share * wcu) : Double.POSITIVE_INFINITY;
        boolean hot = (reads > 0 && reads > satR) || (writes > 0 && writes > satW);
        String value = (String) h[0];
        values.add(new HeavyValue(value, share, satR, satW, hot));
        if (hot) {
          diagnostics.add(Diagnostic.warning("Profile.HotKey", String.format(Locale.ROOT,
              "%s.%s = %s holds %.1f%% of the rows: at %.0f reads/s and %.0f writes/s on the table it alone exceeds one DynamoDB partition (%d RCU / %d WCU)",
              t.name, col, ProfileWriter.shorten(value, 40), share * 100, reads, writes, DynamoDbLimits.PARTITION_RCU, DynamoDbLimits.PARTITION_WCU), null,
              "do not use " + col + " alone as a partition key: add a suffix (write sharding) or choose a key with more even values"));
        }
      }
      out.add(new KeySkew(t.name, col, role, distinct, estimated, source, values));
    }
    return out;
  }
}
