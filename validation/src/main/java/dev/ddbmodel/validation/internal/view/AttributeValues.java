package dev.ddbmodel.validation.internal.view;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * DynamoDB's ordering of key values, as Query returns items: strings and binaries by their bytes
 * (UTF-8 for strings, unsigned), numbers by value. Values are attribute values in DynamoDB JSON
 * ({@code {"S": "x"}}); values of different types or of non-key types do not compare.
 */
final class AttributeValues {
  private AttributeValues() {}

  /** The type key of an attribute value ({@code S}, {@code N}, ...), empty for malformed values. */
  static Optional<String> type(JsonNode v) {
    return v != null && v.isObject() && v.size() == 1 ? Optional.of(v.fieldNames().next()) : Optional.empty();
  }

  /** Compares two key values; empty when their types differ or are not S, N or B. */
  static Optional<Integer> compare(JsonNode a, JsonNode b) {
    Optional<String> ta = type(a);
    if (ta.isEmpty() || !ta.equals(type(b))) {
      return Optional.empty();
    }
    try {
      return switch (ta.get()) {
        case "S" -> Optional.of(Arrays.compareUnsigned(utf8(a.get("S")), utf8(b.get("S"))));
        case "N" -> Optional.of(new BigDecimal(a.get("N").asText()).compareTo(new BigDecimal(b.get("N").asText())));
        case "B" -> Optional.of(Arrays.compareUnsigned(bytes(a.get("B")), bytes(b.get("B"))));
        default -> Optional.empty();
      };
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Whether {@code v} starts with {@code prefix} (S by characters' bytes, B by bytes). */
  static boolean beginsWith(JsonNode v, JsonNode prefix) {
    Optional<String> t = type(v);
    if (t.isEmpty() || !t.equals(type(prefix)) || t.get().equals("N")) {
      return false;
    }
    try {
      byte[] a = t.get().equals("S") ? utf8(v.get("S")) : bytes(v.get("B"));
      byte[] p = t.get().equals("S") ? utf8(prefix.get("S")) : bytes(prefix.get("B"));
      return a.length >= p.length && Arrays.equals(a, 0, p.length, p, 0, p.length);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * Orders tuples of key values (multi-attribute keys compare left to right); a missing or
   * incomparable value sorts after the others, so the order is total and stable.
   */
  static final Comparator<List<JsonNode>> TUPLES = (x, y) -> {
    for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
      JsonNode a = x.get(i);
      JsonNode b = y.get(i);
      if (a == null || b == null) {
        if (a != b) {
          return a == null ? 1 : -1;
        }
        continue;
      }
      Optional<Integer> c = compare(a, b);
      int r = c.orElseGet(() -> a.toString().compareTo(b.toString()));
      if (r != 0) {
        return r;
      }
    }
    return Integer.compare(x.size(), y.size());
  };

  private static byte[] utf8(JsonNode s) {
    return s.asText().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] bytes(JsonNode b) {
    return Base64.getDecoder().decode(b.asText());
  }

  /** A short, readable rendering of a value for the page (not escaped; the caller escapes). */
  static String display(JsonNode v, int budget) {
    StringBuilder sb = new StringBuilder();
    append(sb, v, budget);
    return sb.length() > budget ? sb.substring(0, Math.max(0, budget - 1)) + "…" : sb.toString();
  }

  private static void append(StringBuilder sb, JsonNode v, int budget) {
    if (sb.length() > budget) {
      return;
    }
    Optional<String> t = type(v);
    if (t.isEmpty()) {
      sb.append(v);
      return;
    }
    JsonNode x = v.get(t.get());
    switch (t.get()) {
      case "S", "N" -> sb.append(x.asText());
      case "B" -> sb.append("binary ").append(byteCount(x)).append(" B");
      case "BOOL" -> sb.append(x.asBoolean());
      case "NULL" -> sb.append("null");
      case "SS", "NS" -> {
        sb.append('{');
        for (int i = 0; i < x.size() && sb.length() <= budget; i++) {
          sb.append(i == 0 ? "" : ", ").append(x.get(i).asText());
        }
        sb.append('}');
      }
      case "BS" -> sb.append('{').append(x.size()).append(" binary value").append(x.size() == 1 ? "" : "s").append('}');
      case "L" -> {
        sb.append('[');
        for (int i = 0; i < x.size() && sb.length() <= budget; i++) {
          sb.append(i == 0 ? "" : ", ");
          append(sb, x.get(i), budget);
        }
        sb.append(']');
      }
      case "M" -> {
        sb.append('{');
        int i = 0;
        for (var it = x.properties().iterator(); it.hasNext() && sb.length() <= budget; i++) {
          var e = it.next();
          sb.append(i == 0 ? "" : ", ").append(e.getKey()).append(": ");
          append(sb, e.getValue(), budget);
        }
        sb.append('}');
      }
      default -> sb.append(x);
    }
  }

  private static String byteCount(JsonNode b) {
    try {
      return Integer.toString(Base64.getDecoder().decode(b.asText()).length);
    } catch (IllegalArgumentException e) {
      return "?";
    }
  }

  /** The full text of a value, for its tooltip and for print (not escaped). */
  static String full(JsonNode v) {
    return display(v, Integer.MAX_VALUE - 2);
  }
}
