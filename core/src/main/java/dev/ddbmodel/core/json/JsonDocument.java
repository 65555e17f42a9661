package dev.ddbmodel.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.SourceLocation;
import dev.ddbmodel.core.Validated;
import dev.ddbmodel.core.io.IoMessages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
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

  /** The strict reader, built only when a document is not well-formed (its messages are reported). */
  private static final class Strict {
    static final com.fasterxml.jackson.databind.ObjectMapper READER =
        com.fasterxml.jackson.databind.json.JsonMapper.builder(FACTORY)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private Strict() {}
  }

  /**
   * The parser for the common case, without the duplicate-key check, which costs a set per object:
   * {@link TreeBuilder} detects duplicates itself, as every key of an object goes into one map
   * anyway. Any failure there is parsed again with {@link Strict#READER}, so diagnostics (messages,
   * positions, the first of several problems) are exactly those of the strict parser.
   */
  private static final JsonFactory FAST_FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
          .build();

  private final String file;
  private final JsonNode root;
  private final String text;
  private volatile Map<String, int[]> positions;

  private JsonDocument(String file, JsonNode root, String text) {
    this.file = file;
    this.root = root;
    this.text = text;
  }

  /**
   * Pointer to line/column, built on first use: valid documents never pay for it, and a document
   * with findings is scanned once more with a streaming parser.
   */
  private Map<String, int[]> positions() {
    Map<String, int[]> p = positions;
    if (p == null) {
      p = new HashMap<>();
      try (JsonParser parser = FACTORY.createParser(text)) {
        index(parser, parser.nextToken(), "", p);
      } catch (IOException e) {
        // the text parsed once already; keep whatever was indexed
      }
      positions = p;
    }
    return p;
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
      int[] pos = positions().get(p);
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
    if (Files.isDirectory(path)) {
      return Validated.invalid(
          Diagnostic.usage(
              "Json.Io",
              "`" + path + "` is a folder, not a file",
              SourceLocation.of(displayName, ""),
              "name the JSON file inside it"));
    }
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
          Diagnostic.usage(
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
          Diagnostic.usage(
              "Json.Io",
              "cannot read file: " + IoMessages.describe(e),
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
    JsonDocument fast = parseWellFormed(file, body);
    if (fast != null) {
      return Validated.valid(fast);
    }
    try (JsonParser p = FACTORY.createParser(body)) {
      JsonNode root;
      try {
        root = Strict.READER.readTree(p);
      } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
        return Validated.invalid(constraintExceeded(file, e, p.currentLocation()));
      }
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
      return Validated.valid(new JsonDocument(file, root, body));
    } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
      if (e.getCause() instanceof JsonParseException pe) {
        return Validated.invalid(syntaxError(file, pe, body));
      }
      return Validated.invalid(
          Diagnostic.error("Json.Syntax", "cannot parse JSON: " + plainSyntaxMessage(String.valueOf(e.getOriginalMessage())),
              SourceLocation.of(file, ""), ""));
    } catch (JsonParseException e) {
      return Validated.invalid(syntaxError(file, e, body));
    } catch (IOException e) {
      return Validated.invalid(
          Diagnostic.error(
              "Json.Syntax", "cannot parse JSON: " + e.getMessage(),
              SourceLocation.of(file, ""), ""));
    }
  }

  /** The document when {@code body} is well-formed JSON without duplicate keys, else null. */
  private static JsonDocument parseWellFormed(String file, String body) {
    try (JsonParser p = FAST_FACTORY.createParser(body)) {
      JsonNode root = TreeBuilder.read(p);
      return root != null && p.nextToken() == null ? new JsonDocument(file, root, body) : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** A nesting depth or a value length over the parser's limits, where the parser stopped. */
  private static Diagnostic constraintExceeded(String file, IOException e, JsonLocation loc) {
    boolean depth = String.valueOf(e.getMessage()).contains("nesting depth");
    SourceLocation where = new SourceLocation(file, "", Math.max(1, loc.getLineNr()), Math.max(1, loc.getColumnNr()));
    return depth
        ? Diagnostic.error("Json.TooDeep", "the document is nested more than " + MAX_DEPTH + " levels deep", where,
            "flatten the structure; no DynamoDB data model needs that depth")
        : Diagnostic.error("Json.TooLarge", "a value is longer than the parser accepts: " + e.getMessage().lines().findFirst().orElse(""),
            where, "shorten the value");
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
    return Diagnostic.error(id, plainSyntaxMessage(msg), new SourceLocation(file, "", line, col), hint);
  }

  /** Jackson's wording of a syntax problem, and the parts of it that name parser internals, in ours. */
  private static final List<String[]> SYNTAX_WORDING =
      List.of(
          new String[] {"^Unexpected character \\('(.+?)' \\(code \\d+\\)\\): was expecting double-quote to start field name.*",
              "unexpected `$1` where a property name in double quotes should start"},
          new String[] {"^Unexpected character \\('(.+?)' \\(code \\d+\\)\\): was expecting comma to separate Object entries.*",
              "unexpected `$1`: expected `,` between the properties of an object"},
          new String[] {"^Unexpected character \\('(.+?)' \\(code \\d+\\)\\): was expecting comma to separate Array entries.*",
              "unexpected `$1`: expected `,` between the elements of an array"},
          new String[] {"^Illegal character \\(\\(CTRL-CHAR, code (\\d+)\\)\\).*",
              "control character (code $1) between values; only spaces, tabs and line breaks may separate them"},
          new String[] {"^Unexpected character \\('(.+?)' \\(code \\d+\\)\\): was expecting a colon to separate field name and value.*",
              "unexpected `$1`: expected `:` after the property name"},
          new String[] {"^Unexpected character \\('(.+?)' \\(code \\d+\\)\\): expected a valid value.*",
              "unexpected `$1` where a value should start"},
          new String[] {"^Unexpected character \\('(.+?)' \\(code \\d+\\)\\).*", "unexpected character `$1`"},
          new String[] {"^Unexpected close marker '(.)': expected '(.)'.*", "unexpected `$1`: expected `$2`"},
          new String[] {"^Unexpected end-of-input.*", "the document ends before every object and array is closed"},
          new String[] {"^Unrecognized token '(.*?)': was expecting.*",
              "text that is not JSON here: expected a string, number, object, array, true, false or null"},
          new String[] {"^Unrecognized token '.*'$", "text that is not JSON here"},
          new String[] {"^Duplicate field '(.*?)'.*", "duplicate property `$1`"},
          new String[] {"^Illegal unquoted character \\(\\(CTRL-CHAR, code (\\d+)\\)\\).*",
              "control character (code $1) inside a string; write it as an escape such as \\\\n"},
          new String[] {"^Unrecognized character escape '(.+?)' \\(code \\d+\\).*", "unknown escape `\\\\$1` in a string"},
          new String[] {"\\s*\\(code \\d+\\)", ""},
          new String[] {"\\s*\\(for (Array|Object) starting at \\[Source:[^\\]]*\\]\\)", ""},
          new String[] {"\\s*at \\[Source:.*$", ""},
          new String[] {"\\s*\\(JSON String, Number, Array, Object or token 'null', 'true' or 'false'\\)", ""});

  /**
   * The first line of a parser message in the project's words: no character codes, source
   * excerpts or parser vocabulary ({@code field name}, {@code close marker}).
   */
  static String plainSyntaxMessage(String msg) {
    String s = msg.lines().findFirst().orElse(msg);
    for (String[] rule : SYNTAX_WORDING) {
      s = s.replaceAll(rule[0], rule[1]);
    }
    return withoutContent(s.strip());
  }

  /**
   * The parser's message without the text it quotes from the file: a file that is not JSON at all
   * (a credentials file, a key) must never be replayed in an error. The line and column say where.
   */
  static String withoutContent(String message) {
    return message
        .replaceAll("Unrecognized token '.*?': was expecting", "Unrecognized text (not JSON) here: was expecting")
        .replaceAll("Unrecognized token '.*'$", "Unrecognized text (not JSON) here")
        .replaceAll("Unexpected character \\('.*?' \\(code [^)]*\\)\\)", "Unexpected character");
  }

  /** Records the position of every value under {@code pointer} (tokens only; no tree is built). */
  private static void index(JsonParser p, JsonToken t, String pointer, Map<String, int[]> positions) throws IOException {
    if (t == null) {
      return;
    }
    JsonLocation loc = p.currentTokenLocation();
    positions.putIfAbsent(pointer, new int[] {loc.getLineNr(), loc.getColumnNr()});
    if (t == JsonToken.START_OBJECT) {
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String child = Json.pointer(pointer, p.currentName());
        JsonLocation nameLoc = p.currentTokenLocation();
        positions.put(child, new int[] {nameLoc.getLineNr(), nameLoc.getColumnNr()});
        index(p, p.nextToken(), child, positions);
      }
    } else if (t == JsonToken.START_ARRAY) {
      int i = 0;
      JsonToken n;
      while ((n = p.nextToken()) != JsonToken.END_ARRAY && n != null) {
        index(p, n, Json.pointer(pointer, i++), positions);
      }
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
