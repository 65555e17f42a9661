package dev.ddbmodel.schema.internal.rules;

import dev.ddbmodel.core.internal.guide.DynamoDbLimits;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.core.Suggestions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The GSIs of one table: each definition ({@code Schema.Type}, {@code Schema.MissingField}, the key
 * attributes: {@code Schema.GsiKey}, one per name: {@code Schema.DuplicateGsi}, the projection:
 * {@code Schema.Projection}); when every definition is sound, the entities' mappings and index
 * references ({@link GsiMappingRules}) and, last, the included attributes
 * ({@code Schema.IncludeKeyAttribute}, {@code Schema.IncludeUnknownField}).
 */
final class SchemaIndexRules {
  private SchemaIndexRules() {}

  /** A GSI as far as the index rules need it. */
  record Gsi(String name, List<String> pk, List<String> sk, boolean pkArray, boolean skArray, JsonNode node, int index) {}

  static void check(SchemaRules r, JsonNode table, SchemaRules.At at) {
    Map<String, Gsi> gsis = definitions(r, table, at);
    if (gsis == null) {
      return;
    }
    SchemaRules.At la = at.key("gsi_list");
    JsonNode entities = table.path("entities");
    String tablePk = table.path("table_config").path("partition_key").asText("");
    String tableSk = table.path("table_config").path("sort_key").asText("");
    Map<String, Set<String>> fieldsOfEntitiesUsing = new LinkedHashMap<>();
    for (var it = entities.properties().iterator(); it.hasNext(); ) {
      var e = it.next();
      if (!e.getValue().isObject()) {
        continue;
      }
      GsiMappingRules.entity(r, table, e.getKey(), e.getValue(), at.key("entities").key(e.getKey()), gsis, fieldsOfEntitiesUsing);
    }
    for (Gsi g : gsis.values()) {
      JsonNode inc = g.node().path("included_attributes");
      if (!"INCLUDE".equals(g.node().path("projection").asText()) || !inc.isArray()) {
        continue;
      }
      Set<String> keys = new TreeSet<>(g.pk());
      keys.addAll(g.sk());
      keys.add(tablePk);
      if (!tableSk.isEmpty()) {
        keys.add(tableSk);
      }
      Set<String> fields = fieldsOfEntitiesUsing.getOrDefault(g.name(), Set.of());
      for (int i = 0; i < inc.size(); i++) {
        String a = inc.get(i).asText();
        SchemaRules.At ia = la.idx(g.index()).key("included_attributes").idx(i);
        if (keys.contains(a)) {
          r.error("Schema.IncludeKeyAttribute", ia, "GSI `" + g.name() + "` lists key attribute `" + a + "` in included_attributes", "key attributes are always projected; remove it");
        } else if (!fields.isEmpty() && !fields.contains(a)) {
          r.error("Schema.IncludeUnknownField", ia, "GSI `" + g.name() + "` includes `" + a + "`, which no entity mapped to it has",
              Suggestions.hint(a, fields));
        }
      }
    }
  }

  /** The GSIs by name, or null when a definition is unsound (the later rules then do not run). */
  private static Map<String, Gsi> definitions(SchemaRules r, JsonNode table, SchemaRules.At at) {
    Map<String, Gsi> gsis = new LinkedHashMap<>();
    JsonNode list = table.get("gsi_list");
    SchemaRules.At la = at.key("gsi_list");
    boolean ok = true;
    if (list != null && !list.isNull() && !(list.isArray() && list.isEmpty())) {
      if (!list.isArray()) {
        r.error("Schema.Type", la, "`gsi_list` must be an array", "");
        return null;
      }
      for (int j = 0; j < list.size(); j++) {
        JsonNode g = list.get(j);
        SchemaRules.At ga = la.idx(j);
        if (!g.isObject()) {
          r.error("Schema.Type", ga, "a GSI definition must be an object", "");
          ok = false;
          continue;
        }
        if (!r.required(g, ga, "name", "partition_key")) {
          ok = false;
          continue;
        }
        List<String> pk = key(r, g, ga, "partition_key");
        List<String> sk = g.hasNonNull("sort_key") ? key(r, g, ga, "sort_key") : List.of();
        if (pk == null || sk == null) {
          ok = false;
          continue;
        }
        String name = g.get("name").asText();
        if (gsis.containsKey(name)) {
          r.error("Schema.DuplicateGsi", ga.key("name"), "duplicate GSI name `" + name + "` in the table", "give each GSI its own name");
          continue;
        }
        gsis.put(name, new Gsi(name, pk, sk, g.get("partition_key").isArray(), g.path("sort_key").isArray(), g, j));
        projection(r, g, ga, name);
      }
    }
    return ok ? gsis : null;
  }

  /** DynamoDB takes key attribute names of at most 255 UTF-8 bytes; true (reported) when {@code name} is longer. */
  private static boolean tooLong(SchemaRules r, SchemaRules.At at, String name) {
    int bytes = name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    if (bytes <= DynamoDbLimits.KEY_ATTRIBUTE_NAME_BYTES) {
      return false;
    }
    r.error("Schema.GsiKey", at, "the key attribute name is " + bytes + " UTF-8 bytes long; DynamoDB takes at most " + DynamoDbLimits.KEY_ATTRIBUTE_NAME_BYTES
        + " for a key attribute", "shorten the name");
    return true;
  }

  /** Key attribute list of a GSI key, or null after reporting a problem. */
  private static List<String> key(SchemaRules r, JsonNode g, SchemaRules.At ga, String k) {
    JsonNode v = g.get(k);
    SchemaRules.At ka = ga.key(k);
    if (v.isTextual()) {
      if (v.asText().isBlank()) {
        r.error("Schema.GsiKey", ka, "`" + k + "` cannot be empty", "name the key attribute");
        return null;
      }
      return tooLong(r, ka, v.asText()) ? null : List.of(v.asText());
    }
    if (!v.isArray()) {
      r.error("Schema.GsiKey", ka, "`" + k + "` must be a string or an array of strings", "");
      return null;
    }
    if (v.isEmpty()) {
      r.error("Schema.GsiKey", ka, "`" + k + "` array cannot be empty", "");
      return null;
    }
    if (v.size() > DynamoDbLimits.GSI_KEY_ATTRIBUTES) {
      r.error("Schema.GsiKey", ka, "`" + k + "` has " + v.size() + " attributes; a multi-attribute key has at most " + DynamoDbLimits.GSI_KEY_ATTRIBUTES, "remove " + (v.size() - DynamoDbLimits.GSI_KEY_ATTRIBUTES));
      return null;
    }
    List<String> out = new ArrayList<>();
    for (int e = 0; e < v.size(); e++) {
      if (!v.get(e).isTextual() || v.get(e).asText().isBlank()) {
        r.error("Schema.GsiKey", ka.idx(e), "key attribute " + e + " must be a non-empty string", "");
        return null;
      }
      if (tooLong(r, ka.idx(e), v.get(e).asText())) {
        return null;
      }
      out.add(v.get(e).asText());
    }
    return out;
  }

  private static void projection(SchemaRules r, JsonNode g, SchemaRules.At ga, String name) {
    if (!g.has("projection")) {
      if (g.has("included_attributes")) {
        r.error("Schema.Projection", ga.key("included_attributes"), "GSI `" + name + "` has included_attributes without projection INCLUDE", "add \"projection\": \"INCLUDE\"");
      }
      return;
    }
    String p = g.get("projection").asText("");
    if (!SchemaRules.PROJECTIONS.contains(p)) {
      r.error("Schema.Projection", ga.key("projection"), "GSI `" + name + "` has invalid projection `" + p + "`", Suggestions.hint(p, SchemaRules.PROJECTIONS));
      return;
    }
    JsonNode inc = g.get("included_attributes");
    if (p.equals("INCLUDE")) {
      if (inc == null || inc.isNull() || (inc.isArray() && inc.isEmpty())) {
        r.error("Schema.Projection", ga.key("included_attributes"), "GSI `" + name + "` has projection INCLUDE but no included_attributes", "list the attributes to copy");
      } else if (!inc.isArray()) {
        r.error("Schema.Projection", ga.key("included_attributes"), "`included_attributes` must be an array", "");
      }
    } else if (inc != null && !inc.isNull()) {
      r.error("Schema.Projection", ga.key("included_attributes"), "GSI `" + name + "` has included_attributes but projection " + p, "use INCLUDE or remove them");
    }
  }
}
