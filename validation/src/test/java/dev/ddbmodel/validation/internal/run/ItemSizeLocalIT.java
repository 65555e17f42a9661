package dev.ddbmodel.validation.internal.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddbmodel.core.internal.guide.DynamoDbLimits;
import dev.ddbmodel.core.json.Json;
import dev.ddbmodel.core.internal.model.ItemSizes;
import dev.ddbmodel.validation.internal.exec.DynamoJson;
import dev.ddbmodel.validation.LocalDynamoDb;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * The one item-size calculator ({@link ItemSizes}) against DynamoDB Local's own size checks: for
 * items of every value type, the item our calculator puts exactly at 400 KB is stored and one
 * byte more is refused; key values at and just over the key size limits likewise.
 */
class ItemSizeLocalIT {
  static LocalDynamoDb local;

  @BeforeAll
  static void start() {
    local = LocalDynamoDb.embedded();
    local.client().createTable(b -> b.tableName("Sizes").billingMode("PAY_PER_REQUEST")
        .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"), a -> a.attributeName("sk").attributeType("S"))
        .keySchema(k -> k.attributeName("pk").keyType("HASH"), k -> k.attributeName("sk").keyType("RANGE")));
  }

  @AfterAll
  static void stop() {
    local.close();
  }

  /** Value shapes whose size rules differ. */
  static Map<String, String> shapes() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("numbers with trailing zeros", "{\"N\": \"100000\"}");
    m.put("odd digit numbers", "{\"N\": \"12345\"}");
    m.put("negative decimals", "{\"N\": \"-0.0012500\"}");
    m.put("digits paired at the point", "{\"N\": \"1.5\"}");
    m.put("negative integers", "{\"N\": \"-7\"}");
    m.put("exponents", "{\"N\": \"1E+5\"}");
    m.put("large exponents", "{\"N\": \"123456789012345678901234567890\"}");
    m.put("binary", "{\"B\": \"AAECAwQFBgc=\"}");
    m.put("booleans and nulls", "{\"BOOL\": true}");
    m.put("maps", "{\"M\": {\"a\": {\"S\": \"xy\"}, \"n\": {\"N\": \"7\"}, \"l\": {\"L\": [{\"NULL\": true}, {\"S\": \"\"}]}}}");
    m.put("string sets", "{\"SS\": [\"a\", \"bc\", \"déf\"]}");
    m.put("number sets", "{\"NS\": [\"1\", \"2000\", \"3.25\"]}");
    m.put("binary sets", "{\"BS\": [\"AA==\", \"AAEC\", \"/////w==\"]}");
    m.put("nulls", "{\"NULL\": true}");
    m.put("nested lists", "{\"L\": [{\"L\": [{\"N\": \"0.001\"}, {\"M\": {}}]}, {\"L\": []}, {\"BOOL\": false}]}");
    m.put("empty strings", "{\"S\": \"\"}");
    m.put("multi-byte strings", "{\"S\": \"\u00e9\u4e2d\ud83d\ude00\"}");
    m.put("zero", "{\"N\": \"0\"}");
    m.put("leading zeros", "{\"N\": \"000123.4500\"}");
    m.put("38 digits", "{\"N\": \"-0.12345678901234567890123456789012345678\"}");
    m.put("small exponents", "{\"N\": \"5E-100\"}");
    return m;
  }

  /** An item of {@code copies} values of one shape plus a string pad that brings it to {@code target} bytes. */
  static ObjectNode item(String sk, String shape, int copies, long target) {
    List<com.fasterxml.jackson.databind.JsonNode> values = new ArrayList<>();
    for (int i = 0; i < copies; i++) {
      values.add(Json.parseTrusted(shape));
    }
    return item(sk, "v", values, target);
  }

  /** An item holding {@code values} under names {@code <prefix>0000...} plus a string pad that brings it to {@code target} bytes. */
  static ObjectNode item(String sk, String prefix, List<com.fasterxml.jackson.databind.JsonNode> values, long target) {
    ObjectNode item = Json.object();
    item.set("pk", Json.object().put("S", "p"));
    item.set("sk", Json.object().put("S", sk));
    for (int i = 0; i < values.size(); i++) {
      item.set(prefix + String.format(java.util.Locale.ROOT, "%04d", i), values.get(i));
    }
    item.set("pad", Json.object().put("S", ""));
    long pad = target - ItemSizes.of(item);
    item.set("pad", Json.object().put("S", "x".repeat((int) pad)));
    assertThat(ItemSizes.of(item)).isEqualTo(target);
    return item;
  }

  static boolean stored(ObjectNode item) {
    try {
      local.client().putItem(b -> b.tableName("Sizes").item(DynamoJson.toItem(item, "item")));
      return true;
    } catch (DynamoDbException e) {
      assertThat(e.awsErrorDetails().errorMessage()).containsIgnoringCase("size");
      return false;
    }
  }

  @Test
  void itemsAtTheLimitAreStoredAndOneByteMoreIsRefused() {
    List<String> wrong = new ArrayList<>();
    int n = 0;
    for (var e : shapes().entrySet()) {
      ObjectNode at = item("at" + n, e.getValue(), 2000, DynamoDbLimits.MAX_ITEM_BYTES);
      ObjectNode over = item("ov" + n, e.getValue(), 2000, DynamoDbLimits.MAX_ITEM_BYTES + 1);
      n++;
      if (!stored(at)) {
        wrong.add(e.getKey() + ": refused at " + DynamoDbLimits.MAX_ITEM_BYTES + " bytes by our count");
      }
      if (stored(over)) {
        wrong.add(e.getKey() + ": stored at " + (DynamoDbLimits.MAX_ITEM_BYTES + 1) + " bytes by our count");
      }
    }
    assertThat(wrong).isEmpty();
  }

  /**
   * Numbers are where size rules differ most (digit pairs, zeros at either end, the sign, the
   * exponent): seeded random numbers of 1 to 38 significant digits, with leading and trailing
   * zeros, fractions and signs, many per item; an item our count puts at 400 KB is stored and one
   * byte more is refused. One wrong byte in any number moves the whole item off the limit.
   */
  @Test
  void seededNumbersOfEveryDigitCountAgreeWithDynamoDbLocal() {
    java.util.Random r = new java.util.Random(23);
    List<String> wrong = new ArrayList<>();
    for (int round = 0; round < 12; round++) {
      List<com.fasterxml.jackson.databind.JsonNode> values = new ArrayList<>();
      List<String> numbers = new ArrayList<>();
      for (int i = 0; i < 600; i++) {
        String n = randomNumber(r);
        numbers.add(n);
        values.add(Json.object().put("N", n));
      }
      ObjectNode at = item("nat" + round, "n", values, DynamoDbLimits.MAX_ITEM_BYTES);
      ObjectNode over = item("nov" + round, "n", values, DynamoDbLimits.MAX_ITEM_BYTES + 1);
      if (!stored(at)) {
        wrong.add("round " + round + " refused at the limit: " + numbers.subList(0, 5) + "...");
      }
      if (stored(over)) {
        wrong.add("round " + round + " stored one byte over the limit: " + numbers.subList(0, 5) + "...");
      }
    }
    assertThat(wrong).isEmpty();
  }

  /** A number of 1-38 significant digits, possibly negative, with zeros before, inside and after. */
  static String randomNumber(java.util.Random r) {
    int digits = 1 + r.nextInt(38);
    StringBuilder sig = new StringBuilder();
    sig.append((char) ('1' + r.nextInt(9)));
    for (int i = 1; i < digits; i++) {
      sig.append(r.nextInt(4) == 0 ? '0' : (char) ('0' + r.nextInt(10)));
    }
    if (digits > 1 && sig.charAt(digits - 1) == '0') {
      sig.setCharAt(digits - 1, '7');
    }
    String s = sig.toString();
    int form = r.nextInt(4);
    String n;
    if (form == 0) {
      n = s + "0".repeat(r.nextInt(6));
    } else if (form == 1) {
      int point = r.nextInt(s.length());
      n = (point == 0 ? "0" : s.substring(0, point)) + "." + s.substring(point) + "0".repeat(r.nextInt(3));
    } else if (form == 2) {
      n = "0." + "0".repeat(r.nextInt(8)) + s;
    } else {
      n = s + "E" + (r.nextInt(40) - 20);
    }
    return (r.nextBoolean() ? "-" : "") + n;
  }

  /** Attribute names count their UTF-8 bytes, in the item and inside maps: long and multi-byte names. */
  @Test
  void longAttributeNamesAgreeWithDynamoDbLocal() {
    List<String> wrong = new ArrayList<>();
    String[] prefixes = {"a".repeat(200), "\u00e9".repeat(120), "\u4e2d".repeat(80)};
    for (int i = 0; i < prefixes.length; i++) {
      List<com.fasterxml.jackson.databind.JsonNode> values = new ArrayList<>();
      for (int k = 0; k < 300; k++) {
        ObjectNode m = Json.object();
        m.set(prefixes[i] + k, Json.object().put("N", String.valueOf(k)));
        values.add(Json.object().set("M", m));
      }
      if (!stored(item("lat" + i, prefixes[i], values, DynamoDbLimits.MAX_ITEM_BYTES))) {
        wrong.add("names of " + prefixes[i].length() + " chars refused at the limit");
      }
      if (stored(item("lov" + i, prefixes[i], values, DynamoDbLimits.MAX_ITEM_BYTES + 1))) {
        wrong.add("names of " + prefixes[i].length() + " chars stored one byte over the limit");
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void keyValuesAtTheKeySizeLimits() {
    assertThat(key("p".repeat(DynamoDbLimits.MAX_PARTITION_KEY_BYTES), "s")).isTrue();
    assertThat(key("p".repeat(DynamoDbLimits.MAX_PARTITION_KEY_BYTES + 1), "s")).isFalse();
    assertThat(key("p", "s".repeat(DynamoDbLimits.MAX_SORT_KEY_BYTES))).isTrue();
    assertThat(key("p", "s".repeat(DynamoDbLimits.MAX_SORT_KEY_BYTES + 1))).isFalse();
    // multi-byte characters count in UTF-8 bytes
    assertThat(key("é".repeat(DynamoDbLimits.MAX_PARTITION_KEY_BYTES / 2), "s")).isTrue();
    assertThat(key("é".repeat(DynamoDbLimits.MAX_PARTITION_KEY_BYTES / 2) + "x", "s")).isFalse();
  }

  static boolean key(String pk, String sk) {
    ObjectNode item = Json.object();
    item.set("pk", Json.object().put("S", pk));
    item.set("sk", Json.object().put("S", sk));
    try {
      local.client().putItem(b -> b.tableName("Sizes").item(DynamoJson.toItem(item, "item")));
      return true;
    } catch (DynamoDbException e) {
      return false;
    }
  }
}
