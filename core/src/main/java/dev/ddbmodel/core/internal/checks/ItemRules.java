package dev.ddbmodel.core.internal.checks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.core.Suggestions;
import dev.ddbmodel.core.json.Json;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sample items ({@code items}, BatchWriteItem shape) against their tables: a known table
 * ({@code DataModel.UnknownItemTable}), valid attribute values ({@link AttributeValueRules}),
 * sizes ({@link ItemSizeRules}), TTL values ({@code DataModel.TtlNotNumber}), every key present
 * and typed as declared ({@code DataModel.ItemMissingKey}, {@code DataModel.ItemKeyType},
 * {@code DataModel.ItemEmptyKey}), delete keys holding only the key ({@code DataModel.DeleteKey}),
 * one item per key ({@code DataModel.DuplicateItemKey}) and a table without items
 * ({@code DataModel.NoItems}).
 */
final class ItemRules {
  private ItemRules() {}

  static void check(JsonNode items, Map<String, TableView> tables, Findings c) {
    if (!items.isObject()) {
      return;
    }
    Set<String> withItems = new HashSet<>();
    items.properties().forEach(e -> {
      String table = e.getKey();
      String tp = Json.pointer("/items", table);
      TableView info = tables.get(table);
      if (info == null) {
        c.error("DataModel.UnknownItemTable", tp, "items are given for table `" + table + "`, which is not defined in `tables`",
            Suggestions.hint(table, tables.keySet()));
        return;
      }
      if (!e.getValue().isArray()) {
        return;
      }
      if (!e.getValue().isEmpty()) {
        withItems.add(table);
      }
      Map<String, String> keysSeen = new HashMap<>();
      for (int i = 0; i < e.getValue().size(); i++) {
        item(e.getValue().get(i), tp + "/" + i, table, info, keysSeen, c);
      }
    });
    for (String t : tables.keySet()) {
      if (!withItems.contains(t)) {
        c.warn("DataModel.NoItems", "/items", "table `" + t + "` has no sample items, so its access patterns can only return empty results",
            "add 5-10 realistic items covering each entity type");
      }
    }
  }

  private static void item(JsonNode req, String ip, String table, TableView info, Map<String, String> keysSeen, Findings c) {
    boolean put = req.has("PutRequest");
    JsonNode attrs = put ? req.path("PutRequest").path("Item") : req.path("DeleteRequest").path("Key");
    String ap = ip + (put ? "/PutRequest/Item" : "/DeleteRequest/Key");
    if (!attrs.isObject()) {
      return;
    }
    boolean valuesOk = true;
    for (var it = attrs.properties().iterator(); it.hasNext(); ) {
      var a = it.next();
      int before = c.count();
      AttributeValueRules.value(a.getValue(), Json.pointer(ap, a.getKey()), c);
      valuesOk &= c.count() == before;
    }
    ItemSizeRules.item(attrs, ap, c);
    if (!valuesOk) {
      return;
    }
    ItemSizeRules.keys(attrs, info, ap, c);
    if (put && info.ttlAttribute() != null && attrs.has(info.ttlAttribute()) && !attrs.get(info.ttlAttribute()).has("N")) {
      // DynamoDB's TTL only acts on Number attributes holding epoch seconds; any other type is ignored
      c.warn("DataModel.TtlNotNumber", Json.pointer(ap, info.ttlAttribute()), "TTL attribute `" + info.ttlAttribute() + "` holds "
              + attrs.get(info.ttlAttribute()).fieldNames().next() + ", not a number: DynamoDB never expires this item",
          "store the expiry as {\"N\": \"<epoch seconds>\"}");
    }
    for (String k : info.keys()) {
      JsonNode v = attrs.get(k);
      String want = info.types().get(k);
      if (v == null) {
        c.error("DataModel.ItemMissingKey", ap, "the item has no value for key attribute `" + k + "` of table `" + table + "`",
            "add \"" + k + "\": {\"" + (want == null ? "S" : want) + "\": ...}");
      } else {
        AttributeValueRules.keyType(v, k, want, Json.pointer(ap, k), c);
      }
    }
    if (!put) {
      attrs.fieldNames().forEachRemaining(n -> {
        if (!info.keys().contains(n)) {
          c.error("DataModel.DeleteKey", Json.pointer(ap, n), "`" + n + "` is not a key attribute; a DeleteRequest key holds only the table's key", "remove it");
        }
      });
    }
    if (put) {
      for (Map.Entry<String, List<String>> ix : info.indexKeys().entrySet()) {
        for (String k : ix.getValue()) {
          JsonNode v = attrs.get(k);
          if (v != null && !info.keys().contains(k)) {
            AttributeValueRules.keyType(v, k, info.types().get(k), Json.pointer(ap, k), c);
          }
        }
      }
      String keyString = info.keys().stream().map(k -> String.valueOf(attrs.get(k))).reduce("", (a, b) -> a + "|" + b);
      String prev = keysSeen.putIfAbsent(keyString, ip);
      if (prev != null) {
        c.error("DataModel.DuplicateItemKey", ip, "this item has the same primary key as `" + prev + "`",
            "give each sample item its own key (BatchWriteItem rejects duplicates in one request)");
      }
    }
  }
}
