package dev.ddbmodel.codegen.internal.infra;

import dev.ddbmodel.codegen.InfraGenerator;
import dev.ddbmodel.codegen.InfraRequest;
import dev.ddbmodel.codegen.InfraResult;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated CDK app installs from the npm registry, type-checks with tsc and synthesizes with
 * the CDK CLI; the synthesized template has exactly our CloudFormation tables. node_modules is
 * cached under target/cdk-cache keyed by the package.json content.
 */
class CdkSynthIT {
  @TempDir Path tmp;

  /**
   * One app (a synth takes minutes on a busy machine) for the tables of two models: the IoT
   * example (multi-attribute GSI keys, TTL) and the model with every CreateTable setting and auto
   * scaling; pattern ids are prefixed so the merged model stays valid.
   */
  @Test
  void generatedAppSynthesizesToOurTemplate() throws Exception {
    Path modelFile = tmp.resolve("dynamodb_data_model.json");
    com.fasterxml.jackson.databind.node.ObjectNode merged = Json.object();
    com.fasterxml.jackson.databind.node.ArrayNode tables = merged.putArray("tables");
    com.fasterxml.jackson.databind.node.ObjectNode items = merged.putObject("items");
    com.fasterxml.jackson.databind.node.ArrayNode patterns = merged.putArray("access_patterns");
    for (String model : List.of("../examples/models/iot-telemetry/dynamodb_data_model.json", CfnLintIT.EVERY_SETTING.toString())) {
      JsonNode m = Json.parseTrusted(Files.readString(Path.of(model), StandardCharsets.UTF_8));
      m.path("tables").forEach(t -> tables.add(t.deepCopy()));
      m.path("items").properties().forEach(e -> items.set(e.getKey(), e.getValue().deepCopy()));
      m.path("access_patterns").forEach(a -> patterns.add(((com.fasterxml.jackson.databind.node.ObjectNode) a.deepCopy())
          .put("pattern", patterns.size() + "-" + a.path("pattern").asText())));
    }
    Files.writeString(modelFile, Json.pretty(merged), StandardCharsets.UTF_8);
    InfraResult cdk = InfraGenerator.generate(InfraRequest.of(modelFile, InfraRequest.Type.CDK)).unwrap();
    InfraResult cfn = InfraGenerator.generate(InfraRequest.of(modelFile, InfraRequest.Type.CLOUDFORMATION)).unwrap();
    Path app = cdk.outputDir();
    byte[] pkg = Files.readAllBytes(app.resolve("package.json"));
    String key = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pkg)).substring(0, 16);
    Path cache = Path.of("target/cdk-cache", key).toAbsolutePath();
    if (!Files.isDirectory(cache.resolve("node_modules"))) {
      Files.createDirectories(cache);
      Files.write(cache.resolve("package.json"), pkg);
      run(cache, 600, "npm", "install", "--no-audit", "--no-fund", "--loglevel=error");
    }
    Files.createSymbolicLink(app.resolve("node_modules"), cache.resolve("node_modules"));
    run(app, 300, "node", "node_modules/typescript/bin/tsc", "-p", ".");
    run(app, 300, "node", "node_modules/aws-cdk/bin/cdk", "synth", "--quiet", "--no-notices", "--no-version-reporting", "-o", "cdk.out");
    JsonNode synth = Json.parseTrusted(Files.readString(app.resolve("cdk.out/DynamoDbDataModelStack.template.json"), StandardCharsets.UTF_8));
    JsonNode ours = Json.parseTrusted(Files.readString(cfn.outputDir().resolve("template.json"), StandardCharsets.UTF_8));
    // the same resources: every table and auto scaling resource, with identical properties
    for (var it = ours.path("Resources").properties().iterator(); it.hasNext(); ) {
      var e = it.next();
      JsonNode s = synth.path("Resources").path(e.getKey());
      assertThat(s.path("Type").asText()).as(e.getKey()).isEqualTo(e.getValue().path("Type").asText());
      assertThat(s.path("Properties")).as(e.getKey() + " properties").isEqualTo(e.getValue().path("Properties"));
      if (e.getValue().path("Type").asText().equals("AWS::DynamoDB::Table")) {
        assertThat(s.path("DeletionPolicy").asText()).isEqualTo("Retain");
      }
    }
    List<String> synthIds = new java.util.ArrayList<>();
    synth.path("Resources").properties().forEach(e -> {
      if (!e.getValue().path("Type").asText().equals("AWS::CDK::Metadata")) {
        synthIds.add(e.getKey());
      }
    });
    List<String> ourIds = new java.util.ArrayList<>();
    ours.path("Resources").fieldNames().forEachRemaining(ourIds::add);
    assertThat(synthIds).containsExactlyInAnyOrderElementsOf(ourIds);
    // and the synthesized template is lint-clean too
    assertThat(CfnLintIT.lint(List.of("cfn-lint", "--format", "parseable", "--",
        app.resolve("cdk.out/DynamoDbDataModelStack.template.json").toString()))).isEmpty();
  }

  static void run(Path dir, int seconds, String... cmd) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(List.of(cmd)).directory(dir.toFile()).redirectErrorStream(true);
    Map<String, String> env = pb.environment();
    env.put("CDK_DISABLE_VERSION_CHECK", "1");
    env.put("CDK_DISABLE_CLI_TELEMETRY", "true");
    env.put("npm_config_update_notifier", "false");
    var r = dev.ddbmodel.core.process.ExternalProcess.run(pb, java.time.Duration.ofSeconds(seconds));
    assertThat(r.succeeded()).as(r.describe()).isTrue();
  }
}
