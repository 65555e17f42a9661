package dev.ddbmodel.adapter.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.core.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed access to a tool call's arguments; problems throw {@link ToolArgumentException}. File
 * arguments go through the server's {@link PathPolicy} (relative paths resolved, read-only
 * confinement); leniencies are collected as warnings for the result.
 */
public final class Arguments {
  private final Map<String, Object> values;
  private final PathPolicy paths;
  private final List<String> warnings;

  public Arguments(Map<String, Object> values) {
    this(values, new PathPolicy(Path.of("").toAbsolutePath(), false), new ArrayList<>());
  }

  public Arguments(Map<String, Object> values, PathPolicy paths, List<String> warnings) {
    this.values = values == null ? Map.of() : values;
    this.paths = paths;
    this.warnings = warnings;
  }

  /** True in read-only mode: errors must not quote the content of files that are not the expected JSON. */
  public boolean confined() {
    return paths.confined();
  }

  /** A required file or folder argument as a normalized absolute path. */
  public Path path(String name) {
    return paths.resolve(string(name), name, null, warnings);
  }

  /** An optional file argument; relative values resolve against {@code base}. */
  public Optional<Path> optionalPath(String name, Path base) {
    return optionalString(name).map(v -> paths.resolve(v, name, base, warnings));
  }

  public Optional<Path> optionalPath(String name) {
    return optionalPath(name, null);
  }

  /** A required argument naming an existing folder. */
  public Path directory(String name) {
    Path p = path(name);
    if (!Files.isDirectory(p)) {
      throw new ToolArgumentException("`" + name + "` must be an existing directory: " + p + " is not");
    }
    return p;
  }

  /** Records a leniency or a stricter check that did not stop the call. */
  public void warn(String message) {
    warnings.add(message);
  }

  public List<String> warnings() {
    return List.copyOf(warnings);
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
