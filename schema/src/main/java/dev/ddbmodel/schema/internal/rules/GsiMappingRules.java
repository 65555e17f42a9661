package dev.ddbmodel.schema.internal.rules;

import dev.ddbmodel.schema.KeyTemplate;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.core.Suggestions;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One entity's use of the table's GSIs: each {@code gsi_mappings} entry names a defined GSI
 * ({@code Schema.UnknownGsi}) and gives templates shaped like its keys ({@code Schema.MappingShape},
 * {@code Schema.MappingNoSortKey}, the templates by {@link TemplateRules}); each access pattern's
 * {@code index_name} is a GSI the entity is mapped to ({@code Schema.GsiNotMapped}), with its
 * range-query parameters counted by {@link RangeParameterRules}; an INCLUDE projection keeps the
 * entity's required fields ({@code Schema.IncludeMissingRequired}); a filter of a Query on a
 * KEYS_ONLY or INCLUDE index tests only fields the index holds ({@code Schema.FilterNotProjected}).
 */
final class GsiMappingRules {
  private GsiMappingRules() {}

  static void entity(SchemaRules r, JsonNode table, String name, JsonNode e, SchemaRules.At ea, Map<String, SchemaIndexRules.Gsi> gsis, Map<String, Set<String>> fieldsUsing) {
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
      SchemaRules.At ma = ea.key("gsi_mappings");
      if (!maps.isArray()) {
        r.error("Schema.Type", ma, "`gsi_mappings` must be an array", "");
      } else {
        for (int m = 0; m < maps.size(); m++) {
          JsonNode mp = maps.get(m);
          SchemaRules.At mpa = ma.idx(m);
          if (!mp.isObject()) {
            r.error("Schema.Type", mpa, "a GSI mapping must be an object", "");
            continue;
          }
          if (!r.required(mp, mpa, "name", "pk_template")) {
            continue;
          }
          String gname = mp.get("name").asText();
          SchemaIndexRules.Gsi g = gsis.get(gname);
          if (g == null) {
            r.error("Schema.UnknownGsi", mpa.key("name"), "GSI `" + gname + "` is mapped but not defined in the table's gsi_list",
                gsis.isEmpty() ? "define the GSI in gsi_list first" : Suggestions.hint(gname, gsis.keySet()));
            continue;
          }
          mapped.put(gname, mp);
          fieldsUsing.computeIfAbsent(gname, k -> new LinkedHashSet<>()).addAll(fields);
          shape(r, mp, mpa, "pk_template", g.pk(), g.pkArray(), gname, fields);
          if (mp.hasNonNull("sk_template")) {
            if (g.sk().isEmpty()) {
              r.error("Schema.MappingShape", mpa.key("sk_template"), "GSI `" + gname + "` has no sort key, but the mapping gives sk_template", "remove sk_template");
            } else {
              shape(r, mp, mpa, "sk_template", g.sk(), g.skArray(), gname, fields);
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
      SchemaRules.At pa = ea.key("access_patterns").idx(p);
      SchemaIndexRules.Gsi g = null;
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
      if (SchemaRules.RANGE.contains(rc)) {
        RangeParameterRules.count(r, ap, pa, g, rc);
      }
      if (g != null && mapped.containsKey(g.name()) && ap.path("filter_expression").path("conditions").isArray()) {
        filterProjected(r, table, g, mapped.get(g.name()), ap, pa.key("filter_expression"));
      }
    }
    Map<String, Boolean> requiredFields = null;
    for (Map.Entry<String, JsonNode> m : mapped.entrySet()) {
      SchemaIndexRules.Gsi g = gsis.get(m.getKey());
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
      Set<String> projected = projected(table, g, m.getValue());
      List<String> missing = requiredFields.entrySet().stream().filter(x -> x.getValue() && !projected.contains(x.getKey())).map(Map.Entry::getKey).toList();
      if (!missing.isEmpty()) {
        r.warn("Schema.IncludeMissingRequired", ea, "GSI `" + g.name() + "` projects INCLUDE, but required fields of `" + name + "` are not included: "
            + String.join(", ", missing), "add them to included_attributes, or make them optional; otherwise index queries return partial items");
      }
    }
  }

  /**
   * The fields a KEYS_ONLY or INCLUDE index holds for an entity: the table's and the index's key
   * attributes, the fields of the mapping's templates and, for INCLUDE, its included attributes.
   */
  static Set<String> projected(JsonNode table, SchemaIndexRules.Gsi g, JsonNode mapping) {
    Set<String> projected = new HashSet<>();
    g.node().path("included_attributes").forEach(x -> projected.add(x.asText()));
    projected.addAll(g.pk());
    projected.addAll(g.sk());
    projected.add(table.path("table_config").path("partition_key").asText(""));
    projected.add(table.path("table_config").path("sort_key").asText(""));
    for (String tk : List.of("pk_template", "sk_template")) {
      for (JsonNode t : mapping.path(tk).isArray() ? mapping.path(tk) : List.of(mapping.path(tk))) {
        projected.addAll(KeyTemplate.parse(t.asText("")).fieldNames());
      }
    }
    return projected;
  }

  /**
   * A filter of a Query on a KEYS_ONLY or INCLUDE index sees only what the index holds: a field it
   * does not project is absent from every item there, so the filter would silently never (or
   * always) match ({@code Schema.FilterNotProjected}), whether the field is compared or is another
   * attribute operand.
   */
  private static void filterProjected(SchemaRules r, JsonNode table, SchemaIndexRules.Gsi g, JsonNode mapping, JsonNode ap, SchemaRules.At fa) {
    String projection = g.node().path("projection").asText("ALL");
    if (!projection.equals("KEYS_ONLY") && !projection.equals("INCLUDE")) {
      return;
    }
    Set<String> projected = projected(table, g, mapping);
    JsonNode conds = ap.path("filter_expression").path("conditions");
    for (int c = 0; c < conds.size(); c++) {
      JsonNode cond = conds.get(c);
      SchemaRules.At ca = fa.key("conditions").idx(c);
      if (cond.path("field").isTextual() && !projected.contains(cond.get("field").asText())) {
        notProjected(r, g, projection, cond.get("field").asText(), ca.key("field"));
      }
      for (String k : List.of("param", "param2")) {
        if (cond.path(k).path("attribute").isTextual() && !projected.contains(cond.get(k).get("attribute").asText())) {
          notProjected(r, g, projection, cond.get(k).get("attribute").asText(), ca.key(k).key("attribute"));
        }
      }
      JsonNode params = cond.path("params");
      for (int i = 0; params.isArray() && i < params.size(); i++) {
        if (params.get(i).path("attribute").isTextual() && !projected.contains(params.get(i).get("attribute").asText())) {
          notProjected(r, g, projection, params.get(i).get("attribute").asText(), ca.key("params").idx(i).key("attribute"));
        }
      }
    }
  }

  private static void notProjected(SchemaRules r, SchemaIndexRules.Gsi g, String projection, String field, SchemaRules.At at) {
    r.error("Schema.FilterNotProjected", at, "the filter tests `" + field + "`, which GSI `" + g.name() + "` (" + projection + ") does not hold",
        projection.equals("INCLUDE") ? "add `" + field + "` to the GSI's included_attributes, or filter on a field it holds"
            : "project the GSI as INCLUDE with `" + field + "`, or ALL, or filter on its key fields");
  }

  private static void shape(SchemaRules r, JsonNode mp, SchemaRules.At mpa, String tk, List<String> keys, boolean keyArray, String gname, Set<String> fields) {
    JsonNode t = mp.get(tk);
    SchemaRules.At ta = mpa.key(tk);
    if (t.isTextual()) {
      if (keyArray) {
        r.error("Schema.MappingShape", ta, tk + " is a string but GSI `" + gname + "` has a multi-attribute key " + keys,
            "give one template per key attribute: an array of " + keys.size());
        return;
      }
      TemplateRules.check(r, t.asText(), ta, fields, true);
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
          TemplateRules.check(r, t.get(e).asText(), ta.idx(e), fields, true);
        }
      }
    } else {
      r.error("Schema.Type", ta, tk + " must be a string or an array of strings", "");
    }
  }
}
