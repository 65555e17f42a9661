package dev.ddbmodel.schema.internal.rules;

import dev.ddbmodel.schema.SchemaIssue;
import dev.ddbmodel.schema.SchemaLoader;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.json.Json;
import dev.ddbmodel.core.json.JsonDocument;
import dev.ddbmodel.schema.Schema;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Write conditions, update actions and batch_action: the valid forms load, each mistake has its id. */
class WriteRulesTest {
  static final String BASE = """
      {"tables": [{"table_config": {"table_name": "Shop", "partition_key": "pk", "sort_key": "sk"},
        "entities": {"Product": {"entity_type": "PRODUCT", "pk_template": "PRODUCT#{product_id}", "sk_template": "DETAILS",
          "fields": [{"name": "product_id", "type": "string", "required": true}, {"name": "seller_id", "type": "string", "required": true},
            {"name": "status", "type": "string", "required": true}, {"name": "inventory", "type": "integer", "required": true},
            {"name": "units_sold", "type": "integer", "required": false}, {"name": "discount", "type": "decimal", "required": false}],
          "access_patterns": [
            {"pattern_id": 1, "name": "sell", "description": "d", "operation": "UpdateItem", "return_type": "single_entity",
             "parameters": [{"name": "product_id", "type": "string"}, {"name": "quantity", "type": "integer"}],
             "update": {"set": [{"field": "inventory", "operator": "-", "param": "quantity"}], "add": [{"field": "units_sold", "param": "quantity"}],
                        "remove": ["discount"]},
             "condition": {"conditions": [{"field": "inventory", "operator": ">=", "param": "quantity"}]}},
            {"pattern_id": 2, "name": "delist", "description": "d", "operation": "DeleteItem", "return_type": "success_flag",
             "parameters": [{"name": "product_id", "type": "string"}, {"name": "caller", "type": "string"}],
             "condition": {"conditions": [{"field": "seller_id", "operator": "=", "param": "caller"}, {"field": "status", "function": "attribute_exists"}],
                           "logical_operator": "AND"}},
            {"pattern_id": 3, "name": "add", "description": "d", "operation": "PutItem", "return_type": "single_entity",
             "parameters": [{"name": "product", "type": "entity", "entity_type": "Product"}],
             "condition": {"conditions": [{"field": "product_id", "function": "attribute_not_exists"}]}},
            {"pattern_id": 4, "name": "clear", "description": "d", "operation": "BatchWriteItem", "return_type": "void", "batch_action": "Delete",
             "parameters": [{"name": "keys", "type": "array"}]}]}}}]}
      """;

  static ObjectNode base() {
    return (ObjectNode) Json.parseTrusted(BASE);
  }

  static ObjectNode ap(ObjectNode s, int i) {
    return (ObjectNode) s.get("tables").get(0).get("entities").get("Product").get("access_patterns").get(i);
  }

  static ObjectNode cond(ObjectNode s, int i) {
    return (ObjectNode) ap(s, i).get("condition").get("conditions").get(0);
  }

  static List<Diagnostic> check(ObjectNode s) {
    return SchemaLoader.check(JsonDocument.parse("schema.json", Json.pretty(s)).unwrap()).stream().map(SchemaIssue::diagnostic).toList();
  }

  @Test
  void theValidFormsLoadAsTheModel() {
    assertThat(check(base())).isEmpty();
    Schema s = SchemaLoader.parse("schema.json", BASE).unwrap();
    Schema.Entity p = s.entities().get("Product");
    Schema.AccessPattern sell = p.accessPatterns().get(0);
    assertThat(sell.update().orElseThrow().set()).containsExactly(new Schema.SetAction("inventory", "-", "quantity"));
    assertThat(sell.update().orElseThrow().add()).containsExactly(new Schema.AddAction("units_sold", "quantity"));
    assertThat(sell.update().orElseThrow().remove()).containsExactly("discount");
    assertThat(sell.condition().orElseThrow().conditions().get(0).operator()).contains(">=");
    assertThat(p.accessPatterns().get(1).condition().orElseThrow().conditions()).hasSize(2);
    assertThat(p.accessPatterns().get(3).batchDelete()).isTrue();
    assertThat(p.accessPatterns().get(2).batchDelete()).isFalse();
  }

  static Arguments edit(String id, Consumer<ObjectNode> e) {
    return Arguments.of(id, e);
  }

  static Stream<Arguments> edits() {
    return Stream.of(
        edit("Schema.Condition", s -> ap(s, 3).set("condition", ap(s, 1).get("condition").deepCopy())),
        edit("Schema.ConditionField", s -> cond(s, 1).put("field", "seler_id")),
        edit("Schema.ConditionFunction", s -> cond(s, 2).put("function", "attribute_not_exist")),
        edit("Schema.ConditionOperator", s -> cond(s, 1).put("operator", "==")),
        edit("Schema.ConditionParam", s -> cond(s, 1).put("param", "callr")),
        edit("Schema.ConditionLimit", s -> {
          ObjectNode c = cond(s, 1).put("operator", "in");
          c.remove("param");
          ArrayNode ps = c.putArray("params");
          for (int i = 0; i < 101; i++) {
            ps.add("caller");
          }
        }),
        edit("Schema.UnknownKey", s -> cond(s, 1).put("parm", "caller")),
        edit("Schema.ConditionTarget", s -> ((ArrayNode) ap(s, 2).get("parameters")).addObject().put("name", "other").put("type", "entity").put("entity_type", "Product")),
        edit("Schema.Update", s -> ap(s, 1).putObject("update").putArray("remove").add("discount")),
        edit("Schema.UpdateField", s -> ((ObjectNode) ap(s, 0).get("update").get("add").get(0)).put("field", "unit_sold")),
        edit("Schema.UpdateKey", s -> ((ArrayNode) ap(s, 0).get("update").get("remove")).add("product_id")),
        edit("Schema.UpdateVersion", s -> ((ArrayNode) ap(s, 0).get("update").get("remove")).add("version")),
        edit("Schema.UpdateConflict", s -> ((ArrayNode) ap(s, 0).get("update").get("remove")).add("inventory")),
        edit("Schema.UpdateRemoveRequired", s -> ((ArrayNode) ap(s, 0).get("update").get("remove")).add("status")),
        edit("Schema.UpdateOperator", s -> ((ObjectNode) ap(s, 0).get("update").get("set").get(0)).put("operator", "*")),
        edit("Schema.UpdateParam", s -> ((ObjectNode) ap(s, 0).get("update").get("set").get(0)).put("param", "quantty")),
        edit("Schema.UpdateArithmetic", s -> ((ObjectNode) ap(s, 0).get("update").get("set").get(0)).put("field", "status")),
        edit("Schema.UpsertRequired", s -> ((ObjectNode) ap(s, 0).get("update")).put("upsert", true)),
        edit("Schema.BatchAction", s -> ap(s, 3).put("batch_action", "Delet")),
        edit("Schema.UnknownPatternKey", s -> ap(s, 0).set("conditon", ap(s, 0).get("condition").deepCopy())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("edits")
  void eachMistakeHasItsId(String id, Consumer<ObjectNode> e) {
    ObjectNode s = base();
    e.accept(s);
    List<Diagnostic> ds = check(s);
    assertThat(ds).extracting(Diagnostic::id).as(ds.toString()).contains(id);
  }

  @Test
  void didYouMeanNamesTheClosestKnownName() {
    ObjectNode s = base();
    cond(s, 1).put("param", "callr");
    ((ObjectNode) ap(s, 0).get("update").get("add").get(0)).put("field", "unit_sold");
    ap(s, 3).put("batch_action", "Delet");
    List<Diagnostic> ds = check(s);
    assertThat(ds).anySatisfy(d -> assertThat(d.hint()).contains("`caller`"));
    assertThat(ds).anySatisfy(d -> assertThat(d.hint()).contains("`units_sold`"));
    assertThat(ds).anySatisfy(d -> assertThat(d.hint()).contains("`Delete`"));
  }

  @Test
  void updatingAKeyAttributeSaysDynamoDbRefusesIt() {
    ObjectNode s = base();
    ((ArrayNode) ap(s, 0).get("update").get("remove")).add("product_id");
    assertThat(check(s)).anySatisfy(d -> assertThat(d.message()).contains("primary key").contains("DynamoDB cannot change"));
  }

  static ObjectNode param(ObjectNode s, int i, String name) {
    for (var p : ap(s, i).get("parameters")) {
      if (p.get("name").asText().equals(name)) {
        return (ObjectNode) p;
      }
    }
    throw new AssertionError(name);
  }

  static List<String> ids(ObjectNode s) {
    return check(s).stream().map(d -> d.id() + " " + d.severity() + " " + d.location().pointer()).toList();
  }

  static final String SELL = "/tables/0/entities/Product/access_patterns/0";

  @Test
  void aStringInAStockDecrementIsATypeError() {
    ObjectNode s = base();
    param(s, 0, "quantity").put("type", "string");
    // `inventory - :quantity`, `ADD units_sold :quantity` and `inventory >= :quantity` with a string: each is refused where it is written
    assertThat(ids(s)).containsExactlyInAnyOrder("Schema.UpdateParamType ERROR " + SELL + "/update/set/0/param",
        "Schema.UpdateParamType ERROR " + SELL + "/update/add/0/param", "Schema.ConditionParamType ERROR " + SELL + "/condition/conditions/0/param");
    assertThat(check(s)).allSatisfy(d -> assertThat(d.message()).contains("`quantity` is `string`"));
  }

  @Test
  void assignmentsAndComparisonsFollowTheFieldType() {
    ObjectNode s = base();
    // a decimal stored in an integer field loses the integer; decimal compared with integer is fine
    ((ObjectNode) ap(s, 0).get("update").get("set").get(0)).put("operator", "=");
    param(s, 0, "quantity").put("type", "decimal");
    assertThat(ids(s)).containsExactlyInAnyOrder("Schema.UpdateParamType ERROR " + SELL + "/update/set/0/param",
        "Schema.UpdateParamType ERROR " + SELL + "/update/add/0/param");
    // a boolean compared with a string field never matches
    ObjectNode t = base();
    param(t, 1, "caller").put("type", "boolean");
    assertThat(ids(t)).containsExactly("Schema.ConditionParamType ERROR /tables/0/entities/Product/access_patterns/1/condition/conditions/0/param");
    // uuid and string are one type; integer and decimal compare
    ObjectNode u = base();
    param(u, 1, "caller").put("type", "uuid");
    param(u, 0, "quantity").put("type", "integer");
    assertThat(check(u)).isEmpty();
  }

  @Test
  void filterMismatchesAndUnboundFilterParamsAreWarnings() {
    ObjectNode s = base();
    ObjectNode scan = ((ArrayNode) s.get("tables").get(0).get("entities").get("Product").get("access_patterns")).addObject();
    scan.put("pattern_id", 9).put("name", "low").put("description", "d").put("operation", "Scan").put("return_type", "entity_list");
    scan.putArray("parameters").addObject().put("name", "below").put("type", "string");
    ObjectNode fe = scan.putObject("filter_expression");
    fe.putArray("conditions").addObject().put("field", "inventory").put("operator", "<").put("param", "below");
    ((ArrayNode) fe.get("conditions")).addObject().put("field", "status").put("operator", "=").put("param", "stat");
    String at = "/tables/0/entities/Product/access_patterns/4/filter_expression/conditions/";
    assertThat(ids(s)).containsExactlyInAnyOrder("Schema.FilterParamType WARNING " + at + "0/param", "Schema.FilterParam WARNING " + at + "1/param");
    scan.withArray("parameters").addObject().put("name", "status").put("type", "string");
    assertThat(check(s)).filteredOn(d -> d.id().equals("Schema.FilterParam")).singleElement().satisfies(d -> assertThat(d.hint()).contains("did you mean `status`?"));
  }

  @Test
  void filterOperandsAreCheckedLikeConditionOperandsAndAreErrors() {
    ObjectNode s = base();
    ObjectNode q = ((ArrayNode) s.get("tables").get(0).get("entities").get("Product").get("access_patterns")).addObject();
    q.put("pattern_id", 9).put("name", "open").put("description", "d").put("operation", "Query").put("return_type", "entity_list");
    q.putArray("parameters").addObject().put("name", "product_id").put("type", "string");
    ArrayNode cs = q.putObject("filter_expression").putArray("conditions");
    cs.addObject().put("field", "status").put("operator", "=").putObject("param").put("literal", "ACTIVE");
    cs.addObject().put("field", "units_sold").put("operator", "<").putObject("param").put("attribute", "inventory");
    assertThat(check(s)).isEmpty();
    String at = "/tables/0/entities/Product/access_patterns/4/filter_expression/conditions/";
    ((ObjectNode) cs.get(0).get("param")).put("literal", 3);
    ((ObjectNode) cs.get(1).get("param")).put("attribute", "inventry");
    cs.addObject().put("field", "seller_id").put("operator", "<>").putObject("param").put("attribute", "product_id");
    assertThat(ids(s)).containsExactlyInAnyOrder("Schema.FilterValue ERROR " + at + "0/param/literal", "Schema.FilterAttribute ERROR " + at + "1/param/attribute",
        "Schema.FilterOnKey ERROR " + at + "2/param/attribute");
    assertThat(check(s)).filteredOn(d -> d.id().equals("Schema.FilterValue")).singleElement().satisfies(d -> assertThat(d.message()).contains("field `status` is `string`"));
    assertThat(check(s)).filteredOn(d -> d.id().equals("Schema.FilterAttribute")).singleElement().satisfies(d -> assertThat(d.hint()).contains("did you mean `inventory`?"));
    assertThat(check(s)).filteredOn(d -> d.id().equals("Schema.FilterOnKey")).singleElement().satisfies(d -> assertThat(d.message()).contains("key attribute `product_id`"));
    // a Scan may compare with a key field: only a Query's key condition holds the key
    q.put("operation", "Scan").putArray("parameters");
    assertThat(ids(s)).noneMatch(i -> i.startsWith("Schema.FilterOnKey"));
  }
}
