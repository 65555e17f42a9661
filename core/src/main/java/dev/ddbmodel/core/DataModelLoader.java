package dev.ddbmodel.core;

import dev.ddbmodel.core.internal.model.DataModelChecks;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddbmodel.core.json.Json;
import dev.ddbmodel.core.json.JsonDocument;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads {@code dynamodb_data_model.json} and reports every structural and semantic problem at
 * once, each with its JSON Pointer, line and column.
 */
public final class DataModelLoader {
  /** The conventional file name inside a workspace. */
  public static final String FILE_NAME = "dynamodb_data_model.json";

  private DataModelLoader() {}

  /** Reads and checks a file; {@code displayName} appears in diagnostics. */
  public static Validated<DataModel> load(Path path, String displayName) {
    return JsonDocument.read(path, displayName).flatMap(DataModelLoader::fromDocument);
  }

  /** Reads and checks a file, naming it by its file name in diagnostics. */
  public static Validated<DataModel> load(Path path) {
    return load(path, path.getFileName().toString());
  }

  /** Parses and checks JSON text. */
  public static Validated<DataModel> parse(String displayName, String json) {
    return JsonDocument.parse(displayName, json).flatMap(DataModelLoader::fromDocument);
  }

  /** Checks an already parsed document. */
  public static Validated<DataModel> fromDocument(JsonDocument doc) {
    List<Diagnostic> diags = new ArrayList<>(DataModelChecks.check(doc));
    if (diags.stream().anyMatch(Diagnostic::isError)) {
      return Validated.invalid(diags);
    }
    return Validated.valid(build(doc), diags);
  }

  /** Builds records from a document that passed {@link DataModelChecks}. */
  static DataModel build(JsonDocument doc) {
    JsonNode root = doc.root();
    List<TableSpec> tables = new ArrayList<>();
    JsonNode ts = root.path("tables");
    for (int i = 0; i < ts.size(); i++) {
      tables.add(table(ts.get(i), "/tables/" + i));
    }
    Map<String, List<ItemWrite>> items = new LinkedHashMap<>();
    root.path("items")
        .properties().iterator()
        .forEachRemaining(
            e -> {
              List<ItemWrite> list = new ArrayList<>();
              String base = Json.pointer("/items", e.getKey());
              for (int i = 0; i < e.getValue().size(); i++) {
                JsonNode req = e.getValue().get(i);
                String p = base + "/" + i;
                if (req.has("PutRequest")) {
                  list.add(
                      new ItemWrite(
                          ItemWrite.Kind.PUT,
                          e.getKey(),
                          (ObjectNode) req.path("PutRequest").path("Item"),
                          p));
                } else {
                  list.add(
                      new ItemWrite(
                          ItemWrite.Kind.DELETE,
                          e.getKey(),
                          (ObjectNode) req.path("DeleteRequest").path("Key"),
                          p));
                }
              }
              items.put(e.getKey(), list);
            });
    List<AccessPatternSpec> patterns = new ArrayList<>();
    JsonNode aps = root.path("access_patterns");
    for (int i = 0; i < aps.size(); i++) {
      JsonNode ap = aps.get(i);
      patterns.add(
          new AccessPatternSpec(
              ap.path("pattern").asText(),
              ap.path("description").asText(""),
              text(ap, "table"),
              text(ap, "index"),
              text(ap, "dynamodb_operation"),
              text(ap, "implementation"),
              text(ap, "reason"),
              "/access_patterns/" + i,
              text(ap, "expect").flatMap(Expectation::of)));
    }
    return new DataModel(doc.file(), tables, items, patterns);
  }

  private static Optional<String> text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() || v.asText().isBlank()
        ? Optional.empty()
        : Optional.of(v.asText());
  }

  private static TableSpec table(JsonNode t, String pointer) {
    List<AttributeDefinition> defs = new ArrayList<>();
    for (JsonNode a : t.path("AttributeDefinitions")) {
      defs.add(
          new AttributeDefinition(
              a.path("AttributeName").asText(),
              ScalarType.valueOf(a.path("AttributeType").asText())));
    }
    List<IndexSpec> gsis = new ArrayList<>();
    for (JsonNode g : t.path("GlobalSecondaryIndexes")) {
      gsis.add(index(g, true));
    }
    List<IndexSpec> lsis = new ArrayList<>();
    for (JsonNode g : t.path("LocalSecondaryIndexes")) {
      lsis.add(index(g, false));
    }
    Optional<TimeToLive> ttl = Optional.empty();
    JsonNode ttlNode = t.get("TimeToLiveSpecification");
    if (ttlNode != null && ttlNode.isObject()) {
      ttl =
          Optional.of(
              new TimeToLive(
                  ttlNode.path("AttributeName").asText(),
                  ttlNode.path("Enabled").asBoolean(true)));
    }
    ObjectNode request = ((ObjectNode) t).deepCopy();
    for (String extra : DataModelChecks.NON_CREATE_TABLE_KEYS) {
      request.remove(extra);
    }
    for (JsonNode g : request.path("GlobalSecondaryIndexes")) {
      ((ObjectNode) g).remove(DataModelChecks.AUTO_SCALING);
    }
    Optional<PointInTimeRecovery> pitr = Optional.empty();
    JsonNode pitrNode = t.get(DataModelChecks.PITR);
    if (pitrNode != null && pitrNode.isObject()) {
      JsonNode days = pitrNode.get("RecoveryPeriodInDays");
      pitr = Optional.of(new PointInTimeRecovery(pitrNode.path("PointInTimeRecoveryEnabled").asBoolean(false),
          days == null ? OptionalInt.empty() : OptionalInt.of(days.asInt())));
    }
    return new TableSpec(
        t.path("TableName").asText(),
        defs,
        keySchema(t.path("KeySchema")),
        gsis,
        lsis,
        t.path("BillingMode").asText("PAY_PER_REQUEST"),
        ttl,
        request,
        pointer,
        autoScaling(t.get(DataModelChecks.AUTO_SCALING)),
        pitr);
  }

  private static Optional<AutoScaling> autoScaling(JsonNode a) {
    if (a == null || !a.isObject()) {
      return Optional.empty();
    }
    return Optional.of(new AutoScaling(side(a.get("Read")), side(a.get("Write"))));
  }

  private static Optional<AutoScaling.Side> side(JsonNode s) {
    if (s == null || !s.isObject()) {
      return Optional.empty();
    }
    return Optional.of(new AutoScaling.Side(s.path("MinCapacity").asLong(), s.path("MaxCapacity").asLong(),
        s.path("TargetUtilization").asDouble()));
  }

  private static IndexSpec index(JsonNode g, boolean global) {
    JsonNode p = g.path("Projection");
    List<String> nonKey = new ArrayList<>();
    p.path("NonKeyAttributes").forEach(n -> nonKey.add(n.asText()));
    ProjectionType type =
        ProjectionType.valueOf(p.path("ProjectionType").asText("ALL").toUpperCase(Locale.ROOT));
    return new IndexSpec(
        g.path("IndexName").asText(), global, keySchema(g.path("KeySchema")),
        new Projection(type, nonKey), global ? autoScaling(g.get(DataModelChecks.AUTO_SCALING)) : Optional.empty());
  }

  private static List<KeyElement> keySchema(JsonNode ks) {
    List<KeyElement> out = new ArrayList<>();
    for (JsonNode k : ks) {
      out.add(
          new KeyElement(
              k.path("AttributeName").asText(), KeyType.valueOf(k.path("KeyType").asText())));
    }
    return out;
  }

  static SourceLocation at(JsonDocument doc, String pointer) {
    return doc.locate(pointer);
  }
}
