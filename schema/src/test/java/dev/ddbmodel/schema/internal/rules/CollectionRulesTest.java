package dev.ddbmodel.schema.internal.rules;

import dev.ddbmodel.schema.SchemaIssue;
import dev.ddbmodel.schema.SchemaLoader;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.Severity;
import dev.ddbmodel.core.json.Json;
import dev.ddbmodel.core.json.JsonDocument;
import dev.ddbmodel.schema.ItemCollection;
import dev.ddbmodel.schema.Schema;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Item-collection reads: which entities a mixed_data Query returns, and each mistake's diagnostic. */
class CollectionRulesTest {
  static final String BASE = """
      {"tables": [{"table_config": {"table_name": "Catalog", "partition_key": "pk", "sort_key": "sk"},
        "gsi_list": [{"name": "ByKeys", "partition_key": "gpk", "sort_key": "gsk", "projection": "KEYS_ONLY"}],
        "entities": {
          "Product": {"entity_type": "PRODUCT", "pk_template": "PRODUCT#{product_id}", "sk_template": "DETAILS",
            "fields": [{"name": "product_id", "type": "string", "required": true}, {"name": "name", "type": "string", "required": true}],
            "gsi_mappings": [{"name": "ByKeys", "pk_template": "P#{product_id}", "sk_template": "D"}],
            "access_patterns": [
              {"pattern_id": 1, "name": "page", "description": "d", "operation": "Query", "return_type": "mixed_data",
               "parameters": [{"name": "product_id", "type": "string"}], "collection_entities": ["Product", "Inventory", "Review"]},
              {"pattern_id": 2, "name": "everything", "description": "d", "operation": "Query", "return_type": "mixed_data",
               "parameters": [{"name": "product_id", "type": "string"}]},
              {"pattern_id": 3, "name": "keys", "description": "d", "operation": "Query", "return_type": "mixed_data", "index_name": "ByKeys",
               "parameters": [{"name": "product_id", "type": "string"}]}]},
          "Inventory": {"entity_type": "INVENTORY", "pk_template": "PRODUCT#{product_id}", "sk_template": "INVENTORY",
            "fields": [{"name": "product_id", "type": "string", "required": true}, {"name": "stock", "type": "integer", "required": true}]},
          "Review": {"entity_type": "REVIEW", "pk_template": "PRODUCT#{pid}", "sk_template": "REVIEW#{review_id}",
            "fields": [{"name": "pid", "type": "string", "required": true}, {"name": "review_id", "type": "string", "required": true}]},
          "Question": {"entity_type": "QUESTION", "pk_template": "PRODUCT#{product_id}", "sk_template": "QUESTION#{question_id}",
            "fields": [{"name": "product_id", "type": "string", "required": true}, {"name": "question_id", "type": "string", "required": true}]},
          "Seller": {"entity_type": "SELLER", "pk_template": "SELLER#{seller_id}", "sk_template": "PROFILE",
            "fields": [{"name": "seller_id", "type": "string", "required": true}]}}},
       {"table_config": {"table_name": "Other", "partition_key": "pk", "sort_key": "sk"},
        "entities": {"Note": {"entity_type": "NOTE", "pk_template": "PRODUCT#{product_id}", "sk_template": "NOTE",
            "fields": [{"name": "product_id", "type": "string", "required": true}]}}}]}
      """;

  static ObjectNode base() {
    return (ObjectNode) Json.parseTrusted(BASE);
  }

  static ObjectNode entity(ObjectNode s, String name) {
    return (ObjectNode) s.get("tables").get(0).get("entities").get(name);
  }

  static ObjectNode ap(ObjectNode s, int i) {
    return (ObjectNode) entity(s, "Product").get("access_patterns").get(i);
  }

  static List<Diagnostic> check(ObjectNode s) {
    return SchemaLoader.check(JsonDocument.parse("schema.json", Json.pretty(s)).unwrap()).stream().map(SchemaIssue::diagnostic).toList();
  }

  @Test
  void declaredMembersKeepTheirOrderAndInferredOnesAreThoseWithTheSameTemplate() {
    assertThat(check(base())).isEmpty();
    Schema s = SchemaLoader.parse("schema.json", BASE).unwrap();
    Schema.TableDef t = s.tables().get(0);
    Schema.Entity p = t.entities().get("Product");
    // declared: Review's template has another field name but the same shape
    assertThat(ItemCollection.members(t, p, p.accessPatterns().get(0)).stream().map(m -> m.entity().name())).containsExactly("Product", "Inventory", "Review");
    // inferred: same text only (Review's `{pid}` is left out, Seller's partition differs, Note is in another table)
    assertThat(ItemCollection.members(t, p, p.accessPatterns().get(1)).stream().map(m -> m.entity().name())).containsExactly("Product", "Inventory", "Question");
    assertThat(ItemCollection.byEntityType(ItemCollection.members(t, p, p.accessPatterns().get(0)))).isTrue();
    assertThat(p.accessPatterns().get(0).collectionEntities()).containsExactly("Product", "Inventory", "Review");
    assertThat(p.accessPatterns().get(1).collectionEntities()).isEmpty();
  }

  @Test
  void sortKeysOverlapWhenOneCanEqualTheOther() {
    Schema s = SchemaLoader.parse("schema.json", BASE).unwrap();
    Schema.TableDef t = s.tables().get(0);
    var members = ItemCollection.members(t, t.entities().get("Product"), t.entities().get("Product").accessPatterns().get(0));
    assertThat(ItemCollection.sortKeyDistinct(members)).hasSize(3);
    assertThat(members.get(0).sortExact()).isTrue();
    assertThat(members.get(2).sortLiteral()).isEqualTo("REVIEW#");
    assertThat(members.get(2).sortExact()).isFalse();
  }

  static Stream<Arguments> mistakes() {
    return Stream.of(
        Arguments.of("Schema.UnknownEntity", "did you mean `Review`?", (Consumer<ObjectNode>) s -> ((ArrayNode) ap(s, 0).get("collection_entities")).set(2, "Reveiw")),
        Arguments.of("Schema.UnknownEntity", "it is in table `Other`", (Consumer<ObjectNode>) s -> ((ArrayNode) ap(s, 0).get("collection_entities")).add("Note")),
        Arguments.of("Schema.CollectionPartition", "`PRODUCT#{product_id}`", (Consumer<ObjectNode>) s -> ((ArrayNode) ap(s, 0).get("collection_entities")).add("Seller")),
        Arguments.of("Schema.CollectionEntities", "twice", (Consumer<ObjectNode>) s -> ((ArrayNode) ap(s, 0).get("collection_entities")).add("Product")),
        Arguments.of("Schema.CollectionEntities", "non-empty array", (Consumer<ObjectNode>) s -> ap(s, 0).putArray("collection_entities")),
        Arguments.of("Schema.CollectionEntities", "non-empty array", (Consumer<ObjectNode>) s -> ap(s, 0).put("collection_entities", "Product")),
        Arguments.of("Schema.CollectionEntities", "returning `entity_list`", (Consumer<ObjectNode>) s -> ap(s, 0).put("return_type", "entity_list")),
        Arguments.of("Schema.CollectionEntities", "GetItem", (Consumer<ObjectNode>) s -> {
          ap(s, 0).put("operation", "GetItem");
          ap(s, 0).put("return_type", "single_entity");
        }),
        Arguments.of("Schema.CollectionProjection", "KEYS_ONLY", (Consumer<ObjectNode>) s -> ap(s, 2).putArray("collection_entities").add("Product")),
        Arguments.of("Schema.CollectionPartition", "no mapping on index `ByKeys`", (Consumer<ObjectNode>) s -> {
          ((ObjectNode) s.get("tables").get(0).get("gsi_list").get(0)).put("projection", "ALL");
          ap(s, 2).putArray("collection_entities").add("Product").add("Inventory");
        }),
        // Inventory keeps its own entity_type field: the DAL writes no type attribute, so sort keys decide, and REVIEW# and REVIEW#X overlap
        Arguments.of("Schema.CollectionAmbiguous", "`Inventory` declares its own `entity_type` field", (Consumer<ObjectNode>) s -> {
          ((ArrayNode) entity(s, "Inventory").get("fields")).addObject().put("name", "entity_type").put("type", "string").put("required", true);
          entity(s, "Inventory").put("sk_template", "REVIEW#X{product_id}");
        }),
        Arguments.of("Schema.CollectionAmbiguous", "two entities have the same entity_type", (Consumer<ObjectNode>) s -> {
          entity(s, "Inventory").put("entity_type", "PRODUCT");
          entity(s, "Inventory").put("sk_template", "DETAILS");
        }));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("mistakes")
  void eachMistakeHasItsDiagnostic(String id, String words, Consumer<ObjectNode> change) {
    ObjectNode s = base();
    change.accept(s);
    List<Diagnostic> ds = check(s);
    assertThat(ds).as(ds.toString()).anySatisfy(d -> {
      assertThat(d.id()).isEqualTo(id);
      assertThat(d.severity()).isEqualTo(Severity.ERROR);
      assertThat(d.message() + " " + d.hint()).contains(words);
      assertThat(d.location().pointer()).startsWith("/tables/0/entities/Product/access_patterns/");
    });
  }

  @Test
  void anInferredAmbiguousCollectionIsAWarningSoAReferenceSchemaStaysValid() {
    ObjectNode s = base();
    ((ArrayNode) entity(s, "Question").get("fields")).addObject().put("name", "entity_type").put("type", "string").put("required", true);
    entity(s, "Question").put("sk_template", "INVENTORY");
    List<Diagnostic> ds = check(s);
    assertThat(ds).as(ds.toString()).singleElement().satisfies(d -> {
      assertThat(d.id()).isEqualTo("Schema.CollectionAmbiguous");
      assertThat(d.severity()).isEqualTo(Severity.WARNING);
      assertThat(d.message()).contains("`Inventory` (sort key `INVENTORY`) and `Question` (sort key `INVENTORY`)", "skips");
      assertThat(d.location().pointer()).isEqualTo("/tables/0/entities/Product/access_patterns/1/return_type");
    });
  }

  @Test
  void aCollectionFilterMayTestAFieldOfAnyEntityOfTheTable() {
    ObjectNode s = base();
    ap(s, 1).putObject("filter_expression").putArray("conditions").addObject().put("field", "stock").put("operator", ">=").put("param", "min");
    ((ArrayNode) ap(s, 1).get("parameters")).addObject().put("name", "min").put("type", "integer");
    assertThat(check(s)).isEmpty();
    ap(s, 1).put("return_type", "entity_list");
    assertThat(check(s)).anySatisfy(d -> assertThat(d.id()).isEqualTo("Schema.FilterField"));
  }

  @Test
  void aMisspelledKeyIsNamed() {
    ObjectNode s = base();
    ap(s, 1).putArray("collection_entitys").add("Product");
    assertThat(check(s)).anySatisfy(d -> {
      assertThat(d.id()).isEqualTo("Schema.UnknownPatternKey");
      assertThat(d.hint()).contains("collection_entities");
    });
  }
}
