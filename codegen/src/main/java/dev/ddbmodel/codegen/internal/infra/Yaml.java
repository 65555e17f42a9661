package dev.ddbmodel.codegen.internal.infra;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.core.json.Json;
import java.util.Map;

/** A small deterministic YAML emitter for JSON trees (strings are written JSON-quoted, which YAML accepts). */
public final class Yaml {
  private Yaml() {}

  public static String of(JsonNode root) {
    StringBuilder sb = new StringBuilder();
    write(root, 0, sb, false);
    return sb.toString();
  }

  private static void write(JsonNode n, int indent, StringBuilder sb, boolean inList) {
    String pad = "  ".repeat(indent);
    if (n.isObject()) {
      boolean first = true;
      for (var it = n.properties().iterator(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        sb.append(first && inList ? "" : pad).append(key(e.getKey())).append(':');
        first = false;
        JsonNode v = e.getValue();
        if (v.isContainerNode() && !v.isEmpty()) {
          sb.append('\n');
          write(v, indent + 1, sb, false);
        } else {
          sb.append(' ').append(scalar(v)).append('\n');
        }
      }
    } else if (n.isArray()) {
      for (JsonNode v : n) {
        sb.append(pad).append("- ");
        if (v.isObject() && !v.isEmpty()) {
          write(v, indent + 1, sb, true);
        } else if (v.isArray() && !v.isEmpty()) {
          sb.append('\n');
          write(v, indent + 1, sb, false);
        } else {
          sb.append(scalar(v)).append('\n');
        }
      }
    }
  }

  private static String key(String k) {
    return k.matches("[A-Za-z0-9_.-]+") ? k : Json.compact(Json.toTree(k));
  }

  private static String scalar(JsonNode v) {
    if (v.isObject()) {
      return "{}";
    }
    if (v.isArray()) {
      return "[]";
    }
    if (v.isTextual()) {
      return Json.compact(v);
    }
    return v.asText();
  }
}
