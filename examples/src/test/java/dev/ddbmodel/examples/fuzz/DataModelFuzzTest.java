package dev.ddbmodel.examples.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.core.Validated;
import dev.ddbmodel.core.json.Json;
import dev.ddbmodel.core.DataModel;
import dev.ddbmodel.core.DataModelLoader;
import dev.ddbmodel.core.testing.Seeds;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * dynamodb_data_model.json loader: any input gives a result whose errors are located, never an
 * exception. Fuzzed with {@code bench/fuzz datamodel}; regression inputs in
 * {@code DataModelFuzzTestInputs/dataModelJson}.
 */
class DataModelFuzzTest {
  static final List<JsonNode> SEEDS = new ArrayList<>();

  @BeforeAll
  static void loadSeeds() throws Exception {
    SEEDS.clear();
    for (var dir : FuzzSupport.exampleDirs()) {
      SEEDS.add(Json.parseTrusted(Files.readString(dir.resolve("dynamodb_data_model.json"), StandardCharsets.UTF_8)));
    }
  }

  @FuzzTest
  void dataModelJson(byte[] data) {
    String input = new String(data, StandardCharsets.UTF_8);
    FuzzSupport.assertLocated(DataModelLoader.parse("fuzz.json", input), input);
  }

  static Stream<Long> seeds300() {
    return Seeds.of("datamodel", 300);
  }

  @ParameterizedTest(name = Seeds.NAME)
  @MethodSource("seeds300")
  void mutatedModelsGiveLocatedDiagnostics(long seed) {
    String input = new JsonMutator(seed).mutate(SEEDS.get((int) Math.floorMod(seed, (long) SEEDS.size())));
    Validated<DataModel> r = DataModelLoader.parse("fuzz.json", input);
    FuzzSupport.assertLocated(r, input);
  }

  @Test
  void seedsAreValid() {
    assertThat(SEEDS).hasSizeGreaterThanOrEqualTo(4);
    for (JsonNode seed : SEEDS) {
      assertThat(DataModelLoader.parse("seed.json", Json.pretty(seed)).errors()).isEmpty();
    }
  }
}
