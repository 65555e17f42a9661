package dev.ddbmodel.codegen.internal.python;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddbmodel.codegen.DalGenerator;
import dev.ddbmodel.codegen.DalRequest;
import dev.ddbmodel.core.json.Json;
import dev.ddbmodel.codegen.internal.typescript.TsProject;
import dev.ddbmodel.core.process.ExternalProcess;
import dev.ddbmodel.schema.SchemaLoader;
import dev.ddbmodel.schema.Schema;
import dev.ddbmodel.validation.LocalDynamoDb;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
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
 * The Java and TypeScript examples are rendered from the same smoke plan and must pass the same
 * checks (before, they looked up items never written and passed key parameters the methods lack).
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
  @ValueSource(strings = {"examples/models/ecommerce", "examples/models/social", "examples/models/iot-telemetry", "examples/models/saas-multitenant", "examples/models/storefront",
      "codegen/src/test/resources/conformance/clinic", "codegen/src/test/resources/conformance/arcade", "codegen/src/test/resources/conformance/exprs"})
  void usageExamplesPassWithIncompleteUsageData(String where) throws Exception {
    Schema schema = load(where);
    Path out = generate(DalRequest.Language.PYTHON);
    var run = ExternalProcess.run(new ProcessBuilder("python3", "usage_examples.py", "--endpoint", local.endpoint().orElseThrow().toString())
        .directory(out.toFile()), Duration.ofSeconds(120));
    assertThat(run.succeeded()).as(run.describe()).isTrue();
    assertSummary(schema, Json.parseTrusted(run.stdout()));
  }

  /** The Java examples are rendered from the same smoke plan: compiled with javac -Werror and run as a program. */
  @ParameterizedTest
  @ValueSource(strings = {"examples/models/ecommerce", "examples/models/social", "examples/models/iot-telemetry", "examples/models/saas-multitenant", "examples/models/storefront",
      "codegen/src/test/resources/conformance/clinic", "codegen/src/test/resources/conformance/arcade", "codegen/src/test/resources/conformance/exprs"})
  void javaUsageExamplesPassWithIncompleteUsageData(String where) throws Exception {
    Schema schema = load(where);
    Path out = generate(DalRequest.Language.JAVA);
    Path classes = Files.createDirectories(tmp.resolve("classes"));
    List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", System.getProperty("java.class.path"), "--release", "17", "-Xlint:all,-path", "-Werror"));
    try (Stream<Path> s = Files.walk(out.resolve("src/main/java"))) {
      s.filter(p -> p.toString().endsWith(".java")).sorted().forEach(p -> args.add(p.toString()));
    }
    ByteArrayOutputStream diag = new ByteArrayOutputStream();
    int rc = ToolProvider.getSystemJavaCompiler().run(null, diag, diag, args.toArray(String[]::new));
    assertThat(rc).as(diag.toString(StandardCharsets.UTF_8)).isZero();
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cp = classes + java.io.File.pathSeparator + System.getProperty("java.class.path");
    var run = ExternalProcess.run(new ProcessBuilder(javaBin, "-cp", cp, "dal.UsageExamples", local.endpoint().orElseThrow().toString())
        .directory(out.toFile()), Duration.ofSeconds(180));
    assertThat(run.succeeded()).as(run.describe()).isTrue();
    assertSummary(schema, Json.parseTrusted(run.stdout()));
  }

  /** The TypeScript examples are rendered from the same smoke plan: compiled by the project's strict tsc and run with node. */
  @ParameterizedTest
  @ValueSource(strings = {"examples/models/ecommerce", "examples/models/social", "examples/models/iot-telemetry", "examples/models/saas-multitenant", "examples/models/storefront",
      "codegen/src/test/resources/conformance/clinic", "codegen/src/test/resources/conformance/arcade", "codegen/src/test/resources/conformance/exprs"})
  void typescriptUsageExamplesPassWithIncompleteUsageData(String where) throws Exception {
    Schema schema = load(where);
    Path out = generate(DalRequest.Language.TYPESCRIPT);
    TsProject.build(out);
    var run = ExternalProcess.run(new ProcessBuilder("node", "dist/usage_examples.js", "--endpoint", local.endpoint().orElseThrow().toString())
        .directory(out.toFile()), Duration.ofSeconds(120));
    assertThat(run.succeeded()).as(run.describe()).isTrue();
    assertSummary(schema, Json.parseTrusted(run.stdout()));
  }

  private Schema load(String where) throws Exception {
    Path dir = Path.of("..").resolve(where).toAbsolutePath().normalize();
    Path schemaFile = tmp.resolve("schema.json");
    Files.copy(dir.resolve("schema.json"), schemaFile);
    Schema schema = SchemaLoader.load(schemaFile).unwrap();
    Files.writeString(tmp.resolve("usage_data.json"), Json.pretty(incompleteUsage(schema)), StandardCharsets.UTF_8);
    return schema;
  }

  private Path generate(DalRequest.Language lang) {
    Path out = tmp.resolve("out");
    var r = DalGenerator.generate(new DalRequest(tmp.resolve("schema.json"), lang, Optional.of(out), Optional.of(tmp.resolve("usage_data.json")), true));
    assertThat(r.isValid()).as(r.diagnostics().toString()).isTrue();
    return out;
  }

  /** Every pattern's check passed, and every key read found the item the example created. */
  static void assertSummary(Schema schema, JsonNode summary) {
    int patterns = 0;
    int found = 0;
    for (Schema.Entity e : schema.entities().values()) {
      assertThat(summary.path("create " + e.name()).path("ok").asBoolean()).as("create " + e.name() + " " + summary.path("create " + e.name())).isTrue();
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
