package dev.ddbmodel.examples.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.core.Validated;
import dev.ddbmodel.core.json.Json;
import dev.ddbmodel.core.model.DataModel;
import dev.ddbmodel.core.model.DataModelLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Mutated dynamodb_data_model.json files: always a result, never an exception or a hang. */
class DataModelFuzzTest {
  static final List<JsonNode> SEEDS = new ArrayList<>();

  @BeforeContainer
  static void loadSeeds() throws Exception {
    SEEDS.clear();
    for (var dir : FuzzSupport.exampleDirs()) {
      SEEDS.add(Json.parseTrusted(Files.readString(dir.resolve("dynamodb_data_model.json"), StandardCharsets.UTF_8)));
    }
  }

  @Property
  void mutatedModelsGiveLocatedDiagnostics(@ForAll long seed) throws Exception {
    JsonMutator m = new JsonMutator(seed);
    String input = m.mutate(SEEDS.get((int) Math.floorMod(seed, (long) SEEDS.size())));
    Validated<DataModel> r = FuzzSupport.withinLimit(() -> DataModelLoader.parse("fuzz.json", input));
    assertThat(r).isNotNull();
    FuzzSupport.assertLocated(r, input);
  }

  @Property(tries = 1)
  void seedsAreValid() {
    for (JsonNode seed : SEEDS) {
      Validated<DataModel> r = DataModelLoader.parse("seed.json", Json.pretty(seed));
      assertThat(r.errors()).isEmpty();
    }
  }
}
