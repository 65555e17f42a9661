package dev.ddbmodel.analyzer.internal.profile.bench;

import dev.ddbmodel.analyzer.internal.profile.ProfileRequest;
import dev.ddbmodel.analyzer.internal.profile.ProfileResult;
import dev.ddbmodel.analyzer.internal.profile.Profiler;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;

/**
 * The profiler's time on 2,000 tables and on one large table (10,000,000 rows by default), on the
 * local PostgreSQL (127.0.0.1:5432, trust), in a database of its own dropped afterwards. Reported
 * as ratios measured in this run: profile time over the default budget, and profile time over one
 * full {@code count(*)} scan of the large table (the cost of reading it once).
 *
 * <p>{@code bench/run profile [rows]}
 */
public final class ProfileBench {
  private ProfileBench() {}

  public static void main(String[] args) throws Exception {
    boolean maria = args.length > 0 && args[0].equals("mariadb");
    long rows = args.length > (maria ? 1 : 0) ? Long.parseLong(args[maria ? 1 : 0]) : 10_000_000L;
    if (maria) {
      mariadb(rows);
      return;
    }
    int pairs = 1_000;
    String db = "profile_bench_" + Long.toString(System.nanoTime(), 36);
    String url = "jdbc:postgresql://127.0.0.1:5432/";
    try (Connection c = DriverManager.getConnection(url + "postgres", "postgres", ""); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + db);
    }
    try {
      try (Connection c = DriverManager.getConnection(url + db, "postgres", ""); Statement s = c.createStatement()) {
        long t0 = System.nanoTime();
        for (int from = 1; from <= pairs; from += 100) {
          s.execute("DO $$ BEGIN FOR i IN " + from + ".." + Math.min(pairs, from + 99) + " LOOP "
            + "EXECUTE format('CREATE TABLE p%s (id int PRIMARY KEY, name text)', i); "
            + "EXECUTE format('CREATE TABLE c%s (id int PRIMARY KEY, p_id int NOT NULL REFERENCES p%s (id), v text)', i, i); "
            + "EXECUTE format('INSERT INTO p%s SELECT g, ''n'' || g FROM generate_series(1, 10) g', i); "
            + "EXECUTE format('INSERT INTO c%s SELECT g, 1 + g %% 10, ''v'' || g FROM generate_series(1, 30) g', i); "
            + "END LOOP; END $$");
        }
        s.execute("ANALYZE");
        System.err.printf(Locale.ROOT, "created %,d tables in %.1f s%n", 2 * pairs, (System.nanoTime() - t0) / 1e9);
      }
      ProfileResult many;
      double manySeconds;
      try (Connection c = DriverManager.getConnection(url + db, "postgres", "")) {
        long t0 = System.nanoTime();
        many = Profiler.profile(c, ProfileRequest.defaults());
        manySeconds = (System.nanoTime() - t0) / 1e9;
      }
      try (Connection c = DriverManager.getConnection(url + db, "postgres", ""); Statement s = c.createStatement()) {
        long t0 = System.nanoTime();
        s.execute("CREATE SCHEMA big");
        s.execute("CREATE TABLE big.users (id int PRIMARY KEY, name text NOT NULL)");
        s.execute("INSERT INTO big.users SELECT g, 'user ' || g FROM generate_series(1, 100000) g");
        s.execute("CREATE TABLE big.events (id bigint PRIMARY KEY, user_id int NOT NULL REFERENCES big.users (id), kind text NOT NULL, at timestamptz NOT NULL)");
        // user popularity skewed: a quarter of the events belong to user 1
        s.execute("INSERT INTO big.events SELECT g, CASE WHEN g % 4 = 0 THEN 1 ELSE 1 + (hashint8(g) & 2147483647) % 100000 END, "
            + "'kind' || (g % 7), timestamptz '2026-01-01' + g * interval '1 second' FROM generate_series(1, " + rows + ") g");
        s.execute("CREATE INDEX events_user ON big.events (user_id)");
        s.execute("ANALYZE big.users");
        s.execute("ANALYZE big.events");
        System.err.printf(Locale.ROOT, "created big.events with %,d rows in %.1f s%n", rows, (System.nanoTime() - t0) / 1e9);
      }
      double scanSeconds;
      try (Connection c = DriverManager.getConnection(url + db, "postgres", ""); Statement s = c.createStatement()) {
        long t0 = System.nanoTime();
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM big.events")) {
          rs.next();
        }
        scanSeconds = (System.nanoTime() - t0) / 1e9;
      }
      ProfileResult big;
      double bigSeconds;
      try (Connection c = DriverManager.getConnection(url + db, "postgres", "")) {
        long t0 = System.nanoTime();
        big = Profiler.profile(c, ProfileRequest.defaults().withSchema("big"));
        bigSeconds = (System.nanoTime() - t0) / 1e9;
      }
      double budget = ProfileRequest.defaults().budget().toSeconds();
      System.out.printf(Locale.ROOT, "profile, %,d tables: %.1f s, %,d statements, %d relationships; time / budget %.3f; skipped %d, warnings %d%n",
          many.tables().size(), manySeconds, many.statements(), many.relationships().size(), manySeconds / budget, many.skipped().size(), many.diagnostics().size());
      ProfileResult.Relationship r = big.relationships().get(0);
      System.out.printf(Locale.ROOT, "profile, %,d-row table: %.1f s, %,d statements; time / budget %.3f; time / one count(*) scan (%.1f s) %.2f; "
          + "events per user sampled over %,d parents: median %d, max %,d (%s); heaviest user_id share %.3f (generated 0.250)%n",
          rows, bigSeconds, big.statements(), bigSeconds / budget, scanSeconds, bigSeconds / scanSeconds, r.measured(), r.median(), r.max(), r.cardinality().label(),
          big.keys().stream().filter(k -> k.column().equals("user_id")).findFirst().map(k -> k.heaviest().get(0).share()).orElse(Double.NaN));
      big.diagnostics().forEach(d -> System.out.println("  " + d.id() + " " + d.message()));
    } finally {
      try (Connection c = DriverManager.getConnection(url + "postgres", "postgres", ""); Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
      }
    }
  }

  /**
   * The same two cases on the local MariaDB (127.0.0.1:3306, root), each in a database of its own
   * (a MariaDB database is the schema the profile measures), dropped afterwards.
   */
  static void mariadb(long rows) throws Exception {
    int pairs = 1_000;
    String db = "profile_bench_" + Long.toString(System.nanoTime(), 36);
    String big = db + "_big";
    String url = "jdbc:mariadb://127.0.0.1:3306/";
    try (Connection c = DriverManager.getConnection(url, "root", ""); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + db);
      s.execute("CREATE DATABASE " + big);
    }
    try {
      try (Connection c = DriverManager.getConnection(url + db, "root", ""); Statement s = c.createStatement()) {
        long t0 = System.nanoTime();
        for (int i = 1; i <= pairs; i++) {
          s.execute("CREATE TABLE p" + i + " (id INT PRIMARY KEY, name VARCHAR(20))");
          s.execute("CREATE TABLE c" + i + " (id INT PRIMARY KEY, p_id INT NOT NULL, v VARCHAR(20), FOREIGN KEY (p_id) REFERENCES p" + i + " (id))");
          s.execute("INSERT INTO p" + i + " SELECT seq, CONCAT('n', seq) FROM seq_1_to_10");
          s.execute("INSERT INTO c" + i + " SELECT seq, 1 + seq % 10, CONCAT('v', seq) FROM seq_1_to_30");
        }
        System.err.printf(Locale.ROOT, "created %,d tables in %.1f s%n", 2 * pairs, (System.nanoTime() - t0) / 1e9);
      }
      ProfileResult many;
      double manySeconds;
      try (Connection c = DriverManager.getConnection(url + db, "root", "")) {
        long t0 = System.nanoTime();
        many = Profiler.profile(c, ProfileRequest.defaults().withSchema(db));
        manySeconds = (System.nanoTime() - t0) / 1e9;
      }
      try (Connection c = DriverManager.getConnection(url + big, "root", ""); Statement s = c.createStatement()) {
        long t0 = System.nanoTime();
        s.execute("CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(30) NOT NULL)");
        s.execute("INSERT INTO users SELECT seq, CONCAT('user ', seq) FROM seq_1_to_100000");
        s.execute("CREATE TABLE events (id BIGINT PRIMARY KEY, user_id INT NOT NULL, kind VARCHAR(10) NOT NULL, at DATETIME NOT NULL)");
        // user popularity skewed: a quarter of the events belong to user 1
        s.execute("INSERT INTO events SELECT seq, CASE WHEN seq % 4 = 0 THEN 1 ELSE 1 + CRC32(seq) % 100000 END, CONCAT('kind', seq % 7), "
            + "TIMESTAMP '2026-01-01 00:00:00' + INTERVAL seq SECOND FROM seq_1_to_" + rows);
        s.execute("CREATE INDEX events_user ON events (user_id)");
        s.execute("SET SESSION foreign_key_checks = 0");
        s.execute("ALTER TABLE events ADD CONSTRAINT events_user_fk FOREIGN KEY (user_id) REFERENCES users (id)");
        s.execute("ANALYZE TABLE users, events");
        System.err.printf(Locale.ROOT, "created events with %,d rows in %.1f s%n", rows, (System.nanoTime() - t0) / 1e9);
      }
      double scanSeconds;
      try (Connection c = DriverManager.getConnection(url + big, "root", ""); Statement s = c.createStatement()) {
        long t0 = System.nanoTime();
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM events")) {
          rs.next();
        }
        scanSeconds = (System.nanoTime() - t0) / 1e9;
      }
      ProfileResult large;
      double bigSeconds;
      try (Connection c = DriverManager.getConnection(url + big, "root", "")) {
        long t0 = System.nanoTime();
        large = Profiler.profile(c, ProfileRequest.defaults().withSchema(big));
        bigSeconds = (System.nanoTime() - t0) / 1e9;
      }
      report("MariaDB", many, manySeconds, large, bigSeconds, scanSeconds, rows);
    } finally {
      try (Connection c = DriverManager.getConnection(url, "root", ""); Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + db);
        s.execute("DROP DATABASE IF EXISTS " + big);
      }
    }
  }

  static void report(String engine, ProfileResult many, double manySeconds, ProfileResult big, double bigSeconds, double scanSeconds, long rows) {
    double budget = ProfileRequest.defaults().budget().toSeconds();
    System.out.printf(Locale.ROOT, "%s profile, %,d tables: %.1f s, %,d statements, %d relationships; time / budget %.3f; skipped %d, warnings %d%n", engine,
        many.tables().size(), manySeconds, many.statements(), many.relationships().size(), manySeconds / budget, many.skipped().size(), many.diagnostics().size());
    ProfileResult.Relationship r = big.relationships().isEmpty() ? null : big.relationships().get(0);
    System.out.printf(Locale.ROOT, "%s profile, %,d-row table: %.1f s, %,d statements; time / budget %.3f; time / one count(*) scan (%.1f s) %.2f; %s; "
        + "heaviest user_id share %.3f (generated 0.250)%n", engine, rows, bigSeconds, big.statements(), bigSeconds / budget, scanSeconds, bigSeconds / scanSeconds,
        r == null ? "no relationship measured" : String.format(Locale.ROOT, "events per user over %,d parents%s: median %d, max %,d (%s)", r.measured(),
            r.sampled() ? " (sampled)" : "", r.median(), r.max(), r.cardinality().label()),
        big.keys().stream().filter(k -> k.column().equals("user_id")).findFirst().filter(k -> !k.heaviest().isEmpty()).map(k -> k.heaviest().get(0).share())
            .orElse(Double.NaN));
    big.diagnostics().forEach(d -> System.out.println("  " + d.id() + " " + d.message()));
  }
}
