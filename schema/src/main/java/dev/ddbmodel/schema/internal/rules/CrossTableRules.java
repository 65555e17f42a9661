package dev.ddbmodel.schema.internal.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.core.Suggestions;
import dev.ddbmodel.schema.internal.rules.SchemaRules.At;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Cross-table patterns (transactions): required keys, a unique id, a TransactWrite/TransactGet
 * operation, the involved tables, entities and actions ({@code Schema.Involvement},
 * {@code Schema.UnknownTable}, {@code Schema.UnknownEntity}, {@code Schema.Action}, the leg shapes
 * by {@link TransactionRules}), condition placeholders bound by a parameter
 * ({@code Schema.ConditionPlaceholder}) and parameter types that match the field of that name
 * ({@code Schema.ParameterFieldType}).
 */
final class CrossTableRules {
  private CrossTableRules() {}

  static Map<String, String> firstFieldType(SchemaRules r) {
    if (r.firstFieldType == null) {
      r.firstFieldType = new LinkedHashMap<>();
      for (JsonNode t : r.doc.root().get("tables")) {
        if (t.isObject()) {
          for (var it = t.path("entities").properties().iterator(); it.hasNext(); ) {
            for (JsonNode f : it.next().getValue().path("fields")) {
              // an invalid type is reported once, at the field; it must not feed follow-on checks
              if (f.path("name").isTextual() && f.path("type").isTextual() && SchemaRules.FIELD_TYPES.contains(f.get("type").asText())) {
                r.firstFieldType.putIfAbsent(f.get("name").asText(), f.get("type").asText());
              }
            }
          }
        }
      }
    }
    return r.firstFieldType;
  }


  static void check(SchemaRules r, JsonNode xs, At at) {
    if (!xs.isArray()) {
      r.error("Schema.Type", at, "`cross_table_access_patterns` must be an array", "");
      return;
    }
    JsonNode tables = r.doc.root().path("tables");
    for (int c = 0; c < xs.size(); c++) {
      JsonNode x = xs.get(c);
      At xa = at.idx(c);
      if (!x.isObject()) {
        r.error("Schema.Type", xa, "a cross-table pattern must be an object", "");
        continue;
      }
      r.required(x, xa, "pattern_id", "name", "description", "operation", "entities_involved", "parameters", "return_type");
      PatternRules.patternId(r, x, xa);
      String op = x.path("operation").asText("");
      if (x.hasNonNull("operation")) {
        r.enumValue(x.get("operation"), xa.key("operation"), "operation", List.of("TransactWrite", "TransactGet"), "Schema.CrossTableOperation");
      }
      if (x.hasNonNull("return_type")) {
        r.enumValue(x.get("return_type"), xa.key("return_type"), "return_type", List.of("boolean", "object", "array"), "Schema.ReturnType");
      }
      JsonNode inv = x.get("entities_involved");
      At ia = xa.key("entities_involved");
      if (inv != null && !inv.isNull()) {
        if (!inv.isArray() || inv.isEmpty()) {
          r.error("Schema.Involvement", ia, "`entities_involved` must be a non-empty array", "");
        } else {
          for (int k = 0; k < inv.size(); k++) {
            JsonNode e = inv.get(k);
            At ka = ia.idx(k);
            if (!e.isObject()) {
              r.error("Schema.Type", ka, "an involvement must be an object", "");
              continue;
            }
            if (!r.required(e, ka, "table", "entity", "action")) {
              continue;
            }
            JsonNode table = null;
            List<String> tableNames = new ArrayList<>();
            for (JsonNode t : tables) {
              String tn = t.path("table_config").path("table_name").asText("");
              tableNames.add(tn);
              if (tn.equals(e.get("table").asText()) && table == null) {
                table = t;
              }
            }
            if (table == null) {
              r.error("Schema.UnknownTable", ka.key("table"), "table `" + e.get("table").asText() + "` is not in the schema", Suggestions.hint(e.get("table").asText(), tableNames));
            } else if (!table.path("entities").has(e.get("entity").asText())) {
              List<String> ents = new ArrayList<>();
              table.path("entities").fieldNames().forEachRemaining(ents::add);
              r.error("Schema.UnknownEntity", ka.key("entity"), "entity `" + e.get("entity").asText() + "` is not in table `" + e.get("table").asText() + "`",
                  ents.isEmpty() ? "the table defines no entities" : Suggestions.hint(e.get("entity").asText(), ents));
            }
            List<String> actions = SchemaRules.ACTIONS.get(op);
            if (actions != null && !actions.contains(e.get("action").asText())) {
              r.error("Schema.Action", ka.key("action"), "invalid action `" + e.get("action").asText() + "` for `" + op + "`", Suggestions.hint(e.get("action").asText(), actions));
            }
            TransactionRules.shape(r, e, ka, table == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance()
                : table.path("entities").path(e.get("entity").asText()));
          }
        }
      }
      PatternRules.parameters(r, x.get("parameters"), xa.key("parameters"));
      CrossTableRules.conditionPlaceholders(r, x, ia);
      JsonNode ps = x.path("parameters");
      for (int k = 0; ps.isArray() && k < ps.size(); k++) {
        JsonNode p = ps.get(k);
        String pt = p.path("type").asText("");
        String ft = CrossTableRules.firstFieldType(r).get(p.path("name").asText(""));
        if (!pt.isEmpty() && !pt.equals("entity") && ft != null && !ft.equals(pt)) {
          r.error("Schema.ParameterFieldType", xa.key("parameters").idx(k).key("type"), "parameter `" + p.path("name").asText() + "` is `" + pt
              + "` but the field of that name is `" + ft + "`", "change the parameter type to `" + ft + "`");
        }
      }
    }
  }


  private static final java.util.regex.Pattern VALUE_PLACEHOLDER = java.util.regex.Pattern.compile(":([A-Za-z0-9_]+)");

  /**
   * Every {@code :value} of a leg's condition is bound at call time from a plain parameter of the
   * same name or a field of an entity parameter; one bound by neither fails when the transaction
   * runs. Only for actions in the reference form: {@link TransactionRules} checks the others.
   */
  static void conditionPlaceholders(SchemaRules r, JsonNode x, At ia) {
    Set<String> bound = new java.util.TreeSet<>();
    for (JsonNode p : x.path("parameters")) {
      String pt = p.path("type").asText("");
      if (!pt.equals("entity")) {
        bound.add(p.path("name").asText(""));
        continue;
      }
      String et = p.path("entity_type").asText("");
      for (JsonNode t : r.doc.root().path("tables")) {
        for (JsonNode f : t.path("entities").path(et).path("fields")) {
          bound.add(f.path("name").asText(""));
        }
      }
    }
    JsonNode inv = x.path("entities_involved");
    for (int k = 0; inv.isArray() && k < inv.size(); k++) {
      JsonNode c = inv.get(k).get("condition");
      if (c == null || !c.isTextual() || TransactionRules.explicit(inv.get(k))) {
        continue;
      }
      java.util.regex.Matcher m = VALUE_PLACEHOLDER.matcher(c.asText());
      while (m.find()) {
        if (!bound.contains(m.group(1))) {
          r.warn("Schema.ConditionPlaceholder", ia.idx(k).key("condition"), "`:" + m.group(1) + "` in the condition is bound by no parameter"
              + " and no field of an entity parameter, so every call must pass it in condition_values (or the transaction fails when it runs)",
              "add a parameter named `" + m.group(1) + "`, or bind it in `values`" + (bound.isEmpty() ? "" : " (" + Suggestions.hint(m.group(1), bound) + ")"));
        }
      }
    }
  }
}
