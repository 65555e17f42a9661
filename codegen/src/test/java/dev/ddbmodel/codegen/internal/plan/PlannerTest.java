package dev.ddbmodel.codegen.internal.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.schema.SchemaLoader;
import dev.ddbmodel.schema.Schema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The plan's decisions, checked directly (no generated code, no golden files). */
class PlannerTest {
  static Schema load(String json) {
    var v = SchemaLoader.parse("schema.json", json);
    assertThat(v.isValid()).as(v.diagnostics().toString()).isTrue();
    return v.unwrap();
  }

  static GenerationPlan clinic() throws Exception {
    return Planner.plan(load(Files.readString(Path.of("src/test/resources/conformance/clinic/schema.json"), StandardCharsets.UTF_8)), "schema.json");
  }

  @Test
  void indexKeysAreSparseAndPrimaryKeysAreNot() throws Exception {
    EntityPlan p = clinic().entity("Patient").orElseThrow();
    assertThat(p.indexKeys()).allMatch(KeyBuilder::sparse).extracting(KeyBuilder::attribute).containsExactly("gsi1pk", "gsi1sk");
    assertThat(p.primaryKey()).noneMatch(KeyBuilder::sparse);
    assertThat(p.keyFields()).containsExactly("patient_id");
  }

  @Test
  void singletonHasNoKeyFieldsAndItsGetTakesNone() throws Exception {
    EntityPlan p = clinic().entity("Settings").orElseThrow();
    assertThat(p.keyFields()).isEmpty();
    assertThat(p.primaryKey()).allMatch(KeyBuilder::constant);
    Operation.Get g = (Operation.Get) p.operations().get(0);
    assertThat(g.keyFields()).isEmpty();
    assertThat(g.params()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {10, 11, 12, 13})
  void rangeOperatorsOnASharedPartitionAreBoundedToTheEntityPrefixAndTypeFiltered(int id) throws Exception {
    Operation.Query q = (Operation.Query) clinic().operation(id).orElseThrow();
    QueryPlan.Range r = q.keys().range().orElseThrow();
    assertThat(r.operator()).isEqualTo("between");
    assertThat(r.values()).allMatch(v -> v.prefix().startsWith("VISIT#"));
    boolean lowerIsPrefixOnly = r.values().get(0).param().isEmpty();
    boolean upperIsPrefixOnly = r.values().get(1).param().isEmpty();
    String op = q.pattern().rangeCondition().orElseThrow();
    assertThat(lowerIsPrefixOnly).isEqualTo(op.startsWith("<"));
    assertThat(upperIsPrefixOnly).isEqualTo(op.startsWith(">"));
    assertThat(r.values().get(upperIsPrefixOnly ? 1 : 0).prefix()).isIn("VISIT#", "VISIT#" + QueryPlan.MAX_SUFFIX);
    assertThat(r.exclude().isPresent()).isEqualTo(op.length() == 1);
    assertThat(q.typeFilter()).isTrue();
    assertThat(q.result()).isEqualTo(ResultKind.PAGE);
    assertThat(q.params()).extracting(ParamUse::use).containsExactly(ParamUse.Use.KEY, ParamUse.Use.RANGE);
  }

  @Test
  void mixedDataIsTheWholeItemCollection() throws Exception {
    Operation.Query q = (Operation.Query) clinic().operation(3).orElseThrow();
    assertThat(q.result()).isEqualTo(ResultKind.ITEM_COLLECTION);
    assertThat(q.keys().range()).isEmpty();
    assertThat(q.typeFilter()).isFalse();
  }

  @Test
  void keysOnlyIndexCannotBeTypeFilteredAndReturnsRawItems() throws Exception {
    Operation.Query q = (Operation.Query) clinic().operation(4).orElseThrow();
    assertThat(q.typeFilter()).isFalse();
    assertThat(q.result()).isEqualTo(ResultKind.PAGE_OF_ITEMS);
  }

  @Test
  void updateFromAnEntitySetsEveryFieldKeepsTheIndexInStepAndIsLocked() throws Exception {
    Operation.Update u = (Operation.Update) clinic().operation(2).orElseThrow();
    assertThat(u.fromEntity()).contains("patient");
    assertThat(u.assignments()).containsExactly("name", "from", "referral_code");
    assertThat(u.indexKeys()).extracting(KeyBuilder::attribute).containsExactly("gsi1pk");
    assertThat(u.result()).isEqualTo(ResultKind.ITEM);
  }

  @Test
  void scanHonoursConsistentReadAndFiltersByType() throws Exception {
    Operation.Scan s = (Operation.Scan) clinic().operation(20).orElseThrow();
    assertThat(s.consistent()).isTrue();
    assertThat(s.typeFilter()).isTrue();
  }

  static final String TEMPLATE = """
      {"tables": [{"table_config": {"table_name": "Orders", "partition_key": "pk", "sort_key": "sk"},
        "gsi_list": [{"name": "G", "partition_key": "gpk", "sort_key": "gsk", "projection": "ALL"}],
        "entities": {"Order": {"entity_type": "ORDER", "pk_template": "C#{customer_id}", "sk_template": "O#{order_id}",
          "gsi_mappings": [{"name": "G", "pk_template": "S#{status}#{region}", "sk_template": "{order_id}"}],
          "fields": [{"name": "customer_id", "type": "string", "required": true}, {"name": "order_id", "type": "string", "required": true},
                     {"name": "status", "type": "string", "required": true}, {"name": "region", "type": "string", "required": true}],
          "access_patterns": [PATTERN]}}}]}""";

  static List<Diagnostic> diagnostics(String pattern) {
    return Planner.plan(load(TEMPLATE.replace("PATTERN", pattern)), "schema.json").diagnostics();
  }

  @Test
  void aParameterNoKeyRangeOrFilterUsesIsReportedNotDropped() {
    List<Diagnostic> d = diagnostics("""
        {"pattern_id": 1, "name": "orders_between", "description": "d", "operation": "Query",
         "parameters": [{"name": "customer_id", "type": "string"}, {"name": "start_date", "type": "string"}, {"name": "end_date", "type": "string"}],
         "return_type": "entity_list"}""");
    assertThat(d).extracting(Diagnostic::id).containsExactly("Codegen.UnusedParameter", "Codegen.UnusedParameter");
    assertThat(d.get(0).message()).contains("start_date");
    assertThat(d.get(0).location().pointer()).isEqualTo("/tables/0/entities/Order/access_patterns/0/parameters/1");
  }

  @Test
  void aKeyFieldThePatternDoesNotDeclareIsReportedNotAddedToTheSignature() {
    List<Diagnostic> d = diagnostics("""
        {"pattern_id": 1, "name": "get_order", "description": "d", "operation": "GetItem",
         "parameters": [{"name": "order_id", "type": "string"}], "return_type": "single_entity"}""");
    assertThat(d).extracting(Diagnostic::id).containsExactly("Codegen.MissingKeyParameter");
    assertThat(d.get(0).message()).contains("customer_id");
  }

  @Test
  void aPutWithoutAnEntityHasNothingToStore() {
    assertThat(diagnostics("""
        {"pattern_id": 1, "name": "put_order", "description": "d", "operation": "PutItem",
         "parameters": [], "return_type": "success_flag"}""")).extracting(Diagnostic::id).containsExactly("Codegen.NothingToStore");
  }

  @Test
  void anUpdateOfHalfAnIndexKeyIsReported() {
    assertThat(diagnostics("""
        {"pattern_id": 1, "name": "set_status", "description": "d", "operation": "UpdateItem",
         "parameters": [{"name": "customer_id", "type": "string"}, {"name": "order_id", "type": "string"}, {"name": "status", "type": "string"}],
         "return_type": "single_entity"}""")).extracting(Diagnostic::id).containsExactly("Codegen.StaleIndexKey");
  }

  @Test
  void anUpdateOfTheWholeIndexKeyKeepsItInStep() {
    GenerationPlan p = Planner.plan(load(TEMPLATE.replace("PATTERN", """
        {"pattern_id": 1, "name": "move", "description": "d", "operation": "UpdateItem",
         "parameters": [{"name": "customer_id", "type": "string"}, {"name": "order_id", "type": "string"}, {"name": "status", "type": "string"},
                        {"name": "region", "type": "string"}], "return_type": "single_entity"}""")), "schema.json");
    assertThat(p.diagnostics()).isEmpty();
    Operation.Update u = (Operation.Update) p.operation(1).orElseThrow();
    assertThat(u.assignments()).containsExactly("status", "region");
    assertThat(u.indexKeys()).extracting(KeyBuilder::attribute).containsExactly("gpk");
    assertThat(u.fromEntity()).isEqualTo(Optional.empty());
    assertThat(u.result()).isEqualTo(ResultKind.OPTIONAL_ITEM);
  }

  @Test
  void mappingDocumentHasTheReferenceShape() throws Exception {
    GenerationPlan p = clinic();
    var doc = MappingDocument.build(p, "python", java.util.Map.of(10, java.util.Map.of("python_method", "AppointmentRepository.after")));
    var json = dev.ddbmodel.core.json.Json.parseTrusted(dev.ddbmodel.core.json.Json.pretty(doc));
    assertThat(json.path("metadata").path("total_patterns").asInt()).isEqualTo(12);
    assertThat(json.path("metadata").path("generated_at").path("timestamp").asText()).isEqualTo("auto-generated");
    var after = json.path("access_pattern_mapping").path("10");
    assertThat(after.path("method_name").asText()).isEqualTo("after");
    assertThat(after.path("range_condition").asText()).isEqualTo(">");
    assertThat(after.has("index_name")).isTrue();
    assertThat(after.path("index_name").isNull()).isTrue();
    assertThat(after.path("consistent_read").asBoolean()).isFalse();
    assertThat(after.path("parameters").get(1).path("name").asText()).isEqualTo("date");
    assertThat(after.path("parameter_uses").path("date").asText()).isEqualTo("range");
    var byReferral = json.path("access_pattern_mapping").path("4");
    assertThat(byReferral.path("projection").asText()).isEqualTo("KEYS_ONLY");
    assertThat(json.path("access_pattern_mapping").path("20").path("consistent_read").asBoolean()).isTrue();
    var tx = json.path("access_pattern_mapping").path("50");
    assertThat(tx.path("service").asText()).isEqualTo("TransactionService");
    assertThat(tx.path("transaction_type").asText()).isEqualTo("cross_table");
  }
}
