package dev.ddbmodel.validation.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddbmodel.core.guide.DynamoDbLimits;
import dev.ddbmodel.core.json.Json;
import dev.ddbmodel.core.model.ItemSizes;
import dev.ddbmodel.validation.exec.DynamoJson;
import dev.ddbmodel.validation.local.LocalDynamoDb;
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
    return m;
  }

  /** An item of {@code copies} values of one shape plus a string pad that brings it to {@code target} bytes. */
  static ObjectNode item(String sk, String shape, int copies, long target) {
    ObjectNode item = Json.object();
    item.set("pk", Json.object().put("S", "p"));
    item.set("sk", Json.object().put("S", sk));
    for (int i = 0; i < copies; i++) {
      item.set(String.format(java.util.Locale.ROOT, "v%04d", i), Json.parseTrusted(shape));
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
