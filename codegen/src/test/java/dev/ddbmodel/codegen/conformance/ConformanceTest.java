package dev.ddbmodel.codegen.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.codegen.DalGenerator;
import dev.ddbmodel.codegen.DalRequest;
import dev.ddbmodel.core.json.Json;
import dev.ddbmodel.validation.local.LocalDynamoDb;
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
class ConformanceTest {
  static final Path ROOT = Path.of("src/test/resources/conformance").toAbsolutePath();
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
  @ValueSource(strings = {"clinic"})
  void python(String scenario) throws Exception {
    Path dir = ROOT.resolve(scenario);
    Path out = tmp.resolve("py");
    var r = DalGenerator.generate(new DalRequest(dir.resolve("schema.json"), DalRequest.Language.PYTHON, Optional.of(out), Optional.empty(), false));
    assertThat(r.isValid()).as(r.diagnostics().toString()).isTrue();
    JsonNode sc = Json.parseTrusted(Files.readString(dir.resolve("scenario.json"), StandardCharsets.UTF_8));
    DynamoDbClient client = LocalDynamoDb.clientFor(local.endpoint().orElseThrow());
    client.listTables().tableNames().forEach(t -> client.deleteTable(b -> b.tableName(t)));
    // the scenario runs in one process; table-state checks are made afterwards on the final state only when they are last,
    // so each state check is run by replaying the scenario up to it (cheap: a few dozen calls)
    List<Integer> checks = new ArrayList<>();
    for (int i = 0; i < sc.get("steps").size(); i++) {
      if (sc.get("steps").get(i).has("table")) {
        checks.add(i);
      }
    }
    JsonNode results = null;
    for (int c : checks) {
      client.listTables().tableNames().forEach(t -> client.deleteTable(b -> b.tableName(t)));
      Path partial = tmp.resolve("upto-" + c + ".json");
      com.fasterxml.jackson.databind.node.ObjectNode copy = (com.fasterxml.jackson.databind.node.ObjectNode) sc.deepCopy();
      com.fasterxml.jackson.databind.node.ArrayNode steps = copy.putArray("steps");
      for (int i = 0; i <= c; i++) {
        steps.add(sc.get("steps").get(i));
      }
      Files.writeString(partial, Json.pretty(copy));
      results = runPython(out, dir.resolve("schema.json"), partial);
      assertTable(client, sc.get("steps").get(c).get("table"), "python, step " + c);
    }
    assertResults(sc, results, "python");
  }

  private JsonNode runPython(Path out, Path schema, Path scenario) throws Exception {
    var run = dev.ddbmodel.core.process.ExternalProcess.run(new ProcessBuilder("python3", ROOT.resolve("harness/scenario_runner.py").toString(), out.toString(),
        schema.toString(), scenario.toString(), local.endpoint().orElseThrow().toString()), java.time.Duration.ofSeconds(120));
    assertThat(run.succeeded()).as(run.describe()).isTrue();
    return Json.parseTrusted(run.stdout());
  }

  static void assertResults(JsonNode sc, JsonNode results, String lang) {
    Map<Integer, JsonNode> byStep = new HashMap<>();
    results.forEach(r -> byStep.put(r.get("step").asInt(), r.get("result")));
    for (int i = 0; i < sc.get("steps").size(); i++) {
      JsonNode step = sc.get("steps").get(i);
      if (!step.has("expect")) {
        continue;
      }
      JsonNode actual = byStep.get(i);
      String where = lang + ", step " + i + " (" + step.get("call").asText() + ")";
      assertThat(actual).as(where + ": no result").isNotNull();
      JsonNode exp = step.get("expect");
      if (exp.has("items")) {
        assertThat(actual.has("items")).as(where + ": " + actual).isTrue();
        assertThat(actual.get("items").size()).as(where + ": " + actual).isEqualTo(exp.get("items").size());
        for (int k = 0; k < exp.get("items").size(); k++) {
          assertSubset(exp.get("items").get(k), actual.get("items").get(k), where + " item " + k + " of " + actual);
        }
      } else if (exp.has("item")) {
        assertThat(actual.has("item")).as(where + ": " + actual).isTrue();
        assertSubset(exp.get("item"), actual.get("item"), where + ": " + actual);
      } else {
        assertSubset(exp, actual, where + ": " + actual);
      }
    }
  }

  static void assertSubset(JsonNode expected, JsonNode actual, String where) {
    expected.fields().forEachRemaining(f -> {
      JsonNode a = actual.get(f.getKey());
      assertThat(a).as(where + ": field " + f.getKey()).isNotNull();
      if (f.getValue().isNumber()) {
        assertThat(new BigDecimal(a.asText()).compareTo(f.getValue().decimalValue())).as(where + ": field " + f.getKey()).isZero();
      } else {
        assertThat(a).as(where + ": field " + f.getKey()).isEqualTo(f.getValue());
      }
    });
  }

  static void assertTable(DynamoDbClient client, JsonNode checks, String where) {
    String table = client.listTables().tableNames().get(0);
    for (JsonNode c : checks) {
      Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS(c.get("pk").asText()), "sk", AttributeValue.fromS(c.get("sk").asText()));
      Map<String, AttributeValue> item = client.getItem(b -> b.tableName(table).key(key).consistentRead(true)).item();
      assertThat(item).as(where + ": item " + key).isNotEmpty();
      if (c.has("absent")) {
        c.get("absent").forEach(a -> assertThat(item).as(where + ": " + key + " must not have " + a.asText()).doesNotContainKey(a.asText()));
      }
      if (c.has("has")) {
        c.get("has").fields().forEachRemaining(f -> {
          AttributeValue v = item.get(f.getKey());
          assertThat(v).as(where + ": " + key + " attribute " + f.getKey()).isNotNull();
          String text = v.s() != null ? v.s() : v.n();
          assertThat(text).as(where + ": " + key + " attribute " + f.getKey()).isEqualTo(f.getValue().asText());
        });
      }
    }
  }
}
