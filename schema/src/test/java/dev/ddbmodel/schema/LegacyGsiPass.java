package dev.ddbmodel.schema;

import dev.ddbmodel.core.internal.guide.DynamoDbLimits;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.core.Suggestions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * TEST ONLY: a verbatim copy (class names prefixed with {@code Legacy}) of the schema.json rule
 * classes as they were before the split into {@code dev.ddbmodel.schema.internal.rules} (issue #23, item 2).
 * It exists only for {@code SchemaRulesPinTest}, which compares its output with the new classes;
 * do not use or extend it elsewhere, and delete it with the pin test once the split has settled.
 *
 * <p>The original description follows.
 */
/** GSI definitions, entity mappings, index references and range-query parameter counts of one table. */
final class LegacyGsiPass {
  private final LegacySchemaRules r;
  private final JsonNode table;
  private final LegacySchemaRules.At at;

  /** A GSI as far as this pass needs it. */
  record Gsi(String name, List<String> pk, List<String> sk, boolean pkArray, boolean skArray, JsonNode node, int index) {}

  LegacyGsiPass(LegacySchemaRules r, JsonNode table, LegacySchemaRules.At at) {
    this.r = r;
    this.table = table;
    this.at = at;
  }

  void run() {
    Map<String, Gsi> gsis = new LinkedHashMap<>();
    JsonNode list = table.get("gsi_list");
    LegacySchemaRules.At la = at.key("gsi_list");
    boolean ok = true;
    if (list != null && !list.isNull() && !(list.isArray() && list.isEmpty())) {
      if (!list.isArray()) {
        r.error("Schema.Type", la, "`gsi_list` must be an array", "");
        return;
      }
      for (int j = 0; j < list.size(); j++) {
        JsonNode g = list.get(j);
        LegacySchemaRules.At ga = la.idx(j);
        if (!g.isObject()) {
          r.error("Schema.Type", ga, "a GSI definition must be an object", "");
          ok = false;
          continue;
        }
        if (!r.required(g, ga, "name", "partition_key")) {
          ok = false;
          continue;
        }
        List<String> pk = key(g, ga, "partition_key");
        List<String> sk = g.hasNonNull("sort_key") ? key(g, ga, "sort_key") : List.of();
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
        projection(g, ga, name);
      }
    }
    if (!ok) {
      return;
    }
    JsonNode entities = table.path("entities");
    String tablePk = table.path("table_config").path("partition_key").asText("");
    String tableSk = table.path("table_config").path("sort_key").asText("");
    Map<String, Set<String>> fieldsOfEntitiesUsing = new LinkedHashMap<>();
    for (var it = entities.properties().iterator(); it.hasNext(); ) {
      var e = it.next();
      if (!e.getValue().isObject()) {
        continue;
      }
      entity(e.getKey(), e.getValue(), at.key("entities").key(e.getKey()), gsis, fieldsOfEntitiesUsing);
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
        LegacySchemaRules.At ia = la.idx(g.index()).key("included_attributes").idx(i);
        if (keys.contains(a)) {
          r.error("Schema.IncludeKeyAttribute", ia, "GSI `" + g.name() + "` lists key attribute `" + a + "` in included_attributes", "key attributes are always projected; remove it");
        } else if (!fields.isEmpty() && !fields.contains(a)) {
          r.error("Schema.IncludeUnknownField", ia, "GSI `" + g.name() + "` includes `" + a + "`, which no entity mapped to it has",
              Suggestions.hint(a, fields));
        }
      }
    }
  }

  /** Key attribute list of a GSI key, or null after reporting a problem. */
  private List<String> key(JsonNode g, LegacySchemaRules.At ga, String k) {
    JsonNode v = g.get(k);
    LegacySchemaRules.At ka = ga.key(k);
    if (v.isTextual()) {
      if (v.asText().isBlank()) {
        r.error("Schema.GsiKey", ka, "`" + k + "` cannot be empty", "name the key attribute");
        return null;
      }
      return List.of(v.asText());
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
      out.add(v.get(e).asText());
    }
    return out;
  }

  private void projection(JsonNode g, LegacySchemaRules.At ga, String name) {
    if (!g.has("projection")) {
      if (g.has("included_attributes")) {
        r.error("Schema.Projection", ga.key("included_attributes"), "GSI `" + name + "` has included_attributes without projection INCLUDE", "add \"projection\": \"INCLUDE\"");
      }
      return;
    }
    String p = g.get("projection").asText("");
    if (!LegacySchemaRules.PROJECTIONS.contains(p)) {
      r.error("Schema.Projection", ga.key("projection"), "GSI `" + name + "` has invalid projection `" + p + "`", Suggestions.hint(p, LegacySchemaRules.PROJECTIONS));
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

  private void entity(String name, JsonNode e, LegacySchemaRules.At ea, Map<String, Gsi> gsis, Map<String, Set<String>> fieldsUsing) {
    Set<String> fields = new LinkedHashSet<>();
    for (JsonNode f : e.path("fields")) {
      JsonNode fn = f.get("name");
      if (fn != null && fn.isTextual()) {
        fields.add(fn.asText());
      }
    }
    JsonNode maps = e.get("gsi_mappings");
    Map<String, JsonNode> mapped = new LinkedHashMap<>();
    if (maps != null && !maps.isNull() && !(maps.isArray() && maps.isEmpty())) {
      LegacySchemaRules.At ma = ea.key("gsi_mappings");
      if (!maps.isArray()) {
        r.error("Schema.Type", ma, "`gsi_mappings` must be an array", "");
      } else {
        for (int m = 0; m < maps.size(); m++) {
          JsonNode mp = maps.get(m);
          LegacySchemaRules.At mpa = ma.idx(m);
          if (!mp.isObject()) {
            r.error("Schema.Type", mpa, "a GSI mapping must be an object", "");
            continue;
          }
          if (!r.required(mp, mpa, "name", "pk_template")) {
            continue;
          }
          String gname = mp.get("name").asText();
          Gsi g = gsis.get(gname);
          if (g == null) {
            r.error("Schema.UnknownGsi", mpa.key("name"), "GSI `" + gname + "` is mapped but not defined in the table's gsi_list",
                gsis.isEmpty() ? "define the GSI in gsi_list first" : Suggestions.hint(gname, gsis.keySet()));
            continue;
          }
          mapped.put(gname, mp);
          fieldsUsing.computeIfAbsent(gname, k -> new LinkedHashSet<>()).addAll(fields);
          shape(mp, mpa, "pk_template", g.pk(), g.pkArray(), gname, fields);
          if (mp.hasNonNull("sk_template")) {
            if (g.sk().isEmpty()) {
              r.error("Schema.MappingShape", mpa.key("sk_template"), "GSI `" + gname + "` has no sort key, but the mapping gives sk_template", "remove sk_template");
            } else {
              shape(mp, mpa, "sk_template", g.sk(), g.skArray(), gname, fields);
            }
          } else if (!g.sk().isEmpty()) {
            r.warn("Schema.MappingNoSortKey", mpa, "the mapping to GSI `" + gname + "` gives no sk_template, so items of `" + name + "` have no sort key in that index",
                "add sk_template, or accept that the entity is not in the index");
          }
        }
      }
    }
    JsonNode aps = e.path("access_patterns");
    for (int p = 0; aps.isArray() && p < aps.size(); p++) {
      JsonNode ap = aps.get(p);
      if (!ap.isObject()) {
        continue;
      }
      LegacySchemaRules.At pa = ea.key("access_patterns").idx(p);
      Gsi g = null;
      JsonNode index = ap.get("index_name");
      if (index != null && !index.isNull() && !index.asText().isEmpty()) {
        String in = index.asText();
        g = gsis.get(in);
        if (g == null) {
          r.error("Schema.UnknownGsi", pa.key("index_name"), "access pattern uses unknown GSI `" + in + "`",
              gsis.isEmpty() ? "define the GSI in gsi_list first" : Suggestions.hint(in, gsis.keySet()));
        } else if (!mapped.containsKey(in)) {
          r.error("Schema.GsiNotMapped", pa.key("index_name"), "entity `" + name + "` queries GSI `" + in + "` but has no gsi_mappings entry for it",
              "add a mapping so the entity's items carry the index keys");
        }
      }
      String rc = ap.path("range_condition").asText("");
      if (LegacySchemaRules.RANGE.contains(rc)) {
        count(ap, pa, g, rc);
      }
    }
    Map<String, Boolean> requiredFields = null;
    for (Map.Entry<String, JsonNode> m : mapped.entrySet()) {
      Gsi g = gsis.get(m.getKey());
      if (!"INCLUDE".equals(g.node().path("projection").asText())) {
        continue;
      }
      if (requiredFields == null) {
        requiredFields = new LinkedHashMap<>();
        for (JsonNode f : e.path("fields")) {
          if (f.path("name").isTextual()) {
            requiredFields.put(f.get("name").asText(), f.path("required").asBoolean(false));
          }
        }
      }
      Set<String> projected = new HashSet<>();
      g.node().path("included_attributes").forEach(x -> projected.add(x.asText()));
      projected.addAll(g.pk());
      projected.addAll(g.sk());
      projected.add(table.path("table_config").path("partition_key").asText(""));
      projected.add(table.path("table_config").path("sort_key").asText(""));
      for (String tk : List.of("pk_template", "sk_template")) {
        for (JsonNode t : m.getValue().path(tk).isArray() ? m.getValue().path(tk) : List.of(m.getValue().path(tk))) {
          projected.addAll(KeyTemplate.parse(t.asText("")).fieldNames());
        }
      }
      List<String> missing = requiredFields.entrySet().stream().filter(x -> x.getValue() && !projected.contains(x.getKey())).map(Map.Entry::getKey).toList();
      if (!missing.isEmpty()) {
        r.warn("Schema.IncludeMissingRequired", ea, "GSI `" + g.name() + "` projects INCLUDE, but required fields of `" + name + "` are not included: "
            + String.join(", ", missing), "add them to included_attributes, or make them optional; otherwise index queries return partial items");
      }
    }
  }

  private void shape(JsonNode mp, LegacySchemaRules.At mpa, String tk, List<String> keys, boolean keyArray, String gname, Set<String> fields) {
    JsonNode t = mp.get(tk);
    LegacySchemaRules.At ta = mpa.key(tk);
    if (t.isTextual()) {
      if (keyArray) {
        r.error("Schema.MappingShape", ta, tk + " is a string but GSI `" + gname + "` has a multi-attribute key " + keys,
            "give one template per key attribute: an array of " + keys.size());
        return;
      }
      r.template(t.asText(), ta, fields, true);
    } else if (t.isArray()) {
      if (!keyArray) {
        r.error("Schema.MappingShape", ta, tk + " is an array but GSI `" + gname + "` has a single key attribute", "use a string template");
        return;
      }
      if (t.size() != keys.size()) {
        r.error("Schema.MappingShape", ta, tk + " has " + t.size() + " templates but GSI `" + gname + "` has " + keys.size() + " key attributes " + keys,
            "give exactly " + keys.size() + " templates");
        return;
      }
      for (int e = 0; e < t.size(); e++) {
        if (!t.get(e).isTextual()) {
          r.error("Schema.Template", ta.idx(e), "template " + e + " must be a string", "");
        } else {
          r.template(t.get(e).asText(), ta.idx(e), fields, true);
        }
      }
    } else {
      r.error("Schema.Type", ta, tk + " must be a string or an array of strings", "");
    }
  }

  /** Range query parameter counts: partition key values, sort key equalities, range values. */
  private void count(JsonNode ap, LegacySchemaRules.At pa, Gsi g, String rc) {
    JsonNode ps = ap.path("parameters");
    if (!ps.isArray() || ps.isEmpty()) {
      r.error("Schema.RangeParameters", pa.key("parameters"), "access patterns with range_condition need parameters", "list the key values and the range value(s)");
      return;
    }
    Set<String> filterParams = new HashSet<>();
    for (JsonNode c : ap.path("filter_expression").path("conditions")) {
      for (String k : List.of("param", "param2")) {
        if (c.path(k).isTextual()) {
          filterParams.add(c.get(k).asText());
        }
      }
      c.path("params").forEach(x -> filterParams.add(x.asText()));
    }
    int n = 0;
    for (JsonNode p : ps) {
      if (!filterParams.contains(p.path("name").asText())) {
        n++;
      }
    }
    int pk = g == null ? 1 : g.pk().size();
    int sk = g == null ? 0 : g.sk().size();
    int rv = rc.equals("between") ? 2 : 1;
    int min = pk + rv;
    int max = pk + Math.max(0, sk - 1) + rv;
    String note = filterParams.isEmpty() ? "" : " (not counting filter parameters)";
    if (n < min) {
      r.error("Schema.RangeParameters", pa.key("parameters"), "range condition `" + rc + "` needs at least " + min + " parameters (" + pk + " partition key + " + rv
          + " range value" + (rv > 1 ? "s" : "") + ")" + note + ", got " + n, "add the missing key or range parameters");
    } else if (g == null && n > min) {
      r.error("Schema.RangeParameters", pa.key("parameters"), "range condition `" + rc + "` on the base table takes exactly " + min + " parameters" + note + ", got " + n,
          "extra conditions belong in filter_expression");
    } else if (g != null && n > max) {
      r.error("Schema.RangeParameters", pa.key("parameters"), "range condition `" + rc + "` on GSI `" + g.name() + "` takes at most " + max + " parameters (" + pk
          + " partition key + " + (sk - 1) + " sort key equalities + " + rv + " range)" + note + ", got " + n, "extra conditions belong in filter_expression");
    }
  }
}
