package dev.ddbmodel.analyzer.internal.workload;

import dev.ddbmodel.analyzer.AnalyzerRequest;
import dev.ddbmodel.analyzer.ResultTable;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbmodel.analyzer.internal.profile.ManagedProfile;
import java.util.ArrayList;
import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.SourceLocation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one-screen summary at the top of manifest.md (issue 25). */
class ManifestSummaryTest {
  static final ResultTable TABLES = new ResultTable("table_analysis", List.of("schema_name", "table_name", "row_count"),
      List.of(List.of("public", "orders", "120000"), List.of("public", "customers", "1100"), List.of("public", "products", "500")), false, null);
  static final ResultTable FKS = new ResultTable("foreign_key_analysis",
      List.of("schema_name", "table_name", "constraint_name", "columns", "referenced_schema", "referenced_table_name"),
      List.of(List.of("public", "orders", "orders_customer_fk", "customer_id", "public", "customers"),
          List.of("public", "orders", "orders_product_fk", "product_id", "public", "products")), false, null);
  static final ResultTable PATTERNS = new ResultTable("query_pattern_analysis",
      List.of("query_pattern", "calls", "window_seconds", "statement_kind", "tables"),
      List.of(List.of("SELECT * FROM orders WHERE customer_id = ? | with a pipe\nand a line break", "36000", "3600", "read", "orders"),
          List.of("INSERT INTO orders VALUES (...)", "3600", "3600", "write", "orders")), false, null);

  @Test
  void entitiesRelationshipsWithCardinalityTopPatternsAndCounts() {
    String s = AnalysisWriter.summary(List.of(TABLES, FKS, PATTERNS), new StatisticsCheck.Findings(List.of(Diagnostic.warning("Analyzer.StatisticsWindow", "statistics reset 2 hours ago", SourceLocation.NONE, "")), "2 hours"),
        List.of(), Map.of(ManagedProfile.key("orders", "orders_customer_fk"), "1:huge (median 3, max 10000 children per parent)"));
    assertThat(s).startsWith("## Summary\n\n")
        .contains("- **Entities** (3 tables): `orders` (120000 rows), `customers` (1100 rows), `products` (500 rows)")
        .contains("`orders(customer_id)` → `customers`: 1:huge (median 3, max 10000 children per parent)")
        .contains("`orders(product_id)` → `products`\n")
        .contains("  - 10.0000 req/s read: `SELECT * FROM orders WHERE customer_id = ? \\| with a pipe and a line break`")
        .contains("  - 1.0000 req/s write: `INSERT INTO orders VALUES (...)`")
        .contains("- **Warnings**: 1, **problems**: 0 (listed at the end of this file)");
    assertThat(s.lines().count()).as("one screen").isLessThan(40);
  }

  @Test
  void longListsAreCutAndSayHowManyMore() {
    List<List<String>> tables = new ArrayList<>();
    List<List<String>> fks = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      tables.add(List.of("public", "t" + i, "unknown"));
      fks.add(List.of("public", "t" + i, "fk" + i, "p_id", "public", "t0"));
    }
    String s = AnalysisWriter.summary(List.of(new ResultTable("table_analysis", TABLES.columns(), tables, true, null),
        new ResultTable("foreign_key_analysis", FKS.columns(), fks, false, null), ResultTable.failed("query_pattern_analysis", "denied")),
        new StatisticsCheck.Findings(List.of(), "unknown"), List.of(Diagnostic.error("Analyzer.QueryFailed", "query_pattern_analysis failed", SourceLocation.NONE, "")), Map.of());
    assertThat(s).contains("(30+ tables)").contains("and 18 more\n").contains("… and 18 more in foreign_key_analysis.md")
        .doesNotContain("Top access patterns").contains("**problems**: 1");
    assertThat(s.lines().count()).isLessThan(40);
  }

  @Test
  void databaseNullsInAnyCellAreShownAsNull() {
    List<String> nulls = java.util.Arrays.asList(null, null, null, null, null, null);
    String s = AnalysisWriter.summary(List.of(new ResultTable("table_analysis", TABLES.columns(), List.of(nulls.subList(0, 3)), false, null),
        new ResultTable("foreign_key_analysis", FKS.columns(), List.of(nulls), false, null),
        new ResultTable("query_pattern_analysis", PATTERNS.columns(), List.of(nulls.subList(0, 5)), false, null)),
        new StatisticsCheck.Findings(List.of(), "unknown"), List.of(), Map.of());
    assertThat(s).contains("(1 tables): `NULL`\n").contains("  - `NULL` → `NULL`\n").contains("  - unknown req/s: ``\n");
  }

  @Test
  void theSummaryOpensTheManifest() {
    AnalyzerRequest r = AnalyzerRequest.builder("postgresql", java.nio.file.Path.of("unused")).build();
    Map<String, String> files = AnalysisWriter.files(r, "shop", List.of(), List.of(TABLES, FKS, PATTERNS),
        List.of(), new StatisticsCheck.Findings(List.of(), "1 hour"), java.time.Instant.EPOCH, Map.of());
    assertThat(files.get("manifest.md")).startsWith("# Database Analysis Manifest\n\n## Summary\n\n");
    assertThat(files.get("manifest.md").indexOf("## Summary")).isLessThan(files.get("manifest.md").indexOf("## Metadata"));
  }
}
