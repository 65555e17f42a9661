package dev.ddbmodel.adapter.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.ddbmodel.core.Suggestions;
import dev.ddbmodel.core.json.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Accepts tool arguments the way the reference server's validation does, guided by the tool's own
 * input schema: an explicit {@code null} means "not given", unknown arguments are dropped, and loose
 * types are read as meant ({@code "30"} for an integer, {@code "true"}/{@code 1} for a boolean, an
 * array or object sent as a JSON string, an enum value in another case). Each such leniency is
 * reported as a warning in the result, so the stricter reading stays visible. What cannot be read
 * is an argument error naming the argument and what it needs.
 */
final class ArgumentCoercer {
  private ArgumentCoercer() {}

  static ObjectNode coerce(JsonNode schema, Map<String, Object> arguments, List<String> warnings) {
    ObjectNode in = arguments == null ? Json.object() : (ObjectNode) Json.toTree(arguments);
    return object(schema, in, "", warnings, true);
  }

  private static ObjectNode object(JsonNode schema, ObjectNode in, String path, List<String> warnings, boolean top) {
    JsonNode props = schema.path("properties");
    ObjectNode out = Json.object();
    Iterator<Map.Entry<String, JsonNode>> it = in.properties().iterator();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String where = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
      JsonNode value = e.getValue();
      if (value == null || value.isNull()) {
        continue; // explicit null: the parameter is not given (the reference declares its optional parameters nullable)
      }
      JsonNode prop = props.get(e.getKey());
      if (prop == null) {
        if (top) {
          List<String> known = new ArrayList<>();
          props.fieldNames().forEachRemaining(known::add);
          warnings.add("ignored unknown argument `" + printable(e.getKey()) + "`" + hint(e.getKey(), known));
          continue;
        }
        out.set(e.getKey(), value); // nested objects: unknown keys are the domain's to judge
        continue;
      }
      out.set(e.getKey(), value(prop, value, where, warnings));
    }
    for (JsonNode r : schema.path("required")) {
      if (!out.has(r.asText())) {
        throw new ToolArgumentException("argument `" + (path.isEmpty() ? "" : path + ".") + r.asText() + "` is required"
            + describe(props.path(r.asText())));
      }
    }
    return out;
  }

  private static JsonNode value(JsonNode schema, JsonNode v, String where, List<String> warnings) {
    String type = type(schema);
    switch (type) {
      case "integer" -> {
        if (v.isIntegralNumber()) {
          return v;
        }
        if (v.isNumber() && v.decimalValue().stripTrailingZeros().scale() <= 0) {
          warnings.add("`" + where + "`: " + v + " read as the integer " + v.decimalValue().toBigInteger());
          return LongNode.valueOf(v.longValue());
        }
        if (v.isTextual()) {
          try {
            BigDecimal d = new BigDecimal(v.asText().strip());
            if (d.stripTrailingZeros().scale() <= 0) {
              warnings.add("`" + where + "`: the string \"" + printable(v.asText()) + "\" read as the integer " + d.toBigInteger());
              long l = d.longValueExact();
              return l == (int) l ? IntNode.valueOf((int) l) : LongNode.valueOf(l);
            }
          } catch (NumberFormatException | ArithmeticException e) {
            // not an integer: the error below
          }
        }
        throw new ToolArgumentException("argument `" + where + "` must be an integer, got " + shown(v));
      }
      case "number" -> {
        if (v.isNumber()) {
          return v;
        }
        if (v.isTextual()) {
          try {
            BigDecimal d = new BigDecimal(v.asText().strip());
            warnings.add("`" + where + "`: the string \"" + printable(v.asText()) + "\" read as the number " + d.toPlainString());
            return Json.mapper().getNodeFactory().numberNode(d);
          } catch (NumberFormatException e) {
            // the error below
          }
        }
        throw new ToolArgumentException("argument `" + where + "` must be a number, got " + shown(v));
      }
      case "boolean" -> {
        if (v.isBoolean()) {
          return v;
        }
        Boolean b = null;
        if (v.isIntegralNumber() && (v.asLong() == 0 || v.asLong() == 1)) {
          b = v.asLong() == 1;
        } else if (v.isTextual()) {
          b = switch (v.asText().strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on", "t", "y" -> true;
            case "false", "0", "no", "off", "f", "n" -> false;
            default -> null;
          };
        }
        if (b == null) {
          throw new ToolArgumentException("argument `" + where + "` must be true or false, got " + shown(v));
        }
        warnings.add("`" + where + "`: " + shown(v) + " read as " + b);
        return BooleanNode.valueOf(b);
      }
      case "array", "object" -> {
        JsonNode n = v;
        if (v.isTextual()) {
          try {
            n = Json.mapper().readTree(v.asText());
          } catch (java.io.IOException e) {
            n = null;
          }
          if (n == null || !(type.equals("array") ? n.isArray() : n.isObject())) {
            throw new ToolArgumentException("argument `" + where + "` must be a JSON " + type + "; the string given is not one");
          }
          warnings.add("`" + where + "`: the " + type + " was sent as a JSON string; read it as JSON (send the " + type + " itself)");
        }
        if (type.equals("array")) {
          if (!n.isArray()) {
            throw new ToolArgumentException("argument `" + where + "` must be an array, got " + shown(n));
          }
          JsonNode items = schema.path("items");
          ArrayNode out = Json.mapper().createArrayNode();
          for (int i = 0; i < n.size(); i++) {
            JsonNode item = n.get(i);
            out.add(items.isObject() && !item.isNull() ? value(items, item, where + "[" + i + "]", warnings) : item);
          }
          return out;
        }
        if (!n.isObject()) {
          throw new ToolArgumentException("argument `" + where + "` must be an object, got " + shown(n));
        }
        return object(schema, (ObjectNode) n, where, warnings, false);
      }
      case "string" -> {
        if (!v.isTextual()) {
          if (v.isNumber() || v.isBoolean()) {
            warnings.add("`" + where + "`: " + v + " read as the string \"" + v.asText() + "\"");
            v = TextNode.valueOf(v.asText());
          } else {
            throw new ToolArgumentException("argument `" + where + "` must be a string, got " + shown(v));
          }
        }
        JsonNode allowed = schema.path("enum");
        if (allowed.isArray() && !allowed.isEmpty()) {
          String s = v.asText().strip();
          List<String> values = new ArrayList<>();
          allowed.forEach(a -> values.add(a.asText()));
          if (values.contains(s)) {
            return TextNode.valueOf(s);
          }
          for (String a : values) {
            if (a.equalsIgnoreCase(s) || a.replace("_", "").equalsIgnoreCase(s.replace("-", "").replace("_", "").replace(" ", ""))) {
              warnings.add("`" + where + "`: \"" + printable(v.asText()) + "\" read as \"" + a + "\"");
              return TextNode.valueOf(a);
            }
          }
          JsonNode aliases = schema.path("x-aliases");
          if (aliases.has(s.toLowerCase(Locale.ROOT))) {
            String a = aliases.get(s.toLowerCase(Locale.ROOT)).asText();
            warnings.add("`" + where + "`: \"" + printable(v.asText()) + "\" read as \"" + a + "\"");
            return TextNode.valueOf(a);
          }
          return v; // not a known value in any spelling: the tool's own check names it and the accepted values
        }
        return v;
      }
      default -> {
        return v;
      }
    }
  }

  /** The declared type; for a type list (["string", "null"]) the first that is not null. */
  static String type(JsonNode schema) {
    JsonNode t = schema.path("type");
    if (t.isArray()) {
      for (JsonNode x : t) {
        if (!x.asText().equals("null")) {
          return x.asText();
        }
      }
    }
    return t.asText("");
  }

  private static String describe(JsonNode prop) {
    String d = prop.path("description").asText("");
    return d.isEmpty() ? "" : " (" + d + ")";
  }

  private static String hint(String value, List<String> known) {
    String h = Suggestions.hint(value, known);
    return h == null || h.isEmpty() ? "" : "; " + h;
  }

  private static String shown(JsonNode v) {
    String kind = v.isTextual() ? "the string \"" + printable(v.asText()) + "\"" : v.isObject() ? "an object" : v.isArray() ? "an array" : v.toString();
    return kind;
  }

  /** At most 60 characters, control characters escaped: a value is shown, never replayed in full. */
  static String printable(String s) {
    StringBuilder sb = new StringBuilder();
    s.codePoints().limit(60).forEach(c -> {
      if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT || c == '`') {
        sb.append(String.format(Locale.ROOT, "\\u%04x", c));
      } else {
        sb.appendCodePoint(c);
      }
    });
    return s.codePointCount(0, s.length()) > 60 ? sb + "…" : sb.toString();
  }
}
