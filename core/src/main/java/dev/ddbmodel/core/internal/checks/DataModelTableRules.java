package dev.ddbmodel.core.internal.checks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code tables} list: one table per name ({@code DataModel.DuplicateTable}), then, for each
 * table in file order, the table rules in the order their findings are reported: attribute
 * definitions, the table key, indexes, unused definitions, capacity, settings, the projected
 * attribute total, TTL. Returns the typed views the item and pattern rules use.
 */
final class DataModelTableRules {
  private DataModelTableRules() {}

  static Map<String, TableView> check(JsonNode tables, Findings c) {
    Map<String, TableView> out = new LinkedHashMap<>();
    if (!tables.isArray()) {
      return out;
    }
    for (int i = 0; i < tables.size(); i++) {
      JsonNode t = tables.get(i);
      String p = "/tables/" + i;
      if (!t.isObject() || !t.path("TableName").isTextual()) {
        continue;
      }
      String name = t.get("TableName").asText();
      if (out.containsKey(name)) {
        c.error("DataModel.DuplicateTable", p + "/TableName", "table `" + name + "` is defined twice", "rename or remove one of them");
        continue;
      }
      TableView v = TableView.of(t, p);
      AttributeDefinitionRules.duplicates(v, c);
      KeySchemaRules.check(t.path("KeySchema"), p + "/KeySchema", v.types(), c, "table", 1, 1);
      DataModelIndexRules.check(v, c);
      AttributeDefinitionRules.unused(v, c);
      CapacityRules.table(v, c);
      TableSettingsRules.check(v, c);
      DataModelIndexRules.projectedTotal(v, c);
      TableSettingsRules.ttlOnKey(v, c);
      out.put(name, v);
    }
    return out;
  }
}
