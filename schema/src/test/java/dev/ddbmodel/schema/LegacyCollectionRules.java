package dev.ddbmodel.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.core.Suggestions;
import dev.ddbmodel.schema.LegacySchemaRules.At;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * TEST ONLY: a verbatim copy (class names prefixed with {@code Legacy}) of the schema.json rule
 * classes as they were before the split into {@code dev.ddbmodel.schema.internal.rules} (issue #23, item 2).
 * It exists only for {@code SchemaRulesPinTest}, which compares its output with the new classes;
 * do not use or extend it elsewhere, and delete it with the pin test once the split has settled.
 *
 * <p>The original description follows.
 */
/**
 * Rules of item-collection reads: the {@code collection_entities} of a {@code mixed_data} Query
 * (its shape, then, on the built schema, whether each entity can share the partition and whether
 * the collection's items can be told apart). The decisions themselves are {@link ItemCollection}'s.
 */
final class LegacyCollectionRules {
  static final String KEY = "collection_entities";

  private LegacyCollectionRules() {}

  /** Shape of {@code collection_entities} in one access pattern: a non-empty array of distinct strings, on a mixed_data Query. */
  static void structure(LegacySchemaRules r, JsonNode ap, At at) {
    JsonNode ce = ap.get(KEY);
    if (ce == null || ce.isNull()) {
      return;
    }
    At ca = at.key(KEY);
    String op = ap.path("operation").asText("");
    String rt = ap.path("return_type").asText("");
    if (!op.equals("Query") || !rt.equals("mixed_data")) {
      r.error("Schema.CollectionEntities", ca, "`" + KEY + "` only applies to a Query with return_type `mixed_data`, this pattern is a " + op + " returning `" + rt + "`",
          op.equals("Query") ? "set \"return_type\": \"mixed_data\", or remove `" + KEY + "`" : "remove `" + KEY + "`");
      return;
    }
    if (!ce.isArray() || ce.isEmpty()) {
      r.error("Schema.CollectionEntities", ca, "`" + KEY + "` must be a non-empty array of entity names, got " + (ce.isArray() ? "an empty array" : LegacySchemaRules.typeName(ce)),
          "e.g. [\"Product\", \"Inventory\", \"Review\"], or remove it to return every entity sharing the partition");
      return;
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < ce.size(); i++) {
      JsonNode n = ce.get(i);
      if (!n.isTextual()) {
        r.error("Schema.CollectionEntities", ca.idx(i), "an entry of `" + KEY + "` must be an entity name, got " + LegacySchemaRules.typeName(n), "write the name in double quotes");
      } else if (!seen.add(n.asText())) {
        r.error("Schema.CollectionEntities", ca.idx(i), "entity `" + n.asText() + "` is listed twice in `" + KEY + "`", "list each entity once");
      }
    }
  }

  /** Semantic checks of every mixed_data Query on the built schema. */
  static void semantic(LegacySchemaRules r, Schema s) {
    for (int ti = 0; ti < s.tables().size(); ti++) {
      Schema.TableDef t = s.tables().get(ti);
      for (Schema.Entity owner : t.entities().values()) {
        for (int ai = 0; ai < owner.accessPatterns().size(); ai++) {
          Schema.AccessPattern ap = owner.accessPatterns().get(ai);
          if (ap.collectionQuery()) {
            At at = At.ROOT.key("tables").idx(ti).key("entities").key(owner.name()).key("access_patterns").idx(ai);
            pattern(r, s, t, owner, ap, at);
          }
        }
      }
    }
  }

  private static void pattern(LegacySchemaRules r, Schema s, Schema.TableDef t, Schema.Entity owner, Schema.AccessPattern ap, At at) {
    String label = "pattern " + ap.id() + " (" + ap.name() + ")";
    Optional<Schema.GsiDef> g = ap.indexName().flatMap(t::gsi);
    boolean declared = !ap.collectionEntities().isEmpty();
    if (g.isPresent() && !g.get().projection().equals("ALL")) {
      if (declared) {
        r.error("Schema.CollectionProjection", at.key(KEY), label + " reads index `" + g.get().name() + "` with projection " + g.get().projection()
            + ", which does not hold whole items, so it cannot return typed entities", "project ALL attributes into the index, or remove `" + KEY + "` (the Query then returns raw items)");
      }
      return;
    }
    Optional<ItemCollection.Member> self = ItemCollection.member(t, owner, ap.indexName());
    if (self.isEmpty()) {
      return; // the GSI pass reports an index the entity does not map
    }
    if (declared) {
      for (int i = 0; i < ap.collectionEntities().size(); i++) {
        String name = ap.collectionEntities().get(i);
        At ea = at.key(KEY).idx(i);
        Schema.Entity e = t.entities().get(name);
        if (e == null) {
          String elsewhere = s.entities().containsKey(name) ? " (it is in table `" + s.tableOf(name).name() + "`: a Query reads one table)" : "";
          r.error("Schema.UnknownEntity", ea, "entity `" + name + "` of `" + KEY + "` is not in table `" + t.name() + "`" + elsewhere,
              Suggestions.hint(name, t.entities().keySet()));
          continue;
        }
        Optional<ItemCollection.Member> m = ItemCollection.member(t, e, ap.indexName());
        if (m.isEmpty()) {
          r.error("Schema.CollectionPartition", ea, "entity `" + name + "` has no mapping on index `" + ap.indexName().get() + "`, so none of its items is in the partition " + label + " reads",
              "add a gsi_mappings entry for `" + ap.indexName().get() + "` to `" + name + "`, or remove it from `" + KEY + "`");
        } else if (!ItemCollection.sameShape(m.get().partition(), self.get().partition())) {
          r.error("Schema.CollectionPartition", ea, "entity `" + name + "` cannot share the partition of " + label + ": its partition key template "
              + texts(m.get().partition()) + " differs from `" + owner.name() + "`'s " + texts(self.get().partition()),
              "give `" + name + "` the partition key template " + texts(self.get().partition()) + " (field names may differ), or remove it from `" + KEY + "`");
        }
      }
    }
    List<ItemCollection.Member> members = ItemCollection.members(t, owner, ap);
    if (members.size() < 2 || ItemCollection.byEntityType(members)) {
      return;
    }
    List<String> pairs = new ArrayList<>();
    for (int i = 0; i < members.size(); i++) {
      for (int k = i + 1; k < members.size(); k++) {
        if (ItemCollection.sortKeyOverlap(members.get(i), members.get(k))) {
          pairs.add("`" + members.get(i).entity().name() + "` (" + sortText(members.get(i)) + ") and `" + members.get(k).entity().name() + "` (" + sortText(members.get(k)) + ")");
        }
      }
    }
    if (pairs.isEmpty()) {
      return;
    }
    String why = members.stream().filter(m -> !m.writesEntityType()).map(m -> "`" + m.entity().name() + "`").findFirst()
        .map(n -> n + " declares its own `entity_type` field, so the DAL does not write the attribute that tells entities apart")
        .orElse("two entities have the same entity_type");
    String msg = label + " returns an item collection whose items cannot be told apart: " + why + ", and the sort keys of " + String.join(", ", pairs) + " can be equal";
    String hint = "give the entities sort key templates with distinct literal prefixes (e.g. \"REVIEW#{review_id}\"), distinct entity_type values, or list fewer entities in `" + KEY + "`";
    if (declared) {
      r.error("Schema.CollectionAmbiguous", at.key(KEY), msg, hint);
    } else {
      r.warn("Schema.CollectionAmbiguous", at.key("return_type"), msg + "; the generated Query skips the items it cannot tell apart", hint);
    }
  }

  private static String texts(List<KeyTemplate> ts) {
    return String.join(", ", ts.stream().map(x -> "`" + x.text() + "`").toList());
  }

  private static String sortText(ItemCollection.Member m) {
    if (m.sort().isEmpty()) {
      return "no sort key";
    }
    return "sort key `" + m.sort().get().text() + "`";
  }
}
