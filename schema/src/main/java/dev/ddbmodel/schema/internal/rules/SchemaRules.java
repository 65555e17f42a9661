package dev.ddbmodel.schema.internal.rules;

import dev.ddbmodel.schema.SchemaIssue;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.core.internal.guide.DynamoDbLimits;
import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.Severity;
import dev.ddbmodel.core.Suggestions;
import dev.ddbmodel.core.json.JsonDocument;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the schema.json rules share while they walk one document: the findings (with the
 * reference tool's dotted paths next to the pointers), the locations ({@link At}), what earlier
 * rules learnt (pattern ids, entity names, field names) and the small checks every rule uses
 * (required keys, string values, enumerations). The rules themselves are the other classes of
 * this package, started by {@link SchemaChecks}.
 */
final class SchemaRules {
  static final List<String> FIELD_TYPES = List.of("string", "integer", "decimal", "boolean", "array", "object", "uuid");
  static final List<String> PARAM_TYPES = List.of("string", "integer", "decimal", "boolean", "array", "object", "uuid", "entity");
  static final List<String> OPERATIONS = List.of("GetItem", "PutItem", "DeleteItem", "Query", "Scan", "UpdateItem", "BatchGetItem", "BatchWriteItem");
  static final List<String> RETURN_TYPES = List.of("single_entity", "entity_list", "success_flag", "mixed_data", "void");
  static final List<String> RANGE = List.of("begins_with", "between", ">", "<", ">=", "<=");
  static final List<String> OPERATORS = List.of("=", "<>", "<", "<=", ">", ">=", "between", "in");
  static final List<String> FUNCTIONS = List.of("contains", "begins_with", "attribute_exists", "attribute_not_exists", "size");
  static final List<String> PROJECTIONS = List.of("ALL", "KEYS_ONLY", "INCLUDE");
  static final Map<String, List<String>> ACTIONS = Map.of("TransactWrite", List.of("Put", "Update", "Delete", "ConditionCheck"), "TransactGet", List.of("Get"));
  static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]{" + DynamoDbLimits.NAME_MIN_LENGTH + "," + DynamoDbLimits.NAME_MAX_LENGTH + "}");

  final JsonDocument doc;
  final List<SchemaIssue> issues = new ArrayList<>();
  private final Set<String> seen = new HashSet<>();
  final Map<Long, At> patternIds = new HashMap<>();
  final Set<String> entityNames = new LinkedHashSet<>();
  /** The field names of every entity of the table being walked (an item collection's filter may test any). */
  Set<String> tableFieldNames = Set.of();
  /** Type of the first field of each name across all entities; only cross-table patterns need it. */
  Map<String, String> firstFieldType;

  SchemaRules(JsonDocument doc) {
    this.doc = doc;
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
}
