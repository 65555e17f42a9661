package dev.ddbmodel.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * DynamoDB's item size rules applied to DynamoDB JSON: attribute name bytes plus value bytes
 * (strings as UTF-8, numbers about one byte per two significant digits plus one, binary bytes,
 * booleans and nulls one byte, maps and lists three bytes plus one per element plus content).
 */
public final class ItemSizes {
  private ItemSizes() {}

  /** Approximate stored size of an item in bytes. */
  public static long of(JsonNode item) {
    long size = 0;
    for (var it = item.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      size += e.getKey().getBytes(StandardCharsets.UTF_8).length + value(e.getValue());
    }
    return size;
  }

  static long value(JsonNode v) {
    if (!v.isObject() || v.size() != 1) {
      return 0;
    }
    Map.Entry<String, JsonNode> e = v.fields().next();
    JsonNode x = e.getValue();
    switch (e.getKey()) {
      case "S":
        return x.asText().getBytes(StandardCharsets.UTF_8).length;
      case "N":
        return number(x.asText());
      case "B":
        return x.asText().length() * 3L / 4;
      case "BOOL":
      case "NULL":
        return 1;
      case "M": {
        long s = 3;
        for (var it = x.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> m = it.next();
          s += 1 + m.getKey().getBytes(StandardCharsets.UTF_8).length + value(m.getValue());
        }
        return s;
      }
      case "L": {
        long s = 3;
        for (JsonNode el : x) {
          s += 1 + value(el);
        }
        return s;
      }
      case "SS":
      case "BS": {
        long s = 0;
        for (JsonNode el : x) {
          s += el.asText().getBytes(StandardCharsets.UTF_8).length;
        }
        return s;
      }
      case "NS": {
        long s = 0;
        for (JsonNode el : x) {
          s += number(el.asText());
        }
        return s;
      }
      default:
        return 0;
    }
  }

  static long number(String n) {
    String digits = n.replaceAll("[^0-9]", "").replaceFirst("^0+", "").replaceFirst("0+$", "");
    return Math.max(1, (digits.length() + 1) / 2 + 1);
  }
}
