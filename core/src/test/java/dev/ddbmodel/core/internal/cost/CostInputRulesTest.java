package dev.ddbmodel.core.internal.cost;

import dev.ddbmodel.core.CostInputs;
import dev.ddbmodel.core.CostRequest;
import dev.ddbmodel.core.Operation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbmodel.core.json.Json;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The cost input rules one by one, at their limits and one past them: each case lists every
 * diagnostic it gives (severity, id, pointer) and, when valid, what was read.
 */
class CostInputRulesTest {
  static final String TABLE = "{\"name\": \"Orders\", \"item_size_bytes\": 1000, \"item_count\": 10,"
      + " \"gsi_list\": [{\"name\": \"ByCustomer\", \"item_size_bytes\": 500, \"item_count\": 10}]}";

  /** A pattern: Query on Orders, 500 bytes, 2 items, 1 rps, with {@code extras} ("k": v pairs) replacing or adding fields. */
  static String pattern(String extras) {
    var base = (com.fasterxml.jackson.databind.node.ObjectNode) Json.parseTrusted(
        "{\"pattern\": \"p\", \"description\": \"d\", \"operation\": \"Query\", \"table\": \"Orders\", \"rps\": 1, \"item_size_bytes\": 500, \"item_count\": 2}");
    base.setAll((com.fasterxml.jackson.databind.node.ObjectNode) Json.parseTrusted("{" + extras + "}"));
    base.properties().removeIf(e -> e.getValue().isTextual() && e.getValue().asText().equals("<drop>"));
    return Json.compact(base);
  }

  static List<String> diagnostics(String patterns, String tables) {
    var r = CostRequest.fromJson(Json.parseTrusted("{\"access_pattern_list\": " + patterns + ", \"table_list\": " + tables + "}"), "in.json");
    return r.diagnostics().stream().map(d -> d.severity() + " " + d.id() + " " + d.location().pointer()).toList();
  }

  static List<String> patternDiagnostics(String extras) {
    return diagnostics("[" + pattern(extras) + "]", "[" + TABLE + "]");
  }

  static List<String> tableDiagnostics(String table) {
    return diagnostics("[" + pattern("\"table\": \"Other\", \"item_size_bytes\": 1") + "]", "[" + table + "]");
  }

  static final String P = "/access_pattern_list/0/";

  @Test
  void aValidPatternIsReadWithEveryField() {
    var r = CostRequest.fromJson(Json.parseTrusted("{\"access_pattern_list\": [" + pattern("\"gsi\": \"ByCustomer\", \"hot_key_share\": 1, \"distinct_partition_keys\": 1")
        + "], \"table_list\": [" + TABLE + "]}"), "in.json");
    assertThat(r.diagnostics()).isEmpty();
    CostInputs.Pattern p = r.unwrap().patterns().get(0);
    assertThat(List.of(p.pattern(), p.description(), p.operation(), p.table(), p.rps(), p.itemSizeBytes(), p.itemCount(), p.gsi().orElseThrow(),
        p.hotKeyShare().orElseThrow(), p.distinctPartitionKeys().orElseThrow()))
        .containsExactly("p", "d", Operation.Query, "Orders", 1.0, 500, 2, "ByCustomer", 1.0, 1L);
    CostInputs.Table t = r.unwrap().tables().get(0);
    assertThat(List.of(t.name(), t.itemSizeBytes(), t.itemCount(), t.gsis())).containsExactly("Orders", 1000, 10L, List.of(new CostInputs.Gsi("ByCustomer", 500, 10)));
  }

  @Test
  void numbersAtTheirLimitsAndOnePast() {
    assertThat(patternDiagnostics("\"item_size_bytes\": 1")).isEmpty();
    assertThat(patternDiagnostics("\"item_size_bytes\": 0")).containsExactly("ERROR Cost.Range " + P + "item_size_bytes");
    assertThat(patternDiagnostics("\"item_size_bytes\": 409601")).containsExactly("ERROR Cost.Range " + P + "item_size_bytes");
    assertThat(patternDiagnostics("\"item_size_bytes\": 500.0")).isEmpty();
    assertThat(patternDiagnostics("\"item_size_bytes\": 500.5")).containsExactly("ERROR Cost.Type " + P + "item_size_bytes");
    assertThat(patternDiagnostics("\"item_size_bytes\": \"500\"")).containsExactly("ERROR Cost.Type " + P + "item_size_bytes");
    assertThat(patternDiagnostics("\"item_size_bytes\": \"<drop>\"")).containsExactly("ERROR Cost.Required " + P + "item_size_bytes");
    assertThat(patternDiagnostics("\"rps\": 0.001")).isEmpty();
    assertThat(patternDiagnostics("\"rps\": 0")).containsExactly("ERROR Cost.Range " + P + "rps");
    assertThat(patternDiagnostics("\"rps\": \"1\"")).containsExactly("ERROR Cost.Range " + P + "rps");
    assertThat(patternDiagnostics("\"rps\": \"<drop>\"")).containsExactly("ERROR Cost.Required " + P + "rps");
    assertThat(patternDiagnostics("\"item_count\": \"<drop>\"")).containsExactly("ERROR Cost.Required " + P + "item_count");
    assertThat(patternDiagnostics("\"operation\": \"BatchWriteItem\", \"item_count\": 25, \"item_size_bytes\": 100")).isEmpty();
    assertThat(patternDiagnostics("\"operation\": \"BatchWriteItem\", \"item_count\": 26, \"item_size_bytes\": 100")).containsExactly("ERROR Cost.Range " + P + "item_count");
    assertThat(patternDiagnostics("\"operation\": \"BatchGetItem\", \"item_count\": 100")).isEmpty();
    assertThat(patternDiagnostics("\"operation\": \"BatchGetItem\", \"item_count\": 101")).containsExactly("ERROR Cost.Range " + P + "item_count");
    assertThat(patternDiagnostics("\"operation\": \"TransactWriteItems\", \"item_count\": 101")).containsExactly("ERROR Cost.Range " + P + "item_count");
    assertThat(patternDiagnostics("\"operation\": \"Query\", \"item_count\": 100000")).isEmpty();
    assertThat(patternDiagnostics("\"operation\": \"GetItem\", \"item_count\": \"<drop>\"")).isEmpty();
    assertThat(patternDiagnostics("\"hot_key_share\": 1")).isEmpty();
    assertThat(patternDiagnostics("\"hot_key_share\": 0")).containsExactly("ERROR Cost.Range " + P + "hot_key_share");
    assertThat(patternDiagnostics("\"hot_key_share\": 1.01")).containsExactly("ERROR Cost.Range " + P + "hot_key_share");
    assertThat(patternDiagnostics("\"distinct_partition_keys\": 0")).containsExactly("ERROR Cost.Range " + P + "distinct_partition_keys");
  }

  @Test
  void requiredTextAndTypes() {
    assertThat(patternDiagnostics("\"pattern\": \"<drop>\"")).containsExactly("ERROR Cost.Required " + P + "pattern");
    assertThat(patternDiagnostics("\"description\": \"\"")).containsExactly("ERROR Cost.Type " + P + "description");
    assertThat(patternDiagnostics("\"table\": 5")).containsExactly("ERROR Cost.Type " + P + "table");
    assertThat(patternDiagnostics("\"operation\": \"<drop>\"")).containsExactly("ERROR Cost.Required " + P + "operation");
    assertThat(patternDiagnostics("\"strongly_consistent\": \"yes\"")).containsExactly("ERROR Cost.Type " + P + "strongly_consistent");
    assertThat(diagnostics("[]", "[" + TABLE + "]")).containsExactly("ERROR Cost.Required /access_pattern_list");
    assertThat(diagnostics("[5]", "[" + TABLE + "]")).containsExactly("ERROR Cost.Type /access_pattern_list/0");
  }

  @Test
  void indexesNamedByAPattern() {
    assertThat(patternDiagnostics("\"gsi\": \"\"")).containsExactly("ERROR Cost.Empty " + P + "gsi");
    assertThat(patternDiagnostics("\"gsi\": \"ByCustomr\"")).containsExactly("ERROR Cost.UnknownGsi " + P + "gsi");
    assertThat(patternDiagnostics("\"operation\": \"GetItem\", \"gsi\": \"ByCustomer\"")).containsExactly("ERROR Cost.GsiOnOperation " + P + "gsi");
    assertThat(patternDiagnostics("\"gsi_list\": [\"ByCustomer\"]")).containsExactly("ERROR Cost.GsiListOnRead " + P + "gsi_list");
    String put = "\"operation\": \"PutItem\", \"item_count\": \"<drop>\", ";
    assertThat(patternDiagnostics(put + "\"gsi_list\": [\"ByCustomer\"]")).isEmpty();
    assertThat(patternDiagnostics(put + "\"gsi_list\": [\"ByCustomer\", \"ByCustomer\"]")).containsExactly("ERROR Cost.DuplicateGsi " + P + "gsi_list/1");
    assertThat(patternDiagnostics(put + "\"gsi_list\": [\"\"]")).containsExactly("ERROR Cost.Empty " + P + "gsi_list/0");
    assertThat(patternDiagnostics(put + "\"gsi_list\": [\"Nope\"]")).containsExactly("ERROR Cost.UnknownGsi " + P + "gsi_list");
  }

  @Test
  void patternSizesAboveTheirTableOrIndexAreWarnings() {
    assertThat(patternDiagnostics("\"item_size_bytes\": 1000")).isEmpty();
    assertThat(patternDiagnostics("\"item_size_bytes\": 1001")).containsExactly("WARNING Cost.SizeHierarchy " + P + "item_size_bytes");
    assertThat(patternDiagnostics("\"item_size_bytes\": 500, \"gsi\": \"ByCustomer\"")).isEmpty();
    assertThat(patternDiagnostics("\"item_size_bytes\": 501, \"gsi\": \"ByCustomer\"")).containsExactly("WARNING Cost.SizeHierarchy " + P + "item_size_bytes");
  }

  static String gsis(int n) {
    return IntStream.range(0, n).mapToObj(i -> "{\"name\": \"G" + i + "\", \"item_size_bytes\": 10, \"item_count\": 1}").collect(Collectors.joining(","));
  }

  @Test
  void tableRules() {
    String t = "/table_list/0/";
    String ok = "{\"name\": \"Other\", \"item_size_bytes\": 100, \"item_count\": 1";
    assertThat(tableDiagnostics(ok + "}")).isEmpty();
    assertThat(tableDiagnostics(ok + ", \"gsi_list\": [" + gsis(20) + "]}")).isEmpty();
    assertThat(tableDiagnostics(ok + ", \"gsi_list\": [" + gsis(21) + "]}")).containsExactly("ERROR Cost.Range " + t + "gsi_list");
    assertThat(tableDiagnostics(ok + ", \"gsi_list\": {}}")).containsExactly("ERROR Cost.Type " + t + "gsi_list");
    assertThat(tableDiagnostics(ok + ", \"gsi_list\": [5]}")).containsExactly("ERROR Cost.Type " + t + "gsi_list/0");
    assertThat(tableDiagnostics(ok + ", \"gsi_list\": [" + gsis(1) + "," + gsis(1) + "]}")).containsExactly("ERROR Cost.DuplicateGsi " + t + "gsi_list/1/name");
    assertThat(tableDiagnostics(ok + ", \"gsi_list\": [{\"name\": \"G\", \"item_size_bytes\": 100, \"item_count\": 1}]}")).isEmpty();
    assertThat(tableDiagnostics(ok + ", \"gsi_list\": [{\"name\": \"G\", \"item_size_bytes\": 101, \"item_count\": 1}]}"))
        .containsExactly("WARNING Cost.SizeHierarchy " + t + "gsi_list/0/item_size_bytes");
    assertThat(tableDiagnostics("{\"name\": \"Other\", \"item_size_bytes\": 100, \"item_count\": 0}")).contains("ERROR Cost.Range " + t + "item_count");
    assertThat(tableDiagnostics("{\"name\": \"Other\", \"item_size_bytes\": 100, \"item_count\": 1.5}")).contains("ERROR Cost.Range " + t + "item_count");
    assertThat(tableDiagnostics("{\"name\": \"Other\", \"item_size_bytes\": 100}")).contains("ERROR Cost.Required " + t + "item_count");
    assertThat(tableDiagnostics("{\"name\": \"Other\", \"item_size_bytes\": 409600, \"item_count\": 1}")).isEmpty();
    assertThat(tableDiagnostics("{\"name\": \"Other\", \"item_size_bytes\": 409601, \"item_count\": 1}"))
        .contains("ERROR Cost.Range " + t + "item_size_bytes");
    assertThat(diagnostics("[" + pattern("\"table\": \"Other\", \"item_size_bytes\": 1") + "]", "[" + ok + "}, " + ok + "}]")).containsExactly("ERROR Cost.DuplicateTable /table_list/1/name");
    assertThat(diagnostics("[" + pattern("") + "]", "{}")).contains("ERROR Cost.Required /table_list");
    assertThat(diagnostics("[" + pattern("") + "]", "[5]")).contains("ERROR Cost.Type /table_list/0");
  }

  @Test
  void theItemSizeHintQuotesTheLimitsTable() {
    var d = CostRequest.fromJson(Json.parseTrusted("{\"access_pattern_list\": [" + pattern("\"item_size_bytes\": 409601") + "], \"table_list\": [" + TABLE + "]}"), "in.json")
        .errors().get(0);
    assertThat(d.message()).isEqualTo("`item_size_bytes` must be between 1 and 409600, found 409601");
    assertThat(d.hint()).isEqualTo("DynamoDB items are at most 400 KB (409,600 bytes)");
  }
}
