package dev.ddbmodel.core.internal.guide;

import dev.ddbmodel.core.Guide;
import dev.ddbmodel.core.Guides;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.Validated;
import dev.ddbmodel.core.CostRequest;
import dev.ddbmodel.core.Operation;
import dev.ddbmodel.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import dev.ddbmodel.core.CostCalculator;
import dev.ddbmodel.core.json.JsonDocument;
import dev.ddbmodel.core.DataModelLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class GuidesTest {
  static final Pattern CLAIM = Pattern.compile("([0-9][0-9,]*(?:\\.[0-9]+)?)(?:\\s*[A-Za-z%]+)?<!--n:([A-Z_]+)-->");
  static final Pattern JSON_BLOCK = Pattern.compile("(?s)```json\\n(.*?)```");

  @Test
  void everyGuideLoadsWithoutAnnotations() {
    List<Guide> all = Guides.all();
    assertThat(all).extracting(Guide::id).contains("data-modeling", "data-model-json", "schema-converter", "usage-data",
        "validation-report", "next-steps", "dal-python", "dal-java", "dal-typescript");
    for (Guide g : all) {
      assertThat(g.text().length()).as(g.id()).isGreaterThan(400);
      assertThat(g.text()).as(g.id()).doesNotContain("<!--n:");
      assertThat(g.version()).isNotBlank();
    }
    assertThat(Guides.load("nope")).isEmpty();
  }

  @Test
  void everyNumberMatchesTheLimitsTable() {
    int checked = 0;
    List<String> wrong = new ArrayList<>();
    for (Guide g : Guides.all()) {
      String raw = Guides.raw(Guides.file(g.id()));
      Matcher m = CLAIM.matcher(raw);
      while (m.find()) {
        double stated = Double.parseDouble(m.group(1).replace(",", ""));
        String name = m.group(2);
        if (!DynamoDbLimits.VALUES.containsKey(name) || DynamoDbLimits.get(name) != stated) {
          wrong.add(g.id() + ": " + m.group() + " (table says " + DynamoDbLimits.VALUES.get(name) + ")");
        }
        checked++;
      }
      assertThat(raw.split("<!--n:", -1).length - 1).as("every annotation follows a number in " + g.id())
          .isEqualTo((int) CLAIM.matcher(raw).results().count());
    }
    assertThat(wrong).isEmpty();
    assertThat(checked).isGreaterThanOrEqualTo(40);
  }

  @Test
  void limitsTableAgreesWithTheCalculator() {
    assertThat(DynamoDbLimits.get("PARTITION_RCU")).isEqualTo(CostCalculator.PARTITION_RCU);
    assertThat(DynamoDbLimits.get("PARTITION_WCU")).isEqualTo(CostCalculator.PARTITION_WCU);
    assertThat(DynamoDbLimits.get("READ_UNIT_KB") * 1024).isEqualTo(CostCalculator.READ_UNIT_BYTES);
    assertThat(DynamoDbLimits.get("WRITE_UNIT_KB") * 1024).isEqualTo(CostCalculator.WRITE_UNIT_BYTES);
    assertThat(DynamoDbLimits.get("STORAGE_OVERHEAD_BYTES")).isEqualTo(CostCalculator.ITEM_OVERHEAD_BYTES);
    // break-even: a fully used provisioned WCU-month versus the same writes on demand
    double provisioned = DynamoDbLimits.get("PRICE_WCU_HOUR") * 730;
    double onDemand = DynamoDbLimits.get("PRICE_WRU_PER_MILLION") / 1e6 * 730 * 3600;
    assertThat(Math.round(provisioned / onDemand * 100)).isEqualTo((long) DynamoDbLimits.get("BREAK_EVEN_PERCENT"));
  }

  @Test
  void jsonExamplesParseAndDataModelsValidate() {
    int models = 0;
    for (Guide g : Guides.all()) {
      Matcher m = JSON_BLOCK.matcher(g.text());
      while (m.find()) {
        Validated<JsonDocument> doc = JsonDocument.parse(g.id() + ".md", m.group(1));
        assertThat(doc.errors()).as(g.id() + " example:\n" + m.group(1)).isEmpty();
        var root = doc.unwrap().root();
        if (root.has("tables") && root.has("access_patterns") && root.has("items")) {
          var r = DataModelLoader.parse(g.id() + ".md", m.group(1));
          assertThat(r.errors()).as(g.id()).isEmpty();
          models++;
        }
      }
    }
    assertThat(models).isGreaterThanOrEqualTo(1);
  }

  // ---- every JSON block is a whole input and passes its validator; every input field has an example ----

  /** The ```json blocks of a guide, parsed. */
  static List<JsonNode> jsonBlocks(String guideId) {
    List<JsonNode> out = new ArrayList<>();
    Matcher m = JSON_BLOCK.matcher(Guides.expect(guideId).text());
    while (m.find()) {
      out.add(Json.parseTrusted(m.group(1)));
    }
    return out;
  }

  static boolean isCostInput(JsonNode n) {
    return n.has("access_pattern_list") || n.has("table_list");
  }

  static boolean isModel(JsonNode n) {
    return n.has("tables") && n.has("items") && n.has("access_patterns");
  }

  @Test
  void costExamplesAreAcceptedWithoutAnError() {
    int n = 0;
    for (Guide g : Guides.all()) {
      for (JsonNode b : jsonBlocks(g.id())) {
        if (isCostInput(b)) {
          Validated<?> r = CostRequest.fromJson(b, g.id() + ".md").flatMap(CostCalculator::compute);
          assertThat(r.diagnostics()).as(g.id() + " cost example " + b).filteredOn(d -> d.isError() || d.id().equals("Cost.UnknownField")).isEmpty();
          n++;
        }
      }
    }
    assertThat(n).isGreaterThanOrEqualTo(3);
  }

  /** Object keys at every depth below {@code n}, by the key of the object that holds them ("" at the root). */
  static void keys(JsonNode n, Set<String> out) {
    if (n.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
        var e = it.next();
        out.add(e.getKey());
        keys(e.getValue(), out);
      }
    } else if (n.isArray()) {
      n.forEach(c -> keys(c, out));
    }
  }

  /** Every property name a JSON Schema declares, at any depth. */
  static void schemaProperties(JsonNode schema, Set<String> out) {
    if (schema.isObject()) {
      JsonNode props = schema.get("properties");
      if (props != null && props.isObject()) {
        props.fieldNames().forEachRemaining(out::add);
      }
      schema.forEach(c -> schemaProperties(c, out));
    } else if (schema.isArray()) {
      schema.forEach(c -> schemaProperties(c, out));
    }
  }

  static String resource(String path) {
    try (InputStream in = GuidesTest.class.getClassLoader().getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void everyModelFieldOfTheJsonSchemaHasAnExampleInTheModelGuide() {
    Set<String> fields = new TreeSet<>();
    schemaProperties(Json.parseTrusted(resource("dev/ddbmodel/core/model/dynamodb_data_model.schema.json")), fields);
    fields.remove("$schema"); // an editor hint, ignored
    Set<String> used = new TreeSet<>();
    for (JsonNode b : jsonBlocks("data-model-json")) {
      if (isModel(b)) {
        keys(b, used);
      }
    }
    assertThat(fields).hasSizeGreaterThan(40);
    assertThat(new TreeSet<>(fields)).as("model JSON fields without an example in data-model-json.md").isSubsetOf(used);
    // closed value sets an assistant picks from: each value shown once
    String all = jsonBlocks("data-model-json").toString();
    for (String v : List.of("\"items\"", "\"empty\"", "\"refused\"", "PAY_PER_REQUEST", "PROVISIONED", "KEYS_ONLY", "INCLUDE", "\"ALL\"")) {
      assertThat(all).as("value " + v).contains(v);
    }
    for (Operation op : Operation.values()) {
      assertThat(all).as("operation " + op).contains("\"dynamodb_operation\":\"" + op.name() + "\"");
    }
  }

  @Test
  void everyCostInputFieldHasAnExampleInTheCostGuide() {
    Set<String> root = new TreeSet<>();
    Set<String> pattern = new TreeSet<>();
    Set<String> table = new TreeSet<>();
    Set<String> gsi = new TreeSet<>();
    Set<String> ops = new TreeSet<>();
    for (JsonNode b : jsonBlocks("cost-input")) {
      if (!isCostInput(b)) {
        continue;
      }
      b.fieldNames().forEachRemaining(root::add);
      for (JsonNode a : b.path("access_pattern_list")) {
        a.fieldNames().forEachRemaining(pattern::add);
        ops.add(a.path("operation").asText());
      }
      for (JsonNode t : b.path("table_list")) {
        t.fieldNames().forEachRemaining(table::add);
        for (JsonNode g : t.path("gsi_list")) {
          g.fieldNames().forEachRemaining(gsi::add);
        }
      }
    }
    assertThat(root).containsAll(CostRequest.ROOT_FIELDS);
    assertThat(pattern).as("access_pattern_list fields with an example").containsAll(CostRequest.PATTERN_FIELDS);
    assertThat(table).as("table_list fields with an example").containsAll(CostRequest.TABLE_FIELDS);
    assertThat(gsi).as("table gsi_list fields with an example").containsAll(CostRequest.GSI_FIELDS);
    assertThat(ops).as("operations with an example").containsAll(Arrays.stream(Operation.values()).map(Enum::name).toList());
    // and the reference table names each field
    String ref = Guides.section("cost-input", "Reference").orElseThrow();
    for (String f : new LinkedHashSet<>(concat(CostRequest.PATTERN_FIELDS, CostRequest.TABLE_FIELDS, CostRequest.GSI_FIELDS))) {
      assertThat(ref).as("reference row for " + f).contains("`" + f + "`");
    }
  }

  @SafeVarargs
  static List<String> concat(List<String>... lists) {
    List<String> out = new ArrayList<>();
    for (List<String> l : lists) {
      out.addAll(l);
    }
    return out;
  }

  @Test
  void theCostReportMarkersAreNamedExactlyAsTheWriterUsesThem() {
    String text = Guides.expect("cost-input").text();
    assertThat(text).contains(dev.ddbmodel.core.CostReport.BEGIN_MARKER).contains(dev.ddbmodel.core.CostReport.END_MARKER);
    assertThat(Guides.expect("data-modeling").text()).contains(dev.ddbmodel.core.CostReport.BEGIN_MARKER);
  }

  @Test
  void sectionsAreFoundByHeadingAndEndAtTheNextPeerHeading() {
    String ref = Guides.section("cost-input", "reference").orElseThrow();
    assertThat(ref).startsWith("## Reference\n").contains("### `access_pattern_list`").doesNotContain("## A complete input");
    assertThat(Guides.section("cost-input", "access_pattern_list: one entry per access pattern").orElseThrow())
        .startsWith("### `access_pattern_list`").doesNotContain("### `table_list`");
    assertThat(Guides.section("cost-input", "no such heading")).isEmpty();
    assertThat(Guides.section("nope", "Reference")).isEmpty();
    assertThat(Guides.headings("cost-input")).contains("Reference", "Where the report goes");
  }

  // ---- measurement: checklists per guide, requirement documents and what they hide ----

  static String normalized(String s) {
    return s.replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
  }

  static JsonNode testResource(String name) {
    return Json.parseTrusted(resource("dev/ddbmodel/core/guide/" + name));
  }

  @Test
  void everyChecklistItemCanBeFoundInItsGuide() {
    JsonNode lists = testResource("checklists.json").path("guides");
    List<String> missing = new ArrayList<>();
    for (Guide g : Guides.all()) {
      JsonNode items = lists.path(g.id());
      assertThat(items.size()).as("checklist of guide " + g.id()).isGreaterThanOrEqualTo(3);
      String text = normalized(g.text());
      for (JsonNode item : items) {
        for (JsonNode f : item.path("find")) {
          if (!text.contains(normalized(f.asText()))) {
            missing.add(g.id() + "/" + item.path("id").asText() + ": " + f.asText());
          }
        }
      }
    }
    lists.fieldNames().forEachRemaining(id -> assertThat(Guides.load(id)).as("checklist for an unknown guide " + id).isPresent());
    assertThat(missing).as("checklist items the guides do not answer").isEmpty();
  }

  @Test
  void everyTrapOfTheRequirementDocumentsIsInTheDocumentAndAnsweredByAChecklistItem() {
    JsonNode lists = testResource("checklists.json").path("guides");
    Set<String> items = new TreeSet<>();
    lists.fields().forEachRemaining(e -> e.getValue().forEach(i -> items.add(e.getKey() + "/" + i.path("id").asText())));
    JsonNode docs = testResource("requirements/traps.json").path("documents");
    assertThat(docs.size()).isGreaterThanOrEqualTo(5);
    Set<String> covered = new TreeSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = docs.fields(); it.hasNext(); ) {
      var d = it.next();
      String text = normalized(resource("dev/ddbmodel/core/guide/requirements/" + d.getKey()));
      assertThat(d.getValue().size()).as(d.getKey()).isGreaterThanOrEqualTo(5);
      for (JsonNode t : d.getValue()) {
        assertThat(text).as(d.getKey() + " quotes").contains(normalized(t.path("quote").asText()));
        assertThat(items).as(d.getKey() + ": " + t.path("quote").asText()).contains(t.path("item").asText());
        covered.add(t.path("item").asText());
      }
    }
    // the method items the issue names are each exercised by at least one document
    assertThat(covered).contains("data-modeling/numbers-consistency", "data-modeling/handed-over-file", "data-modeling/hierarchy-breadcrumbs",
        "data-modeling/bounded-list-all", "data-modeling/stateless-auth", "data-modeling/multi-step", "data-modeling/stream-consumers",
        "cost-input/cross-table-transaction", "cost-input/condition-check", "cost-input/several-entities", "data-model-json/expect");
  }
}
