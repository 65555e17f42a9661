package dev.ddbmodel.schema.internal.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.schema.internal.rules.SchemaRules.At;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One entity: required keys, its fields (objects with a name unique in the entity, a known type,
 * an item type for arrays, a boolean {@code required}: {@code Schema.DuplicateField},
 * {@code Schema.FieldType}, {@code Schema.ItemType}), its key templates ({@link TemplateRules})
 * and its access patterns ({@link PatternRules}).
 */
final class EntityRules {
  private EntityRules() {}

  static void entity(SchemaRules r, String name, JsonNode e, At at, JsonNode table) {
    if (!e.isObject()) {
      r.error("Schema.Type", at, "entity `" + name + "` must be an object", "");
      return;
    }
    r.required(e, at, "entity_type", "pk_template", "fields");
    r.string(e, at, "entity_type");
    Set<String> fieldNames = new LinkedHashSet<>();
    JsonNode fields = e.get("fields");
    At fa = at.key("fields");
    if (fields != null && !fields.isNull()) {
      if (!fields.isArray()) {
        r.error("Schema.Type", fa, "`fields` must be an array", "");
      } else if (fields.isEmpty()) {
        r.error("Schema.Empty", fa, "`fields` cannot be empty", "add the entity's attributes");
      } else {
        for (int k = 0; k < fields.size(); k++) {
          EntityRules.field(r, fields.get(k), fa.idx(k), fieldNames);
        }
      }
    }
    for (String key : List.of("pk_template", "sk_template")) {
      JsonNode tv = e.get(key);
      if (tv == null || tv.isNull()) {
        continue;
      }
      if (!tv.isTextual()) {
        r.error("Schema.Type", at.key(key), "`" + key + "` must be a string, got " + SchemaRules.typeName(tv),
            "e.g. \"USER#{user_id}\"; arrays are only allowed in gsi_mappings");
        continue;
      }
      TemplateRules.check(r, tv.asText(), at.key(key), fieldNames, fields != null && fields.isArray());
    }
    JsonNode aps = e.get("access_patterns");
    if (aps != null && !aps.isNull()) {
      At aa = at.key("access_patterns");
      if (!aps.isArray()) {
        r.error("Schema.Type", aa, "`access_patterns` must be an array", "");
      } else {
        Set<String> names = new HashSet<>();
        r.tableFieldNames = new LinkedHashSet<>(fieldNames);
        table.path("entities").forEach(o -> o.path("fields").forEach(f -> {
          if (f.path("name").isTextual()) {
            r.tableFieldNames.add(f.get("name").asText());
          }
        }));
        for (int p = 0; p < aps.size(); p++) {
          PatternRules.pattern(r, name, aps.get(p), aa.idx(p), names, e, fieldNames);
        }
      }
    }
  }


  static void field(SchemaRules r, JsonNode f, At at, Set<String> names) {
    if (!f.isObject()) {
      r.error("Schema.Type", at, "a field must be an object", "{\"name\": \"user_id\", \"type\": \"string\", \"required\": true}");
      return;
    }
    r.required(f, at, "name", "type", "required");
    JsonNode name = f.get("name");
    if (name != null && name.isTextual() && name.asText().isEmpty()) {
      // DynamoDB refuses an empty attribute name (in an item and in ExpressionAttributeNames)
      r.error("Schema.FieldName", at.key("name"), "a field name cannot be empty: DynamoDB refuses an empty attribute name", "name the field");
    } else if (name != null && name.isTextual() && !names.add(name.asText())) {
      r.error("Schema.DuplicateField", at.key("name"), "duplicate field name `" + name.asText() + "`", "each field name once per entity");
    }
    JsonNode type = f.get("type");
    if (type != null && !type.isNull()) {
      r.enumValue(type, at.key("type"), "field type", SchemaRules.FIELD_TYPES, "Schema.FieldType");
      if ("array".equals(type.asText()) && !f.has("item_type")) {
        r.error("Schema.ItemType", at.key("item_type"), "array fields must specify `item_type`", "add \"item_type\": \"string\" (or another type)");
      }
    }
    JsonNode req = f.get("required");
    if (req != null && !req.isNull() && !req.isBoolean()) {
      r.error("Schema.Type", at.key("required"), "`required` must be true or false, got " + SchemaRules.typeName(req),
          "write a JSON boolean without quotes");
    }
  }
}
