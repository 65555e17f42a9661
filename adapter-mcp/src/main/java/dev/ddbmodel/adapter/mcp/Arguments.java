package dev.ddbmodel.adapter.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.core.json.Json;
import java.util.Map;
import java.util.Optional;

/** Typed access to a tool call's arguments; problems throw {@link ToolArgumentException}. */
public final class Arguments {
  private final Map<String, Object> values;

  public Arguments(Map<String, Object> values) {
    this.values = values == null ? Map.of() : values;
  }

  public Optional<String> optionalString(String name) {
    Object v = values.get(name);
    if (v == null) {
      return Optional.empty();
    }
    if (!(v instanceof String s)) {
      throw new ToolArgumentException("argument `" + name + "` must be a string");
    }
    return s.isBlank() ? Optional.empty() : Optional.of(s);
  }

  public String string(String name) {
    return optionalString(name)
        .orElseThrow(() -> new ToolArgumentException("argument `" + name + "` is required"));
  }

  public boolean bool(String name, boolean defaultValue) {
    Object v = values.get(name);
    if (v == null) {
      return defaultValue;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof String s && (s.equals("true") || s.equals("false"))) {
      return Boolean.parseBoolean(s);
    }
    throw new ToolArgumentException("argument `" + name + "` must be true or false");
  }

  public Optional<Integer> optionalInt(String name) {
    Object v = values.get(name);
    if (v == null) {
      return Optional.empty();
    }
    if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return Optional.of(n.intValue());
    }
    if (v instanceof String s) {
      try {
        return Optional.of(Integer.parseInt(s.trim()));
      } catch (NumberFormatException e) {
        // fall through to the error below
      }
    }
    throw new ToolArgumentException("argument `" + name + "` must be an integer");
  }

  /** The raw value as a JSON tree (missing node when absent). */
  public JsonNode json(String name) {
    Object v = values.get(name);
    return v == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : Json.toTree(v);
  }

  /** All arguments as one JSON object. */
  public JsonNode all() {
    return Json.toTree(values);
  }
}
