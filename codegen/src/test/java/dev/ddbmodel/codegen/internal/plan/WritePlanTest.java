package dev.ddbmodel.codegen.internal.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbmodel.core.Diagnostic;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The plan of conditional writes, update actions, upserts and batch deletes (the market conformance schema). */
class WritePlanTest {
  static GenerationPlan market() throws Exception {
    return Planner.plan(PlannerTest.load(Files.readString(Path.of("src/test/resources/conformance/market/schema.json"), StandardCharsets.UTF_8)), "schema.json");
  }

  static ParamUse.Use use(Operation op, String param) {
    return op.params().stream().filter(p -> p.name().equals(param)).findFirst().orElseThrow().use();
  }

  @Test
  void theWholeSchemaPlansWithoutDiagnostics() throws Exception {
    assertThat(market().diagnostics()).isEmpty();
  }

  @Test
  void anOwnerCheckParameterIsAConditionValueNeverWritten() throws Exception {
    Operation.Update u = (Operation.Update) market().operation(3).orElseThrow();
    assertThat(use(u, "caller")).isEqualTo(ParamUse.Use.CONDITION);
    assertThat(use(u, "new_price")).isEqualTo(ParamUse.Use.SET);
    assertThat(u.assignments()).isEmpty();
    assertThat(u.actions()).containsExactly(new Operation.Action(Operation.ActionKind.SET, "price", Optional.of(new dev.ddbmodel.schema.Schema.Operand.Param("new_price"))));
    Condition c = u.condition().orElseThrow();
    assertThat(c.terms()).containsExactly(new Condition.Term("seller_id", Optional.of("="), Optional.empty(), List.of(new dev.ddbmodel.schema.Schema.Operand.Param("caller"))));
    assertThat(c.params()).containsExactly("caller");
    assertThat(u.result()).isEqualTo(ResultKind.OPTIONAL_ITEM);
    assertThat(u.locked()).isFalse();
  }

  @Test
  void aGuardedDecrementAndACounterAreArithmeticTheClientCannotKnowTheResultOf() throws Exception {
    Operation.Update u = (Operation.Update) market().operation(5).orElseThrow();
    assertThat(u.actions()).containsExactly(new Operation.Action(Operation.ActionKind.DECREMENT, "inventory", Optional.of(new dev.ddbmodel.schema.Schema.Operand.Param("quantity"))),
        new Operation.Action(Operation.ActionKind.ADD, "units_sold", Optional.of(new dev.ddbmodel.schema.Schema.Operand.Param("quantity"))));
    assertThat(use(u, "quantity")).isEqualTo(ParamUse.Use.CONDITION);
    assertThat(u.indexKeys()).isEmpty();
  }

  @Test
  void aStateChangeKeepsTheIndexKeyThatUsesTheStateInStep() throws Exception {
    Operation.Update u = (Operation.Update) market().operation(4).orElseThrow();
    assertThat(u.indexKeys()).extracting(KeyBuilder::attribute).containsExactly("gsi1sk");
    assertThat(use(u, "from_status")).isEqualTo(ParamUse.Use.CONDITION);
    assertThat(use(u, "to_status")).isEqualTo(ParamUse.Use.SET);
  }

  @Test
  void aVersionParameterLocksAPartialUpdate() throws Exception {
    Operation.Update u = (Operation.Update) market().operation(9).orElseThrow();
    assertThat(u.expectedVersion()).contains("version");
    assertThat(use(u, "version")).isEqualTo(ParamUse.Use.VERSION);
    assertThat(u.locked()).isTrue();
  }

  @Test
  void anUpsertReturnsTheStoredItemAndNeedsNoExistence() throws Exception {
    Operation.Update u = (Operation.Update) market().operation(10).orElseThrow();
    assertThat(u.upsert()).isTrue();
    assertThat(u.result()).isEqualTo(ResultKind.ITEM);
    assertThat(u.actions()).containsExactly(new Operation.Action(Operation.ActionKind.ADD, "views", Optional.of(new dev.ddbmodel.schema.Schema.Operand.Param("n"))));
  }

  @Test
  void conditionalPutAndDeleteCarryTheirCondition() throws Exception {
    GenerationPlan p = market();
    Operation.Put put = (Operation.Put) p.operation(2).orElseThrow();
    assertThat(put.condition().orElseThrow().terms().get(0).function()).contains("attribute_not_exists");
    Operation.Delete d = (Operation.Delete) p.operation(7).orElseThrow();
    assertThat(d.result()).isEqualTo(ResultKind.FLAG);
    assertThat(use(d, "caller")).isEqualTo(ParamUse.Use.CONDITION);
    assertThat(((Operation.Get) p.operation(1).orElseThrow()).condition()).isEmpty();
  }

  @Test
  void aBatchDeleteTakesKeysNotEntities() throws Exception {
    GenerationPlan p = market();
    Operation.BatchWrite w = (Operation.BatchWrite) p.operation(13).orElseThrow();
    assertThat(w.delete()).isTrue();
    assertThat(w.keyFields()).containsExactly("cart_id", "line_no");
    assertThat(((Operation.BatchGet) p.operation(14).orElseThrow()).consistent()).isTrue();
  }

  @Test
  void anAddToAFieldOfAnIndexKeyCannotKeepTheIndexInStep() throws Exception {
    String s = Files.readString(Path.of("src/test/resources/conformance/market/schema.json"), StandardCharsets.UTF_8)
        .replace("\"sk_template\": \"{status}#{product_id}\"", "\"sk_template\": \"{units_sold}#{product_id}\"");
    List<Diagnostic> ds = Planner.plan(PlannerTest.load(s), "schema.json").diagnostics();
    assertThat(ds).extracting(Diagnostic::id).contains("Codegen.StaleIndexKey");
    assertThat(ds).anySatisfy(d -> assertThat(d.message()).contains("pattern 5").contains("ADD or arithmetic"));
  }

  @Test
  void aConditionalPutOfAnotherEntityIsRefused() throws Exception {
    var root = (com.fasterxml.jackson.databind.node.ObjectNode) dev.ddbmodel.core.json.Json.parseTrusted(
        Files.readString(Path.of("src/test/resources/conformance/market/schema.json"), StandardCharsets.UTF_8));
    var put = (com.fasterxml.jackson.databind.node.ObjectNode) root.get("tables").get(0).get("entities").get("Product").get("access_patterns").get(1);
    ((com.fasterxml.jackson.databind.node.ObjectNode) put.get("parameters").get(0)).put("entity_type", "CartLine");
    List<Diagnostic> ds = Planner.plan(PlannerTest.load(dev.ddbmodel.core.json.Json.pretty(root)), "schema.json").diagnostics();
    assertThat(ds).extracting(Diagnostic::id).contains("Codegen.ConditionTarget");
  }
}
