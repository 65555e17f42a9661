package dev.ddbmodel.core.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/**
 * The project's one Jackson configuration: UTF-8, no locale-dependent formatting, map entries
 * sorted by key, two-space indent and {@code \n} line ends, so output is byte-identical across
 * runs and machines.
 */
public final class Json {
  /**
   * The mapper is built on first use, not when {@code Json} is loaded: a command that only reads a
   * file through {@link JsonDocument} and prints text (a {@code schema validate}) never pays for it.
   */
  private static final class Mapper {
    static final JsonMapper MAPPER =
        JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    static final ObjectWriter PRETTY =
        MAPPER.writer(
            new DefaultPrettyPrinter(
                    Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private Mapper() {}
  }

  private Json() {}

  /** The shared, fully configured mapper. Do not reconfigure it. */
  public static JsonMapper mapper() {
    return Mapper.MAPPER;
  }

  public static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  public static ArrayNode array() {
    return JsonNodeFactory.instance.arrayNode();
  }

  /** Converts any value (records, maps, lists) to a tree. */
  public static JsonNode toTree(Object value) {
    return Mapper.MAPPER.valueToTree(value);
  }

  /** Pretty JSON with a trailing newline. */
  public static String pretty(Object value) {
    try {
      return Mapper.PRETTY.writeValueAsString(value) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Compact single-line JSON. */
  public static String compact(Object value) {
    try {
      return Mapper.MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Parses trusted JSON (resources, our own output). For user files use {@link JsonDocument},
   * which reports problems as diagnostics with positions.
   */
  public static JsonNode parseTrusted(String text) {
    try (com.fasterxml.jackson.core.JsonParser p = TRUSTED.createParser(text)) {
      JsonNode n = TreeBuilder.read(p);
      if (n != null && p.nextToken() == null) {
        return n; // the mapper's tree (TreeBuilderTest), without building the mapper
      }
    } catch (java.io.IOException | RuntimeException e) {
      // not plain well-formed JSON: the mapper decides, and words the problem
    }
    try {
      return Mapper.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("invalid JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static final com.fasterxml.jackson.core.JsonFactory TRUSTED = new com.fasterxml.jackson.core.JsonFactory();

  /**
   * A tree as plain Java values: {@code Map} (insertion order), {@code List}, {@code String},
   * {@code Number}, {@code Boolean} and null, for APIs that take those (the MCP SDK's tool
   * schemas) without a round trip through text and a second JSON library's mapper.
   */
  public static Object toPlain(JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      return null;
    }
    if (n.isObject()) {
      java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
      n.properties().forEach(e -> m.put(e.getKey(), toPlain(e.getValue())));
      return m;
    }
    if (n.isArray()) {
      java.util.List<Object> l = new java.util.ArrayList<>();
      n.forEach(e -> l.add(toPlain(e)));
      return l;
    }
    if (n.isNumber()) {
      return n.numberValue();
    }
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    return n.asText();
  }

  /** Escapes one JSON Pointer reference token (RFC 6901). */
  public static String escapePointerToken(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  /** Appends a property name to a pointer. */
  public static String pointer(String parent, String property) {
    return parent + "/" + escapePointerToken(property);
  }

  /** Appends an array index to a pointer. */
  public static String pointer(String parent, int index) {
    return parent + "/" + index;
  }
}
