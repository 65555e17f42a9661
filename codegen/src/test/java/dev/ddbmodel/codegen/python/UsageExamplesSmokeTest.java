package dev.ddbmodel.codegen.python;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddbmodel.codegen.DalGenerator;
import dev.ddbmodel.codegen.DalRequest;
import dev.ddbmodel.core.json.Json;
import dev.ddbmodel.core.process.ExternalProcess;
import dev.ddbmodel.schema.SchemaLoader;
import dev.ddbmodel.schema.model.Schema;
import dev.ddbmodel.validation.local.LocalDynamoDb;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generated usage_examples.py is a smoke test: with usage data that omits required fields and
 * gives values of the wrong type, it completes and coerces the samples from the schema's types,
 * calls every pattern on the items it created itself, checks found / not found, and exits 0 only
 * when every check passed (DynamoDB Local). Before, it crashed in pydantic on the first entity.
 */
class UsageExamplesSmokeTest {
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
  @ValueSource(strings = {"examples/models/ecommerce", "examples/models/social", "examples/models/iot-telemetry", "examples/models/saas-multitenant",
      "codegen/src/test/resources/conformance/clinic", "codegen/src/test/resources/conformance/arcade"})
  void usageExamplesPassWithIncompleteUsageData(String where) throws Exception {
    Path dir = Path.of("..").resolve(where).toAbsolutePath().normalize();
    Path schemaFile = tmp.resolve("schema.json");
    Files.copy(dir.resolve("schema.json"), schemaFile);
    Schema schema = SchemaLoader.load(schemaFile).unwrap();
    Path usageFile = tmp.resolve("usage_data.json");
    Files.writeString(usageFile, Json.pretty(incompleteUsage(schema)), StandardCharsets.UTF_8);
    Path out = tmp.resolve("out");
    var r = DalGenerator.generate(new DalRequest(schemaFile, DalRequest.Language.PYTHON, Optional.of(out), Optional.of(usageFile), true));
    assertThat(r.isValid()).as(r.diagnostics().toString()).isTrue();
    var run = ExternalProcess.run(new ProcessBuilder("python3", "usage_examples.py", "--endpoint", local.endpoint().orElseThrow().toString())
        .directory(out.toFile()), Duration.ofSeconds(120));
    assertThat(run.succeeded()).as(run.describe()).isTrue();
    JsonNode summary = Json.parseTrusted(run.stdout());
    int patterns = 0;
    int found = 0;
    for (Schema.Entity e : schema.entities().values()) {
      for (Schema.AccessPattern ap : e.accessPatterns()) {
        JsonNode res = summary.path(String.valueOf(ap.id()));
        assertThat(res.path("ok").asBoolean()).as("pattern " + ap.id() + " " + res).isTrue();
        patterns++;
        if (res.path("found").asBoolean()) {
          found++;
        }
        if (ap.operation().equals("GetItem") || ap.operation().equals("BatchGetItem") || (ap.operation().equals("Query") && ap.filter().isEmpty())) {
          assertThat(res.path("found").asBoolean()).as("read " + ap.id() + " finds the item the example created: " + res).isTrue();
        }
      }
    }
    for (Schema.CrossTablePattern x : schema.crossTablePatterns()) {
      assertThat(summary.path(String.valueOf(x.id())).path("ok").asBoolean()).as("transaction " + x.id()).isTrue();
    }
    assertThat(found).as("calls that returned the created items").isPositive();
    assertThat(patterns).isPositive();
  }

  /**
   * Usage data a hurried user writes: sample_data keeps one field only (so required fields are
   * missing) plus numbers given as text or as garbage, no access-pattern or update data.
   */
  static ObjectNode incompleteUsage(Schema schema) {
    ObjectNode root = Json.object();
    ObjectNode entities = root.putObject("entities");
    for (Schema.Entity e : schema.entities().values()) {
      ObjectNode en = entities.putObject(e.name());
      ObjectNode sample = en.putObject("sample_data");
      Schema.Field first = e.fields().get(0);
      sample.put(first.name(), first.type().numeric() ? "17" : "first-" + first.name());
      boolean garbage = true;
      for (Schema.Field f : e.fields()) {
        if (f != first && f.type().numeric()) {
          sample.put(f.name(), garbage ? "not-a-number" : "12");
          garbage = !garbage;
        } else if (f != first && f.type() == Schema.FieldType.BOOLEAN_ALIAS) {
          sample.put(f.name(), "yes");
        }
      }
      en.putObject("access_pattern_data");
      en.putObject("update_data");
    }
    return root;
  }
}
