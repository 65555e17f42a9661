package dev.ddbmodel.core.internal.checks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.core.internal.guide.DynamoDbLimits;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Secondary indexes of a table: how many ({@code DataModel.TooManyIndexes}), unique names
 * ({@code DataModel.DuplicateIndex}), each index's key schema (with {@link KeySchemaRules}) and
 * the LSI constraints ({@code DataModel.LocalIndexKeySchema}), projections
 * ({@code DataModel.Projection}, {@code DataModel.ProjectionKeyAttribute}) and the projected
 * attribute total ({@code DataModel.TooManyProjectedAttributes}). Index capacity is
 * {@link CapacityRules}'.
 */
final class DataModelIndexRules {
  private DataModelIndexRules() {}

  static void check(TableView t, Findings c) {
    String p = t.pointer();
    String hash = t.hash();
    boolean hasRange = t.keys().size() > 1;
    Set<String> indexNames = new HashSet<>();
    for (String kind : TableView.INDEX_KINDS) {
      JsonNode idx = TableView.arr(t.node().path(kind));
      boolean global = kind.startsWith("Global");
      if (global && idx.size() > DynamoDbLimits.GSI_QUOTA) {
        c.warn("DataModel.TooManyIndexes", p + "/" + kind, "table `" + t.name() + "` has " + idx.size() + " global secondary indexes; the default quota is "
                + DynamoDbLimits.GSI_QUOTA,
            "merge indexes (overloading) or request a quota increase");
      }
      if (!global && idx.size() > DynamoDbLimits.LSI_MAX) {
        c.error("DataModel.TooManyIndexes", p + "/" + kind, "a table can have at most " + DynamoDbLimits.LSI_MAX + " local secondary indexes",
            "use global secondary indexes");
      }
      for (TableView.IndexView ix : t.indexes()) {
        if (ix.global() != global) {
          continue;
        }
        String ip = ix.pointer();
        String in = ix.name();
        if (!indexNames.add(in)) {
          c.error("DataModel.DuplicateIndex", ip + "/IndexName", "index `" + in + "` is defined twice on table `" + t.name() + "`", "give each index its own name");
        }
        KeySchemaRules.check(ix.node().path("KeySchema"), ip + "/KeySchema", t.types(), c, global ? "global index" : "local index",
            global ? DynamoDbLimits.GSI_KEY_ATTRIBUTES : 1, global ? DynamoDbLimits.GSI_KEY_ATTRIBUTES : 1);
        List<String> ik = ix.keys();
        if (!global && hash != null && !ik.isEmpty()) {
          if (!ik.get(0).equals(hash)) {
            c.error("DataModel.LocalIndexKeySchema", ip + "/KeySchema", "local index `" + in + "` must use the table's partition key `" + hash + "`",
                "a local index only changes the sort key; use a global index for another partition key");
          }
          if (!hasRange) {
            c.error("DataModel.LocalIndexKeySchema", ip, "local indexes need a table with a sort key", "add a RANGE key to the table or use a global index");
          }
          if (ik.size() != 2) {
            c.error("DataModel.LocalIndexKeySchema", ip + "/KeySchema", "local index `" + in + "` needs exactly one HASH and one RANGE attribute", "");
          }
        }
        projection(ix.node().path("Projection"), ip + "/Projection", ik, t.keys(), c);
        if (global) {
          CapacityRules.index(t, ix, c);
        }
      }
    }
  }

  private static void projection(JsonNode proj, String p, List<String> indexKeys, List<String> tableKeys, Findings c) {
    if (!proj.isObject() || !proj.path("ProjectionType").isTextual()) {
      return;
    }
    String type = proj.get("ProjectionType").asText();
    JsonNode nka = TableView.arr(proj.path("NonKeyAttributes"));
    if (type.equals("INCLUDE") && nka.isEmpty()) {
      c.error("DataModel.Projection", p, "an INCLUDE projection needs NonKeyAttributes", "list the attributes to copy, or use KEYS_ONLY");
    }
    if (!type.equals("INCLUDE") && proj.has("NonKeyAttributes")) {
      c.error("DataModel.Projection", p + "/NonKeyAttributes", "NonKeyAttributes is only allowed with ProjectionType INCLUDE",
          "remove it, or change the projection to INCLUDE");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < nka.size(); i++) {
      String a = nka.get(i).asText();
      if (indexKeys.contains(a) || tableKeys.contains(a)) {
        // DynamoDB creates such an index (DynamoDB Local too, DataModelRulesLocalIT): key attributes are projected anyway
        c.warn("DataModel.ProjectionKeyAttribute", p + "/NonKeyAttributes/" + i, "`" + a + "` is a key attribute of the "
                + (indexKeys.contains(a) ? "index" : "table") + "; key attributes are always projected, so listing it changes nothing",
            "remove it from NonKeyAttributes");
      }
      if (!seen.add(a)) {
        c.error("DataModel.Projection", p + "/NonKeyAttributes/" + i, "`" + a + "` is listed twice", "list it once");
      }
    }
  }

  /** NonKeyAttributes over all indexes of the table (every array element, named index or not). */
  static void projectedTotal(TableView t, Findings c) {
    int projected = 0;
    for (String kind : TableView.INDEX_KINDS) {
      for (JsonNode ix : TableView.arr(t.node().path(kind))) {
        projected += TableView.arr(ix.path("Projection").path("NonKeyAttributes")).size();
      }
    }
    if (projected > DynamoDbLimits.PROJECTED_ATTRIBUTES_MAX) {
      c.error("DataModel.TooManyProjectedAttributes", t.pointer(), "the indexes of table `" + t.name() + "` project " + projected
              + " NonKeyAttributes in total; DynamoDB allows " + DynamoDbLimits.PROJECTED_ATTRIBUTES_MAX + " over all indexes of a table",
          "project fewer attributes, or use ProjectionType ALL");
    }
  }
}
