package dev.ddbmodel.core.internal.model;

import dev.ddbmodel.core.DataModel;
import dev.ddbmodel.core.DataModelLoader;
import dev.ddbmodel.core.IndexSpec;
import dev.ddbmodel.core.TableSpec;
import dev.ddbmodel.core.TimeToLive;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.Validated;
import org.junit.jupiter.api.Test;

class DataModelLoaderTest {
  static final String RICH = """
      {"tables": [{"TableName": "Readings", "BillingMode": "PAY_PER_REQUEST",
         "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}, {"AttributeName": "ts", "AttributeType": "N"},
           {"AttributeName": "site", "AttributeType": "S"}, {"AttributeName": "kind", "AttributeType": "S"},
           {"AttributeName": "day", "AttributeType": "S"}, {"AttributeName": "level", "AttributeType": "N"}],
         "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "ts", "KeyType": "RANGE"}],
         "GlobalSecondaryIndexes": [{"IndexName": "BySiteKindDay",
           "KeySchema": [{"AttributeName": "site", "KeyType": "HASH"}, {"AttributeName": "kind", "KeyType": "HASH"},
                         {"AttributeName": "day", "KeyType": "RANGE"}, {"AttributeName": "ts", "KeyType": "RANGE"}],
           "Projection": {"ProjectionType": "INCLUDE", "NonKeyAttributes": ["value"]}}],
         "LocalSecondaryIndexes": [{"IndexName": "ByLevel", "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"},
           {"AttributeName": "level", "KeyType": "RANGE"}], "Projection": {"ProjectionType": "KEYS_ONLY"}}],
         "TimeToLiveSpecification": {"Enabled": true, "AttributeName": "expires"}}],
       "items": {"Readings": [{"PutRequest": {"Item": {"pk": {"S": "d1"}, "ts": {"N": "1700000000"}, "site": {"S": "s1"},
          "kind": {"S": "temp"}, "day": {"S": "2025-07-01"}, "level": {"N": "2"}, "value": {"N": "21.5"},
          "ok": {"BOOL": false}, "gone": {"NULL": true}, "meta": {"M": {"fw": {"S": "1.2"}, "tags": {"L": [{"S": "a"}, {"N": "1"}]}}},
          "labels": {"SS": ["x", "y"]}, "raw": {"B": "AAEC"}, "expires": {"N": "1767225600"}}}}]},
       "access_patterns": [
         {"pattern": "1", "description": "site readings", "table": "Readings", "index": "BySiteKindDay", "dynamodb_operation": "Query",
          "implementation": "aws dynamodb query --table-name Readings --index-name BySiteKindDay --key-condition-expression 'site = :s AND kind = :k AND #d = :d' --expression-attribute-names '{\\"#d\\":\\"day\\"}' --expression-attribute-values '{\\":s\\":{\\"S\\":\\"s1\\"},\\":k\\":{\\"S\\":\\"temp\\"},\\":d\\":{\\"S\\":\\"2025-07-01\\"}}'"},
         {"pattern": "2", "description": "by level", "table": "Readings", "index": "ByLevel", "dynamodb_operation": "Query",
          "implementation": "aws dynamodb query --table-name Readings --index-name ByLevel --key-condition-expression 'pk = :p' --expression-attribute-values '{\\":p\\":{\\"S\\":\\"d1\\"}}'"},
         {"pattern": "3", "description": "dashboards", "reason": "served by a time-series store"}]}
      """;

  @Test
  void richModelLoadsIntoRecords() {
    Validated<DataModel> r = DataModelLoader.parse("rich.json", RICH);
    assertThat(r.errors()).isEmpty();
    DataModel m = r.unwrap();
    TableSpec t = m.findTable("Readings").orElseThrow();
    assertThat(t.keyAttributes()).containsExactly("pk", "ts");
    IndexSpec g = t.findIndex("BySiteKindDay").orElseThrow();
    assertThat(g.partitionKeys()).containsExactly("site", "kind");
    assertThat(g.sortKeys()).containsExactly("day", "ts");
    assertThat(g.projection().nonKeyAttributes()).containsExactly("value");
    assertThat(t.localSecondaryIndexes()).singleElement().extracting(IndexSpec::name).isEqualTo("ByLevel");
    assertThat(t.timeToLive()).contains(new TimeToLive("expires", true));
    assertThat(t.createTableRequest().has("TimeToLiveSpecification")).as("TTL is not a CreateTable key").isFalse();
    assertThat(m.itemsOf("Readings")).singleElement().satisfies(i -> assertThat(i.pointer()).isEqualTo("/items/Readings/0"));
    assertThat(m.accessPatterns().get(2).isExternal()).isTrue();
    assertThat(m.accessPatterns().get(0).pointer()).isEqualTo("/access_patterns/0");
  }

  @Test
  void reportsEveryProblemAtOnce() {
    String bad = RICH.replace("\"level\", \"AttributeType\": \"N\"", "\"level\", \"AttributeType\": \"X\"")
        .replace("\"ok\": {\"BOOL\": false}", "\"ok\": {\"BOOL\": \"false\"}")
        .replace("\"index\": \"ByLevel\"", "\"index\": \"ByLevl\"")
        .replace("\"pattern\": \"3\"", "\"pattern\": \"2\"");
    Validated<DataModel> r = DataModelLoader.parse("bad.json", bad);
    assertThat(r.errors()).extracting(Diagnostic::id)
        .contains("DataModel.Enum", "DataModel.AttributeValue", "DataModel.UnknownPatternIndex", "DataModel.DuplicatePattern");
    assertThat(r.errors()).allSatisfy(d -> assertThat(d.location().line()).isPositive());
  }

  @Test
  void warningsDoNotBlockLoading() {
    String noItems = RICH.replaceAll("(?s)\"items\": \\{.*?\\]\\},\n", "\"items\": {},\n");
    Validated<DataModel> r = DataModelLoader.parse("w.json", noItems);
    assertThat(r.isValid()).isTrue();
    assertThat(r.diagnostics()).extracting(Diagnostic::id).contains("DataModel.NoItems");
  }
}
