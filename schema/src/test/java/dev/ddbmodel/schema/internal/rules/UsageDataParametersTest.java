package dev.ddbmodel.schema.internal.rules;

import dev.ddbmodel.schema.SchemaValidation;
import dev.ddbmodel.schema.SchemaValidationReport;
import dev.ddbmodel.schema.SchemaValidationRequest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddbmodel.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Range values ({@code start}/{@code end} of a between Query) and transaction-only values
 * ({@code quantity} of a cross-table write) are not entity fields; {@code access_pattern_data} is
 * their place, and the generated examples read them from there.
 */
class UsageDataParametersTest {
  static final Path EXAMPLE = Path.of("../examples/models/ecommerce");
  @TempDir Path tmp;

  List<String> errors(ObjectNode usage) throws Exception {
    Path schema = Files.copy(EXAMPLE.resolve("schema.json"), tmp.resolve("schema.json"));
    Path data = Files.writeString(tmp.resolve("usage_data.json"), Json.pretty(usage));
    SchemaValidationReport r = SchemaValidation.validate(new SchemaValidationRequest(schema, Optional.of(data), Optional.of(tmp)));
    return r.usageIssues().orElseThrow().stream().map(i -> i.diagnostic().id() + " " + i.diagnostic().location().pointer()).toList();
  }

  ObjectNode usage() throws Exception {
    return (ObjectNode) Json.parseTrusted(Files.readString(EXAMPLE.resolve("usage_data.json"), StandardCharsets.UTF_8));
  }

  @Test
  void rangeAndTransactionParametersBelongInAccessPatternData() throws Exception {
    ObjectNode u = usage();
    ObjectNode order = (ObjectNode) u.get("entities").get("Order").get("access_pattern_data");
    order.put("start", "2025-07-01").put("end", "2025-07-31").put("since", "2025-07-01");
    ObjectNode product = (ObjectNode) u.get("entities").get("Product").get("access_pattern_data");
    product.put("quantity", 2).put("min_price", 5).put("max_price", 50);
    assertThat(errors(u)).isEmpty();
  }

  @Test
  void aNameThatIsNeitherFieldNorParameterIsStillRefused() throws Exception {
    ObjectNode u = usage();
    ((ObjectNode) u.get("entities").get("Order").get("access_pattern_data")).put("strat", "2025-07-01");
    // a parameter of another entity's patterns is not this entity's
    ((ObjectNode) u.get("entities").get("Customer").get("access_pattern_data")).put("since", "2025-07-01");
    // sample_data is an item: parameters have no place there
    ((ObjectNode) u.get("entities").get("Order").get("sample_data")).put("start", "2025-07-01");
    assertThat(errors(u)).containsExactlyInAnyOrder("Usage.UnknownField /entities/Order/access_pattern_data/strat",
        "Usage.UnknownField /entities/Customer/access_pattern_data/since", "Usage.UnknownField /entities/Order/sample_data/start");
  }
}
