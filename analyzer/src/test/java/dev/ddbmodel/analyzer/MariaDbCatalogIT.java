package dev.ddbmodel.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
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
    }
  }

  @AfterAll
  static void drop() throws Exception {
    try (Connection c = root(""); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + DB);
      s.execute("DROP USER IF EXISTS '" + USER + "'@'%'");
    }
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
