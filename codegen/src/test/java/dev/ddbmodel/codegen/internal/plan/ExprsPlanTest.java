package dev.ddbmodel.codegen.internal.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.schema.Schema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The plan of constants, attribute operands and if_not_exists (the exprs conformance schema): decided once, for every renderer. */
class ExprsPlanTest {
  static String text() throws Exception {
    return Files.readString(Path.of("src/test/resources/conformance/exprs/schema.json"), StandardCharsets.UTF_8);
  }

  static GenerationPlan exprs() throws Exception {
    return Planner.plan(PlannerTest.load(text()), "schema.json");
  }

  @Test
  void aConstantGuardAndAConstantSetAreValuesNotParameters() throws Exception {
    GenerationPlan p = exprs();
    assertThat(p.diagnostics()).isEmpty();
    Operation.Update cancel = (Operation.Update) p.operation(4).orElseThrow();
    assertThat(cancel.actions()).containsExactly(new Operation.Action(Operation.ActionKind.SET, "status", Optional.of(new Schema.Operand.Literal("\"CANCELLED\""))));
    assertThat(cancel.actions().get(0).known()).isTrue();
    Condition.Term t = cancel.condition().orElseThrow().terms().get(0);
    assertThat(t.plain()).isFalse();
    assertThat(t.params()).isEmpty();
    assertThat(t.pieces()).containsExactly(new Condition.Piece.Name("status"), new Condition.Piece.Text(" = "),
        new Condition.Piece.Value(new Schema.Operand.Literal("\"ACTIVE\"")));
    assertThat(cancel.params()).extracting(ParamUse::name).containsExactly("sku");
  }

  @Test
  void anAttributeOperandIsANameAndIfNotExistsIsItsOwnAction() throws Exception {
    GenerationPlan p = exprs();
    Operation.Update reserve = (Operation.Update) p.operation(3).orElseThrow();
    assertThat(reserve.condition().orElseThrow().terms().get(0).pieces()).containsExactly(new Condition.Piece.Name("reserved"), new Condition.Piece.Text(" < "),
        new Condition.Piece.Name("stock"));
    Operation.Update seen = (Operation.Update) p.operation(5).orElseThrow();
    assertThat(seen.actions()).containsExactly(new Operation.Action(Operation.ActionKind.SET_IF_MISSING, "first_seen", Optional.of(new Schema.Operand.Param("now"))));
    assertThat(seen.actions().get(0).known()).isFalse();
    Operation.Delete drop = (Operation.Delete) p.operation(7).orElseThrow();
    assertThat(drop.condition().orElseThrow().terms().get(0).pieces()).extracting(Object::toString).hasSize(6);
  }

  @Test
  void theTransactionBindsItsConstantsAsOwnPlaceholders() throws Exception {
    TransactionPlan x = exprs().transactions().get(0);
    TransactionPlan.Action update = x.actions().get(0);
    assertThat(update.condition().orElseThrow()).contains("#ddbm_cn0 <= #ddbm_cn1").doesNotContain("ACTIVE");
    assertThat(update.values()).containsEntry(":ddbm_cl0", new Schema.ValueRef.Literal("\"ACTIVE\"")).containsEntry(":ddbm_uv0", new Schema.ValueRef.Ref("now", Optional.empty()));
    assertThat(update.update().orElseThrow()).contains("if_not_exists(#ddbm_un2, :ddbm_uv0)").doesNotContain("RETIRED");
  }

  @Test
  void anIndexKeyBuiltFromAnIfNotExistsFieldIsRefused() throws Exception {
    String s = text().replace("\"sk_template\": \"STOCK\",", "\"sk_template\": \"STOCK\", \"gsi_mappings\": [{\"name\": \"BySeen\", \"pk_template\": \"SEEN\", \"sk_template\": \"{first_seen}#{sku}\"}],")
        .replace("\"table_config\": {", "\"gsi_list\": [{\"name\": \"BySeen\", \"partition_key\": \"gsi1pk\", \"sort_key\": \"gsi1sk\"}], \"table_config\": {");
    List<Diagnostic> ds = Planner.plan(PlannerTest.load(s), "schema.json").diagnostics();
    assertThat(ds).extracting(Diagnostic::id).contains("Codegen.StaleIndexKey");
    assertThat(ds).anySatisfy(d -> assertThat(d.message()).contains("pattern 5"));
  }

  @Test
  void filtersTakeTheSameOperandsAsConditions() throws Exception {
    GenerationPlan p = exprs();
    Operation.Query open = (Operation.Query) p.operation(10).orElseThrow();
    Condition q = Condition.of(open.pattern().filter().orElseThrow());
    assertThat(q.joiner()).isEqualTo("AND");
    assertThat(q.terms().get(0).plain()).isFalse();
    assertThat(q.terms().get(0).pieces()).containsExactly(new Condition.Piece.Name("status"), new Condition.Piece.Text(" = "),
        new Condition.Piece.Value(new Schema.Operand.Literal("\"ACTIVE\"")));
    assertThat(q.terms().get(1).pieces()).containsExactly(new Condition.Piece.Name("reserved"), new Condition.Piece.Text(" < "), new Condition.Piece.Name("stock"));
    // a parameter term stays the runtime helper's; only the parameter is a method parameter, used by the filter
    assertThat(q.terms().get(2).plain()).isTrue();
    assertThat(q.params()).containsExactly("min_stock");
    assertThat(open.params()).extracting(ParamUse::name, ParamUse::use).containsExactly(org.assertj.core.groups.Tuple.tuple("warehouse", ParamUse.Use.KEY),
        org.assertj.core.groups.Tuple.tuple("min_stock", ParamUse.Use.FILTER));
    Operation.Scan flagged = (Operation.Scan) p.operation(11).orElseThrow();
    Condition s = Condition.of(flagged.pattern().filter().orElseThrow());
    assertThat(s.joiner()).isEqualTo("OR");
    // the hostile constant is one value piece: never text
    assertThat(s.terms().get(0).pieces()).filteredOn(x -> x instanceof Condition.Piece.Text).extracting(Object::toString).noneMatch(t -> t.contains("DROP"));
    assertThat(flagged.params()).isEmpty();
  }

  @Test
  void theMappingDocumentWritesFilterOperandsAsTheSchemaDoes() throws Exception {
    var doc = dev.ddbmodel.core.json.Json.parseTrusted(dev.ddbmodel.core.json.Json.pretty(MappingDocument.build(exprs(), "python", java.util.Map.of())));
    var cs = doc.path("access_pattern_mapping").path("10").path("filter_expression").path("conditions");
    assertThat(cs.get(0).path("param").path("literal").asText()).isEqualTo("ACTIVE");
    assertThat(cs.get(1).path("param").path("attribute").asText()).isEqualTo("stock");
    assertThat(cs.get(2).path("param").asText()).isEqualTo("min_stock");
  }

  @Test
  void aUsageExampleReadWhoseFilterHasAConstantOnlyHasToComplete() throws Exception {
    SmokePlan sp = SmokePlan.of(PlannerTest.load(text()), Optional.empty());
    assertThat(sp.calls()).filteredOn(c -> c.id() == 10 || c.id() == 11).extracting(SmokePlan.Call::expect).containsExactly(SmokePlan.Expect.OK, SmokePlan.Expect.OK);
    assertThat(sp.calls()).filteredOn(c -> c.id() == 2).extracting(SmokePlan.Call::expect).containsExactly(SmokePlan.Expect.FOUND);
  }
}
