package dev.ddbmodel.schema.internal.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.core.Suggestions;
import dev.ddbmodel.schema.internal.rules.SchemaRules.At;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One access pattern of an entity: required keys, a unique integer id across the file
 * ({@code Schema.PatternId}, {@code Schema.DuplicatePatternId}), a unique name in the entity, a
 * known operation and return type, its parameters ({@code Schema.ParameterType},
 * {@code Schema.EntityParameter}, {@code Schema.UnknownEntity}), consistent reads, range
 * conditions and filters ({@link ConditionRules}); then its write constructs ({@link WriteRules})
 * and item-collection shape ({@link CollectionRules}).
 */
final class PatternRules {
  private PatternRules() {}

  static void pattern(SchemaRules r, String entity, JsonNode ap, At at, Set<String> names, JsonNode e, Set<String> fieldNames) {
    if (!ap.isObject()) {
      r.error("Schema.Type", at, "an access pattern must be an object", "");
      return;
    }
    r.required(ap, at, "pattern_id", "name", "description", "operation", "return_type");
    PatternRules.patternId(r, ap, at);
    JsonNode name = ap.get("name");
    if (name != null && name.isTextual() && !names.add(name.asText())) {
      r.error("Schema.DuplicatePatternName", at.key("name"), "duplicate pattern name `" + name.asText() + "` in entity `" + entity + "`",
          "method names must be unique within an entity");
    }
    JsonNode operation = ap.get("operation");
    if (operation != null && !operation.isNull()) {
      r.enumValue(operation, at.key("operation"), "operation", SchemaRules.OPERATIONS, "Schema.Operation");
    }
    JsonNode returnType = ap.get("return_type");
    if (returnType != null && !returnType.isNull()) {
      r.enumValue(returnType, at.key("return_type"), "return_type", SchemaRules.RETURN_TYPES, "Schema.ReturnType");
    }
    PatternRules.parameters(r, ap.get("parameters"), at.key("parameters"));
    if (ap.has("consistent_read")) {
      String label = "pattern " + ap.path("pattern_id").asText("?") + " (" + ap.path("name").asText("?") + ")";
      JsonNode cr = ap.get("consistent_read");
      if (!cr.isBoolean()) {
        r.error("Schema.ConsistentRead", at.key("consistent_read"), label + ": `consistent_read` must be true or false, got " + SchemaRules.typeName(cr), "");
      } else if (cr.asBoolean() && ap.hasNonNull("index_name")) {
        r.error("Schema.ConsistentRead", at.key("consistent_read"), label + ": `consistent_read` cannot be true on a GSI query",
            "GSIs only support eventually consistent reads; remove it or set it to false");
      }
    }
    JsonNode rc = ap.get("range_condition");
    if (rc != null && !rc.isNull() && !(rc.isTextual() && rc.asText().isEmpty())) {
      r.enumValue(rc, at.key("range_condition"), "range_condition", SchemaRules.RANGE, "Schema.RangeCondition");
      if (rc.isTextual() && SchemaRules.RANGE.contains(rc.asText()) && !"Query".equals(ap.path("operation").asText())) {
        r.error("Schema.RangeCondition", at.key("operation"), "range conditions require the `Query` operation, got `" + ap.path("operation").asText() + "`",
            "use Query, or remove range_condition");
      }
    }
    if (ap.has("filter_expression")) {
      // an item collection holds every entity of the partition: its filter may test any of their fields
      boolean collection = "Query".equals(ap.path("operation").asText()) && "mixed_data".equals(ap.path("return_type").asText());
      PatternRules.filter(r, ap, at.key("filter_expression"), e, collection ? r.tableFieldNames : fieldNames);
    }
    new WriteRules(r).pattern(ap, at, e, fieldNames);
    CollectionRules.structure(r, ap, at);
  }


  static void patternId(SchemaRules r, JsonNode ap, At at) {
    JsonNode id = ap.get("pattern_id");
    if (id == null || id.isNull()) {
      return;
    }
    if (!id.isIntegralNumber()) {
      r.error("Schema.PatternId", at.key("pattern_id"), "`pattern_id` must be an integer, got " + SchemaRules.typeName(id), "e.g. \"pattern_id\": 7");
      return;
    }
    At prev = r.patternIds.putIfAbsent(id.asLong(), at);
    if (prev != null) {
      r.error("Schema.DuplicatePatternId", at.key("pattern_id"), "duplicate pattern_id " + id.asLong() + " (first used at `" + prev.path() + "`)",
          "pattern ids must be unique across all tables, entities and cross-table patterns");
    }
  }


  static void parameters(SchemaRules r, JsonNode ps, At at) {
    if (ps == null || ps.isNull()) {
      return;
    }
    if (!ps.isArray()) {
      r.error("Schema.Type", at, "`parameters` must be an array", "");
      return;
    }
    Set<String> names = new HashSet<>();
    for (int k = 0; k < ps.size(); k++) {
      JsonNode p = ps.get(k);
      At pa = at.idx(k);
      if (!p.isObject()) {
        r.error("Schema.Type", pa, "a parameter must be an object", "{\"name\": \"user_id\", \"type\": \"string\"}");
        continue;
      }
      r.required(p, pa, "name", "type");
      JsonNode name = p.get("name");
      if (name != null && name.isTextual() && !names.add(name.asText())) {
        r.error("Schema.DuplicateParameter", pa.key("name"), "duplicate parameter name `" + name.asText() + "`", "");
      }
      JsonNode type = p.get("type");
      if (type != null && !type.isNull()) {
        r.enumValue(type, pa.key("type"), "parameter type", SchemaRules.PARAM_TYPES, "Schema.ParameterType");
        if ("entity".equals(type.asText())) {
          if (!p.hasNonNull("entity_type")) {
            r.error("Schema.EntityParameter", pa.key("entity_type"), "entity parameters must specify `entity_type`", "add \"entity_type\": \"<EntityName>\"");
          } else if (!r.entityNames.contains(p.get("entity_type").asText())) {
            r.error("Schema.UnknownEntity", pa.key("entity_type"), "unknown entity type `" + p.get("entity_type").asText() + "`",
                Suggestions.hint(p.get("entity_type").asText(), r.entityNames));
          }
        }
      }
    }
  }


  static void filter(SchemaRules r, JsonNode ap, At at, JsonNode e, Set<String> fieldNames) {
    String op = ap.path("operation").asText("");
    if (!op.equals("Query") && !op.equals("Scan")) {
      r.error("Schema.Filter", at, "filter expressions are only valid for Query and Scan, got `" + op + "`", "remove filter_expression");
      return;
    }
    // the fields of the queried key: the table's templates, or the queried GSI's mapping (whose
    // templates may be arrays, one per key attribute); a GSI Query may filter on the table's keys
    Set<String> keyFields = new HashSet<>();
    JsonNode keyOwner = e;
    if (ap.path("index_name").isTextual()) {
      keyOwner = com.fasterxml.jackson.databind.node.MissingNode.getInstance();
      for (JsonNode m : e.path("gsi_mappings")) {
        if (m.path("name").asText("").equals(ap.get("index_name").asText())) {
          keyOwner = m;
        }
      }
    }
    for (String k : List.of("pk_template", "sk_template")) {
      if (!op.equals("Query")) {
        continue;
      }
      JsonNode t = keyOwner.path(k);
      for (JsonNode one : t.isArray() ? t : List.of(t)) {
        if (!one.isTextual()) {
          continue;
        }
        for (String raw : TemplateRules.placeholders(one.asText())) {
          int colon = raw.indexOf(':');
          keyFields.add((colon < 0 ? raw : raw.substring(0, colon)).strip());
        }
      }
    }
    ConditionRules.Types types = ConditionRules.types(e);
    new ConditionRules(r, ConditionRules.Kind.FILTER, types).check(ap.get("filter_expression"), at, fieldNames, keyFields,
        WriteRules.valueParams(ap));
  }
}
