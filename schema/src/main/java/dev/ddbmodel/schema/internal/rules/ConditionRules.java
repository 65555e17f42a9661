package dev.ddbmodel.schema.internal.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.core.internal.guide.DynamoDbLimits;
import dev.ddbmodel.core.Suggestions;
import dev.ddbmodel.schema.internal.rules.SchemaRules.At;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one validator of the condition grammar ({@code {"conditions": [{"field", "operator" |
 * "function", "param" / "param2" / "params"}], "logical_operator": "AND" | "OR"}}) shared by filter
 * expressions, write conditions and transaction condition checks. Diagnostic ids are the kind's
 * prefix plus a detail: {@code Schema.Filter}, {@code Schema.FilterField}, ... for filters,
 * {@code Schema.Condition}, {@code Schema.ConditionField}, ... for conditions.
 */
final class ConditionRules {
  static final List<String> KEYS = List.of("conditions", "logical_operator");
  static final List<String> CONDITION_KEYS = List.of("field", "operator", "function", "param", "param2", "params");

  /** Which construct is checked: names the ids and the messages. */
  enum Kind {
    FILTER("filter", "Schema.Filter", "Schema.FilterField", "Schema.FilterFunction", "Schema.FilterOperator", "Schema.FilterParam", null,
        "Schema.FilterParamType", "Schema.FilterValue", "Schema.FilterAttribute", true),
    CONDITION("write condition", "Schema.Condition", "Schema.ConditionField", "Schema.ConditionFunction", "Schema.ConditionOperator",
        "Schema.ConditionParam", "Schema.ConditionLimit", "Schema.ConditionParamType", "Schema.ConditionValue", "Schema.ConditionAttribute", false);

    final String noun;
    final String id;
    final String field;
    final String function;
    final String operator;
    /** Unknown parameter (null: not checked). */
    final String param;
    /** A DynamoDB limit exceeded (null: not checked). */
    final String limit;
    /** A parameter whose declared type does not fit the field. */
    final String paramType;
    /** A malformed, misplaced or mistyped constant operand ({@code {"literal": x}}), or a value that is neither a parameter name nor an operand object. */
    final String value;
    /** An attribute operand ({@code {"attribute": "f"}}) naming no field, or a field of another type. */
    final String attribute;
    /**
     * Parameter problems are warnings: a filter of the reference format may name values its
     * generated method takes anyway, and a type mismatch there only never matches. Constants and
     * attribute operands are no part of the reference format: their problems are errors in every kind.
     */
    final boolean lenient;

    Kind(String noun, String id, String field, String function, String operator, String param, String limit, String paramType, String value,
        String attribute, boolean lenient) {
      this.noun = noun;
      this.id = id;
      this.field = field;
      this.function = function;
      this.operator = operator;
      this.param = param;
      this.limit = limit;
      this.paramType = paramType;
      this.value = value;
      this.attribute = attribute;
      this.lenient = lenient;
    }
  }

  private final SchemaRules r;
  private final Kind kind;
  /** Field name to schema type, of the fields a condition may name (missing: not type-checked). */
  private final Map<String, String> fieldTypes;
  /** Field name to element type, of array fields. */
  private final Map<String, String> itemTypes;
  /** The fields of the expression being checked (an attribute operand names one of them). */
  private Set<String> fields = Set.of();
  /** The fields the expression may not name (a Query filter's key fields), as a tested field or as an attribute operand. */
  private Set<String> keyFields = Set.of();

  ConditionRules(SchemaRules r, Kind kind) {
    this(r, kind, Map.of(), Map.of());
  }

  ConditionRules(SchemaRules r, Kind kind, Map<String, String> fieldTypes, Map<String, String> itemTypes) {
    this.r = r;
    this.kind = kind;
    this.fieldTypes = fieldTypes;
    this.itemTypes = itemTypes;
  }

  /** Field name to type and, of array fields, to element type. */
  record Types(Map<String, String> fields, Map<String, String> items) {}

  /** The field and item types of an entity's JSON, for the type checks. */
  static Types types(JsonNode e) {
    Map<String, String> ft = new HashMap<>();
    Map<String, String> it = new HashMap<>();
    for (JsonNode f : e.path("fields")) {
      ft.put(f.path("name").asText(""), f.path("type").asText(""));
      if (f.path("item_type").isTextual()) {
        it.put(f.path("name").asText(""), f.get("item_type").asText());
      }
    }
    return new Types(ft, it);
  }

  ConditionRules(SchemaRules r, Kind kind, Types types) {
    this(r, kind, types.fields(), types.items());
  }

  /**
   * Checks one expression.
   *
   * @param fieldNames the entity's fields (a condition names one of them)
   * @param forbidden fields a condition may not name (the key fields of a Query filter), else empty
   * @param params the declared parameters a value may come from, name to type; null: not checked
   *     here (a transaction action's, bound later by {@link TransactionRules})
   */
  void check(JsonNode fe, At at, Set<String> fieldNames, Set<String> forbidden, Map<String, String> params) {
    if (!fe.isObject()) {
      r.error(kind.id, at, "a " + kind.noun + " must be an object, got " + SchemaRules.typeName(fe),
          "write {\"conditions\": [{\"field\": \"status\", \"operator\": \"=\", \"param\": \"expected\"}]}");
      return;
    }
    if (kind == Kind.CONDITION) {
      unknownKeys(fe, at, KEYS);
    }
    JsonNode conds = fe.path("conditions");
    if (!conds.isArray() || conds.isEmpty()) {
      r.error(kind.id, at.key("conditions"), "`" + (kind == Kind.FILTER ? "filter_expression" : "condition") + ".conditions` must be a non-empty array", "");
      return;
    }
    if (fe.hasNonNull("logical_operator") && !List.of("AND", "OR").contains(fe.get("logical_operator").asText())) {
      r.error(kind.id, at.key("logical_operator"), "invalid logical_operator `" + fe.get("logical_operator").asText() + "`", "use AND or OR");
    }
    fields = fieldNames;
    keyFields = forbidden;
    for (int c = 0; c < conds.size(); c++) {
      one(conds.get(c), at.key("conditions").idx(c), fieldNames, forbidden, params);
    }
  }

  /** Keys this construct does not know: an error with the closest known key. */
  void unknownKeys(JsonNode obj, At at, List<String> known) {
    obj.fieldNames().forEachRemaining(k -> {
      if (!known.contains(k)) {
        r.error("Schema.UnknownKey", at.key(k), "unknown key `" + k + "` in a " + kind.noun, Suggestions.hint(k, known));
      }
    });
  }

  private void one(JsonNode cond, At ca, Set<String> fieldNames, Set<String> forbidden, Map<String, String> params) {
    if (!cond.isObject()) {
      r.error(kind.id, ca, "a " + kind.noun + " condition must be an object", "");
      return;
    }
    if (kind == Kind.CONDITION) {
      unknownKeys(cond, ca, CONDITION_KEYS);
    }
    String field = cond.path("field").asText("");
    if (!cond.path("field").isTextual() || field.isEmpty()) {
      r.error(kind.id, ca.key("field"), "a " + kind.noun + " condition needs a non-empty `field`", "");
      return;
    }
    if (!fieldNames.contains(field)) {
      r.error(kind.field, ca.key("field"), "field `" + field + "` is not a field of the entity",
          Suggestions.closest(field, fieldNames).map(s -> "did you mean `" + s + "`?").orElse("fields: " + String.join(", ", new TreeSet<>(fieldNames))));
      return;
    }
    if (forbidden.contains(field)) {
      r.error("Schema.FilterOnKey", ca.key("field"), "cannot filter on key attribute `" + field + "` in a Query", "express it in the key condition (range_condition) instead");
      return;
    }
    String operator = cond.path("operator").asText("");
    String function = cond.path("function").asText("");
    if (!operator.isEmpty() && !function.isEmpty() && !function.equals("size")) {
      r.error(kind.id, ca, "a condition has either `operator` or `function` (only `size` takes both)", "");
      return;
    }
    if (operator.isEmpty() && function.isEmpty()) {
      r.error(kind.id, ca, "a condition needs `operator` or `function`",
          "operators: " + String.join(", ", SchemaRules.OPERATORS) + "; functions: " + String.join(", ", SchemaRules.FUNCTIONS));
      return;
    }
    if (!function.isEmpty()) {
      if (!SchemaRules.FUNCTIONS.contains(function)) {
        r.error(kind.function, ca.key("function"), "invalid function `" + function + "`", Suggestions.hint(function, SchemaRules.FUNCTIONS));
        return;
      }
      if (function.equals("size") && operator.isEmpty()) {
        r.error(kind.id, ca, "`size` needs an `operator`", "e.g. \"operator\": \">\"");
        return;
      }
      if ((function.equals("contains") || function.equals("begins_with")) && !cond.hasNonNull("param")) {
        r.error(kind.id, ca, "`" + function + "` needs a `param`", "name the parameter that holds the value");
      }
      if (function.startsWith("attribute_")) {
        for (String k : List.of("param", "param2", "params")) {
          JsonNode v = cond.get(k);
          if (v != null && (v.isObject() || v.isArray() && v.size() > 0 && v.get(0).isObject()) && kind.value != null) {
            r.error(kind.value, ca.key(k), "`" + function + "` tests the attribute alone and takes no value", "remove `" + k + "`");
          }
        }
      }
      if (!function.equals("size")) {
        param(cond, ca, "param", params, field, ParamTypes.of(function, operator));
        return;
      }
    }
    if (!SchemaRules.OPERATORS.contains(operator)) {
      r.error(kind.operator, ca.key("operator"), "invalid operator `" + operator + "`", Suggestions.hint(operator, SchemaRules.OPERATORS));
    } else if (operator.equals("between")) {
      if (!cond.hasNonNull("param")) {
        r.error(kind.id, ca, "`between` needs `param`", "name the parameter with the lower bound in `param`");
      }
      if (!cond.hasNonNull("param2")) {
        r.error(kind.id, ca, "`between` needs `param2`", "name the parameter with the upper bound in `param2`");
      }
      param(cond, ca, "param", params, field, ParamTypes.of(function, operator));
      param(cond, ca, "param2", params, field, ParamTypes.of(function, operator));
    } else if (operator.equals("in")) {
      if (!cond.path("params").isArray() || cond.path("params").isEmpty()) {
        r.error(kind.id, ca, "`in` needs a non-empty `params` array", "list the parameters holding the allowed values in `params`");
      } else if (kind == Kind.CONDITION && cond.get("params").size() > DynamoDbLimits.CONDITION_IN_OPERANDS) {
        r.error(kind.limit, ca.key("params"), "`in` lists " + cond.get("params").size() + " values; DynamoDB accepts at most " + DynamoDbLimits.CONDITION_IN_OPERANDS,
            "split the condition, or check the values in the application");
      } else {
        for (int i = 0; i < cond.get("params").size(); i++) {
          operand(cond.get("params").get(i), ca.key("params").idx(i), params, field, ParamTypes.of(function, operator));
        }
      }
    } else if (!cond.hasNonNull("param")) {
      r.error(kind.id, ca, "`" + operator + "` needs `param`", "name the parameter holding the compared value in `param`");
    } else {
      param(cond, ca, "param", params, field, ParamTypes.of(function, operator));
    }
  }

  private void param(JsonNode cond, At ca, String key, Map<String, String> params, String field, ParamTypes.Use use) {
    if (cond.hasNonNull(key)) {
      operand(cond.get(key), ca.key(key), params, field, use);
    }
  }

  /** One value: a parameter name (checked when {@code params} is given), a constant or another attribute. */
  private void operand(JsonNode v, At at, Map<String, String> params, String field, ParamTypes.Use use) {
    if (v.isObject() && kind.value != null) {
      constantOrAttribute(v, at, field, use);
      return;
    }
    if (kind.value != null && !v.isTextual()) {
      r.error(kind.value, at, "a value is a parameter name, {\"literal\": ...} or {\"attribute\": \"...\"}, got " + SchemaRules.typeName(v),
          v.isValueNode() ? "write {\"literal\": " + v + "} for a constant" : "name a parameter");
      return;
    }
    if (params != null) {
      name(v, at, params, field, use);
    }
  }

  /** A constant ({@code {"literal": x}}) or another attribute ({@code {"attribute": "f"}}) of a write condition or a filter. */
  private void constantOrAttribute(JsonNode v, At at, String field, ParamTypes.Use use) {
    List<String> keys = new java.util.ArrayList<>();
    v.fieldNames().forEachRemaining(keys::add);
    if (keys.size() != 1 || !OPERAND_KEYS.contains(keys.get(0))) {
      r.error(kind.value, at, "a value object has exactly one key, `literal` or `attribute`, got " + (keys.isEmpty() ? "none" : "`" + String.join("`, `", keys) + "`"),
          keys.size() == 1 ? Suggestions.hint(keys.get(0), OPERAND_KEYS) : "write {\"literal\": \"ACTIVE\"} or {\"attribute\": \"other_field\"}");
      return;
    }
    String ft = fieldTypes.get(field);
    Optional<String> it = Optional.ofNullable(itemTypes.get(field));
    if (keys.get(0).equals("literal")) {
      JsonNode l = v.get("literal");
      Optional<String> lt = literalType(l);
      if (lt.isEmpty()) {
        r.error(kind.value, at.key("literal"), "a `literal` is a string (at most " + MAX_LITERAL + " characters), a number (at most 38 digits) or a boolean, got " + describe(l),
            "write {\"literal\": \"ACTIVE\"}, {\"literal\": 0} or {\"literal\": true}");
        return;
      }
      if (ft != null) {
        ParamTypes.mismatch(ft, it, lt.get(), use).ifPresent(why -> r.error(kind.value, at.key("literal"),
            "constant " + l + " is a `" + lt.get() + "` but field `" + field + "` is `" + ft + "`: " + why, "write a constant of the field's type"));
      }
      return;
    }
    JsonNode a = v.get("attribute");
    if (!a.isTextual() || a.asText().isEmpty()) {
      r.error(kind.attribute, at.key("attribute"), "`attribute` names a field of the entity, got " + SchemaRules.typeName(a), "e.g. {\"attribute\": \"stock\"}");
      return;
    }
    String other = a.asText();
    if (!fields.contains(other)) {
      r.error(kind.attribute, at.key("attribute"), "`" + other + "` is not a field of the entity",
          Suggestions.closest(other, fields).map(s -> "did you mean `" + s + "`?").orElse("fields: " + String.join(", ", new TreeSet<>(fields))));
      return;
    }
    if (keyFields.contains(other)) {
      // DynamoDB refuses a key attribute anywhere in a Query's filter expression, as an operand too
      r.error("Schema.FilterOnKey", at.key("attribute"), "cannot compare with key attribute `" + other + "` in a Query filter",
          "express it in the key condition (range_condition) instead, or compare with a parameter");
      return;
    }
    if (use == ParamTypes.Use.CONTAINS || use == ParamTypes.Use.BEGINS_WITH) {
      r.error(kind.attribute, at.key("attribute"), "`" + (use == ParamTypes.Use.CONTAINS ? "contains" : "begins_with") + "` takes a parameter or a constant, not another attribute",
          "compare the attributes with an operator, or pass the value as a parameter");
      return;
    }
    String ot = fieldTypes.get(other);
    if (ft != null && ot != null) {
      ParamTypes.mismatch(ft, it, ot, use).ifPresent(why -> r.error(kind.attribute, at.key("attribute"),
          "field `" + other + "` is `" + ot + "` but field `" + field + "` is `" + ft + "`: " + why, "compare fields of one type"));
    }
  }

  static final List<String> OPERAND_KEYS = List.of("literal", "attribute");

  /** Longest string constant, in UTF-16 units: at most 3 bytes each in a Java class constant. */
  static final int MAX_LITERAL = 16_384;

  /** A constant DynamoDB or the generated code cannot hold, in a few words. */
  static String describe(JsonNode l) {
    return l != null && l.isTextual() ? "a string of " + l.asText().length() + " characters" : l != null && l.isNumber() ? "the number " + l : SchemaRules.typeName(l);
  }

  /** The schema type of a constant ({@code string}, {@code integer}, {@code decimal}, {@code boolean}), or empty when it is none DynamoDB can hold. */
  static Optional<String> literalType(JsonNode l) {
    if (l == null) {
      return Optional.empty();
    }
    if (l.isTextual()) {
      // every generated language holds it as one string constant (a Java class constant takes 65,535 bytes)
      return l.asText().length() <= MAX_LITERAL ? Optional.of("string") : Optional.empty();
    }
    if (l.isBoolean()) {
      return Optional.of("boolean");
    }
    if (!l.isNumber()) {
      return Optional.empty();
    }
    try {
      java.math.BigDecimal d = l.decimalValue();
      if (d.stripTrailingZeros().precision() > 38) {
        return Optional.empty();
      }
      return Optional.of(l.isIntegralNumber() ? "integer" : "decimal");
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private void report(String id, At at, String msg, String hint) {
    if (kind.lenient) {
      r.warn(id, at, msg, hint);
    } else {
      r.error(id, at, msg, hint);
    }
  }

  private void name(JsonNode v, At at, Map<String, String> params, String field, ParamTypes.Use use) {
    String n = v.asText();
    if (!v.isTextual() || !params.containsKey(n)) {
      report(kind.param, at, "`" + n + "` is not a parameter of the pattern" + (kind.lenient ? "; the generated method has no value for it" : ""),
          params.isEmpty() ? "declare it in `parameters`, e.g. {\"name\": \"" + n + "\", \"type\": \"string\"}"
              : Suggestions.closest(n, params.keySet()).map(s -> "did you mean `" + s + "`?").orElse("declare it in `parameters`"));
      return;
    }
    String ft = fieldTypes.get(field);
    if (ft != null) {
      ParamTypes.mismatch(ft, Optional.ofNullable(itemTypes.get(field)), params.get(n), use).ifPresent(why -> report(kind.paramType, at,
          "parameter `" + n + "` is `" + params.get(n) + "` but field `" + field + "` is `" + ft + "`: " + why,
          "declare `" + n + "` with the field's type, or compare it with another field"));
    }
  }
}
