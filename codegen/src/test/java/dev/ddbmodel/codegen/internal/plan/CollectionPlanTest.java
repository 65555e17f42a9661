package dev.ddbmodel.codegen.internal.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The typed union of an item-collection Query, decided once in the plan. */
class CollectionPlanTest {
  static GenerationPlan catalog() throws Exception {
    return Planner.plan(PlannerTest.load(Files.readString(Path.of("src/test/resources/conformance/catalog/schema.json"), StandardCharsets.UTF_8)), "schema.json");
  }

  @Test
  void aDeclaredUnionHasItsEntitiesInOrderAndTellsThemApartByTypeThenSortKey() throws Exception {
    Operation.Query q = (Operation.Query) catalog().operation(1).orElseThrow();
    assertThat(q.result()).isEqualTo(ResultKind.ITEM_COLLECTION);
    CollectionPlan c = q.collection().orElseThrow();
    assertThat(c.typeName()).isEqualTo("ProductPageItem");
    assertThat(c.variants()).extracting(CollectionPlan.Variant::entity).containsExactly("Product", "Inventory", "Review");
    assertThat(c.variants()).extracting(CollectionPlan.Variant::entityType).containsExactly("PRODUCT", "INVENTORY", "REVIEW");
    assertThat(c.byEntityType()).isTrue();
    assertThat(c.sortKeyAttribute()).contains("sk");
    // longest text first, so no shorter prefix can take another member's item
    assertThat(c.sortKeyOrder()).extracting(v -> v.sortKey().orElseThrow())
        .containsExactly(new CollectionPlan.SortKeyMatch("INVENTORY", true), new CollectionPlan.SortKeyMatch("DETAILS", true), new CollectionPlan.SortKeyMatch("REVIEW#", false));
    assertThat(q.keys().range()).isEmpty();
    assertThat(q.typeFilter()).isFalse();
  }

  @Test
  void anInferredUnionIsEveryEntityWithThePartitionTemplateAndItsRangeIsTheRawSortKey() throws Exception {
    GenerationPlan p = catalog();
    Operation.Query q = (Operation.Query) p.operation(2).orElseThrow();
    assertThat(q.collection().orElseThrow().variants()).extracting(CollectionPlan.Variant::entity).containsExactly("Product", "Inventory", "Review", "Question");
    QueryPlan.Range r = q.keys().range().orElseThrow();
    assertThat(r.operator()).isEqualTo("begins_with");
    // not "DETAILS" + prefix: the collection's range value is the sort key text itself
    assertThat(r.values()).containsExactly(new QueryPlan.Value("", Optional.of("sk_prefix"), ""));
    assertThat(q.params()).extracting(ParamUse::use).containsExactly(ParamUse.Use.KEY, ParamUse.Use.RANGE);
    Operation.Query seller = (Operation.Query) p.operation(6).orElseThrow();
    assertThat(seller.collection().orElseThrow().variants()).extracting(CollectionPlan.Variant::entity).containsExactly("Seller");
    assertThat(p.collections()).extracting(CollectionPlan::typeName).containsExactly("ProductPageItem", "ProductItemsItem", "WellRatedItem", "SellerCollectionItem");
  }

  @Test
  void unionNamesNeverMeetAnEntityOrEachOther() {
    var s = PlannerTest.load("""
        {"tables": [{"table_config": {"table_name": "Tab", "partition_key": "pk", "sort_key": "sk"}, "entities": {
          "A": {"entity_type": "A", "pk_template": "P#{id}", "sk_template": "A", "fields": [{"name": "id", "type": "string", "required": true}],
            "access_patterns": [{"pattern_id": 1, "name": "all", "description": "d", "operation": "Query", "return_type": "mixed_data",
              "parameters": [{"name": "id", "type": "string"}]}]},
          "B": {"entity_type": "B", "pk_template": "P#{id}", "sk_template": "B", "fields": [{"name": "id", "type": "string", "required": true}],
            "access_patterns": [{"pattern_id": 2, "name": "all", "description": "d", "operation": "Query", "return_type": "mixed_data",
              "parameters": [{"name": "id", "type": "string"}]}]},
          "AllItem": {"entity_type": "X", "pk_template": "X#{id}", "sk_template": "X", "fields": [{"name": "id", "type": "string", "required": true}],
            "access_patterns": [{"pattern_id": 3, "name": "all", "description": "d", "operation": "Query", "return_type": "mixed_data",
              "parameters": [{"name": "id", "type": "string"}]}]}}}]}
        """);
    GenerationPlan p = Planner.plan(s, "schema.json");
    assertThat(p.diagnostics()).isEmpty();
    assertThat(p.collections()).extracting(CollectionPlan::typeName).containsExactly("AAllItem", "BAllItem", "AllItemAllItem");
  }

  @Test
  void aKeysOnlyIndexCollectionStaysRawItems() throws Exception {
    Operation.Query q = (Operation.Query) PlannerTest.clinic().operation(3).orElseThrow();
    assertThat(q.collection().orElseThrow().variants()).extracting(CollectionPlan.Variant::entity).containsExactly("Patient", "Appointment", "Invoice", "Vaccination");
    var s = PlannerTest.load("""
        {"tables": [{"table_config": {"table_name": "Tab", "partition_key": "pk", "sort_key": "sk"},
          "gsi_list": [{"name": "G", "partition_key": "gpk", "sort_key": "gsk", "projection": "KEYS_ONLY"}], "entities": {
          "A": {"entity_type": "A", "pk_template": "P#{id}", "sk_template": "A", "fields": [{"name": "id", "type": "string", "required": true}],
            "gsi_mappings": [{"name": "G", "pk_template": "G#{id}", "sk_template": "A"}],
            "access_patterns": [{"pattern_id": 1, "name": "all", "description": "d", "operation": "Query", "return_type": "mixed_data", "index_name": "G",
              "parameters": [{"name": "id", "type": "string"}]}]}}}]}
        """);
    Operation.Query k = (Operation.Query) Planner.plan(s, "schema.json").operation(1).orElseThrow();
    assertThat(k.result()).isEqualTo(ResultKind.PAGE_OF_ITEMS);
    assertThat(k.collection()).isEmpty();
  }
}
