package dev.ddbmodel.schema.internal.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.core.internal.guide.DynamoDbLimits;
import dev.ddbmodel.schema.internal.rules.SchemaRules.At;
import java.util.Set;

/**
 * One table: its {@code table_config} (required keys, types, a valid name: {@code Schema.TableName},
 * a misplaced {@code gsi_list}: {@code Schema.GsiListPlacement}) and its {@code entities}, each
 * name unique across tables ({@code Schema.DuplicateEntity}) and checked by {@link EntityRules}.
 */
final class SchemaTableRules {
  private SchemaTableRules() {}

  static void table(SchemaRules r, JsonNode t, At at, Set<String> entitiesSoFar) {
    if (!t.isObject()) {
      r.error("Schema.Type", at, "a table must be an object", "write {\"table_config\": {...}, \"entities\": {...}}");
      return;
    }
    r.required(t, at, "table_config", "entities");
    JsonNode tc = t.get("table_config");
    if (tc != null && !tc.isNull()) {
      At ca = at.key("table_config");
      if (!tc.isObject()) {
        r.error("Schema.Type", ca, "`table_config` must be an object", "");
      } else {
        r.required(tc, ca, "table_name", "partition_key");
        if (r.string(tc, ca, "table_name")) {
          String n = tc.get("table_name").asText();
          if (!SchemaRules.TABLE_NAME.matcher(n).matches()) {
            r.error("Schema.TableName", ca.key("table_name"), "table name `" + n + "` is not a valid DynamoDB name",
                "use " + DynamoDbLimits.NAME_MIN_LENGTH + " to " + DynamoDbLimits.NAME_MAX_LENGTH + " characters: letters, digits, `_`, `-` and `.`");
          }
        }
        for (String k : new String[] {"partition_key", "sort_key"}) {
          if (r.string(tc, ca, k)) {
            String n = tc.get(k).asText();
            int bytes = n.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (bytes == 0 || bytes > DynamoDbLimits.KEY_ATTRIBUTE_NAME_BYTES) {
              r.error("Schema.TableKey", ca.key(k), "the key attribute name is " + bytes + " UTF-8 bytes long; DynamoDB takes 1 to "
                  + DynamoDbLimits.KEY_ATTRIBUTE_NAME_BYTES + " for a key attribute", bytes == 0 ? "name the key attribute" : "shorten the name");
            }
          }
        }
        if (tc.has("gsi_list")) {
          r.warn("Schema.GsiListPlacement", ca.key("gsi_list"), "`gsi_list` inside `table_config` is ignored", "move it next to `table_config`");
        }
      }
    }
    JsonNode es = t.get("entities");
    if (es == null || es.isNull()) {
      return;
    }
    At ea = at.key("entities");
    if (!es.isObject()) {
      r.error("Schema.Type", ea, "`entities` must be an object", "map entity names to entity objects");
      return;
    }
    if (es.isEmpty()) {
      r.error("Schema.Empty", ea, "`entities` cannot be empty", "add at least one entity");
      return;
    }
    for (var it = es.properties().iterator(); it.hasNext(); ) {
      var e = it.next();
      At ep = ea.key(e.getKey());
      if (!entitiesSoFar.add(e.getKey())) {
        r.error("Schema.DuplicateEntity", ep, "entity name `" + e.getKey() + "` is used in another table", "entity names must be unique across tables");
      }
      EntityRules.entity(r, e.getKey(), e.getValue(), ep, t);
    }
  }
}
