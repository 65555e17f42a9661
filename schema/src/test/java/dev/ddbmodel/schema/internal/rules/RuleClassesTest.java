package dev.ddbmodel.schema.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbmodel.core.json.JsonDocument;
import dev.ddbmodel.schema.SchemaIssue;
import dev.ddbmodel.schema.SchemaLoader;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One small input per schema.json rule class: a valid schema with a single edit, and the
 * finding (id and dotted path) the class owns. The error files of {@code ErrorFilesTest} cover
 * every id in full; these pin which class reports what.
 */
class RuleClassesTest {
  static final String BASE = """
      {"tables": [{"table_config": {"table_name": "Orders", "partition_key": "pk", "sort_key": "sk"},
        "gsi_list": [{"name": "ByStatus", "partition_key": "status", "sort_key": "created_at", "projection": "ALL"}],
        "entities": {"Order": {"entity_type": "ORDER", "pk_template": "ORDER#{order_id}", "sk_template": "META",
          "gsi_mappings": [{"name": "ByStatus", "pk_template": "{status}", "sk_template": "{created_at}"}],
          "fields": [{"name": "order_id", "type": "string", "required": true},
                     {"name": "status", "type": "string", "required": true},
                     {"name": "created_at", "type": "string", "required": true}],
          "access_patterns": [
            {"pattern_id": 1, "name": "get_order", "description": "d", "operation": "GetItem", "return_type": "single_entity",
             "parameters": [{"name": "order_id", "type": "string"}]},
            {"pattern_id": 2, "name": "by_status", "description": "d", "operation": "Query", "return_type": "entity_list",
             "index_name": "ByStatus", "range_condition": "begins_with",
             "parameters": [{"name": "status", "type": "string"}, {"name": "prefix", "type": "string"}]}]}}}],
       "cross_table_access_patterns": [{"pattern_id": 3, "name": "put_two", "description": "d", "operation": "TransactWrite",
         "entities_involved": [{"table": "Orders", "entity": "Order", "action": "Put"}],
         "parameters": [{"name": "order", "type": "entity", "entity_type": "Order"}], "return_type": "boolean"}]}
      """;

  record Case(String ruleClass, String from, String to, String id, String path) {
    @Override
    public String toString() {
      return ruleClass + ": " + id;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("SchemaStructureRules", "\"table_name\": \"Orders\"", "\"table_name\": \"Orders\"}, \"entities\": {}}, {\"table_config\": {\"table_name\": \"Orders\"",
            "Schema.DuplicateTable", "tables[1].table_config.table_name"),
        new Case("SchemaTableRules", "\"table_name\": \"Orders\"", "\"table_name\": \"O\"", "Schema.TableName", "tables[0].table_config.table_name"),
        new Case("EntityRules", "{\"name\": \"status\", \"type\": \"string\"", "{\"name\": \"status\", \"type\": \"strng\"", "Schema.FieldType",
            "tables[0].entities.Order.fields[1].type"),
        new Case("TemplateRules", "\"ORDER#{order_id}\"", "\"ORDER#{orderid}\"", "Schema.TemplateField", "tables[0].entities.Order.pk_template"),
        new Case("PatternRules", "\"pattern_id\": 2", "\"pattern_id\": 1", "Schema.DuplicatePatternId",
            "tables[0].entities.Order.access_patterns[1].pattern_id"),
        new Case("CrossTableRules", "\"action\": \"Put\"", "\"action\": \"Get\"", "Schema.Action",
            "cross_table_access_patterns[0].entities_involved[0].action"),
        new Case("SchemaIndexRules", "\"projection\": \"ALL\"", "\"projection\": \"SOME\"", "Schema.Projection", "tables[0].gsi_list[0].projection"),
        new Case("GsiMappingRules", "\"sk_template\": \"{created_at}\"", "\"sk_template\": [\"{created_at}\"]", "Schema.MappingShape",
            "tables[0].entities.Order.gsi_mappings[0].sk_template"),
        new Case("RangeParameterRules", "{\"name\": \"status\", \"type\": \"string\"}, {\"name\": \"prefix\", \"type\": \"string\"}",
            "{\"name\": \"status\", \"type\": \"string\"}", "Schema.RangeParameters", "tables[0].entities.Order.access_patterns[1].parameters"));
  }

  @Test
  void theBaseSchemaIsClean() {
    assertThat(SchemaLoader.check(JsonDocument.parse("schema.json", BASE).unwrap())).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void eachRuleClassReportsItsFinding(Case c) {
    assertThat(BASE).contains(c.from());
    List<SchemaIssue> issues = SchemaLoader.check(JsonDocument.parse("schema.json", BASE.replace(c.from(), c.to())).unwrap());
    assertThat(issues).as(issues.toString()).anySatisfy(i -> {
      assertThat(i.diagnostic().id()).isEqualTo(c.id());
      assertThat(i.path()).isEqualTo(c.path());
    });
  }
}
