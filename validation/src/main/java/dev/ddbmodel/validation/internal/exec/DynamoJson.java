package dev.ddbmodel.validation.internal.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddbmodel.core.json.Json;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB JSON ({@code {"S": "x"}}, {@code {"N": "1"}}, ...) to SDK {@link AttributeValue} and
 * back. Input errors throw {@link IllegalArgumentException} with the JSON path in the message;
 * callers turn them into diagnostics.
 */
public final class DynamoJson {
  private DynamoJson() {}

  /** An attribute map ({@code {"name": {"S": "x"}}}). */
  public static Map<String, AttributeValue> toItem(JsonNode map, String path) {
    if (map == null || !map.isObject()) {
      throw new IllegalArgumentException(path + " must be an object of attribute values");
    }
    Map<String, AttributeValue> out = new LinkedHashMap<>();
    map.properties().forEach(e -> out.put(e.getKey(), toValue(e.getValue(), path + "." + e.getKey())));
    return out;
  }

  /** One attribute value with exactly one type descriptor. */
  public static AttributeValue toValue(JsonNode v, String path) {
    if (v == null || !v.isObject() || v.size() != 1) {
      throw new IllegalArgumentException(
          path + " must be an object with exactly one type key (S, N, B, BOOL, NULL, M, L, SS, NS, BS)");
    }
    Map.Entry<String, JsonNode> e = v.properties().iterator().next();
    JsonNode x = e.getValue();
    String p = path + "." + e.getKey();
    switch (e.getKey()) {
      case "S":
        return AttributeValue.fromS(text(x, p));
      case "N":
        return AttributeValue.fromN(number(x, p));
      case "B":
        return AttributeValue.fromB(SdkBytes.fromByteArray(binary(x, p)));
      case "BOOL":
        if (!x.isBoolean()) {
          throw new IllegalArgumentException(p + " must be JSON true or false");
        }
        return AttributeValue.fromBool(x.booleanValue());
      case "NULL":
        if (!x.isBoolean() || !x.booleanValue()) {
          throw new IllegalArgumentException(p + " must be true");
        }
        return AttributeValue.fromNul(true);
      case "M":
        return AttributeValue.fromM(toItem(x, p));
      case "L": {
        if (!x.isArray()) {
          throw new IllegalArgumentException(p + " must be an array");
        }
        List<AttributeValue> l = new ArrayList<>();
        for (int i = 0; i < x.size(); i++) {
          l.add(toValue(x.get(i), p + "[" + i + "]"));
        }
        return AttributeValue.fromL(l);
      }
      case "SS":
        return AttributeValue.fromSs(set(x, p, DynamoJson::text));
      case "NS":
        return AttributeValue.fromNs(set(x, p, DynamoJson::number));
      case "BS": {
        List<SdkBytes> l = new ArrayList<>();
        for (String s : set(x, p, DynamoJson::text)) {
          l.add(SdkBytes.fromByteArray(binary(Json.toTree(s), p)));
        }
        return AttributeValue.fromBs(l);
      }
      default:
        throw new IllegalArgumentException(p + " is not a DynamoDB type (S, N, B, BOOL, NULL, M, L, SS, NS, BS)");
    }
  }

  private interface Reader {
    String read(JsonNode n, String path);
  }

  private static List<String> set(JsonNode x, String p, Reader r) {
    if (!x.isArray() || x.isEmpty()) {
      throw new IllegalArgumentException(p + " must be a non-empty array");
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < x.size(); i++) {
      out.add(r.read(x.get(i), p + "[" + i + "]"));
    }
    return out;
  }

  private static String text(JsonNode x, String p) {
    if (!x.isTextual()) {
      throw new IllegalArgumentException(p + " must be a string");
    }
    return x.asText();
  }

  private static String number(JsonNode x, String p) {
    String s = x.isNumber() ? x.asText() : text(x, p);
    try {
      new java.math.BigDecimal(s.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(p + " must be a number written as a string, got `" + s + "`");
    }
    return s;
  }

  private static byte[] binary(JsonNode x, String p) {
    try {
      return Base64.getDecoder().decode(text(x, p));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(p + " must be base64 text");
    }
  }

  /** An SDK attribute map as DynamoDB JSON with keys sorted (deterministic output). */
  public static ObjectNode fromItem(Map<String, AttributeValue> item) {
    ObjectNode o = Json.object();
    for (Map.Entry<String, AttributeValue> e : new TreeMap<>(item).entrySet()) {
      o.set(e.getKey(), fromValue(e.getValue()));
    }
    return o;
  }

  public static ArrayNode fromItems(List<Map<String, AttributeValue>> items) {
    ArrayNode a = Json.array();
    items.forEach(i -> a.add(fromItem(i)));
    return a;
  }

  public static ObjectNode fromValue(AttributeValue v) {
    ObjectNode o = Json.object();
    switch (v.type()) {
      case S -> o.put("S", v.s());
      case N -> o.put("N", v.n());
      case B -> o.put("B", Base64.getEncoder().encodeToString(v.b().asByteArray()));
      case BOOL -> o.put("BOOL", v.bool());
      case NUL -> o.put("NULL", true);
      case M -> o.set("M", fromItem(v.m()));
      case L -> {
        ArrayNode a = o.putArray("L");
        v.l().forEach(x -> a.add(fromValue(x)));
      }
      case SS -> v.ss().forEach(o.putArray("SS")::add);
      case NS -> v.ns().forEach(o.putArray("NS")::add);
      case BS -> {
        ArrayNode a = o.putArray("BS");
        v.bs().forEach(b -> a.add(Base64.getEncoder().encodeToString(b.asByteArray())));
      }
      default -> o.putNull("UNKNOWN");
    }
    return o;
  }
}
