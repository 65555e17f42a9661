package dev.ddbmodel.schema.internal.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.schema.internal.rules.SchemaRules.At;
import java.util.HashSet;
import java.util.Set;

/**
 * The structure pass of schema.json, first of all: a root object with a non-empty {@code tables}
 * array ({@code Schema.Root}, {@code Schema.MissingField}, {@code Schema.Type}, {@code Schema.Empty})
 * and one table per name ({@code Schema.DuplicateTable}); then it walks the tables
 * ({@link SchemaTableRules}), the cross-table patterns ({@link CrossTableRules}) and, per table, the
 * indexes ({@link SchemaIndexRules}), in this order.
 */
final class SchemaStructureRules {
  private SchemaStructureRules() {}

  static void check(SchemaRules r) {
    JsonNode root = r.doc.root();
    At top = At.ROOT;
    if (!root.isObject()) {
      r.error("Schema.Root", top, "schema.json must be a JSON object, found " + SchemaRules.typeName(root), "start with {\"tables\": [...]}");
      return;
    }
    if (!r.required(root, top, "tables")) {
      return;
    }
    JsonNode tables = root.get("tables");
    At ta = top.key("tables");
    if (!tables.isArray()) {
      r.error("Schema.Type", ta, "`tables` must be an array", "wrap the table objects in [ ]");
      return;
    }
    if (tables.isEmpty()) {
      r.error("Schema.Empty", ta, "`tables` cannot be empty", "add at least one table");
      return;
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < tables.size(); i++) {
      JsonNode tc = tables.get(i).path("table_config");
      if (tc.path("table_name").isTextual() && !names.add(tc.get("table_name").asText())) {
        r.error("Schema.DuplicateTable", ta.idx(i).key("table_config").key("table_name"), "duplicate table name `" + tc.get("table_name").asText() + "`",
            "give each table its own table_name");
      }
    }
    for (int i = 0; i < tables.size(); i++) {
      JsonNode t = tables.get(i);
      if (t.isObject()) {
        t.path("entities").fieldNames().forEachRemaining(r.entityNames::add);
      }
    }
    Set<String> entitiesSoFar = new HashSet<>();
    for (int i = 0; i < tables.size(); i++) {
      SchemaTableRules.table(r, tables.get(i), ta.idx(i), entitiesSoFar);
    }
    if (root.has("cross_table_access_patterns") && !root.get("cross_table_access_patterns").isNull()) {
      CrossTableRules.check(r, root.get("cross_table_access_patterns"), top.key("cross_table_access_patterns"));
    }
    for (int i = 0; i < tables.size(); i++) {
      if (tables.get(i).isObject()) {
        SchemaIndexRules.check(r, tables.get(i), ta.idx(i));
      }
    }
  }
}
