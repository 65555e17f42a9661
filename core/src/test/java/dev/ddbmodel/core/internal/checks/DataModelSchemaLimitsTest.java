package dev.ddbmodel.core.internal.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.core.internal.guide.DynamoDbLimits;
import dev.ddbmodel.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bundled JSON Schema of the data model cannot name Java constants, so it repeats some of
 * DynamoDB's limits; this test holds each repetition to {@link DynamoDbLimits}, the one table.
 */
class DataModelSchemaLimitsTest {
  static JsonNode schema() throws IOException {
    try (InputStream in = DataModelStructureRules.class.getClassLoader().getResourceAsStream(DataModelStructureRules.SCHEMA_RESOURCE)) {
      return Json.parseTrusted(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  /** Every schema node that describes a property called {@code name}, anywhere in the schema. */
  static List<JsonNode> properties(JsonNode n, String name, List<JsonNode> out) {
    if (n.isObject()) {
      if (n.path("properties").has(name)) {
        out.add(n.get("properties").get(name));
      }
      n.forEach(c -> properties(c, name, out));
    } else if (n.isArray()) {
      n.forEach(c -> properties(c, name, out));
    }
    return out;
  }

  @Test
  void namePatternsUseTheNameLengthOfTheLimitsTable() throws IOException {
    List<JsonNode> names = properties(schema(), "TableName", new ArrayList<>());
    properties(schema(), "IndexName", names);
    assertThat(names).hasSizeGreaterThanOrEqualTo(3);
    String pattern = "^[a-zA-Z0-9_.-]{" + DynamoDbLimits.NAME_MIN_LENGTH + "," + DynamoDbLimits.NAME_MAX_LENGTH + "}$";
    assertThat(names).allSatisfy(n -> assertThat(n.path("pattern").asText()).isEqualTo(pattern));
  }

  @Test
  void autoScalingTargetAndRecoveryPeriodUseTheLimitsTable() throws IOException {
    List<JsonNode> target = properties(schema(), "TargetUtilization", new ArrayList<>());
    assertThat(target).hasSize(1);
    assertThat(target.get(0).path("minimum").asInt()).isEqualTo(DynamoDbLimits.AUTOSCALING_TARGET_MIN);
    assertThat(target.get(0).path("maximum").asInt()).isEqualTo(DynamoDbLimits.AUTOSCALING_TARGET_MAX);
    List<JsonNode> pitr = properties(schema(), "RecoveryPeriodInDays", new ArrayList<>());
    assertThat(pitr).hasSize(1);
    assertThat(pitr.get(0).path("maximum").asDouble()).isEqualTo(DynamoDbLimits.get("PITR_MAX_DAYS"));
  }
}
