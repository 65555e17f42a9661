package dev.ddbmodel.core.internal.model;

import dev.ddbmodel.core.DataModelLoader;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The table rules at DynamoDB's limits and just past them (index counts, projected attributes,
 * auto scaling ranges) and the key-schema, projection, billing and attribute-value rules no bad
 * model file covered: each case lists every diagnostic it gives (severity, id, pointer).
 */
class DataModelLimitsTest {
  static String defs(String... names) {
    StringBuilder sb = new StringBuilder();
    for (String n : names) sb.append(sb.length() == 0 ? "" : ",").append("{\"AttributeName\": \"" + n + "\", \"AttributeType\": \"S\"}");
    return "\"AttributeDefinitions\": [" + sb + "]";
  }
  static String lsi(String name, String range) {
    return "{\"IndexName\": \"" + name + "\", \"KeySchema\": [{\"AttributeName\": \"pk\", \"KeyType\": \"HASH\"}, {\"AttributeName\": \"" + range + "\", \"KeyType\": \"RANGE\"}], \"Projection\": {\"ProjectionType\": \"KEYS_ONLY\"}}";
  }
  static String gsi(String name, String extras) {
    return "{\"IndexName\": \"" + name + "\", \"KeySchema\": [{\"AttributeName\": \"g\", \"KeyType\": \"HASH\"}], \"Projection\": {\"ProjectionType\": \"ALL\"}" + extras + "}";
  }
  static final String KEYS = "\"KeySchema\": [{\"AttributeName\": \"pk\", \"KeyType\": \"HASH\"}, {\"AttributeName\": \"sk\", \"KeyType\": \"RANGE\"}]";
  /** The diagnostics of a one-table model without items or patterns (their three warnings left out). */
  static List<String> diagnostics(String table) {
    String m = "{\"tables\": [{\"TableName\": \"Orders\", " + table + "}], \"items\": {}, \"access_patterns\": []}";
    return DataModelLoader.parse("m.json", m).diagnostics().stream()
        .filter(d -> !List.of("DataModel.UnusedIndex", "DataModel.NoItems", "DataModel.NoPatterns").contains(d.id()))
        .map(d -> d.severity() + " " + d.id() + " " + d.location().pointer()).toList();
  }
  @Test
  void indexCountsAtAndOverTheirLimits() {
    String five = String.join(",", IntStream.range(0, 5).mapToObj(i -> lsi("L" + i + "idx", "r" + i)).toList());
    assertThat(diagnostics(defs("pk", "sk", "r0", "r1", "r2", "r3", "r4") + ", " + KEYS + ", \"LocalSecondaryIndexes\": [" + five + "]")).isEmpty();
    assertThat(diagnostics(defs("pk", "sk", "r0", "r1", "r2", "r3", "r4", "r5") + ", " + KEYS + ", \"LocalSecondaryIndexes\": [" + five + "," + lsi("L5idx", "r5") + "]"))
        .containsExactly("ERROR DataModel.TooManyIndexes /tables/0/LocalSecondaryIndexes");
    String twenty = String.join(",", IntStream.range(0, 20).mapToObj(i -> gsi("G" + i + "idx", "")).toList());
    assertThat(diagnostics(defs("pk", "sk", "g") + ", " + KEYS + ", \"GlobalSecondaryIndexes\": [" + twenty + "]")).isEmpty();
    // 20 is the default quota, not a hard limit: a warning
    assertThat(diagnostics(defs("pk", "sk", "g") + ", " + KEYS + ", \"GlobalSecondaryIndexes\": [" + twenty + "," + gsi("G20idx", "") + "]"))
        .containsExactly("WARNING DataModel.TooManyIndexes /tables/0/GlobalSecondaryIndexes");
  }

  @Test
  void projectedAttributesAtAndOverTheLimit() {
    for (int n : new int[] {100, 101}) {
      String attrs = String.join(",", IntStream.range(0, n).mapToObj(i -> "\"a" + i + "\"").toList());
      List<String> d = diagnostics(defs("pk", "sk", "g") + ", " + KEYS + ", \"GlobalSecondaryIndexes\": [{\"IndexName\": \"Gidx\", \"KeySchema\": [{\"AttributeName\": \"g\", \"KeyType\": \"HASH\"}],"
          + " \"Projection\": {\"ProjectionType\": \"INCLUDE\", \"NonKeyAttributes\": [" + attrs + "]}}]");
      assertThat(d).as("%d attributes", n).isEqualTo(n == 100 ? List.of() : List.of("ERROR DataModel.TooManyProjectedAttributes /tables/0"));
    }
    assertThat(diagnostics(defs("pk", "sk", "g") + ", " + KEYS + ", \"GlobalSecondaryIndexes\": [{\"IndexName\": \"Gidx\", \"KeySchema\": [{\"AttributeName\": \"g\", \"KeyType\": \"HASH\"}],"
        + " \"Projection\": {\"ProjectionType\": \"INCLUDE\", \"NonKeyAttributes\": [\"a\", \"b\", \"a\"]}}]"))
        .containsExactly("ERROR DataModel.Projection /tables/0/GlobalSecondaryIndexes/0/Projection/NonKeyAttributes/2");
  }

  @Test
  void autoScalingRangeBoundaries() {
    // MinCapacity, MaxCapacity, provisioned read units -> diagnostics
    String[][] cases = {
        {"5", "5", "5", ""},
        {"6", "5", "5", "ERROR DataModel.AutoScaling /tables/0/AutoScaling/Read"},
        {"5", "10", "5", ""},
        {"5", "10", "10", ""},
        {"5", "10", "4", "WARNING DataModel.AutoScalingRange /tables/0/AutoScaling/Read"},
        {"5", "10", "11", "WARNING DataModel.AutoScalingRange /tables/0/AutoScaling/Read"}};
    for (String[] x : cases) {
      List<String> d = diagnostics(defs("pk", "sk") + ", " + KEYS + ", \"BillingMode\": \"PROVISIONED\", \"ProvisionedThroughput\": {\"ReadCapacityUnits\": " + x[2]
          + ", \"WriteCapacityUnits\": 5}, \"AutoScaling\": {\"Read\": {\"MinCapacity\": " + x[0] + ", \"MaxCapacity\": " + x[1] + ", \"TargetUtilization\": 70}}");
      assertThat(d).as("min %s max %s units %s", x[0], x[1], x[2]).isEqualTo(x[3].isEmpty() ? List.of() : List.of(x[3]));
    }
  }

  @Test
  void localIndexesNeedTheTablesPartitionKeyAndASortKey() {
    assertThat(diagnostics(defs("pk", "r0") + ", \"KeySchema\": [{\"AttributeName\": \"pk\", \"KeyType\": \"HASH\"}], \"LocalSecondaryIndexes\": [" + lsi("L0idx", "r0") + "]"))
        .containsExactly("ERROR DataModel.LocalIndexKeySchema /tables/0/LocalSecondaryIndexes/0");
    assertThat(diagnostics(defs("pk", "sk") + ", " + KEYS + ", \"LocalSecondaryIndexes\": [{\"IndexName\": \"L0idx\", \"KeySchema\": [{\"AttributeName\": \"pk\", \"KeyType\": \"HASH\"}],"
        + " \"Projection\": {\"ProjectionType\": \"ALL\"}}]"))
        .containsExactly("ERROR DataModel.LocalIndexKeySchema /tables/0/LocalSecondaryIndexes/0/KeySchema");
  }

  @Test
  void keySchemaOrderAndRepeats() {
    assertThat(diagnostics(defs("pk") + ", \"KeySchema\": [{\"AttributeName\": \"pk\", \"KeyType\": \"HASH\"}, {\"AttributeName\": \"pk\", \"KeyType\": \"RANGE\"}]"))
        .containsExactly("ERROR DataModel.KeySchema /tables/0/KeySchema/1");
    assertThat(diagnostics(defs("pk", "sk") + ", \"KeySchema\": [{\"AttributeName\": \"sk\", \"KeyType\": \"RANGE\"}, {\"AttributeName\": \"pk\", \"KeyType\": \"HASH\"}]"))
        .containsExactly("ERROR DataModel.KeySchema /tables/0/KeySchema/1");
  }

  @Test
  void onDemandTablesAndIndexesTakeNoProvisionedThroughput() {
    assertThat(diagnostics(defs("pk", "sk", "g") + ", " + KEYS + ", \"BillingMode\": \"PAY_PER_REQUEST\", \"GlobalSecondaryIndexes\": ["
        + gsi("Gidx", ", \"ProvisionedThroughput\": {\"ReadCapacityUnits\": 1, \"WriteCapacityUnits\": 1}") + "]"))
        .containsExactly("ERROR DataModel.Throughput /tables/0/GlobalSecondaryIndexes/0/ProvisionedThroughput");
    assertThat(diagnostics(defs("pk", "sk") + ", " + KEYS + ", \"ProvisionedThroughput\": {\"ReadCapacityUnits\": 1, \"WriteCapacityUnits\": 1}"))
        .as("PAY_PER_REQUEST is the default").containsExactly("ERROR DataModel.Throughput /tables/0/ProvisionedThroughput");
  }

  @Test
  void everyMalformedAttributeValueIsReportedWhereItIs() {
    String at = "/items/Orders/0/PutRequest/Item/x";
    String[][] cases = {
        {"{\"S\": 5}", "/S"}, {"{\"N\": 5}", "/N"}, {"{\"N\": \"abc\"}", "/N"}, {"{\"N\": \"\"}", "/N"}, {"{\"B\": \"!!\"}", "/B"},
        {"{\"BOOL\": \"true\"}", "/BOOL"}, {"{\"NULL\": false}", "/NULL"}, {"{\"M\": 3}", "/M"}, {"{\"M\": {\"a\": {\"N\": \"x\"}}}", "/M/a/N"},
        {"{\"L\": 3}", "/L"}, {"{\"L\": [{\"S\": \"ok\"}, {\"N\": \"x\"}]}", "/L/1/N"}, {"{\"SS\": []}", "/SS"}, {"{\"NS\": [\"1\", \"x\"]}", "/NS/1"},
        {"{\"BS\": [\"AA==\", \"!!\"]}", "/BS/1"}, {"{\"SS\": [\"a\", 1]}", "/SS/1"}, {"{\"SS\": [\"a\", \"a\"]}", "/SS/1"}, {"{\"Q\": \"a\"}", "/Q"},
        {"\"text\"", ""}, {"5", ""}, {"true", ""}, {"{\"S\": \"a\", \"N\": \"1\"}", ""}};
    for (String[] x : cases) {
      assertThat(itemDiagnostics(x[0])).as(x[0]).containsExactly("ERROR DataModel.AttributeValue " + at + x[1]);
    }
    String good = "{\"M\": {\"s\": {\"S\": \"\"}, \"n\": {\"N\": \"-1.5E3\"}, \"b\": {\"B\": \"AAEC\"}, \"t\": {\"BOOL\": false}, \"z\": {\"NULL\": true},"
        + " \"l\": {\"L\": [{\"SS\": [\"a\", \"b\"]}, {\"NS\": [\"1\", \"2\"]}, {\"BS\": [\"AA==\", \"AQ==\"]}]}}}";
    assertThat(itemDiagnostics(good)).isEmpty();
  }

  /** The diagnostics of one item whose attribute {@code x} holds {@code value}. */
  static List<String> itemDiagnostics(String value) {
    String m = DataModelRulesTest.model("", "", "{\"PutRequest\": {\"Item\": {\"pk\": {\"S\": \"O#1\"}, \"sk\": {\"S\": \"M\"}, \"status\": {\"S\": \"NEW\"}, \"x\": "
        + value + "}}}", DataModelRulesTest.PATTERN);
    return DataModelLoader.parse("m.json", m).diagnostics().stream().map(d -> d.severity() + " " + d.id() + " " + d.location().pointer()).toList();
  }
}
