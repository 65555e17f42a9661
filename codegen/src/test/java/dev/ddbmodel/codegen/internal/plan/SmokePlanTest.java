package dev.ddbmodel.codegen.internal.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddbmodel.core.json.Json;
import dev.ddbmodel.schema.Schema;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The smoke plan's sample completion, coercion and call order, checked directly (no generated code, no golden files). */
class SmokePlanTest {
  static final String SCHEMA = """
      {"tables": [{"table_config": {"table_name": "Shop", "partition_key": "pk", "sort_key": "sk"},
        "gsi_list": [{"name": "ByState", "partition_key": "gsi1pk", "sort_key": "gsi1sk", "projection": "ALL"}],
        "entities": {
          "Order": {"entity_type": "ORDER", "pk_template": "CUSTOMER#{customer_id}", "sk_template": "ORDER#{placed_at}#{order_id}",
            "gsi_mappings": [{"name": "ByState", "pk_template": "STATE#{state}", "sk_template": "{placed_at}"}],
            "fields": [
              {"name": "customer_id", "type": "string", "required": true},
              {"name": "order_id", "type": "uuid", "required": true},
              {"name": "placed_at", "type": "string", "required": true},
              {"name": "state", "type": "string", "required": true},
              {"name": "items", "type": "integer", "required": true},
              {"name": "total", "type": "decimal", "required": true},
              {"name": "gift", "type": "boolean", "required": true},
              {"name": "tags", "type": "array", "item_type": "integer", "required": false},
              {"name": "meta", "type": "object", "required": false},
              {"name": "cancelled_at", "type": "string", "required": false}
            ],
            "access_patterns": [
              {"pattern_id": 1, "name": "get_order", "description": "one order", "operation": "GetItem",
               "parameters": [{"name": "customer_id", "type": "string"}, {"name": "placed_at", "type": "string"}, {"name": "order_id", "type": "string"}],
               "return_type": "single_entity"},
              {"pattern_id": 2, "name": "since", "description": "orders after a time", "operation": "Query", "index_name": "ByState", "range_condition": ">",
               "parameters": [{"name": "state", "type": "string"}, {"name": "after", "type": "string"}], "return_type": "entity_list"},
              {"pattern_id": 3, "name": "open_orders", "description": "orders not cancelled", "operation": "Query",
               "parameters": [{"name": "customer_id", "type": "string"}], "return_type": "entity_list",
               "filter_expression": {"conditions": [{"field": "cancelled_at", "function": "attribute_not_exists"}]}},
              {"pattern_id": 4, "name": "big_orders", "description": "orders with many items", "operation": "Query",
               "parameters": [{"name": "customer_id", "type": "string"}, {"name": "min_items", "type": "integer"}], "return_type": "entity_list",
               "filter_expression": {"conditions": [{"field": "items", "operator": ">", "param": "min_items"}]}},
              {"pattern_id": 5, "name": "cancel", "description": "drop an order", "operation": "DeleteItem",
               "parameters": [{"name": "customer_id", "type": "string"}, {"name": "placed_at", "type": "string"}, {"name": "order_id", "type": "string"}],
               "return_type": "success_flag"},
              {"pattern_id": 6, "name": "save", "description": "replace an order", "operation": "UpdateItem",
               "parameters": [{"name": "order", "type": "entity", "entity_type": "Order"}], "return_type": "single_entity"},
              {"pattern_id": 7, "name": "set_items", "description": "change the item count", "operation": "UpdateItem",
               "parameters": [{"name": "customer_id", "type": "string"}, {"name": "placed_at", "type": "string"}, {"name": "order_id", "type": "string"},
                 {"name": "items", "type": "string"}], "return_type": "single_entity"},
              {"pattern_id": 8, "name": "place", "description": "store an order", "operation": "PutItem",
               "parameters": [{"name": "order", "type": "entity", "entity_type": "Order"}], "return_type": "single_entity"},
              {"pattern_id": 9, "name": "between_days", "description": "orders in a window", "operation": "Query", "range_condition": "between",
               "parameters": [{"name": "customer_id", "type": "string"}, {"name": "start", "type": "string"}, {"name": "end", "type": "string"}],
               "return_type": "entity_list"}
            ]}}}]}
      """;

  static Schema schema() {
    return PlannerTest.load(SCHEMA);
  }

  static Schema.Entity order() {
    return schema().entities().get("Order");
  }

  static JsonNode usage(String sampleJson) {
    return Json.parseTrusted("{\"entities\": {\"Order\": {\"sample_data\": " + sampleJson + "}}}");
  }

  @Test
  void missingFieldsAreCompletedFromTheirTypes() {
    ObjectNode s = SmokePlan.of(schema(), Optional.empty()).samples().get("Order");
    assertThat(s.get("customer_id").asText()).isEqualTo("customer_id-123");
    assertThat(s.get("order_id").asText()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    assertThat(s.get("placed_at").asText()).isEqualTo("2025-01-15T10:00:00Z");
    assertThat(s.get("items").isIntegralNumber()).isTrue();
    assertThat(s.get("total").decimalValue()).isEqualByComparingTo("29.99");
    assertThat(s.get("gift").isBoolean()).isTrue();
    assertThat(s.get("tags").isArray()).isTrue();
    assertThat(s.get("tags").get(0).isIntegralNumber()).as("array items in the item type").isTrue();
    assertThat(s.get("meta").isObject()).isTrue();
  }

  @Test
  void wrongValuesAreCoercedToTheFieldType() {
    ObjectNode s = SmokePlan.of(schema(), Optional.of(usage("""
        {"customer_id": 17, "items": "12.6", "total": "not-a-number", "gift": "yes", "tags": ["3", "x", 4.4], "meta": "text", "state": null}
        """))).samples().get("Order");
    assertThat(s.get("customer_id")).isEqualTo(Json.parseTrusted("\"17\""));
    assertThat(s.get("items").isIntegralNumber()).isTrue();
    assertThat(s.get("items").asLong()).as("text rounded to an integer").isEqualTo(13);
    assertThat(s.get("total").decimalValue()).as("garbage: the default").isEqualByComparingTo("29.99");
    assertThat(s.get("gift").asBoolean()).isTrue();
    assertThat(s.get("tags").toString()).isEqualTo("[3,42,4]");
    assertThat(s.get("meta").isObject()).as("a non-object for an object field: the default").isTrue();
    assertThat(s.get("state").isTextual()).as("null for a required field: the default").isTrue();
  }

  @Test
  void falseLikeTextIsFalse() {
    assertThat(SmokePlan.of(schema(), Optional.of(usage("{\"gift\": \"no\"}"))).samples().get("Order").get("gift").asBoolean()).isFalse();
    assertThat(SmokePlan.of(schema(), Optional.of(usage("{\"gift\": 0}"))).samples().get("Order").get("gift").asBoolean()).isFalse();
  }

  @Test
  void anOptionalFieldAnAttributeNotExistsFilterNamesIsLeftOut() {
    ObjectNode s = SmokePlan.of(schema(), Optional.empty()).samples().get("Order");
    assertThat(s.has("cancelled_at")).as("so open_orders finds the created order").isFalse();
    assertThat(SmokePlan.leftAbsent(order())).containsExactly("cancelled_at");
    ObjectNode given = SmokePlan.of(schema(), Optional.of(usage("{\"cancelled_at\": \"2025-02-01\"}"))).samples().get("Order");
    assertThat(given.get("cancelled_at").asText()).as("usage data wins").isEqualTo("2025-02-01");
  }

  @Test
  void valuesArriveInTheParametersDeclaredType() {
    SmokePlan p = SmokePlan.of(schema(), Optional.of(usage("{\"items\": 5}")));
    SmokePlan.Call setItems = call(p, 7);
    JsonNode items = arg(setItems, "items").value();
    assertThat(items.isTextual()).as("`items` is declared string in the pattern, integer in the entity").isTrue();
    assertThat(items.asText()).isEqualTo("5");
  }

  @Test
  void rangeAndFilterOperandsMakeTheSampleMatch() {
    SmokePlan p = SmokePlan.of(schema(), Optional.of(usage("{\"items\": 5, \"placed_at\": \"2025-03-01\"}")));
    assertThat(arg(call(p, 2), "after").value().asText()).as("> : below the sample's sort key").isLessThan("2025-03-01");
    assertThat(arg(call(p, 4), "min_items").value().asLong()).as("items > min_items for the sample").isLessThan(5);
    assertThat(arg(call(p, 9), "start").value().asText()).isEqualTo(SmokePlan.LOW);
    assertThat(arg(call(p, 9), "end").value().asText()).isEqualTo(SmokePlan.HIGH);
    assertThat(call(p, 4).expect()).isEqualTo(SmokePlan.Expect.FOUND);
    assertThat(call(p, 3).expect()).as("the sample has no cancelled_at: the filter keeps it").isEqualTo(SmokePlan.Expect.FOUND);
  }

  @Test
  void readsComeFirstThenUpdatesThenPutsThenDeletes() {
    SmokePlan p = SmokePlan.of(schema(), Optional.empty());
    assertThat(p.calls()).extracting(SmokePlan.Call::id).containsExactly(1, 2, 3, 4, 9, 6, 7, 8, 5);
    SmokePlan.Call save = call(p, 6);
    assertThat(save.refresh()).as("an update from the entity yields its next version").contains("Order");
    assertThat(arg(save, "order").kind()).isEqualTo(SmokePlan.Arg.Kind.ENTITY);
    assertThat(call(p, 5).thenAbsent()).contains("Order");
    assertThat(call(p, 5).expect()).isEqualTo(SmokePlan.Expect.OK);
    assertThat(call(p, 1).args()).extracting(a -> a.value().asText())
        .containsExactly("customer_id-123", "2025-01-15T10:00:00Z", "123e4567-e89b-42d3-a456-426614174000");
  }

  @Test
  void defaultsAreDeterministic() {
    assertThat(SmokePlan.defaultFor(Schema.FieldType.integer, "created_at", Optional.empty()).asLong()).isEqualTo(1736935200L);
    assertThat(SmokePlan.defaultFor(Schema.FieldType.decimal, "price", Optional.empty()).decimalValue()).isEqualTo(new BigDecimal("29.99"));
    assertThat(SmokePlan.defaultFor(Schema.FieldType.string, "email", Optional.empty()).asText()).isEqualTo("sample@example.com");
    assertThat(SmokePlan.of(schema(), Optional.empty()).samples()).isEqualTo(SmokePlan.of(schema(), Optional.empty()).samples());
  }

  private static SmokePlan.Call call(SmokePlan p, int id) {
    return p.calls().stream().filter(c -> c.id() == id).findFirst().orElseThrow();
  }

  private static SmokePlan.Arg arg(SmokePlan.Call c, String param) {
    List<SmokePlan.Arg> as = c.args().stream().filter(a -> a.param().equals(param)).toList();
    assertThat(as).hasSize(1);
    return as.get(0);
  }
}
