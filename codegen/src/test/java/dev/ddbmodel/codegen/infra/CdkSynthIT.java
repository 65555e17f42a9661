package dev.ddbmodel.codegen.infra;

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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated CDK app installs from the npm registry, type-checks with tsc and synthesizes with
 * the CDK CLI; the synthesized template has exactly our CloudFormation tables. node_modules is
 * cached under target/cdk-cache keyed by the package.json content.
 */
class CdkSynthIT {
  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"../examples/models/iot-telemetry/dynamodb_data_model.json",
      "../core/src/test/resources/dev/ddbmodel/core/model/accepted/every_setting.json"})
  void generatedAppSynthesizesToOurTemplate(String model) throws Exception {
    Path modelFile = tmp.resolve("dynamodb_data_model.json");
    Files.copy(Path.of(model), modelFile);
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
    for (var it = ours.path("Resources").fields(); it.hasNext(); ) {
      var e = it.next();
      JsonNode s = synth.path("Resources").path(e.getKey());
      assertThat(s.path("Type").asText()).as(e.getKey()).isEqualTo(e.getValue().path("Type").asText());
      assertThat(s.path("Properties")).as(e.getKey() + " properties").isEqualTo(e.getValue().path("Properties"));
      if (e.getValue().path("Type").asText().equals("AWS::DynamoDB::Table")) {
        assertThat(s.path("DeletionPolicy").asText()).isEqualTo("Retain");
      }
    }
    List<String> synthIds = new java.util.ArrayList<>();
    synth.path("Resources").fields().forEachRemaining(e -> {
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
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(seconds, TimeUnit.SECONDS)).as("timeout: " + String.join(" ", cmd)).isTrue();
    assertThat(p.exitValue()).as(String.join(" ", cmd) + "\n" + new String(out, StandardCharsets.UTF_8)).isZero();
  }
}
