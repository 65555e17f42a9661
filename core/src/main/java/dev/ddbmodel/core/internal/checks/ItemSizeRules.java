package dev.ddbmodel.core.internal.checks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.core.internal.guide.DynamoDbLimits;
import dev.ddbmodel.core.json.Json;
import dev.ddbmodel.core.internal.model.ItemSizes;

/**
 * DynamoDB's size limits on a sample item, measured by {@link ItemSizes} (the one calculator):
 * the item ({@code DataModel.ItemTooLarge}) and its key values ({@code DataModel.KeyTooLarge}:
 * partition key values up to 2048 bytes, sort key values up to 1024).
 */
final class ItemSizeRules {
  private ItemSizeRules() {}

  static void item(JsonNode attrs, String ap, Findings c) {
    long size = ItemSizes.of(attrs);
    if (size > DynamoDbLimits.MAX_ITEM_BYTES) {
      c.error("DataModel.ItemTooLarge", ap, "the item is " + size + " bytes; DynamoDB items are limited to " + DynamoDbLimits.MAX_ITEM_BYTES / 1024 + " KB ("
              + DynamoDbLimits.MAX_ITEM_BYTES + " bytes, attribute names included)",
          "move large values to S3 and store a reference");
    }
  }

  static void keys(JsonNode attrs, TableView info, String ap, Findings c) {
    for (int k = 0; k < info.keys().size(); k++) {
      String key = info.keys().get(k);
      long limit = k == 0 ? DynamoDbLimits.MAX_PARTITION_KEY_BYTES : DynamoDbLimits.MAX_SORT_KEY_BYTES;
      long size = ItemSizes.value(attrs.get(key));
      if (size > limit) {
        c.error("DataModel.KeyTooLarge", Json.pointer(ap, key), (k == 0 ? "partition" : "sort") + " key `" + key + "` is " + size
                + " bytes; DynamoDB allows " + limit, "shorten the key value (hash long natural keys)");
      }
    }
  }
}
