package dev.ddbmodel.analyzer.internal.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbmodel.analyzer.internal.workload.TableRefs.Syntax;
import dev.ddbmodel.core.testing.StringAttacks;
import org.junit.jupiter.api.Test;

/** Table references of recorded statements, per dialect (issue 25: the tables hot queries touch together). */
class TableRefsTest {
  @Test
  void joinsCommaListsAndSubqueries() {
    assertThat(TableRefs.of("SELECT p.name FROM order_items oi JOIN products p ON p.id = oi.product_id WHERE oi.order_id = $1", Syntax.POSTGRES))
        .containsExactly("order_items", "products");
    assertThat(TableRefs.of("SELECT * FROM orders o, customers AS c, public.addresses a WHERE o.customer_id = c.id", Syntax.POSTGRES))
        .containsExactly("orders", "customers", "public.addresses");
    assertThat(TableRefs.of("SELECT * FROM orders WHERE customer_id IN (SELECT id FROM customers WHERE vip) AND EXISTS (SELECT 1 FROM returns r)",
        Syntax.POSTGRES)).containsExactly("orders", "customers", "returns");
    assertThat(TableRefs.of("SELECT * FROM (SELECT * FROM orders) x JOIN LATERAL (SELECT * FROM order_items i WHERE i.order_id = x.id) y ON true",
        Syntax.POSTGRES)).containsExactly("orders", "order_items");
  }

  @Test
  void writes() {
    assertThat(TableRefs.of("INSERT INTO archive (id, total) SELECT id, total FROM orders WHERE created_at < $1", Syntax.POSTGRES))
        .containsExactly("archive", "orders");
    assertThat(TableRefs.of("DELETE FROM carts USING customers c WHERE carts.customer_id = c.id", Syntax.POSTGRES)).containsExactly("carts", "customers");
    assertThat(TableRefs.of("UPDATE `orders` `o` JOIN `customers` `c` ON `c`.`id` = `o`.`customer_id` SET `o`.`vip` = ?", Syntax.MYSQL))
        .containsExactly("orders", "customers");
    assertThat(TableRefs.of("UPDATE a, b SET a.x = b.x WHERE a.id = b.id", Syntax.MYSQL)).containsExactly("a", "b");
    assertThat(TableRefs.of("INSERT IGNORE INTO `shop`.`orders` (`id`) VALUES (?)", Syntax.MYSQL)).containsExactly("shop.orders");
    assertThat(TableRefs.of("MERGE INTO stock s USING deliveries d ON s.id = d.id WHEN MATCHED THEN UPDATE SET qty = s.qty + d.qty", Syntax.POSTGRES))
        .containsExactly("stock", "deliveries");
  }

  @Test
  void quotedAndQualifiedNamesPerDialect() {
    assertThat(TableRefs.of("SELECT * FROM \"Shop\".\"Order \"\"Lines\"\"\" l JOIN Orders o ON o.id = l.order_id", Syntax.POSTGRES))
        .containsExactly("Shop.Order \"Lines\"", "orders");
    assertThat(TableRefs.of("SELECT * FROM `my db`.`order``s` JOIN Orders", Syntax.MYSQL)).containsExactly("my db.order`s", "Orders");
    assertThat(TableRefs.of("SELECT * FROM [dbo].[Order Lines] l JOIN dbo.Orders o ON 1 = 1", Syntax.SQLSERVER)).containsExactly("dbo.Order Lines", "dbo.Orders");
    assertThat(TableRefs.of("SELECT * FROM \"APP\".\"ORDERS\"", Syntax.ORACLE)).containsExactly("APP.ORDERS");
  }

  @Test
  void whatOnlyLooksLikeATableIsLeftOut() {
    assertThat(TableRefs.of("WITH recent AS (SELECT * FROM orders WHERE created_at > now() - interval '1 day'), big AS MATERIALIZED (SELECT 1) "
        + "SELECT * FROM recent JOIN big ON true", Syntax.POSTGRES)).containsExactly("orders");
    assertThat(TableRefs.of("SELECT EXTRACT(EPOCH FROM created_at), substring(name FROM 2), trim(BOTH FROM code) FROM orders", Syntax.POSTGRES))
        .containsExactly("orders");
    assertThat(TableRefs.of("SELECT * FROM a WHERE x IS DISTINCT FROM y", Syntax.POSTGRES)).containsExactly("a");
    assertThat(TableRefs.of("SELECT * FROM unnest($1::int[]) u JOIN generate_series(1, 3) g ON true JOIN t ON true", Syntax.POSTGRES)).containsExactly("t");
    assertThat(TableRefs.of("SELECT 'FROM fake' AS s, $$ FROM fake2 $$ FROM real_one -- FROM fake3\n/* JOIN fake4 */", Syntax.POSTGRES))
        .containsExactly("real_one");
    assertThat(TableRefs.of("SELECT 'it\\'s FROM fake' FROM t # FROM fake2", Syntax.MYSQL)).containsExactly("t");
    assertThat(TableRefs.of("SELECT 1 FROM DUAL", Syntax.MYSQL)).isEmpty();
    assertThat(TableRefs.of("SELECT 1", Syntax.POSTGRES)).isEmpty();
    assertThat(TableRefs.of(null, Syntax.POSTGRES)).isEmpty();
  }

  @Test
  void everyAttackStringAsAQuotedNameComesBackWhole() {
    for (String attack : StringAttacks.all().stream().map(StringAttacks.Attack::value).toList()) {
      String pg = "\"" + attack.replace("\"", "\"\"") + "\"";
      assertThat(TableRefs.of("SELECT * FROM " + pg + " x JOIN other o ON true", Syntax.POSTGRES)).as(attack).containsExactly(attack, "other");
      String my = "`" + attack.replace("`", "``") + "`";
      assertThat(TableRefs.of("SELECT * FROM " + my + " x JOIN other o ON true", Syntax.MYSQL)).as(attack).containsExactly(attack, "other");
    }
  }
}
