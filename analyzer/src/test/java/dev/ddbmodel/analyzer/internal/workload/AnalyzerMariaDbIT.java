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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Managed and self-service analysis of a real MariaDB (throwaway instance with performance_schema on). */
class AnalyzerMariaDbIT {
  static Throwaway db;
  static final String DB = "shop_analysis";

  @TempDir Path out;

  static Connection conn(String database) throws Exception {
    return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + db.port + "/" + database, "root", "");
  }

  @BeforeAll
  static void start() throws Exception {
    db = Throwaway.mariadb();
    try (Connection c = conn(""); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + DB);
    }
    try (Connection c = conn(DB); Statement s = c.createStatement()) {
      for (String stmt : Files.readString(Path.of("src/test/resources/dev/ddbmodel/analyzer/shop_schema.sql"), StandardCharsets.UTF_8).split(";\n")) {
        if (!stmt.isBlank()) {
          s.execute(stmt);
        }
      }
      try (PreparedStatement p = c.prepareStatement("SELECT id, status, total FROM orders WHERE customer_id = ? ORDER BY created_at DESC")) {
        for (int i = 0; i < 60; i++) {
          p.setInt(1, 1 + i % 2);
          p.executeQuery().close();
        }
      }
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (db != null) {
      db.close();
    }
  }

  @Test
  void managedMode() throws Exception {
    var r = SourceDbAnalyzer.run(AnalyzerRequest.builder("mysql", out).identifier(DB).mode("managed").host("127.0.0.1").port(db.port)
        .credentials("root", "").build());
    assertThat(r.isValid()).as(r.diagnostics().toString()).isTrue();
    AnalyzerResult res = r.unwrap();
    assertThat(res.problems()).isEmpty();
    assertThat(res.table("table_analysis").orElseThrow().rows()).hasSize(22);
    assertThat(res.table("foreign_key_analysis").orElseThrow().rows()).hasSize(26);
    ResultTable patterns = res.table("query_pattern_analysis").orElseThrow();
    assertThat(patterns.rows()).anySatisfy(row -> {
      assertThat(row.get(patterns.column("query_pattern"))).containsIgnoringCase("FROM `orders` WHERE `customer_id`");
      assertThat(Integer.parseInt(row.get(patterns.column("calls")))).isGreaterThanOrEqualTo(60);
    });
    String json = Files.readString(res.path().resolve("analysis.json"));
    assertThat(AnalysisJsonTest.validate(json)).isEmpty();
    var doc = dev.ddbmodel.core.json.Json.mapper().readTree(json);
    var orders = java.util.stream.StreamSupport.stream(doc.path("schema").path("tables").spliterator(), false)
        .filter(t -> t.path("name").asText().equals("orders")).findFirst().orElseThrow();
    assertThat(orders.path("schema").isNull()).isTrue();
    assertThat(orders.path("primary_key").toString()).isEqualTo("[\"id\"]");
    assertThat(orders.path("foreign_keys")).anySatisfy(fk -> {
      assertThat(fk.path("referenced_table").asText()).isEqualTo("customers");
      assertThat(fk.path("delete_rule").isTextual()).isTrue();
    });
    assertThat(doc.path("statistics").path("query_patterns")).anySatisfy(p -> assertThat(p.path("tables").toString()).contains("orders"));
    assertThat(doc.path("profile").path("state").asText()).isEqualTo("measured");
    assertThat(doc.path("profile").path("result").path("engine").asText()).isEqualTo("MySQL/MariaDB");
  }

  @Test
  void statisticsAreClassifiedWindowedAndTheirBlindSpotsSaid() throws Exception {
    try (Connection c = conn(DB); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE scratch (id INT)");
      s.execute("DROP TABLE scratch");
      s.execute("SET @x = 1");
      s.execute("BEGIN");
      s.execute("COMMIT");
      s.executeQuery("SHOW TABLES").close();
    }
    // a workload through server-side prepared statements: MariaDB keeps them out of the digest table
    try (Connection prep = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + db.port + "/" + DB + "?useServerPrepStmts=true", "root", "");
        PreparedStatement p = prep.prepareStatement("SELECT qty FROM order_items WHERE order_id = ? AND line = ?")) {
      for (int i = 0; i < 40; i++) {
        p.setInt(1, 10 + i % 3);
        p.setInt(2, 1);
        p.executeQuery().close();
      }
      AnalyzerResult res = SourceDbAnalyzer.run(AnalyzerRequest.builder("mysql", out).identifier(DB).mode("managed").host("127.0.0.1").port(db.port)
          .credentials("root", "").build()).unwrap();
      ResultTable patterns = res.table("query_pattern_analysis").orElseThrow();
      int q = patterns.column("query_pattern");
      assertThat(patterns.rows()).isNotEmpty().allSatisfy(row -> assertThat(row.get(patterns.column("statement_kind"))).isIn("read", "write"));
      assertThat(patterns.rows()).noneMatch(row -> row.get(q).contains("ddbm_marker") || row.get(q).contains("information_schema")
          || row.get(q).startsWith("CREATE") || row.get(q).startsWith("SET") || row.get(q).startsWith("SHOW") || row.get(q).startsWith("COMMIT"));
      assertThat(patterns.rows()).anySatisfy(row -> assertThat(row.get(patterns.column("tables"))).isEqualTo("orders"));
      ResultTable prepared = res.table("prepared_statement_analysis").orElseThrow();
      assertThat(prepared.rows()).anySatisfy(row -> assertThat(row.get(0)).contains("FROM order_items WHERE order_id"));
      assertThat(patterns.rows()).noneMatch(row -> row.get(q).contains("FROM order_items WHERE order_id"));
      assertThat(res.warnings()).anyMatch(w -> w.contains("does not record server-side prepared statements") && w.contains("prepared statements are open"))
          .anyMatch(w -> w.startsWith("left out of the query patterns") && w.contains("ddl") && w.contains("session") && w.contains("own"))
          .anyMatch(w -> w.startsWith("statistics reset recently"));
      String manifest = Files.readString(res.path().resolve("manifest.md"));
      assertThat(manifest).contains("## Warnings").contains("- Statistics window (rates): since ").contains("first_seen to now");
      assertThat(Files.readString(res.path().resolve("query_pattern_analysis.md"))).contains("## By table").contains("| orders |");
    }
  }

  @Test
  void statisticsOffIsSaid() throws Exception {
    // the machine's MariaDB runs with performance_schema off (its default)
    var r = SourceDbAnalyzer.run(AnalyzerRequest.builder("mysql", out).identifier("mysql").mode("managed").host("127.0.0.1").port(3306)
        .credentials("root", "").build()).unwrap();
    assertThat(r.warnings()).anyMatch(w -> w.startsWith("statistics off") && w.contains("performance_schema"));
    assertThat(Files.readString(r.path().resolve("manifest.md"))).contains("statistics off");
  }

  @Test
  void managedConnectionRefusesWrites() throws Exception {
    long before;
    try (Connection c = conn(DB); Statement s = c.createStatement(); var rs = s.executeQuery("SELECT count(*) FROM order_items")) {
      rs.next();
      before = rs.getLong(1);
    }
    List<ResultTable> w = Managed.run(new dev.ddbmodel.analyzer.internal.dialect.MySqlDialect(), new Credentials("root", "", "127.0.0.1"), db.port, DB,
        List.of(new AnalysisQuery("write", AnalysisQuery.Category.SCHEMA, "Write", "DELETE FROM order_items WHERE order_id > ? RETURNING order_id", List.of(0))),
        10, 5);
    assertThat(w.get(0).error()).startsWith("25006").containsIgnoringCase("read only");
    try (Connection c = conn(DB); Statement s = c.createStatement(); var rs = s.executeQuery("SELECT count(*) FROM order_items")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(before).isPositive();
    }
  }

  @Test
  void selfServiceWithTheRealMariadbClient() throws Exception {
    Path sql = out.resolve("queries.sql");
    SourceDbAnalyzer.run(AnalyzerRequest.builder("mysql", out).identifier(DB).queriesFile(sql).build()).unwrap();
    AnalyzerResult managed = SourceDbAnalyzer.run(AnalyzerRequest.builder("mysql", Files.createDirectories(out.resolve("managed"))).identifier(DB).mode("managed")
        .host("127.0.0.1").port(db.port).credentials("root", "").profile(false).build()).unwrap();
    for (String mode : List.of("--table", "--batch")) {
      List<String> cmd = new ArrayList<>(List.of("mariadb", "-h", "127.0.0.1", "-P", Integer.toString(db.port), "-u", "root", mode, DB,
          "-e", "source " + sql));
      String output = Throwaway.exec(cmd, 120);
      Path sub = Files.createDirectories(out.resolve("run" + mode.substring(2)));
      Files.writeString(sub.resolve("results.txt"), output);
      var r = SourceDbAnalyzer.run(AnalyzerRequest.builder("mysql", sub).identifier(DB).resultFile(sub.resolve("results.txt")).build()).unwrap();
      assertThat(r.problems()).as(mode + "\n" + output).isEmpty();
      assertThat(r.table("table_analysis").orElseThrow().rows()).as(mode).hasSize(22);
      assertThat(r.table("index_analysis").orElseThrow().rows()).anySatisfy(row -> assertThat(row.get(1)).isEqualTo("idx_orders_customer_created"));
      assertThat(r.table("query_pattern_analysis").orElseThrow().rows()).as(mode).isNotEmpty();
      String json = Files.readString(r.path().resolve("analysis.json"));
      assertThat(AnalysisJsonTest.validate(json)).as(mode).isEmpty();
      if (mode.equals("--batch")) {
        // the documented format (--batch) keeps an empty string apart from NULL; --table prints both as blank cells
        assertThat(AnalyzerPostgresIT.schemaPart(json)).isEqualTo(AnalyzerPostgresIT.schemaPart(Files.readString(managed.path().resolve("analysis.json"))));
      }
    }
  }

  @Test
  void managedModeOverTheRdsDataApiRollsEverythingBack() throws Exception {
    String cluster = "arn:aws:rds:us-east-2:210987654321:cluster:shop";
    String secret = "arn:aws:secretsmanager:us-east-2:210987654321:secret:shop-XyZ123";
    var aws = software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("a", "b"));
    try (DataApiServer api = new DataApiServer(cluster, secret, "jdbc:mariadb://127.0.0.1:" + db.port + "/", "root", "")) {
      // region comes from the cluster ARN when not given
      AnalyzerRequest req = AnalyzerRequest.builder("mysql", out).identifier(DB).mode("managed").clusterArn(cluster).secretArn(secret)
          .rdsDataEndpoint(api.endpoint()).awsCredentials(aws).build();
      AnalyzerResult res = SourceDbAnalyzer.run(req).unwrap();
      assertThat(res.problems()).isEmpty();
      assertThat(res.table("table_analysis").orElseThrow().rows()).hasSize(22);
      assertThat(res.table("query_pattern_analysis").orElseThrow().rows()).isNotEmpty();
      assertThat(api.bodies.get(1).path("sql").asText()).isEqualTo("SET SESSION max_execution_time = 30000");
      // the server's version decides where the status variables are read (MariaDB here: information_schema)
      assertThat(api.bodies.get(2).path("sql").asText()).isEqualTo("SELECT VERSION()");
      assertThat(api.bodies).anySatisfy(b -> assertThat(b.path("sql").asText()).contains("information_schema.global_status"));
      // a write inside the analysis transaction never persists: the transaction is rolled back
      List<ResultTable> w = DataApi.run(new dev.ddbmodel.analyzer.internal.dialect.MySqlDialect(), req, "us-east-2", DB,
          List.of(new AnalysisQuery("write", AnalysisQuery.Category.SCHEMA, "Write", "DELETE FROM order_items WHERE order_id > ?", List.of(0))), 10, 5);
      assertThat(w.get(0).failed()).isFalse();
      assertThat(api.calls.get(api.calls.size() - 1)).isEqualTo("RollbackTransaction");
      assertThat(api.openTransactions()).isZero();
      try (Connection c = conn(DB); Statement s = c.createStatement(); var rs = s.executeQuery("SELECT count(*) FROM order_items")) {
        rs.next();
        assertThat(rs.getLong(1)).isPositive();
      }
    }
  }
}
