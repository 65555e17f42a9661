package dev.ddbmodel.core.internal.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.core.internal.guide.DynamoDbLimits;
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
 *   <li>{@code N}: one byte per pair of digits (paired on each side of the decimal point, zero
 *       pairs at either end dropped), plus one byte, plus one for a negative number unless its
 *       digits already fill the 20 pairs that 38 digits can span;
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
  /** The most digit pairs a number can span: 38 digits, one pair split by the decimal point. */
  private static final int MAX_DIGIT_PAIRS = DynamoDbLimits.NUMBER_DIGITS / 2 + 1;

  private ItemSizes() {}

  /** Size of an item (attribute name to DynamoDB-JSON value) in bytes. */
  public static long of(JsonNode item) {
    long size = 0;
    for (var it = item.properties().iterator(); it.hasNext(); ) {
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
    Map.Entry<String, JsonNode> e = v.properties().iterator().next();
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
        for (var it = x.properties().iterator(); it.hasNext(); ) {
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
   * Size of a number. The Developer Guide gives "about one byte per two significant digits, plus
   * one"; the exact count, which DynamoDB Local enforces ({@code ItemSizeLocalIT} measures it at
   * the 400 KB limit), pairs the digits on each side of the decimal point (base 100), drops
   * leading and trailing zero pairs, adds one byte, and one more for a negative number:
   * {@code "100000"} is 2 bytes, {@code "12345"} 4, {@code "1.5"} 3, {@code "-7"} 3. The byte a
   * negative number adds ends its digits so that it sorts right; a number whose digits fill the
   * longest form (20 pairs, {@link DynamoDbLimits#NUMBER_DIGITS} digits split by the decimal
   * point) needs no end mark and is not charged for it: {@code "-1.234...(38 digits)"} is 21
   * bytes, not 22 (measured on DynamoDB Local by {@code ItemSizeLocalIT}'s seeded numbers).
   */
  public static long number(String n) {
    java.math.BigDecimal d;
    try {
      d = new java.math.BigDecimal(n.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
    if (d.signum() == 0) {
      return 1;
    }
    String plain = d.abs().stripTrailingZeros().toPlainString();
    int dot = plain.indexOf('.');
    String whole = dot < 0 ? plain : plain.substring(0, dot);
    String fraction = dot < 0 ? "" : plain.substring(dot + 1);
    if (whole.length() % 2 == 1) {
      whole = "0" + whole;
    }
    if (fraction.length() % 2 == 1) {
      fraction = fraction + "0";
    }
    String pairs = whole + fraction;
    int from = 0;
    int to = pairs.length();
    while (from < to && pairs.startsWith("00", from)) {
      from += 2;
    }
    while (to > from && pairs.startsWith("00", to - 2)) {
      to -= 2;
    }
    int digitPairs = (to - from) / 2;
    boolean endMark = d.signum() < 0 && digitPairs < MAX_DIGIT_PAIRS;
    return digitPairs + 1 + (endMark ? 1 : 0);
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
