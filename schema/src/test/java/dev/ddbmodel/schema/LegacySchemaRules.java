package dev.ddbmodel.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.Severity;
import dev.ddbmodel.core.Suggestions;
import dev.ddbmodel.core.json.JsonDocument;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * TEST ONLY: a verbatim copy (class names prefixed with {@code Legacy}) of the schema.json rule
 * classes as they were before the split into {@code dev.ddbmodel.schema.internal.rules} (issue #23, item 2).
 * It exists only for {@code SchemaRulesPinTest}, which compares its output with the new classes;
 * do not use or extend it elsewhere, and delete it with the pin test once the split has settled.
 *
 * <p>The original description follows.
 */
/** The schema.json rules. Walks the document once per pass, recording dotted paths and pointers. */
final class LegacySchemaRules {
  static final List<String> FIELD_TYPES = List.of("string", "integer", "decimal", "boolean", "array", "object", "uuid");
  static final List<String> PARAM_TYPES = List.of("string", "integer", "decimal", "boolean", "array", "object", "uuid", "entity");
  static final List<String> OPERATIONS = List.of("GetItem", "PutItem", "DeleteItem", "Query", "Scan", "UpdateItem", "BatchGetItem", "BatchWriteItem");
  static final List<String> RETURN_TYPES = List.of("single_entity", "entity_list", "success_flag", "mixed_data", "void");
  static final List<String> RANGE = List.of("begins_with", "between", ">", "<", ">=", "<=");
  static final List<String> OPERATORS = List.of("=", "<>", "<", "<=", ">", ">=", "between", "in");
  static final List<String> FUNCTIONS = List.of("contains", "begins_with", "attribute_exists", "attribute_not_exists", "size");
  static final List<String> PROJECTIONS = List.of("ALL", "KEYS_ONLY", "INCLUDE");
  static final Map<String, List<String>> ACTIONS = Map.of("TransactWrite", List.of("Put", "Update", "Delete", "ConditionCheck"), "TransactGet", List.of("Get"));
  private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");

  final JsonDocument doc;
  final List<SchemaIssue> issues = new ArrayList<>();
  private final Set<String> seen = new HashSet<>();
  final Map<Long, At> patternIds = new HashMap<>();
  final Set<String> entityNames = new LinkedHashSet<>();
  /** The field names of every entity of the table being walked (an item collection's filter may test any). */
  private Set<String> tableFieldNames = Set.of();
  /** Type of the first field of each name across all entities; only cross-table patterns need it. */
  private Map<String, String> firstFieldType;

  LegacySchemaRules(JsonDocument doc) {
    this.doc = doc;
  }

  /** What {@code SchemaLoader.check} did before the split: the structure walk, then the semantic rules on the built schema. */
  static List<SchemaIssue> check(JsonDocument doc) {
    LegacySchemaRules r = new LegacySchemaRules(doc);
    r.root();
    if (r.issues.stream().noneMatch(i -> i.diagnostic().isError())) {
      dev.ddbmodel.schema.Schema built = SchemaLoader.build(doc.root());
      LegacyTransactionRules.semantic(r, built);
      LegacyCollectionRules.semantic(r, built);
    }
    return r.issues;
  }

  /**
   * A location in the document, linked to its parent; the dotted path and the JSON Pointer are
   * only rendered when a finding needs them, so walking a valid document allocates no strings.
   */
  record At(At parent, String key, int index) {
    static final At ROOT = new At(null, null, -1);

    At key(String k) {
      return new At(this, k, -1);
    }

    At idx(int i) {
      return new At(this, null, i);
    }

    String path() {
      if (parent == null) {
        return "";
      }
      String p = parent.path();
      return key != null ? (p.isEmpty() ? key : p + "." + key) : p + "[" + index + "]";
    }

    String ptr() {
      if (parent == null) {
        return "";
      }
      return parent.ptr() + "/" + (key != null ? key.replace("~", "~0").replace("/", "~1") : Integer.toString(index));
    }
  }

  void error(String id, At at, String msg, String hint) {
    add(id, Severity.ERROR, at, msg, hint.isEmpty() ? "see the schema.json format: `ddbm guide schema-converter`" : hint);
  }

  void warn(String id, At at, String msg, String hint) {
    add(id, Severity.WARNING, at, msg, hint);
  }

  private void add(String id, Severity s, At at, String msg, String hint) {
    if (seen.add(at.path() + "\u0000" + msg)) {
      issues.add(new SchemaIssue(at.path().isEmpty() ? "root" : at.path(), new Diagnostic(id, s, msg, doc.locate(at.ptr()), hint)));
    }
  }

  static String typeName(JsonNode n) {
    return JsonDocument.typeName(n);
  }

  boolean required(JsonNode obj, At at, String... keys) {
    boolean ok = true;
    for (String k : keys) {
      JsonNode v = obj.get(k);
      if (v == null || v.isNull()) {
        error("Schema.MissingField", at.key(k), "missing required field `" + k + "`", "add `" + k + "` to " + (at.path().isEmpty() ? "the root object" : "`" + at.path() + "`"));
        ok = false;
      }
    }
    return ok;
  }

  boolean string(JsonNode obj, At at, String key) {
    JsonNode v = obj.get(key);
    if (v != null && !v.isNull() && !v.isTextual()) {
      error("Schema.Type", at.key(key), "`" + key + "` must be a string, got " + typeName(v), "write it in double quotes");
      return false;
    }
    return v != null && v.isTextual();
  }

  void enumValue(JsonNode v, At at, String what, List<String> allowed, String id) {
    if (!v.isTextual()) {
      error(id, at, what + " must be a string, got " + typeName(v), "one of: " + String.join(", ", allowed));
    } else if (!allowed.contains(v.asText())) {
      error(id, at, "invalid " + what + " `" + v.asText() + "`", Suggestions.hint(v.asText(), allowed));
    }
  }

  // ------------------------------------------------------------------ structure pass

  void root() {
    JsonNode root = doc.root();
    At r = At.ROOT;
    if (!root.isObject()) {
      error("Schema.Root", r, "schema.json must be a JSON object, found " + typeName(root), "start with {\"tables\": [...]}");
      return;
    }
    if (!required(root, r, "tables")) {
      return;
    }
    JsonNode tables = root.get("tables");
    At ta = r.key("tables");
    if (!tables.isArray()) {
      error("Schema.Type", ta, "`tables` must be an array", "wrap the table objects in [ ]");
      return;
    }
    if (tables.isEmpty()) {
      error("Schema.Empty", ta, "`tables` cannot be empty", "add at least one table");
      return;
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < tables.size(); i++) {
      JsonNode tc = tables.get(i).path("table_config");
      if (tc.path("table_name").isTextual() && !names.add(tc.get("table_name").asText())) {
        error("Schema.DuplicateTable", ta.idx(i).key("table_config").key("table_name"), "duplicate table name `" + tc.get("table_name").asText() + "`",
            "give each table its own table_name");
      }
    }
    for (int i = 0; i < tables.size(); i++) {
      JsonNode t = tables.get(i);
      if (t.isObject()) {
        t.path("entities").fieldNames().forEachRemaining(entityNames::add);
      }
    }
    Set<String> entitiesSoFar = new HashSet<>();
    for (int i = 0; i < tables.size(); i++) {
      table(tables.get(i), ta.idx(i), entitiesSoFar);
    }
    if (root.has("cross_table_access_patterns") && !root.get("cross_table_access_patterns").isNull()) {
      crossTable(root.get("cross_table_access_patterns"), r.key("cross_table_access_patterns"));
    }
    for (int i = 0; i < tables.size(); i++) {
      if (tables.get(i).isObject()) {
        new LegacyGsiPass(this, tables.get(i), ta.idx(i)).run();
      }
    }
  }

  private Map<String, String> firstFieldType() {
    if (firstFieldType == null) {
      firstFieldType = new LinkedHashMap<>();
      for (JsonNode t : doc.root().get("tables")) {
        if (t.isObject()) {
          for (var it = t.path("entities").properties().iterator(); it.hasNext(); ) {
            for (JsonNode f : it.next().getValue().path("fields")) {
              // an invalid type is reported once, at the field; it must not feed follow-on checks
              if (f.path("name").isTextual() && f.path("type").isTextual() && FIELD_TYPES.contains(f.get("type").asText())) {
                firstFieldType.putIfAbsent(f.get("name").asText(), f.get("type").asText());
              }
            }
          }
        }
      }
    }
    return firstFieldType;
  }

  private void table(JsonNode t, At at, Set<String> entitiesSoFar) {
    if (!t.isObject()) {
      error("Schema.Type", at, "a table must be an object", "write {\"table_config\": {...}, \"entities\": {...}}");
      return;
    }
    required(t, at, "table_config", "entities");
    JsonNode tc = t.get("table_config");
    if (tc != null && !tc.isNull()) {
      At ca = at.key("table_config");
      if (!tc.isObject()) {
        error("Schema.Type", ca, "`table_config` must be an object", "");
      } else {
        required(tc, ca, "table_name", "partition_key");
        if (string(tc, ca, "table_name")) {
          String n = tc.get("table_name").asText();
          if (!TABLE_NAME.matcher(n).matches()) {
            error("Schema.TableName", ca.key("table_name"), "table name `" + n + "` is not a valid DynamoDB name",
                "use 3 to 255 characters: letters, digits, `_`, `-` and `.`");
          }
        }
        string(tc, ca, "partition_key");
        string(tc, ca, "sort_key");
        if (tc.has("gsi_list")) {
          warn("Schema.GsiListPlacement", ca.key("gsi_list"), "`gsi_list` inside `table_config` is ignored", "move it next to `table_config`");
        }
      }
    }
    JsonNode es = t.get("entities");
    if (es == null || es.isNull()) {
      return;
    }
    At ea = at.key("entities");
    if (!es.isObject()) {
      error("Schema.Type", ea, "`entities` must be an object", "map entity names to entity objects");
      return;
    }
    if (es.isEmpty()) {
      error("Schema.Empty", ea, "`entities` cannot be empty", "add at least one entity");
      return;
    }
    for (var it = es.properties().iterator(); it.hasNext(); ) {
      var e = it.next();
      At ep = ea.key(e.getKey());
      if (!entitiesSoFar.add(e.getKey())) {
        error("Schema.DuplicateEntity", ep, "entity name `" + e.getKey() + "` is used in another table", "entity names must be unique across tables");
      }
      entity(e.getKey(), e.getValue(), ep, t);
    }
  }

  private void entity(String name, JsonNode e, At at, JsonNode table) {
    if (!e.isObject()) {
      error("Schema.Type", at, "entity `" + name + "` must be an object", "");
      return;
    }
    required(e, at, "entity_type", "pk_template", "fields");
    string(e, at, "entity_type");
    Set<String> fieldNames = new LinkedHashSet<>();
    JsonNode fields = e.get("fields");
    At fa = at.key("fields");
    if (fields != null && !fields.isNull()) {
      if (!fields.isArray()) {
        error("Schema.Type", fa, "`fields` must be an array", "");
      } else if (fields.isEmpty()) {
        error("Schema.Empty", fa, "`fields` cannot be empty", "add the entity's attributes");
      } else {
        for (int k = 0; k < fields.size(); k++) {
          field(fields.get(k), fa.idx(k), fieldNames);
        }
      }
    }
    for (String key : List.of("pk_template", "sk_template")) {
      JsonNode tv = e.get(key);
      if (tv == null || tv.isNull()) {
        continue;
      }
      if (!tv.isTextual()) {
        error("Schema.Type", at.key(key), "`" + key + "` must be a string, got " + typeName(tv),
            "e.g. \"USER#{user_id}\"; arrays are only allowed in gsi_mappings");
        continue;
      }
      template(tv.asText(), at.key(key), fieldNames, fields != null && fields.isArray());
    }
    JsonNode aps = e.get("access_patterns");
    if (aps != null && !aps.isNull()) {
      At aa = at.key("access_patterns");
      if (!aps.isArray()) {
        error("Schema.Type", aa, "`access_patterns` must be an array", "");
      } else {
        Set<String> names = new HashSet<>();
        tableFieldNames = new LinkedHashSet<>(fieldNames);
        table.path("entities").forEach(o -> o.path("fields").forEach(f -> {
          if (f.path("name").isTextual()) {
            tableFieldNames.add(f.get("name").asText());
          }
        }));
        for (int p = 0; p < aps.size(); p++) {
          pattern(name, aps.get(p), aa.idx(p), names, e, fieldNames);
        }
      }
    }
  }

  private void field(JsonNode f, At at, Set<String> names) {
    if (!f.isObject()) {
      error("Schema.Type", at, "a field must be an object", "{\"name\": \"user_id\", \"type\": \"string\", \"required\": true}");
      return;
    }
    required(f, at, "name", "type", "required");
    JsonNode name = f.get("name");
    if (name != null && name.isTextual() && !names.add(name.asText())) {
      error("Schema.DuplicateField", at.key("name"), "duplicate field name `" + name.asText() + "`", "each field name once per entity");
    }
    JsonNode type = f.get("type");
    if (type != null && !type.isNull()) {
      enumValue(type, at.key("type"), "field type", FIELD_TYPES, "Schema.FieldType");
      if ("array".equals(type.asText()) && !f.has("item_type")) {
        error("Schema.ItemType", at.key("item_type"), "array fields must specify `item_type`", "add \"item_type\": \"string\" (or another type)");
      }
    }
    JsonNode req = f.get("required");
    if (req != null && !req.isNull() && !req.isBoolean()) {
      error("Schema.Type", at.key("required"), "`required` must be true or false, got " + typeName(req),
          "write a JSON boolean without quotes");
    }
  }

  /** Syntax and field checks of one key template. */
  void template(String t, At at, Set<String> fieldNames, boolean checkFields) {
    if (t.isBlank()) {
      error("Schema.Template", at, "the template is empty", "e.g. \"USER#{user_id}\"");
      return;
    }
    int open = 0;
    int close = 0;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == '{') {
        open++;
      } else if (c == '}') {
        close++;
      }
    }
    if (open != close) {
      error("Schema.Template", at, "unmatched braces in template `" + t + "`: " + open + " opening, " + close + " closing", "close every `{`");
      return;
    }
    // braces only delimit placeholders: `{{email}}` or `}x{` would leave literal braces in every key
    int depth = 0;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == '{' && ++depth > 1 || c == '}' && --depth < 0) {
        error("Schema.Template", at, "template `" + t + "` has a brace at position " + (i + 1)
            + " that does not open or close a placeholder (braces cannot be nested or escaped)", c == '{' && t.startsWith("{{", i)
            ? "write a single pair of braces: `{" + t.substring(i + 2).replaceFirst("}}.*", "") + "}`" : "use `{field}` for a placeholder and no other braces");
        return;
      }
    }
    for (String raw : placeholders(t)) {
      String body = raw.strip();
      String name = body.contains(":") ? body.substring(0, body.indexOf(':')) : body;
      if (name.isEmpty()) {
        error("Schema.Template", at, "template `" + t + "` has an empty placeholder `{}`", "name a field inside the braces");
      } else if (!isWord(name)) {
        error("Schema.Template", at, "template `" + t + "` has an invalid placeholder `{" + raw + "}`",
            "placeholders are field names, optionally with a format spec: {score:05d}");
      } else if (checkFields && !fieldNames.contains(name)) {
        error("Schema.TemplateField", at, "template placeholder `" + name + "` is not a field of the entity",
            Suggestions.closest(name, fieldNames).map(s -> "did you mean `" + s + "`?").orElse("fields: " + String.join(", ", new TreeSet<>(fieldNames))));
      }
    }
  }

  /** The placeholder candidates of a template: {@link KeyTemplate#placeholderBodies}, the one template scanner. */
  static List<String> placeholders(String t) {
    return KeyTemplate.placeholderBodies(t);
  }

  /** Whether the regex <code>\w+</code> matches: {@link KeyTemplate#isFieldName}. */
  static boolean isWord(String s) {
    return KeyTemplate.isFieldName(s);
  }

  private void pattern(String entity, JsonNode ap, At at, Set<String> names, JsonNode e, Set<String> fieldNames) {
    if (!ap.isObject()) {
      error("Schema.Type", at, "an access pattern must be an object", "");
      return;
    }
    required(ap, at, "pattern_id", "name", "description", "operation", "return_type");
    patternId(ap, at);
    JsonNode name = ap.get("name");
    if (name != null && name.isTextual() && !names.add(name.asText())) {
      error("Schema.DuplicatePatternName", at.key("name"), "duplicate pattern name `" + name.asText() + "` in entity `" + entity + "`",
          "method names must be unique within an entity");
    }
    JsonNode operation = ap.get("operation");
    if (operation != null && !operation.isNull()) {
      enumValue(operation, at.key("operation"), "operation", OPERATIONS, "Schema.Operation");
    }
    JsonNode returnType = ap.get("return_type");
    if (returnType != null && !returnType.isNull()) {
      enumValue(returnType, at.key("return_type"), "return_type", RETURN_TYPES, "Schema.ReturnType");
    }
    parameters(ap.get("parameters"), at.key("parameters"));
    if (ap.has("consistent_read")) {
      String label = "pattern " + ap.path("pattern_id").asText("?") + " (" + ap.path("name").asText("?") + ")";
      JsonNode cr = ap.get("consistent_read");
      if (!cr.isBoolean()) {
        error("Schema.ConsistentRead", at.key("consistent_read"), label + ": `consistent_read` must be true or false, got " + typeName(cr), "");
      } else if (cr.asBoolean() && ap.hasNonNull("index_name")) {
        error("Schema.ConsistentRead", at.key("consistent_read"), label + ": `consistent_read` cannot be true on a GSI query",
            "GSIs only support eventually consistent reads; remove it or set it to false");
      }
    }
    JsonNode rc = ap.get("range_condition");
    if (rc != null && !rc.isNull() && !(rc.isTextual() && rc.asText().isEmpty())) {
      enumValue(rc, at.key("range_condition"), "range_condition", RANGE, "Schema.RangeCondition");
      if (rc.isTextual() && RANGE.contains(rc.asText()) && !"Query".equals(ap.path("operation").asText())) {
        error("Schema.RangeCondition", at.key("operation"), "range conditions require the `Query` operation, got `" + ap.path("operation").asText() + "`",
            "use Query, or remove range_condition");
      }
    }
    if (ap.has("filter_expression")) {
      // an item collection holds every entity of the partition: its filter may test any of their fields
      boolean collection = "Query".equals(ap.path("operation").asText()) && "mixed_data".equals(ap.path("return_type").asText());
      filter(ap, at.key("filter_expression"), e, collection ? tableFieldNames : fieldNames);
    }
    new LegacyWriteRules(this).pattern(ap, at, e, fieldNames);
    LegacyCollectionRules.structure(this, ap, at);
  }

  void patternId(JsonNode ap, At at) {
    JsonNode id = ap.get("pattern_id");
    if (id == null || id.isNull()) {
      return;
    }
    if (!id.isIntegralNumber()) {
      error("Schema.PatternId", at.key("pattern_id"), "`pattern_id` must be an integer, got " + typeName(id), "e.g. \"pattern_id\": 7");
      return;
    }
    At prev = patternIds.putIfAbsent(id.asLong(), at);
    if (prev != null) {
      error("Schema.DuplicatePatternId", at.key("pattern_id"), "duplicate pattern_id " + id.asLong() + " (first used at `" + prev.path() + "`)",
          "pattern ids must be unique across all tables, entities and cross-table patterns");
    }
  }

  void parameters(JsonNode ps, At at) {
    if (ps == null || ps.isNull()) {
      return;
    }
    if (!ps.isArray()) {
      error("Schema.Type", at, "`parameters` must be an array", "");
      return;
    }
    Set<String> names = new HashSet<>();
    for (int k = 0; k < ps.size(); k++) {
      JsonNode p = ps.get(k);
      At pa = at.idx(k);
      if (!p.isObject()) {
        error("Schema.Type", pa, "a parameter must be an object", "{\"name\": \"user_id\", \"type\": \"string\"}");
        continue;
      }
      required(p, pa, "name", "type");
      JsonNode name = p.get("name");
      if (name != null && name.isTextual() && !names.add(name.asText())) {
        error("Schema.DuplicateParameter", pa.key("name"), "duplicate parameter name `" + name.asText() + "`", "");
      }
      JsonNode type = p.get("type");
      if (type != null && !type.isNull()) {
        enumValue(type, pa.key("type"), "parameter type", PARAM_TYPES, "Schema.ParameterType");
        if ("entity".equals(type.asText())) {
          if (!p.hasNonNull("entity_type")) {
            error("Schema.EntityParameter", pa.key("entity_type"), "entity parameters must specify `entity_type`", "add \"entity_type\": \"<EntityName>\"");
          } else if (!entityNames.contains(p.get("entity_type").asText())) {
            error("Schema.UnknownEntity", pa.key("entity_type"), "unknown entity type `" + p.get("entity_type").asText() + "`",
                Suggestions.hint(p.get("entity_type").asText(), entityNames));
          }
        }
      }
    }
  }

  private void filter(JsonNode ap, At at, JsonNode e, Set<String> fieldNames) {
    String op = ap.path("operation").asText("");
    if (!op.equals("Query") && !op.equals("Scan")) {
      error("Schema.Filter", at, "filter expressions are only valid for Query and Scan, got `" + op + "`", "remove filter_expression");
      return;
    }
    Set<String> keyFields = new HashSet<>();
    for (String k : List.of("pk_template", "sk_template")) {
      if (e.path(k).isTextual() && op.equals("Query")) {
        for (String raw : placeholders(e.get(k).asText())) {
          int colon = raw.indexOf(':');
          keyFields.add((colon < 0 ? raw : raw.substring(0, colon)).strip());
        }
      }
    }
    LegacyConditionRules.Types types = LegacyConditionRules.types(e);
    new LegacyConditionRules(this, LegacyConditionRules.Kind.FILTER, types).check(ap.get("filter_expression"), at, fieldNames, keyFields,
        LegacyWriteRules.valueParams(ap));
  }

  private void crossTable(JsonNode xs, At at) {
    if (!xs.isArray()) {
      error("Schema.Type", at, "`cross_table_access_patterns` must be an array", "");
      return;
    }
    JsonNode tables = doc.root().path("tables");
    for (int c = 0; c < xs.size(); c++) {
      JsonNode x = xs.get(c);
      At xa = at.idx(c);
      if (!x.isObject()) {
        error("Schema.Type", xa, "a cross-table pattern must be an object", "");
        continue;
      }
      required(x, xa, "pattern_id", "name", "description", "operation", "entities_involved", "parameters", "return_type");
      patternId(x, xa);
      String op = x.path("operation").asText("");
      if (x.hasNonNull("operation")) {
        enumValue(x.get("operation"), xa.key("operation"), "operation", List.of("TransactWrite", "TransactGet"), "Schema.CrossTableOperation");
      }
      if (x.hasNonNull("return_type")) {
        enumValue(x.get("return_type"), xa.key("return_type"), "return_type", List.of("boolean", "object", "array"), "Schema.ReturnType");
      }
      JsonNode inv = x.get("entities_involved");
      At ia = xa.key("entities_involved");
      if (inv != null && !inv.isNull()) {
        if (!inv.isArray() || inv.isEmpty()) {
          error("Schema.Involvement", ia, "`entities_involved` must be a non-empty array", "");
        } else {
          for (int k = 0; k < inv.size(); k++) {
            JsonNode e = inv.get(k);
            At ka = ia.idx(k);
            if (!e.isObject()) {
              error("Schema.Type", ka, "an involvement must be an object", "");
              continue;
            }
            if (!required(e, ka, "table", "entity", "action")) {
              continue;
            }
            JsonNode table = null;
            List<String> tableNames = new ArrayList<>();
            for (JsonNode t : tables) {
              String tn = t.path("table_config").path("table_name").asText("");
              tableNames.add(tn);
              if (tn.equals(e.get("table").asText()) && table == null) {
                table = t;
              }
            }
            if (table == null) {
              error("Schema.UnknownTable", ka.key("table"), "table `" + e.get("table").asText() + "` is not in the schema", Suggestions.hint(e.get("table").asText(), tableNames));
            } else if (!table.path("entities").has(e.get("entity").asText())) {
              List<String> ents = new ArrayList<>();
              table.path("entities").fieldNames().forEachRemaining(ents::add);
              error("Schema.UnknownEntity", ka.key("entity"), "entity `" + e.get("entity").asText() + "` is not in table `" + e.get("table").asText() + "`",
                  ents.isEmpty() ? "the table defines no entities" : Suggestions.hint(e.get("entity").asText(), ents));
            }
            List<String> actions = ACTIONS.get(op);
            if (actions != null && !actions.contains(e.get("action").asText())) {
              error("Schema.Action", ka.key("action"), "invalid action `" + e.get("action").asText() + "` for `" + op + "`", Suggestions.hint(e.get("action").asText(), actions));
            }
            LegacyTransactionRules.shape(this, e, ka, table == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance()
                : table.path("entities").path(e.get("entity").asText()));
          }
        }
      }
      parameters(x.get("parameters"), xa.key("parameters"));
      conditionPlaceholders(x, ia);
      JsonNode ps = x.path("parameters");
      for (int k = 0; ps.isArray() && k < ps.size(); k++) {
        JsonNode p = ps.get(k);
        String pt = p.path("type").asText("");
        String ft = firstFieldType().get(p.path("name").asText(""));
        if (!pt.isEmpty() && !pt.equals("entity") && ft != null && !ft.equals(pt)) {
          error("Schema.ParameterFieldType", xa.key("parameters").idx(k).key("type"), "parameter `" + p.path("name").asText() + "` is `" + pt
              + "` but the field of that name is `" + ft + "`", "change the parameter type to `" + ft + "`");
        }
      }
    }
  }

  private static final java.util.regex.Pattern VALUE_PLACEHOLDER = java.util.regex.Pattern.compile(":([A-Za-z0-9_]+)");

  /**
   * Every {@code :value} of a leg's condition is bound at call time from a plain parameter of the
   * same name or a field of an entity parameter; one bound by neither fails when the transaction
   * runs. Only for actions in the reference form: {@link LegacyTransactionRules} checks the others.
   */
  private void conditionPlaceholders(JsonNode x, At ia) {
    Set<String> bound = new java.util.TreeSet<>();
    for (JsonNode p : x.path("parameters")) {
      String pt = p.path("type").asText("");
      if (!pt.equals("entity")) {
        bound.add(p.path("name").asText(""));
        continue;
      }
      String et = p.path("entity_type").asText("");
      for (JsonNode t : doc.root().path("tables")) {
        for (JsonNode f : t.path("entities").path(et).path("fields")) {
          bound.add(f.path("name").asText(""));
        }
      }
    }
    JsonNode inv = x.path("entities_involved");
    for (int k = 0; inv.isArray() && k < inv.size(); k++) {
      JsonNode c = inv.get(k).get("condition");
      if (c == null || !c.isTextual() || LegacyTransactionRules.explicit(inv.get(k))) {
        continue;
      }
      java.util.regex.Matcher m = VALUE_PLACEHOLDER.matcher(c.asText());
      while (m.find()) {
        if (!bound.contains(m.group(1))) {
          warn("Schema.ConditionPlaceholder", ia.idx(k).key("condition"), "`:" + m.group(1) + "` in the condition is bound by no parameter"
              + " and no field of an entity parameter, so every call must pass it in condition_values (or the transaction fails when it runs)",
              "add a parameter named `" + m.group(1) + "`, or bind it in `values`" + (bound.isEmpty() ? "" : " (" + Suggestions.hint(m.group(1), bound) + ")"));
        }
      }
    }
  }
}
