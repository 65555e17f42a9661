package dev.ddbmodel.schema.internal.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.core.Suggestions;
import dev.ddbmodel.schema.internal.rules.SchemaRules.At;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Rules of the write constructs of an access pattern: {@code condition} (PutItem, UpdateItem,
 * DeleteItem), {@code update} actions (UpdateItem) and {@code batch_action} (BatchWriteItem).
 */
final class WriteRules {
  static final List<String> CONDITIONAL = List.of("PutItem", "UpdateItem", "DeleteItem");
  static final List<String> UPDATE_KEYS = List.of("set", "remove", "add", "upsert");
  static final List<String> SET_KEYS = List.of("field", "operator", "param", "if_not_exists");
  static final List<String> ADD_KEYS = List.of("field", "param");
  static final List<String> SET_OPERATORS = List.of("=", "+", "-");
  static final List<String> BATCH_ACTIONS = List.of("Put", "Delete");
  static final List<String> PATTERN_KEYS = List.of("pattern_id", "name", "description", "operation", "return_type", "parameters", "index_name",
      "range_condition", "consistent_read", "filter_expression", "condition", "update", "batch_action", CollectionRules.KEY);

  private final SchemaRules r;

  WriteRules(SchemaRules r) {
    this.r = r;
  }

  void pattern(JsonNode ap, At at, JsonNode e, Set<String> fieldNames) {
    String op = ap.path("operation").asText("");
    ap.fieldNames().forEachRemaining(k -> {
      if (!PATTERN_KEYS.contains(k)) {
        Suggestions.closest(k, PATTERN_KEYS).ifPresent(s -> r.warn("Schema.UnknownPatternKey", at.key(k),
            "access pattern key `" + k + "` is not part of the format and is ignored", "did you mean `" + s + "`?"));
      }
    });
    Map<String, String> params = new HashMap<>();
    for (JsonNode p : ap.path("parameters")) {
      if (p.path("name").isTextual()) {
        params.put(p.get("name").asText(), p.path("type").asText(""));
      }
    }
    Map<String, String> values = valueParams(ap);
    Set<String> keyFields = keyFields(e);
    if (ap.hasNonNull("condition")) {
      At ca = at.key("condition");
      if (!CONDITIONAL.contains(op)) {
        r.error("Schema.Condition", ca, "write conditions are only valid for PutItem, UpdateItem and DeleteItem, got `" + op + "`",
            op.equals("BatchWriteItem") ? "DynamoDB's BatchWriteItem takes no conditions: write the items one by one, or in a transaction" : "remove `condition`");
      } else {
        ConditionRules.Types types = ConditionRules.types(e);
        new ConditionRules(r, ConditionRules.Kind.CONDITION, types).check(ap.get("condition"), ca, fieldNames, Set.of(), values);
        if (op.equals("PutItem")) {
          long stored = 0;
          for (JsonNode p : ap.path("parameters")) {
            if (p.path("type").asText("").equals("entity")) {
              stored++;
            }
          }
          if (stored > 1) {
            r.error("Schema.ConditionTarget", ca, "a conditional PutItem stores exactly one item, this one stores " + stored,
                "split it into one pattern per item, or use a cross-table TransactWrite");
          }
        }
      }
    }
    if (ap.hasNonNull("update")) {
      update(ap.get("update"), at.key("update"), op, e, fieldNames, keyFields, params);
    }
    if (ap.hasNonNull("batch_action")) {
      At ba = at.key("batch_action");
      if (!op.equals("BatchWriteItem")) {
        r.error("Schema.BatchAction", ba, "`batch_action` is only valid for BatchWriteItem, got `" + op + "`", "remove `batch_action`");
      } else {
        r.enumValue(ap.get("batch_action"), ba, "batch_action", BATCH_ACTIONS, "Schema.BatchAction");
      }
    }
  }

  /** The parameters of a pattern that hold values (not entities), name to declared type. */
  static Map<String, String> valueParams(JsonNode ap) {
    Map<String, String> out = new java.util.TreeMap<>();
    for (JsonNode p : ap.path("parameters")) {
      if (p.path("name").isTextual() && !p.path("type").asText("").equals("entity")) {
        out.put(p.get("name").asText(), p.path("type").asText(""));
      }
    }
    return out;
  }

  /** Fields of the primary key templates. */
  static Set<String> keyFields(JsonNode e) {
    Set<String> out = new LinkedHashSet<>();
    for (String k : List.of("pk_template", "sk_template")) {
      if (e.path(k).isTextual()) {
        for (String raw : TemplateRules.placeholders(e.get(k).asText())) {
          int colon = raw.indexOf(':');
          out.add((colon < 0 ? raw : raw.substring(0, colon)).strip());
        }
      }
    }
    return out;
  }

  /**
   * The rules of update actions, of an UpdateItem pattern or of a transaction's {@code Update}.
   *
   * @param op {@code UpdateItem} for a pattern; a transaction passes it for its {@code Update} action
   * @param params the pattern's parameters, name to type; null in a transaction, whose values are
   *     bound (and type-checked) by {@link TransactionRules}
   */
  void update(JsonNode u, At ua, String op, JsonNode e, Set<String> fieldNames, Set<String> keyFields, Map<String, String> params) {
    if (!op.equals("UpdateItem")) {
      r.error("Schema.Update", ua, "`update` actions are only valid for UpdateItem, got `" + op + "`", "use UpdateItem, or remove `update`");
      return;
    }
    if (!u.isObject()) {
      r.error("Schema.Update", ua, "`update` must be an object, got " + SchemaRules.typeName(u), "write {\"set\": [...], \"remove\": [...], \"add\": [...]}");
      return;
    }
    unknown(u, ua, UPDATE_KEYS, "`update`");
    for (var it = (params == null ? Map.<String, String>of() : params).entrySet().iterator(); it.hasNext(); ) {
      var p = it.next();
      if (p.getValue().equals("entity")) {
        r.error("Schema.Update", ua, "an UpdateItem with `update` actions takes key and value parameters, not the entity `" + p.getKey() + "`",
            "pass the key fields and the values the actions name, or drop `update` to write the whole entity");
        break;
      }
    }
    if (u.has("upsert") && !u.get("upsert").isBoolean()) {
      r.error("Schema.Type", ua.key("upsert"), "`upsert` must be true or false, got " + SchemaRules.typeName(u.get("upsert")), "");
    }
    Map<String, String> types = new HashMap<>();
    Map<String, String> items = ConditionRules.types(e).items();
    Set<String> required = new LinkedHashSet<>();
    for (JsonNode f : e.path("fields")) {
      types.put(f.path("name").asText(""), f.path("type").asText(""));
      if (f.path("required").asBoolean(false)) {
        required.add(f.path("name").asText(""));
      }
    }
    Map<String, At> touched = new HashMap<>();
    int actions = 0;
    for (String section : List.of("set", "add", "remove")) {
      JsonNode list = u.get(section);
      if (list == null || list.isNull()) {
        continue;
      }
      At sa = ua.key(section);
      if (!list.isArray()) {
        r.error("Schema.Type", sa, "`update." + section + "` must be an array", "");
        continue;
      }
      for (int i = 0; i < list.size(); i++) {
        JsonNode a = list.get(i);
        At aa = sa.idx(i);
        actions++;
        String field;
        At fa;
        if (section.equals("remove")) {
          if (!a.isTextual()) {
            r.error("Schema.Type", aa, "a `remove` entry is a field name, got " + SchemaRules.typeName(a), "e.g. \"remove\": [\"discount\"]");
            continue;
          }
          field = a.asText();
          fa = aa;
        } else {
          if (!a.isObject()) {
            r.error("Schema.Type", aa, "an `update." + section + "` entry must be an object", "e.g. {\"field\": \"units_sold\", \"param\": \"quantity\"}");
            continue;
          }
          unknown(a, aa, section.equals("set") ? SET_KEYS : ADD_KEYS, "`update." + section + "` entry");
          if (!r.required(a, aa, "field", "param")) {
            continue;
          }
          field = a.get("field").asText();
          fa = aa.key("field");
        }
        if (field.equals("version")) {
          r.error("Schema.UpdateVersion", fa, "`version` is kept by the generated code (optimistic locking) and cannot be an update action", "remove this action");
          continue;
        }
        if (!fieldNames.contains(field)) {
          r.error("Schema.UpdateField", fa, "field `" + field + "` is not a field of the entity",
              Suggestions.closest(field, fieldNames).map(s -> "did you mean `" + s + "`?").orElse("fields: " + String.join(", ", new TreeSet<>(fieldNames))));
          continue;
        }
        if (keyFields.contains(field)) {
          r.error("Schema.UpdateKey", fa, "`" + field + "` is part of the primary key; DynamoDB cannot change the key of an item in an update",
              "delete the item and put a new one (a TransactWrite does both at once)");
          continue;
        }
        At prev = touched.putIfAbsent(field, aa);
        if (prev != null) {
          r.error("Schema.UpdateConflict", fa, "`" + field + "` is already updated at `" + prev.path() + "`; DynamoDB refuses two actions on one attribute in an update",
              "keep one action per field");
        }
        if (section.equals("remove")) {
          if (required.contains(field)) {
            r.error("Schema.UpdateRemoveRequired", fa, "`" + field + "` is a required field; an item without it no longer reads as the entity",
                "make the field optional (\"required\": false), or SET it instead");
          }
          continue;
        }
        String operator = section.equals("add") ? "+" : a.path("operator").asText("=");
        if (section.equals("set") && a.has("operator")) {
          r.enumValue(a.get("operator"), aa.key("operator"), "SET operator", SET_OPERATORS, "Schema.UpdateOperator");
        }
        if (section.equals("set") && a.has("if_not_exists")) {
          if (!a.get("if_not_exists").isBoolean()) {
            r.error("Schema.Type", aa.key("if_not_exists"), "`if_not_exists` must be true or false, got " + SchemaRules.typeName(a.get("if_not_exists")), "");
          } else if (a.get("if_not_exists").asBoolean() && !operator.equals("=")) {
            r.error("Schema.UpdateIfNotExists", aa.key("if_not_exists"), "`if_not_exists` keeps an existing value and sets a missing one; it takes no arithmetic (`"
                + operator + "`)", "drop `operator` (arithmetic already counts a missing attribute as 0), or drop `if_not_exists`");
          }
        }
        String param = a.get("param").asText();
        String ft = types.getOrDefault(field, "");
        if (!operator.equals("=") && !ft.equals("integer") && !ft.equals("decimal")) {
          r.error("Schema.UpdateArithmetic", fa, "`" + field + "` is `" + ft + "`; " + (section.equals("add") ? "ADD" : "arithmetic") + " needs a number field",
              section.equals("add") ? "use SET for a value that is not a number" : "use \"operator\": \"=\" to assign it");
          continue;
        }
        if (!a.get("param").isTextual()) {
          operand(a.get("param"), aa.key("param"), section, field, ft, Optional.ofNullable(items.get(field)), operator, fieldNames, types);
          continue;
        }
        if (params == null) {
          continue;
        }
        if (!params.containsKey(param)) {
          r.error("Schema.UpdateParam", aa.key("param"), "`" + param + "` is not a parameter of the pattern", params.isEmpty()
              ? "declare it in `parameters`" : Suggestions.closest(param, params.keySet()).map(s -> "did you mean `" + s + "`?").orElse("declare it in `parameters`"));
          continue;
        }
        paramType(r, field, ft, Optional.ofNullable(items.get(field)), param, params.get(param), operator, aa.key("param"));
      }
    }
    if (actions == 0) {
      r.error("Schema.Update", ua, "`update` names no action", "add a `set`, `add` or `remove` entry, or drop `update`");
    }
    if (u.path("upsert").asBoolean(false)) {
      for (String f : required) {
        if (!keyFields.contains(f) && !touched.containsKey(f) && !f.equals("version") && !f.equals("entity_type")) {
          r.error("Schema.UpsertRequired", ua.key("upsert"), "an upsert can create the item, but it writes no value for required field `" + f + "`",
              "set `" + f + "` in `update.set` (or `add` it), or make the field optional");
        }
      }
    }
  }

  /**
   * {@code Schema.UpdateParamType}: the value of an update action does not fit its field (a
   * {@code string} in {@code stock - :quantity}, a {@code decimal} stored in an {@code integer}).
   *
   * @param operator {@code =} for an assignment, {@code +} or {@code -} for arithmetic and ADD
   */
  static void paramType(SchemaRules r, String field, String fieldType, Optional<String> itemType, String param, String paramType, String operator, At at) {
    ParamTypes.mismatch(fieldType, itemType, paramType, operator.equals("=") ? ParamTypes.Use.ASSIGN : ParamTypes.Use.ARITHMETIC)
        .ifPresent(why -> r.error("Schema.UpdateParamType", at, "`" + param + "` is `" + paramType + "` but field `" + field + "` is `" + fieldType + "`: " + why,
            "declare `" + param + "` as `" + fieldType + "`"));
  }

  /** A constant ({@code {"literal": x}}) or another attribute ({@code {"attribute": "f"}}) as the value of an update action. */
  private void operand(JsonNode v, At at, String section, String field, String ft, Optional<String> itemType, String operator, Set<String> fieldNames,
      Map<String, String> types) {
    ParamTypes.Use use = operator.equals("=") ? ParamTypes.Use.ASSIGN : ParamTypes.Use.ARITHMETIC;
    if (!v.isObject()) {
      r.error("Schema.UpdateValue", at, "a value is a parameter name, {\"literal\": ...} or {\"attribute\": \"...\"}, got " + SchemaRules.typeName(v),
          v.isValueNode() && !v.isNull() ? "write {\"literal\": " + v + "} for a constant" : "name a parameter");
      return;
    }
    List<String> keys = new java.util.ArrayList<>();
    v.fieldNames().forEachRemaining(keys::add);
    if (keys.size() != 1 || !ConditionRules.OPERAND_KEYS.contains(keys.get(0))) {
      r.error("Schema.UpdateValue", at, "a value object has exactly one key, `literal` or `attribute`, got " + (keys.isEmpty() ? "none" : "`" + String.join("`, `", keys) + "`"),
          keys.size() == 1 ? Suggestions.hint(keys.get(0), ConditionRules.OPERAND_KEYS) : "write {\"literal\": \"CANCELLED\"} or {\"attribute\": \"other_field\"}");
      return;
    }
    if (keys.get(0).equals("literal")) {
      JsonNode l = v.get("literal");
      Optional<String> lt = ConditionRules.literalType(l);
      if (lt.isEmpty()) {
        r.error("Schema.UpdateValue", at.key("literal"), "a `literal` is a string (at most " + ConditionRules.MAX_LITERAL + " characters), a number (at most 38 digits) or a boolean, got " + ConditionRules.describe(l),
            "write {\"literal\": \"CANCELLED\"}, {\"literal\": 0} or {\"literal\": true}");
        return;
      }
      ParamTypes.mismatch(ft, itemType, lt.get(), use).ifPresent(why -> r.error("Schema.UpdateValue", at.key("literal"),
          "constant " + l + " is a `" + lt.get() + "` but field `" + field + "` is `" + ft + "`: " + why, "write a constant of the field's type"));
      return;
    }
    JsonNode a = v.get("attribute");
    if (section.equals("add")) {
      r.error("Schema.UpdateAttribute", at.key("attribute"), "ADD adds a value, not another attribute (DynamoDB refuses a path in ADD)",
          "use a SET with \"operator\": \"+\" and {\"attribute\": ...}, or a parameter");
      return;
    }
    if (!a.isTextual() || a.asText().isEmpty()) {
      r.error("Schema.UpdateAttribute", at.key("attribute"), "`attribute` names a field of the entity, got " + SchemaRules.typeName(a), "e.g. {\"attribute\": \"price\"}");
      return;
    }
    String other = a.asText();
    if (!fieldNames.contains(other)) {
      r.error("Schema.UpdateAttribute", at.key("attribute"), "`" + other + "` is not a field of the entity",
          Suggestions.closest(other, fieldNames).map(s -> "did you mean `" + s + "`?").orElse("fields: " + String.join(", ", new TreeSet<>(fieldNames))));
      return;
    }
    ParamTypes.mismatch(ft, itemType, types.getOrDefault(other, ""), use).ifPresent(why -> r.error("Schema.UpdateAttribute", at.key("attribute"),
        "field `" + other + "` is `" + types.get(other) + "` but field `" + field + "` is `" + ft + "`: " + why, "copy a field of the same type"));
  }

  private void unknown(JsonNode obj, At at, List<String> known, String what) {
    obj.fieldNames().forEachRemaining(k -> {
      if (!known.contains(k)) {
        r.error("Schema.UnknownKey", at.key(k), "unknown key `" + k + "` in " + what, Suggestions.hint(k, known));
      }
    });
  }
}
