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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PostgreSQL catalog on the machine's server (127.0.0.1:5432, trust), read by a role that owns
 * nothing: composite and same-named foreign keys with their rules, partitions under their parent,
 * views apart, extension objects left out, full types, enum labels, array element types, PK flags,
 * "unknown" row counts for never-analysed tables, reserved-word and Unicode names.
 */
class PostgresCatalogIT {
  static final String DB = "ddbm_analyzer_catalog_" + ProcessHandle.current().pid();
  static final String ROLE = "ddbm_analyzer_reader_" + ProcessHandle.current().pid();

  @TempDir Path out;

  static Connection admin(String db) throws Exception {
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + db, "postgres", "");
  }

  @BeforeAll
  static void create() throws Exception {
    try (Connection c = admin("postgres"); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + DB);
      s.execute("CREATE ROLE " + ROLE + " LOGIN");
    }
    try (Connection c = admin(DB); Statement s = c.createStatement()) {
      s.execute(Files.readString(Path.of("src/test/resources/dev/ddbmodel/analyzer/pg_catalog_schema.sql"), StandardCharsets.UTF_8));
      s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    }
  }

  @AfterAll
  static void drop() throws Exception {
    try (Connection c = admin("postgres"); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + DB + " WITH (FORCE)");
      s.execute("DROP ROLE IF EXISTS " + ROLE);
    }
  }

  AnalyzerResult managed(String user, int max) {
    var r = SourceDbAnalyzer.run(AnalyzerRequest.builder("postgresql", out).identifier(DB).mode("managed").host("127.0.0.1").port(5432)
        .credentials(user, "").maxResults(max).build());
    assertThat(r.isValid()).as(r.diagnostics().toString()).isTrue();
    return r.unwrap();
  }

  static Map<String, Map<String, String>> byKey(ResultTable t, String... key) {
    return t.rows().stream().collect(Collectors.toMap(row -> Arrays.stream(key).map(k -> row.get(t.column(k))).collect(Collectors.joining(".")),
        row -> t.columns().stream().collect(Collectors.toMap(c -> c, c -> String.valueOf(row.get(t.column(c))))), (a, b) -> {
          throw new AssertionError("duplicate key " + a);
        }));
  }

  @Test
  void catalogIsCorrectForARoleThatOwnsNothing() {
    AnalyzerResult r = managed(ROLE, 500);
    var fks = byKey(r.table("foreign_key_analysis").orElseThrow(), "schema_name", "table_name", "constraint_name");
    // one row per constraint; same-named constraints in two tables stay apart, columns in key order, rules read
    assertThat(fks).hasSize(4);
    assertThat(fks.get("public.invoices.fk_account")).containsEntry("columns", "region, account_no").containsEntry("referenced_columns", "region, account_no")
        .containsEntry("referenced_table_name", "accounts").containsEntry("update_rule", "CASCADE").containsEntry("delete_rule", "RESTRICT");
    assertThat(fks.get("sales.notes.fk_account")).containsEntry("columns", "account_no, region").containsEntry("referenced_columns", "account_no, region")
        .containsEntry("delete_rule", "SET NULL").containsEntry("update_rule", "NO ACTION");
    assertThat(fks.get("public.select.select_order_fkey")).containsEntry("columns", "order").containsEntry("referenced_columns", "from");
    // a foreign key on a partitioned table is listed once, on the parent
    assertThat(fks.keySet()).filteredOn(k -> k.startsWith("public.events")).hasSize(1);

    var tables = byKey(r.table("table_analysis").orElseThrow(), "schema_name", "table_name");
    assertThat(tables.keySet()).containsExactlyInAnyOrder("public.accounts", "public.events", "public.invoices", "public.never_analysed", "public.select",
        "sales.notes", "Ünïcode schema.Tabelle ü");
    assertThat(tables.get("public.events")).containsEntry("table_type", "partitioned").containsEntry("partitions", "3").containsEntry("row_estimate", "3");
    assertThat(tables.get("public.accounts")).containsEntry("row_estimate", "2");
    assertThat(tables.get("public.never_analysed")).containsEntry("row_estimate", "unknown");

    var cols = byKey(r.table("column_analysis").orElseThrow(), "schema_name", "table_name", "column_name");
    assertThat(cols.get("public.accounts.name")).containsEntry("data_type", "character varying(120)").containsEntry("is_nullable", "NO")
        .containsEntry("primary_key", "NO");
    assertThat(cols.get("public.accounts.region")).containsEntry("primary_key", "YES");
    assertThat(cols.get("public.accounts.account_no")).containsEntry("primary_key", "YES");
    assertThat(cols.get("public.accounts.balance")).containsEntry("data_type", "numeric(10,2)");
    assertThat(cols.get("public.invoices.issued")).containsEntry("data_type", "timestamp(3) with time zone");
    assertThat(cols.get("public.accounts.status")).containsEntry("data_type", "order_status").containsEntry("enum_values", "[\"new\", \"paid, shipped\", \"a|b\"]");
    assertThat(cols.get("public.accounts.tags")).containsEntry("data_type", "text[]").containsEntry("array_element_type", "text");
    assertThat(cols.get("public.accounts.statuses")).containsEntry("array_element_type", "order_status").containsEntry("enum_values", "[\"new\", \"paid, shipped\", \"a|b\"]");
    assertThat(cols.get("public.select.größe")).containsEntry("data_type", "character varying(20)");
    // no partition, view or extension columns among the table columns
    assertThat(cols.keySet()).noneMatch(k -> k.contains("events_20") || k.contains("rich_accounts") || k.contains("pg_stat_statements"));

    var views = byKey(r.table("view_analysis").orElseThrow(), "schema_name", "view_name");
    assertThat(views.keySet()).containsExactlyInAnyOrder("public.rich_accounts", "public.invoice_totals");
    assertThat(views.get("public.invoice_totals")).containsEntry("view_type", "materialized view");

    var idx = byKey(r.table("index_analysis").orElseThrow(), "schema_name", "table_name", "index_name");
    assertThat(idx.keySet()).noneMatch(k -> k.contains("events_20"));
    assertThat(idx.get("public.accounts.accounts_pkey")).containsEntry("is_primary", "YES").containsEntry("columns", "region, account_no");
    // this server does not preload pg_stat_statements: only the statistics sections fail, and the warning says why
    assertThat(r.problems()).hasSize(2).allSatisfy(p -> assertThat(p).contains("shared_preload_libraries"));
    assertThat(r.warnings()).anyMatch(w -> w.startsWith("statistics off or unreadable") && w.contains("pg_stat_statements"));
    assertThat(r.partial()).isTrue();
  }

  static final java.time.Clock CLOCK = java.time.Clock.fixed(java.time.Instant.parse("2026-03-04T05:06:07Z"), java.time.ZoneOffset.UTC);

  @Test
  void selfServiceWithPsqlEqualsManagedByteForByte() throws Exception {
    Path managedDir = Files.createDirectories(out.resolve("managed"));
    Path selfDir = Files.createDirectories(out.resolve("self"));
    AnalyzerResult managed = SourceDbAnalyzer.run(AnalyzerRequest.builder("postgresql", managedDir).identifier(DB).mode("managed").host("127.0.0.1")
        .port(5432).credentials(ROLE, "").clock(CLOCK).build()).unwrap();
    Path sql = selfDir.resolve("queries.sql");
    SourceDbAnalyzer.run(AnalyzerRequest.builder("postgresql", selfDir).identifier(DB).queriesFile(sql).clock(CLOCK).build()).unwrap();
    // a psqlrc-like setting the user might have: the file sets the format itself
    String output = Throwaway.exec(List.of("psql", "-h", "127.0.0.1", "-p", "5432", "-U", ROLE, "-d", DB, "-X", "-P", "format=aligned", "-P", "null=(null)",
        "-f", sql.toString()), 120);
    Files.writeString(selfDir.resolve("results.txt"), output);
    AnalyzerResult self = SourceDbAnalyzer.run(AnalyzerRequest.builder("postgresql", selfDir).identifier(DB).resultFile(selfDir.resolve("results.txt"))
        .clock(CLOCK).build()).unwrap();
    for (String f : List.of("table_analysis.md", "column_analysis.md", "index_analysis.md", "foreign_key_analysis.md", "view_analysis.md")) {
      assertThat(Files.readString(self.path().resolve(f))).as(f).isEqualTo(Files.readString(managed.path().resolve(f)));
    }
    // multi-line text with pipes, tabs and quotes, empty string vs NULL, Unicode: read back exactly
    ResultTable cols = self.table("column_analysis").orElseThrow();
    assertThat(cols.rows()).anySatisfy(row -> assertThat(row.get(cols.column("comment"))).isEqualTo("owner's name | shown as \"x\"\nsecond line\twith a tab"));
    ResultTable tables = self.table("table_analysis").orElseThrow();
    assertThat(tables.rows()).anySatisfy(row -> assertThat(row.get(tables.column("comment"))).isEqualTo("pipes | in a comment\nand a newline"));
    assertThat(tables.rows()).anySatisfy(row -> assertThat(row.get(tables.column("comment"))).isNull());
    assertThat(self.table("table_analysis").orElseThrow().rows()).isEqualTo(managed.table("table_analysis").orElseThrow().rows());
    assertThat(self.table("column_analysis").orElseThrow().rows()).isEqualTo(managed.table("column_analysis").orElseThrow().rows());
  }

  @Test
  void limitsCutWholeTablesAndNameThem() throws Exception {
    AnalyzerResult r = managed("postgres", 5);
    ResultTable cols = r.table("column_analysis").orElseThrow();
    // accounts has 7 columns: kept whole although longer than the limit, the rest named
    assertThat(cols.rows()).hasSize(7).allSatisfy(row -> assertThat(row.get(cols.column("table_name"))).isEqualTo("accounts"));
    assertThat(cols.truncated()).isTrue();
    assertThat(cols.omitted()).startsWith("public.events");
    assertThat(cols.omitted()).containsExactly("public.events", "public.invoices", "public.never_analysed", "public.select", "sales.notes",
        "Ünïcode schema.Tabelle ü");
    // a section under the limit is whole: every table's keys, not only those of the first tables
    ResultTable fks = r.table("foreign_key_analysis").orElseThrow();
    assertThat(fks.truncated()).isFalse();
    assertThat(fks.rows().stream().map(row -> row.get(fks.column("table_name"))).distinct()).containsExactly("events", "invoices", "select", "notes");
    assertThat(Files.readString(r.path().resolve("column_analysis.md"))).contains("whole tables left out: public.events");
    assertThat(Files.readString(r.path().resolve("manifest.md"))).contains("whole tables left out: public.events");
  }
}
