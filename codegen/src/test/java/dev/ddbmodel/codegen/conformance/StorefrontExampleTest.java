package dev.ddbmodel.codegen.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The conformance scenario {@code storefront} runs the bundled example examples/models/storefront
 * (the 48-pattern design of issue 26) and nothing else: its schema is the example's, byte for
 * byte, and the example numbers its patterns 1..48 with the id at the start of each description.
 */
class StorefrontExampleTest {
  static final Path EXAMPLE = Path.of("../examples/models/storefront/schema.json");
  static final Path SCENARIO = Path.of("src/test/resources/conformance/storefront/schema.json");

  @Test
  void theScenarioRunsTheBundledExample() throws Exception {
    assertThat(Files.readString(SCENARIO, StandardCharsets.UTF_8))
        .as("conformance/storefront/schema.json must be a copy of examples/models/storefront/schema.json")
        .isEqualTo(Files.readString(EXAMPLE, StandardCharsets.UTF_8));
  }

  @Test
  void patternsAreNumberedOneToFortyEight() throws Exception {
    JsonNode schema = Json.parseTrusted(Files.readString(EXAMPLE, StandardCharsets.UTF_8));
    List<JsonNode> patterns = new ArrayList<>();
    for (JsonNode table : schema.get("tables")) {
      table.get("entities").forEach(e -> e.path("access_patterns").forEach(patterns::add));
    }
    schema.path("cross_table_access_patterns").forEach(patterns::add);
    List<Integer> ids = new ArrayList<>();
    for (JsonNode p : patterns) {
      int id = p.get("pattern_id").asInt();
      ids.add(id);
      assertThat(p.get("description").asText()).as("pattern " + id).startsWith("[" + id + "] ");
    }
    assertThat(ids).hasSize(48).doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).isBetween(1, 48));
  }
}
