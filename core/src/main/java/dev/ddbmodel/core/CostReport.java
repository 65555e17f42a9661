package dev.ddbmodel.core;

import dev.ddbmodel.core.internal.cost.Formats;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddbmodel.core.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Computed capacity and cost: per pattern, per table and GSI, storage, totals, and the optional
 * analyses (provisioned comparison, per-partition checks, measured item sizes).
 *
 * @param request what was priced
 * @param patterns per-pattern capacity and cost, in input order
 * @param storage per table and GSI, in input order (each table followed by its GSIs)
 * @param resources request cost per table and GSI (same order)
 * @param diagnostics what the analysis found: the per-partition throughput warnings
 *     ({@code Cost.HotPartition}, {@code Cost.PartitionSpread}, {@code Cost.GsiWritePressure}),
 *     each at its pattern's {@code /access_pattern_list/<i>}
 * @param provisioned provisioned comparison per table, when asked for
 * @param measuredSizes item sizes measured from a data model, when given
 */
public record CostReport(CostRequest request, List<PatternCost> patterns, List<StorageCost> storage,
    List<ResourceCost> resources, List<Diagnostic> diagnostics, List<ProvisionedComparison> provisioned,
    List<MeasuredSize> measuredSizes) {

  /** Marker line opening our block in dynamodb_data_model.md. */
  public static final String BEGIN_MARKER = "<!-- begin-cost-report -->";

  /** Marker line closing the block (the reference calculator's end marker). */
  public static final String END_MARKER = "<!-- end-cost-report -->";

  public CostReport {
    patterns = List.copyOf(patterns);
    storage = List.copyOf(storage);
    resources = List.copyOf(resources);
    diagnostics = List.copyOf(diagnostics);
    provisioned = List.copyOf(provisioned);
    measuredSizes = List.copyOf(measuredSizes);
  }

  /** Ids of the per-partition throughput findings, rendered under "Partition Throughput Checks". */
  public static final List<String> PARTITION_IDS = List.of("Cost.HotPartition", "Cost.PartitionSpread", "Cost.GsiWritePressure");

  /** The message of {@code Cost.PartitionSpread} and {@code Cost.GsiWritePressure} starts with this. */
  static final String THE_PATTERN = "the pattern ";

  /**
   * The per-partition findings as text lines, each naming its pattern (the form of the markdown
   * section and of {@code partition_warnings} in JSON); rendered from {@link #diagnostics()}.
   *
   * @deprecated read {@link #diagnostics()}: id, severity, pointer and message
   */
  @Deprecated
  public List<String> partitionWarnings() {
    List<String> out = new ArrayList<>();
    for (Diagnostic d : diagnostics) {
      if (PARTITION_IDS.contains(d.id())) {
        out.add(partitionLine(d));
      }
    }
    return List.copyOf(out);
  }

  /**
   * One finding as the line of the report: {@code pattern `id`: message; hint} or, when the
   * message speaks of "the pattern", the pattern's id in its place. The id comes from the request (by the
   * diagnostic's pointer), so a long id is printed whole, as in the pattern tables.
   */
  private String partitionLine(Diagnostic d) {
    String pointer = d.location().pointer();
    String name = request.patterns().stream().filter(a -> pointer.equals(a.pointer())).map(CostInputs.Pattern::pattern)
        .findFirst().orElse(pointer);
    String subject = "pattern `" + name + "`";
    String text = d.message().startsWith(THE_PATTERN) ? subject + d.message().substring(THE_PATTERN.length() - 1) : subject + ": " + d.message();
    return d.hint().isEmpty() ? text : text + "; " + d.hint();
  }

  /** Capacity and cost of one pattern (per request units; costs per month). */
  public record PatternCost(CostInputs.Pattern pattern, double rru, double wru, double cost, List<GsiWrite> gsiWrites) {}

  /** Write amplification of a write pattern into one GSI. */
  public record GsiWrite(String gsi, double wru, double cost) {}

  /** Storage of a table or GSI. */
  public record StorageCost(String table, Optional<String> gsi, double gb, double cost) {}

  /** Request cost of a table (base reads and all writes) or of a GSI (its reads plus amplification). */
  public record ResourceCost(String table, Optional<String> gsi, double cost) {}

  /**
   * On-demand versus provisioned capacity for one table (with its GSIs).
   *
   * @param basis how the provisioned figure was reached: the default 70% target, or the model's
   *     auto scaling (target, min and max per table/GSI and side)
   * @param notes where the traffic needs more than an auto scaling MaxCapacity (throttling) or
   *     less than its MinCapacity (paid anyway)
   */
  public record ProvisionedComparison(String table, double rcu, double wcu, double onDemand, double provisionedAtTarget,
      double breakEvenUtilization, String basis, List<String> notes) {
    public ProvisionedComparison {
      notes = List.copyOf(notes);
    }

    /** At the default target utilization, without auto scaling from a model. */
    public ProvisionedComparison(String table, double rcu, double wcu, double onDemand, double provisionedAtTarget,
        double breakEvenUtilization) {
      this(table, rcu, wcu, onDemand, provisionedAtTarget, breakEvenUtilization, "70% target", List.of());
    }
  }

  /** Sample item sizes of a table compared with the declared size. */
  public record MeasuredSize(String table, int declared, long average, long max, int samples) {}

  public double storageTotal() {
    double s = 0;
    for (StorageCost c : storage) {
      s += c.cost();
    }
    return s;
  }

  public double requestTotal() {
    double s = 0;
    for (ResourceCost c : resources) {
      s += c.cost();
    }
    return s;
  }

  public double total() {
    return requestTotal() + storageTotal();
  }

  /** One-line summary for tool and command output. */
  public String summaryLine() {
    return "Cost analysis complete. Analyzed " + patterns.size() + " access patterns across " + request.tables().size()
        + " tables. Estimated monthly cost " + Formats.money(total()) + " (requests " + Formats.money(requestTotal())
        + ", storage " + Formats.money(storageTotal()) + ").";
  }

  /** The report section for dynamodb_data_model.md, without the begin/end markers. */
  public String toMarkdown() {
    PriceTable p = request.prices();
    List<String> blocks = new ArrayList<>();
    blocks.add("## Cost Report");
    blocks.add(String.join("\n",
        "> **This is an estimate.** It covers read/write requests and storage only, priced for the",
        "> " + p.tableClass() + " table class with on-demand capacity in " + p.region() + " (prices checked " + p.checked() + ").",
        "> Not included: point-in-time recovery, backups, streams, global table replication, data",
        "> transfer and the free tier.",
        "> Other regions, provisioned or reserved capacity, and real traffic shapes change the result.",
        "> The numbers assume each pattern runs at a constant rate with the average item size given,",
        "> and a 30.5-day month.",
        "> Prices: https://aws.amazon.com/dynamodb/pricing/"));
    blocks.add("**Total Monthly Cost: " + Formats.money(total()) + "**");
    blocks.add(Formats.table(List.of("Source", "Monthly Cost"), List.of(
        List.of("Storage", Formats.money(storageTotal())),
        List.of("Read and write requests", Formats.money(requestTotal())))));
    blocks.add("### Storage Costs");
    blocks.add("**Monthly Cost:** " + Formats.money(storageTotal()));
    List<List<String>> srows = new ArrayList<>();
    for (StorageCost s : storage) {
      srows.add(List.of(s.gsi().orElse(s.table()), s.gsi().isPresent() ? "GSI" : "Table", Formats.two(s.gb()), Formats.money(s.cost())));
    }
    blocks.add(Formats.table(List.of("Resource", "Type", "Storage (GB)", "Monthly Cost"), srows));
    blocks.add("### Read and Write Request Costs");
    blocks.add("**Monthly Cost:** " + Formats.money(requestTotal()));
    List<List<String>> rrows = new ArrayList<>();
    for (ResourceCost r : resources) {
      rrows.add(List.of(r.gsi().orElse(r.table()), r.gsi().isPresent() ? "GSI" : "Table", Formats.money(r.cost())));
    }
    blocks.add(Formats.table(List.of("Resource", "Type", "Monthly Cost"), rrows));
    List<String> header = List.of("Pattern", "Operation", "RPS", "RRU / WRU", "Monthly Cost");
    for (CostInputs.Table t : request.tables()) {
      blocks.add("#### " + t.name() + " Table");
      blocks.add("**Monthly Cost:** " + Formats.money(resourceCost(t.name(), Optional.empty())));
      List<List<String>> rows = new ArrayList<>();
      for (PatternCost pc : patterns) {
        CostInputs.Pattern a = pc.pattern();
        if (a.table().equals(t.name()) && (!a.operation().read() || a.gsi().isEmpty())) {
          rows.add(List.of(a.pattern(), a.operation().name(), Formats.pyFloat(a.rps()),
              Formats.two(pc.wru() > 0 ? pc.wru() : pc.rru()), Formats.money(pc.cost())));
        }
      }
      blocks.add(Formats.table(header, rows));
      for (CostInputs.Gsi g : t.gsis()) {
        blocks.add("#### " + t.name() + " Table / " + g.name() + " GSI");
        blocks.add("**Monthly Cost:** " + Formats.money(resourceCost(t.name(), Optional.of(g.name()))));
        List<List<String>> grows = new ArrayList<>();
        for (PatternCost pc : patterns) {
          CostInputs.Pattern a = pc.pattern();
          if (a.table().equals(t.name()) && a.gsi().filter(g.name()::equals).isPresent()) {
            grows.add(List.of(a.pattern(), a.operation().name(), Formats.pyFloat(a.rps()), Formats.two(pc.rru()), Formats.money(pc.cost())));
          }
        }
        for (PatternCost pc : patterns) {
          CostInputs.Pattern a = pc.pattern();
          if (!a.table().equals(t.name())) {
            continue;
          }
          for (GsiWrite w : pc.gsiWrites()) {
            if (w.gsi().equals(g.name())) {
              grows.add(List.of(a.pattern() + "¹", a.operation().name(), Formats.pyFloat(a.rps()), Formats.two(w.wru()), Formats.money(w.cost())));
            }
          }
        }
        blocks.add(Formats.table(header, grows));
      }
    }
    blocks.addAll(extras());
    boolean amplified = patterns.stream().anyMatch(pc -> !pc.gsiWrites().isEmpty());
    if (amplified) {
      blocks.add(String.join("\n",
          "¹ Index write amplification: a write that touches attributes projected into a GSI also writes",
          "the index, priced at the GSI's item size. When the write changes the GSI's key, DynamoDB deletes",
          "the old index entry and writes a new one, doubling that cost; the figures assume one index write.",
          "See https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.html#GSI.ThroughputConsiderations"));
    }
    blocks.add(END_MARKER);
    return String.join("\n\n", blocks);
  }

  private List<String> extras() {
    List<String> blocks = new ArrayList<>();
    // each line ends with its id in brackets, so a reader of the file (the model view) keeps it
    StringBuilder partitions = new StringBuilder();
    for (Diagnostic d : diagnostics) {
      if (PARTITION_IDS.contains(d.id())) {
        partitions.append(partitions.length() == 0 ? "" : "\n").append("- ⚠️ ").append(partitionLine(d)).append(" [").append(d.id()).append(']');
      }
    }
    if (partitions.length() > 0) {
      blocks.add("### Partition Throughput Checks");
      blocks.add(partitions.toString());
    }
    if (!provisioned.isEmpty()) {
      blocks.add("### On-Demand versus Provisioned Capacity");
      List<List<String>> rows = new ArrayList<>();
      for (ProvisionedComparison c : provisioned) {
        rows.add(List.of(c.table(), Formats.two(c.rcu()), Formats.two(c.wcu()), Formats.money(c.onDemand()),
            Formats.money(c.provisionedAtTarget()), c.basis(), Formats.two(c.breakEvenUtilization() * 100) + "%"));
      }
      blocks.add(Formats.table(List.of("Table", "Avg RCU", "Avg WCU", "On-demand", "Provisioned", "Provisioned at", "Break-even utilization"), rows));
      List<String> notes = provisioned.stream().flatMap(c -> c.notes().stream()).toList();
      if (!notes.isEmpty()) {
        blocks.add(String.join("\n", notes.stream().map(n -> "- ⚠️ " + n).toList()));
      }
      blocks.add("Provisioned capacity is cheaper when the average utilization of the provisioned units stays above the"
          + " break-even utilization; spiky or unpredictable traffic favours on-demand. Provisioned figures use "
          + request.prices().region() + " hourly prices and 730 hours per month.");
    }
    if (!measuredSizes.isEmpty()) {
      blocks.add("### Item Sizes Measured from Sample Items");
      List<List<String>> rows = new ArrayList<>();
      for (MeasuredSize m : measuredSizes) {
        rows.add(List.of(m.table(), Integer.toString(m.declared()), Long.toString(m.average()), Long.toString(m.max()),
            Integer.toString(m.samples()), m.max() > m.declared() ? "⚠️ declared size is below the largest sample" : "ok"));
      }
      blocks.add(Formats.table(List.of("Table", "Declared (B)", "Average (B)", "Largest (B)", "Samples", "Check"), rows));
    }
    return blocks;
  }

  private double resourceCost(String table, Optional<String> gsi) {
    return resources.stream().filter(r -> r.table().equals(table) && r.gsi().equals(gsi)).mapToDouble(ResourceCost::cost).findFirst().orElse(0);
  }

  /** Structured form of the report. */
  public ObjectNode toJson() {
    ObjectNode o = Json.object();
    o.put("total_monthly_cost", round(total()));
    o.put("request_monthly_cost", round(requestTotal()));
    o.put("storage_monthly_cost", round(storageTotal()));
    o.put("region", request.prices().region());
    o.put("table_class", request.prices().tableClass());
    ArrayNode ps = o.putArray("patterns");
    for (PatternCost pc : patterns) {
      ObjectNode x = ps.addObject();
      x.put("pattern", pc.pattern().pattern());
      x.put("operation", pc.pattern().operation().name());
      x.put("table", pc.pattern().table());
      pc.pattern().gsi().ifPresent(g -> x.put("gsi", g));
      x.put("rps", pc.pattern().rps());
      x.put("rru_per_request", pc.rru());
      x.put("wru_per_request", pc.wru());
      x.put("monthly_cost", round(pc.cost()));
      ArrayNode gw = x.putArray("gsi_writes");
      pc.gsiWrites().forEach(w -> gw.addObject().put("gsi", w.gsi()).put("wru_per_request", w.wru()).put("monthly_cost", round(w.cost())));
    }
    ArrayNode st = o.putArray("storage");
    storage.forEach(s -> {
      ObjectNode x = st.addObject().put("table", s.table());
      s.gsi().ifPresent(g -> x.put("gsi", g));
      x.put("gb", round(s.gb())).put("monthly_cost", round(s.cost()));
    });
    partitionWarnings().forEach(o.putArray("partition_warnings")::add);
    if (!provisioned.isEmpty()) {
      o.set("provisioned", Json.toTree(provisioned));
    }
    if (!measuredSizes.isEmpty()) {
      o.set("measured_item_sizes", Json.toTree(measuredSizes));
    }
    return o;
  }

  private static double round(double x) {
    return new java.math.BigDecimal(x).setScale(2, java.math.RoundingMode.HALF_EVEN).doubleValue();
  }
}
