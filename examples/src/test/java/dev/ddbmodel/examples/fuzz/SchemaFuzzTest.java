package dev.ddbmodel.examples.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.core.json.Json;
import dev.ddbmodel.schema.SchemaLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Mutated schema.json files: a result with located findings, never an exception or a hang. */
class SchemaFuzzTest {
  static final List<JsonNode> SEEDS = new ArrayList<>();

  @BeforeContainer
  static void seeds() throws Exception {
    SEEDS.clear();
    for (var dir : FuzzSupport.exampleDirs()) {
      SEEDS.add(Json.parseTrusted(Files.readString(dir.resolve("schema.json"), StandardCharsets.UTF_8)));
    }
  }

  @Property
  void mutatedSchemas(@ForAll long seed) throws Exception {
    String input = new JsonMutator(seed).mutate(SEEDS.get((int) Math.floorMod(seed, (long) SEEDS.size())));
    var r = FuzzSupport.withinLimit(() -> SchemaLoader.parse("fuzz.json", input));
    FuzzSupport.assertLocated(r, input);
  }
}
