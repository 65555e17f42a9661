package dev.ddbmodel.validation.internal.exec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddbmodel.core.internal.guide.DynamoDbLimits;
import dev.ddbmodel.core.internal.model.ItemSizes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Write capacity AWS charges by DynamoDB's published rules ("Read/write capacity mode" and
 * "Managing throughput settings on GSIs"): a write costs ceil(size / 1 KB) units on the larger of
 * the item before and after, every index the item enters, leaves or changes in costs its own
 * write of the projected item (a key change is a delete plus a put), and in a transaction every
 * action (ConditionCheck included) costs twice that. Item sizes come from {@link ItemSizes};
 * before and after images are read with consistent GetItem calls on the run's own tables.
 */
final class AwsCapacity {
  private final DynamoDbClient client;
  private final Map<String, TableDescription> tables = new HashMap<>();

  AwsCapacity(DynamoDbClient client) {
    this.client = client;
  }

  /** The items the actions touch, read before the transaction (empty maps for missing items). */
  List<Map<String, AttributeValue>> before(List<TransactWriteItem> items) {
    List<Map<String, AttributeValue>> out = new ArrayList<>();
    for (TransactWriteItem i : items) {
      out.add(read(table(i), key(i)));
    }
    return out;
  }

  /** Units AWS charges for a successful TransactWriteItems. */
  double transactWrite(List<TransactWriteItem> items, List<Map<String, AttributeValue>> before) {
    double units = 0;
    for (int n = 0; n < items.size(); n++) {
      TransactWriteItem i = items.get(n);
      Map<String, AttributeValue> old = before.get(n);
      Map<String, AttributeValue> now = i.put() != null ? i.put().item()
          : i.update() != null ? read(table(i), key(i))
          : i.delete() != null ? Map.of() : old;
      units += DynamoDbLimits.TRANSACTION_FACTOR * (write(size(old), size(now)) + (i.conditionCheck() != null ? 0 : indexWrites(describe(table(i)), old, now)));
    }
    return units;
  }

  /** Units of one write: the larger image, at least one unit. */
  static double write(long before, long after) {
    return Math.max(1, Math.ceil(Math.max(before, after) / (double) DynamoDbLimits.WRITE_UNIT_BYTES));
  }

  /** Index writes: entering, leaving or updating an index; a changed index key is a delete plus a put. */
  static double indexWrites(TableDescription d, Map<String, AttributeValue> before, Map<String, AttributeValue> after) {
    double units = 0;
    List<String> tableKeys = d.keySchema().stream().map(KeySchemaElement::attributeName).toList();
    List<Object[]> indexes = new ArrayList<>();
    d.globalSecondaryIndexes().forEach(g -> indexes.add(new Object[] {g.keySchema(), g.projection()}));
    d.localSecondaryIndexes().forEach(l -> indexes.add(new Object[] {l.keySchema(), l.projection()}));
    for (Object[] ix : indexes) {
      @SuppressWarnings("unchecked")
      List<KeySchemaElement> ks = (List<KeySchemaElement>) ix[0];
      List<String> keys = ks.stream().map(KeySchemaElement::attributeName).toList();
      Projection p = (Projection) ix[1];
      boolean in = before.keySet().containsAll(keys);
      boolean out = after.keySet().containsAll(keys);
      long b = in ? projected(before, tableKeys, keys, p) : 0;
      long a = out ? projected(after, tableKeys, keys, p) : 0;
      if (in && out && keys.stream().allMatch(k -> before.get(k).equals(after.get(k)))) {
        units += write(b, a);
      } else {
        units += (in ? write(b, 0) : 0) + (out ? write(0, a) : 0);
      }
    }
    return units;
  }

  /** Size of the item as the index stores it. */
  static long projected(Map<String, AttributeValue> item, List<String> tableKeys, List<String> indexKeys, Projection p) {
    if (p.projectionType() == null || p.projectionTypeAsString().equals("ALL")) {
      return size(item);
    }
    Set<String> names = new TreeSet<>(tableKeys);
    names.addAll(indexKeys);
    if (p.projectionTypeAsString().equals("INCLUDE") && p.hasNonKeyAttributes()) {
      names.addAll(p.nonKeyAttributes());
    }
    Map<String, AttributeValue> kept = new HashMap<>();
    names.forEach(n -> {
      if (item.containsKey(n)) {
        kept.put(n, item.get(n));
      }
    });
    return size(kept);
  }

  static long size(Map<String, AttributeValue> item) {
    if (item.isEmpty()) {
      return 0;
    }
    ObjectNode json = DynamoJson.fromItem(item);
    return ItemSizes.of(json);
  }

  private TableDescription describe(String table) {
    return tables.computeIfAbsent(table, t -> client.describeTable(b -> b.tableName(t)).table());
  }

  private Map<String, AttributeValue> read(String table, Map<String, AttributeValue> key) {
    var r = client.getItem(b -> b.tableName(table).key(key).consistentRead(true));
    return r.hasItem() && r.item() != null ? r.item() : Map.of();
  }

  private static String table(TransactWriteItem i) {
    return i.put() != null ? i.put().tableName() : i.update() != null ? i.update().tableName()
        : i.delete() != null ? i.delete().tableName() : i.conditionCheck().tableName();
  }

  private Map<String, AttributeValue> key(TransactWriteItem i) {
    if (i.put() == null) {
      return i.update() != null ? i.update().key() : i.delete() != null ? i.delete().key() : i.conditionCheck().key();
    }
    Map<String, AttributeValue> k = new HashMap<>();
    for (KeySchemaElement e : describe(i.put().tableName()).keySchema()) {
      if (i.put().item().containsKey(e.attributeName())) {
        k.put(e.attributeName(), i.put().item().get(e.attributeName()));
      }
    }
    return k;
  }
}
