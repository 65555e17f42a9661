package dev.ddbmodel.core.internal.cost;

import dev.ddbmodel.core.CostCalculator;
import dev.ddbmodel.core.CostReport;
import dev.ddbmodel.core.CostReportWriter;
import dev.ddbmodel.core.CostRequest;
import dev.ddbmodel.core.PriceTable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.Severity;
import static org.assertj.core.api.Assertions.tuple;
import dev.ddbmodel.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CostCalculatorTest {
  static JsonNode input(String name) throws Exception {
    return Json.parseTrusted(Files.readString(Path.of("src/test/resources/dev/ddbmodel/core/cost/" + name), StandardCharsets.UTF_8));
  }

  static CostReport report(String name) throws Exception {
    return CostCalculator.compute(CostRequest.fromJson(input(name), name).unwrap()).unwrap();
  }

  @Test
  void reproducesTheReferenceGoldenVector() throws Exception {
    CostReport r = report("golden_vector.json");
    assertThat(Formats.money(r.total())).isEqualTo("$837.69");
    assertThat(Formats.money(r.storageTotal())).isEqualTo("$60.30");
    assertThat(Formats.money(r.requestTotal())).isEqualTo("$777.38");
    String md = r.toMarkdown();
    assertThat(md).contains("**Total Monthly Cost: $837.69**");
    assertThat(md).containsPattern("\\| Users +\\| Table \\| 13\\.97 +\\| \\$3\\.49 +\\|");
    assertThat(md).containsPattern("\\| email-index +\\| GSI +\\| 9\\.31 +\\| \\$2\\.33 +\\|");
    assertThat(md).containsPattern("\\| Orders +\\| Table \\| 111\\.76 +\\| \\$27\\.94 +\\|");
    assertThat(md).containsPattern("\\| status-index +\\| GSI +\\| 46\\.57 +\\| \\$11\\.64 +\\|");
    assertThat(md).containsPattern("\\| date-index +\\| GSI +\\| 55\\.88 +\\| \\$13\\.97 +\\|");
    assertThat(md).containsPattern("\\| Sessions +\\| Table \\| 3\\.73 +\\| \\$0\\.93 +\\|");
    assertThat(md).containsPattern("\\| Users +\\| Table \\| \\$49\\.41 +\\|");
    assertThat(md).containsPattern("\\| email-index +\\| GSI +\\| \\$41\\.18 +\\|");
    assertThat(md).containsPattern("\\| Orders +\\| Table \\| \\$141\\.64 +\\|");
    assertThat(md).containsPattern("\\| status-index +\\| GSI +\\| \\$125\\.17 +\\|");
    assertThat(md).containsPattern("\\| date-index +\\| GSI +\\| \\$65\\.88 +\\|");
    assertThat(md).containsPattern("\\| Sessions +\\| Table \\| \\$354\\.11 +\\|");
    assertThat(md).containsPattern("\\| get-user-by-id +\\| GetItem +\\| 100\\.0 \\| 0\\.50 +\\| \\$16\\.47 +\\|");
    assertThat(md).containsPattern("\\| create-session +\\| PutItem +\\| 200\\.0 \\| 1\\.00 +\\| \\$329\\.40 +\\|");
    assertThat(md).contains("create-order¹").contains("¹ Index write amplification").endsWith(CostReport.END_MARKER);
    assertThat(r.summaryLine()).startsWith("Cost analysis complete. Analyzed 9 access patterns across 3 tables.");
  }

  @Test
  void reproducesTheWorkedExample() throws Exception {
    CostReport r = report("worked_example.json");
    assertThat(Formats.money(r.total())).isEqualTo("$550.82");
    assertThat(Formats.money(r.requestTotal())).isEqualTo("$530.33");
    assertThat(Formats.money(r.storageTotal())).isEqualTo("$20.49");
    String md = r.toMarkdown();
    assertThat(md).contains("#### Orders Table\n\n**Monthly Cost:** $312.93");
    assertThat(md).contains("#### Orders Table / ByCustomer GSI\n\n**Monthly Cost:** $217.40");
    assertThat(md).containsPattern("\\| checkout¹ +\\| TransactWriteItems \\| 10\\.0 \\| 6\\.00 +\\| \\$98\\.82 +\\|");
    assertThat(md).containsPattern("\\| get-orders-batch +\\| BatchGetItem +\\| 5\\.0 +\\| 20\\.00 +\\| \\$32\\.94 +\\|");
    assertThat(md).containsPattern("\\| orders-by-customer +\\| Query +\\| 40\\.0 \\| 1\\.50 +\\| \\$19\\.76 +\\|");
  }

  @Test
  void reportsEveryInputErrorAtOnce() {
    JsonNode bad = Json.parseTrusted("""
        {"access_pattern_list": [
          {"pattern": "a", "description": "x", "operation": "Querry", "table": "Users", "rps": 0, "item_size_bytes": 500000},
          {"pattern": "a", "description": "y", "operation": "Query", "table": "Userz", "rps": 1, "item_size_bytes": 10, "item_count": 1},
          {"pattern": "b", "description": "z", "operation": "Query", "table": "Users", "gsi": "by-mail", "strongly_consistent": true, "rps": 1, "item_size_bytes": 10, "item_count": 1},
          {"pattern": "c", "description": "w", "operation": "BatchWriteItem", "table": "Users", "rps": 1, "item_size_bytes": 10, "item_count": 26}],
         "table_list": [{"name": "Users", "item_size_bytes": 100, "item_count": 10, "gsi_list": [{"name": "by-email", "item_size_bytes": 200, "item_count": 10}]}]}
        """);
    var r = CostRequest.fromJson(bad, "in.json");
    assertThat(r.isValid()).isFalse();
    assertThat(r.errors()).extracting(Diagnostic::id).contains("Cost.Operation", "Cost.Range", "Cost.DuplicatePattern", "Cost.UnknownTable",
        "Cost.UnknownGsi", "Cost.StrongOnGsi");
    // a GSI larger than its table on average is possible (sparse index of large items): a warning
    assertThat(r.diagnostics()).filteredOn(d -> d.id().equals("Cost.SizeHierarchy")).singleElement()
        .satisfies(d -> assertThat(d.severity()).isEqualTo(dev.ddbmodel.core.Severity.WARNING));
    assertThat(r.errors()).filteredOn(d -> d.id().equals("Cost.Operation")).singleElement()
        .satisfies(d -> assertThat(d.hint()).isEqualTo("did you mean `Query`?"));
    assertThat(r.errors()).filteredOn(d -> d.id().equals("Cost.UnknownGsi")).singleElement()
        .satisfies(d -> assertThat(d.hint()).isEqualTo("did you mean `by-email`?"));
    assertThat(r.errors()).filteredOn(d -> d.location().pointer().equals("/access_pattern_list/3/item_count")).hasSize(1);
  }

  @Test
  void aMisspelledFieldIsReportedNotSilentlyIgnored() {
    // `hot_key_shares` and `item_cnt` used to be dropped without a word: the report then priced
    // a Query as one item and skipped the hot-key check
    JsonNode in = Json.parseTrusted("""
        {"access_pattern_list": [{"pattern": "q", "description": "list", "operation": "Query", "table": "App", "rps": 10,
           "item_size_bytes": 200, "item_count": 5, "item_cnt": 50, "hot_key_shares": 0.5}],
         "table_list": [{"name": "App", "item_size_bytes": 300, "item_count": 1000, "itemcount": 3,
           "gsi_list": [{"name": "G", "item_size_bytes": 100, "item_count": 10, "size": 1}]}],
         "comment": "x"}
        """);
    var r = CostRequest.fromJson(in, "in.json");
    assertThat(r.diagnostics()).filteredOn(d -> d.id().equals("Cost.UnknownField"))
        .extracting(d -> d.location().pointer())
        .containsExactlyInAnyOrder("/access_pattern_list/0/item_cnt", "/access_pattern_list/0/hot_key_shares", "/table_list/0/itemcount",
            "/table_list/0/gsi_list/0/size", "/comment");
    assertThat(r.diagnostics()).filteredOn(d -> d.location().pointer().endsWith("hot_key_shares"))
        .extracting(Diagnostic::hint).containsExactly("did you mean `hot_key_share`?");
    assertThat(r.isValid()).isTrue();
  }

  @Test
  void anEntityLargerThanTheTableAverageIsAWarning() {
    // single-table design: orders of 2 KB beside many 200-byte rows; the table's average is 300 B
    JsonNode in = Json.parseTrusted("""
        {"access_pattern_list": [{"pattern": "o", "description": "get order", "operation": "GetItem", "table": "App", "rps": 10,
           "item_size_bytes": 2000}],
         "table_list": [{"name": "App", "item_size_bytes": 300, "item_count": 1000}]}
        """);
    var r = CostRequest.fromJson(in, "in.json");
    assertThat(r.isValid()).isTrue();
    assertThat(r.diagnostics()).extracting(Diagnostic::id, d -> d.severity().name())
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Cost.SizeHierarchy", "WARNING"));
    assertThat(CostCalculator.compute(r.unwrap()).unwrap().patterns().get(0).rru()).isEqualTo(0.5);
  }

  @Test
  void provisionedComparisonUsesTheModelsAutoScaling() {
    JsonNode in = Json.parseTrusted("""
        {"access_pattern_list": [
           {"pattern": "r", "description": "get", "operation": "GetItem", "table": "App", "rps": 40, "item_size_bytes": 1000},
           {"pattern": "w", "description": "put", "operation": "PutItem", "table": "App", "rps": 2, "item_size_bytes": 500}],
         "table_list": [{"name": "App", "item_size_bytes": 1000, "item_count": 1000}]}
        """);
    var model = dev.ddbmodel.core.DataModelLoader.parse("m.json", """
        {"tables": [{"TableName": "App", "BillingMode": "PROVISIONED", "ProvisionedThroughput": {"ReadCapacityUnits": 10, "WriteCapacityUnits": 100},
           "AutoScaling": {"Read": {"MinCapacity": 5, "MaxCapacity": 10, "TargetUtilization": 50},
                           "Write": {"MinCapacity": 100, "MaxCapacity": 200, "TargetUtilization": 70}},
           "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}], "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}]}],
         "items": {}, "access_patterns": []}
        """).unwrap();
    CostRequest req = CostRequest.fromJson(in, "in.json").unwrap();
    PriceTable prices = PriceTable.defaultTable();
    CostReport.ProvisionedComparison plain = CostCalculator.compute(req.with(prices, true, Optional.empty())).unwrap().provisioned().get(0);
    assertThat(plain.provisionedAtTarget()).isCloseTo((20 / 0.7 * prices.rcuHour() + 2 / 0.7 * prices.wcuHour()) * 730, within(1e-9));
    CostReport.ProvisionedComparison scaled = CostCalculator.compute(req.with(prices, true, Optional.of(model))).unwrap().provisioned().get(0);
    // reads: 20 RCU / 50% = 40, capped at MaxCapacity 10; writes: 2 WCU / 70% = 2.9, raised to MinCapacity 100
    assertThat(scaled.provisionedAtTarget()).isCloseTo((10 * prices.rcuHour() + 100 * prices.wcuHour()) * 730, within(1e-9));
    assertThat(scaled.basis()).isEqualTo("auto scaling: table `App` reads 5-10 at 50%; table `App` writes 100-200 at 70%");
    assertThat(scaled.notes()).singleElement().asString().contains("needs about 40 RCU at its 50% target, above its auto scaling MaxCapacity 10");
  }

  @Test
  void pythonStyleFloats() {
    assertThat(Formats.pyFloat(100)).isEqualTo("100.0");
    assertThat(Formats.pyFloat(0.5)).isEqualTo("0.5");
    assertThat(Formats.pyFloat(1e-5)).isEqualTo("1e-05");
    assertThat(Formats.pyFloat(0.0001)).isEqualTo("0.0001");
    assertThat(Formats.pyFloat(12345678)).isEqualTo("12345678.0");
    assertThat(Formats.pyFloat(0.1 + 0.2)).isEqualTo("0.30000000000000004");
    assertThat(Formats.money(0.125)).isEqualTo("$0.12");
    assertThat(Formats.money(2.675)).isEqualTo("$2.67");
  }

  @Test
  void extrasBehindOptions() throws Exception {
    CostRequest req = CostRequest.fromJson(input("golden_vector.json"), "g.json").unwrap();
    CostReport r = CostCalculator.compute(req.with(PriceTable.find("us-east-1", "STANDARD_IA").orElseThrow(), true, Optional.empty())).unwrap();
    assertThat(r.storageTotal()).isLessThan(60.30 * 0.5);
    assertThat(r.provisioned()).hasSize(3);
    var sessions = r.provisioned().get(2);
    assertThat(sessions.table()).isEqualTo("Sessions");
    assertThat(sessions.rcu()).isEqualTo(75.0);
    assertThat(sessions.wcu()).isEqualTo(200.0);
    assertThat(sessions.breakEvenUtilization()).isBetween(0.0, 1.0);
    assertThat(r.toMarkdown()).contains("### On-Demand versus Provisioned Capacity").contains("STANDARD_IA");
  }

  @Test
  void hotPartitionWarnings() {
    JsonNode in = Json.parseTrusted("""
        {"access_pattern_list": [
          {"pattern": "feed", "description": "x", "operation": "Query", "table": "T", "rps": 5000, "item_size_bytes": 4000, "item_count": 4},
          {"pattern": "celebrity", "description": "y", "operation": "UpdateItem", "table": "T", "rps": 900, "item_size_bytes": 1500, "hot_key_share": 0.9},
          {"pattern": "spread", "description": "z", "operation": "PutItem", "table": "T", "rps": 900, "item_size_bytes": 1500, "distinct_partition_keys": 1000}],
         "table_list": [{"name": "T", "item_size_bytes": 4000, "item_count": 1000}]}
        """);
    CostReport r = CostCalculator.compute(CostRequest.fromJson(in, "x").unwrap()).unwrap();
    assertThat(r.partitionWarnings()).hasSize(2);
    assertThat(r.partitionWarnings().get(0)).contains("`feed`").contains("at least 4 partition key values");
    assertThat(r.partitionWarnings().get(1)).contains("`celebrity`").contains("1620 WCU/s");
  }

  @Test
  void partitionFindingsAreDiagnosticsAtTheirPatternAndTheTextLinesKeepTheirForm() {
    String longId = "list-every-order-of-a-customer-placed-in-the-last-thirty-days-sorted-by-date-newest-first";
    JsonNode in = Json.parseTrusted("""
        {"access_pattern_list": [
          {"pattern": "feed", "description": "x", "operation": "Query", "table": "T", "rps": 5000, "item_size_bytes": 4000, "item_count": 4},
          {"pattern": "celebrity", "description": "y", "operation": "UpdateItem", "table": "T", "rps": 900, "item_size_bytes": 1500, "hot_key_share": 0.9},
          {"pattern": "%s", "description": "z", "operation": "PutItem", "table": "T", "rps": 600, "item_size_bytes": 100, "gsi_list": ["G"]}],
         "table_list": [{"name": "T", "item_size_bytes": 4000, "item_count": 1000,
                         "gsi_list": [{"name": "G", "item_size_bytes": 1500, "item_count": 1000}]}]}
        """.formatted(longId));
    CostReport r = CostCalculator.compute(CostRequest.fromJson(in, "x").unwrap()).unwrap();
    assertThat(r.diagnostics()).extracting(Diagnostic::id, Diagnostic::severity, d -> d.location().pointer(), Diagnostic::kind).containsExactly(
        tuple("Cost.PartitionSpread", Severity.WARNING, "/access_pattern_list/0", Diagnostic.Kind.INPUT),
        tuple("Cost.HotPartition", Severity.WARNING, "/access_pattern_list/1", Diagnostic.Kind.INPUT),
        tuple("Cost.GsiWritePressure", Severity.WARNING, "/access_pattern_list/2", Diagnostic.Kind.INPUT));
    assertThat(r.diagnostics()).allSatisfy(d -> assertThat(d.message()).doesNotContain("`feed`", "`celebrity`", "list-every"));
    assertThat(r.partitionWarnings()).containsExactly(
        "pattern `feed` needs 10000 RCU/s on table `T`; that is only possible if the traffic spreads evenly over at least 4 partition key values"
            + " (one key serves at most 3000 RCU/s); add `distinct_partition_keys` or `hot_key_share` to check",
        "pattern `celebrity`: the busiest partition key of table `T` takes about 1620 WCU/s, above the 1000 WCU/s a partition serves;"
            + " spread the key (write sharding, a higher-cardinality key) or cache the reads",
        "pattern `" + longId + "` writes 1200 WCU/s into GSI `G`; a low-cardinality index key would throttle the index and, through"
            + " back-pressure, the table's writes");
    assertThat(r.toMarkdown()).contains("- ⚠️ pattern `" + longId + "` writes 1200 WCU/s");
    assertThat(r.toJson().path("partition_warnings").get(2).asText()).isEqualTo(r.partitionWarnings().get(2));
  }

  @Test
  void writerReplacesOnlyItsBlock() {
    String user = "# My model\n\nNotes I wrote.\n";
    String first = CostReportWriter.merge(user, "## Cost Report\n\nA\n\n" + CostReport.END_MARKER);
    assertThat(first).startsWith(user).contains(CostReport.BEGIN_MARKER).contains("\nA\n");
    String withTail = first + "\n## Decisions\n\nkeep me\n";
    String second = CostReportWriter.merge(withTail, "## Cost Report\n\nB\n\n" + CostReport.END_MARKER);
    assertThat(second).contains("\nB\n").doesNotContain("\nA\n").startsWith(user).endsWith("## Decisions\n\nkeep me\n");
    // a reference-style block is upgraded; a user's own "## Cost Report" section without the end marker is kept
    String legacy = "# M\n\n## Cost Report\n\nold\n\n### Storage Costs\n\n" + CostReport.END_MARKER + "\n\n## Mine\n";
    assertThat(CostReportWriter.merge(legacy, "## Cost Report\n\nnew\n\n" + CostReport.END_MARKER))
        .doesNotContain("old").contains("new").endsWith("## Mine\n");
    String own = "# M\n\n## Cost Report\n\nmy own notes\n";
    assertThat(CostReportWriter.merge(own, "## Cost Report\n\nnew\n\n" + CostReport.END_MARKER)).startsWith(own);
  }
}
