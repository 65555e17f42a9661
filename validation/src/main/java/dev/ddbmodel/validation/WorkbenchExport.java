package dev.ddbmodel.validation;

import dev.ddbmodel.validation.internal.workbench.KeyTemplates;
import dev.ddbmodel.validation.internal.workbench.WorkbenchFormat;
import dev.ddbmodel.core.io.Outputs;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.Validated;
import dev.ddbmodel.core.json.Json;
import dev.ddbmodel.core.json.JsonDocument;
import dev.ddbmodel.core.DataModelLoader;
import dev.ddbmodel.schema.SchemaLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes a NoSQL Workbench model file (format 3.0) from {@code dynamodb_data_model.json} and, when
 * present, the entities of {@code schema.json} as facets. What Workbench cannot hold (access
 * patterns, streams, TTL, tags, per-index capacity...) is reported as {@code Workbench.NotCarried};
 * {@link WorkbenchImport} reads the file back to the same model.
 */
public final class WorkbenchExport {
  /** Default file name inside the workspace. */
  public static final String DEFAULT_FILE = "workbench_model.json";

  /** Table properties a Workbench table holds. */
  private static final Set<String> CARRIED_TABLE_KEYS = Set.of("TableName", "AttributeDefinitions", "KeySchema", "BillingMode",
      "ProvisionedThroughput", "AutoScaling", "GlobalSecondaryIndexes", "LocalSecondaryIndexes");

  private static final Set<String> CARRIED_INDEX_KEYS = Set.of("IndexName", "KeySchema", "Projection", "ProvisionedThroughput", "AutoScaling");

  /** How Workbench writes its dates (English month names, whatever the machine's locale). */
  private static final DateTimeFormatter WORKBENCH_DATE = DateTimeFormatter.ofPattern("MMM dd, yyyy, hh:mm a", Locale.US).withZone(ZoneOffset.UTC);

  private WorkbenchExport() {}

  /** Reads the workspace's model (and schema.json unless told not to) and writes the Workbench file. */
  public static Validated<ExportResult> run(ExportRequest req) {
    Path ws = req.workspace().toAbsolutePath().normalize();
    Path modelFile = ws.resolve(DataModelLoader.FILE_NAME);
    if (!Files.isRegularFile(modelFile)) {
      return Validated.invalid(Diagnostic.usage("Workbench.NoModel", "`" + modelFile + "` does not exist", dev.ddbmodel.core.SourceLocation.NONE,
          "pass the folder that holds dynamodb_data_model.json"));
    }
    Validated<JsonDocument> doc = JsonDocument.read(modelFile, DataModelLoader.FILE_NAME);
    Validated<?> model = doc.flatMap(DataModelLoader::fromDocument);
    if (!model.isValid()) {
      return Validated.invalid(model.diagnostics());
    }
    Optional<JsonDocument> schema = Optional.empty();
    Path schemaFile = ws.resolve(WorkbenchImport.SCHEMA_FILE);
    if (req.useSchema() && Files.isRegularFile(schemaFile)) {
      Validated<JsonDocument> sd = JsonDocument.read(schemaFile, WorkbenchImport.SCHEMA_FILE);
      Validated<?> s = sd.flatMap(SchemaLoader::fromDocument);
      if (!s.isValid()) {
        List<Diagnostic> ds = new ArrayList<>(s.diagnostics());
        ds.add(Diagnostic.error("Workbench.SchemaInvalid", "schema.json is invalid, so its entities cannot become facets",
            dev.ddbmodel.core.SourceLocation.of(WorkbenchImport.SCHEMA_FILE, ""), "fix schema.json, or export without facets (--no-schema)"));
        return Validated.invalid(ds);
      }
      schema = Optional.of(sd.unwrap());
    }
    String name = req.modelName().orElse(ws.getFileName() == null ? "model" : ws.getFileName().toString());
    Conversion c = convert(doc.unwrap(), schema, name, req.now());
    Path target = req.outFile().map(p -> p.toAbsolutePath().normalize()).orElse(ws.resolve(DEFAULT_FILE));
    Map<Path, String> files = new LinkedHashMap<>();
    files.put(target, Json.pretty(c.workbench()));
    Validated<List<Path>> written = Outputs.standard().writeTextFiles(files, req.overwrite(), content -> false,
        "choose another file (--out), or pass --overwrite to replace it");
    if (!written.isValid()) {
      return Validated.invalid(written.errors());
    }
    return Validated.valid(new ExportResult(target, c.tables(), c.facets(), c.items(), c.findings()), c.findings());
  }

  /** The Workbench document and what it leaves out. */
  public record Conversion(ObjectNode workbench, List<String> tables, int facets, int items, List<Diagnostic> findings) {
    public Conversion {
      workbench = workbench.deepCopy();
      tables = List.copyOf(tables);
      findings = List.copyOf(findings);
    }

    @Override
    public ObjectNode workbench() {
      return workbench.deepCopy();
    }
  }

  /**
   * Converts a model document that passed {@link DataModelLoader} (and an optional schema.json
   * that passed {@link SchemaLoader}); writes nothing.
   */
  public static Conversion convert(JsonDocument model, Optional<JsonDocument> schema, String modelName, Instant now) {
    List<Diagnostic> out = new ArrayList<>();
    JsonNode root = model.root();
    ObjectNode wb = Json.object();
    wb.put("ModelName", modelName);
    ObjectNode md = wb.putObject("ModelMetadata");
    md.put("Author", "");
    md.put("DateCreated", WORKBENCH_DATE.format(now));
    md.put("DateLastModified", WORKBENCH_DATE.format(now));
    md.put("Description", "Exported by ddbm from dynamodb_data_model.json" + (schema.isPresent() ? " and schema.json" : ""));
    md.put("AWSService", WorkbenchFormat.AWS_SERVICE);
    md.put("Version", WorkbenchFormat.VERSION);
    ArrayNode dm = wb.putArray("DataModel");
    List<String> names = new ArrayList<>();
    int facets = 0;
    int items = 0;
    JsonNode patterns = root.path("access_patterns");
    if (patterns.size() > 0) {
      out.add(notCarried(model, "/access_patterns", patterns.size() + " access pattern(s): Workbench model files have no access patterns",
          "keep dynamodb_data_model.json as the source of the patterns; import the Workbench file back next to it"));
    }
    Map<String, JsonNode> schemaTables = new LinkedHashMap<>();
    Map<String, String> schemaPointers = new LinkedHashMap<>();
    schema.ifPresent(s -> {
      JsonNode st = s.root().path("tables");
      for (int i = 0; i < st.size(); i++) {
        schemaTables.put(st.get(i).path("table_config").path("table_name").asText(), st.get(i));
        schemaPointers.put(st.get(i).path("table_config").path("table_name").asText(), "/tables/" + i);
      }
      int entities = 0;
      for (JsonNode t : st) {
        entities += t.path("entities").size();
      }
      out.add(notCarried(s, "/tables", "from schema.json, the entity types, field types beyond Workbench's (integer/decimal/uuid), required flags,"
          + " GSI mapping templates and access patterns of " + entities + " entit" + (entities == 1 ? "y" : "ies")
          + ": a facet holds a name, key templates (as its aliases) and attribute names", "keep schema.json next to the Workbench file"));
      if (s.root().path("cross_table_access_patterns").size() > 0) {
        out.add(notCarried(s, "/cross_table_access_patterns", "the cross-table access patterns of schema.json", ""));
      }
    });
    JsonNode tables = root.path("tables");
    for (int i = 0; i < tables.size(); i++) {
      JsonNode t = tables.get(i);
      String tp = "/tables/" + i;
      String tn = t.path("TableName").asText();
      names.add(tn);
      ObjectNode wt = dm.addObject();
      wt.put("TableName", tn);
      Map<String, String> defs = new LinkedHashMap<>();
      t.path("AttributeDefinitions").forEach(a -> defs.put(a.path("AttributeName").asText(), a.path("AttributeType").asText()));
      String pk = null;
      String sk = null;
      for (JsonNode k : t.path("KeySchema")) {
        if (k.path("KeyType").asText().equals("HASH")) {
          pk = k.path("AttributeName").asText();
        } else {
          sk = k.path("AttributeName").asText();
        }
      }
      final String tablePk = pk;
      final String tableSk = sk;
      ObjectNode ka = wt.putObject("KeyAttributes");
      ka.set("PartitionKey", attribute(pk, defs.get(pk)));
      if (sk != null) {
        ka.set("SortKey", attribute(sk, defs.get(sk)));
      }
      for (var it = t.fieldNames(); it.hasNext(); ) {
        String k = it.next();
        if (!CARRIED_TABLE_KEYS.contains(k)) {
          out.add(notCarried(model, Json.pointer(tp, k), "`" + k + "` of table `" + tn + "`: Workbench tables have no such setting",
              "set it again after importing, or keep dynamodb_data_model.json as the source"));
        }
      }
      // attribute types: key definitions, then what the sample items hold, then schema.json fields
      Map<String, String> types = new LinkedHashMap<>();
      defs.forEach((n, ty) -> {
        if (!n.equals(tablePk) && !n.equals(tableSk)) {
          types.put(n, ty);
        }
      });
      List<ObjectNode> tableItems = new ArrayList<>();
      JsonNode entries = root.path("items").path(tn);
      Map<String, Set<String>> seenTypes = new LinkedHashMap<>();
      for (int k = 0; k < entries.size(); k++) {
        JsonNode e = entries.get(k);
        if (!e.has("PutRequest")) {
          out.add(notCarried(model, Json.pointer("/items", tn) + "/" + k, "a DeleteRequest in the sample items of `" + tn + "`: Workbench sample data holds items only", ""));
          continue;
        }
        ObjectNode item = (ObjectNode) e.path("PutRequest").path("Item");
        tableItems.add(item);
        for (var f = item.properties().iterator(); f.hasNext(); ) {
          var a = f.next();
          if (a.getKey().equals(pk) || a.getKey().equals(sk) || !a.getValue().isObject() || a.getValue().isEmpty()) {
            continue;
          }
          String ty = a.getValue().fieldNames().next();
          seenTypes.computeIfAbsent(a.getKey(), x -> new LinkedHashSet<>()).add(ty);
          types.putIfAbsent(a.getKey(), ty);
        }
      }
      seenTypes.forEach((a, ts) -> {
        if (ts.size() > 1) {
          out.add(Diagnostic.warning("Workbench.MixedTypes", "attribute `" + a + "` of `" + tn + "` has the types " + String.join(", ", ts)
              + " in the sample items; Workbench declares one type per attribute, so " + types.get(a) + " is declared (the items keep their own)",
              model.locate(Json.pointer("/items", tn)), "Workbench may refuse such a model; give the attribute one type if it does"));
        }
      });
      JsonNode st = schemaTables.get(tn);
      if (st != null) {
        for (var en = st.path("entities").properties().iterator(); en.hasNext(); ) {
          for (JsonNode f : en.next().getValue().path("fields")) {
            String n = f.path("name").asText();
            if (!n.equals(pk) && !n.equals(sk)) {
              types.putIfAbsent(n, workbenchType(f.path("type").asText()));
            }
          }
        }
      }
      ArrayNode nka = wt.putArray("NonKeyAttributes");
      types.forEach((n, ty) -> nka.add(attribute(n, ty)));

      // facets from schema.json; each item goes to the facet whose key templates it fits, the rest stay table data
      ArrayNode tf = wt.putArray("TableFacets");
      List<List<ObjectNode>> facetItems = new ArrayList<>();
      List<ObjectNode> facetNodes = new ArrayList<>();
      if (st != null) {
        for (var en = st.path("entities").properties().iterator(); en.hasNext(); ) {
          var e = en.next();
          ObjectNode f = tf.addObject();
          f.put("FacetName", e.getKey());
          ObjectNode alias = f.putObject("KeyAttributeAlias");
          alias.put("PartitionKeyAlias", e.getValue().path("pk_template").asText());
          if (sk != null && e.getValue().path("sk_template").isTextual()) {
            alias.put("SortKeyAlias", e.getValue().path("sk_template").asText());
          }
          facetNodes.add(f);
          facetItems.add(new ArrayList<>());
          facets++;
        }
      } else if (schema.isPresent()) {
        out.add(notCarried(model, tp, "facets for table `" + tn + "`: schema.json has no entities for it", ""));
      }
      List<ObjectNode> rest = new ArrayList<>();
      List<String> entityNames = st == null ? List.of() : iterate(st.path("entities").fieldNames());
      for (ObjectNode item : tableItems) {
        int best = -1;
        int bestLiteral = -1;
        for (int f = 0; f < facetNodes.size(); f++) {
          JsonNode en = st.path("entities").path(entityNames.get(f));
          int lit = KeyTemplates.fit(en.path("pk_template").asText(), Optional.ofNullable(en.path("sk_template").textValue()), item, tablePk,
              Optional.ofNullable(tableSk));
          if (lit > bestLiteral) {
            best = f;
            bestLiteral = lit;
          }
        }
        (best >= 0 ? facetItems.get(best) : rest).add(item);
      }
      for (int f = 0; f < facetNodes.size(); f++) {
        JsonNode entity = st.path("entities").path(entityNames.get(f));
        Set<String> attrs = new LinkedHashSet<>();
        for (JsonNode fl : entity.path("fields")) {
          String n = fl.path("name").asText();
          if (!n.equals(pk) && !n.equals(sk)) {
            attrs.add(n);
          }
        }
        for (JsonNode m : entity.path("gsi_mappings")) {
          for (JsonNode g : t.path("GlobalSecondaryIndexes")) {
            if (g.path("IndexName").asText().equals(m.path("name").asText())) {
              g.path("KeySchema").forEach(k -> attrs.add(k.path("AttributeName").asText()));
            }
          }
        }
        for (ObjectNode item : facetItems.get(f)) {
          item.fieldNames().forEachRemaining(n -> {
            if (!n.equals(tablePk) && !n.equals(tableSk)) {
              attrs.add(n);
            }
          });
        }
        ObjectNode fn = facetNodes.get(f);
        ArrayNode data = fn.putArray("TableData");
        facetItems.get(f).forEach(x -> data.add(x.deepCopy()));
        ArrayNode a = fn.putArray("NonKeyAttributes");
        attrs.forEach(a::add);
        fn.putObject("DataAccess").putObject("MySql");
      }

      String billing = t.path("BillingMode").asText("PAY_PER_REQUEST");
      JsonNode tableThroughput = t.get("ProvisionedThroughput");
      JsonNode tableScaling = t.get("AutoScaling");
      ArrayNode gsis = Json.array();
      JsonNode gl = t.path("GlobalSecondaryIndexes");
      for (int g = 0; g < gl.size(); g++) {
        JsonNode ix = gl.get(g);
        String ip = tp + "/GlobalSecondaryIndexes/" + g;
        String iname = ix.path("IndexName").asText();
        long hashes = 0;
        long ranges = 0;
        for (JsonNode k : ix.path("KeySchema")) {
          if (k.path("KeyType").asText().equals("HASH")) {
            hashes++;
          } else {
            ranges++;
          }
        }
        if (hashes > 1 || ranges > 1) {
          out.add(notCarried(model, ip, "GSI `" + iname + "` of `" + tn + "`: it has a multi-attribute key, which a Workbench index cannot hold; the index is left out",
              "add it again after importing the file back"));
          continue;
        }
        for (var it = ix.fieldNames(); it.hasNext(); ) {
          String k = it.next();
          if (!CARRIED_INDEX_KEYS.contains(k)) {
            out.add(notCarried(model, Json.pointer(ip, k), "`" + k + "` of GSI `" + iname + "`: Workbench indexes have no such setting", ""));
          }
        }
        if (billing.equals("PROVISIONED") && ix.has("ProvisionedThroughput") && !ix.get("ProvisionedThroughput").equals(tableThroughput)) {
          out.add(notCarried(model, ip + "/ProvisionedThroughput", "the ProvisionedThroughput of GSI `" + iname
              + "`: Workbench has one capacity setting per table, which its indexes share; the table's is exported", ""));
        }
        if (billing.equals("PROVISIONED") && !java.util.Objects.equals(ix.get("AutoScaling"), tableScaling)) {
          out.add(notCarried(model, ip, "the AutoScaling of GSI `" + iname
              + "`: Workbench has one auto scaling setting per table, which its indexes share; the table's is exported", ""));
        }
        gsis.add(index(ix, defs));
      }
      if (!gsis.isEmpty()) {
        wt.set("GlobalSecondaryIndexes", gsis);
      }
      ArrayNode lsis = Json.array();
      for (JsonNode ix : t.path("LocalSecondaryIndexes")) {
        lsis.add(index(ix, defs));
      }
      if (!lsis.isEmpty()) {
        wt.set("LocalSecondaryIndexes", lsis);
        out.add(Diagnostic.note("Workbench.LocalIndexes", "the " + lsis.size() + " local secondary index(es) of `" + tn
            + "` are written as `LocalSecondaryIndexes` in the GSI shape; ddbm reads them back, Workbench versions without LSI support leave them out",
            model.locate(tp + "/LocalSecondaryIndexes"), ""));
      }
      ArrayNode td = wt.putArray("TableData");
      rest.forEach(x -> td.add(x.deepCopy()));
      items += tableItems.size();
      wt.putObject("DataAccess").putObject("MySql");
      wt.put("BillingMode", billing);
      if (billing.equals("PROVISIONED") && tableThroughput != null) {
        ObjectNode pcs = wt.putObject("ProvisionedCapacitySettings");
        pcs.set("ProvisionedThroughput", tableThroughput.deepCopy());
        if (tableScaling != null) {
          scaling(tableScaling.get("Read")).ifPresent(r -> pcs.set("AutoScalingRead", r));
          scaling(tableScaling.get("Write")).ifPresent(w -> pcs.set("AutoScalingWrite", w));
        }
      }
    }
    if (schema.isPresent()) {
      for (String st : schemaTables.keySet()) {
        if (!names.contains(st)) {
          out.add(notCarried(schema.get(), schemaPointers.get(st), "the entities of schema.json table `" + st + "`: dynamodb_data_model.json has no such table", ""));
        }
      }
    }
    return new Conversion(wb, names, facets, items, out);
  }

  private static List<String> iterate(java.util.Iterator<String> it) {
    List<String> l = new ArrayList<>();
    it.forEachRemaining(l::add);
    return l;
  }

  private static ObjectNode index(JsonNode ix, Map<String, String> defs) {
    ObjectNode o = Json.object().put("IndexName", ix.path("IndexName").asText());
    ObjectNode ka = o.putObject("KeyAttributes");
    for (JsonNode k : ix.path("KeySchema")) {
      String n = k.path("AttributeName").asText();
      ka.set(k.path("KeyType").asText().equals("HASH") ? "PartitionKey" : "SortKey", attribute(n, defs.get(n)));
    }
    o.set("Projection", ix.path("Projection").deepCopy());
    return o;
  }

  private static Optional<ObjectNode> scaling(JsonNode side) {
    if (side == null || !side.isObject()) {
      return Optional.empty();
    }
    ObjectNode o = Json.object();
    ObjectNode target = o.putObject("ScalableTargetRequest");
    target.set("MinCapacity", side.path("MinCapacity").deepCopy());
    target.set("MaxCapacity", side.path("MaxCapacity").deepCopy());
    target.put("ServiceRole", WorkbenchFormat.SERVICE_ROLE);
    o.putObject("ScalingPolicyConfiguration").set("TargetValue", side.path("TargetUtilization").deepCopy());
    return Optional.of(o);
  }

  private static ObjectNode attribute(String name, String type) {
    return Json.object().put("AttributeName", name).put("AttributeType", type == null ? "S" : type);
  }

  /** The Workbench attribute type of a schema.json field type. */
  static String workbenchType(String fieldType) {
    return switch (fieldType) {
      case "integer", "decimal" -> "N";
      case "boolean" -> "BOOL";
      case "array" -> "L";
      case "object" -> "M";
      default -> "S";
    };
  }

  private static Diagnostic notCarried(JsonDocument doc, String pointer, String what, String hint) {
    return Diagnostic.warning("Workbench.NotCarried", "not carried: " + what, doc.locate(pointer), hint);
  }
}
