package dev.ddbmodel.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.SourceLocation;
import dev.ddbmodel.core.Validated;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A parsed JSON file that remembers where every value sits, so diagnostics can name line and
 * column for any JSON Pointer. Parse problems (syntax, duplicate keys, Python-style literals,
 * byte-order marks, excessive nesting) come back as diagnostics, never as exceptions.
 */
public final class JsonDocument {
  /** Largest file read, to keep memory bounded on hostile input. */
  public static final long MAX_BYTES = 64L * 1024 * 1024;

  private static final int MAX_DEPTH = 200;
  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
          .build();

  private final String file;
  private final JsonNode root;
  private final Map<String, int[]> positions;

  private JsonDocument(String file, JsonNode root, Map<String, int[]> positions) {
    this.file = file;
    this.root = root;
    this.positions = positions;
  }

  /** The display name used in diagnostics. */
  public String file() {
    return file;
  }

  public JsonNode root() {
    return root;
  }

  /** Location of the value at {@code pointer}, or of its nearest parent that has one. */
  public SourceLocation locate(String pointer) {
    String p = pointer;
    while (true) {
      int[] pos = positions.get(p);
      if (pos != null) {
        return new SourceLocation(file, pointer, pos[0], pos[1]);
      }
      if (p.isEmpty()) {
        return SourceLocation.of(file, pointer);
      }
      int slash = p.lastIndexOf('/');
      p = slash <= 0 ? "" : p.substring(0, slash);
    }
  }

  /** Re-anchors a diagnostic whose location has a pointer into this document. */
  public Diagnostic locate(Diagnostic d) {
    return d.withLocation(locate(d.location().pointer()));
  }

  /** Reads and parses a file; I/O problems become a {@code Json.Io} diagnostic. */
  public static Validated<JsonDocument> read(Path path, String displayName) {
    try {
      long size = Files.size(path);
      if (size > MAX_BYTES) {
        return Validated.invalid(
            Diagnostic.error(
                "Json.TooLarge",
                "file is " + size + " bytes, larger than the limit of " + MAX_BYTES + " bytes",
                SourceLocation.of(displayName, ""),
                "split the file or remove unneeded data"));
      }
      return parse(displayName, Files.readString(path, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return Validated.invalid(
          Diagnostic.error(
              "Json.Io",
              "file not found",
              SourceLocation.of(displayName, ""),
              "check the path; it is resolved against the workspace directory"));
    } catch (java.nio.charset.MalformedInputException e) {
      return Validated.invalid(
          Diagnostic.error(
              "Json.Encoding",
              "file is not valid UTF-8",
              SourceLocation.of(displayName, ""),
              "save the file as UTF-8"));
    } catch (IOException e) {
      return Validated.invalid(
          Diagnostic.error(
              "Json.Io",
              "cannot read file: " + e.getMessage(),
              SourceLocation.of(displayName, ""),
              "check that the file exists and is readable"));
    }
  }

  /** Parses JSON text; {@code file} is only used in diagnostics. */
  public static Validated<JsonDocument> parse(String file, String text) {
    String body = text;
    if (!body.isEmpty() && body.charAt(0) == '\uFEFF') {
      body = body.substring(1);
    }
    if (body.isBlank()) {
      return Validated.invalid(
          Diagnostic.error(
              "Json.Empty",
              "file is empty",
              SourceLocation.of(file, ""),
              "write a JSON object into the file"));
    }
    Map<String, int[]> positions = new HashMap<>();
    try (JsonParser p = FACTORY.createParser(body)) {
      JsonToken t = p.nextToken();
      JsonNode root = readValue(p, t, "", positions);
      JsonToken extra = p.nextToken();
      if (extra != null) {
        JsonLocation loc = p.currentTokenLocation();
        return Validated.invalid(
            Diagnostic.error(
                "Json.Syntax",
                "unexpected content after the end of the JSON document",
                new SourceLocation(file, "", loc.getLineNr(), loc.getColumnNr()),
                "remove everything after the closing bracket"));
      }
      return Validated.valid(new JsonDocument(file, root, positions));
    } catch (JsonParseException e) {
      return Validated.invalid(syntaxError(file, e, body));
    } catch (IOException e) {
      return Validated.invalid(
          Diagnostic.error(
              "Json.Syntax", "cannot parse JSON: " + e.getMessage(),
              SourceLocation.of(file, ""), ""));
    }
  }

  private static Diagnostic syntaxError(String file, JsonParseException e, String text) {
    JsonLocation loc = e.getLocation();
    int line = loc == null ? 0 : Math.max(0, loc.getLineNr());
    int col = loc == null ? 0 : Math.max(0, loc.getColumnNr());
    String msg = e.getOriginalMessage();
    String hint = "";
    String id = "Json.Syntax";
    if (msg.startsWith("Duplicate field")) {
      id = "Json.DuplicateKey";
      hint = "each property may appear only once in an object; remove or rename the duplicate";
    } else if (msg.contains("'True'") || msg.contains("'False'") || msg.contains("'None'")) {
      hint = "JSON literals are lower case: use true, false or null";
    } else if (msg.contains("was expecting double-quote")) {
      hint = "property names must be in double quotes";
    } else if (msg.contains("Unexpected character ('''")) {
      hint = "JSON strings use double quotes, not single quotes";
    } else if (msg.contains("Unexpected end-of-input")) {
      hint = "the document ends early; check for a missing closing bracket or brace";
    } else if (msg.contains("Unexpected character (']'") || msg.contains("Unexpected character ('}'")) {
      hint = "remove the trailing comma before the closing bracket";
    } else if (msg.contains("nesting depth")) {
      id = "Json.TooDeep";
      hint = "the document is nested more than " + MAX_DEPTH + " levels deep";
    }
    String firstLine =
        msg.lines()
            .findFirst()
            .orElse(msg)
            .replaceAll("\\s*\\(for (Array|Object) starting at \\[Source:[^\\]]*\\]\\)", "")
            .replaceAll("\\s*at \\[Source:.*$", "");
    return Diagnostic.error(id, firstLine, new SourceLocation(file, "", line, col), hint);
  }

  private static JsonNode readValue(
      JsonParser p, JsonToken t, String pointer, Map<String, int[]> positions) throws IOException {
    JsonLocation loc = p.currentTokenLocation();
    positions.putIfAbsent(pointer, new int[] {loc.getLineNr(), loc.getColumnNr()});
    JsonNodeFactory f = JsonNodeFactory.instance;
    switch (t) {
      case START_OBJECT: {
        ObjectNode o = f.objectNode();
        JsonToken n;
        while ((n = p.nextToken()) == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          String child = Json.pointer(pointer, name);
          JsonLocation nameLoc = p.currentTokenLocation();
          positions.put(child, new int[] {nameLoc.getLineNr(), nameLoc.getColumnNr()});
          JsonToken v = p.nextToken();
          o.set(name, readValue(p, v, child, positions));
        }
        return o;
      }
      case START_ARRAY: {
        ArrayNode a = f.arrayNode();
        int i = 0;
        JsonToken n;
        while ((n = p.nextToken()) != JsonToken.END_ARRAY) {
          a.add(readValue(p, n, Json.pointer(pointer, i++), positions));
        }
        return a;
      }
      case VALUE_STRING:
        return f.textNode(p.getText());
      case VALUE_NUMBER_INT:
        switch (p.getNumberType()) {
          case INT:
            return f.numberNode(p.getIntValue());
          case LONG:
            return f.numberNode(p.getLongValue());
          default:
            return f.numberNode(p.getBigIntegerValue());
        }
      case VALUE_NUMBER_FLOAT:
        return f.numberNode(p.getDecimalValue());
      case VALUE_TRUE:
        return f.booleanNode(true);
      case VALUE_FALSE:
        return f.booleanNode(false);
      case VALUE_NULL:
        return f.nullNode();
      default:
        throw new JsonParseException(p, "unexpected token " + t);
    }
  }

  /** A name for a node's JSON type, for messages: object, array, string, number, boolean, null. */
  public static String typeName(JsonNode n) {
    if (n == null || n.isMissingNode()) {
      return "missing";
    }
    if (n.isObject()) {
      return "object";
    }
    if (n.isArray()) {
      return "array";
    }
    if (n.isTextual()) {
      return "string";
    }
    if (n.isNumber()) {
      return "number";
    }
    if (n.isBoolean()) {
      return "boolean";
    }
    return "null";
  }
}
