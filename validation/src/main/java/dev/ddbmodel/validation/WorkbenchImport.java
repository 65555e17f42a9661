package dev.ddbmodel.validation;

import dev.ddbmodel.validation.internal.workbench.FacetInference;
import dev.ddbmodel.validation.internal.workbench.KeyTemplates;
import dev.ddbmodel.validation.internal.workbench.WorkbenchFormat;
import dev.ddbmodel.core.internal.guide.DynamoDbLimits;
import dev.ddbmodel.core.io.Outputs;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.SourceLocation;
import dev.ddbmodel.core.Validated;
import dev.ddbmodel.core.json.Json;
import dev.ddbmodel.core.json.JsonDocument;
import dev.ddbmodel.core.DataModelLoader;
import dev.ddbmodel.schema.SchemaLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Imports a NoSQL Workbench model file (format 3.0; older 1.0/2.0 files are read the same way)
 * into {@code dynamodb_data_model.json} and a {@code schema.json} skeleton. Everything Workbench
 * can express is carried or reported as {@code Workbench.NotCarried}; access patterns cannot come
 * from Workbench, so the result lists what the user must add. The mapping is documented in
 * {@code docs/workbench.md}.
 */
public final class WorkbenchImport {
  /** File name of the skeleton written next to the model. */
  public static final String SCHEMA_FILE = "schema.json";

  private WorkbenchImport() {}

  /** Reads the Workbench file, converts it and writes both files into the output folder. */
  public static Validated<ImportResult> run(ImportRequest req) {
    Path file = req.workbenchFile().toAbsolutePath().normalize();
    Validated<JsonDocument> doc = JsonDocument.read(file, file.getFileName().toString());
    if (!doc.isValid()) {
      return Validated.invalid(doc.diagnostics().stream()
          .map(d -> d.id().equals("Json.Io") ? d.withKind(Diagnostic.Kind.USAGE) : d).toList());
    }
    Validated<WorkbenchConversion> c = convert(doc.unwrap());
    if (!c.isValid()) {
      return Validated.invalid(c.diagnostics());
    }
    WorkbenchConversion conv = c.unwrap();
    Path dir = req.outputDir().toAbsolutePath().normalize();
    Path model = dir.resolve(DataModelLoader.FILE_NAME);
    Path schema = dir.resolve(SCHEMA_FILE);
    Map<Path, String> files = new LinkedHashMap<>();
    files.put(model, Json.pretty(conv.model()));
    files.put(schema, Json.pretty(conv.schema()));
    Validated<List<Path>> written = Outputs.standard().writeTextFiles(files, req.overwrite(), content -> false,
        "import into another folder (--out), or pass --overwrite to replace the files");
    if (!written.isValid()) {
      return Validated.invalid(written.errors());
    }
    return Validated.valid(new ImportResult(model, schema, conv), conv.findings());
  }

  /** Converts a parsed Workbench document; writes nothing. */
  public static Validated<WorkbenchConversion> convert(JsonDocument doc) {
    return new Converter(doc).run();
  }

  /**
   * Converts a Workbench document held as text; writes nothing. Malformed JSON is a diagnostic; the
   * result equals what {@link #run} converts from a file with the same text.
   *
   * @param sourceName the name diagnostics report the document under, such as {@code model.json}
   * @param text the Workbench document
   */
  public static Validated<WorkbenchConversion> convert(String sourceName, String text) {
    Validated<JsonDocument> doc = JsonDocument.parse(sourceName, text);
    return doc.isValid() ? convert(doc.unwrap()) : Validated.invalid(doc.errors());
  }

  /** One conversion: the Workbench document, the findings so far and the pointer map for re-locating model diagnostics. */
  private static final class Converter {
    private final JsonDocument doc;
    private final List<Diagnostic> out = new ArrayList<>();
    /** Model (or schema) pointer prefix to the Workbench pointer it came from; items map their attribute paths too. */
    private final Map<String, String> modelPointers = new LinkedHashMap<>();
    private final Set<String> itemPrefixes = new LinkedHashSet<>();
    private final Map<String, String> schemaPointers = new LinkedHashMap<>();
    private final List<String> todo = new ArrayList<>();
    private final List<String> entities = new ArrayList<>();
    private final Set<String> entityNames = new LinkedHashSet<>();

    Converter(JsonDocument doc) {
      this.doc = doc;
    }

    Validated<WorkbenchConversion> run() {
      JsonNode root = doc.root();
      if (!root.isObject()) {
        error("Workbench.Structure", "", "a NoSQL Workbench model is a JSON object, found " + JsonDocument.typeName(root),
            "export the model from Workbench (Data modeler > Export data model > NoSQL Workbench model)");
        return Validated.invalid(out);
      }
      if (root.has("tables") && root.has("access_patterns")) {
        error("Workbench.Structure", "", "this is a dynamodb_data_model.json, not a NoSQL Workbench model",
            "use it as it is (ddbm model validate), or export it with ddbm model export-workbench");
        return Validated.invalid(out);
      }
      known(root, "", WorkbenchFormat.ROOT_KEYS, "the model");
      metadata(root);
      JsonNode dm = root.get("DataModel");
      if (dm == null || !dm.isArray()) {
        error(dm == null ? "Workbench.Required" : "Workbench.Structure", dm == null ? "" : "/DataModel",
            dm == null ? "required property `DataModel` is missing" : "`DataModel` must be an array of tables",
            "a Workbench export has \"DataModel\": [ {\"TableName\": ..., \"KeyAttributes\": ...}, ... ]");
        return Validated.invalid(out);
      }
      if (dm.isEmpty()) {
        error("Workbench.Structure", "/DataModel", "the model has no tables", "add a table in Workbench and export again");
        return Validated.invalid(out);
      }
      ObjectNode model = Json.object();
      ArrayNode tables = model.putArray("tables");
      ObjectNode items = model.putObject("items");
      model.putArray("access_patterns");
      ObjectNode schema = Json.object();
      ArrayNode schemaTables = schema.putArray("tables");
      List<String> names = new ArrayList<>();
      int itemCount = 0;
      for (int i = 0; i < dm.size(); i++) {
        String tp = "/DataModel/" + i;
        if (!dm.get(i).isObject()) {
          error("Workbench.Structure", tp, "a table must be an object", "");
          continue;
        }
        Optional<TableResult> t = table((ObjectNode) dm.get(i), tp, tables.size());
        if (t.isEmpty()) {
          continue;
        }
        tables.add(t.get().table());
        names.add(t.get().name());
        if (!t.get().items().isEmpty()) {
          ArrayNode a = items.putArray(t.get().name());
          for (int k = 0; k < t.get().items().size(); k++) {
            a.addObject().putObject("PutRequest").set("Item", t.get().items().get(k));
            String mp = Json.pointer("/items", t.get().name()) + "/" + k;
            modelPointers.put(mp + "/PutRequest/Item", t.get().itemPointers().get(k));
            itemPrefixes.add(mp + "/PutRequest/Item");
            modelPointers.put(mp, t.get().itemPointers().get(k));
          }
          itemCount += t.get().items().size();
        }
        schemaTables.add(t.get().schemaTable());
      }
      if (out.stream().anyMatch(Diagnostic::isError)) {
        return Validated.invalid(out);
      }
      // the model must load like a hand-written one; its findings are re-located in the Workbench file
      Validated<?> loaded = DataModelLoader.fromDocument(JsonDocument.parse(DataModelLoader.FILE_NAME, Json.pretty(model)).unwrap());
      for (Diagnostic d : loaded.diagnostics()) {
        if (!d.id().equals("DataModel.UnusedIndex")) {
          out.add(relocate(d, modelPointers, ""));
        }
      }
      if (!loaded.isValid()) {
        return Validated.invalid(out);
      }
      Validated<?> skeleton = SchemaLoader.parse(WorkbenchImport.SCHEMA_FILE, Json.pretty(schema));
      for (Diagnostic d : skeleton.diagnostics()) {
        out.add(relocate(d, schemaPointers, "in the schema.json made from the facets: "));
      }
      if (!skeleton.isValid()) {
        return Validated.invalid(out);
      }
      todo.add(0, "add the access patterns to dynamodb_data_model.json (`access_patterns` is empty): one `aws dynamodb` command each,"
          + " run on the sample items by `ddbm model validate`; `ddbm guide workbench` shows how");
      return Validated.valid(new WorkbenchConversion(model, schema, names, itemCount, entities, out, todo), out);
    }

    // ------------------------------------------------------------------ metadata

    private void metadata(JsonNode root) {
      List<String> dropped = new ArrayList<>();
      JsonNode name = root.get("ModelName");
      if (name != null && !name.asText().isBlank()) {
        dropped.add("ModelName");
      }
      JsonNode md = root.get("ModelMetadata");
      if (md == null) {
        return;
      }
      if (!md.isObject()) {
        error("Workbench.Structure", "/ModelMetadata", "`ModelMetadata` must be an object", "");
        return;
      }
      known(md, "/ModelMetadata", WorkbenchFormat.METADATA_KEYS, "ModelMetadata");
      JsonNode service = md.get("AWSService");
      if (service != null && !service.asText().equals(WorkbenchFormat.AWS_SERVICE)) {
        error("Workbench.Service", "/ModelMetadata/AWSService", "the model is for `" + service.asText() + "`, not Amazon DynamoDB",
            "only DynamoDB models can be imported");
      }
      JsonNode version = md.get("Version");
      if (version != null && !version.asText().equals(WorkbenchFormat.VERSION)) {
        out.add(Diagnostic.note("Workbench.Version", "the file has format version `" + version.asText() + "`; it is read as version "
            + WorkbenchFormat.VERSION + " (the table, facet and index shapes are the same)", doc.locate("/ModelMetadata/Version"),
            "export it again from a current Workbench if something looks wrong"));
      }
      for (String k : List.of("Author", "DateCreated", "DateLastModified", "Description")) {
        JsonNode v = md.get(k);
        if (v != null && !v.asText().isBlank()) {
          dropped.add("ModelMetadata." + k);
        }
      }
      JsonNode description = md.get("Description");
      if (description != null && !description.asText().isBlank()) {
        String d = description.asText().strip().replaceAll("\\s+", " ");
        todo.add("the Workbench description may name access patterns to add: \"" + (d.length() > 400 ? d.substring(0, 400) + "…" : d) + "\"");
      }
      if (!dropped.isEmpty()) {
        notCarried(dropped.contains("ModelName") ? "/ModelName" : "/ModelMetadata", String.join(", ", dropped)
            + ": dynamodb_data_model.json and schema.json have no place for the model's name and metadata",
            "keep them in your notes or the design document (dynamodb_data_model.md)");
      }
    }

    // ------------------------------------------------------------------ tables

    private record TableResult(String name, ObjectNode table, List<ObjectNode> items, List<String> itemPointers, ObjectNode schemaTable) {}

    private record Attr(String name, String type, String pointer) {}

    private record Index(String name, Attr pk, Optional<Attr> sk, ObjectNode projection, String pointer) {}

    private Optional<TableResult> table(ObjectNode t, String tp, int modelIndex) {
      known(t, tp, WorkbenchFormat.TABLE_KEYS, "a table");
      Optional<String> name = requiredText(t, tp, "TableName", "the table's name");
      JsonNode ka = t.get("KeyAttributes");
      if (ka == null || !ka.isObject()) {
        error(ka == null ? "Workbench.Required" : "Workbench.Structure", ka == null ? tp : tp + "/KeyAttributes",
            ka == null ? "required property `KeyAttributes` is missing" : "`KeyAttributes` must be an object",
            "give the table {\"PartitionKey\": {\"AttributeName\": ..., \"AttributeType\": \"S\"}}");
        return Optional.empty();
      }
      known(ka, tp + "/KeyAttributes", WorkbenchFormat.KEY_ATTRIBUTES_KEYS, "KeyAttributes");
      Optional<Attr> pk = attr(ka.get("PartitionKey"), tp + "/KeyAttributes/PartitionKey", true, true);
      Optional<Attr> sk = ka.has("SortKey") ? attr(ka.get("SortKey"), tp + "/KeyAttributes/SortKey", true, false) : Optional.empty();
      if (name.isEmpty() || pk.isEmpty() || ka.has("SortKey") && sk.isEmpty()) {
        return Optional.empty();
      }
      String tn = name.get();
      modelPointers.put("/tables/" + modelIndex, tp);
      modelPointers.put("/tables/" + modelIndex + "/TableName", tp + "/TableName");
      modelPointers.put("/tables/" + modelIndex + "/KeySchema", tp + "/KeyAttributes");
      modelPointers.put("/tables/" + modelIndex + "/AttributeDefinitions", tp + "/KeyAttributes");
      schemaPointers.put("/tables/" + modelIndex, tp);

      Map<String, Attr> declared = new LinkedHashMap<>();
      declared.put(pk.get().name(), pk.get());
      sk.ifPresent(s -> declared.put(s.name(), s));
      JsonNode nka = t.get("NonKeyAttributes");
      if (nka != null) {
        if (!nka.isArray()) {
          error("Workbench.Structure", tp + "/NonKeyAttributes", "`NonKeyAttributes` must be an array", "");
        } else {
          for (int i = 0; i < nka.size(); i++) {
            attr(nka.get(i), tp + "/NonKeyAttributes/" + i, false, true).ifPresent(a -> {
              Attr before = declared.putIfAbsent(a.name(), a);
              if (before != null && !before.type().equals(a.type())) {
                error("Workbench.Type", a.pointer(), "attribute `" + a.name() + "` is declared as " + before.type() + " and as " + a.type(),
                    "declare each attribute once");
              }
            });
          }
        }
      }
      List<Index> gsis = indexes(t, tp, "GlobalSecondaryIndexes");
      List<Index> lsis = indexes(t, tp, "LocalSecondaryIndexes");

      ObjectNode mt = Json.object();
      mt.put("TableName", tn);
      Map<String, String> defs = new LinkedHashMap<>();
      List<Attr> keyAttrs = new ArrayList<>();
      keyAttrs.add(pk.get());
      sk.ifPresent(keyAttrs::add);
      for (Index ix : concat(gsis, lsis)) {
        keyAttrs.add(ix.pk());
        ix.sk().ifPresent(keyAttrs::add);
      }
      for (Attr a : keyAttrs) {
        String before = defs.putIfAbsent(a.name(), a.type());
        Attr d = declared.get(a.name());
        String expected = before != null ? before : d != null ? d.type() : null;
        if (expected != null && !expected.equals(a.type())) {
          error("Workbench.Type", a.pointer(), "key attribute `" + a.name() + "` has type " + a.type() + " here but " + expected
              + " elsewhere in the table", "an attribute has one type in the table, its NonKeyAttributes and all its indexes");
        }
      }
      ArrayNode ad = mt.putArray("AttributeDefinitions");
      defs.forEach((n, ty) -> ad.addObject().put("AttributeName", n).put("AttributeType", ty));
      ArrayNode ks = mt.putArray("KeySchema");
      ks.addObject().put("AttributeName", pk.get().name()).put("KeyType", "HASH");
      sk.ifPresent(s -> ks.addObject().put("AttributeName", s.name()).put("KeyType", "RANGE"));

      Capacity cap = capacity(t, tp, tn);
      mt.put("BillingMode", cap.billing());
      cap.throughput().ifPresent(th -> mt.set("ProvisionedThroughput", th));
      cap.autoScaling().ifPresent(as -> mt.set("AutoScaling", as));
      if (t.has("ProvisionedCapacitySettings")) {
        modelPointers.put("/tables/" + modelIndex + "/ProvisionedThroughput", tp + "/ProvisionedCapacitySettings");
      }
      ArrayNode mg = Json.array();
      for (int i = 0; i < gsis.size(); i++) {
        Index g = gsis.get(i);
        ObjectNode o = index(g);
        cap.throughput().ifPresent(th -> o.set("ProvisionedThroughput", th.deepCopy()));
        cap.autoScaling().ifPresent(as -> o.set("AutoScaling", as.deepCopy()));
        mg.add(o);
        modelPointers.put("/tables/" + modelIndex + "/GlobalSecondaryIndexes/" + i, g.pointer());
      }
      if (!mg.isEmpty()) {
        mt.set("GlobalSecondaryIndexes", mg);
      }
      ArrayNode ml = Json.array();
      for (int i = 0; i < lsis.size(); i++) {
        ml.add(index(lsis.get(i)));
        modelPointers.put("/tables/" + modelIndex + "/LocalSecondaryIndexes/" + i, lsis.get(i).pointer());
      }
      if (!ml.isEmpty()) {
        mt.set("LocalSecondaryIndexes", ml);
      }
      for (String k : List.of("DataAccess", "SampleDataFormats")) {
        JsonNode v = t.get(k);
        if (v != null && !isEmptyDataAccess(k, v)) {
          notCarried(tp + "/" + k, k.equals("DataAccess")
              ? "`DataAccess` (Workbench's MySQL import settings) of table `" + tn + "`: ddbm reads source databases with `ddbm analyze`"
              : "`SampleDataFormats` (sample data generators for " + v.size() + " attributes) of table `" + tn + "`: ddbm uses the sample items as they are",
              "nothing to do; the sample items themselves are carried");
        }
      }

      // sample items: the table's own and each facet's, merged by primary key
      List<ObjectNode> items = new ArrayList<>();
      List<String> itemPointers = new ArrayList<>();
      Map<String, Integer> byKey = new LinkedHashMap<>();
      List<String> keyNames = sk.isPresent() ? List.of(pk.get().name(), sk.get().name()) : List.of(pk.get().name());
      Map<Integer, List<Integer>> facetItems = new LinkedHashMap<>();
      boolean[] converted = {false};
      itemsOf(t.get("TableData"), tp + "/TableData", keyNames, items, itemPointers, byKey, null, converted);
      JsonNode facets = t.get("TableFacets");
      List<FacetInference.Facet> facetList = new ArrayList<>();
      List<String> facetPointers = new ArrayList<>();
      if (facets != null && !facets.isArray()) {
        error("Workbench.Structure", tp + "/TableFacets", "`TableFacets` must be an array", "");
      } else if (facets != null) {
        for (int f = 0; f < facets.size(); f++) {
          String fp = tp + "/TableFacets/" + f;
          JsonNode fn = facets.get(f);
          if (!fn.isObject()) {
            error("Workbench.Structure", fp, "a facet must be an object", "");
            continue;
          }
          known(fn, fp, WorkbenchFormat.FACET_KEYS, "a facet");
          Optional<String> facetName = requiredText(fn, fp, "FacetName", "the facet's name");
          List<Integer> mine = new ArrayList<>();
          itemsOf(fn.get("TableData"), fp + "/TableData", keyNames, items, itemPointers, byKey, mine, converted);
          JsonNode alias = fn.get("KeyAttributeAlias");
          Optional<String> pa = Optional.empty();
          Optional<String> sa = Optional.empty();
          if (alias != null && alias.isObject()) {
            known(alias, fp + "/KeyAttributeAlias", WorkbenchFormat.ALIAS_KEYS, "KeyAttributeAlias");
            pa = Optional.ofNullable(alias.get("PartitionKeyAlias")).filter(JsonNode::isTextual).map(JsonNode::asText);
            sa = Optional.ofNullable(alias.get("SortKeyAlias")).filter(JsonNode::isTextual).map(JsonNode::asText);
          } else if (alias != null) {
            error("Workbench.Structure", fp + "/KeyAttributeAlias", "`KeyAttributeAlias` must be an object", "");
          }
          if (sk.isEmpty() && sa.isPresent()) {
            notCarried(fp + "/KeyAttributeAlias/SortKeyAlias", "facet `" + facetName.orElse("?") + "` names a sort key alias but table `" + tn
                + "` has no sort key", "remove the alias in Workbench");
          }
          List<String> attrs = new ArrayList<>();
          JsonNode fa = fn.get("NonKeyAttributes");
          if (fa != null && fa.isArray()) {
            fa.forEach(x -> {
              if (x.isTextual()) {
                attrs.add(x.asText());
              }
            });
          } else if (fa != null) {
            error("Workbench.Structure", fp + "/NonKeyAttributes", "a facet's `NonKeyAttributes` must be an array of attribute names", "");
          }
          JsonNode da = fn.get("DataAccess");
          if (da != null && !isEmptyDataAccess("DataAccess", da)) {
            notCarried(fp + "/DataAccess", "`DataAccess` (MySQL import settings) of facet `" + facetName.orElse("?") + "`", "nothing to do");
          }
          if (facetName.isPresent()) {
            facetItems.put(facetList.size(), mine);
            facetList.add(new FacetInference.Facet(facetName.get(), pa, sa, attrs, List.of()));
            facetPointers.add(fp);
          }
        }
      }
      if (converted[0]) {
        out.add(Diagnostic.note("Workbench.Assumed", "numbers written as JSON numbers in the sample items of `" + tn
            + "` were converted to DynamoDB's string form ({\"N\": \"12\"})", doc.locate(tp), ""));
      }
      ObjectNode schemaTable = schemaTable(tn, pk.get(), sk, gsis, lsis, declared, items, facetList, facetItems, facetPointers, tp, modelIndex);
      for (Attr a : declared.values()) {
        if (!defs.containsKey(a.name()) && items.stream().noneMatch(x -> x.has(a.name()))
            && facetList.stream().noneMatch(f -> f.attributes().contains(a.name())) && !facetList.isEmpty()) {
          notCarried(a.pointer(), "attribute `" + a.name() + "` of table `" + tn + "` is declared but no facet lists it and no sample item has it",
              "add it to a facet, or to schema.json by hand");
        }
      }
      return Optional.of(new TableResult(tn, mt, items, itemPointers, schemaTable));
    }

    private static List<Index> concat(List<Index> a, List<Index> b) {
      List<Index> r = new ArrayList<>(a);
      r.addAll(b);
      return r;
    }

    private static boolean isEmptyDataAccess(String key, JsonNode v) {
      if (!key.equals("DataAccess")) {
        return v.isObject() && v.isEmpty();
      }
      if (!v.isObject()) {
        return false;
      }
      for (var it = v.properties().iterator(); it.hasNext(); ) {
        var e = it.next();
        if (!(e.getValue().isObject() && e.getValue().isEmpty())) {
          return false;
        }
      }
      return true;
    }

    private ObjectNode index(Index ix) {
      ObjectNode o = Json.object().put("IndexName", ix.name());
      ArrayNode ks = o.putArray("KeySchema");
      ks.addObject().put("AttributeName", ix.pk().name()).put("KeyType", "HASH");
      ix.sk().ifPresent(s -> ks.addObject().put("AttributeName", s.name()).put("KeyType", "RANGE"));
      o.set("Projection", ix.projection());
      return o;
    }

    private List<Index> indexes(ObjectNode t, String tp, String key) {
      List<Index> result = new ArrayList<>();
      JsonNode a = t.get(key);
      if (a == null) {
        return result;
      }
      if (!a.isArray()) {
        error("Workbench.Structure", tp + "/" + key, "`" + key + "` must be an array", "");
        return result;
      }
      for (int i = 0; i < a.size(); i++) {
        String ip = tp + "/" + key + "/" + i;
        JsonNode g = a.get(i);
        if (!g.isObject()) {
          error("Workbench.Structure", ip, "an index must be an object", "");
          continue;
        }
        known(g, ip, WorkbenchFormat.INDEX_KEYS, "an index");
        Optional<String> name = requiredText(g, ip, "IndexName", "the index's name");
        JsonNode ka = g.get("KeyAttributes");
        if (ka == null || !ka.isObject()) {
          error(ka == null ? "Workbench.Required" : "Workbench.Structure", ka == null ? ip : ip + "/KeyAttributes",
              ka == null ? "required property `KeyAttributes` is missing" : "`KeyAttributes` must be an object", "");
          continue;
        }
        known(ka, ip + "/KeyAttributes", WorkbenchFormat.KEY_ATTRIBUTES_KEYS, "KeyAttributes");
        Optional<Attr> pk = attr(ka.get("PartitionKey"), ip + "/KeyAttributes/PartitionKey", true, true);
        Optional<Attr> sk = ka.has("SortKey") ? attr(ka.get("SortKey"), ip + "/KeyAttributes/SortKey", true, false) : Optional.empty();
        ObjectNode projection = Json.object().put("ProjectionType", "ALL");
        JsonNode p = g.get("Projection");
        if (p != null && p.isObject()) {
          known(p, ip + "/Projection", WorkbenchFormat.PROJECTION_KEYS, "Projection");
          String type = p.path("ProjectionType").asText("ALL");
          if (!WorkbenchFormat.PROJECTION_TYPES.contains(type)) {
            error("Workbench.Type", ip + "/Projection/ProjectionType", "`" + type + "` is not a projection type",
                dev.ddbmodel.core.Suggestions.hint(type, WorkbenchFormat.PROJECTION_TYPES));
          }
          projection.put("ProjectionType", type);
          JsonNode nk = p.get("NonKeyAttributes");
          if (nk != null && nk.isArray() && !nk.isEmpty()) {
            if (type.equals("INCLUDE")) {
              projection.set("NonKeyAttributes", nk.deepCopy());
            } else {
              notCarried(ip + "/Projection/NonKeyAttributes", "the NonKeyAttributes of index `" + name.orElse("?") + "`: they only apply to an INCLUDE projection, this one is "
                  + type, "remove them, or change the projection to INCLUDE");
            }
          } else if (type.equals("INCLUDE")) {
            projection.putArray("NonKeyAttributes");
          }
        } else if (p != null) {
          error("Workbench.Structure", ip + "/Projection", "`Projection` must be an object", "");
        } else {
          out.add(Diagnostic.note("Workbench.Assumed", "index `" + name.orElse("?") + "` has no Projection; ALL is assumed", doc.locate(ip), ""));
        }
        if (name.isPresent() && pk.isPresent() && (sk.isPresent() || !ka.has("SortKey"))) {
          result.add(new Index(name.get(), pk.get(), sk, projection, ip));
        }
      }
      return result;
    }

    // ------------------------------------------------------------------ capacity

    private record Capacity(String billing, Optional<ObjectNode> throughput, Optional<ObjectNode> autoScaling) {}

    private Capacity capacity(ObjectNode t, String tp, String tn) {
      JsonNode bm = t.get("BillingMode");
      JsonNode pcs = t.get("ProvisionedCapacitySettings");
      String billing;
      if (bm == null) {
        billing = pcs != null ? "PROVISIONED" : "PAY_PER_REQUEST";
        out.add(Diagnostic.note("Workbench.Assumed", "table `" + tn + "` has no BillingMode; " + billing + " is assumed"
            + (pcs != null ? " because it has ProvisionedCapacitySettings" : ""), doc.locate(tp), "set the capacity mode in Workbench to be explicit"));
      } else if (!WorkbenchFormat.BILLING_MODES.contains(bm.asText())) {
        error("Workbench.Type", tp + "/BillingMode", "`" + bm.asText() + "` is not a billing mode", dev.ddbmodel.core.Suggestions.hint(bm.asText(), WorkbenchFormat.BILLING_MODES));
        billing = "PAY_PER_REQUEST";
      } else {
        billing = bm.asText();
      }
      if (pcs == null) {
        if (billing.equals("PROVISIONED")) {
          error("Workbench.Required", tp, "table `" + tn + "` is PROVISIONED but has no ProvisionedCapacitySettings",
              "set read and write capacity in Workbench, or use on-demand");
        }
        return new Capacity(billing, Optional.empty(), Optional.empty());
      }
      String pp = tp + "/ProvisionedCapacitySettings";
      if (!pcs.isObject()) {
        error("Workbench.Structure", pp, "`ProvisionedCapacitySettings` must be an object", "");
        return new Capacity(billing, Optional.empty(), Optional.empty());
      }
      known(pcs, pp, WorkbenchFormat.CAPACITY_KEYS, "ProvisionedCapacitySettings");
      if (billing.equals("PAY_PER_REQUEST")) {
        notCarried(pp, "the provisioned capacity and auto scaling settings of table `" + tn + "`: the table is on-demand (PAY_PER_REQUEST), where they do not apply",
            "switch the table to provisioned capacity in Workbench if they are meant");
        return new Capacity(billing, Optional.empty(), Optional.empty());
      }
      JsonNode pt = pcs.get("ProvisionedThroughput");
      Optional<ObjectNode> throughput = Optional.empty();
      if (pt == null || !pt.isObject()) {
        error("Workbench.Required", pp, "table `" + tn + "` is PROVISIONED but its ProvisionedCapacitySettings have no ProvisionedThroughput",
            "set read and write capacity units in Workbench");
      } else {
        known(pt, pp + "/ProvisionedThroughput", WorkbenchFormat.THROUGHPUT_KEYS, "ProvisionedThroughput");
        ObjectNode th = Json.object();
        for (String k : List.of("ReadCapacityUnits", "WriteCapacityUnits")) {
          positiveInt(pt, pp + "/ProvisionedThroughput", k).ifPresent(v -> th.set(k, v));
        }
        if (th.size() == 2) {
          throughput = Optional.of(th);
        }
      }
      ObjectNode as = Json.object();
      scaling(pcs.get("AutoScalingRead"), pp + "/AutoScalingRead").ifPresent(r -> as.set("Read", r));
      scaling(pcs.get("AutoScalingWrite"), pp + "/AutoScalingWrite").ifPresent(w -> as.set("Write", w));
      return new Capacity(billing, throughput, as.isEmpty() ? Optional.empty() : Optional.of(as));
    }

    private Optional<ObjectNode> scaling(JsonNode s, String p) {
      if (s == null || s.isNull()) {
        return Optional.empty();
      }
      if (!s.isObject()) {
        error("Workbench.Structure", p, "an auto scaling setting must be an object", "");
        return Optional.empty();
      }
      known(s, p, WorkbenchFormat.SCALING_KEYS, "an auto scaling setting");
      JsonNode target = s.get("ScalableTargetRequest");
      JsonNode policy = s.get("ScalingPolicyConfiguration");
      if (target == null || !target.isObject()) {
        error("Workbench.Required", p, "the auto scaling setting has no ScalableTargetRequest (MinCapacity, MaxCapacity)", "set the minimum and maximum capacity in Workbench");
        return Optional.empty();
      }
      known(target, p + "/ScalableTargetRequest", WorkbenchFormat.TARGET_KEYS, "ScalableTargetRequest");
      JsonNode role = target.get("ServiceRole");
      if (role != null && !role.asText().equals(WorkbenchFormat.SERVICE_ROLE)) {
        notCarried(p + "/ScalableTargetRequest/ServiceRole", "the auto scaling service role `" + role.asText()
            + "`: ddbm's AutoScaling uses the service-linked role", "grant a custom role in your infrastructure code if you need one");
      }
      ObjectNode r = Json.object();
      positiveInt(target, p + "/ScalableTargetRequest", "MinCapacity").ifPresent(v -> r.set("MinCapacity", v));
      positiveInt(target, p + "/ScalableTargetRequest", "MaxCapacity").ifPresent(v -> r.set("MaxCapacity", v));
      if (policy != null && policy.isObject()) {
        known(policy, p + "/ScalingPolicyConfiguration", WorkbenchFormat.POLICY_KEYS, "ScalingPolicyConfiguration");
        JsonNode tv = policy.get("TargetValue");
        if (tv != null && tv.isNumber() && tv.doubleValue() >= DynamoDbLimits.AUTOSCALING_TARGET_MIN && tv.doubleValue() <= DynamoDbLimits.AUTOSCALING_TARGET_MAX) {
          r.set("TargetUtilization", tv.deepCopy());
        } else if (tv != null) {
          error("Workbench.Type", p + "/ScalingPolicyConfiguration/TargetValue", "the target utilization must be a number from " + DynamoDbLimits.AUTOSCALING_TARGET_MIN
              + " to " + DynamoDbLimits.AUTOSCALING_TARGET_MAX + ", found " + tv,
              "DynamoDB auto scaling targets " + DynamoDbLimits.AUTOSCALING_TARGET_MIN + " to " + DynamoDbLimits.AUTOSCALING_TARGET_MAX + " percent");
        }
      } else {
        error("Workbench.Required", p, "the auto scaling setting has no ScalingPolicyConfiguration (TargetValue)", "set the target utilization in Workbench");
      }
      if (r.has("MinCapacity") && r.has("MaxCapacity") && r.get("MinCapacity").asLong() > r.get("MaxCapacity").asLong()) {
        error("Workbench.Type", p + "/ScalableTargetRequest", "MinCapacity " + r.get("MinCapacity") + " is above MaxCapacity " + r.get("MaxCapacity"), "swap them");
      }
      return r.size() == 3 ? Optional.of(r) : Optional.empty();
    }

    private Optional<JsonNode> positiveInt(JsonNode o, String p, String key) {
      JsonNode v = o.get(key);
      if (v == null) {
        error("Workbench.Required", p, "required property `" + key + "` is missing", "");
        return Optional.empty();
      }
      if (!v.canConvertToExactIntegral() || v.asLong() < 1) {
        error("Workbench.Type", p + "/" + key, "`" + key + "` must be a whole number of at least 1, found " + v, "");
        return Optional.empty();
      }
      return Optional.of(v.deepCopy());
    }

    // ------------------------------------------------------------------ items

    private void itemsOf(JsonNode data, String p, List<String> keys, List<ObjectNode> items, List<String> pointers,
        Map<String, Integer> byKey, List<Integer> facet, boolean[] converted) {
      if (data == null) {
        return;
      }
      if (!data.isArray()) {
        error("Workbench.Structure", p, "`TableData` must be an array of items", "");
        return;
      }
      for (int i = 0; i < data.size(); i++) {
        String ip = p + "/" + i;
        JsonNode raw = data.get(i);
        if (!raw.isObject()) {
          error("Workbench.Structure", ip, "a sample item must be an object of attributes in DynamoDB JSON", "write {\"pk\": {\"S\": \"...\"}, ...}");
          continue;
        }
        ObjectNode item = ((ObjectNode) raw).deepCopy();
        converted[0] |= numbersAsText(item);
        String key = Json.compact(keys.stream().map(k -> item.path(k)).toList());
        Integer before = byKey.get(key);
        if (before != null && keys.stream().allMatch(item::has)) {
          if (!items.get(before).equals(item)) {
            out.add(Diagnostic.warning("Workbench.DuplicateItem", "this item has the same primary key as the one at " + pointers.get(before)
                + " but other attributes; the later one is kept, as a second write to DynamoDB would", doc.locate(ip),
                "give one of them another key, or remove one"));
            items.set(before, item);
            pointers.set(before, ip);
          }
          if (facet != null && !facet.contains(before)) {
            facet.add(before);
          }
          continue;
        }
        byKey.put(key, items.size());
        if (facet != null) {
          facet.add(items.size());
        }
        items.add(item);
        pointers.add(ip);
      }
    }

    /** Rewrites {@code {"N": 12}} as {@code {"N": "12"}} (and inside NS, L and M); true when it changed something. */
    private static boolean numbersAsText(JsonNode n) {
      boolean changed = false;
      if (n.isObject()) {
        ObjectNode o = (ObjectNode) n;
        JsonNode num = o.get("N");
        if (num != null && num.isNumber() && o.size() == 1) {
          o.put("N", num.decimalValue().toPlainString());
          return true;
        }
        JsonNode ns = o.get("NS");
        if (ns != null && ns.isArray() && o.size() == 1) {
          ArrayNode a = (ArrayNode) ns;
          for (int i = 0; i < a.size(); i++) {
            if (a.get(i).isNumber()) {
              a.set(i, Json.mapper().getNodeFactory().textNode(a.get(i).decimalValue().toPlainString()));
              changed = true;
            }
          }
          return changed;
        }
        for (var it = o.elements(); it.hasNext(); ) {
          changed |= numbersAsText(it.next());
        }
      } else if (n.isArray()) {
        for (JsonNode x : n) {
          changed |= numbersAsText(x);
        }
      }
      return changed;
    }

    // ------------------------------------------------------------------ schema.json skeleton

    private ObjectNode schemaTable(String tn, Attr pk, Optional<Attr> sk, List<Index> gsis, List<Index> lsis, Map<String, Attr> declared,
        List<ObjectNode> items, List<FacetInference.Facet> facets, Map<Integer, List<Integer>> facetItems, List<String> facetPointers,
        String tp, int tableIndex) {
      ObjectNode st = Json.object();
      ObjectNode tc = st.putObject("table_config").put("table_name", tn).put("partition_key", pk.name());
      sk.ifPresent(s -> tc.put("sort_key", s.name()));
      Map<String, String> types = new LinkedHashMap<>();
      declared.forEach((n, a) -> types.put(n, a.type()));
      Set<String> indexKeys = new LinkedHashSet<>();
      List<FacetInference.Gsi> fg = new ArrayList<>();
      for (Index g : gsis) {
        indexKeys.add(g.pk().name());
        g.sk().ifPresent(s -> indexKeys.add(s.name()));
        fg.add(new FacetInference.Gsi(g.name(), g.pk().name(), g.sk().map(Attr::name), g.pk().type(), g.sk().map(Attr::type)));
      }
      FacetInference.Table table = new FacetInference.Table(tn, pk.name(), pk.type(), sk.map(Attr::name), sk.map(Attr::type), fg, indexKeys, types);

      // items a facet does not list are matched to it by its aliases when those are key templates
      List<List<ObjectNode>> samples = new ArrayList<>();
      boolean[] assigned = new boolean[items.size()];
      facetItems.values().forEach(l -> l.forEach(i -> assigned[i] = true));
      for (int f = 0; f < facets.size(); f++) {
        List<ObjectNode> s = new ArrayList<>();
        facetItems.get(f).forEach(i -> s.add(items.get(i)));
        samples.add(s);
      }
      for (int i = 0; i < items.size(); i++) {
        if (assigned[i]) {
          continue;
        }
        int best = -1;
        int bestLiteral = -1;
        for (int f = 0; f < facets.size(); f++) {
          int lit = matches(facets.get(f), items.get(i), pk.name(), sk.map(Attr::name));
          if (lit > bestLiteral) {
            best = f;
            bestLiteral = lit;
          }
        }
        if (best >= 0) {
          samples.get(best).add(items.get(i));
          assigned[i] = true;
        }
      }
      int unassigned = 0;
      for (boolean b : assigned) {
        unassigned += b ? 0 : 1;
      }
      ObjectNode entitiesNode = Json.object();
      Map<String, Set<String>> mappedFields = new LinkedHashMap<>();
      if (facets.isEmpty()) {
        String name = entityName(tn);
        FacetInference.Facet whole = new FacetInference.Facet(name, Optional.empty(), Optional.empty(),
            declared.keySet().stream().filter(n -> !n.equals(pk.name()) && !sk.map(Attr::name).filter(n::equals).isPresent()).toList(), items);
        FacetInference.Entity e = FacetInference.entity(table, whole);
        entitiesNode.set(name, e.json());
        entities.add(name);
        schemaPointers.put("/tables/" + tableIndex + "/entities/" + Json.escapePointerToken(name), tp);
        notes(e, tp);
        collectMapped(e, mappedFields);
        out.add(Diagnostic.note("Workbench.Assumed", "table `" + tn + "` has no facets; schema.json gets one entity `" + name
            + "` made from all its items", doc.locate(tp), "split it into one entity per item type by hand, or add facets in Workbench"));
        todo.add("schema.json entity `" + name + "` (table `" + tn + "`): add its access_patterns; check the key templates "
            + templates(e.json()) + " and the field types");
      } else {
        if (unassigned > 0) {
          out.add(Diagnostic.note("Workbench.Assumed", unassigned + " sample item(s) of table `" + tn + "` belong to no facet; they are in"
              + " dynamodb_data_model.json but no schema.json entity was inferred from them", doc.locate(tp + "/TableFacets"),
              "add a facet for them in Workbench, or an entity to schema.json by hand"));
        }
        for (int f = 0; f < facets.size(); f++) {
          FacetInference.Facet fc = facets.get(f);
          String name = entityName(fc.name());
          if (!name.equals(fc.name())) {
            out.add(Diagnostic.note("Workbench.Assumed", "facet `" + fc.name() + "` is entity `" + name + "`: entity names are unique across tables",
                doc.locate(facetPointers.get(f)), ""));
          }
          FacetInference.Facet withSamples = new FacetInference.Facet(name, fc.partitionKeyAlias(), fc.sortKeyAlias(), fc.attributes(), samples.get(f));
          FacetInference.Entity e = FacetInference.entity(table, withSamples);
          entitiesNode.set(name, e.json());
          entities.add(name);
          schemaPointers.put("/tables/" + tableIndex + "/entities/" + Json.escapePointerToken(name), facetPointers.get(f));
          notes(e, facetPointers.get(f));
          collectMapped(e, mappedFields);
          todo.add("schema.json entity `" + name + "` (facet of `" + tn + "`): add its access_patterns; check the key templates "
              + templates(e.json()) + (samples.get(f).isEmpty() ? " (inferred without sample items)" : "") + " and the field types");
        }
      }
      ArrayNode gl = Json.array();
      for (int i = 0; i < gsis.size(); i++) {
        Index g = gsis.get(i);
        ObjectNode o = gl.addObject().put("name", g.name()).put("partition_key", g.pk().name());
        g.sk().ifPresent(s -> o.put("sort_key", s.name()));
        String type = g.projection().path("ProjectionType").asText("ALL");
        schemaPointers.put("/tables/" + tableIndex + "/gsi_list/" + i, g.pointer());
        if (type.equals("INCLUDE")) {
          Set<String> fields = mappedFields.getOrDefault(g.name(), Set.of());
          List<String> keep = new ArrayList<>();
          List<String> drop = new ArrayList<>();
          for (JsonNode a : g.projection().path("NonKeyAttributes")) {
            String n = a.asText();
            boolean key = n.equals(pk.name()) || sk.map(Attr::name).filter(n::equals).isPresent() || n.equals(g.pk().name())
                || g.sk().map(Attr::name).filter(n::equals).isPresent();
            (fields.contains(n) && !key ? keep : drop).add(n);
          }
          if (!drop.isEmpty()) {
            notCarried(g.pointer() + "/Projection/NonKeyAttributes", "schema.json's `included_attributes` of GSI `" + g.name() + "` leave out "
                + String.join(", ", drop) + ": no entity mapped to the index has them as fields (dynamodb_data_model.json keeps them)", "");
          }
          if (keep.isEmpty()) {
            o.put("projection", "KEYS_ONLY");
          } else {
            o.put("projection", "INCLUDE");
            ArrayNode inc = o.putArray("included_attributes");
            keep.forEach(inc::add);
          }
        } else {
          o.put("projection", type);
        }
      }
      if (!gl.isEmpty()) {
        st.set("gsi_list", gl);
      }
      for (Index l : lsis) {
        notCarried(l.pointer(), "local secondary index `" + l.name() + "` in schema.json: schema.json has no local indexes"
            + " (dynamodb_data_model.json keeps it)", "query it through dynamodb_data_model.json access patterns");
      }
      st.set("entities", entitiesNode);
      return st;
    }

    private static String templates(ObjectNode entity) {
      return "`" + entity.path("pk_template").asText() + "`" + (entity.has("sk_template") ? " / `" + entity.path("sk_template").asText() + "`" : "");
    }

    private static void collectMapped(FacetInference.Entity e, Map<String, Set<String>> mapped) {
      for (JsonNode m : e.json().path("gsi_mappings")) {
        mapped.computeIfAbsent(m.path("name").asText(), k -> new LinkedHashSet<>()).addAll(e.fieldNames());
      }
    }

    private void notes(FacetInference.Entity e, String pointer) {
      for (String n : e.notes()) {
        notCarried(pointer, n, "");
      }
    }

    /** How well an item fits a facet whose aliases are key templates: literal characters matched, or -1. */
    private static int matches(FacetInference.Facet f, ObjectNode item, String pk, Optional<String> sk) {
      Optional<String> pt = f.partitionKeyAlias().flatMap(FacetInference::aliasTemplate);
      // a sort key alias that is not a template is a constant (PROFILE, METADATA)
      Optional<String> st = f.sortKeyAlias().map(a -> FacetInference.aliasTemplate(a).orElse(a));
      return pt.isEmpty() ? -1 : KeyTemplates.fit(pt.get(), st, item, pk, sk);
    }

    private String entityName(String wanted) {
      String n = wanted;
      for (int i = 2; !entityNames.add(n); i++) {
        n = wanted + "_" + i;
      }
      return n;
    }

    // ------------------------------------------------------------------ helpers

    private Optional<Attr> attr(JsonNode a, String p, boolean key, boolean required) {
      if (a == null) {
        if (required) {
          error("Workbench.Required", p.substring(0, p.lastIndexOf('/')), "required property `" + p.substring(p.lastIndexOf('/') + 1) + "` is missing",
              "write {\"AttributeName\": \"pk\", \"AttributeType\": \"S\"}");
        }
        return Optional.empty();
      }
      if (!a.isObject()) {
        error("Workbench.Structure", p, "an attribute must be an object with AttributeName and AttributeType", "");
        return Optional.empty();
      }
      known(a, p, WorkbenchFormat.ATTRIBUTE_KEYS, "an attribute");
      Optional<String> name = requiredText(a, p, "AttributeName", "the attribute's name");
      Optional<String> type = requiredText(a, p, "AttributeType", "S, N or B");
      if (name.isEmpty() || type.isEmpty()) {
        return Optional.empty();
      }
      List<String> allowed = key ? WorkbenchFormat.KEY_TYPES : WorkbenchFormat.ATTRIBUTE_TYPES;
      String ty = type.get().toUpperCase(Locale.ROOT);
      if (!allowed.contains(ty)) {
        error("Workbench.Type", p + "/AttributeType", "`" + type.get() + "` is not a" + (key ? " key" : "n") + " attribute type"
            + (key ? ": keys are S, N or B" : ""), dev.ddbmodel.core.Suggestions.hint(type.get(), allowed));
        return Optional.empty();
      }
      return Optional.of(new Attr(name.get(), ty, p));
    }

    private Optional<String> requiredText(JsonNode o, String p, String key, String what) {
      JsonNode v = o.get(key);
      if (v == null || v.isNull()) {
        error("Workbench.Required", p, "required property `" + key + "` is missing", "add \"" + key + "\" (" + what + ")");
        return Optional.empty();
      }
      if (!v.isTextual() || v.asText().isEmpty()) {
        error("Workbench.Type", p + "/" + Json.escapePointerToken(key), "`" + key + "` must be a non-empty string, found " + JsonDocument.typeName(v), "");
        return Optional.empty();
      }
      return Optional.of(v.asText());
    }

    /** Reports every property of {@code o} that the import does not read. */
    private void known(JsonNode o, String p, Set<String> keys, String what) {
      for (var it = o.fieldNames(); it.hasNext(); ) {
        String k = it.next();
        if (!keys.contains(k)) {
          String hint = dev.ddbmodel.core.Suggestions.hint(k, keys.stream().sorted().toList());
          notCarried(Json.pointer(p, k), "property `" + k + "` of " + what + " is not part of the Workbench format ddbm reads",
              hint.isEmpty() ? "it is left out; add what it holds to the ddbm files by hand if it matters" : hint);
        }
      }
    }

    private void notCarried(String pointer, String what, String hint) {
      out.add(Diagnostic.warning("Workbench.NotCarried", "not carried: " + what, doc.locate(pointer), hint));
    }

    private void error(String id, String pointer, String message, String hint) {
      out.add(Diagnostic.error(id, message, doc.locate(pointer), hint));
    }

    /** A diagnostic of the produced model (or schema) moved to the Workbench location it came from. */
    private Diagnostic relocate(Diagnostic d, Map<String, String> pointers, String prefix) {
      String p = d.location().pointer();
      String best = null;
      for (String k : pointers.keySet()) {
        if ((p.equals(k) || p.startsWith(k + "/")) && (best == null || k.length() > best.length())) {
          best = k;
        }
      }
      String target = best == null ? "" : pointers.get(best) + (itemPrefixes.contains(best) ? p.substring(best.length()) : "");
      SourceLocation at = doc.locate(target);
      return new Diagnostic(d.id(), d.severity(), prefix + d.message(), at, d.hint(), d.kind());
    }
  }

}
