package dev.ddbmodel.analyzer.bench;

import dev.ddbmodel.analyzer.AnalyzerRequest;
import dev.ddbmodel.analyzer.AnalyzerResult;
import dev.ddbmodel.analyzer.SourceDbAnalyzer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Locale;

/**
 * Managed analysis of PostgreSQL (127.0.0.1:5432) and MariaDB (127.0.0.1:3306) databases of 200
 * and 2,000 tables (6 columns, a composite primary key, a foreign key each): time and peak heap,
 * and the 2,000/200 time ratio (linear is 10). {@code bench/run analyzer}.
 */
public final class CatalogBench {
  private CatalogBench() {}

  public static void main(String[] args) throws Exception {
    System.out.println("== analyzer catalog (managed mode, one run)");
    for (String db : new String[] {"postgresql", "mysql"}) {
      double small = run(db, 200);
      double large = run(db, 2000);
      System.out.printf(Locale.ROOT, "%-10s 2000/200 tables time ratio: %.2f (linear = 10)%n", db, large / small);
    }
  }

  static Connection admin(String db, String database) throws Exception {
    return db.equals("postgresql") ? DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database, "postgres", "")
        : DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/" + database, "root", "");
  }

  static double run(String db, int tables) throws Exception {
    String name = "ddbm_bench_" + tables + "_" + ProcessHandle.current().pid();
    try (Connection c = admin(db, db.equals("postgresql") ? "postgres" : ""); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    Path out = Files.createTempDirectory("analyzer-bench");
    try {
      try (Connection c = admin(db, name); Statement s = c.createStatement()) {
        c.setAutoCommit(false);
        for (int i = 0; i < tables; i++) {
          String fk = i == 0 ? "" : ", FOREIGN KEY (parent_a, parent_b) REFERENCES t" + (i - 1) + " (a, b)";
          s.execute("CREATE TABLE t" + i + " (a INT NOT NULL, b INT NOT NULL, name VARCHAR(120), amount NUMERIC(10,2), parent_a INT, parent_b INT,"
              + " PRIMARY KEY (a, b)" + fk + ")");
        }
        c.commit();
      }
      System.gc();
      long heapBefore = used();
      resetPeaks();
      long t0 = System.nanoTime();
      var r = SourceDbAnalyzer.run(AnalyzerRequest.builder(db, out).identifier(name).mode("managed").host("127.0.0.1")
          .port(db.equals("postgresql") ? 5432 : 3306).credentials(db.equals("postgresql") ? "postgres" : "root", "").maxResults(100_000).build());
      double seconds = (System.nanoTime() - t0) / 1e9;
      AnalyzerResult a = r.unwrap();
      System.out.printf(Locale.ROOT, "%-10s %5d tables: %6.2f s, peak heap %5.1f MB (before %5.1f MB), %d columns, %d foreign keys, failed queries: %d%n", db, tables,
          seconds, peak() / 1048576.0, heapBefore / 1048576.0, a.table("column_analysis").orElseThrow().rows().size(),
          a.table("foreign_key_analysis").orElseThrow().rows().size(), a.tables().stream().filter(t -> t.failed()).count());
      return seconds;
    } finally {
      try (Connection c = admin(db, db.equals("postgresql") ? "postgres" : ""); Statement s = c.createStatement()) {
        s.execute("DROP DATABASE " + name + (db.equals("postgresql") ? " WITH (FORCE)" : ""));
      }
      try (var files = Files.walk(out)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  static long used() {
    return Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
  }

  static void resetPeaks() {
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  static long peak() {
    return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).mapToLong(p -> p.getPeakUsage().getUsed()).sum();
  }
}
