package dev.ddbmodel.core.internal.checks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Capacity of a table and of its GSIs: ProvisionedThroughput against the billing mode
 * ({@code DataModel.Throughput}) and the AutoScaling block ({@code DataModel.AutoScaling},
 * {@code DataModel.AutoScalingRange}; TEAM.md decision 2) as Application Auto Scaling applies it.
 */
final class CapacityRules {
  private CapacityRules() {}

  /** The table's own throughput and auto scaling. */
  static void table(TableView t, Findings c) {
    JsonNode n = t.node();
    String p = t.pointer();
    String billing = t.billing();
    if (billing.equals("PROVISIONED") && !n.has("ProvisionedThroughput")) {
      c.error("DataModel.Throughput", p, "table `" + t.name() + "` uses PROVISIONED billing but has no ProvisionedThroughput",
          "add {\"ReadCapacityUnits\": 5, \"WriteCapacityUnits\": 5} or use PAY_PER_REQUEST");
    }
    if (billing.equals("PAY_PER_REQUEST") && n.has("ProvisionedThroughput")) {
      c.error("DataModel.Throughput", p + "/ProvisionedThroughput", "ProvisionedThroughput is not allowed with PAY_PER_REQUEST billing",
          "remove it or set \"BillingMode\": \"PROVISIONED\"");
    }
    autoScaling(n, p, "table `" + t.name() + "`", billing, c);
  }

  /** A GSI's auto scaling and throughput (LSIs share the table's capacity). */
  static void index(TableView t, TableView.IndexView ix, Findings c) {
    String billing = t.billing();
    String ip = ix.pointer();
    autoScaling(ix.node(), ip, "global index `" + ix.node().path("IndexName").asText() + "`", billing, c);
    if (billing.equals("PROVISIONED") && !ix.node().has("ProvisionedThroughput")) {
      c.error("DataModel.Throughput", ip, "with PROVISIONED billing every global index needs ProvisionedThroughput", "add it to the index");
    }
    if (billing.equals("PAY_PER_REQUEST") && ix.node().has("ProvisionedThroughput")) {
      c.error("DataModel.Throughput", ip + "/ProvisionedThroughput", "ProvisionedThroughput is not allowed with PAY_PER_REQUEST billing", "remove it");
    }
  }

  private static void autoScaling(JsonNode owner, String p, String what, String billing, Findings c) {
    JsonNode a = owner.get(DataModelRules.AUTO_SCALING);
    if (a == null || !a.isObject()) {
      return;
    }
    String ap = p + "/" + DataModelRules.AUTO_SCALING;
    if (!billing.equals("PROVISIONED")) {
      c.error("DataModel.AutoScaling", ap, "auto scaling adjusts provisioned capacity, but " + what + " uses " + billing + " billing",
          "remove AutoScaling, or set \"BillingMode\": \"PROVISIONED\" with ProvisionedThroughput");
      return;
    }
    JsonNode pt = owner.path("ProvisionedThroughput");
    for (String side : List.of("Read", "Write")) {
      JsonNode s = a.path(side);
      if (!s.path("MinCapacity").isIntegralNumber() || !s.path("MaxCapacity").isIntegralNumber()) {
        continue;
      }
      long min = s.get("MinCapacity").asLong();
      long max = s.get("MaxCapacity").asLong();
      if (min > max) {
        // Application Auto Scaling's RegisterScalableTarget refuses it (ValidationException)
        c.error("DataModel.AutoScaling", ap + "/" + side, side + " MinCapacity " + min + " is larger than MaxCapacity " + max + " on " + what,
            "swap them, or raise MaxCapacity");
        continue;
      }
      JsonNode units = pt.path(side + "CapacityUnits");
      if (units.isIntegralNumber() && (units.asLong() < min || units.asLong() > max)) {
        c.warn("DataModel.AutoScalingRange", ap + "/" + side, what + " provisions " + units.asLong() + " " + side.toLowerCase(java.util.Locale.ROOT)
                + " capacity units, outside its auto scaling range " + min + "-" + max + "; Application Auto Scaling moves it into the range",
            "set ProvisionedThroughput." + side + "CapacityUnits between " + min + " and " + max);
      }
    }
  }
}
