package dev.ddbmodel.schema.internal.rules;

import dev.ddbmodel.schema.SchemaIssue;
import dev.ddbmodel.schema.SchemaLoader;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.Severity;
import dev.ddbmodel.core.json.JsonDocument;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules of transaction actions: bindings, repetition, updates, same-item conflicts, size. */
class TransactionRulesTest {
  static final String SHOP = """
      {"tables": [{"table_config": {"table_name": "Shop", "partition_key": "pk", "sort_key": "sk"}, "entities": {
        "Inventory": {"entity_type": "INVENTORY", "pk_template": "PRODUCT#{product_id}", "sk_template": "INVENTORY", "fields": [
          {"name": "product_id", "type": "string", "required": true}, {"name": "inventory", "type": "integer", "required": true}], "access_patterns": []},
        "Order": {"entity_type": "ORDER", "pk_template": "ORDER#{order_id}", "sk_template": "ORDER", "fields": [
          {"name": "order_id", "type": "string", "required": true}, {"name": "status", "type": "string", "required": true}], "access_patterns": []},
        "CartLine": {"entity_type": "CART_LINE", "pk_template": "CART#{customer_id}", "sk_template": "LINE#{product_id}", "fields": [
          {"name": "customer_id", "type": "string", "required": true}, {"name": "product_id", "type": "string", "required": true},
          {"name": "quantity", "type": "integer", "required": true}], "access_patterns": []}}}],
       "cross_table_access_patterns": [{"pattern_id": 1, "name": "tx", "description": "d", "operation": "@OP@", "entities_involved": [@INV@],
         "parameters": [{"name": "order", "type": "entity", "entity_type": "Order"}, {"name": "lines", "type": "array", "entity_type": "CartLine"},
           {"name": "order_id", "type": "string"}, {"name": "tags", "type": "array"}], "return_type": "boolean"}]}
      """;

  static List<Diagnostic> check(String involvements) {
    return check("TransactWrite", involvements);
  }

  static List<Diagnostic> check(String op, String involvements) {
    JsonDocument doc = JsonDocument.parse("schema.json", SHOP.replace("@INV@", involvements).replace("@OP@", op)).unwrap();
    return SchemaLoader.check(doc).stream().map(SchemaIssue::diagnostic).toList();
  }

  static List<String> ids(List<Diagnostic> ds) {
    return ds.stream().map(d -> d.id() + " " + d.severity() + " " + d.location().pointer()).toList();
  }

  static final String DEC = "{\"table\": \"Shop\", \"entity\": \"Inventory\", \"action\": \"Update\", \"for_each\": \"lines\","
      + " \"update\": \"SET inventory = inventory - :quantity\", \"condition\": \"inventory >= :quantity\"}";

  @Test
  void aStockDecrementPerLineIsValid() {
    assertThat(check("{\"table\": \"Shop\", \"entity\": \"Order\", \"action\": \"Put\", \"condition\": \"attribute_not_exists(pk)\"}, " + DEC
        + ", {\"table\": \"Shop\", \"entity\": \"CartLine\", \"action\": \"Delete\", \"for_each\": \"lines\"}")).isEmpty();
  }

  @Test
  void forEachMustNameAListOfEntities() {
    assertThat(ids(check(DEC.replace("\"lines\"", "\"lnes\"")))).containsExactly("Schema.ForEach ERROR /cross_table_access_patterns/0/entities_involved/0/for_each");
    assertThat(ids(check(DEC.replace("\"lines\"", "\"tags\"")))).containsExactly("Schema.ForEach ERROR /cross_table_access_patterns/0/entities_involved/0/for_each");
    assertThat(ids(check(DEC.replace("\"lines\"", "7")))).contains("Schema.ForEach ERROR /cross_table_access_patterns/0/entities_involved/0/for_each");
    assertThat(ids(check("TransactGet", "{\"table\": \"Shop\", \"entity\": \"CartLine\", \"action\": \"Get\", \"for_each\": \"lines\"}")))
        .contains("Schema.ForEach ERROR /cross_table_access_patterns/0/entities_involved/0/for_each");
  }

  @Test
  void anUnboundPlaceholderIsAnErrorInTheExtendedFormAndAWarningInTheReferenceForm() {
    assertThat(ids(check(DEC.replace(":quantity\"}", ":qty\"}"))))
        .containsExactly("Schema.ConditionPlaceholder ERROR /cross_table_access_patterns/0/entities_involved/0/condition");
    assertThat(ids(check("{\"table\": \"Shop\", \"entity\": \"Order\", \"action\": \"ConditionCheck\", \"condition\": \"#status = :t\"}")))
        .containsExactly("Schema.ConditionPlaceholder WARNING /cross_table_access_patterns/0/entities_involved/0/condition");
    assertThat(check("{\"table\": \"Shop\", \"entity\": \"Order\", \"action\": \"ConditionCheck\", \"condition\": \"#status = :t\","
        + " \"values\": {\":t\": {\"literal\": \"PLACED\"}}}")).isEmpty();
  }

  @Test
  void bindingsMustNameParametersFieldsOrLiterals() {
    String base = "{\"table\": \"Shop\", \"entity\": \"Order\", \"action\": \"ConditionCheck\", \"condition\": \"#status = :t\", \"values\": {\":t\": X}}";
    assertThat(ids(check(base.replace("X", "\"nope\"")))).containsExactly("Schema.TransactionBinding ERROR /cross_table_access_patterns/0/entities_involved/0/values/:t");
    assertThat(ids(check(base.replace("X", "\"order.colour\"")))).containsExactly("Schema.TransactionBinding ERROR /cross_table_access_patterns/0/entities_involved/0/values/:t");
    assertThat(ids(check(base.replace("X", "\"order\"")))).containsExactly("Schema.TransactionBinding ERROR /cross_table_access_patterns/0/entities_involved/0/values/:t");
    assertThat(ids(check(base.replace("X", "[1]")))).containsExactly("Schema.TransactionBinding ERROR /cross_table_access_patterns/0/entities_involved/0/values/:t");
    assertThat(check(base.replace("X", "\"order.status\""))).isEmpty();
    assertThat(ids(check(base.replace("X", "\"order.status\", \":unused\": 1"))))
        .containsExactly("Schema.TransactionBinding ERROR /cross_table_access_patterns/0/entities_involved/0/values/:unused");
    assertThat(ids(check("{\"table\": \"Shop\", \"entity\": \"Order\", \"action\": \"Delete\", \"key\": {\"colour\": \"order_id\"}}")))
        .containsExactly("Schema.TransactionBinding ERROR /cross_table_access_patterns/0/entities_involved/0/key/colour");
    assertThat(ids(check("{\"table\": \"Shop\", \"entity\": \"Order\", \"action\": \"Delete\", \"condition\": \"#ddbm_ver = :v\", \"values\": {\":v\": 1}}")))
        .containsExactly("Schema.TransactionBinding ERROR /cross_table_access_patterns/0/entities_involved/0/condition");
  }

  @Test
  void unboundKeysAndMissingItemsAreReported() {
    assertThat(ids(check("{\"table\": \"Shop\", \"entity\": \"Inventory\", \"action\": \"Delete\", \"names\": {\"#p\": \"pk\"}, \"condition\": \"attribute_exists(#p)\"}")))
        .containsExactly("Schema.UnboundKeyField ERROR /cross_table_access_patterns/0/entities_involved/0");
    assertThat(ids(check("{\"table\": \"Shop\", \"entity\": \"Inventory\", \"action\": \"Delete\"}")))
        .containsExactly("Schema.UnboundKeyField WARNING /cross_table_access_patterns/0/entities_involved/0");
    assertThat(ids(check("{\"table\": \"Shop\", \"entity\": \"Inventory\", \"action\": \"Put\"}")))
        .containsExactly("Schema.TransactionItem WARNING /cross_table_access_patterns/0/entities_involved/0/entity");
  }

  @Test
  void updateExpressionsAreChecked() {
    String up = "{\"table\": \"Shop\", \"entity\": \"Order\", \"action\": \"Update\", \"update\": \"@U@\"}";
    assertThat(ids(check(up.replace("@U@", "inventory = 1")))).containsExactly("Schema.UpdateExpression ERROR /cross_table_access_patterns/0/entities_involved/0/update");
    assertThat(ids(check(up.replace("@U@", "SET a = :order_id SET b = :order_id")))).containsExactly("Schema.UpdateExpression ERROR /cross_table_access_patterns/0/entities_involved/0/update");
    assertThat(ids(check(up.replace("@U@", "SET pk = :order_id")))).containsExactly("Schema.UpdateExpression ERROR /cross_table_access_patterns/0/entities_involved/0/update");
    assertThat(ids(check(up.replace("@U@", "SET #k = :order_id\", \"names\": {\"#k\": \"sk\"}, \"x\": \"")))).contains(
        "Schema.UpdateExpression ERROR /cross_table_access_patterns/0/entities_involved/0/update");
    assertThat(check(up.replace("@U@", "SET #status = :order_id REMOVE note ADD n :order_id"))).isEmpty();
    assertThat(ids(check("{\"table\": \"Shop\", \"entity\": \"Order\", \"action\": \"Delete\", \"update\": \"SET a = :order_id\"}")))
        .contains("Schema.UpdateExpression ERROR /cross_table_access_patterns/0/entities_involved/0/update");
  }

  @Test
  void twoActionsOnOneItemAreRefused() {
    String put = "{\"table\": \"Shop\", \"entity\": \"Order\", \"action\": \"Put\"}";
    String check = "{\"table\": \"Shop\", \"entity\": \"Order\", \"action\": \"ConditionCheck\"}";
    assertThat(ids(check(check + ", " + check))).containsExactly("Schema.SameItem WARNING /cross_table_access_patterns/0/entities_involved/1");
    // the plain parameter order_id may differ from order.order_id: not provably the same item (the generated code checks it at run time)
    assertThat(check(put + ", " + check)).isEmpty();
    assertThat(ids(check(put + ", {\"table\": \"Shop\", \"entity\": \"Order\", \"action\": \"ConditionCheck\", \"key\": {\"order_id\": \"order.order_id\"}}")))
        .containsExactly("Schema.SameItem ERROR /cross_table_access_patterns/0/entities_involved/1");
    assertThat(check(put + ", {\"table\": \"Shop\", \"entity\": \"Order\", \"action\": \"ConditionCheck\", \"key\": {\"order_id\": \"order_id\"}}")).isEmpty();
    assertThat(ids(check(DEC + ", " + DEC))).containsExactly("Schema.SameItem ERROR /cross_table_access_patterns/0/entities_involved/1");
  }

  @Test
  void moreThanAHundredFixedActionsAreRefused() {
    String one = "{\"table\": \"Shop\", \"entity\": \"Order\", \"action\": \"ConditionCheck\", \"key\": {\"order_id\": {\"literal\": \"oN\"}}}";
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 101; i++) {
      many.append(i == 0 ? "" : ", ").append(one.replace("oN", "o" + i));
    }
    assertThat(ids(check(many.toString()))).containsExactly("Schema.TransactionSize ERROR /cross_table_access_patterns/0/entities_involved");
    assertThat(check(many.substring(many.indexOf("}, ") + 3))).isEmpty();
  }

  @Test
  void unknownActionPropertiesAreNamed() {
    List<Diagnostic> ds = check("{\"table\": \"Shop\", \"entity\": \"Order\", \"action\": \"Delete\", \"foreach\": \"lines\"}");
    assertThat(ids(ds)).containsExactly("Schema.InvolvementKey WARNING /cross_table_access_patterns/0/entities_involved/0/foreach");
    assertThat(ds.get(0).hint()).contains("for_each");
    assertThat(ds.get(0).severity()).isEqualTo(Severity.WARNING);
  }

  // the object forms of single-item writes in a transaction action (condition: the filter grammar, update: set/add/remove)

  static final String DEC_OBJECT = "{\"table\": \"Shop\", \"entity\": \"Inventory\", \"action\": \"Update\", \"for_each\": \"lines\","
      + " \"update\": {\"set\": [{\"field\": \"inventory\", \"operator\": \"-\", \"param\": \"quantity\"}]},"
      + " \"condition\": {\"conditions\": [{\"field\": \"inventory\", \"operator\": \">=\", \"param\": \"quantity\"}]}}";
  static final String GUARD_OBJECT = "{\"table\": \"Shop\", \"entity\": \"Order\", \"action\": \"Update\", \"key\": {\"order_id\": \"order_id\"},"
      + " \"update\": {\"set\": [{\"field\": \"status\", \"param\": \"order.status\"}]},"
      + " \"condition\": {\"conditions\": [{\"field\": \"status\", \"operator\": \"in\", \"params\": [\"order.status\", \"order_id\"]}]}}";

  @Test
  void theObjectFormsAreValidAndRenderToTheTextTheyMean() {
    assertThat(check(DEC_OBJECT + ", " + GUARD_OBJECT)).isEmpty();
    var s = SchemaLoader.parse("schema.json", SHOP.replace("@INV@", DEC_OBJECT).replace("@OP@", "TransactWrite")).unwrap();
    var inv = s.crossTablePatterns().get(0).entitiesInvolved().get(0);
    assertThat(inv.condition()).isEmpty();
    assertThat(dev.ddbmodel.schema.TransactionBindings.conditionText(inv))
        .contains("(#ddbm_cn0 >= :ddbm_cv0) AND attribute_exists(#ddbm_upk)");
    assertThat(dev.ddbmodel.schema.TransactionBindings.updateText(inv))
        .contains("SET #ddbm_un0 = if_not_exists(#ddbm_un0, :ddbm_ul0) - :ddbm_uv0");
    var b = dev.ddbmodel.schema.TransactionBindings.resolve(s, s.crossTablePatterns().get(0), inv);
    // `quantity` binds like `:quantity` in a text: the field of the repeated list's element
    var q = new dev.ddbmodel.schema.Schema.ValueRef.Ref("lines", java.util.Optional.of("quantity"));
    assertThat(b.values()).containsEntry(":ddbm_cv0", q).containsEntry(":ddbm_uv0", q)
        .containsEntry(":ddbm_ul0", new dev.ddbmodel.schema.Schema.ValueRef.Literal("0"));
    assertThat(b.names()).containsEntry("#ddbm_cn0", "inventory").containsEntry("#ddbm_un0", "inventory").containsEntry("#ddbm_upk", "pk");
    assertThat(b.unboundValues()).isEmpty();
  }

  @Test
  void anUpsertAddsNoExistenceGuardAndAddAndRemoveRender() {
    String up = "{\"table\": \"Shop\", \"entity\": \"CartLine\", \"action\": \"Update\", \"for_each\": \"lines\","
        + " \"update\": {\"add\": [{\"field\": \"quantity\", \"param\": \"quantity\"}], \"upsert\": true}}";
    assertThat(check(up)).isEmpty();
    var inv = SchemaLoader.parse("schema.json", SHOP.replace("@INV@", up).replace("@OP@", "TransactWrite")).unwrap().crossTablePatterns().get(0).entitiesInvolved().get(0);
    assertThat(dev.ddbmodel.schema.TransactionBindings.conditionText(inv)).isEmpty();
    assertThat(dev.ddbmodel.schema.TransactionBindings.updateText(inv)).contains("ADD #ddbm_un0 :ddbm_uv0");
  }

  @Test
  void objectFormMistakesAreReportedWhereTheyAreWritten() {
    String at = "/cross_table_access_patterns/0/entities_involved/0/";
    // an unknown field of the entity, with a did-you-mean
    List<Diagnostic> ds = check(DEC_OBJECT.replace("{\"field\": \"inventory\", \"operator\": \">=\"", "{\"field\": \"inventry\", \"operator\": \">=\""));
    assertThat(ids(ds)).containsExactly("Schema.ConditionField ERROR " + at + "condition/conditions/0/field");
    assertThat(ds.get(0).hint()).contains("inventory");
    // an unknown key of a condition term
    assertThat(ids(check(DEC_OBJECT.replace("\"operator\": \">=\"", "\"operator\": \">=\", \"parm\": \"x\""))))
        .containsExactly("Schema.UnknownKey ERROR " + at + "condition/conditions/0/parm");
    // a value that binds nothing: the condition's and the update's, each at its `param`
    ds = check(DEC_OBJECT.replace("\"quantity\"", "\"quantty\""));
    assertThat(ids(ds)).containsExactlyInAnyOrder("Schema.UpdateParam ERROR " + at + "update/set/0/param", "Schema.ConditionParam ERROR " + at + "condition/conditions/0/param")
        .doesNotContain("Schema.ConditionPlaceholder");
    assertThat(ds).allSatisfy(d -> assertThat(d.hint()).contains("did you mean `quantity`?"));
    // update rules of single-item writes hold here too
    assertThat(ids(check(DEC_OBJECT.replace("\"field\": \"inventory\", \"operator\": \"-\"", "\"field\": \"product_id\", \"operator\": \"-\""))))
        .contains("Schema.UpdateKey ERROR " + at + "update/set/0/field");
    assertThat(ids(check(DEC_OBJECT.replace("\"set\": [", "\"sett\": ["))))
        .contains("Schema.UnknownKey ERROR " + at + "update/sett");
    // a condition object where no condition applies is still a condition
    assertThat(ids(check(GUARD_OBJECT.replace("\"order.status\", \"order_id\"", "\"order.stats\""))))
        .containsExactly("Schema.ConditionParam ERROR " + at + "condition/conditions/0/params/0");
  }

  @Test
  void aValueOfTheWrongTypeIsAnErrorInTheObjectForms() {
    String at = "/cross_table_access_patterns/0/entities_involved/0/";
    // `order_id` is a string: `inventory - :order_id` and `inventory >= :order_id` cannot work
    List<Diagnostic> ds = check(DEC_OBJECT.replace("\"quantity\"", "\"order_id\""));
    assertThat(ids(ds)).containsExactlyInAnyOrder("Schema.UpdateParamType ERROR " + at + "update/set/0/param", "Schema.ConditionParamType ERROR " + at + "condition/conditions/0/param");
    assertThat(ds).allSatisfy(d -> assertThat(d.message()).contains("`order_id` is `string`").contains("`inventory` is `integer`"));
  }
}
