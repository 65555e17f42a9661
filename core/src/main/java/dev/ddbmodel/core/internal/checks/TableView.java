package dev.ddbmodel.core.internal.checks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.core.json.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The typed view of one table that every rule after the structural pass works on, built once and
 * tolerant of a document the structural pass refused: whatever is malformed is left out here and
 * reported by the rule that owns it.
 *
 * @param name the TableName
 * @param pointer JSON Pointer of the table
 * @param node the table object (for the settings rules, which read CreateTable parameters as given)
 * @param types key attribute types by name, in file order; the value is null for a type other than S, N or B
 * @param keys the table's key attributes, HASH ones first
 * @param used every attribute named in the key schema of the table or of a (named) index
 * @param indexes the named indexes, GSIs then LSIs, in file order
 * @param indexKeys key attributes by index name (for a name given twice, the last definition)
 * @param indexPointers pointer by index name (for a name given twice, the first definition)
 * @param billing the BillingMode (PAY_PER_REQUEST when absent)
 * @param ttlAttribute the enabled TTL attribute, or null
 */
record TableView(String name, String pointer, JsonNode node, Map<String, String> types, List<String> keys, Set<String> used,
    List<IndexView> indexes, Map<String, List<String>> indexKeys, Map<String, String> indexPointers, String billing, String ttlAttribute) {

  /** The two index kinds, in the order the rules visit them. */
  static final List<String> INDEX_KINDS = List.of("GlobalSecondaryIndexes", "LocalSecondaryIndexes");

  /**
   * A named index of the table.
   *
   * @param name the IndexName
   * @param pointer JSON Pointer of the index
   * @param global true for a GSI
   * @param node the index object
   * @param keys key attributes, HASH ones first
   */
  record IndexView(String name, String pointer, boolean global, JsonNode node, List<String> keys) {}

  /** The view of table object {@code t} (which has a textual TableName) at {@code p}. */
  static TableView of(JsonNode t, String p) {
    Map<String, String> types = new LinkedHashMap<>();
    for (JsonNode def : arr(t.path("AttributeDefinitions"))) {
      if (def.path("AttributeName").isTextual() && def.path("AttributeType").isTextual()) {
        String at = def.get("AttributeType").asText();
        types.put(def.get("AttributeName").asText(), at.equals("S") || at.equals("N") || at.equals("B") ? at : null);
      }
    }
    Set<String> used = new HashSet<>();
    List<String> tableKeys = keys(t.path("KeySchema"), used);
    List<IndexView> indexes = new ArrayList<>();
    Map<String, List<String>> indexKeys = new LinkedHashMap<>();
    Map<String, String> indexPointers = new LinkedHashMap<>();
    for (String kind : INDEX_KINDS) {
      JsonNode idx = arr(t.path(kind));
      for (int g = 0; g < idx.size(); g++) {
        JsonNode ix = idx.get(g);
        String ip = p + "/" + kind + "/" + g;
        if (!ix.isObject() || !ix.path("IndexName").isTextual()) {
          continue;
        }
        String in = ix.get("IndexName").asText();
        List<String> ik = keys(ix.path("KeySchema"), used);
        indexes.add(new IndexView(in, ip, kind.startsWith("Global"), ix, ik));
        indexKeys.put(in, ik);
        indexPointers.putIfAbsent(in, ip);
      }
    }
    JsonNode ttl = t.path("TimeToLiveSpecification");
    String ttlAttribute = ttl.path("AttributeName").isTextual() && ttl.path("Enabled").asBoolean(true) ? ttl.get("AttributeName").asText() : null;
    return new TableView(t.get("TableName").asText(), p, t, Collections.unmodifiableMap(types), tableKeys, Collections.unmodifiableSet(used),
        List.copyOf(indexes), Collections.unmodifiableMap(indexKeys), Collections.unmodifiableMap(indexPointers),
        t.path("BillingMode").asText("PAY_PER_REQUEST"), ttlAttribute);
  }

  /** The partition key, or null when the key schema has no HASH attribute. */
  String hash() {
    return keys.isEmpty() ? null : keys.get(0);
  }

  /** The attribute names of a key schema whose KeyType is HASH or RANGE, HASH ones first; every named attribute goes to {@code used}. */
  static List<String> keys(JsonNode ks, Set<String> used) {
    List<String> hashes = new ArrayList<>();
    List<String> ranges = new ArrayList<>();
    for (JsonNode e : arr(ks)) {
      if (!e.path("AttributeName").isTextual() || !e.path("KeyType").isTextual()) {
        continue;
      }
      String an = e.get("AttributeName").asText();
      String kt = e.get("KeyType").asText();
      used.add(an);
      if (kt.equals("HASH")) {
        hashes.add(an);
      } else if (kt.equals("RANGE")) {
        ranges.add(an);
      }
    }
    List<String> out = new ArrayList<>(hashes);
    out.addAll(ranges);
    return List.copyOf(out);
  }

  /** The node when it is an array, else an empty array (structure errors are reported elsewhere). */
  static JsonNode arr(JsonNode n) {
    return n != null && n.isArray() ? n : Json.array();
  }
}
