package dev.ddbmodel.core.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Builds a {@link JsonNode} tree straight from a streaming parser, without an {@code ObjectMapper}:
 * building and initialising a mapper is a large part of a short command's start-up, and reading a
 * tree needs none of its machinery. The tree is the one {@code ObjectMapper.readTree} builds with
 * {@code USE_BIG_DECIMAL_FOR_FLOATS} (Jackson's default node factory and trailing-zero stripping
 * of decimals); {@code TreeBuilderTest} compares the two over every JSON file of the project and
 * seeded generated documents.
 */
final class TreeBuilder {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private TreeBuilder() {}

  /**
   * The next value of {@code p} as a tree, null at the end of input; a duplicate key in an object
   * throws {@link DuplicateKey} (the caller re-parses strictly to report it).
   */
  static JsonNode read(JsonParser p) throws IOException {
    JsonToken t = p.nextToken();
    return t == null ? null : value(p, t);
  }

  private static JsonNode value(JsonParser p, JsonToken t) throws IOException {
    switch (t) {
      case START_OBJECT:
        ObjectNode o = NODES.objectNode();
        JsonToken k;
        while ((k = p.nextToken()) == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          JsonNode v = value(p, p.nextToken());
          if (o.replace(name, v) != null) {
            throw new DuplicateKey();
          }
        }
        if (k != JsonToken.END_OBJECT) {
          throw new IOException("unexpected " + k);
        }
        return o;
      case START_ARRAY:
        ArrayNode a = NODES.arrayNode();
        JsonToken n;
        while ((n = p.nextToken()) != JsonToken.END_ARRAY) {
          if (n == null) {
            throw new IOException("unexpected end of input");
          }
          a.add(value(p, n));
        }
        return a;
      case VALUE_STRING:
        return NODES.textNode(p.getText());
      case VALUE_NUMBER_INT:
        switch (p.getNumberType()) {
          case INT:
            return NODES.numberNode(p.getIntValue());
          case LONG:
            return NODES.numberNode(p.getLongValue());
          default:
            return NODES.numberNode(p.getBigIntegerValue());
        }
      case VALUE_NUMBER_FLOAT:
        return decimal(p.getDecimalValue());
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      case VALUE_NULL:
        return NODES.nullNode();
      default:
        throw new IOException("unexpected " + t);
    }
  }

  /** As Jackson's tree reader: trailing zeros stripped, zero as plain {@code 0}. */
  private static JsonNode decimal(BigDecimal d) {
    if (d.signum() == 0) {
      return NODES.numberNode(BigDecimal.ZERO);
    }
    return NODES.numberNode(d.stripTrailingZeros());
  }

  /** A key seen twice in one object. */
  static final class DuplicateKey extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DuplicateKey() {
      super("duplicate key", null, false, false);
    }
  }
}
