package dev.ddbmodel.analyzer.internal.workload;

import dev.ddbmodel.analyzer.ResultTable;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbmodel.analyzer.internal.workload.Statements.Kind;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatementsTest {
  @Test
  void everyStatementHasAKind() {
    assertThat(Statements.classify("SELECT id FROM orders WHERE customer_id = $1")).isEqualTo(Kind.READ);
    assertThat(Statements.classify("  /* app */ (SELECT 1 FROM `orders`)")).isEqualTo(Kind.READ);
    assertThat(Statements.classify("WITH x AS (SELECT 1) SELECT * FROM x")).isEqualTo(Kind.READ);
    assertThat(Statements.classify("WITH x AS (DELETE FROM carts WHERE id = $1 RETURNING *) SELECT * FROM x")).isEqualTo(Kind.WRITE);
    assertThat(Statements.classify("INSERT INTO `orders` (`id`) VALUES (?)")).isEqualTo(Kind.WRITE);
    assertThat(Statements.classify("update orders set status = ? where id = ?")).isEqualTo(Kind.WRITE);
    assertThat(Statements.classify("REPLACE INTO t VALUES (?)")).isEqualTo(Kind.WRITE);
    assertThat(Statements.classify("CREATE TABLE t (id INT)")).isEqualTo(Kind.DDL);
    assertThat(Statements.classify("ALTER TABLE t ADD c INT")).isEqualTo(Kind.DDL);
    assertThat(Statements.classify("TRUNCATE t")).isEqualTo(Kind.DDL);
    for (String s : List.of("SET NAMES utf8mb4", "SHOW WARNINGS", "BEGIN", "COMMIT", "ROLLBACK", "START TRANSACTION", "SET autocommit = ?", "USE shop",
        "DEALLOCATE PREPARE s")) {
      assertThat(Statements.classify(s)).as(s).isEqualTo(Kind.SESSION);
    }
    for (String s : List.of("SELECT ? AS ddbm_marker", "SELECT table_name FROM information_schema.tables WHERE table_schema = ?",
        "SELECT @@version_comment LIMIT ?", "SELECT n.nspname FROM pg_class c JOIN pg_namespace n ON true", "SELECT * FROM pg_stat_statements",
        "SELECT version()", "SELECT current_setting($1)")) {
      assertThat(Statements.classify(s)).as(s).isEqualTo(Kind.OWN);
    }
    assertThat(Statements.classify("COPY orders FROM STDIN")).isEqualTo(Kind.OTHER);
    assertThat(Statements.classify("LOAD DATA INFILE ? INTO TABLE t")).isEqualTo(Kind.OTHER);
    assertThat(Statements.classify("")).isEqualTo(Kind.OTHER);
  }

  @Test
  void tablesNamedByAStatement() {
    assertThat(Statements.tables("SELECT p.name FROM order_items oi JOIN products p ON p.id = oi.product_id WHERE oi.order_id = ?"))
        .containsExactly("order_items", "products");
    assertThat(Statements.tables("INSERT INTO `shop`.`orders` (`id`) VALUES (?)")).containsExactly("shop.orders");
    assertThat(Statements.tables("UPDATE \"Order Lines\" SET qty = $1")).containsExactly("Order Lines");
    assertThat(Statements.tables("SELECT 1")).isEmpty();
  }

  @Test
  void filterKeepsReadsAndWritesAndCountsTheRest() {
    ResultTable t = new ResultTable("query_pattern_analysis", List.of("query_pattern", "calls", "window_seconds"), List.of(
        Arrays.asList("SELECT ? AS ddbm_marker", "900", "10"), Arrays.asList("SELECT * FROM orders WHERE id = ?", "60", "10"),
        Arrays.asList("CREATE TABLE x (id INT)", "1", "10"), Arrays.asList("COMMIT", "50", "10"), Arrays.asList("DELETE FROM carts WHERE id = ?", "5", "10")),
        false, "");
    Statements.Filtered f = Statements.filter(t);
    assertThat(f.table().rows()).extracting(r -> r.get(0) + "|" + r.get(3) + "|" + r.get(4))
        .containsExactly("SELECT * FROM orders WHERE id = ?|read|orders", "DELETE FROM carts WHERE id = ?|write|carts");
    assertThat(f.leftOut()).containsEntry("own", 1).containsEntry("ddl", 1).containsEntry("session", 1);
  }
}
