package dev.ddbmodel.analyzer.internal.workload;

import dev.ddbmodel.analyzer.AnalyzerRequest;
import dev.ddbmodel.analyzer.AnalyzerResult;
import dev.ddbmodel.analyzer.ResultTable;
import dev.ddbmodel.analyzer.SourceDbAnalyzer;
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

  static long count(String table) throws Exception {
    try (Connection c = conn(); Statement s = c.createStatement(); var rs = s.executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
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
    assertThat(res.table("foreign_key_analysis").orElseThrow().rows()).hasSize(26);
    assertThat(res.table("index_analysis").orElseThrow().rows()).anySatisfy(row -> assertThat(row.get(2)).isEqualTo("idx_orders_customer_created"));
    ResultTable patterns = res.table("query_pattern_analysis").orElseThrow();
    int q = patterns.column("query_pattern");
    int calls = patterns.column("calls");
    assertThat(patterns.rows()).anySatisfy(row -> {
      assertThat(row.get(q)).contains("FROM orders WHERE customer_id");
      assertThat(Integer.parseInt(row.get(calls))).isGreaterThanOrEqualTo(60);
    });
    // only the application's reads and writes, over the real statistics window
    assertThat(patterns.rows()).noneMatch(row -> row.get(q).contains("pg_stat_statements") || row.get(q).contains("pg_class")
        || row.get(q).contains("ddbm_marker") || row.get(q).startsWith("CREATE") || row.get(q).startsWith("SET") || row.get(q).startsWith("ANALYZE"));
    assertThat(patterns.rows()).allSatisfy(row -> assertThat(row.get(patterns.column("statement_kind"))).isIn("read", "write"));
    assertThat(res.warnings()).anyMatch(w -> w.startsWith("statistics reset recently")).anyMatch(w -> w.startsWith("left out of the query patterns"));
    String manifest = Files.readString(res.path().resolve("manifest.md"));
    assertThat(manifest).contains("- Tables: 22").contains("[Query patterns](query_pattern_analysis.md)").contains("stats_reset to now");
    assertThat(Files.readString(res.path().resolve("query_pattern_analysis.md"))).contains("| rps |");
    // analysis.json: valid against its schema, holding the catalog with keys and rules and the classified patterns
    String json = Files.readString(res.path().resolve("analysis.json"));
    assertThat(AnalysisJsonTest.validate(json)).isEmpty();
    var doc = dev.ddbmodel.core.json.Json.mapper().readTree(json);
    assertThat(doc.path("generated_at").asText()).isEqualTo("2026-03-04T05:06:07Z");
    assertThat(doc.path("schema").path("tables").size()).isEqualTo(22);
    var orders = java.util.stream.StreamSupport.stream(doc.path("schema").path("tables").spliterator(), false)
        .filter(t -> t.path("name").asText().equals("orders")).findFirst().orElseThrow();
    assertThat(orders.path("primary_key").toString()).isEqualTo("[\"id\"]");
    assertThat(orders.path("foreign_keys")).anySatisfy(fk -> {
      assertThat(fk.path("referenced_table").asText()).isEqualTo("customers");
      assertThat(fk.path("columns").toString()).isEqualTo("[\"customer_id\"]");
      assertThat(fk.path("delete_rule").isTextual()).isTrue();
    });
    assertThat(orders.path("indexes")).anySatisfy(ix -> assertThat(ix.path("name").asText()).isEqualTo("idx_orders_customer_created"));
    assertThat(doc.path("statistics").path("query_patterns")).anySatisfy(p -> {
      assertThat(p.path("text").asText()).contains("FROM orders WHERE customer_id");
      assertThat(p.path("kind").asText()).isEqualTo("read");
      assertThat(p.path("calls").asLong()).isGreaterThanOrEqualTo(60);
      assertThat(p.path("rate_per_second").isNumber()).isTrue();
    });
    assertThat(doc.path("workload").path("tables_together")).anySatisfy(t -> assertThat(t.path("tables").toString()).isEqualTo("[\"order_items\",\"products\"]"));
    assertThat(doc.path("statistics").path("left_out").path("own").asInt()).isPositive();
    assertThat(Files.readString(res.path().resolve("query_pattern_analysis.md"))).contains("## Tables queried together")
        .contains("| order_items + products | 1 | ").contains("## Top patterns per table");
  }

  @Test
  void managedModeIsReadOnlyAndTruncates() throws Exception {
    var r = SourceDbAnalyzer.run(AnalyzerRequest.builder("postgresql", out).identifier(DB).mode("managed").host("127.0.0.1").port(pg.port)
        .credentials("postgres", "").maxResults(5).clock(CLOCK).build()).unwrap();
    ResultTable cols = r.table("column_analysis").orElseThrow();
    // never cut inside a table: addresses (4 columns) is whole, the next table would exceed 5 rows and is named
    assertThat(cols.rows()).hasSize(4).allSatisfy(row -> assertThat(row.get(cols.column("table_name"))).isEqualTo("addresses"));
    assertThat(cols.truncated()).isTrue();
    assertThat(cols.omitted()).startsWith("public.cart_items").hasSize(21);
    assertThat(Files.readString(r.path().resolve("column_analysis.md"))).contains("truncated at 5; whole tables left out: public.cart_items");
    // a write sent through the managed connection itself is refused by the server, and nothing changes
    long before = count("order_items");
    List<ResultTable> w = Managed.run(new dev.ddbmodel.analyzer.internal.dialect.PostgresDialect(), new Credentials("postgres", "", "127.0.0.1"), pg.port, DB,
        List.of(new AnalysisQuery("write", AnalysisQuery.Category.SCHEMA, "Write", "DELETE FROM order_items WHERE order_id > ? RETURNING order_id", List.of(0))),
        10, 5);
    assertThat(w.get(0).error()).startsWith("25006").contains("read-only");
    assertThat(count("order_items")).isEqualTo(before).isPositive();
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
    AnalyzerResult managed = SourceDbAnalyzer.run(AnalyzerRequest.builder("postgresql", Files.createDirectories(out.resolve("managed"))).identifier(DB)
        .mode("managed").host("127.0.0.1").port(pg.port).credentials("postgres", "").profile(false).clock(CLOCK).build()).unwrap();
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
      assertThat(ok.table("foreign_key_analysis").orElseThrow().rows()).hasSize(26);
      ResultTable cols = ok.table("column_analysis").orElseThrow();
      assertThat(cols.rows()).anySatisfy(row -> assertThat(row.get(cols.column("column_default"))).isNull());
      // analysis.json: valid, and the schema part is the managed run's, byte for byte
      String json = Files.readString(ok.path().resolve("analysis.json"));
      assertThat(AnalysisJsonTest.validate(json)).isEmpty();
      assertThat(schemaPart(json)).isEqualTo(schemaPart(Files.readString(managed.path().resolve("analysis.json"))));
      // the first round of the data profile: its second file is in the folder (SelfServiceProfileIT runs it)
      assertThat(dev.ddbmodel.core.json.Json.mapper().readTree(json).path("profile").path("state").asText()).isEqualTo("pending");
      assertThat(ok.files()).contains(dev.ddbmodel.analyzer.internal.profile.SelfServiceProfile.FILE);
    }
  }

  /** The {@code schema} member of an analysis.json, as text. */
  static String schemaPart(String json) throws Exception {
    return dev.ddbmodel.core.json.Json.pretty(dev.ddbmodel.core.json.Json.mapper().readTree(json).path("schema"));
  }

  static final String CLUSTER = "arn:aws:rds:eu-west-1:123456789012:cluster:shop-aurora";
  static final String SECRET = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:shop-aurora-AbCdEf";
  static final software.amazon.awssdk.auth.credentials.AwsCredentialsProvider AWS =
      software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("test", "test"));

  DataApiServer dataApi() throws Exception {
    return new DataApiServer(CLUSTER, SECRET, "jdbc:postgresql://127.0.0.1:" + pg.port + "/", "postgres", "");
  }

  @Test
  void managedModeOverTheRdsDataApi() throws Exception {
    try (DataApiServer api = dataApi()) {
      var r = SourceDbAnalyzer.run(AnalyzerRequest.builder("aurora-postgresql", out).identifier(DB).mode("managed").clusterArn(CLUSTER).secretArn(SECRET)
          .region("eu-west-1").rdsDataEndpoint(api.endpoint()).awsCredentials(AWS).clock(CLOCK).build());
      assertThat(r.isValid()).as(r.diagnostics().toString()).isTrue();
      AnalyzerResult res = r.unwrap();
      assertThat(res.problems()).isEmpty();
      assertThat(res.table("table_analysis").orElseThrow().rows()).hasSize(22);
      assertThat(res.table("foreign_key_analysis").orElseThrow().rows()).hasSize(26);
      ResultTable patterns = res.table("query_pattern_analysis").orElseThrow();
      assertThat(patterns.rows()).anySatisfy(row -> {
        assertThat(row.get(patterns.column("query_pattern"))).contains("FROM orders WHERE customer_id");
        assertThat(Integer.parseInt(row.get(patterns.column("calls")))).isGreaterThanOrEqualTo(60);
      });
      // one transaction: read-only and a timeout first, the seven queries, then always a rollback
      assertThat(api.calls).containsExactly("BeginTransaction", "Execute", "Execute", "Execute", "Execute", "Execute", "Execute", "Execute", "Execute", "Execute",
          "RollbackTransaction");
      assertThat(api.bodies.get(1).path("sql").asText()).isEqualTo("SET TRANSACTION READ ONLY");
      assertThat(api.bodies.get(2).path("sql").asText()).isEqualTo("SET LOCAL statement_timeout = 30000");
      // values travel as bind parameters, never inside the SQL text
      var tableQuery = api.bodies.get(3);
      assertThat(tableQuery.path("sql").asText()).contains("current_database() = :p1").doesNotContain(DB);
      assertThat(tableQuery.path("parameters").get(0).path("value").path("stringValue").asText()).isEqualTo(DB);
      assertThat(tableQuery.path("continueAfterTimeout").asBoolean(true)).isFalse();
      assertThat(api.openTransactions()).isZero();
      // same content as the direct JDBC connection
      var direct = SourceDbAnalyzer.run(AnalyzerRequest.builder("postgresql", Files.createDirectories(out.resolve("direct"))).identifier(DB).mode("managed")
          .host("127.0.0.1").port(pg.port).credentials("postgres", "").clock(CLOCK).build()).unwrap();
      assertThat(res.table("column_analysis").orElseThrow().rows()).isEqualTo(direct.table("column_analysis").orElseThrow().rows());
      assertThat(Files.readString(res.path().resolve("table_analysis.md"))).isEqualTo(Files.readString(direct.path().resolve("table_analysis.md")));
    }
  }

  @Test
  void dataApiTransactionIsReadOnlyAndTimesOut() throws Exception {
    long before;
    try (Connection c = conn(); Statement s = c.createStatement(); var rs = s.executeQuery("SELECT count(*) FROM orders")) {
      rs.next();
      before = rs.getLong(1);
    }
    try (DataApiServer api = dataApi()) {
      AnalyzerRequest req = AnalyzerRequest.builder("postgresql", out).identifier(DB).mode("managed").clusterArn(CLUSTER).secretArn(SECRET)
          .region("eu-west-1").rdsDataEndpoint(api.endpoint()).awsCredentials(AWS).build();
      long t0 = System.nanoTime();
      List<ResultTable> r = DataApi.run(new dev.ddbmodel.analyzer.internal.dialect.PostgresDialect(), req, "eu-west-1", DB, List.of(
          new AnalysisQuery("write", AnalysisQuery.Category.SCHEMA, "Write", "DELETE FROM orders WHERE id > ?", List.of(0)),
          new AnalysisQuery("slow", AnalysisQuery.Category.SCHEMA, "Slow", "SELECT pg_sleep(20)", List.of())), 10, 1);
      assertThat(r.get(0).error()).startsWith("DatabaseErrorException").contains("read-only");
      // after the failed write the transaction is aborted, so the second statement fails as well; run the timeout alone
      List<ResultTable> slow = DataApi.run(new dev.ddbmodel.analyzer.internal.dialect.PostgresDialect(), req, "eu-west-1", DB, List.of(
          new AnalysisQuery("slow", AnalysisQuery.Category.SCHEMA, "Slow", "SELECT pg_sleep(20)", List.of())), 10, 1);
      assertThat(slow.get(0).error()).contains("57014");
      assertThat((System.nanoTime() - t0) / 1_000_000_000.0).isLessThan(10.0);
      assertThat(api.openTransactions()).isZero();
    }
    try (Connection c = conn(); Statement s = c.createStatement(); var rs = s.executeQuery("SELECT count(*) FROM orders")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(before).isPositive();
    }
  }

  @Test
  void dataApiRefusalsAreDiagnostics() throws Exception {
    try (DataApiServer api = new DataApiServer("arn:aws:rds:eu-west-1:123456789012:cluster:other", SECRET, "jdbc:postgresql://127.0.0.1:" + pg.port + "/",
        "postgres", "")) {
      var r = SourceDbAnalyzer.run(AnalyzerRequest.builder("postgresql", out).identifier(DB).mode("managed").clusterArn(CLUSTER).secretArn(SECRET)
          .region("eu-west-1").rdsDataEndpoint(api.endpoint()).awsCredentials(AWS).build());
      assertThat(r.isValid()).isFalse();
      assertThat(r.diagnostics()).singleElement().satisfies(d -> {
        assertThat(d.id()).isEqualTo("Analyzer.DataApi");
        assertThat(d.message()).contains("BadRequestException").contains("HttpEndpoint is not enabled");
        assertThat(d.hint()).contains("rds-data:ExecuteStatement");
      });
      try (var files = Files.list(out)) {
        assertThat(files).isEmpty();
      }
    }
  }

  @Test
  void secretFromSecretsManagerIsUsedAndNeverWrittenOrPrinted() throws Exception {
    String password = "pw-" + java.util.UUID.randomUUID();
    var sm = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    sm.createContext("/", ex -> {
      ex.getRequestBody().readAllBytes();
      byte[] body = dev.ddbmodel.core.json.Json.compact(java.util.Map.of("ARN", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:pg", "Name", "pg",
          "SecretString", "{\"username\":\"postgres\",\"password\":\"" + password + "\",\"host\":\"127.0.0.1\"}")).getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    sm.start();
    var stdout = new java.io.ByteArrayOutputStream();
    var stderr = new java.io.ByteArrayOutputStream();
    java.io.PrintStream oldOut = System.out;
    java.io.PrintStream oldErr = System.err;
    AnalyzerResult res;
    try {
      System.setOut(new java.io.PrintStream(stdout, true, StandardCharsets.UTF_8));
      System.setErr(new java.io.PrintStream(stderr, true, StandardCharsets.UTF_8));
      res = SourceDbAnalyzer.run(AnalyzerRequest.builder("postgresql", out).identifier(DB).mode("managed").host("127.0.0.1").port(pg.port)
          .secretArn("arn:aws:secretsmanager:eu-west-1:123456789012:secret:pg").region("eu-west-1").awsCredentials(AWS)
          .secretsManagerEndpoint(java.net.URI.create("http://127.0.0.1:" + sm.getAddress().getPort())).clock(CLOCK).build()).unwrap();
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
      sm.stop(0);
    }
    assertThat(res.table("table_analysis").orElseThrow().rows()).hasSize(22);
    assertThat(res.toText()).doesNotContain(password);
    assertThat(stdout.toString(StandardCharsets.UTF_8) + stderr.toString(StandardCharsets.UTF_8)).doesNotContain(password);
    try (var files = Files.walk(out)) {
      List<Path> written = files.filter(Files::isRegularFile).toList();
      assertThat(written).hasSizeGreaterThan(5);
      for (Path f : written) {
        assertThat(Files.readString(f, StandardCharsets.UTF_8)).as(f.toString()).doesNotContain(password);
      }
    }
  }
}
