package dev.ddbmodel.analyzer.internal.workload;

import dev.ddbmodel.analyzer.AnalyzerRequest;
import dev.ddbmodel.analyzer.ResultTable;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.ddbmodel.core.json.Json;
import dev.ddbmodel.core.testing.StringAttacks;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.SourceLocation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** analysis.json: valid against its schema for every engine's section shapes, deterministic, and database strings survive as data. */
public class AnalysisJsonTest {
  static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
      .getSchema(SchemaLocation.of("classpath:" + AnalysisJson.SCHEMA_RESOURCE));

  /** Schema violations of a document (empty: valid). */
  public static List<Error> validate(String json) {
    return SCHEMA.validate(json, InputFormat.JSON);
  }

  static final Instant AT = Instant.parse("2026-03-04T05:06:07Z");

  /** PostgreSQL-shaped sections (schema_name, aggregated column lists, is_primary) with {@code name} as a table, column and value. */
  static List<ResultTable> postgres(String name) {
    return List.of(
        new ResultTable("table_analysis", List.of("schema_name", "table_name", "table_type", "row_estimate", "data_bytes", "index_bytes", "comment"),
            List.of(List.of("public", name, "table", "1100", "8192", "16384", name), Arrays.asList("public", "orders", "table", "unknown", "0", "0", null)),
            false, null),
        new ResultTable("column_analysis", List.of("schema_name", "table_name", "ordinal_position", "column_name", "data_type", "enum_values", "is_nullable",
            "primary_key", "column_default", "comment"), List.of(
            Arrays.asList("public", name, "1", "id", "integer", null, "NO", "YES", "nextval('x'::regclass)", null),
            Arrays.asList("public", name, "2", name, "text", Json.compact(List.of(name, "b")), "YES", "NO", null, name),
            Arrays.asList("public", "orders", "1", "id", "bigint", null, "NO", "YES", null, null),
            Arrays.asList("public", "orders", "2", "customer_id", "integer", null, "NO", "NO", null, null)), false, null),
        new ResultTable("index_analysis", List.of("schema_name", "table_name", "index_name", "is_unique", "is_primary", "columns", "definition"), List.of(
            List.of("public", name, name + "_pkey", "YES", "YES", "id", "CREATE UNIQUE INDEX ..."),
            List.of("public", "orders", "orders_pkey", "YES", "YES", "id", "CREATE UNIQUE INDEX ...")), false, null),
        new ResultTable("foreign_key_analysis", List.of("schema_name", "table_name", "constraint_name", "columns", "referenced_schema",
            "referenced_table_name", "referenced_columns", "update_rule", "delete_rule"), List.of(
            List.of("public", "orders", name, "customer_id", "public", name, "id", "NO ACTION", "CASCADE")), false, null),
        new ResultTable("view_analysis", List.of("schema_name", "view_name", "view_type", "columns"), List.of(List.of("public", name, "view", "id, x")), false,
            null),
        new ResultTable("statistics_status", List.of("entries", "window_seconds", "since"), List.of(List.of("3", "3600", "2026-03-04T04:06:07Z")), false, null),
        new ResultTable("query_pattern_analysis", List.of("query_pattern", "calls", "avg_ms", "rows_sent", "window_seconds", "statement_kind", "tables"),
            List.of(List.of("SELECT o.id FROM orders o JOIN " + name + " c ON c.id = o.customer_id WHERE c.id = $1", "7200", "0.5", "7200", "3600", "read",
                "orders, " + name),
                List.of("SELECT * FROM orders WHERE id = $1", "3600", "0.1", "3600", "3600", "read", "orders"),
                List.of("UPDATE orders SET status = $1 WHERE id = $2", "360", "0.2", "0", "3600", "write", "orders")), false, null));
  }

  /** MySQL-shaped sections: no schema_name, column_key PRI, PRIMARY index by name. */
  static List<ResultTable> mysql() {
    return List.of(
        new ResultTable("table_analysis", List.of("table_name", "row_estimate", "data_bytes", "index_bytes", "total_mb", "comment"),
            List.of(List.of("customers", "10", "16384", "0", "0.02", "")), false, null),
        new ResultTable("column_analysis", List.of("table_name", "column_name", "ordinal_position", "data_type", "is_nullable", "column_key", "column_default",
            "extra", "comment"), List.of(Arrays.asList("customers", "id", "1", "int(11)", "NO", "PRI", null, "auto_increment", "")), false, null),
        new ResultTable("index_analysis", List.of("table_name", "index_name", "is_unique", "columns"), List.of(List.of("customers", "PRIMARY", "YES", "id")),
            false, null),
        ResultTable.failed("statistics_status", "42000: denied"));
  }

  /** Problems as the analyzer makes them: error diagnostics (whose message may shorten a long echo). */
  static List<Diagnostic> problems(List<String> messages) {
    return messages.stream().map(m -> Diagnostic.error("Analyzer.QueryFailed", m, SourceLocation.NONE, "")).toList();
  }

  static String render(List<ResultTable> tables, List<String> problems) {
    AnalyzerRequest r = AnalyzerRequest.builder("postgresql", Path.of("unused")).mode("managed").build();
    List<AnalysisQuery> queries = new dev.ddbmodel.analyzer.internal.dialect.PostgresDialect().queries("shop", 500, 30);
    return AnalysisJson.render(r, "postgresql", "shop", queries, tables, Map.of("own", 4, "ddl", 1), StatisticsCheck.of("postgresql", tables, Map.of()), problems(problems), AT,
        AnalysisJson.ProfilePart.of("off", null, List.of()));
  }

  @Test
  void schemaStatisticsAndWorkloadFromPostgresSections() throws Exception {
    String json = render(postgres("customers"), List.of("query `x` failed: denied"));
    assertThat(validate(json)).isEmpty();
    JsonNode doc = Json.mapper().readTree(json);
    assertThat(doc.path("generated_at").asText()).isEqualTo("2026-03-04T05:06:07Z");
    JsonNode customers = doc.path("schema").path("tables").get(0);
    assertThat(customers.path("name").asText()).isEqualTo("customers");
    assertThat(customers.path("row_estimate").asLong()).isEqualTo(1100);
    assertThat(customers.path("primary_key").toString()).isEqualTo("[\"id\"]");
    assertThat(customers.path("columns").get(1).path("enum_values").toString()).isEqualTo("[\"customers\",\"b\"]");
    assertThat(customers.path("columns").get(0).path("nullable").asBoolean(true)).isFalse();
    JsonNode orders = doc.path("schema").path("tables").get(1);
    assertThat(orders.path("row_estimate").isNull()).as("'unknown' is not a number").isTrue();
    JsonNode fk = orders.path("foreign_keys").get(0);
    assertThat(fk.path("columns").toString()).isEqualTo("[\"customer_id\"]");
    assertThat(fk.path("referenced_table").asText()).isEqualTo("customers");
    assertThat(fk.path("delete_rule").asText()).isEqualTo("CASCADE");
    assertThat(doc.path("schema").path("views").get(0).path("columns").toString()).isEqualTo("[\"id\",\"x\"]");
    JsonNode p = doc.path("statistics").path("query_patterns").get(0);
    assertThat(p.path("rate_per_second").asDouble()).isEqualTo(2.0);
    assertThat(p.path("tables").toString()).isEqualTo("[\"orders\",\"customers\"]");
    assertThat(doc.path("statistics").path("left_out").toString()).isEqualTo("{\"ddl\":1,\"own\":4}");
    JsonNode w = doc.path("workload");
    assertThat(w.path("tables_together").get(0).path("tables").toString()).isEqualTo("[\"customers\",\"orders\"]");
    assertThat(w.path("tables_together").get(0).path("reads_per_second").asDouble()).isEqualTo(2.0);
    JsonNode ordersLoad = w.path("tables").get(1);
    assertThat(ordersLoad.path("table").asText()).isEqualTo("orders");
    assertThat(ordersLoad.path("reads_per_second").asDouble()).isEqualTo(3.0);
    assertThat(ordersLoad.path("writes_per_second").asDouble()).isEqualTo(0.1);
    assertThat(ordersLoad.path("reads_per_write").asDouble()).isEqualTo(30.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(ordersLoad.path("top_patterns").get(0).path("pattern").asInt()).isZero();
    assertThat(doc.path("problems").get(0).asText()).isEqualTo("query `x` failed: denied");
    assertThat(doc.path("profile").path("state").asText()).isEqualTo("off");
    assertThat(doc.path("warnings")).anySatisfy(x -> assertThat(x.path("message").asText()).startsWith("statistics reset recently"));
  }

  @Test
  void mysqlSectionsAndFailedQueries() throws Exception {
    String json = render(mysql(), List.of());
    assertThat(validate(json)).isEmpty();
    JsonNode doc = Json.mapper().readTree(json);
    JsonNode t = doc.path("schema").path("tables").get(0);
    assertThat(t.path("schema").isNull()).isTrue();
    assertThat(t.path("primary_key").toString()).isEqualTo("[\"id\"]");
    assertThat(t.path("indexes").get(0).path("primary").asBoolean()).isTrue();
    assertThat(t.path("columns").get(0).path("extra").asText()).isEqualTo("auto_increment");
    assertThat(doc.path("statistics").path("status").isNull()).isTrue();
    assertThat(doc.path("queries")).anySatisfy(q -> {
      assertThat(q.path("name").asText()).isEqualTo("statistics_status");
      assertThat(q.path("status").asText()).isEqualTo("failed");
      assertThat(q.path("error").asText()).isEqualTo("42000: denied");
    });
  }

  @Test
  void sameInputSameBytes() {
    assertThat(render(postgres("customers"), List.of())).isEqualTo(render(postgres("customers"), List.of()));
  }

  @Test
  void everyAttackStringSurvivesAsData() throws Exception {
    for (String attack : StringAttacks.all().stream().map(StringAttacks.Attack::value).toList()) {
      String json = render(postgres(attack), List.of(attack));
      assertThat(validate(json)).as("for %s", attack).isEmpty();
      JsonNode doc = Json.mapper().readTree(json);
      JsonNode t = doc.path("schema").path("tables").get(0);
      assertThat(t.path("name").asText()).isEqualTo(attack);
      assertThat(t.path("comment").asText()).isEqualTo(attack);
      assertThat(t.path("columns").get(1).path("name").asText()).isEqualTo(attack);
      assertThat(t.path("columns").get(1).path("enum_values").get(0).asText()).isEqualTo(attack);
      assertThat(doc.path("problems").get(0).asText()).isEqualTo(problems(List.of(attack)).get(0).message());
      assertThat(doc.path("statistics").path("query_patterns").get(0).path("text").asText()).contains(attack);
    }
  }

  @Test
  void databaseNullsAreNullsNotText() throws Exception {
    List<String> nulls = Arrays.asList(null, null, null, null, null, null, null, null, null, null);
    List<ResultTable> t = List.of(new ResultTable("table_analysis", postgres("c").get(0).columns(), List.of(nulls.subList(0, 7)), false, null),
        new ResultTable("index_analysis", postgres("c").get(2).columns(), List.of(nulls.subList(0, 7)), false, null),
        new ResultTable("foreign_key_analysis", postgres("c").get(3).columns(), List.of(nulls.subList(0, 9)), false, null),
        new ResultTable("query_pattern_analysis", postgres("c").get(6).columns(), List.of(Arrays.asList(null, null, null, null, null, "read", null)), false,
            null));
    String json = render(t, List.of());
    assertThat(validate(json)).isEmpty();
    JsonNode tab = Json.mapper().readTree(json).path("schema").path("tables").get(0);
    assertThat(tab.path("indexes").get(0).path("columns").size()).isZero();
    assertThat(tab.path("foreign_keys").get(0).path("referenced_table").isNull()).isTrue();
  }

  @Test
  void theSchemaRefusesABrokenDocument() throws Exception {
    ObjectNode doc = (ObjectNode) Json.mapper().readTree(render(postgres("customers"), List.of()));
    ((ObjectNode) doc.path("statistics").path("query_patterns").get(0)).put("kind", "ddl");
    assertThat(validate(doc.toString())).isNotEmpty();
    doc = (ObjectNode) Json.mapper().readTree(render(postgres("customers"), List.of()));
    ((ObjectNode) doc.path("schema").path("tables").get(0)).remove("foreign_keys");
    assertThat(validate(doc.toString())).isNotEmpty();
    doc = (ObjectNode) Json.mapper().readTree(render(postgres("customers"), List.of()));
    doc.put("elapsed_millis", 3);
    assertThat(validate(doc.toString())).isNotEmpty();
    List<String> ids = new ArrayList<>();
    validate(doc.toString()).forEach(e -> ids.add(e.getMessage()));
    assertThat(ids).isNotEmpty();
  }
}
