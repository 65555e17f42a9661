package dev.ddbmodel.core.internal.checks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.core.Suggestions;
import dev.ddbmodel.core.json.Json;
import dev.ddbmodel.core.json.JsonDocument;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One DynamoDB-JSON attribute value ({@code DataModel.AttributeValue}): exactly one known type
 * key holding a value of that type (numbers in strings, base64 binaries, non-empty sets of
 * unique members, maps and lists checked member by member), and a key attribute's value against
 * its declared type ({@code DataModel.ItemKeyType}, {@code DataModel.ItemEmptyKey}).
 */
final class AttributeValueRules {
  private static final Set<String> TYPES = Set.of("S", "N", "B", "BOOL", "NULL", "M", "L", "SS", "NS", "BS");

  private AttributeValueRules() {}

  static void keyType(JsonNode v, String attr, String want, String p, Findings c) {
    if (want == null || !v.isObject() || v.size() != 1) {
      return;
    }
    String got = v.fieldNames().next();
    if (!got.equals(want)) {
      c.error("DataModel.ItemKeyType", p, "key attribute `" + attr + "` is declared as `" + want + "` but the item gives `" + got + "`",
          "write it as {\"" + want + "\": ...} or change its AttributeType");
    } else if (v.get(got).isTextual() && v.get(got).asText().isEmpty()) {
      c.error("DataModel.ItemEmptyKey", p, "key attribute `" + attr + "` is an empty string", "key values must not be empty");
    }
  }

  /** Checks one DynamoDB-JSON value (its size comes from {@link ItemSizes}). */
  static void value(JsonNode v, String p, Findings c) {
    if (!v.isObject() || v.size() != 1) {
      String hint = v.isObject() && v.size() > 1 ? "keep exactly one type key, e.g. {\"S\": \"text\"}"
          : v.isTextual() ? "wrap it: {\"S\": " + Json.compact(v) + "}"
          : v.isNumber() ? "wrap it: {\"N\": \"" + v.asText() + "\"}"
          : v.isBoolean() ? "wrap it: {\"BOOL\": " + v.asText() + "}"
          : "use DynamoDB JSON, e.g. {\"S\": \"text\"}";
      c.error("DataModel.AttributeValue", p, "an attribute value must be an object with exactly one type key (S, N, B, BOOL, NULL, M, L, SS, NS, BS)", hint);
      return;
    }
    String type = v.fieldNames().next();
    JsonNode x = v.get(type);
    String tp = Json.pointer(p, type);
    switch (type) {
      case "S":
        if (!x.isTextual()) {
          c.error("DataModel.AttributeValue", tp, "an `S` value must be a JSON string", "put the value in double quotes");
          return;
        }
        return;
      case "N":
        if (x.isNumber()) {
          c.error("DataModel.AttributeValue", tp, "an `N` value must be written as a string", "write {\"N\": \"" + x.asText() + "\"}");
          return;
        }
        if (!x.isTextual() || !isNumber(x.asText())) {
          c.error("DataModel.AttributeValue", tp, "an `N` value must be a number in a string, found `" + x.asText() + "`", "e.g. {\"N\": \"42.5\"}");
          return;
        }
        return;
      case "B":
        if (!x.isTextual() || !isBase64(x.asText())) {
          c.error("DataModel.AttributeValue", tp, "a `B` value must be base64 text", "encode the bytes as base64");
          return;
        }
        return;
      case "BOOL":
        if (!x.isBoolean()) {
          c.error("DataModel.AttributeValue", tp, "a `BOOL` value must be JSON true or false, found " + JsonDocument.typeName(x) + " " + x,
              "write {\"BOOL\": true} without quotes (not \"True\" or \"true\")");
          return;
        }
        return;
      case "NULL":
        if (!x.isBoolean() || !x.booleanValue()) {
          c.error("DataModel.AttributeValue", tp, "a `NULL` value must be true", "write {\"NULL\": true}");
        }
        return;
      case "M": {
        if (!x.isObject()) {
          c.error("DataModel.AttributeValue", tp, "an `M` value must be an object of attribute values", "e.g. {\"M\": {\"a\": {\"S\": \"x\"}}}");
          return;
        }
        for (var it = x.properties().iterator(); it.hasNext(); ) {
          var e = it.next();
          value(e.getValue(), Json.pointer(tp, e.getKey()), c);
        }
        return;
      }
      case "L": {
        if (!x.isArray()) {
          c.error("DataModel.AttributeValue", tp, "an `L` value must be an array of attribute values", "e.g. {\"L\": [{\"S\": \"x\"}]}");
          return;
        }
        for (int i = 0; i < x.size(); i++) {
          value(x.get(i), tp + "/" + i, c);
        }
        return;
      }
      case "SS":
      case "NS":
      case "BS": {
        if (!x.isArray() || x.isEmpty()) {
          c.error("DataModel.AttributeValue", tp, "a `" + type + "` value must be a non-empty array", "sets cannot be empty; omit the attribute instead");
          return;
        }
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < x.size(); i++) {
          JsonNode e = x.get(i);
          if (!e.isTextual() || (type.equals("NS") && !isNumber(e.asText())) || (type.equals("BS") && !isBase64(e.asText()))) {
            c.error("DataModel.AttributeValue", tp + "/" + i, "set members of `" + type + "` must be " + (type.equals("NS") ? "numbers in strings" : type.equals("BS") ? "base64 strings" : "strings"), "");
            continue;
          }
          if (!seen.add(e.asText())) {
            c.error("DataModel.AttributeValue", tp + "/" + i, "`" + e.asText() + "` appears twice in the set", "set members must be unique");
          }
        }
        return;
      }
      default:
        c.error("DataModel.AttributeValue", tp, "`" + type + "` is not a DynamoDB type", Suggestions.hint(type, TYPES));
        return;
    }
  }

  private static boolean isNumber(String s) {
    try {
      new java.math.BigDecimal(s.trim());
      return !s.isBlank();
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static boolean isBase64(String s) {
    try {
      java.util.Base64.getDecoder().decode(s);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
