package dev.ddbmodel.analyzer.internal.profile;

import dev.ddbmodel.analyzer.ResultTable;
import dev.ddbmodel.analyzer.internal.profile.ProfileResult.Cardinality;
import dev.ddbmodel.analyzer.internal.profile.ProfileResult.HeavyValue;
import dev.ddbmodel.analyzer.internal.profile.ProfileResult.KeySkew;
import dev.ddbmodel.analyzer.internal.profile.ProfileResult.Relationship;
import dev.ddbmodel.analyzer.internal.profile.ProfileResult.TableProfile;
import dev.ddbmodel.core.Diagnostic;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Measures the data of a PostgreSQL or MySQL/MariaDB database through a plain JDBC connection:
 * children per parent along every foreign key, distinct counts and heaviest values of key columns,
 * row and DynamoDB item sizes, and the read/write mix the engine's statistics count. It runs the
 * statements of {@link ProfilePlan} — the same ones a self-service file holds — and reads their
 * results with the same code.
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
  private long deadline;

  private Profiler(Connection conn, ProfileRequest req) {
    this.conn = conn;
    this.req = req;
  }

  /** Profiles the connection's database; the caller keeps ownership of the connection. */
  public static ProfileResult profile(Connection conn, ProfileRequest req) throws SQLException {
    return new Profiler(conn, req).run();
  }

  private ProfileResult run() throws SQLException {
    long start = System.nanoTime();
    deadline = start + req.budget().toNanos();
    String product = conn.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
    String engine;
    if (product.contains("postgres")) {
      engine = "postgresql";
    } else if (product.contains("mysql") || product.contains("mariadb")) {
      engine = "mysql";
    } else {
      throw new SQLException("profiling supports PostgreSQL and MySQL/MariaDB, not " + product);
    }
    boolean wasReadOnly = conn.isReadOnly();
    boolean wasAutoCommit = conn.getAutoCommit();
    conn.setReadOnly(true);
    conn.setAutoCommit(false);
    try {
      Map<String, ResultTable> results = new LinkedHashMap<>();
      // stage 1 runs whatever the budget says: the catalog is what says what was left out
      for (ProfilePlan.Statement s : ProfilePlan.catalog(engine, req.schema(), req)) {
        results.put(s.name(), query(s));
      }
      ProfilePlan.Facts facts;
      try {
        facts = ProfilePlan.facts(engine, req.schema(), results::get, req);
      } catch (IllegalStateException e) {
        throw new SQLException(e.getMessage());
      }
      List<ProfilePlan.Statement> plan = ProfilePlan.measure(facts, req);
      Set<String> unreadable = new HashSet<>();
      for (ProfilePlan.Statement s : plan) {
        // a table whose first statement was refused is not asked again
        String table = table(s.name());
        if (table != null && unreadable.contains(table)) {
          continue;
        }
        if (System.nanoTime() >= deadline) {
          break;
        }
        ResultTable r = query(s);
        results.put(s.name(), r);
        if (table != null && r.failed() && (s.name().endsWith("_count") || s.name().endsWith("_access"))) {
          unreadable.add(table);
        }
      }
      return ProfilePlan.interpret(facts, req, plan, results::get, "budget exhausted", what -> Diagnostic.warning("Profile.BudgetExhausted",
          "the profiling budget of " + req.budget().toSeconds() + " s ran out at " + what + "; what follows was not profiled", null,
          "raise the budget or lower the limits; the skipped items are listed in profile.md"), (System.nanoTime() - start) / 1_000_000);
    } finally {
      try {
        conn.rollback();
      } finally {
        conn.setAutoCommit(wasAutoCommit);
        conn.setReadOnly(wasReadOnly);
      }
    }
  }

  /** The table number of a per-table or key section ({@code profile_t3_size}, {@code profile_k3_0_distinct}: {@code 3}); null for others. */
  private static String table(String name) {
    String rest = name.substring(ProfilePlan.PREFIX.length());
    if (!rest.startsWith("t") && !rest.startsWith("k")) {
      return null;
    }
    int u = rest.indexOf('_');
    return u < 0 ? null : rest.substring(1, u);
  }

  /**
   * Runs one SELECT; its rows as the server's text (what a client prints), or a failed table with
   * the SQLSTATE and the engine's message.
   */
  private ResultTable query(ProfilePlan.Statement s) {
    try (PreparedStatement ps = conn.prepareStatement(s.sql())) {
      long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000_000L);
      ps.setQueryTimeout((int) Math.max(1, Math.min(req.statementTimeout().toSeconds(), left)));
      List<List<String>> rows = new ArrayList<>();
      List<String> cols = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        int n = rs.getMetaData().getColumnCount();
        for (int i = 1; i <= n; i++) {
          cols.add(rs.getMetaData().getColumnLabel(i));
        }
        while (rs.next()) {
          List<String> row = new ArrayList<>(n);
          for (int i = 1; i <= n; i++) {
            row.add(rs.getString(i));
          }
          rows.add(row);
        }
      }
      // one short read-only transaction per statement: no snapshot held for the whole run, and the
      // share locks of thousands of tables are not accumulated (PostgreSQL: "out of shared memory")
      conn.rollback();
      return new ResultTable(s.name(), cols, rows, false, "");
    } catch (SQLException e) {
      try {
        conn.rollback();
      } catch (SQLException ignored) {
        // the connection reports its own state on the next statement
      }
      String m = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
      return ResultTable.failed(s.name(), e.getSQLState() + ": " + m);
    }
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

}
