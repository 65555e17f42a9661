package dev.ddbmodel.schema.internal.rules;

import dev.ddbmodel.schema.SchemaIssue;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.core.Suggestions;
import dev.ddbmodel.core.json.JsonDocument;
import dev.ddbmodel.schema.Schema;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** usage_data.json checked against a valid schema. */
public final class UsageDataRules {
  public static final List<String> SECTIONS = List.of("sample_data", "access_pattern_data", "update_data", "filter_values");

  private UsageDataRules() {}

  public static List<SchemaIssue> check(JsonDocument doc, Schema schema) {
    SchemaRules r = new SchemaRules(doc);
    SchemaRules.At root = SchemaRules.At.ROOT;
    JsonNode n = doc.root();
    if (!n.isObject()) {
      r.error("Usage.Root", root, "usage data must be a JSON object", "start with {\"entities\": {...}}");
      return r.issues;
    }
    n.fieldNames().forEachRemaining(k -> {
      if (!k.equals("entities")) {
        r.error("Usage.UnknownKey", root.key(k), "unknown top-level key `" + k + "`", "the only top-level key is `entities`");
      }
    });
    if (!r.required(n, root, "entities")) {
      return r.issues;
    }
    JsonNode es = n.get("entities");
    SchemaRules.At ea = root.key("entities");
    if (!es.isObject() || es.isEmpty()) {
      r.error("Usage.Entities", ea, "`entities` must be a non-empty object", "add one object per schema entity");
      return r.issues;
    }
    Set<String> known = schema.entities().keySet();
    Set<String> missing = new TreeSet<>(known);
    es.fieldNames().forEachRemaining(missing::remove);
    if (!missing.isEmpty()) {
      r.error("Usage.MissingEntities", ea, "entities missing from usage data: " + String.join(", ", missing), "add a section for each: " + String.join(", ", missing));
    }
    for (var it = es.properties().iterator(); it.hasNext(); ) {
      var e = it.next();
      SchemaRules.At ep = ea.key(e.getKey());
      Schema.Entity entity = schema.entities().get(e.getKey());
      if (entity == null) {
        r.error("Usage.UnknownEntity", ep, "entity `" + e.getKey() + "` is not in the schema", Suggestions.hint(e.getKey(), known));
        continue;
      }
      if (!e.getValue().isObject()) {
        r.error("Usage.Type", ep, "entity `" + e.getKey() + "` must be an object", "");
        continue;
      }
      for (String s : List.of("access_pattern_data", "sample_data", "update_data")) {
        if (!e.getValue().has(s)) {
          r.error("Usage.MissingSection", ep.key(s), "missing required section `" + s + "` for entity `" + e.getKey() + "`", "add \"" + s + "\": {}");
        }
      }
      Set<String> fields = new TreeSet<>();
      entity.fields().forEach(f -> fields.add(f.name()));
      Set<String> params = parameterNames(schema, entity);
      for (var sit = e.getValue().properties().iterator(); sit.hasNext(); ) {
        var s = sit.next();
        SchemaRules.At sa = ep.key(s.getKey());
        if (!SECTIONS.contains(s.getKey())) {
          r.error("Usage.UnknownSection", sa, "unknown section `" + s.getKey() + "` in entity `" + e.getKey() + "`", Suggestions.hint(s.getKey(), SECTIONS));
          continue;
        }
        if (!s.getValue().isObject()) {
          r.error("Usage.Type", sa, "section `" + s.getKey() + "` must be an object", "");
          continue;
        }
        if (s.getKey().equals("sample_data") && s.getValue().isEmpty()) {
          r.error("Usage.EmptySample", sa, "`sample_data` of `" + e.getKey() + "` is empty", "give a complete example item");
        }
        if (s.getKey().equals("filter_values")) {
          continue;
        }
        boolean patternData = s.getKey().equals("access_pattern_data");
        s.getValue().fieldNames().forEachRemaining(k -> {
          if (patternData && !fields.contains(k) && !params.contains(k)) {
            Set<String> names = new TreeSet<>(fields);
            names.addAll(params);
            r.error("Usage.UnknownField", sa.key(k), "`" + k + "` is neither a field of `" + e.getKey() + "` nor a parameter of its access patterns"
                + " or of a cross-table pattern involving it", Suggestions.hint(k, names));
          } else if (!patternData && !fields.contains(k)) {
            r.error("Usage.UnknownField", sa.key(k), "`" + k + "` is not a field of `" + e.getKey() + "`", Suggestions.hint(k, fields));
          }
        });
      }
    }
    return r.issues;
  }

  /**
   * Names {@code access_pattern_data} may hold besides fields: the non-entity parameters of the
   * entity's access patterns (range values such as {@code since}) and of the cross-table patterns
   * that involve the entity (transaction-only values such as {@code amount}).
   */
  static Set<String> parameterNames(Schema schema, Schema.Entity entity) {
    Set<String> out = new TreeSet<>();
    for (Schema.AccessPattern ap : entity.accessPatterns()) {
      ap.parameters().stream().filter(p -> !p.type().equals("entity")).forEach(p -> out.add(p.name()));
    }
    for (Schema.CrossTablePattern x : schema.crossTablePatterns()) {
      if (x.entitiesInvolved().stream().anyMatch(i -> i.entity().equals(entity.name()))) {
        x.parameters().stream().filter(p -> !p.type().equals("entity")).forEach(p -> out.add(p.name()));
      }
    }
    return out;
  }

  static String typeName(JsonNode n) {
    return JsonDocument.typeName(n);
  }
}
