package dev.ddbmodel.codegen.internal.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbmodel.codegen.DalGenerator;
import dev.ddbmodel.codegen.DalRequest;
import dev.ddbmodel.validation.LocalDynamoDb;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Generates the Python DAL for each example and runs its usage examples with python3 (boto3,
 * pydantic 2) against DynamoDB Local on a loopback port: every access pattern must execute.
 */
class PythonDalExecutionIT {
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
    var r = DalGenerator.generate(new DalRequest(dir.resolve("schema.json"), DalRequest.Language.PYTHON, Optional.of(out),
        Optional.of(dir.resolve("usage_data.json")), true));
    assertThat(r.isValid()).as(r.diagnostics().toString()).isTrue();
    var run = dev.ddbmodel.core.process.ExternalProcess.run(new ProcessBuilder("python3", "usage_examples.py", "--endpoint", local.endpoint().orElseThrow().toString())
        .directory(out.toFile()), java.time.Duration.ofSeconds(120));
    assertThat(run.succeeded()).as(run.describe()).isTrue();
    String output = run.stdout();
    dev.ddbmodel.codegen.internal.render.UsageSummary.assertEveryPatternRan(output, out, r.unwrap().patterns());
  }
}
