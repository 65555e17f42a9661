package dev.ddbmodel.core;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * DynamoDB prices for one region and table class, from the versioned resource
 * {@code prices.json} (which states its source and date).
 *
 * @param region AWS region code
 * @param tableClass {@code STANDARD} or {@code STANDARD_IA}
 * @param readRequestUnit dollars per on-demand read request unit
 * @param writeRequestUnit dollars per on-demand write request unit
 * @param storageGbMonth dollars per GB-month
 * @param rcuHour dollars per provisioned RCU-hour
 * @param wcuHour dollars per provisioned WCU-hour
 * @param checked when the prices were taken from the pricing page
 */
public record PriceTable(String region, String tableClass, double readRequestUnit, double writeRequestUnit,
    double storageGbMonth, double rcuHour, double wcuHour, String checked) {

  /** The reference calculator's prices (us-east-1, Standard): the default. */
  public static PriceTable defaultTable() {
    return find("us-east-1", "STANDARD").orElseThrow();
  }

  /** Prices for a region and class, if the bundled table has them. */
  public static Optional<PriceTable> find(String region, String tableClass) {
    return all().stream().filter(p -> p.region().equals(region) && p.tableClass().equals(tableClass)).findFirst();
  }

  /** Every bundled price table. */
  public static List<PriceTable> all() {
    JsonNode root = resource();
    List<PriceTable> out = new ArrayList<>();
    String checked = root.path("checked").asText();
    root.path("regions").properties().forEach(r -> r.getValue().properties().forEach(c -> {
      JsonNode p = c.getValue();
      out.add(new PriceTable(r.getKey(), c.getKey(), p.path("read_request_unit").asDouble(), p.path("write_request_unit").asDouble(),
          p.path("storage_gb_month").asDouble(), p.path("rcu_hour").asDouble(), p.path("wcu_hour").asDouble(), checked));
    }));
    return out;
  }

  private static JsonNode resource() {
    try (InputStream in = PriceTable.class.getResourceAsStream("/dev/ddbmodel/core/cost/prices.json")) {
      return Json.parseTrusted(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
