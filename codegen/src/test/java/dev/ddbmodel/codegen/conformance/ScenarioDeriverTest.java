package dev.ddbmodel.codegen.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.core.json.Json;
import dev.ddbmodel.schema.SchemaLoader;
import dev.ddbmodel.schema.Schema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The deriver and its oracle, checked without DynamoDB: the derived scenarios discriminate (reads that must leave seed items out). */
class ScenarioDeriverTest {
  static ScenarioDeriver.Derived derive(String name) throws Exception {
    Path dir = Path.of("../examples/models").resolve(name);
    Schema s = SchemaLoader.load(dir.resolve("schema.json")).unwrap();
    JsonNode usage = Json.parseTrusted(Files.readString(dir.resolve("usage_data.json"), StandardCharsets.UTF_8));
    ScenarioDeriver.Derived d = ScenarioDeriver.derive(s, name, Optional.of(usage));
    Files.createDirectories(Path.of("target/derived-scenarios"));
    Files.writeString(Path.of("target/derived-scenarios", name + ".json"), Json.pretty(d.scenario()), StandardCharsets.UTF_8);
    return d;
  }

  @ParameterizedTest
  @ValueSource(strings = {"ecommerce", "social", "iot-telemetry", "saas-multitenant", "storefront"})
  void everyReadIsCalledAndSomeLeaveSeedItemsOut(String name) throws Exception {
    ScenarioDeriver.Derived d = derive(name);
    int seeds = 0;
    int nonEmpty = 0;
    int reads = 0;
    for (JsonNode step : d.scenario().get("steps")) {
      if (step.has("create")) {
        seeds++;
      } else if (step.has("expect")) {
        reads++;
        JsonNode exp = step.get("expect");
        if (exp.has("item") || exp.path("items").size() > 0) {
          nonEmpty++;
        }
      }
    }
    assertThat(reads).isEqualTo(d.calls()).isPositive();
    assertThat(seeds).as("samples and their variants").isGreaterThan(d.scenario().get("steps").size() > 0 ? 3 : 0);
    assertThat(nonEmpty).as("reads that find seed items").isPositive();
  }

  @Test
  void theOracleOrdersStringsByUtf8BytesAndNumbersByValue() {
    assertThat(ScenarioDeriver.compare(Json.parseTrusted("\"\\uffff\""), Json.parseTrusted("\"\\ud83d\\ude00\""))).as("U+FFFF before U+1F600 in UTF-8").isNegative();
    assertThat(ScenarioDeriver.compare(Json.parseTrusted("9"), Json.parseTrusted("10"))).isNegative();
    assertThat(ScenarioDeriver.compare(Json.parseTrusted("\"9\""), Json.parseTrusted("\"10\""))).isPositive();
  }
}
