package dev.ddbmodel.codegen.internal.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.core.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Checks the JSON summary the generated usage examples print ({@code {"<pattern id>": {"ok": true,
 * "items": n}}}) against the generated {@code access_pattern_mapping.json}.
 */
public final class UsageSummary {
  private UsageSummary() {}

  /**
   * Every pattern ran, GetItem patterns found their one sample item, and every read found the
   * sample data.
   */
  public static void assertEveryPatternRan(String output, Path generated, int patterns) throws Exception {
    JsonNode summary = Json.parseTrusted(output);
    JsonNode doc = Json.parseTrusted(Files.readString(generated.resolve("access_pattern_mapping.json")));
    assertThat(doc.path("metadata").path("total_patterns").asInt()).isEqualTo(patterns);
    JsonNode mapping = doc.get("access_pattern_mapping");
    assertThat(mapping.size()).isEqualTo(patterns);
    int reads = 0;
    int readsWithItems = 0;
    for (var it = mapping.properties().iterator(); it.hasNext(); ) {
      JsonNode m = it.next().getValue();
      String id = m.path("pattern_id").asText();
      JsonNode result = summary.path(id);
      assertThat(result.path("ok").asBoolean()).as("pattern " + id + ": " + result).isTrue();
      String op = m.path("operation").asText();
      if (op.equals("GetItem")) {
        assertThat(result.path("items").asInt()).as("GetItem pattern " + id + " finds the sample").isEqualTo(1);
      }
      if (List.of("GetItem", "Query", "BatchGetItem", "TransactGet").contains(op)) {
        reads++;
        if (result.path("items").asInt() > 0) {
          readsWithItems++;
        }
      }
    }
    assertThat(readsWithItems).as("reads returning the sample data, in " + output).isEqualTo(reads);
  }
}
