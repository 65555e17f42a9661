package dev.ddbmodel.codegen.internal.infra;

import dev.ddbmodel.codegen.InfraGenerator;
import dev.ddbmodel.codegen.InfraRequest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddbmodel.core.json.Json;
import dev.ddbmodel.validation.ModelValidation;
import dev.ddbmodel.validation.ModelValidationReport;
import dev.ddbmodel.validation.ModelValidationRequest;
import dev.ddbmodel.validation.ExtractRequest;
import dev.ddbmodel.validation.ExtractResult;
import dev.ddbmodel.validation.ModelExtractor;
import dev.ddbmodel.validation.LocalDynamoDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model with every CreateTable setting and auto scaling goes through validate, a deploy to
 * DynamoDB Local (tables) and to a loopback Application Auto Scaling (the auto scaling resources
 * of the generated CloudFormation template, registered as CloudFormation would), and model
 * extract, and comes back equal, setting by setting, except where DynamoDB Local drops a setting
 * ({@link #LOCAL_DROPS}; those are covered by {@code ModelExtractorSettingsTest} on describe
 * responses shaped as AWS returns them). The generated templates themselves are checked by
 * cfn-lint and the CDK synth in codegen ({@code CfnLintIT}, {@code CdkSynthIT}), on this model.
 */
class EverySettingRoundTripIT {
  static final Path MODEL = Path.of("../core/src/test/resources/dev/ddbmodel/core/model/accepted/every_setting.json");

  /**
   * Settings DynamoDB Local accepts but does not give back (measured by this test: it fails when
   * one of them starts to come back, or another one stops): SSE and the table class are missing
   * from its DescribeTable (as the conformance suite found), warm throughput too (table and GSI);
   * tags, the resource policy and point-in-time recovery are not returned by its
   * ListTagsOfResource, GetResourcePolicy and DescribeContinuousBackups.
   */
  static final List<String> LOCAL_DROPS = List.of("SSESpecification", "TableClass", "WarmThroughput", "Tags", "ResourcePolicy",
      "PointInTimeRecoverySpecification");

  @TempDir Path tmp;

  @Test
  void everySettingComesBack() throws Exception {
    Path ws = Files.createDirectories(tmp.resolve("ws"));
    Files.copy(MODEL, ws.resolve("dynamodb_data_model.json"));
    JsonNode original = Json.parseTrusted(Files.readString(MODEL));
    try (LocalDynamoDb local = LocalDynamoDb.server(); AutoScalingServer aas = new AutoScalingServer()) {
      ModelValidationReport report = ModelValidation.run(new ModelValidationRequest(ws, local.endpoint(), true, true, false, Clock.systemUTC())).unwrap();
      assertThat(report.summary().status()).as(report.toMarkdown()).isNotEqualTo("failed");
      // the auto scaling part of the generated template, deployed as CloudFormation would
      var model = dev.ddbmodel.core.DataModelLoader.load(MODEL).unwrap();
      JsonNode template = InfraGenerator.template(model,
          InfraRequest.of(MODEL, InfraRequest.Type.CLOUDFORMATION));
      try (var client = aas.client()) {
        Deploy.autoScaling(template, client);
        Path out = tmp.resolve("extracted");
        ExtractResult r = ModelExtractor.extract(new ExtractRequest(List.of(), 5, out, false), local.client(), Optional.of(client)).unwrap();
        JsonNode back = Json.parseTrusted(Files.readString(r.file()));
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < original.path("tables").size(); i++) {
          JsonNode o = original.path("tables").get(i);
          JsonNode b = byName(back, o.path("TableName").asText());
          for (var it = o.properties().iterator(); it.hasNext(); ) {
            var e = it.next();
            if (!normalized(e.getKey(), e.getValue()).equals(normalized(e.getKey(), b.path(e.getKey()))) && !LOCAL_DROPS.contains(e.getKey())) {
              differences.add(o.path("TableName").asText() + "." + e.getKey() + ": " + e.getValue() + " -> " + b.path(e.getKey()));
            }
          }
          for (var it = b.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!o.has(k) && !normalized(k, b.get(k)).isMissingNode()) {
              differences.add(o.path("TableName").asText() + "." + k + ": extra " + b.get(k));
            }
          }
        }
        assertThat(differences).isEmpty();
        // what Local dropped is exactly LOCAL_DROPS: each was in the model and is missing now
        List<String> dropped = new ArrayList<>();
        for (String k : LOCAL_DROPS) {
          boolean inModel = original.path("tables").findValues(k).stream().anyMatch(v -> !normalized(k, v).isMissingNode());
          boolean cameBack = back.path("tables").findValues(k).stream().anyMatch(v -> !normalized(k, v).isMissingNode());
          if (inModel && !cameBack) {
            dropped.add(k);
          }
        }
        assertThat(dropped).containsExactlyElementsOf(LOCAL_DROPS);
      }
    }
  }

  static JsonNode byName(JsonNode model, String table) {
    for (JsonNode t : model.path("tables")) {
      if (t.path("TableName").asText().equals(table)) {
        return t;
      }
    }
    return Json.object();
  }

  /**
   * Order-free comparison where the order means nothing (attribute definitions, tags); a setting
   * at DynamoDB's default (deletion protection off, PITR off, SSE with the AWS owned key, the
   * STANDARD class) equals its absence, which is how extract writes it.
   */
  static JsonNode normalized(String key, JsonNode v) {
    if (key.equals("GlobalSecondaryIndexes") && v.isArray()) {
      com.fasterxml.jackson.databind.node.ArrayNode a = v.deepCopy();
      a.forEach(g -> LOCAL_DROPS.forEach(((ObjectNode) g)::remove));
      return a;
    }
    boolean isDefault = switch (key) {
      case "DeletionProtectionEnabled" -> v.isBoolean() && !v.asBoolean();
      case "PointInTimeRecoverySpecification" -> v.isObject() && !v.path("PointInTimeRecoveryEnabled").asBoolean();
      case "SSESpecification" -> v.isObject() && !v.path("Enabled").asBoolean();
      case "TableClass" -> v.asText().equals("STANDARD");
      default -> false;
    };
    if (isDefault) {
      return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
    if ((key.equals("AttributeDefinitions") || key.equals("Tags")) && v.isArray()) {
      List<String> s = new ArrayList<>();
      v.forEach(x -> s.add(x.toString()));
      java.util.Collections.sort(s);
      return Json.toTree(s);
    }
    if (key.equals("ResourcePolicy") && v.isTextual()) {
      return Json.parseTrusted(v.asText());
    }
    return v;
  }
}
