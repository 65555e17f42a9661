package dev.ddbmodel.codegen.internal.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.schema.SchemaLoader;
import dev.ddbmodel.schema.Schema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The plan's decisions for cross-table transactions: bindings, repetition, update texts, refusals. */
class TransactionPlanTest {
  static GenerationPlan shop() throws Exception {
    return Planner.plan(PlannerTest.load(Files.readString(Path.of("src/test/resources/conformance/shop/schema.json"), StandardCharsets.UTF_8)), "schema.json");
  }

  static TransactionPlan tx(GenerationPlan p, String name) {
    return p.transactions().stream().filter(t -> t.pattern().name().equals(name)).findFirst().orElseThrow();
  }

  static Schema.ValueRef ref(String param, String field) {
    return new Schema.ValueRef.Ref(param, Optional.ofNullable(field));
  }

  @Test
  void checkoutRepeatsTheStockDecrementAndTheLineDeleteOverTheLines() throws Exception {
    GenerationPlan p = shop();
    assertThat(p.diagnostics()).isEmpty();
    TransactionPlan t = tx(p, "checkout");
    assertThat(t.write()).isTrue();
    assertThat(t.fixedActions()).isEqualTo(1);
    assertThat(t.lists()).containsExactly("lines");
    TransactionPlan.Action put = t.actions().get(0);
    assertThat(put.item()).contains(new Schema.ValueRef.Ref("order", Optional.empty()));
    assertThat(put.forEach()).isEmpty();
    TransactionPlan.Action dec = t.actions().get(1);
    assertThat(dec.forEach()).contains("lines");
    assertThat(dec.element()).contains("CartLine");
    assertThat(dec.key()).containsExactly(java.util.Map.entry("product_id", ref("lines", "product_id")));
    assertThat(dec.values()).containsEntry(":quantity", ref("lines", "quantity"));
    assertThat(dec.update()).contains("SET #ddbm_ver = if_not_exists(#ddbm_ver, :ddbm_zero) + :ddbm_one, inventory = inventory - :quantity");
    assertThat(dec.condition()).contains("inventory >= :quantity");
    assertThat(dec.label()).isEqualTo("1 Update Inventory lines");
    TransactionPlan.Action del = t.actions().get(2);
    assertThat(del.key()).containsEntry("customer_id", ref("lines", "customer_id")).containsEntry("product_id", ref("lines", "product_id"));
  }

  @Test
  void explicitValuesAndDefaultNamesAreBound() throws Exception {
    TransactionPlan.Action cancel = tx(shop(), "cancel_order").actions().get(0);
    assertThat(cancel.key()).containsExactly(java.util.Map.entry("order_id", ref("order_id", null)));
    assertThat(cancel.values()).containsEntry(":cancelled", new Schema.ValueRef.Literal("\"CANCELLED\"")).containsEntry(":placed", new Schema.ValueRef.Literal("\"PLACED\""));
    assertThat(cancel.names()).containsEntry("#s", "status").containsEntry("#ddbm_ver", "version");
    assertThat(tx(shop(), "cancel_order").actions().get(1).values()).containsEntry(":back", ref("lines", "quantity"));
  }

  @Test
  void aConditionCheckOnAnotherItemOfTheSameEntityTakesItsKeyFromTheBinding() throws Exception {
    TransactionPlan t = tx(shop(), "list_accessory");
    assertThat(t.actions().get(1).key()).containsExactly(java.util.Map.entry("product_id", ref("base_product_id", null)));
    assertThat(t.actions().get(1).condition()).contains("attribute_exists(#ddbm_pk)");
    assertThat(t.actions().get(1).names()).containsEntry("#ddbm_pk", "pk");
  }

  static final String REFERENCE = """
      {"tables": [{"table_config": {"table_name": "Tbl", "partition_key": "pk", "sort_key": "sk"}, "entities": {
        "Order": {"entity_type": "ORDER", "pk_template": "ORDER#{order_id}", "sk_template": "ORDER", "fields": [
          {"name": "order_id", "type": "string", "required": true}, {"name": "status", "type": "string", "required": true}], "access_patterns": []},
        "Store": {"entity_type": "STORE", "pk_template": "STORE#{store_id}", "sk_template": "STORE", "fields": [
          {"name": "store_id", "type": "string", "required": true}, {"name": "open", "type": "boolean", "required": true}], "access_patterns": []}}}],
       "cross_table_access_patterns": [{"pattern_id": 1, "name": "place", "description": "d", "operation": "TransactWrite", "entities_involved": [INV],
         "parameters": [{"name": "order", "type": "entity", "entity_type": "Order"}, {"name": "store_id", "type": "string"}], "return_type": "boolean"}]}
      """;

  static java.util.List<Diagnostic> plan(String involvements) {
    var v = SchemaLoader.parse("schema.json", REFERENCE.replace("INV", involvements));
    assertThat(v.isValid()).as(v.diagnostics().toString()).isTrue();
    return Planner.plan(v.unwrap(), "schema.json").diagnostics();
  }

  @Test
  void anUnboundPlaceholderInTheReferenceFormIsLeftToTheCaller() {
    var v = SchemaLoader.parse("schema.json", REFERENCE.replace("INV", "{\"table\": \"Tbl\", \"entity\": \"Store\", \"action\": \"ConditionCheck\", \"condition\": \"#open = :t\"}"));
    GenerationPlan g = Planner.plan(v.unwrap(), "schema.json");
    assertThat(g.diagnostics()).isEmpty();
    assertThat(g.transactions().get(0).suppliedValues()).isTrue();
    assertThat(g.transactions().get(0).actions().get(0).values()).containsExactly(java.util.Map.entry(":t", new Schema.ValueRef.Supplied(":t")));
    assertThat(plan("{\"table\": \"Tbl\", \"entity\": \"Store\", \"action\": \"ConditionCheck\", \"condition\": \"#open = :t\", \"values\": {\":t\": {\"literal\": true}}}")).isEmpty();
  }

  @Test
  void aConditionCheckOnThePutItemIsRefused() {
    assertThat(plan("{\"table\": \"Tbl\", \"entity\": \"Order\", \"action\": \"Put\"}, {\"table\": \"Tbl\", \"entity\": \"Order\", \"action\": \"ConditionCheck\"}"))
        .extracting(Diagnostic::id).containsExactly("Codegen.SameItem");
    assertThat(plan("{\"table\": \"Tbl\", \"entity\": \"Order\", \"action\": \"Put\"}, {\"table\": \"Tbl\", \"entity\": \"Store\", \"action\": \"ConditionCheck\"}")).isEmpty();
  }

  @Test
  void anUnboundKeyFieldIsRefused() {
    assertThat(plan("{\"table\": \"Tbl\", \"entity\": \"Store\", \"action\": \"Delete\", \"key\": {\"store_id\": \"store_id\"}}, "
        + "{\"table\": \"Tbl\", \"entity\": \"Order\", \"action\": \"Delete\"}")).isEmpty();
    var v = SchemaLoader.parse("schema.json", REFERENCE.replace("INV", "{\"table\": \"Tbl\", \"entity\": \"Order\", \"action\": \"Delete\"}")
        .replace("{\"name\": \"order\", \"type\": \"entity\", \"entity_type\": \"Order\"}, ", ""));
    assertThat(v.isValid()).isTrue();
    assertThat(v.diagnostics()).extracting(Diagnostic::id).containsExactly("Schema.UnboundKeyField");
    assertThat(Planner.plan(v.unwrap(), "schema.json").diagnostics()).extracting(Diagnostic::id).containsExactly("Codegen.UnboundKeyField");
  }

  @Test
  void theReferenceFormUpdateSetsPlainParametersAndBumpsTheVersion() {
    var v = SchemaLoader.parse("schema.json", REFERENCE.replace("INV", "{\"table\": \"Tbl\", \"entity\": \"Order\", \"action\": \"Update\"}")
        .replace("{\"name\": \"order\", \"type\": \"entity\", \"entity_type\": \"Order\"}", "{\"name\": \"order_id\", \"type\": \"string\"}, {\"name\": \"status\", \"type\": \"string\"}"));
    assertThat(v.isValid()).as(v.diagnostics().toString()).isTrue();
    TransactionPlan.Action a = Planner.plan(v.unwrap(), "schema.json").transactions().get(0).actions().get(0);
    assertThat(a.update()).contains("SET #ddbm_ver = if_not_exists(#ddbm_ver, :ddbm_zero) + :ddbm_one, #ddbm_f0 = :ddbm_f0");
    assertThat(a.names()).containsEntry("#ddbm_f0", "status");
    assertThat(a.values()).containsEntry(":ddbm_f0", ref("status", null));
  }

  @Test
  void theObjectFormsBecomeTheSameKindOfTextNamesAndValues() {
    String inv = "{\"table\": \"Tbl\", \"entity\": \"Order\", \"action\": \"Update\", \"key\": {\"order_id\": \"order.order_id\"},"
        + " \"condition\": {\"conditions\": [{\"field\": \"status\", \"operator\": \"=\", \"param\": \"from\"}]},"
        + " \"update\": {\"set\": [{\"field\": \"status\", \"param\": \"order.status\"}]}},"
        + " {\"table\": \"Tbl\", \"entity\": \"Store\", \"action\": \"ConditionCheck\","
        + " \"condition\": {\"conditions\": [{\"field\": \"open\", \"operator\": \"=\", \"param\": \"open\"}]}}";
    var v = SchemaLoader.parse("schema.json", REFERENCE.replace("INV", inv).replace("{\"name\": \"store_id\", \"type\": \"string\"}",
        "{\"name\": \"store_id\", \"type\": \"string\"}, {\"name\": \"from\", \"type\": \"string\"}, {\"name\": \"open\", \"type\": \"boolean\"}"));
    assertThat(v.isValid()).as(v.diagnostics().toString()).isTrue();
    assertThat(v.diagnostics()).isEmpty();
    GenerationPlan g = Planner.plan(v.unwrap(), "schema.json");
    assertThat(g.diagnostics()).isEmpty();
    TransactionPlan.Action a = g.transactions().get(0).actions().get(0);
    assertThat(a.condition()).contains("(#ddbm_cn0 = :ddbm_cv0) AND attribute_exists(#ddbm_upk)");
    assertThat(a.update()).contains("SET #ddbm_ver = if_not_exists(#ddbm_ver, :ddbm_zero) + :ddbm_one, #ddbm_un0 = :ddbm_uv0");
    assertThat(a.names()).containsEntry("#ddbm_cn0", "status").containsEntry("#ddbm_un0", "status").containsEntry("#ddbm_upk", "pk");
    assertThat(a.values()).containsEntry(":ddbm_cv0", ref("from", null)).containsEntry(":ddbm_uv0", ref("order", "status"));
    TransactionPlan.Action c = g.transactions().get(0).actions().get(1);
    assertThat(c.condition()).isEqualTo(java.util.Optional.of("#ddbm_cn0 = :ddbm_cv0"));
    assertThat(c.values()).containsExactly(java.util.Map.entry(":ddbm_cv0", ref("open", null)));
  }
}
