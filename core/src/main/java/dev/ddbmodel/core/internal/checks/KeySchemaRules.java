package dev.ddbmodel.core.internal.checks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.core.Suggestions;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * One key schema (of a table, a GSI or an LSI): every attribute once, defined in
 * AttributeDefinitions ({@code DataModel.UndefinedKeyAttribute}), HASH before RANGE, one HASH
 * and the allowed number of each kind ({@code DataModel.KeySchema}).
 */
final class KeySchemaRules {
  private KeySchemaRules() {}

  /** {@code what} names the owner in messages ("table", "global index", "local index"). */
  static void check(JsonNode ks, String p, Map<String, String> types, Findings c, String what, int maxHash, int maxRange) {
    ks = TableView.arr(ks);
    int hashes = 0;
    int ranges = 0;
    boolean rangeSeen = false;
    boolean invalid = false;
    Set<String> seen = new HashSet<>();
    for (int k = 0; k < ks.size(); k++) {
      JsonNode e = ks.get(k);
      if (!e.path("AttributeName").isTextual() || !e.path("KeyType").isTextual()) {
        continue;
      }
      String an = e.get("AttributeName").asText();
      String kt = e.get("KeyType").asText();
      if (!seen.add(an)) {
        c.error("DataModel.KeySchema", p + "/" + k, "attribute `" + an + "` appears twice in the key schema", "use each attribute once");
      }
      if (!types.containsKey(an)) {
        c.error("DataModel.UndefinedKeyAttribute", p + "/" + k + "/AttributeName", "key attribute `" + an + "` has no AttributeDefinitions entry",
            Suggestions.closest(an, types.keySet()).map(s -> "did you mean `" + s + "`? ").orElse("")
                + "add {\"AttributeName\": \"" + an + "\", \"AttributeType\": \"S\"} (or N, B)");
      }
      if (!kt.equals("HASH") && !kt.equals("RANGE")) {
        invalid = true;
      } else if (kt.equals("HASH")) {
        if (rangeSeen) {
          c.error("DataModel.KeySchema", p + "/" + k, "HASH attribute `" + an + "` comes after a RANGE attribute", "list HASH attributes first");
        }
        hashes++;
      } else {
        rangeSeen = true;
        ranges++;
      }
    }
    if (ks.size() > 0 && !invalid) {
      if (hashes == 0) {
        c.error("DataModel.KeySchema", p, "the " + what + " key schema has no HASH (partition key) attribute", "add {\"AttributeName\": \"pk\", \"KeyType\": \"HASH\"}");
      }
      if (hashes > maxHash) {
        c.error("DataModel.KeySchema", p, "the " + what + " key schema has " + hashes + " HASH attributes; at most " + maxHash + " allowed",
            maxHash == 1 ? (what.equals("table") ? "base tables take one partition key attribute; multi-attribute keys exist only on global indexes" : "") : "combine attributes or drop some");
      }
      if (ranges > maxRange) {
        c.error("DataModel.KeySchema", p, "the " + what + " key schema has " + ranges + " RANGE attributes; at most " + maxRange + " allowed",
            maxRange == 1 && what.equals("table") ? "base tables take one sort key attribute; build a composite value like `TYPE#date#id`" : "drop some");
      }
    }
  }
}
