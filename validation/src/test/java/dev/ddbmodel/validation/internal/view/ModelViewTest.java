package dev.ddbmodel.validation.internal.view;

import dev.ddbmodel.validation.ModelView;
import dev.ddbmodel.validation.ViewRequest;
import dev.ddbmodel.validation.ViewResult;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.Validated;
import dev.ddbmodel.core.CostCalculator;
import dev.ddbmodel.core.CostReport;
import dev.ddbmodel.core.CostRequest;
import dev.ddbmodel.core.PriceTable;
import dev.ddbmodel.core.json.Json;
import dev.ddbmodel.core.DataModel;
import dev.ddbmodel.core.DataModelLoader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelViewTest {
  static JsonNode s(String v) {
    return Json.object().put("S", v);
  }

  static JsonNode n(String v) {
    return Json.object().put("N", v);
  }

  static JsonNode b(byte... bytes) {
    return Json.object().put("B", java.util.Base64.getEncoder().encodeToString(bytes));
  }

  @Test
  void keysOrderAsDynamoDbOrdersThem() {
    // strings by UTF-8 bytes: upper case before lower case, 'é' (0xC3 0xA9) after 'z', a prefix first
    assertThat(AttributeValues.compare(s("Z"), s("a")).orElseThrow()).isNegative();
    assertThat(AttributeValues.compare(s("é"), s("z")).orElseThrow()).isPositive();
    assertThat(AttributeValues.compare(s("a"), s("ab")).orElseThrow()).isNegative();
    // an astral character (4 UTF-8 bytes, a surrogate pair in Java) sorts after U+FFFD: byte order, not UTF-16 order
    assertThat(AttributeValues.compare(s("\uD83D\uDE00"), s("\uFFFD")).orElseThrow()).isPositive();
    // numbers by value
    assertThat(AttributeValues.compare(n("10"), n("9")).orElseThrow()).isPositive();
    assertThat(AttributeValues.compare(n("-1"), n("0.5")).orElseThrow()).isNegative();
    assertThat(AttributeValues.compare(n("1.0"), n("1"))).contains(0);
    // binaries by unsigned bytes
    assertThat(AttributeValues.compare(b((byte) 0x7f), b((byte) 0x80)).orElseThrow()).isNegative();
    assertThat(AttributeValues.compare(s("1"), n("1"))).isEmpty();
    assertThat(AttributeValues.beginsWith(s("ORDER#2025"), s("ORDER#"))).isTrue();
    assertThat(AttributeValues.beginsWith(b((byte) 1, (byte) 2), b((byte) 1))).isTrue();
    assertThat(AttributeValues.beginsWith(n("12"), n("1"))).isFalse();
  }

  @Test
  void keyConditionsCoverTheWholeGrammar() {
    JsonNode values = Json.parseTrusted("{\":p\": {\"S\": \"U#1\"}, \":a\": {\"S\": \"O#2\"}, \":b\": {\"S\": \"O#4\"}, \":x\": {\"S\": \"O#\"}}");
    Map<String, String> names = Map.of("#pk", "pk", "#sk", "sk");
    JsonNode item = Json.parseTrusted("{\"pk\": {\"S\": \"U#1\"}, \"sk\": {\"S\": \"O#3\"}}");
    for (String yes : List.of("pk = :p", "#pk = :p AND #sk BETWEEN :a AND :b", "(#pk = :p) and begins_with(sk, :x)", "pk = :p AND sk > :a",
        "pk = :p AND sk >= :a", "pk = :p AND sk < :b", "pk = :p AND sk <= :b", "pk = :p AND :b > sk", "((pk = :p) AND (sk<:b))")) {
      assertThat(KeyCondition.parse(yes, names, values).orElseThrow().matches(item)).as(yes).isTrue();
    }
    for (String no : List.of("pk = :a", "pk = :p AND sk BETWEEN :b AND :b", "pk = :p AND begins_with(sk, :p)", "pk = :p AND sk < :a", "pk = :p AND other = :p")) {
      assertThat(KeyCondition.parse(no, names, values).orElseThrow().matches(item)).as(no).isFalse();
    }
    for (String broken : List.of("pk = :nope", "#missing = :p", "pk <> :p", "pk = :p AND", "pk = :p OR sk = :a", "pk = :p)")) {
      assertThat(KeyCondition.parse(broken, names, values)).as(broken).isEmpty();
    }
  }

  static final String MODEL = """
      {"tables": [{"TableName": "App", "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"},
         {"AttributeName": "sk", "AttributeType": "S"}, {"AttributeName": "gpk", "AttributeType": "S"}, {"AttributeName": "n", "AttributeType": "N"}],
         "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
         "GlobalSecondaryIndexes": [{"IndexName": "ByG", "KeySchema": [{"AttributeName": "gpk", "KeyType": "HASH"}, {"AttributeName": "n", "KeyType": "RANGE"}],
           "Projection": {"ProjectionType": "KEYS_ONLY"}}]}],
       "items": {"App": [
         {"PutRequest": {"Item": {"pk": {"S": "U#1"}, "sk": {"S": "PROFILE"}, "entity_type": {"S": "User"}}}},
         {"PutRequest": {"Item": {"pk": {"S": "U#1"}, "sk": {"S": "O#10"}, "gpk": {"S": "OPEN"}, "n": {"N": "10"}, "total": {"N": "5"}}}},
         {"PutRequest": {"Item": {"pk": {"S": "U#1"}, "sk": {"S": "O#9"}, "gpk": {"S": "OPEN"}, "n": {"N": "9"}}}},
         {"PutRequest": {"Item": {"pk": {"S": "U#2"}, "sk": {"S": "O#1"}, "gpk": {"S": "DONE"}, "n": {"N": "1"}}}},
         {"PutRequest": {"Item": {"pk": {"S": "U#3"}, "sk": {"S": "GONE"}}}},
         {"DeleteRequest": {"Key": {"pk": {"S": "U#3"}, "sk": {"S": "GONE"}}}}]},
       "access_patterns": [
         {"pattern": "q", "description": "orders of a user", "table": "App", "dynamodb_operation": "Query",
          "implementation": "aws dynamodb query --table-name App --key-condition-expression 'pk = :p AND begins_with(sk, :o)' --expression-attribute-values '{\\":p\\": {\\"S\\": \\"U#1\\"}, \\":o\\": {\\"S\\": \\"O#\\"}}'"},
         {"pattern": "g", "description": "open orders by number", "table": "App", "index": "ByG", "dynamodb_operation": "Query",
          "implementation": "aws dynamodb query --table-name App --index-name ByG --key-condition-expression 'gpk = :s AND n > :m' --expression-attribute-values '{\\":s\\": {\\"S\\": \\"OPEN\\"}, \\":m\\": {\\"N\\": \\"9\\"}}'"},
         {"pattern": "s", "description": "everything", "table": "App", "dynamodb_operation": "Scan", "implementation": "aws dynamodb scan --table-name App"},
         {"pattern": "u", "description": "touch", "table": "App", "dynamodb_operation": "UpdateItem",
          "implementation": "aws dynamodb update-item --table-name App --key '{\\"pk\\": {\\"S\\": \\"U#2\\"}, \\"sk\\": {\\"S\\": \\"O#1\\"}}' --update-expression 'SET x = :x' --expression-attribute-values '{\\":x\\": {\\"S\\": \\"1\\"}}'"},
         {"pattern": "p", "description": "new", "table": "App", "dynamodb_operation": "PutItem",
          "implementation": "aws dynamodb put-item --table-name App --item '{\\"pk\\": {\\"S\\": \\"U#9\\"}, \\"sk\\": {\\"S\\": \\"PROFILE\\"}}'"},
         {"pattern": "t", "description": "both", "dynamodb_operation": "TransactWriteItems",
          "implementation": "aws dynamodb transact-write-items --transact-items '[{\\"ConditionCheck\\": {\\"TableName\\": \\"App\\", \\"Key\\": {\\"pk\\": {\\"S\\": \\"U#1\\"}, \\"sk\\": {\\"S\\": \\"PROFILE\\"}}, \\"ConditionExpression\\": \\"attribute_exists(pk)\\"}}, {\\"Delete\\": {\\"TableName\\": \\"App\\", \\"Key\\": {\\"pk\\": {\\"S\\": \\"U#1\\"}, \\"sk\\": {\\"S\\": \\"O#9\\"}}}}]'"},
         {"pattern": "x", "description": "search", "reason": "served by OpenSearch"}]}
      """;

  static ViewData data(String model, Optional<CostSection> cost) {
    DataModel m = DataModelLoader.parse("m.json", model).unwrap();
    return new ViewData(m, Optional.empty(), Optional.empty(), cost, List.of());
  }

  static List<String> skOf(ViewData d, java.util.Set<String> ids) {
    return d.items.stream().filter(i -> ids.contains(i.id())).map(i -> i.attributes().path("sk").path("S").asText()).sorted().toList();
  }

  @Test
  void collectionsAreGroupedAndSortedAndIndexesAreSparse() {
    ViewData d = data(MODEL, Optional.empty());
    assertThat(d.items).hasSize(4);
    ViewData.View base = d.views.get("App").get(0);
    assertThat(base.collections()).extracting(c -> c.partition().get(0).path("S").asText()).containsExactly("U#1", "U#2");
    // byte order: "O#10" < "O#9" < "PROFILE"
    assertThat(base.collections().get(0).items()).extracting(i -> i.attributes().path("sk").path("S").asText()).containsExactly("O#10", "O#9", "PROFILE");
    ViewData.View gsi = d.views.get("App").get(1);
    assertThat(gsi.entries()).isEqualTo(3);
    assertThat(gsi.collections()).extracting(c -> c.partition().get(0).path("S").asText()).containsExactly("DONE", "OPEN");
    // numbers by value: 9 before 10
    assertThat(gsi.collections().get(1).items()).extracting(i -> i.attributes().path("n").path("N").asText()).containsExactly("9", "10");
    assertThat(gsi.projected().orElseThrow()).containsExactlyInAnyOrder("pk", "sk", "gpk", "n");
    assertThat(d.entities).containsEntry("User", 1).containsEntry("O", 3);
  }

  @Test
  void eachPatternTouchesTheRightItems() {
    ViewData d = data(MODEL, Optional.empty());
    Map<String, ViewData.Pattern> p = d.patterns.stream().collect(Collectors.toMap(x -> x.spec().pattern(), x -> x));
    assertThat(skOf(d, p.get("q").reads())).containsExactly("O#10", "O#9");
    assertThat(p.get("q").viewDomId()).contains("t0-v0");
    assertThat(skOf(d, p.get("g").reads())).containsExactly("O#10");
    assertThat(p.get("g").viewDomId()).contains("t0-v1");
    assertThat(skOf(d, p.get("s").reads())).hasSize(4);
    assertThat(p.get("s").findings()).extracting(ViewData.Note::id).contains("Pattern.ScanUsed");
    assertThat(skOf(d, p.get("u").writes())).containsExactly("O#1");
    assertThat(p.get("p").writes()).isEmpty();
    assertThat(p.get("p").absent()).isEqualTo(1);
    assertThat(skOf(d, p.get("t").reads())).containsExactly("PROFILE");
    assertThat(skOf(d, p.get("t").writes())).containsExactly("O#9");
    assertThat(p.get("x").reads()).isEmpty();
    assertThat(p.get("x").viewDomId()).isEmpty();
  }

  @Test
  void costsAreReadBackFromTheReportTheCostCommandWrites() {
    JsonNode input = Json.parseTrusted("""
        {"access_pattern_list": [
          {"pattern": "q", "description": "d", "operation": "Query", "table": "App", "rps": 50, "item_size_bytes": 800, "item_count": 4},
          {"pattern": "w", "description": "d", "operation": "PutItem", "table": "App", "rps": 1500, "item_size_bytes": 900, "gsi_list": ["ByG"]}],
         "table_list": [{"name": "App", "item_size_bytes": 900, "item_count": 100000, "gsi_list": [{"name": "ByG", "item_size_bytes": 100, "item_count": 50000}]}]}""");
    CostReport r = CostRequest.fromJson(input, "c.json").map(x -> x.with(PriceTable.find("us-east-1", "STANDARD").orElseThrow(), false, Optional.empty()))
        .flatMap(CostCalculator::compute).unwrap();
    CostSection c = CostSection.read("# Design\n\n" + CostReport.BEGIN_MARKER + "\n" + r.toMarkdown() + "\n").orElseThrow();
    for (CostReport.PatternCost pc : r.patterns()) {
      double expected = pc.cost() + pc.gsiWrites().stream().mapToDouble(CostReport.GsiWrite::cost).sum();
      assertThat(c.patternCosts().get(pc.pattern().pattern()).doubleValue()).as(pc.pattern().pattern()).isCloseTo(expected, org.assertj.core.data.Offset.offset(0.011));
    }
    assertThat(c.total()).isEqualTo("$" + new BigDecimal(r.total()).setScale(2, RoundingMode.HALF_EVEN).toPlainString());
    assertThat(c.partitionWarnings()).isNotEmpty().isEqualTo(iterate(r.toJson().path("partition_warnings")));
    assertThat(c.warningsFor("w")).isNotEmpty();
    // each finding keeps the id of the diagnostic it was written from, not one id for all
    assertThat(c.partitionFindings()).extracting(CostSection.Finding::id)
        .isEqualTo(r.diagnostics().stream().map(dev.ddbmodel.core.Diagnostic::id).filter(CostReport.PARTITION_IDS::contains).toList())
        .contains("Cost.GsiWritePressure");
    assertThat(CostSection.read("no report here")).isEmpty();
  }

  @Test
  void hostileContentIsEscapedInThePage(@TempDir Path ws) throws Exception {
    for (var attack : dev.ddbmodel.core.testing.StringAttacks.all()) {
      String a = attack.value();
      if (a.length() > 10_000) {
        continue;
      }
      String model = "{\"tables\": [{\"TableName\": \"Tbl\", \"AttributeDefinitions\": [{\"AttributeName\": \"pk\", \"AttributeType\": \"S\"}],"
          + " \"KeySchema\": [{\"AttributeName\": \"pk\", \"KeyType\": \"HASH\"}]}], \"items\": {\"Tbl\": [{\"PutRequest\": {\"Item\": {\"pk\": {\"S\": "
          + Json.compact("k" + a) + "}, " + Json.compact("a" + a) + ": {\"S\": " + Json.compact(a) + "}}}}]}, \"access_patterns\": [{\"pattern\": "
          + Json.compact("p" + a) + ", \"description\": " + Json.compact(a) + ", \"reason\": " + Json.compact("r" + a) + "}]}";
      Files.writeString(ws.resolve("dynamodb_data_model.json"), model);
      Validated<ModelView.Rendered> r = ModelView.render(ws);
      assertThat(r.errors()).as(attack.name()).isEmpty();
      String html = r.unwrap().html();
      assertThat(count(html, "<script")).as(attack.name()).isEqualTo(1);
      assertThat(count(html, "</script>")).as(attack.name()).isEqualTo(1);
      if (a.contains("<") || a.contains("\"")) {
        assertThat(html).as(attack.name()).doesNotContain(a);
      }
      assertThat(html).as(attack.name()).doesNotContain("\u0000");
      assertWellFormedTags(html, attack.name());
    }
  }

  @Test
  void theResultCarriesTheFindingsOfWhatItShows(@TempDir Path ws) throws Exception {
    Files.writeString(ws.resolve("dynamodb_data_model.json"), "{\"tables\": [{\"TableName\": \"Things\", \"BillingMode\": \"PAY_PER_REQUEST\","
        + " \"AttributeDefinitions\": [{\"AttributeName\": \"pk\", \"AttributeType\": \"S\"}],"
        + " \"KeySchema\": [{\"AttributeName\": \"pk\", \"KeyType\": \"HASH\"}]}], \"items\": {}, \"access_patterns\": []}");
    Validated<ViewResult> r = ModelView.run(new ViewRequest(ws, Optional.empty(), false));
    assertThat(r.unwrap().diagnostics()).extracting(dev.ddbmodel.core.Diagnostic::id).contains("DataModel.NoItems");
    assertThat(r.unwrap().diagnostics()).isEqualTo(r.diagnostics());
  }

  @Test
  void thePageIsReplacedOnlyWhenItIsOurs(@TempDir Path ws) throws Exception {
    Files.copy(Path.of("../examples/models/social/dynamodb_data_model.json"), ws.resolve("dynamodb_data_model.json"));
    ViewRequest req = new ViewRequest(ws, Optional.empty(), false);
    assertThat(ModelView.run(req).errors()).isEmpty();
    assertThat(ModelView.run(req).errors()).as("our own page is replaced").isEmpty();
    Path mine = ws.resolve("notes.html");
    Files.writeString(mine, "<!DOCTYPE html><p>my notes</p>");
    Validated<ViewResult> refused = ModelView.run(new ViewRequest(ws, Optional.of(mine), false));
    assertThat(refused.errors()).extracting(Diagnostic::id).containsExactly("Output.Exists");
    assertThat(Files.readString(mine)).contains("my notes");
    assertThat(ModelView.run(new ViewRequest(ws, Optional.of(mine), true)).errors()).isEmpty();
    assertThat(Files.readString(mine)).contains(ViewPage.GENERATOR);
    assertThat(ModelView.run(new ViewRequest(ws.resolve("nope"), Optional.empty(), false)).errors())
        .singleElement().satisfies(d -> {
          assertThat(d.id()).isEqualTo("View.NoModel");
          assertThat(d.kind()).isEqualTo(Diagnostic.Kind.USAGE);
        });
    assertThat(ModelView.run(new ViewRequest(ws, Optional.of(Path.of("/proc/ddbm-view-test/page.html")), false)).errors())
        .singleElement().satisfies(d -> {
          assertThat(d.id()).isEqualTo("Output.WriteFailed");
          assertThat(d.kind()).isEqualTo(Diagnostic.Kind.ENVIRONMENT);
        });
    Files.write(ws.resolve("dynamodb_data_model.md"), new byte[] {'#', ' ', (byte) 0xff, (byte) 0xfe, '\n'});
    assertThat(ModelView.run(req).diagnostics()).extracting(Diagnostic::id).contains("View.Unreadable");
    // broken optional files are left out with a warning, never fatal
    Files.writeString(ws.resolve("dynamodb_model_validation.json"), "{not json");
    Validated<ViewResult> r = ModelView.run(req);
    assertThat(r.errors()).isEmpty();
    assertThat(r.diagnostics()).extracting(Diagnostic::id).contains("View.Ignored");
  }

  private static final java.util.regex.Pattern TAG = java.util.regex.Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9]*)((?:\\s+[a-zA-Z][a-zA-Z0-9:-]*(?:=\"[^\"<>]*\")?)*)\\s*(/?)>");

  private static final java.util.regex.Pattern ATTRIBUTE = java.util.regex.Pattern.compile("\\s+([a-zA-Z][a-zA-Z0-9:-]*)(?:=\"[^\"]*\")?");

  /**
   * Outside our own style and script, the markup is only tags whose attributes are double-quoted
   * values without quotes or angle brackets, and none of them is an event handler: model text
   * can only be text.
   */
  static void assertWellFormedTags(String html, String what) {
    String body = html.replaceAll("(?s)<style>.*?</style>", "<style></style>").replaceAll("(?s)<script>.*?</script>", "<script></script>");
    int i = 0;
    for (int lt = body.indexOf('<'); lt >= 0; lt = body.indexOf('<', i)) {
      if (body.startsWith("<!DOCTYPE html>", lt)) {
        i = lt + 1;
        continue;
      }
      java.util.regex.Matcher m = TAG.matcher(body).region(lt, body.length());
      assertThat(m.lookingAt()).as("%s: a well-formed tag at %s", what, body.substring(lt, Math.min(body.length(), lt + 120))).isTrue();
      java.util.regex.Matcher a = ATTRIBUTE.matcher(m.group(3));
      while (a.find()) {
        assertThat(a.group(1).toLowerCase(java.util.Locale.ROOT)).as(what).doesNotStartWith("on");
      }
      i = m.end();
    }
  }

  @Test
  void aGsiWhoseEntriesCrowdIntoOnePartitionIsFlagged() {
    StringBuilder items = new StringBuilder();
    for (int i = 0; i < 7; i++) {
      items.append(i == 0 ? "" : ",").append("{\"PutRequest\": {\"Item\": {\"pk\": {\"S\": \"o").append(i)
          .append("\"}, \"status\": {\"S\": \"").append(i < 6 ? "OPEN" : "DONE").append("\"}}}}");
    }
    String model = "{\"tables\": [{\"TableName\": \"Orders\", \"AttributeDefinitions\": [{\"AttributeName\": \"pk\", \"AttributeType\": \"S\"},"
        + " {\"AttributeName\": \"status\", \"AttributeType\": \"S\"}], \"KeySchema\": [{\"AttributeName\": \"pk\", \"KeyType\": \"HASH\"}],"
        + " \"GlobalSecondaryIndexes\": [{\"IndexName\": \"ByStatus\", \"KeySchema\": [{\"AttributeName\": \"status\", \"KeyType\": \"HASH\"}],"
        + " \"Projection\": {\"ProjectionType\": \"ALL\"}}]}], \"items\": {\"Orders\": [" + items + "]}, \"access_patterns\": []}";
    ViewData d = data(model, Optional.empty());
    assertThat(d.views.get("Orders").get(1).warnings()).singleElement().satisfies(n -> {
      assertThat(n.id()).isEqualTo("View.FewPartitions");
      assertThat(n.message()).startsWith("6 of the 7 sample entries of GSI `ByStatus` share one partition key value");
    });
    assertThat(d.views.get("Orders").get(0).warnings()).isEmpty();
  }

  private static int count(String s, String needle) {
    int n = 0;
    for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }

  private static List<String> iterate(JsonNode a) {
    List<String> out = new java.util.ArrayList<>();
    a.forEach(x -> out.add(x.asText()));
    return out;
  }
}
