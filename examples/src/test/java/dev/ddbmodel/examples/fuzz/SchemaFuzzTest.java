package dev.ddbmodel.examples.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.core.json.Json;
import dev.ddbmodel.core.testing.Seeds;
import dev.ddbmodel.schema.SchemaLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * schema.json loader: any input gives a result whose errors are located, never an exception.
 * The fuzz target replays its regression inputs ({@code SchemaFuzzTestInputs/schemaJson}) in
 * every run and is fuzzed with {@code bench/fuzz schema}; the seeded test mutates the examples.
 */
class SchemaFuzzTest {
  static final List<JsonNode> SEEDS = new ArrayList<>();

  @BeforeAll
  static void seeds() throws Exception {
    SEEDS.clear();
    for (var dir : FuzzSupport.exampleDirs()) {
      SEEDS.add(Json.parseTrusted(Files.readString(dir.resolve("schema.json"), StandardCharsets.UTF_8)));
    }
  }

  @FuzzTest
  void schemaJson(byte[] data) {
    String input = new String(data, StandardCharsets.UTF_8);
    FuzzSupport.assertLocated(SchemaLoader.parse("fuzz.json", input), input);
  }

  static Stream<Long> seeds300() {
    return Seeds.of("schema", 300);
  }

  @ParameterizedTest(name = Seeds.NAME)
  @MethodSource("seeds300")
  void mutatedSchemas(long seed) {
    String input = new JsonMutator(seed).mutate(SEEDS.get((int) Math.floorMod(seed, (long) SEEDS.size())));
    FuzzSupport.assertLocated(SchemaLoader.parse("fuzz.json", input), input);
  }
}
