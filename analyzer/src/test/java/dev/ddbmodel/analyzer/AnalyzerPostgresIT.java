package dev.ddbmodel.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Managed and self-service analysis of a real PostgreSQL (throwaway instance with pg_stat_statements). */
class AnalyzerPostgresIT {
  static Throwaway pg;
  static final String DB = "shop_analysis";

  @TempDir Path out;

  @BeforeAll
  static void start() throws Exception {
    pg = Throwaway.postgres();
    try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pg.port + "/postgres", "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + DB);
    }
    try (Connection c = conn(); Statement s = c.createStatement()) {
      s.execute("CREATE EXTENSION pg_stat_statements");
      for (String stmt : Files.readString(Path.of("src/test/resources/dev/ddbmodel/analyzer/shop_schema.sql"), StandardCharsets.UTF_8).split(";\n")) {
        if (!stmt.isBlank()) {
          s.execute(stmt);
        }
      }
      s.execute("ANALYZE");
      s.execute("SELECT pg_stat_statements_reset()");
      try (PreparedStatement p = c.prepareStatement("SELECT id, status, total FROM orders WHERE customer_id = ? ORDER BY created_at DESC")) {
        for (int i = 0; i < 60; i++) {
          p.setInt(1, 1 + i % 2);
          p.executeQuery().close();
        }
      }
      try (PreparedStatement p = c.prepareStatement("SELECT p.name, oi.qty FROM order_items oi JOIN products p ON p.id = oi.product_id WHERE oi.order_id = ?")) {
        for (int i = 0; i < 25; i++) {
          p.setInt(1, 10 + i % 3);
          p.executeQuery().close();
        }
      }
    }
  }

  static Connection conn() throws Exception {
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pg.port + "/" + DB, "postgres", "");
  }

  @AfterAll
  static void stop() throws Exception {
    if (pg != null) {
      pg.close();
    }
  }

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC);

  @Test
  void managedModeReadsCatalogAndStatistics() throws Exception {
    var r = SourceDbAnalyzer.run(AnalyzerRequest.builder("postgresql", out).identifier(DB).mode("managed").host("127.0.0.1").port(pg.port)
        .credentials("postgres", "").clock(CLOCK).build());
    assertThat(r.isValid()).as(r.diagnostics().toString()).isTrue();
    AnalyzerResult res = r.unwrap();
    assertThat(res.path().getFileName().toString()).isEqualTo("database_analysis_20260304_050607");
    assertThat(res.problems()).isEmpty();
    assertThat(res.table("table_analysis").orElseThrow().rows()).hasSize(22);
    assertThat(res.table("foreign_key_analysis").orElseThrow().rows().size()).isGreaterThanOrEqualTo(25);
    assertThat(res.table("index_analysis").orElseThrow().rows()).anySatisfy(row -> assertThat(row.get(2)).isEqualTo("idx_orders_customer_created"));
    ResultTable patterns = res.table("query_pattern_analysis").orElseThrow();
    int q = patterns.column("query_pattern");
    int calls = patterns.column("calls");
    assertThat(patterns.rows()).anySatisfy(row -> {
      assertThat(row.get(q)).contains("FROM orders WHERE customer_id");
      assertThat(Integer.parseInt(row.get(calls))).isGreaterThanOrEqualTo(60);
    });
    String manifest = Files.readString(res.path().resolve("manifest.md"));
    assertThat(manifest).contains("- Tables: 22").contains("[Query patterns](query_pattern_analysis.md)");
    assertThat(Files.readString(res.path().resolve("query_pattern_analysis.md"))).contains("| rps |");
  }

  @Test
  void managedModeIsReadOnlyAndTruncates() throws Exception {
    var r = SourceDbAnalyzer.run(AnalyzerRequest.builder("postgresql", out).identifier(DB).mode("managed").host("127.0.0.1").port(pg.port)
        .credentials("postgres", "").maxResults(5).clock(CLOCK).build()).unwrap();
    ResultTable cols = r.table("column_analysis").orElseThrow();
    assertThat(cols.rows()).hasSize(5);
    assertThat(cols.truncated()).isTrue();
    assertThat(Files.readString(r.path().resolve("column_analysis.md"))).contains("truncated at 5");
    // the analyzer's session settings: a write through the same settings fails
    try (Connection c = conn(); Statement s = c.createStatement()) {
      s.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.execute("DELETE FROM orders")).hasMessageContaining("read-only");
    }
  }

  @Test
  void statementTimeoutIsHonoured() throws Exception {
    try (Connection c = conn()) {
      long t0 = System.nanoTime();
      ResultTable slow = Managed.one(c, new AnalysisQuery("slow", AnalysisQuery.Category.SCHEMA, "Slow", "SELECT pg_sleep(20)", List.of()), 10, 1);
      assertThat(slow.failed()).isTrue();
      assertThat(slow.error()).startsWith("57014");
      assertThat((System.nanoTime() - t0) / 1_000_000_000.0).isLessThan(10.0);
    }
  }

  @Test
  void selfServiceWithTheRealPsqlClient() throws Exception {
    Path sql = out.resolve("queries.sql");
    var step1 = SourceDbAnalyzer.run(AnalyzerRequest.builder("postgresql", out).identifier(DB).queriesFile(sql).clock(CLOCK).build()).unwrap();
    assertThat(step1.kind()).isEqualTo("queries_written");
    for (List<String> flags : List.of(List.<String>of(), List.of("-A"))) {
      List<String> cmd = new java.util.ArrayList<>(List.of("psql", "-h", "127.0.0.1", "-p", Integer.toString(pg.port), "-U", "postgres", "-d", DB, "-f", sql.toString()));
      cmd.addAll(flags);
      String output = Throwaway.exec(cmd, 120);
      Path results = out.resolve("results" + flags.size() + ".txt");
      Files.writeString(results, output);
      Path sub = Files.createDirectories(out.resolve("run" + flags.size()));
      var step2 = SourceDbAnalyzer.run(AnalyzerRequest.builder("postgresql", sub).identifier(DB).resultFile(results).clock(CLOCK).build());
      assertThat(step2.isValid()).as(step2.diagnostics().toString()).isFalse();
      // results outside output_dir are refused (path guard); copy it in
      Files.copy(results, sub.resolve("results.txt"));
      var ok = SourceDbAnalyzer.run(AnalyzerRequest.builder("postgresql", sub).identifier(DB).resultFile(sub.resolve("results.txt")).clock(CLOCK).build()).unwrap();
      assertThat(ok.problems()).as(output).isEmpty();
      assertThat(ok.table("table_analysis").orElseThrow().rows()).hasSize(22);
      assertThat(ok.table("foreign_key_analysis").orElseThrow().rows().size()).isGreaterThanOrEqualTo(25);
      ResultTable cols = ok.table("column_analysis").orElseThrow();
      assertThat(cols.rows()).anySatisfy(row -> assertThat(row.get(cols.column("column_default"))).isNull());
    }
  }
}
