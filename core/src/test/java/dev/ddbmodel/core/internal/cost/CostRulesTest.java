package dev.ddbmodel.core.internal.cost;

import dev.ddbmodel.core.CostCalculator;
import dev.ddbmodel.core.CostReport;
import dev.ddbmodel.core.CostRequest;
import dev.ddbmodel.core.PriceTable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ddbmodel.core.json.Json;
import dev.ddbmodel.core.DataModel;
import dev.ddbmodel.core.DataModelLoader;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The cost arithmetic rule by rule with hand-computed figures: capacity units per operation, GSI
 * write amplification, the per-partition limits at and just over their boundaries, the
 * provisioned comparison with a GSI, and the measured item sizes.
 */
class CostRulesTest {
  static final String TABLES = "\"table_list\": [{\"name\": \"Tbl\", \"item_size_bytes\": 1000, \"item_count\": 1000,"
      + " \"gsi_list\": [{\"name\": \"Gsi1\", \"item_size_bytes\": 1500, \"item_count\": 1000}]},"
      + " {\"name\": \"Idle\", \"item_size_bytes\": 10, \"item_count\": 10}]";

  static String pattern(String id, String op, String extras) {
    return "{\"pattern\": \"" + id + "\", \"description\": \"d\", \"operation\": \"" + op + "\", \"table\": \"Tbl\", " + extras + "}";
  }

  static CostRequest request(String... patterns) {
    var r = CostRequest.fromJson(Json.parseTrusted("{\"access_pattern_list\": [" + String.join(",", patterns) + "], " + TABLES + "}"), "in.json");
    assertThat(r.errors()).isEmpty();
    return r.unwrap();
  }

  static CostReport compute(CostRequest req) {
    return CostCalculator.compute(req).unwrap();
  }

  @Test
  void capacityUnitsPerOperation() {
    CostReport r = compute(request(
        pattern("get", "GetItem", "\"rps\": 1, \"item_size_bytes\": 5000"),
        pattern("get-strong", "GetItem", "\"rps\": 1, \"item_size_bytes\": 5000, \"strongly_consistent\": true"),
        pattern("query", "Query", "\"rps\": 1, \"item_size_bytes\": 5000, \"item_count\": 3"),
        pattern("batch-get", "BatchGetItem", "\"rps\": 1, \"item_size_bytes\": 5000, \"item_count\": 3"),
        pattern("batch-get-strong", "BatchGetItem", "\"rps\": 1, \"item_size_bytes\": 5000, \"item_count\": 3, \"strongly_consistent\": true"),
        pattern("transact-get", "TransactGetItems", "\"rps\": 1, \"item_size_bytes\": 5000, \"item_count\": 3"),
        pattern("put", "PutItem", "\"rps\": 1, \"item_size_bytes\": 1500"),
        pattern("update", "UpdateItem", "\"rps\": 1, \"item_size_bytes\": 1025"),
        pattern("delete", "DeleteItem", "\"rps\": 1, \"item_size_bytes\": 1024"),
        pattern("batch-write", "BatchWriteItem", "\"rps\": 1, \"item_size_bytes\": 1500, \"item_count\": 3"),
        pattern("transact-write", "TransactWriteItems", "\"rps\": 1, \"item_size_bytes\": 1500, \"item_count\": 3")));
    // reads: ceil(size / 4 KB) per item (a Query sums its items first), half for eventual reads, double for transactions
    assertThat(r.patterns()).extracting(CostReport.PatternCost::rru).containsExactly(1.0, 2.0, 2.0, 3.0, 6.0, 12.0, 0.0, 0.0, 0.0, 0.0, 0.0);
    // writes: ceil(size / 1 KB) per item, double for transactions
    assertThat(r.patterns()).extracting(CostReport.PatternCost::wru).containsExactly(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 2.0, 2.0, 1.0, 6.0, 12.0);
    PriceTable p = r.request().prices();
    assertThat(r.patterns().get(5).cost()).isCloseTo(12 * p.readRequestUnit() * CostCalculator.SECONDS_PER_MONTH, within(1e-9));
    assertThat(r.patterns().get(10).cost()).isCloseTo(12 * p.writeRequestUnit() * CostCalculator.SECONDS_PER_MONTH, within(1e-9));
  }

  @Test
  void writesAreAmplifiedIntoEachListedGsiPerItemWritten() {
    CostReport r = compute(request(
        pattern("put", "PutItem", "\"rps\": 2, \"item_size_bytes\": 100, \"gsi_list\": [\"Gsi1\"]"),
        pattern("batch", "BatchWriteItem", "\"rps\": 1, \"item_size_bytes\": 100, \"item_count\": 3, \"gsi_list\": [\"Gsi1\"]"),
        pattern("transact", "TransactWriteItems", "\"rps\": 1, \"item_size_bytes\": 100, \"item_count\": 3, \"gsi_list\": [\"Gsi1\"]")));
    // the GSI item is 1500 bytes: 2 WRU per item written into it
    assertThat(r.patterns()).extracting(pc -> pc.gsiWrites().get(0).wru()).containsExactly(2.0, 6.0, 6.0);
    PriceTable p = r.request().prices();
    assertThat(r.patterns().get(0).gsiWrites().get(0).cost()).isCloseTo(2 * 2 * p.writeRequestUnit() * CostCalculator.SECONDS_PER_MONTH, within(1e-9));
    CostReport.ResourceCost g = r.resources().stream().filter(x -> x.gsi().isPresent()).findFirst().orElseThrow();
    assertThat(g.cost()).isCloseTo((4 + 6 + 6) * p.writeRequestUnit() * CostCalculator.SECONDS_PER_MONTH, within(1e-9));
  }

  @Test
  void partitionLimitsWarnOnlyAboveThem() {
    CostReport r = compute(request(
        pattern("at-limit", "PutItem", "\"rps\": 1000, \"item_size_bytes\": 1024"),
        pattern("over", "PutItem", "\"rps\": 1001, \"item_size_bytes\": 1024"),
        pattern("keys-at-limit", "PutItem", "\"rps\": 2000, \"item_size_bytes\": 1024, \"distinct_partition_keys\": 2"),
        pattern("keys-over", "PutItem", "\"rps\": 2002, \"item_size_bytes\": 1024, \"distinct_partition_keys\": 2"),
        pattern("gsi-read", "Query", "\"rps\": 7000, \"item_size_bytes\": 4096, \"item_count\": 1, \"gsi\": \"Gsi1\""),
        pattern("amp-at-limit", "PutItem", "\"rps\": 500, \"item_size_bytes\": 100, \"gsi_list\": [\"Gsi1\"]"),
        pattern("amp-over", "PutItem", "\"rps\": 501, \"item_size_bytes\": 100, \"gsi_list\": [\"Gsi1\"]"),
        pattern("amp-spread", "PutItem", "\"rps\": 900, \"item_size_bytes\": 100, \"gsi_list\": [\"Gsi1\"], \"distinct_partition_keys\": 1000")));
    List<String> w = r.partitionWarnings();
    assertThat(w).hasSize(4);
    assertThat(w.get(0)).startsWith("pattern `over` needs 1001 WCU/s on table `Tbl`").contains("at least 2 partition key values");
    assertThat(w.get(1)).startsWith("pattern `keys-over`: the busiest partition key of table `Tbl` takes about 1001 WCU/s");
    assertThat(w.get(2)).startsWith("pattern `gsi-read` needs 3500 RCU/s on GSI `Gsi1`").contains("at least 2 partition key values");
    assertThat(w.get(3)).startsWith("pattern `amp-over` writes 1002 WCU/s into GSI `Gsi1`");
  }

  static DataModel model() {
    var m = DataModelLoader.parse("m.json", """
        {"tables": [{"TableName": "Tbl", "BillingMode": "PROVISIONED", "ProvisionedThroughput": {"ReadCapacityUnits": 5, "WriteCapacityUnits": 5},
           "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}, {"AttributeName": "g", "AttributeType": "S"}],
           "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
           "GlobalSecondaryIndexes": [{"IndexName": "Gsi1", "KeySchema": [{"AttributeName": "g", "KeyType": "HASH"}], "Projection": {"ProjectionType": "ALL"},
             "ProvisionedThroughput": {"ReadCapacityUnits": 5, "WriteCapacityUnits": 5},
             "AutoScaling": {"Read": {"MinCapacity": 50, "MaxCapacity": 100, "TargetUtilization": 50}}}]}],
         "items": {"Tbl": [{"PutRequest": {"Item": {"pk": {"S": "a"}}}},
                           {"PutRequest": {"Item": {"pk": {"S": "bbbbb"}, "n": {"N": "12345"}}}},
                           {"DeleteRequest": {"Key": {"pk": {"S": "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"}}}}]},
         "access_patterns": []}
        """);
    assertThat(m.errors()).isEmpty();
    return m.unwrap();
  }

  @Test
  void provisionedComparisonCountsGsiReadsAndWritesOnTheGsi() {
    CostRequest req = request(
        pattern("get", "GetItem", "\"rps\": 40, \"item_size_bytes\": 1000"),
        pattern("by-g", "Query", "\"rps\": 10, \"item_size_bytes\": 1000, \"item_count\": 1, \"gsi\": \"Gsi1\""),
        pattern("put", "PutItem", "\"rps\": 2, \"item_size_bytes\": 500, \"gsi_list\": [\"Gsi1\"]"));
    PriceTable p = PriceTable.defaultTable();
    CostReport r = compute(req.with(p, true, Optional.of(model())));
    CostReport.ProvisionedComparison t = r.provisioned().get(0);
    // reads: 40 x 0.5 on the table, 10 x 0.5 on Gsi1; writes: 2 x 1 on the table, 2 x 2 into Gsi1
    assertThat(t.rcu()).isEqualTo(25.0);
    assertThat(t.wcu()).isEqualTo(6.0);
    double month = CostCalculator.SECONDS_PER_MONTH;
    assertThat(t.onDemand()).isCloseTo((25 * p.readRequestUnit() + 6 * p.writeRequestUnit()) * month, within(1e-9));
    // Gsi1's reads (5 RCU at 50% = 10) are raised to its MinCapacity 50; everything else at 70%
    assertThat(t.provisionedAtTarget()).isCloseTo((20 / 0.7 * p.rcuHour() + 2 / 0.7 * p.wcuHour() + 50 * p.rcuHour() + 4 / 0.7 * p.wcuHour()) * 730,
        within(1e-9));
    assertThat(t.breakEvenUtilization()).isCloseTo((25 * p.rcuHour() + 6 * p.wcuHour()) * 730 / t.onDemand(), within(1e-12));
    assertThat(t.basis()).isEqualTo("auto scaling: GSI `Gsi1` reads 50-100 at 50%; others 70% target");
    assertThat(t.notes()).isEmpty();
    CostReport.ProvisionedComparison idle = r.provisioned().get(1);
    assertThat(idle.table()).isEqualTo("Idle");
    assertThat(idle.onDemand()).isZero();
    assertThat(idle.breakEvenUtilization()).isZero();
    assertThat(idle.basis()).isEqualTo("70% target");
  }

  @Test
  void aNeedExactlyAtMaxCapacityIsNotANote() {
    CostRequest req = request(pattern("by-g", "Query", "\"rps\": 200, \"item_size_bytes\": 1000, \"item_count\": 1, \"gsi\": \"Gsi1\""));
    // 200 x 0.5 = 100 RCU on Gsi1 at 50% = 200, above MaxCapacity 100: a note; at 100 x 0.5 = 50 / 50% = 100 exactly: none
    assertThat(compute(req.with(PriceTable.defaultTable(), true, Optional.of(model()))).provisioned().get(0).notes()).singleElement().asString()
        .contains("GSI `Gsi1` needs about 200 RCU");
    CostRequest atMax = request(pattern("by-g", "Query", "\"rps\": 100, \"item_size_bytes\": 1000, \"item_count\": 1, \"gsi\": \"Gsi1\""));
    assertThat(compute(atMax.with(PriceTable.defaultTable(), true, Optional.of(model()))).provisioned().get(0).notes()).isEmpty();
  }

  @Test
  void measuredSizesAverageThePutItemsOfEachTable() {
    CostRequest req = request(pattern("get", "GetItem", "\"rps\": 1, \"item_size_bytes\": 1000"));
    CostReport r = compute(req.with(PriceTable.defaultTable(), false, Optional.of(model())));
    // "pk"+"a" = 3 bytes; "pk"+"bbbbb" + "n"+12345 (3 pairs + 1) = 7 + 5 = 12; the DeleteRequest key does not count; Idle has no items
    assertThat(r.measuredSizes()).containsExactly(new CostReport.MeasuredSize("Tbl", 1000, 7, 12, 2));
    assertThat(r.provisioned()).isEmpty();
  }
}
