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
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The MariaDB catalog on the machine's server (127.0.0.1:3306, root) read by a SELECT-only user. */
class MariaDbCatalogIT {
  static final String DB = "ddbm_analyzer_catalog_" + ProcessHandle.current().pid();
  static final String USER = "ddbm_ro_" + ProcessHandle.current().pid();

  @TempDir Path out;

  static Connection root(String db) throws Exception {
    return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/" + db, "root", "");
  }

  @BeforeAll
  static void create() throws Exception {
    try (Connection c = root(""); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + DB);
      s.execute("CREATE USER '" + USER + "'@'%'");
      s.execute("GRANT SELECT ON " + DB + ".* TO '" + USER + "'@'%'");
    }
    try (Connection c = root(DB); Statement s = c.createStatement()) {
      for (String stmt : Files.readString(Path.of("src/test/resources/dev/ddbmodel/analyzer/shop_schema.sql"), StandardCharsets.UTF_8).split(";\n")) {
        if (!stmt.isBlank()) {
          s.execute(stmt);
        }
      }
      s.execute("CREATE TABLE accounts (region CHAR(2) NOT NULL, account_no INT NOT NULL, PRIMARY KEY (region, account_no), UNIQUE KEY (account_no, region))");
      s.execute("CREATE TABLE invoices (id INT PRIMARY KEY, region CHAR(2), account_no INT, CONSTRAINT fk_account FOREIGN KEY (account_no, region)"
          + " REFERENCES accounts (account_no, region) ON UPDATE CASCADE ON DELETE SET NULL)");
      s.execute("CREATE VIEW big_orders AS SELECT id, total FROM orders WHERE total > 50");
      s.execute("ALTER TABLE products COMMENT = 'pipes | in a comment\nand a newline, a tab\there, a backslash \\\\ and 日本語'");
      s.execute("ALTER TABLE products MODIFY note VARCHAR(200) DEFAULT '' COMMENT 'empty default, not NULL'");
    }
  }

  @AfterAll
  static void drop() throws Exception {
    try (Connection c = root(""); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + DB);
      s.execute("DROP USER IF EXISTS '" + USER + "'@'%'");
    }
  }

  static final java.time.Clock CLOCK = java.time.Clock.fixed(java.time.Instant.parse("2026-03-04T05:06:07Z"), java.time.ZoneOffset.UTC);

  @Test
  void selfServiceWithTheMariadbClientEqualsManagedByteForByte() throws Exception {
    Path managedDir = Files.createDirectories(out.resolve("managed"));
    Path selfDir = Files.createDirectories(out.resolve("self"));
    AnalyzerResult managed = SourceDbAnalyzer.run(AnalyzerRequest.builder("mysql", managedDir).identifier(DB).mode("managed").host("127.0.0.1")
        .port(3306).credentials(USER, "").clock(CLOCK).build()).unwrap();
    Path sql = selfDir.resolve("queries.sql");
    SourceDbAnalyzer.run(AnalyzerRequest.builder("mysql", selfDir).identifier(DB).queriesFile(sql).clock(CLOCK).build()).unwrap();
    // as the instructions say: mysql --batch --force --database=... < file (this user may not read performance_schema: those queries fail)
    assertThat(Files.readString(sql)).contains("--batch --force --database=");
    ProcessBuilder pb = new ProcessBuilder("mariadb", "-h", "127.0.0.1", "-P", "3306", "-u", USER, "--batch", "--force", "--database=" + DB)
        .redirectInput(sql.toFile()).redirectOutput(selfDir.resolve("results.txt").toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.start().waitFor();
    AnalyzerResult self = SourceDbAnalyzer.run(AnalyzerRequest.builder("mysql", selfDir).identifier(DB).resultFile(selfDir.resolve("results.txt"))
        .clock(CLOCK).build()).unwrap();
    for (String f : List.of("table_analysis.md", "column_analysis.md", "index_analysis.md", "foreign_key_analysis.md", "view_analysis.md")) {
      assertThat(Files.readString(self.path().resolve(f))).as(f).isEqualTo(Files.readString(managed.path().resolve(f)));
    }
    ResultTable tables = self.table("table_analysis").orElseThrow();
    assertThat(tables.rows()).anySatisfy(row -> assertThat(row.get(tables.column("comment")))
        .isEqualTo("pipes | in a comment\nand a newline, a tab\there, a backslash \\ and 日本語"));
    // an empty comment stays an empty string (not NULL); the mysql client prints a NULL and the string 'NULL' alike, so rows are
    // compared as rendered (both render as NULL), which the byte comparison above does
    assertThat(tables.rows()).anySatisfy(row -> assertThat(row.get(tables.column("comment"))).isEmpty());
  }

  @Test
  void aSelectOnlyUserSeesEveryForeignKey() throws Exception {
    for (String user : new String[] {"root", USER}) {
      var r = SourceDbAnalyzer.run(AnalyzerRequest.builder("mysql", Files.createDirectories(out.resolve(user))).identifier(DB).mode("managed").host("127.0.0.1").port(3306)
          .credentials(user, "").build());
      assertThat(r.isValid()).as(r.diagnostics().toString()).isTrue();
      ResultTable fks = r.unwrap().table("foreign_key_analysis").orElseThrow();
      assertThat(fks.rows()).as(user).hasSize(27);
      var composite = fks.rows().stream().filter(row -> "invoices".equals(row.get(fks.column("table_name")))).findFirst().orElseThrow();
      assertThat(composite.get(fks.column("columns"))).isEqualTo("account_no, region");
      assertThat(composite.get(fks.column("referenced_columns"))).isEqualTo("account_no, region");
      if (user.equals("root")) {
        assertThat(composite.get(fks.column("update_rule"))).isEqualTo("CASCADE");
        assertThat(composite.get(fks.column("delete_rule"))).isEqualTo("SET NULL");
      }
      // views apart from tables
      assertThat(r.unwrap().table("view_analysis").orElseThrow().rows()).singleElement().satisfies(row -> assertThat(row.get(0)).isEqualTo("big_orders"));
      ResultTable cols = r.unwrap().table("column_analysis").orElseThrow();
      assertThat(cols.rows()).noneMatch(row -> "big_orders".equals(row.get(cols.column("table_name"))));
    }
  }
}
