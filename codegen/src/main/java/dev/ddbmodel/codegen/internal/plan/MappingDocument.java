package dev.ddbmodel.codegen.internal.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.schema.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code access_pattern_mapping.json} in the reference's documented shape: a {@code metadata}
 * wrapper and {@code access_pattern_mapping} keyed by pattern id, each entry with the pattern's
 * parameters, index, range condition, consistency, filter and projection. Extra fields are ours:
 * the plan's result kind and parameter uses, and the language's own method entry.
 */
public final class MappingDocument {
  private MappingDocument() {}

  /**
   * The document.
   *
   * @param plan the plan
   * @param language python, java or typescript
   * @param languageEntries the language's entries by pattern id (method names and the like), merged in
   */
  public static Map<String, Object> build(GenerationPlan plan, String language, Map<Integer, Map<String, Object>> languageEntries) {
    Map<String, Object> patterns = new LinkedHashMap<>();
    for (EntityPlan ep : plan.entities()) {
      for (Operation op : ep.operations()) {
        Schema.AccessPattern ap = op.pattern();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pattern_id", ap.id());
        m.put("description", ap.description());
        m.put("entity", ep.entity().name());
        m.put("table", ep.table().name());
        m.put("repository", ep.entity().name() + "Repository");
        Map<String, Object> extra = languageEntries.getOrDefault(ap.id(), Map.of());
        m.put("method_name", methodName(extra));
        m.put("parameters", parameters(ap.parameters()));
        m.put("return_type", ap.returnType());
        m.put("operation", ap.operation());
        m.put("index_name", ap.indexName().orElse(null));
        m.put("range_condition", ap.rangeCondition().orElse(null));
        if (List.of("GetItem", "Query", "Scan", "BatchGetItem").contains(ap.operation())) {
          m.put("consistent_read", ap.consistentRead());
        }
        ap.filter().ifPresent(f -> m.put("filter_expression", filter(f)));
        Optional<Schema.GsiDef> g = ap.indexName().flatMap(ep.table()::gsi);
        g.ifPresent(x -> {
          m.put("projection", x.projection());
          if (x.projection().equals("INCLUDE")) {
            m.put("projected_attributes", x.includedAttributes());
          }
        });
        m.put("result_kind", op.result().name().toLowerCase(java.util.Locale.ROOT));
        Map<String, String> uses = new LinkedHashMap<>();
        op.params().forEach(p -> uses.put(p.name(), p.use().name().toLowerCase(java.util.Locale.ROOT)));
        m.put("parameter_uses", uses);
        extra.forEach(m::putIfAbsent);
        patterns.put(String.valueOf(ap.id()), m);
      }
    }
    for (Schema.CrossTablePattern x : plan.schema().crossTablePatterns()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("pattern_id", x.id());
      m.put("description", x.description());
      m.put("service", "TransactionService");
      Map<String, Object> extra = languageEntries.getOrDefault(x.id(), Map.of());
      m.put("method_name", methodName(extra));
      m.put("parameters", parameters(x.parameters()));
      m.put("return_type", x.returnType());
      m.put("operation", x.operation());
      List<Map<String, Object>> inv = new ArrayList<>();
      x.entitiesInvolved().forEach(i -> {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("table", i.table());
        e.put("entity", i.entity());
        e.put("action", i.action());
        dev.ddbmodel.schema.TransactionBindings.conditionText(i).ifPresent(c -> e.put("condition", c));
        inv.add(e);
      });
      m.put("entities_involved", inv);
      m.put("transaction_type", "cross_table");
      m.put("cancellation", "raises with one reason per action");
      extra.forEach(m::putIfAbsent);
      patterns.put(String.valueOf(x.id()), m);
    }
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("generated_at", Map.of("timestamp", "auto-generated"));
    meta.put("total_patterns", patterns.size());
    meta.put("generator_type", "ddbm");
    meta.put("language", language);
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("metadata", meta);
    doc.put("access_pattern_mapping", patterns);
    return doc;
  }

  /** The language entries of a mapping file the renderers wrote (keyed by padded id), by pattern id. */
  public static Map<Integer, Map<String, Object>> entries(JsonNode written) {
    Map<Integer, Map<String, Object>> out = new LinkedHashMap<>();
    written.properties().forEach(f -> {
      Map<String, Object> m = new LinkedHashMap<>();
      f.getValue().properties().forEach(x -> {
        if (x.getKey().endsWith("_method")) {
          m.put(x.getKey(), x.getValue().asText());
        }
      });
      out.put(f.getValue().path("pattern_id").asInt(), m);
    });
    return out;
  }

  private static String methodName(Map<String, Object> extra) {
    return extra.entrySet().stream().filter(e -> e.getKey().endsWith("_method")).map(e -> String.valueOf(e.getValue()))
        .map(s -> s.substring(s.lastIndexOf('.') + 1)).findFirst().orElse(null);
  }

  private static List<Map<String, Object>> parameters(List<Schema.Parameter> ps) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Schema.Parameter p : ps) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", p.name());
      m.put("type", p.type());
      p.entityType().ifPresent(t -> m.put("entity_type", t));
      out.add(m);
    }
    return out;
  }

  /** An operand as the schema writes it: a parameter's name, {@code {"literal": x}} or {@code {"attribute": "f"}}. */
  private static Object operand(Schema.Operand o) {
    if (o instanceof Schema.Operand.Literal l) {
      return Map.of("literal", dev.ddbmodel.core.json.Json.parseTrusted(l.json()));
    }
    if (o instanceof Schema.Operand.Attribute a) {
      return Map.of("attribute", a.field());
    }
    return ((Schema.Operand.Param) o).name();
  }

    private static Map<String, Object> filter(Schema.FilterExpression f) {
    List<Map<String, Object>> cs = new ArrayList<>();
    for (Schema.FilterCondition c : f.conditions()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("field", c.field());
      c.operator().ifPresent(o -> m.put("operator", o));
      c.function().ifPresent(o -> m.put("function", o));
      c.first().ifPresent(o -> m.put("param", operand(o)));
      c.second().ifPresent(o -> m.put("param2", operand(o)));
      if (!c.list().isEmpty()) {
        m.put("params", c.list().stream().map(MappingDocument::operand).toList());
      }
      cs.add(m);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("conditions", cs);
    m.put("logical_operator", f.logicalOperator());
    return m;
  }
}
