package dev.ddbmodel.core.internal.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.json.JsonDocument;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One small input per rule class: a valid model with a single edit, and the finding (id and
 * pointer) the class owns. The bad/*.json files of {@code BadModelFilesTest} cover every id in
 * full; these pin which class reports what.
 */
class RuleClassesTest {
  static final String BASE = """
      {"tables": [{"TableName": "Orders",
        "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}, {"AttributeName": "sk", "AttributeType": "S"}],
        "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
        "BillingMode": "PAY_PER_REQUEST"}],
       "items": {"Orders": [{"PutRequest": {"Item": {"pk": {"S": "a"}, "sk": {"S": "b"}}}}]},
       "access_patterns": [{"pattern": "1", "description": "d", "table": "Orders", "dynamodb_operation": "Query",
         "implementation": "aws dynamodb query --table-name Orders"}]}
      """;

  record Case(String ruleClass, String from, String to, String id, String pointer) {
    @Override
    public String toString() {
      return ruleClass + ": " + id;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("DataModelStructureRules", "\"BillingMode\": \"PAY_PER_REQUEST\"", "\"BillingMode\": \"FREE\"", "DataModel.Enum", "/tables/0/BillingMode"),
        new Case("DataModelTableRules", "\"BillingMode\": \"PAY_PER_REQUEST\"}]", "\"BillingMode\": \"PAY_PER_REQUEST\"}, {\"TableName\": \"Orders\", "
            + "\"AttributeDefinitions\": [{\"AttributeName\": \"pk\", \"AttributeType\": \"S\"}], \"KeySchema\": [{\"AttributeName\": \"pk\", \"KeyType\": \"HASH\"}]}]",
            "DataModel.DuplicateTable", "/tables/1/TableName"),
        new Case("AttributeDefinitionRules", "{\"AttributeName\": \"sk\", \"AttributeType\": \"S\"}]",
            "{\"AttributeName\": \"sk\", \"AttributeType\": \"S\"}, {\"AttributeName\": \"status\", \"AttributeType\": \"S\"}]",
            "DataModel.UnusedAttributeDefinition", "/tables/0/AttributeDefinitions/2"),
        new Case("KeySchemaRules", "{\"AttributeName\": \"sk\", \"KeyType\": \"RANGE\"}", "{\"AttributeName\": \"sk\", \"KeyType\": \"HASH\"}",
            "DataModel.KeySchema", "/tables/0/KeySchema"),
        new Case("DataModelIndexRules", "\"BillingMode\": \"PAY_PER_REQUEST\"}]", "\"BillingMode\": \"PAY_PER_REQUEST\", \"LocalSecondaryIndexes\": [{\"IndexName\": "
            + "\"ByOther\", \"KeySchema\": [{\"AttributeName\": \"sk\", \"KeyType\": \"HASH\"}, {\"AttributeName\": \"pk\", \"KeyType\": \"RANGE\"}], "
            + "\"Projection\": {\"ProjectionType\": \"ALL\"}}]}]", "DataModel.LocalIndexKeySchema", "/tables/0/LocalSecondaryIndexes/0/KeySchema"),
        new Case("CapacityRules", "\"BillingMode\": \"PAY_PER_REQUEST\"", "\"BillingMode\": \"PROVISIONED\"", "DataModel.Throughput", "/tables/0"),
        new Case("TableSettingsRules", "\"BillingMode\": \"PAY_PER_REQUEST\"", "\"BillingMode\": \"PAY_PER_REQUEST\", \"ResourcePolicy\": \"{}\"",
            "DataModel.ResourcePolicy", "/tables/0/ResourcePolicy"),
        new Case("ItemRules", "\"pk\": {\"S\": \"a\"}, ", "", "DataModel.ItemMissingKey", "/items/Orders/0/PutRequest/Item"),
        new Case("AttributeValueRules", "\"sk\": {\"S\": \"b\"}", "\"sk\": {\"S\": \"b\"}, \"n\": {\"N\": \"ten\"}", "DataModel.AttributeValue",
            "/items/Orders/0/PutRequest/Item/n/N"),
        new Case("ItemSizeRules", "\"sk\": {\"S\": \"b\"}", "\"sk\": {\"S\": \"" + "b".repeat(1025) + "\"}", "DataModel.KeyTooLarge",
            "/items/Orders/0/PutRequest/Item/sk"),
        new Case("AccessPatternRules", "\"table\": \"Orders\"", "\"table\": \"Order\"", "DataModel.UnknownPatternTable", "/access_patterns/0/table"));
  }

  @Test
  void theBaseModelIsClean() {
    assertThat(DataModelRules.check(JsonDocument.parse("m.json", BASE).unwrap())).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void eachRuleClassReportsItsFinding(Case c) {
    assertThat(BASE).contains(c.from());
    List<Diagnostic> ds = DataModelRules.check(JsonDocument.parse("m.json", BASE.replace(c.from(), c.to())).unwrap());
    assertThat(ds).as(ds.toString()).anySatisfy(d -> {
      assertThat(d.id()).isEqualTo(c.id());
      assertThat(d.location().pointer()).isEqualTo(c.pointer());
    });
  }
}
