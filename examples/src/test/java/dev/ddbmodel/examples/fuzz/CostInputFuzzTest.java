package dev.ddbmodel.examples.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.core.Validated;
import dev.ddbmodel.core.cost.CostCalculator;
import dev.ddbmodel.core.cost.CostReport;
import dev.ddbmodel.core.cost.CostRequest;
import dev.ddbmodel.core.json.Json;
import dev.ddbmodel.core.json.JsonDocument;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Mutated cost inputs: a report or located input errors, never an exception or a hang. */
class CostInputFuzzTest {
  static JsonNode seed;

  @BeforeContainer
  static void load() throws Exception {
    seed = Json.parseTrusted(Files.readString(Path.of("models/ecommerce/cost_input.json"), StandardCharsets.UTF_8));
  }

  @Property
  void mutatedCostInputs(@ForAll long s) throws Exception {
    String input = new JsonMutator(s).mutate(seed);
    Validated<CostReport> r = FuzzSupport.withinLimit(() -> JsonDocument.parse("cost.json", input)
        .flatMap(d -> CostRequest.fromJson(d.root(), "cost.json"))
        .flatMap(CostCalculator::compute)
        .map(rep -> {
          rep.toMarkdown();
          rep.toJson();
          return rep;
        }));
    FuzzSupport.assertLocated(r, input);
  }
}
