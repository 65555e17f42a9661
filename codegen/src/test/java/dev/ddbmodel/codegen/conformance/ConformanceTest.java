package dev.ddbmodel.codegen.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.codegen.DalGenerator;
import dev.ddbmodel.codegen.DalRequest;
import dev.ddbmodel.core.json.Json;
import dev.ddbmodel.validation.LocalDynamoDb;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Cross-language conformance: each scenario under {@code conformance/<name>/} (schema, steps with
 * seed items, calls, expected results and expected table state) runs through the generated DAL on
 * one DynamoDB Local; every call's result must match the expectation (fields named there, items in
 * order) and the table must hold what the scenario says after each state check.
 */
public class ConformanceTest {
  public static final Path ROOT = Path.of("src/test/resources/conformance").toAbsolutePath();
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

  static final String[] SCENARIOS = {"clinic"};

  /** Runs a scenario file through one language's DAL against the local endpoint; returns the results. */
  interface Runner {
    JsonNode run(Path scenarioFile) throws Exception;
  }

  @ParameterizedTest
  @ValueSource(strings = {"clinic", "arcade", "shop", "depot", "library", "market", "catalog", "storefront", "exprs", "decimals", "derived/ecommerce", "derived/social", "derived/iot-telemetry", "derived/saas-multitenant", "derived/clinic",
      "derived/arcade", "derived/shop", "derived/library", "derived/storefront"})
  void python(String scenario) throws Exception {
    Path dir = scenarioDir(scenario);
    Path out = generate(dir, DalRequest.Language.PYTHON, "py");
    check(dir, "python", f -> runProcess(out, "python3", ROOT.resolve("harness/scenario_runner.py").toString(), out.toString(), dir.resolve("schema.json").toString(),
        f.toString(), local.endpoint().orElseThrow().toString()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"clinic", "arcade", "shop", "depot", "library", "market", "catalog", "storefront", "exprs", "decimals", "derived/ecommerce", "derived/social", "derived/iot-telemetry", "derived/saas-multitenant", "derived/clinic",
      "derived/arcade", "derived/shop", "derived/library", "derived/storefront"})
  void typescript(String scenario) throws Exception {
    Path dir = scenarioDir(scenario);
    Path out = generate(dir, DalRequest.Language.TYPESCRIPT, "ts");
    dev.ddbmodel.codegen.internal.typescript.TsProject.build(out);
    Files.copy(ROOT.resolve("harness/scenario_runner.mjs"), out.resolve("scenario_runner.mjs"));
    check(dir, "typescript", f -> runProcess(out, "node", "scenario_runner.mjs", out.toString(), dir.resolve("schema.json").toString(), f.toString(),
        local.endpoint().orElseThrow().toString()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"clinic", "arcade", "shop", "depot", "library", "market", "catalog", "storefront", "exprs", "decimals", "derived/ecommerce", "derived/social", "derived/iot-telemetry", "derived/saas-multitenant", "derived/clinic",
      "derived/arcade", "derived/shop", "derived/library", "derived/storefront"})
  void java(String scenario) throws Exception {
    Path dir = scenarioDir(scenario);
    Path out = generate(dir, DalRequest.Language.JAVA, "java");
    JavaRunner runner = JavaRunner.compile(out, tmp.resolve("java-classes"), dir.resolve("schema.json"), local.endpoint().orElseThrow());
    try {
      check(dir, "java", runner::run);
    } finally {
      runner.close();
    }
  }

  /**
   * A hand-written scenario's directory, or for {@code derived/<name>} a directory with the schema
   * of examples/models/<name> (or of conformance/<name>) and the scenario {@link ScenarioDeriver}
   * derives from it and its usage_data.json.
   */
  private Path scenarioDir(String scenario) throws Exception {
    // -Dconformance.only=<name>: run one scenario (the others are skipped, not passed)
    String only = System.getProperty("conformance.only", "");
    org.junit.jupiter.api.Assumptions.assumeTrue(only.isEmpty() || only.equals(scenario), () -> "conformance.only=" + only);
    if (!scenario.startsWith("derived/")) {
      return ROOT.resolve(scenario);
    }
    String name = scenario.substring("derived/".length());
    Path src = Path.of("../examples/models").resolve(name);
    if (!Files.isDirectory(src)) {
      src = ROOT.resolve(name);
    }
    Path dir = Files.createDirectories(tmp.resolve("derived-" + name));
    Files.copy(src.resolve("schema.json"), dir.resolve("schema.json"));
    var schema = dev.ddbmodel.schema.SchemaLoader.load(dir.resolve("schema.json")).unwrap();
    Optional<JsonNode> usage = Files.exists(src.resolve("usage_data.json"))
        ? Optional.of(Json.parseTrusted(Files.readString(src.resolve("usage_data.json"), StandardCharsets.UTF_8))) : Optional.empty();
    ScenarioDeriver.Derived d = ScenarioDeriver.derive(schema, name, usage);
    assertThat(d.calls()).as("derived calls of " + name + " (left out: " + d.skipped() + ")").isPositive();
    Files.writeString(dir.resolve("scenario.json"), Json.pretty(d.scenario()), StandardCharsets.UTF_8);
    return dir;
  }

  private Path generate(Path dir, DalRequest.Language lang, String name) {
    Path out = tmp.resolve(name);
    var r = DalGenerator.generate(new DalRequest(dir.resolve("schema.json"), lang, Optional.of(out), Optional.empty(), false));
    assertThat(r.isValid()).as(r.diagnostics().toString()).isTrue();
    return out;
  }

  /**
   * Runs the scenario up to each table-state check (from an empty table each time) and checks the
   * table there; the full run's results are checked against every expectation.
   */
  private void check(Path dir, String lang, Runner runner) throws Exception {
    JsonNode sc = Json.parseTrusted(Files.readString(dir.resolve("scenario.json"), StandardCharsets.UTF_8));
    DynamoDbClient client = LocalDynamoDb.clientFor(local.endpoint().orElseThrow());
    List<Integer> stops = new ArrayList<>();
    for (int i = 0; i < sc.get("steps").size(); i++) {
      if (sc.get("steps").get(i).has("table")) {
        stops.add(i);
      }
    }
    if (stops.isEmpty() || stops.get(stops.size() - 1) != sc.get("steps").size() - 1) {
      stops.add(sc.get("steps").size() - 1);
    }
    JsonNode results = null;
    for (int c : stops) {
      client.listTables().tableNames().forEach(t -> client.deleteTable(b -> b.tableName(t)));
      Path partial = tmp.resolve(lang + "-upto-" + c + ".json");
      com.fasterxml.jackson.databind.node.ObjectNode copy = (com.fasterxml.jackson.databind.node.ObjectNode) sc.deepCopy();
      com.fasterxml.jackson.databind.node.ArrayNode steps = copy.putArray("steps");
      for (int i = 0; i <= c; i++) {
        steps.add(sc.get("steps").get(i));
      }
      Files.writeString(partial, Json.pretty(copy));
      results = runner.run(partial);
      if (sc.get("steps").get(c).has("table")) {
        assertTable(client, sc, sc.get("steps").get(c).get("table"), lang + ", step " + c);
      }
    }
    assertResults(sc, results, lang);
    JsonNode mine = canonical(sc, results);
    String key = dir.getFileName().toString();
    RESULTS.computeIfAbsent(key, k -> new java.util.concurrent.ConcurrentHashMap<>()).put(lang, mine);
    var all = RESULTS.get(key);
    all.forEach((other, r) -> assertThat(normalised(r)).as(lang + " and " + other + " return the same results").isEqualTo(normalised(mine)));
  }

  /** The results with the items of every unordered step sorted, so languages compare equal whatever order DynamoDB gave. */
  static JsonNode canonical(JsonNode sc, JsonNode results) {
    com.fasterxml.jackson.databind.node.ArrayNode out = (com.fasterxml.jackson.databind.node.ArrayNode) results.deepCopy();
    for (JsonNode r : out) {
      JsonNode step = sc.get("steps").get(r.get("step").asInt());
      if (step.path("expect").path("unordered").asBoolean() && r.get("result").has("items")) {
        com.fasterxml.jackson.databind.node.ArrayNode items = (com.fasterxml.jackson.databind.node.ArrayNode) r.get("result").get("items");
        List<JsonNode> sorted = new ArrayList<>();
        items.forEach(sorted::add);
        sorted.sort(java.util.Comparator.comparing(ConformanceTest::normalised));
        items.removeAll();
        items.addAll(sorted);
      }
    }
    return out;
  }

  static final Map<String, Map<String, JsonNode>> RESULTS = new java.util.concurrent.ConcurrentHashMap<>();

  /** Results with numbers as decimal text, so 10.5 and 10.50 compare equal across languages. */
  static String normalised(JsonNode n) {
    if (n.isNumber()) {
      return n.decimalValue().stripTrailingZeros().toPlainString();
    }
    if (n.isArray()) {
      List<String> parts = new ArrayList<>();
      n.forEach(x -> parts.add(normalised(x)));
      return parts.toString();
    }
    if (n.isObject()) {
      java.util.TreeMap<String, String> m = new java.util.TreeMap<>();
      n.properties().forEach(f -> {
        if (!f.getKey().equals("message")) {
          m.put(f.getKey(), normalised(f.getValue()));
        }
      });
      return m.toString();
    }
    return n.asText();
  }

  public static JsonNode runProcess(Path dir, String... cmd) throws Exception {
    var run = dev.ddbmodel.core.process.ExternalProcess.run(new ProcessBuilder(cmd).directory(dir.toFile()), java.time.Duration.ofSeconds(120));
    assertThat(run.succeeded()).as(run.describe()).isTrue();
    return Json.parseTrusted(run.stdout());
  }

  public static void assertResults(JsonNode sc, JsonNode results, String lang) {
    Map<Integer, JsonNode> byStep = new HashMap<>();
    results.forEach(r -> byStep.put(r.get("step").asInt(), r.get("result")));
    for (int i = 0; i < sc.get("steps").size(); i++) {
      JsonNode step = sc.get("steps").get(i);
      if (!step.has("expect")) {
        continue;
      }
      JsonNode actual = byStep.get(i);
      String where = lang + ", step " + i + " (" + step.path("call").asText(step.path("transaction").asText()) + ")";
      assertThat(actual).as(where + ": no result").isNotNull();
      JsonNode exp = step.get("expect");
      if (exp.has("items")) {
        assertThat(actual.has("items")).as(where + ": " + actual).isTrue();
        assertThat(actual.get("items").size()).as(where + ": " + actual).isEqualTo(exp.get("items").size());
        List<JsonNode> want = new ArrayList<>();
        List<JsonNode> got = new ArrayList<>();
        exp.get("items").forEach(want::add);
        actual.get("items").forEach(got::add);
        if (exp.path("unordered").asBoolean()) {
          // no defined order (a Scan, a BatchGet, equal sort keys): both sides in the order of the expected fields' values
          java.util.Set<String> names = new java.util.TreeSet<>();
          want.forEach(w -> w.fieldNames().forEachRemaining(names::add));
          java.util.function.Function<JsonNode, String> by = n -> {
            StringBuilder sb = new StringBuilder();
            names.forEach(f -> sb.append(n.has(f) ? normalised(n.get(f)) : "").append('\u0000'));
            return sb.toString();
          };
          want.sort(java.util.Comparator.comparing(by));
          got.sort(java.util.Comparator.comparing(by));
        }
        for (int k = 0; k < want.size(); k++) {
          assertSubset(want.get(k), got.get(k), where + " item " + k + " of " + actual);
        }
        if (exp.has("pages")) {
          assertThat(actual.path("pages").asInt()).as(where + ": pages").isEqualTo(exp.get("pages").asInt());
        }
      } else if (exp.has("item")) {
        assertThat(actual.has("item")).as(where + ": " + actual).isTrue();
        assertSubset(exp.get("item"), actual.get("item"), where + ": " + actual);
      } else {
        assertThat(actual.has("items") || actual.has("item")).as(where + ": " + actual).isFalse();
        assertSubset(exp, actual, where + ": " + actual);
      }
    }
  }

  static void assertSubset(JsonNode expected, JsonNode actual, String where) {
    expected.properties().forEach(f -> {
      JsonNode a = actual.get(f.getKey());
      assertThat(a).as(where + ": field " + f.getKey()).isNotNull();
      if (f.getValue().isNumber()) {
        assertThat(new BigDecimal(a.asText()).compareTo(f.getValue().decimalValue())).as(where + ": field " + f.getKey()).isZero();
      } else {
        assertThat(a).as(where + ": field " + f.getKey()).isEqualTo(f.getValue());
      }
    });
  }

  public static void assertTable(DynamoDbClient client, JsonNode sc, JsonNode checks, String where) {
    String table = client.listTables().tableNames().get(0);
    JsonNode keys = sc.path("keys");
    for (JsonNode c : checks) {
      String sk = c.get("sk").asText();
      Map<String, AttributeValue> key = Map.of(keys.path("pk").asText("pk"), AttributeValue.fromS(c.get("pk").asText()), keys.path("sk").asText("sk"),
          keys.path("sk_type").asText("S").equals("N") ? AttributeValue.fromN(sk) : AttributeValue.fromS(sk));
      Map<String, AttributeValue> item = client.getItem(b -> b.tableName(table).key(key).consistentRead(true)).item();
      if (c.path("missing").asBoolean(false)) {
        assertThat(item).as(where + ": item " + key + " must not exist").isNullOrEmpty();
        continue;
      }
      assertThat(item).as(where + ": item " + key).isNotEmpty();
      if (c.has("absent")) {
        c.get("absent").forEach(a -> assertThat(item).as(where + ": " + key + " must not have " + a.asText()).doesNotContainKey(a.asText()));
      }
      if (c.has("has")) {
        c.get("has").properties().forEach(f -> {
          AttributeValue v = item.get(f.getKey());
          assertThat(v).as(where + ": " + key + " attribute " + f.getKey()).isNotNull();
          String text = v.s() != null ? v.s() : v.n();
          assertThat(text).as(where + ": " + key + " attribute " + f.getKey()).isEqualTo(f.getValue().asText());
        });
      }
    }
  }
}
