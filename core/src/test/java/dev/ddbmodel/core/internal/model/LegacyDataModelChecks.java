package dev.ddbmodel.core.internal.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.Severity;
import dev.ddbmodel.core.Suggestions;
import dev.ddbmodel.core.internal.guide.DynamoDbLimits;
import dev.ddbmodel.core.json.Json;
import dev.ddbmodel.core.json.JsonDocument;
import dev.ddbmodel.core.internal.checks.IndexReferences;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TEST ONLY: a verbatim copy of {@code DataModelChecks} as it was before the checks were split
 * into the classes of {@code dev.ddbmodel.core.internal.checks} (issue #23, item 2). It exists only
 * for {@code DataModelChecksPinTest}, which compares its output with the new classes over every
 * model fixture and thousands of seeded mutants; do not use or extend it elsewhere, and delete
 * it together with the pin test once the split has settled.
 *
 * <p>The original description: checks a {@code dynamodb_data_model.json} document: structure against the bundled JSON Schema
 * (networknt), then the rules DynamoDB itself would enforce later (key schemas, attribute
 * definitions, projections, item keys and attribute values) and consistency between tables,
 * items and access patterns. Every finding carries a pointer, line, column and hint.
 */
final class LegacyDataModelChecks {
  /** The auto scaling block of a table or GSI (TEAM.md decision 2). */
  static final String AUTO_SCALING = "AutoScaling";

  /** Point-in-time recovery of a table (applied with UpdateContinuousBackups). */
  static final String PITR = "PointInTimeRecoverySpecification";

  /** Table keys accepted in the file but not sent to CreateTable. */
  static final Set<String> NON_CREATE_TABLE_KEYS = Set.of("TimeToLiveSpecification", AUTO_SCALING, PITR);

  /** Classpath location of the JSON Schema. */
  static final String SCHEMA_RESOURCE = "dev/ddbmodel/core/model/dynamodb_data_model.schema.json";

  private static final Holder SCHEMA = new Holder();

  private static final Set<String> READ_OPERATIONS = Set.of("GetItem", "Query", "Scan", "BatchGetItem", "TransactGetItems");

  private static final Set<String> TYPES = Set.of("S", "N", "B", "BOOL", "NULL", "M", "L", "SS", "NS", "BS");

  private LegacyDataModelChecks() {}

  /** The compiled schema and its source tree, loaded once (both immutable after loading). */
  private static final class Holder {
    final Schema schema;
    final JsonNode source;

    Holder() {
      SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
      this.schema = registry.getSchema(SchemaLocation.of("classpath:" + SCHEMA_RESOURCE));
      try (InputStream in = LegacyDataModelChecks.class.getClassLoader().getResourceAsStream(SCHEMA_RESOURCE)) {
        this.source = Json.parseTrusted(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  static List<Diagnostic> check(JsonDocument doc) {
    Collector c = new Collector(doc);
    JsonNode root = doc.root();
    if (!root.isObject()) {
      c.error("DataModel.Structure", "", "the document must be a JSON object, found " + JsonDocument.typeName(root),
          "start the file with {\"tables\": [], \"items\": {}, \"access_patterns\": []}");
      return c.out;
    }
    structure(doc, c);
    Map<String, TableInfo> tables = tables(root.path("tables"), c);
    items(root.path("items"), tables, c);
    patterns(root.path("access_patterns"), tables, c);
    return c.out;
  }

  // ---------------------------------------------------------------- structure (JSON Schema)

  private static void structure(JsonDocument doc, Collector c) {
    List<Error> errors = SCHEMA.schema.validate(Json.compact(doc.root()), InputFormat.JSON);
    for (Error e : errors) {
      String ptr = e.getInstanceLocation().toString();
      if (ptr.equals("$") || ptr.equals("/")) {
        ptr = "";
      }
      JsonNode value = doc.root().at(ptr);
      String name = ptr.isEmpty() ? "the document" : "`" + last(ptr) + "`";
      switch (e.getKeyword()) {
        case "required" -> {
          String prop = e.getProperty();
          boolean top = ptr.isEmpty();
          c.errorAt("DataModel.Required", ptr, "required property `" + prop + "` is missing"
                  + (ptr.isEmpty() ? "" : " in " + name),
              top ? "add \"" + prop + "\" (it may be empty)" : "add \"" + prop + "\"");
        }
        case "additionalProperties" -> {
          String prop = e.getProperty();
          List<String> allowed = allowedProperties(e);
          String where = Json.pointer(ptr, prop);
          String msg = "unknown property `" + prop + "`";
          if (ptr.matches("/tables/\\d+")) {
            msg += ": it is not a CreateTable parameter";
          }
          c.errorAt("DataModel.UnknownProperty", where, msg, allowed.isEmpty() ? "remove it" : Suggestions.hint(prop, allowed));
        }
        case "type" -> {
          Object[] a = e.getArguments();
          String expected = a != null && a.length > 1 ? String.valueOf(a[1]) : "another type";
          String hint = "";
          if (value.isTextual() && (value.asText().equals("True") || value.asText().equals("False") || value.asText().equals("true") || value.asText().equals("false")) && expected.contains("boolean")) {
            hint = "write a JSON boolean without quotes: true or false";
          } else if (expected.contains("array")) {
            hint = "wrap the value in [ ]";
          } else if (expected.contains("object")) {
            hint = "use a JSON object { }";
          } else if (expected.contains("string")) {
            hint = "put the value in double quotes";
          } else {
            hint = "write " + article(expected) + " value";
          }
          c.errorAt("DataModel.Type", ptr, name + " must be " + article(expected) + ", found " + JsonDocument.typeName(value), hint);
        }
        case "enum" -> {
          List<String> options = enumOptions(e);
          String v = value.isTextual() ? value.asText() : value.toString();
          c.errorAt("DataModel.Enum", ptr, "`" + v + "` is not a valid " + last(ptr), Suggestions.hint(v, options));
        }
        case "pattern" -> c.errorAt("DataModel.Name", ptr, "name `" + value.asText() + "` is not a valid DynamoDB name",
            "use 3 to 255 characters: letters, digits, `_`, `-` and `.`");
        case "minItems" -> c.errorAt("DataModel.Empty", ptr, name + " must not be empty", "add at least one entry");
        case "minLength" -> c.errorAt("DataModel.Empty", ptr, name + " must not be empty", "give a value");
        case "minProperties" -> c.errorAt("DataModel.Empty", ptr, name + " must not be empty",
            ptr.contains("Request") ? "list the item's attributes" : "add a PutRequest or DeleteRequest");
        case "maxProperties" -> c.errorAt("DataModel.WriteRequest", ptr, "a write request holds exactly one of `PutRequest` or `DeleteRequest`",
            "split it into two entries");
        case "minimum" -> c.errorAt("DataModel.Range", ptr, name + " must be at least " + first(e.getArguments()), "use a value of at least " + first(e.getArguments()));
        case "maximum" -> c.errorAt("DataModel.Range", ptr, name + " must be at most " + first(e.getArguments()), "use a value of at most " + first(e.getArguments()));
        case "maxLength" -> c.errorAt("DataModel.Range", ptr, name + " must be at most " + first(e.getArguments()) + " characters long", "shorten it");
        default -> c.errorAt("DataModel.Structure", ptr, (ptr.isEmpty() ? "" : name + ": ") + e.getMessage(),
            "see the format in docs/data-model-format.md");
      }
    }
  }

  private static List<String> allowedProperties(Error e) {
    String loc = e.getSchemaLocation().toString();
    int hash = loc.indexOf('#');
    if (hash < 0) {
      return List.of();
    }
    String frag = loc.substring(hash + 1);
    if (frag.endsWith("/additionalProperties")) {
      frag = frag.substring(0, frag.length() - "/additionalProperties".length());
    }
    JsonNode props = SCHEMA.source.at(frag).path("properties");
    List<String> out = new ArrayList<>();
    props.fieldNames().forEachRemaining(n -> {
      if (!n.startsWith("$")) {
        out.add(n);
      }
    });
    return out;
  }

  private static List<String> enumOptions(Error e) {
    List<String> out = new ArrayList<>();
    JsonNode schemaNode = Json.parseTrusted(e.getSchemaNode().toString());
    schemaNode.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static String first(Object[] a) {
    return a == null || a.length == 0 ? "" : String.valueOf(a[0]);
  }

  private static String article(String type) {
    String t = type.replace("[", "").replace("]", "").replace("\"", "");
    return (t.startsWith("a") || t.startsWith("o") || t.startsWith("i") ? "an " : "a ") + t;
  }

  private static String last(String ptr) {
    int i = ptr.lastIndexOf('/');
    return (i < 0 ? ptr : ptr.substring(i + 1)).replace("~1", "/").replace("~0", "~");
  }

  // ---------------------------------------------------------------- tables

  /** What the item and pattern checks need to know about a table. */
  record TableInfo(String name, Map<String, String> types, List<String> keys, Map<String, List<String>> indexKeys,
      Map<String, String> indexPointers, String ttlAttribute) {}

  private static Map<String, TableInfo> tables(JsonNode tables, Collector c) {
    Map<String, TableInfo> out = new LinkedHashMap<>();
    if (!tables.isArray()) {
      return out;
    }
    for (int i = 0; i < tables.size(); i++) {
      JsonNode t = tables.get(i);
      String p = "/tables/" + i;
      if (!t.isObject() || !t.path("TableName").isTextual()) {
        continue;
      }
      String name = t.get("TableName").asText();
      if (out.containsKey(name)) {
        c.errorAt("DataModel.DuplicateTable", p + "/TableName", "table `" + name + "` is defined twice", "rename or remove one of them");
        continue;
      }
      Map<String, String> types = new LinkedHashMap<>();
      JsonNode defs = arr(t.path("AttributeDefinitions"));
      for (int d = 0; d < defs.size(); d++) {
        JsonNode def = defs.get(d);
        if (def.path("AttributeName").isTextual() && def.path("AttributeType").isTextual()) {
          String an = def.get("AttributeName").asText();
          if (types.containsKey(an)) {
            c.errorAt("DataModel.DuplicateAttributeDefinition", p + "/AttributeDefinitions/" + d, "attribute `" + an + "` is defined twice", "keep one definition");
          }
          String at = def.get("AttributeType").asText();
          types.put(an, at.equals("S") || at.equals("N") || at.equals("B") ? at : null);
        }
      }
      Set<String> used = new HashSet<>();
      List<String> tableKeys = keySchema(t.path("KeySchema"), p + "/KeySchema", types, used, c, "table", 1, 1);
      String hash = tableKeys.isEmpty() ? null : tableKeys.get(0);
      boolean hasRange = tableKeys.size() > 1;
      Map<String, List<String>> indexKeys = new LinkedHashMap<>();
      Map<String, String> indexPointers = new LinkedHashMap<>();
      Set<String> indexNames = new HashSet<>();
      for (String kind : List.of("GlobalSecondaryIndexes", "LocalSecondaryIndexes")) {
        JsonNode idx = arr(t.path(kind));
        boolean global = kind.startsWith("Global");
        if (global && idx.size() > DynamoDbLimits.GSI_QUOTA) {
          c.warnAt("DataModel.TooManyIndexes", p + "/" + kind, "table `" + name + "` has " + idx.size() + " global secondary indexes; the default quota is "
                  + DynamoDbLimits.GSI_QUOTA,
              "merge indexes (overloading) or request a quota increase");
        }
        if (!global && idx.size() > DynamoDbLimits.LSI_MAX) {
          c.errorAt("DataModel.TooManyIndexes", p + "/" + kind, "a table can have at most " + DynamoDbLimits.LSI_MAX + " local secondary indexes",
              "use global secondary indexes");
        }
        for (int g = 0; g < idx.size(); g++) {
          JsonNode ix = idx.get(g);
          String ip = p + "/" + kind + "/" + g;
          if (!ix.isObject() || !ix.path("IndexName").isTextual()) {
            continue;
          }
          String in = ix.get("IndexName").asText();
          if (!indexNames.add(in)) {
            c.errorAt("DataModel.DuplicateIndex", ip + "/IndexName", "index `" + in + "` is defined twice on table `" + name + "`", "give each index its own name");
          }
          List<String> ik = keySchema(ix.path("KeySchema"), ip + "/KeySchema", types, used, c, global ? "global index" : "local index", global ? DynamoDbLimits.GSI_KEY_ATTRIBUTES : 1, global ? DynamoDbLimits.GSI_KEY_ATTRIBUTES : 1);
          if (!global && hash != null && !ik.isEmpty()) {
            if (!ik.get(0).equals(hash)) {
              c.errorAt("DataModel.LocalIndexKeySchema", ip + "/KeySchema", "local index `" + in + "` must use the table's partition key `" + hash + "`",
                  "a local index only changes the sort key; use a global index for another partition key");
            }
            if (!hasRange) {
              c.errorAt("DataModel.LocalIndexKeySchema", ip, "local indexes need a table with a sort key", "add a RANGE key to the table or use a global index");
            }
            if (ik.size() != 2) {
              c.errorAt("DataModel.LocalIndexKeySchema", ip + "/KeySchema", "local index `" + in + "` needs exactly one HASH and one RANGE attribute", "");
            }
          }
          indexKeys.put(in, ik);
          indexPointers.putIfAbsent(in, ip);
          projection(ix.path("Projection"), ip + "/Projection", ik, tableKeys, c);
          throughputForIndex(t, ix, ip, global, c);
        }
      }
      JsonNode defsNode = arr(t.path("AttributeDefinitions"));
      for (int d = 0; d < defsNode.size(); d++) {
        String an = defsNode.get(d).path("AttributeName").asText(null);
        if (an != null && !used.contains(an)) {
          c.errorAt("DataModel.UnusedAttributeDefinition", p + "/AttributeDefinitions/" + d,
              "attribute `" + an + "` is defined but is not a key of the table or of an index",
              "remove it: AttributeDefinitions lists key attributes only (DynamoDB rejects the table otherwise)");
        }
      }
      String billing = t.path("BillingMode").asText("PAY_PER_REQUEST");
      if (billing.equals("PROVISIONED") && !t.has("ProvisionedThroughput")) {
        c.errorAt("DataModel.Throughput", p, "table `" + name + "` uses PROVISIONED billing but has no ProvisionedThroughput",
            "add {\"ReadCapacityUnits\": 5, \"WriteCapacityUnits\": 5} or use PAY_PER_REQUEST");
      }
      if (billing.equals("PAY_PER_REQUEST") && t.has("ProvisionedThroughput")) {
        c.errorAt("DataModel.Throughput", p + "/ProvisionedThroughput", "ProvisionedThroughput is not allowed with PAY_PER_REQUEST billing",
            "remove it or set \"BillingMode\": \"PROVISIONED\"");
      }
      settings(t, p, name, billing, c);
      JsonNode ttl = t.path("TimeToLiveSpecification");
      if (ttl.path("AttributeName").isTextual()) {
        String ta = ttl.get("AttributeName").asText();
        if (types.containsKey(ta) && used.contains(ta)) {
          c.warnAt("DataModel.TtlOnKey", p + "/TimeToLiveSpecification/AttributeName", "TTL attribute `" + ta + "` is also a key attribute",
              "use a separate number attribute holding the expiry time in epoch seconds");
        }
      }
      out.put(name, new TableInfo(name, types, tableKeys, indexKeys, indexPointers,
          ttl.path("AttributeName").isTextual() && ttl.path("Enabled").asBoolean(true) ? ttl.get("AttributeName").asText() : null));
    }
    return out;
  }

  /**
   * Table settings beyond keys and indexes: auto scaling, streams, the resource policy and the
   * projected-attribute limit. Each rule follows what DynamoDB (or, for the auto scaling block,
   * Application Auto Scaling) does; docs/data-model-format.md names the source of each.
   */
  private static void settings(JsonNode t, String p, String name, String billing, Collector c) {
    autoScaling(t, p, "table `" + name + "`", billing, c);
    JsonNode stream = t.path("StreamSpecification");
    if (stream.path("StreamEnabled").asBoolean(false) && !stream.has("StreamViewType")) {
      c.errorAt("DataModel.Stream", p + "/StreamSpecification", "a stream needs a StreamViewType when StreamEnabled is true",
          "add \"StreamViewType\": \"NEW_AND_OLD_IMAGES\" (or NEW_IMAGE, OLD_IMAGE, KEYS_ONLY)");
    }
    if (stream.isObject() && !stream.path("StreamEnabled").asBoolean(true) && stream.has("StreamViewType")) {
      c.errorAt("DataModel.Stream", p + "/StreamSpecification/StreamViewType", "StreamViewType is only allowed when StreamEnabled is true",
          "remove StreamViewType, or set StreamEnabled to true");
    }
    JsonNode sse = t.path("SSESpecification");
    if (sse.has("KMSMasterKeyId") && !sse.path("SSEType").asText("").equals("KMS")) {
      c.errorAt("DataModel.Sse", p + "/SSESpecification/KMSMasterKeyId", "KMSMasterKeyId needs \"SSEType\": \"KMS\"",
          "add \"SSEType\": \"KMS\" and \"Enabled\": true");
    }
    if (t.path("ResourcePolicy").isTextual()) {
      JsonNode policy = null;
      try {
        policy = Json.parseTrusted(t.get("ResourcePolicy").asText());
      } catch (RuntimeException e) {
        policy = null;
      }
      if (policy == null || !policy.isObject() || !policy.has("Statement")) {
        c.errorAt("DataModel.ResourcePolicy", p + "/ResourcePolicy", "ResourcePolicy must be a JSON policy document (an object with `Statement`) in a string",
            "serialize the policy document ({\"Version\": \"2012-10-17\", \"Statement\": [...]}) into the string");
      }
    }
    int projected = 0;
    for (String kind : List.of("GlobalSecondaryIndexes", "LocalSecondaryIndexes")) {
      for (JsonNode ix : arr(t.path(kind))) {
        projected += arr(ix.path("Projection").path("NonKeyAttributes")).size();
      }
    }
    if (projected > DynamoDbLimits.PROJECTED_ATTRIBUTES_MAX) {
      c.errorAt("DataModel.TooManyProjectedAttributes", p, "the indexes of table `" + name + "` project " + projected
              + " NonKeyAttributes in total; DynamoDB allows " + DynamoDbLimits.PROJECTED_ATTRIBUTES_MAX + " over all indexes of a table",
          "project fewer attributes, or use ProjectionType ALL");
    }
  }

  /** The AutoScaling block of a table or GSI (TEAM.md decision 2). */
  private static void autoScaling(JsonNode owner, String p, String what, String billing, Collector c) {
    JsonNode a = owner.get(AUTO_SCALING);
    if (a == null || !a.isObject()) {
      return;
    }
    String ap = p + "/" + AUTO_SCALING;
    if (!billing.equals("PROVISIONED")) {
      c.errorAt("DataModel.AutoScaling", ap, "auto scaling adjusts provisioned capacity, but " + what + " uses " + billing + " billing",
          "remove AutoScaling, or set \"BillingMode\": \"PROVISIONED\" with ProvisionedThroughput");
      return;
    }
    JsonNode pt = owner.path("ProvisionedThroughput");
    for (String side : List.of("Read", "Write")) {
      JsonNode s = a.path(side);
      if (!s.path("MinCapacity").isIntegralNumber() || !s.path("MaxCapacity").isIntegralNumber()) {
        continue;
      }
      long min = s.get("MinCapacity").asLong();
      long max = s.get("MaxCapacity").asLong();
      if (min > max) {
        // Application Auto Scaling's RegisterScalableTarget refuses it (ValidationException)
        c.errorAt("DataModel.AutoScaling", ap + "/" + side, side + " MinCapacity " + min + " is larger than MaxCapacity " + max + " on " + what,
            "swap them, or raise MaxCapacity");
        continue;
      }
      JsonNode units = pt.path(side + "CapacityUnits");
      if (units.isIntegralNumber() && (units.asLong() < min || units.asLong() > max)) {
        c.warnAt("DataModel.AutoScalingRange", ap + "/" + side, what + " provisions " + units.asLong() + " " + side.toLowerCase(java.util.Locale.ROOT)
                + " capacity units, outside its auto scaling range " + min + "-" + max + "; Application Auto Scaling moves it into the range",
            "set ProvisionedThroughput." + side + "CapacityUnits between " + min + " and " + max);
      }
    }
  }

  private static void throughputForIndex(JsonNode t, JsonNode ix, String ip, boolean global, Collector c) {
    String billing = t.path("BillingMode").asText("PAY_PER_REQUEST");
    if (!global) {
      return;
    }
    autoScaling(ix, ip, "global index `" + ix.path("IndexName").asText() + "`", billing, c);
    if (billing.equals("PROVISIONED") && !ix.has("ProvisionedThroughput")) {
      c.errorAt("DataModel.Throughput", ip, "with PROVISIONED billing every global index needs ProvisionedThroughput", "add it to the index");
    }
    if (billing.equals("PAY_PER_REQUEST") && ix.has("ProvisionedThroughput")) {
      c.errorAt("DataModel.Throughput", ip + "/ProvisionedThroughput", "ProvisionedThroughput is not allowed with PAY_PER_REQUEST billing", "remove it");
    }
  }

  /** Checks a key schema; returns its attribute names (HASH ones first). */
  private static List<String> keySchema(JsonNode ks, String p, Map<String, String> types, Set<String> used, Collector c, String what, int maxHash, int maxRange) {
    ks = arr(ks);
    List<String> hashes = new ArrayList<>();
    List<String> ranges = new ArrayList<>();
    boolean rangeSeen = false;
    boolean invalid = false;
    Set<String> seen = new HashSet<>();
    for (int k = 0; k < ks.size(); k++) {
      JsonNode e = ks.get(k);
      if (!e.path("AttributeName").isTextual() || !e.path("KeyType").isTextual()) {
        continue;
      }
      String an = e.get("AttributeName").asText();
      String kt = e.get("KeyType").asText();
      used.add(an);
      if (!seen.add(an)) {
        c.errorAt("DataModel.KeySchema", p + "/" + k, "attribute `" + an + "` appears twice in the key schema", "use each attribute once");
      }
      if (!types.containsKey(an)) {
        c.errorAt("DataModel.UndefinedKeyAttribute", p + "/" + k + "/AttributeName", "key attribute `" + an + "` has no AttributeDefinitions entry",
            Suggestions.closest(an, types.keySet()).map(s -> "did you mean `" + s + "`? ").orElse("")
                + "add {\"AttributeName\": \"" + an + "\", \"AttributeType\": \"S\"} (or N, B)");
      }
      if (!kt.equals("HASH") && !kt.equals("RANGE")) {
        invalid = true;
      } else if (kt.equals("HASH")) {
        if (rangeSeen) {
          c.errorAt("DataModel.KeySchema", p + "/" + k, "HASH attribute `" + an + "` comes after a RANGE attribute", "list HASH attributes first");
        }
        hashes.add(an);
      } else {
        rangeSeen = true;
        ranges.add(an);
      }
    }
    if (ks.size() > 0 && !invalid) {
      if (hashes.isEmpty()) {
        c.errorAt("DataModel.KeySchema", p, "the " + what + " key schema has no HASH (partition key) attribute", "add {\"AttributeName\": \"pk\", \"KeyType\": \"HASH\"}");
      }
      if (hashes.size() > maxHash) {
        c.errorAt("DataModel.KeySchema", p, "the " + what + " key schema has " + hashes.size() + " HASH attributes; at most " + maxHash + " allowed",
            maxHash == 1 ? (what.equals("table") ? "base tables take one partition key attribute; multi-attribute keys exist only on global indexes" : "") : "combine attributes or drop some");
      }
      if (ranges.size() > maxRange) {
        c.errorAt("DataModel.KeySchema", p, "the " + what + " key schema has " + ranges.size() + " RANGE attributes; at most " + maxRange + " allowed",
            maxRange == 1 && what.equals("table") ? "base tables take one sort key attribute; build a composite value like `TYPE#date#id`" : "drop some");
      }
    }
    List<String> out = new ArrayList<>(hashes);
    out.addAll(ranges);
    return out;
  }

  private static void projection(JsonNode proj, String p, List<String> indexKeys, List<String> tableKeys, Collector c) {
    if (!proj.isObject() || !proj.path("ProjectionType").isTextual()) {
      return;
    }
    String type = proj.get("ProjectionType").asText();
    JsonNode nka = arr(proj.path("NonKeyAttributes"));
    if (type.equals("INCLUDE") && nka.isEmpty()) {
      c.errorAt("DataModel.Projection", p, "an INCLUDE projection needs NonKeyAttributes", "list the attributes to copy, or use KEYS_ONLY");
    }
    if (!type.equals("INCLUDE") && proj.has("NonKeyAttributes")) {
      c.errorAt("DataModel.Projection", p + "/NonKeyAttributes", "NonKeyAttributes is only allowed with ProjectionType INCLUDE",
          "remove it, or change the projection to INCLUDE");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < nka.size(); i++) {
      String a = nka.get(i).asText();
      if (indexKeys.contains(a) || tableKeys.contains(a)) {
        // DynamoDB creates such an index (DynamoDB Local too, DataModelRulesLocalIT): key attributes are projected anyway
        c.warnAt("DataModel.ProjectionKeyAttribute", p + "/NonKeyAttributes/" + i, "`" + a + "` is a key attribute of the "
                + (indexKeys.contains(a) ? "index" : "table") + "; key attributes are always projected, so listing it changes nothing",
            "remove it from NonKeyAttributes");
      }
      if (!seen.add(a)) {
        c.errorAt("DataModel.Projection", p + "/NonKeyAttributes/" + i, "`" + a + "` is listed twice", "list it once");
      }
    }
  }

  // ---------------------------------------------------------------- items

  private static void items(JsonNode items, Map<String, TableInfo> tables, Collector c) {
    if (!items.isObject()) {
      return;
    }
    Set<String> withItems = new HashSet<>();
    items.fields().forEachRemaining(e -> {
      String table = e.getKey();
      String tp = Json.pointer("/items", table);
      TableInfo info = tables.get(table);
      if (info == null) {
        c.errorAt("DataModel.UnknownItemTable", tp, "items are given for table `" + table + "`, which is not defined in `tables`",
            Suggestions.hint(table, tables.keySet()));
        return;
      }
      if (!e.getValue().isArray()) {
        return;
      }
      if (!e.getValue().isEmpty()) {
        withItems.add(table);
      }
      Map<String, String> keysSeen = new HashMap<>();
      for (int i = 0; i < e.getValue().size(); i++) {
        JsonNode req = e.getValue().get(i);
        String ip = tp + "/" + i;
        boolean put = req.has("PutRequest");
        JsonNode attrs = put ? req.path("PutRequest").path("Item") : req.path("DeleteRequest").path("Key");
        String ap = ip + (put ? "/PutRequest/Item" : "/DeleteRequest/Key");
        if (!attrs.isObject()) {
          continue;
        }
        boolean valuesOk = true;
        for (var it = attrs.fields(); it.hasNext(); ) {
          var a = it.next();
          int before = c.out.size();
          value(a.getValue(), Json.pointer(ap, a.getKey()), c);
          valuesOk &= c.out.size() == before;
        }
        long size = ItemSizes.of(attrs);
        if (size > DynamoDbLimits.MAX_ITEM_BYTES) {
          c.errorAt("DataModel.ItemTooLarge", ap, "the item is " + size + " bytes; DynamoDB items are limited to " + DynamoDbLimits.MAX_ITEM_BYTES / 1024 + " KB ("
                  + DynamoDbLimits.MAX_ITEM_BYTES + " bytes, attribute names included)",
              "move large values to S3 and store a reference");
        }
        if (!valuesOk) {
          continue;
        }
        keySizes(attrs, info, ap, c);
        if (put && info.ttlAttribute() != null && attrs.has(info.ttlAttribute()) && !attrs.get(info.ttlAttribute()).has("N")) {
          // DynamoDB's TTL only acts on Number attributes holding epoch seconds; any other type is ignored
          c.warnAt("DataModel.TtlNotNumber", Json.pointer(ap, info.ttlAttribute()), "TTL attribute `" + info.ttlAttribute() + "` holds "
                  + attrs.get(info.ttlAttribute()).fieldNames().next() + ", not a number: DynamoDB never expires this item",
              "store the expiry as {\"N\": \"<epoch seconds>\"}");
        }
        for (String k : info.keys()) {
          JsonNode v = attrs.get(k);
          String want = info.types().get(k);
          if (v == null) {
            c.errorAt("DataModel.ItemMissingKey", ap, "the item has no value for key attribute `" + k + "` of table `" + table + "`",
                "add \"" + k + "\": {\"" + (want == null ? "S" : want) + "\": ...}");
          } else {
            keyType(v, k, want, Json.pointer(ap, k), c);
          }
        }
        if (!put) {
          attrs.fieldNames().forEachRemaining(n -> {
            if (!info.keys().contains(n)) {
              c.errorAt("DataModel.DeleteKey", Json.pointer(ap, n), "`" + n + "` is not a key attribute; a DeleteRequest key holds only the table's key", "remove it");
            }
          });
        }
        if (put) {
          for (Map.Entry<String, List<String>> ix : info.indexKeys().entrySet()) {
            for (String k : ix.getValue()) {
              JsonNode v = attrs.get(k);
              if (v != null && !info.keys().contains(k)) {
                keyType(v, k, info.types().get(k), Json.pointer(ap, k), c);
              }
            }
          }
          String keyString = info.keys().stream().map(k -> String.valueOf(attrs.get(k))).reduce("", (a, b) -> a + "|" + b);
          String prev = keysSeen.putIfAbsent(keyString, ip);
          if (prev != null) {
            c.errorAt("DataModel.DuplicateItemKey", ip, "this item has the same primary key as `" + prev + "`",
                "give each sample item its own key (BatchWriteItem rejects duplicates in one request)");
          }
        }
      }
    });
    for (String t : tables.keySet()) {
      if (!withItems.contains(t)) {
        c.warnAt("DataModel.NoItems", "/items", "table `" + t + "` has no sample items, so its access patterns can only return empty results",
            "add 5-10 realistic items covering each entity type");
      }
    }
  }

  /** DynamoDB's key size limits: partition key values up to 2048 bytes, sort key values up to 1024. */
  private static void keySizes(JsonNode attrs, TableInfo info, String ap, Collector c) {
    for (int k = 0; k < info.keys().size(); k++) {
      String key = info.keys().get(k);
      long limit = k == 0 ? DynamoDbLimits.MAX_PARTITION_KEY_BYTES : DynamoDbLimits.MAX_SORT_KEY_BYTES;
      long size = ItemSizes.value(attrs.get(key));
      if (size > limit) {
        c.errorAt("DataModel.KeyTooLarge", Json.pointer(ap, key), (k == 0 ? "partition" : "sort") + " key `" + key + "` is " + size
                + " bytes; DynamoDB allows " + limit, "shorten the key value (hash long natural keys)");
      }
    }
  }

  private static void keyType(JsonNode v, String attr, String want, String p, Collector c) {
    if (want == null || !v.isObject() || v.size() != 1) {
      return;
    }
    String got = v.fieldNames().next();
    if (!got.equals(want)) {
      c.errorAt("DataModel.ItemKeyType", p, "key attribute `" + attr + "` is declared as `" + want + "` but the item gives `" + got + "`",
          "write it as {\"" + want + "\": ...} or change its AttributeType");
    } else if (v.get(got).isTextual() && v.get(got).asText().isEmpty()) {
      c.errorAt("DataModel.ItemEmptyKey", p, "key attribute `" + attr + "` is an empty string", "key values must not be empty");
    }
  }

  /** Checks one DynamoDB-JSON value (its size comes from {@link ItemSizes}). */
  private static void value(JsonNode v, String p, Collector c) {
    if (!v.isObject() || v.size() != 1) {
      String hint = v.isObject() && v.size() > 1 ? "keep exactly one type key, e.g. {\"S\": \"text\"}"
          : v.isTextual() ? "wrap it: {\"S\": " + Json.compact(v) + "}"
          : v.isNumber() ? "wrap it: {\"N\": \"" + v.asText() + "\"}"
          : v.isBoolean() ? "wrap it: {\"BOOL\": " + v.asText() + "}"
          : "use DynamoDB JSON, e.g. {\"S\": \"text\"}";
      c.errorAt("DataModel.AttributeValue", p, "an attribute value must be an object with exactly one type key (S, N, B, BOOL, NULL, M, L, SS, NS, BS)", hint);
      return;
    }
    String type = v.fieldNames().next();
    JsonNode x = v.get(type);
    String tp = Json.pointer(p, type);
    switch (type) {
      case "S":
        if (!x.isTextual()) {
          c.errorAt("DataModel.AttributeValue", tp, "an `S` value must be a JSON string", "put the value in double quotes");
          return;
        }
        return;
      case "N":
        if (x.isNumber()) {
          c.errorAt("DataModel.AttributeValue", tp, "an `N` value must be written as a string", "write {\"N\": \"" + x.asText() + "\"}");
          return;
        }
        if (!x.isTextual() || !isNumber(x.asText())) {
          c.errorAt("DataModel.AttributeValue", tp, "an `N` value must be a number in a string, found `" + x.asText() + "`", "e.g. {\"N\": \"42.5\"}");
          return;
        }
        return;
      case "B":
        if (!x.isTextual() || !isBase64(x.asText())) {
          c.errorAt("DataModel.AttributeValue", tp, "a `B` value must be base64 text", "encode the bytes as base64");
          return;
        }
        return;
      case "BOOL":
        if (!x.isBoolean()) {
          c.errorAt("DataModel.AttributeValue", tp, "a `BOOL` value must be JSON true or false, found " + JsonDocument.typeName(x) + " " + x,
              "write {\"BOOL\": true} without quotes (not \"True\" or \"true\")");
          return;
        }
        return;
      case "NULL":
        if (!x.isBoolean() || !x.booleanValue()) {
          c.errorAt("DataModel.AttributeValue", tp, "a `NULL` value must be true", "write {\"NULL\": true}");
        }
        return;
      case "M": {
        if (!x.isObject()) {
          c.errorAt("DataModel.AttributeValue", tp, "an `M` value must be an object of attribute values", "e.g. {\"M\": {\"a\": {\"S\": \"x\"}}}");
          return;
        }
        for (var it = x.fields(); it.hasNext(); ) {
          var e = it.next();
          value(e.getValue(), Json.pointer(tp, e.getKey()), c);
        }
        return;
      }
      case "L": {
        if (!x.isArray()) {
          c.errorAt("DataModel.AttributeValue", tp, "an `L` value must be an array of attribute values", "e.g. {\"L\": [{\"S\": \"x\"}]}");
          return;
        }
        for (int i = 0; i < x.size(); i++) {
          value(x.get(i), tp + "/" + i, c);
        }
        return;
      }
      case "SS":
      case "NS":
      case "BS": {
        if (!x.isArray() || x.isEmpty()) {
          c.errorAt("DataModel.AttributeValue", tp, "a `" + type + "` value must be a non-empty array", "sets cannot be empty; omit the attribute instead");
          return;
        }
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < x.size(); i++) {
          JsonNode e = x.get(i);
          if (!e.isTextual() || (type.equals("NS") && !isNumber(e.asText())) || (type.equals("BS") && !isBase64(e.asText()))) {
            c.errorAt("DataModel.AttributeValue", tp + "/" + i, "set members of `" + type + "` must be " + (type.equals("NS") ? "numbers in strings" : type.equals("BS") ? "base64 strings" : "strings"), "");
            continue;
          }
          if (!seen.add(e.asText())) {
            c.errorAt("DataModel.AttributeValue", tp + "/" + i, "`" + e.asText() + "` appears twice in the set", "set members must be unique");
          }
        }
        return;
      }
      default:
        c.errorAt("DataModel.AttributeValue", tp, "`" + type + "` is not a DynamoDB type", Suggestions.hint(type, TYPES));
        return;
    }
  }

  private static boolean isNumber(String s) {
    try {
      new java.math.BigDecimal(s.trim());
      return !s.isBlank();
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static boolean isBase64(String s) {
    try {
      java.util.Base64.getDecoder().decode(s);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  // ---------------------------------------------------------------- access patterns

  private static void patterns(JsonNode aps, Map<String, TableInfo> tables, Collector c) {
    if (!aps.isArray()) {
      return;
    }
    Map<String, String> ids = new HashMap<>();
    Set<String> usedIndexes = new HashSet<>();
    Set<IndexReferences.Ref> commandIndexes = new HashSet<>();
    for (int i = 0; i < aps.size(); i++) {
      JsonNode ap = aps.get(i);
      String p = "/access_patterns/" + i;
      if (!ap.isObject()) {
        continue;
      }
      if (ap.path("pattern").isTextual()) {
        String id = ap.get("pattern").asText();
        String prev = ids.putIfAbsent(id, p);
        if (prev != null) {
          c.errorAt("DataModel.DuplicatePattern", p + "/pattern", "pattern id `" + id + "` is already used by `" + prev + "`", "give each pattern its own id (e.g. `5a`, `5b`)");
        }
      }
      boolean hasImpl = ap.path("implementation").isTextual() && !ap.get("implementation").asText().isBlank();
      boolean hasReason = ap.path("reason").isTextual() && !ap.get("reason").asText().isBlank();
      if (!hasImpl && !hasReason) {
        c.errorAt("DataModel.PatternUnimplemented", p, "the pattern has neither `implementation` nor `reason`",
            "add one `aws dynamodb ...` command, or a `reason` if another service serves it");
      } else if (hasImpl && hasReason) {
        c.errorAt("DataModel.PatternImplementationAndReason", p, "the pattern has both `implementation` and `reason`",
            "keep `implementation` for DynamoDB patterns, `reason` only for patterns served elsewhere");
      }
      if (hasImpl) {
        String impl = ap.get("implementation").asText().strip();
        commandIndexes.addAll(IndexReferences.of(impl));
        if (!impl.startsWith("aws dynamodb ")) {
          c.errorAt("DataModel.NotAwsDynamoDb", p + "/implementation", "the implementation must be one command starting with `aws dynamodb `",
              "e.g. aws dynamodb query --table-name Orders ...");
        }
        if (!ap.has("dynamodb_operation")) {
          c.warnAt("DataModel.OperationMissing", p, "the pattern does not say which `dynamodb_operation` it uses", "add e.g. \"dynamodb_operation\": \"Query\"");
        }
        if (!ap.path("table").isTextual()) {
          c.warnAt("DataModel.PatternTableMissing", p, "the pattern does not name its `table`", "add \"table\": \"<TableName>\"");
        }
      }
      String expect = ap.path("expect").asText("");
      String operation = ap.path("dynamodb_operation").asText("");
      boolean readOp = READ_OPERATIONS.contains(operation);
      if ((expect.equals("refused") && readOp) || (expect.equals("empty") && !readOp && !operation.isEmpty())) {
        c.errorAt("DataModel.ExpectMismatch", p + "/expect", "a " + operation + " pattern cannot have the outcome `" + expect + "`",
            readOp ? "reads are never refused by a condition: use \"items\" or \"empty\"" : "writes return no items: use \"items\" or \"refused\"");
      }
      if (ap.path("table").isTextual()) {
        String tn = ap.get("table").asText();
        TableInfo info = tables.get(tn);
        if (info == null && !tables.isEmpty()) {
          c.errorAt("DataModel.UnknownPatternTable", p + "/table", "table `" + tn + "` is not defined in `tables`", Suggestions.hint(tn, tables.keySet()));
        } else if (info != null && ap.path("index").isTextual() && !ap.get("index").asText().isBlank()) {
          String in = ap.get("index").asText();
          usedIndexes.add(tn + "/" + in);
          if (!info.indexKeys().containsKey(in)) {
            c.errorAt("DataModel.UnknownPatternIndex", p + "/index", "table `" + tn + "` has no index `" + in + "`",
                info.indexKeys().isEmpty() ? "the table has no secondary indexes" : Suggestions.hint(in, info.indexKeys().keySet()));
          }
        }
      }
    }
    for (TableInfo t : tables.values()) {
      for (String in : t.indexKeys().keySet()) {
        boolean named = commandIndexes.contains(new IndexReferences.Ref(t.name(), in)) || commandIndexes.contains(new IndexReferences.Ref(null, in));
        if (!usedIndexes.contains(t.name() + "/" + in) && !named) {
          c.warnAt("DataModel.UnusedIndex", t.indexPointers().get(in), "index `" + in + "` of table `" + t.name() + "` is not used by any access pattern",
              "remove it (every index costs storage and write capacity) or add the pattern that needs it");
        }
      }
    }
  }

  /** The node when it is an array, else an empty array (structure errors are reported elsewhere). */
  private static JsonNode arr(JsonNode n) {
    return n != null && n.isArray() ? n : Json.array();
  }

  // ---------------------------------------------------------------- collector

  private static final class Collector {
    final JsonDocument doc;
    final List<Diagnostic> out = new ArrayList<>();
    final Set<String> seen = new HashSet<>();

    Collector(JsonDocument doc) {
      this.doc = doc;
    }

    void error(String id, String ptr, String msg, String hint) {
      add(id, Severity.ERROR, ptr, msg, hint);
    }

    void errorAt(String id, String ptr, String msg, String hint) {
      add(id, Severity.ERROR, ptr, msg, hint);
    }

    void warnAt(String id, String ptr, String msg, String hint) {
      add(id, Severity.WARNING, ptr, msg, hint);
    }

    private void add(String id, Severity s, String ptr, String msg, String hint) {
      if (seen.add(id + "\u0000" + ptr + "\u0000" + msg)) {
        out.add(new Diagnostic(id, s, msg, doc.locate(ptr), hint));
      }
    }
  }
}
