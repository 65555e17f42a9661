package dev.ddbmodel.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * The one item-size calculator: DynamoDB's published rules ("DynamoDB item sizes and formats",
 * Developer Guide) applied to DynamoDB JSON. An item is the sum over its attributes of the
 * attribute name's UTF-8 bytes plus the value's size:
 *
 * <ul>
 *   <li>{@code S}: UTF-8 bytes; {@code B}: raw (base64-decoded) bytes;
 *   <li>{@code N}: one byte per two significant digits (leading and trailing zeros, sign and
 *       decimal point dropped), plus one byte;
 *   <li>{@code BOOL}, {@code NULL}: one byte;
 *   <li>{@code M}, {@code L}: three bytes, plus per element one byte and the element (for maps
 *       the element's name bytes too);
 *   <li>{@code SS}, {@code NS}, {@code BS}: the sum of the members' sizes.
 * </ul>
 *
 * Model checks (400 KB, key sizes), the cost calculator and validation all use this class; the
 * test {@code ItemSizeLocalIT} checks it against DynamoDB Local's own 400 KB and key-size checks.
 * Malformed values count 0 bytes (the model checks report them).
 */
public final class ItemSizes {
  private ItemSizes() {}

  /** Size of an item (attribute name to DynamoDB-JSON value) in bytes. */
  public static long of(JsonNode item) {
    long size = 0;
    for (var it = item.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      size += utf8(e.getKey()) + value(e.getValue());
    }
    return size;
  }

  /** Size of one DynamoDB-JSON value such as {@code {"S": "x"}}, without its attribute name. */
  public static long value(JsonNode v) {
    if (v == null || !v.isObject() || v.size() != 1) {
      return 0;
    }
    Map.Entry<String, JsonNode> e = v.fields().next();
    JsonNode x = e.getValue();
    switch (e.getKey()) {
      case "S":
        return x.isTextual() ? utf8(x.asText()) : 0;
      case "N":
        return x.isTextual() ? number(x.asText()) : 0;
      case "B":
        return x.isTextual() ? binary(x.asText()) : 0;
      case "BOOL":
      case "NULL":
        return 1;
      case "M": {
        long s = 3;
        for (var it = x.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> m = it.next();
          s += 1 + utf8(m.getKey()) + value(m.getValue());
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
      case "SS": {
        long s = 0;
        for (JsonNode el : x) {
          s += utf8(el.asText());
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
      case "BS": {
        long s = 0;
        for (JsonNode el : x) {
          s += binary(el.asText());
        }
        return s;
      }
      default:
        return 0;
    }
  }

  /**
   * Size of a number: significant digits (sign, exponent, decimal point, leading and trailing
   * zeros dropped), one byte per two, plus one. {@code "100000"} is 2 bytes, {@code "12.345"} 4.
   */
  public static long number(String n) {
    String s = n.strip();
    int exp = Math.max(s.indexOf('e'), s.indexOf('E'));
    if (exp >= 0) {
      s = s.substring(0, exp);
    }
    StringBuilder digits = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (c >= '0' && c <= '9') {
        digits.append(c);
      }
    }
    int from = 0;
    int to = digits.length();
    while (from < to && digits.charAt(from) == '0') {
      from++;
    }
    while (to > from && digits.charAt(to - 1) == '0') {
      to--;
    }
    int significant = to - from;
    return (significant + 1) / 2 + 1;
  }

  /** Raw bytes of base64 text (0 when it is not base64). */
  public static long binary(String base64) {
    try {
      return Base64.getDecoder().decode(base64).length;
    } catch (IllegalArgumentException e) {
      return 0;
    }
  }

  /** UTF-8 bytes of a string. */
  public static long utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}
