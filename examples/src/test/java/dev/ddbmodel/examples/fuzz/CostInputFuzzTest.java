package dev.ddbmodel.examples.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.core.Validated;
import dev.ddbmodel.core.CostCalculator;
import dev.ddbmodel.core.CostReport;
import dev.ddbmodel.core.CostRequest;
import dev.ddbmodel.core.json.Json;
import dev.ddbmodel.core.json.JsonDocument;
import dev.ddbmodel.core.testing.Seeds;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cost input (the cost tool's JSON): a report that renders, or located input errors, never an
 * exception. Fuzzed with {@code bench/fuzz cost}; regression inputs in
 * {@code CostInputFuzzTestInputs/costInput}.
 */
class CostInputFuzzTest {
  static JsonNode seed;

  @BeforeAll
  static void load() throws Exception {
    seed = Json.parseTrusted(Files.readString(Path.of("models/ecommerce/cost_input.json"), StandardCharsets.UTF_8));
  }

  static Validated<CostReport> cost(String input) {
    return JsonDocument.parse("cost.json", input)
        .flatMap(d -> CostRequest.fromJson(d.root(), "cost.json"))
        .flatMap(CostCalculator::compute)
        .map(rep -> {
          rep.toMarkdown();
          rep.toJson();
          return rep;
        });
  }

  @FuzzTest
  void costInput(byte[] data) {
    String input = new String(data, StandardCharsets.UTF_8);
    FuzzSupport.assertLocated(cost(input), input);
  }

  static Stream<Long> seeds300() {
    return Seeds.of("cost", 300);
  }

  @ParameterizedTest(name = Seeds.NAME)
  @MethodSource("seeds300")
  void mutatedCostInputs(long s) {
    String input = new JsonMutator(s).mutate(seed);
    FuzzSupport.assertLocated(cost(input), input);
  }
}
