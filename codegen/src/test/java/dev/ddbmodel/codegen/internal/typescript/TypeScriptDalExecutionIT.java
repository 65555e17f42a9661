package dev.ddbmodel.codegen.internal.typescript;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.codegen.DalGenerator;
import dev.ddbmodel.codegen.DalRequest;
import dev.ddbmodel.core.json.Json;
import dev.ddbmodel.validation.LocalDynamoDb;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Generates the TypeScript DAL for each example, installs its pinned packages from the npm registry
 * (node_modules cached under target/ts-dal-cache keyed by the package.json content), type-checks it
 * with tsc (strict) and runs the compiled usage examples with node against DynamoDB Local on a
 * loopback port: every access pattern must execute and every read must find the sample data.
 */
class TypeScriptDalExecutionIT {
  static LocalDynamoDb local;

  @TempDir Path tmp;

  @BeforeAll
  static void start() {
    local = LocalDynamoDb.server();
  }

  @AfterAll
  static void stop() {
    local.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ecommerce", "social", "iot-telemetry", "saas-multitenant", "storefront"})
  void everyPatternRuns(String example) throws Exception {
    Path dir = Path.of("../examples/models", example).toAbsolutePath().normalize();
    Path out = tmp.resolve(example);
    var r = DalGenerator.generate(new DalRequest(dir.resolve("schema.json"), DalRequest.Language.TYPESCRIPT, Optional.of(out),
        Optional.of(dir.resolve("usage_data.json")), true));
    assertThat(r.isValid()).as(r.diagnostics().toString()).isTrue();
    TsProject.build(out);
    var run = dev.ddbmodel.core.process.ExternalProcess.run(new ProcessBuilder("node", "dist/usage_examples.js", "--endpoint", local.endpoint().orElseThrow().toString())
        .directory(out.toFile()), java.time.Duration.ofSeconds(120));
    assertThat(run.succeeded()).as(run.describe()).isTrue();
    String output = run.stdout();
    dev.ddbmodel.codegen.internal.render.UsageSummary.assertEveryPatternRan(output, out, r.unwrap().patterns());
    JsonNode summary = Json.parseTrusted(output);
    for (var it = summary.properties().iterator(); it.hasNext(); ) {
      var e = it.next();
      assertThat(e.getValue().path("ok").asBoolean()).as(e.getKey() + ": " + e.getValue()).isTrue();
    }
  }
}
