package dev.ddbmodel.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Constants, attribute operands and if_not_exists: loaded into the model and rendered as placeholders, never as text. */
class ExpressionsTest {
  static final String HOSTILE = "it's \\\"x\\\" #a :b\\n${c} \\\\ \\u0041";

  static Schema load() {
    String json = """
        {"tables": [{"table_config": {"table_name": "Stock", "partition_key": "pk"},
          "entities": {"Item": {"entity_type": "ITEM", "pk_template": "SKU#{sku}",
            "fields": [{"name": "sku", "type": "string", "required": true}, {"name": "status", "type": "string", "required": true},
              {"name": "stock", "type": "integer", "required": true}, {"name": "reserved", "type": "integer", "required": true},
              {"name": "first_seen", "type": "string", "required": false}],
            "access_patterns": [{"pattern_id": 1, "name": "reserve", "description": "d", "operation": "UpdateItem", "return_type": "single_entity",
              "parameters": [{"name": "sku", "type": "string"}, {"name": "now", "type": "string"}],
              "update": {"set": [{"field": "status", "param": {"literal": "%s"}}, {"field": "first_seen", "param": "now", "if_not_exists": true},
                {"field": "stock", "param": {"attribute": "reserved"}}], "add": [{"field": "reserved", "param": {"literal": 1}}]},
              "condition": {"conditions": [{"field": "status", "operator": "in", "params": [{"literal": "ACTIVE"}, {"literal": "%s"}]},
                {"field": "reserved", "operator": "<", "param": {"attribute": "stock"}}]}}]}}}]}
        """.formatted(HOSTILE, HOSTILE);
    return SchemaLoader.parse("schema.json", json).unwrap();
  }

  @Test
  void constantsAreBoundValuesAndAttributesNames() {
    Schema.AccessPattern ap = load().entities().get("Item").accessPatterns().get(0);
    Expressions.Rendered c = Expressions.condition(ap.condition().orElseThrow(), "c");
    assertThat(c.text()).isEqualTo("(#cn0 IN (:cl0, :cl1)) AND (#cn1 < #cn2)");
    assertThat(c.names()).containsExactly(Map.entry("#cn0", "status"), Map.entry("#cn1", "reserved"), Map.entry("#cn2", "stock"));
    String hostile = "it's \"x\" #a :b\n${c} \\ A";
    assertThat(c.literals()).containsEntry(":cl0", "\"ACTIVE\"").hasSize(2);
    assertThat(dev.ddbmodel.core.json.Json.parseTrusted(c.literals().get(":cl1")).asText()).isEqualTo(hostile);
    assertThat(c.values()).isEmpty();
    Expressions.Rendered u = Expressions.update(ap.update().orElseThrow(), "u");
    assertThat(u.text()).isEqualTo("SET #un0 = :ul0, #un1 = if_not_exists(#un1, :uv0), #un2 = #un3 ADD #un3 :ul1");
    assertThat(u.values()).containsExactly(Map.entry(":uv0", "now"));
    assertThat(u.literals()).containsEntry(":ul1", "1");
    assertThat(u.text()).doesNotContain("ACTIVE").doesNotContain("it's");
  }
}
