package dev.ddbmodel.validation.internal.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.validation.ModelValidation;
import dev.ddbmodel.validation.ModelValidationReport;
import dev.ddbmodel.validation.ModelValidationRequest;
import dev.ddbmodel.validation.PatternOutcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One validation run (embedded DynamoDB Local) of a model whose patterns state their intended
 * outcome, plus a missing-item delete, a multi-item transaction and expired sample items.
 */
class IntendedOutcomesTest {
  @TempDir static Path ws;
  static ModelValidationReport report;

  static String ap(String id, String op, String expect, String cmd) {
    return "{\"pattern\": \"" + id + "\", \"description\": \"p" + id + "\", \"table\": \"Users\", \"dynamodb_operation\": \"" + op + "\""
        + (expect == null ? "" : ", \"expect\": \"" + expect + "\"") + ", \"implementation\": \"" + cmd.replace("\"", "\\\"") + "\"}";
  }

  @BeforeAll
  static void run() throws Exception {
    String create = "aws dynamodb put-item --table-name Users --item '{\"id\":{\"S\":\"u3\"}}' --condition-expression 'attribute_not_exists(id)'";
    String model = """
        {"tables": [{"TableName": "Users", "BillingMode": "PAY_PER_REQUEST",
           "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}], "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
           "TimeToLiveSpecification": {"AttributeName": "expires", "Enabled": true}}],
         "items": {"Users": [{"PutRequest": {"Item": {"id": {"S": "u1"}, "expires": {"N": "1700000000"}}}},
                             {"PutRequest": {"Item": {"id": {"S": "u2"}}}}, {"PutRequest": {"Item": {"id": {"S": "u3"}}}}]},
         "access_patterns": [%s, %s, %s, %s, %s, %s, %s]}
        """.formatted(
        ap("1", "PutItem", "refused", create),
        ap("2", "GetItem", "empty", "aws dynamodb get-item --table-name Users --key '{\"id\":{\"S\":\"nobody\"}}'"),
        ap("3", "PutItem", null, create),
        ap("4", "GetItem", "empty", "aws dynamodb get-item --table-name Users --key '{\"id\":{\"S\":\"u2\"}}'"),
        ap("5", "DeleteItem", null, "aws dynamodb delete-item --table-name Users --key '{\"id\":{\"S\":\"ghost\"}}'"),
        ap("6", "DeleteItem", null, "aws dynamodb delete-item --table-name Users --key '{\"id\":{\"S\":\"u2\"}}'"),
        ap("7", "TransactWriteItems", "items", "aws dynamodb transact-write-items --transact-items '[{\"Put\":{\"TableName\":\"Users\",\"Item\":{\"id\":{\"S\":\"t1\"}}}},"
            + "{\"Put\":{\"TableName\":\"Users\",\"Item\":{\"id\":{\"S\":\"t2\"}}}},{\"Put\":{\"TableName\":\"Users\",\"Item\":{\"id\":{\"S\":\"t3\"}}}}]'"));
    Files.writeString(ws.resolve("dynamodb_data_model.json"), model, StandardCharsets.UTF_8);
    var r = ModelValidation.run(new ModelValidationRequest(ws, Optional.empty(), false, false, false,
        Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC)));
    assertThat(r.isValid()).as(r.diagnostics().toString()).isTrue();
    report = r.unwrap();
  }

  static PatternOutcome pattern(String id) {
    return report.patterns().stream().filter(p -> p.patternId().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void aDeliberateGuardAndAnIntendedEmptyReadArePasses() {
    assertThat(pattern("1").asExpected()).isTrue();
    assertThat(pattern("2").asExpected()).isTrue();
    // without expect the same refusal still asks for attention
    assertThat(pattern("3").expected()).isEmpty();
    assertThat(report.toMarkdown()).contains("### ✅ Pattern 1: p1 (as expected)");
  }

  @Test
  void anOutcomeOtherThanTheExpectedOneFailsTheRun() {
    PatternOutcome p = pattern("4");
    assertThat(p.unexpected()).isTrue();
    assertThat(p.findings()).extracting(Diagnostic::id).contains("Pattern.UnexpectedOutcome");
    assertThat(p.findings().stream().filter(d -> d.id().equals("Pattern.UnexpectedOutcome")).findFirst().orElseThrow().message())
        .isEqualTo("the pattern expects `empty` but it returned 1 item(s)");
    ModelValidationReport.Summary s = report.summary();
    assertThat(s.status()).isEqualTo("failed");
    assertThat(s.asExpected()).isEqualTo(3);
    assertThat(s.unexpected()).isEqualTo(1);
  }

  @Test
  void deletingAMissingItemDeletesNothing() throws Exception {
    assertThat(pattern("5").result().orElseThrow().itemCount()).isZero();
    assertThat(pattern("6").result().orElseThrow().itemCount()).isEqualTo(1);
    assertThat(dev.ddbmodel.core.json.Json.mapper().readTree(pattern("5").result().orElseThrow().response()).has("Attributes")).as("printed as the CLI prints it").isFalse();
    String md = report.toMarkdown();
    assertThat(md).contains("- Items deleted: 0 (no item had this key)").doesNotContain("### ⚠️ Pattern 5: p5\n\n- Operation: DeleteItem\n- Items written: 1");
  }

  @Test
  void transactionCapacityShowsLocalAndAwsFiguresAndTheDifferenceIsNamed() {
    var r = pattern("7").result().orElseThrow();
    assertThat(r.consumedCapacity()).isEqualTo(2);
    assertThat(r.awsConsumedCapacity()).isEqualTo(6);
    assertThat(r.capacityText()).isEqualTo("2 WCU on DynamoDB Local, 6 WCU on AWS by DynamoDB's rules");
    assertThat(report.localDifferences()).extracting(h -> h.id() + " " + h.where()).containsExactly("TransactWriteCapacity pattern 7");
    JsonNode json = report.toJson();
    assertThat(json.path("local_differences").get(0).path("id").asText()).isEqualTo("TransactWriteCapacity");
    assertThat(json.path("summary").path("aws_consumed_capacity_units").path("write").asDouble())
        .isEqualTo(json.path("summary").path("consumed_capacity_units").path("write").asDouble() + 4);
    assertThat(report.toMarkdown()).contains("## Where DynamoDB Local differs from AWS in this run");
  }

  @Test
  void expiredSampleItemsAreFlaggedBeforeThePatternsRun() {
    Diagnostic d = report.modelDiagnostics().stream().filter(x -> x.id().equals("Validation.TtlExpired")).findFirst().orElseThrow();
    assertThat(d.location().pointer()).isEqualTo("/items/Users/0/PutRequest/Item/expires");
    assertThat(d.message()).contains("expired at 2023-11-14T22:13:20Z");
  }

  @Test
  void theReportsDiagnosticsAreTheModelsThenEachPatternsFindings() {
    List<Diagnostic> expected = new java.util.ArrayList<>(report.modelDiagnostics());
    report.patterns().forEach(p -> expected.addAll(p.findings()));
    assertThat(report.diagnostics()).isEqualTo(expected).extracting(Diagnostic::id).contains("Validation.TtlExpired", "Pattern.UnexpectedOutcome");
  }
}
