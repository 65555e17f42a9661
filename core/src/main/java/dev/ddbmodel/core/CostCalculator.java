package dev.ddbmodel.core;

import dev.ddbmodel.core.internal.cost.Formats;
import dev.ddbmodel.core.internal.guide.DynamoDbLimits;
import dev.ddbmodel.core.internal.model.ItemSizes;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Capacity units and monthly cost per access pattern, GSI write amplification, storage, and
 * optional checks: per-partition throughput limits (3,000 RCU / 1,000 WCU), provisioned capacity
 * break-even, and item sizes measured from a data model's sample items.
 */
public final class CostCalculator {
  /** Read request unit size. */
  public static final int READ_UNIT_BYTES = DynamoDbLimits.READ_UNIT_BYTES;

  /** Write request unit size. */
  public static final int WRITE_UNIT_BYTES = DynamoDbLimits.WRITE_UNIT_BYTES;

  /** Seconds in the calculator's month (30.5 days, as the reference). */
  public static final double SECONDS_PER_MONTH = 2_635_200;

  /** Hours per month for provisioned capacity (AWS pricing convention). */
  public static final double HOURS_PER_MONTH = 730;

  /** Per-partition read limit (RCU per second). */
  public static final double PARTITION_RCU = DynamoDbLimits.PARTITION_RCU;

  /** Per-partition write limit (WCU per second). */
  public static final double PARTITION_WCU = DynamoDbLimits.PARTITION_WCU;

  /** Per-item storage overhead DynamoDB charges for. */
  public static final int ITEM_OVERHEAD_BYTES = DynamoDbLimits.STORAGE_OVERHEAD_BYTES;

  /** Target utilization assumed for provisioned capacity with auto scaling. */
  public static final double PROVISIONED_TARGET = 0.7;

  private CostCalculator() {}

  /** Computes the report; the request has been validated by {@link CostRequest#fromJson}. */
  public static Validated<CostReport> compute(CostRequest req) {
    PriceTable price = req.prices();
    List<CostReport.PatternCost> pcs = new ArrayList<>();
    for (CostInputs.Pattern a : req.patterns()) {
      CostInputs.Table t = req.tables().stream().filter(x -> x.name().equals(a.table())).findFirst().orElseThrow();
      double rru = rru(a);
      double wru = wru(a);
      double cost = rru * price.readRequestUnit() * a.rps() * SECONDS_PER_MONTH + wru * price.writeRequestUnit() * a.rps() * SECONDS_PER_MONTH;
      List<CostReport.GsiWrite> amps = new ArrayList<>();
      if (!a.operation().read()) {
        for (String g : a.gsiList()) {
          CostInputs.Gsi gsi = t.gsi(g).orElseThrow();
          double w = Math.ceil((double) gsi.itemSizeBytes() / WRITE_UNIT_BYTES);
          if (a.operation() == Operation.BatchWriteItem || a.operation() == Operation.TransactWriteItems) {
            w = w * a.itemCount();
          }
          amps.add(new CostReport.GsiWrite(g, w, w * price.writeRequestUnit() * a.rps() * SECONDS_PER_MONTH));
        }
      }
      pcs.add(new CostReport.PatternCost(a, rru, wru, cost, amps));
    }
    List<CostReport.StorageCost> storage = new ArrayList<>();
    List<CostReport.ResourceCost> resources = new ArrayList<>();
    for (CostInputs.Table t : req.tables()) {
      double gb = gb(t.itemCount(), t.itemSizeBytes());
      storage.add(new CostReport.StorageCost(t.name(), Optional.empty(), gb, gb * price.storageGbMonth()));
      for (CostInputs.Gsi g : t.gsis()) {
        double ggb = gb(g.itemCount(), g.itemSizeBytes());
        storage.add(new CostReport.StorageCost(t.name(), Optional.of(g.name()), ggb, ggb * price.storageGbMonth()));
      }
      double base = 0;
      for (CostReport.PatternCost pc : pcs) {
        CostInputs.Pattern a = pc.pattern();
        if (a.table().equals(t.name()) && (!a.operation().read() || a.gsi().isEmpty())) {
          base += pc.cost();
        }
      }
      resources.add(new CostReport.ResourceCost(t.name(), Optional.empty(), base));
      for (CostInputs.Gsi g : t.gsis()) {
        double s = 0;
        for (CostReport.PatternCost pc : pcs) {
          if (pc.pattern().table().equals(t.name()) && pc.pattern().gsi().filter(g.name()::equals).isPresent()) {
            s += pc.cost();
          }
        }
        for (CostReport.PatternCost pc : pcs) {
          if (pc.pattern().table().equals(t.name())) {
            for (CostReport.GsiWrite w : pc.gsiWrites()) {
              if (w.gsi().equals(g.name())) {
                s += w.cost();
              }
            }
          }
        }
        resources.add(new CostReport.ResourceCost(t.name(), Optional.of(g.name()), s));
      }
    }
    List<Diagnostic> warnings = partitionChecks(pcs);
    List<CostReport.ProvisionedComparison> prov = req.compareProvisioned() ? provisioned(req, pcs) : List.of();
    List<CostReport.MeasuredSize> sizes = req.model().map(m -> measured(req, m)).orElse(List.of());
    return Validated.valid(new CostReport(req, pcs, storage, resources, warnings, prov, sizes));
  }

  static double rru(CostInputs.Pattern a) {
    double c = a.stronglyConsistent() ? 1.0 : 0.5;
    double s = a.itemSizeBytes();
    int n = a.itemCount();
    return switch (a.operation()) {
      case GetItem -> Math.ceil(s / READ_UNIT_BYTES) * c;
      case Query, Scan -> Math.ceil(s * n / READ_UNIT_BYTES) * c;
      case BatchGetItem -> Math.ceil(s / READ_UNIT_BYTES) * n * c;
      case TransactGetItems -> 2 * Math.ceil(s / READ_UNIT_BYTES) * n;
      default -> 0;
    };
  }

  static double wru(CostInputs.Pattern a) {
    double s = a.itemSizeBytes();
    int n = a.itemCount();
    return switch (a.operation()) {
      case PutItem, UpdateItem, DeleteItem -> Math.ceil(s / WRITE_UNIT_BYTES);
      case BatchWriteItem -> Math.ceil(s / WRITE_UNIT_BYTES) * n;
      case TransactWriteItems -> 2 * Math.ceil(s / WRITE_UNIT_BYTES) * n;
      default -> 0;
    };
  }

  /** GB as the reference computes it: exact integer product, one division by 1024³. */
  static double gb(long itemCount, int itemSize) {
    BigInteger bytes = BigInteger.valueOf(itemCount).multiply(BigInteger.valueOf(itemSize + ITEM_OVERHEAD_BYTES));
    return bytes.doubleValue() / 1073741824.0;
  }

  /**
   * Per-partition throughput checks, one warning per finding at its pattern's pointer. The messages
   * do not echo the pattern id (the pointer locates it; the report's text lines put the whole id
   * back), so a long id is never shortened.
   */
  private static List<Diagnostic> partitionChecks(List<CostReport.PatternCost> pcs) {
    List<Diagnostic> out = new ArrayList<>();
    for (CostReport.PatternCost pc : pcs) {
      CostInputs.Pattern a = pc.pattern();
      SourceLocation at = SourceLocation.of("", a.pointer());
      boolean read = a.operation().read();
      double units = (read ? pc.rru() : pc.wru()) * a.rps();
      double limit = read ? PARTITION_RCU : PARTITION_WCU;
      String kind = read ? "RCU" : "WCU";
      String where = a.gsi().map(g -> "GSI `" + g + "`").orElse("table `" + a.table() + "`");
      if (a.hotKeyShare().isPresent() || a.distinctPartitionKeys().isPresent()) {
        double perKey = a.hotKeyShare().map(h -> units * h).orElseGet(() -> units / a.distinctPartitionKeys().get());
        if (perKey > limit) {
          out.add(Diagnostic.warning("Cost.HotPartition", String.format(Locale.ROOT, "the busiest partition key of %s takes about %.0f %s/s, above"
              + " the %.0f %s/s a partition serves", where, perKey, kind, limit, kind), at,
              "spread the key (write sharding, a higher-cardinality key) or cache the reads"));
        }
      } else if (units > limit) {
        long need = (long) Math.ceil(units / limit);
        out.add(Diagnostic.warning("Cost.PartitionSpread", String.format(Locale.ROOT, CostReport.THE_PATTERN + "needs %.0f %s/s on %s; that is only"
            + " possible if the traffic spreads evenly over at least %d partition key values (one key serves at most %.0f %s/s)",
            units, kind, where, need, limit, kind), at, "add `distinct_partition_keys` or `hot_key_share` to check"));
      }
      for (CostReport.GsiWrite w : pc.gsiWrites()) {
        double gu = w.wru() * a.rps();
        if (gu > PARTITION_WCU && a.hotKeyShare().isEmpty() && a.distinctPartitionKeys().isEmpty()) {
          out.add(Diagnostic.warning("Cost.GsiWritePressure", String.format(Locale.ROOT, CostReport.THE_PATTERN + "writes %.0f WCU/s into GSI `%s`;"
              + " a low-cardinality index key would throttle the index and, through back-pressure, the table's writes", gu, w.gsi()), at, ""));
        }
      }
    }
    return out;
  }

  /**
   * Provisioned capacity per table (with its GSIs). Each resource (the table, each GSI) and side
   * (read, write) is provisioned at its average need divided by the target utilization: the
   * model's {@code AutoScaling} target, kept between its MinCapacity and MaxCapacity, or the
   * default 70% target when the model has no auto scaling for it.
   */
  private static List<CostReport.ProvisionedComparison> provisioned(CostRequest req, List<CostReport.PatternCost> pcs) {
    List<CostReport.ProvisionedComparison> out = new ArrayList<>();
    PriceTable p = req.prices();
    for (CostInputs.Table t : req.tables()) {
      Optional<TableSpec> spec = req.model().flatMap(m -> m.findTable(t.name()));
      double onDemand = 0;
      java.util.Map<String, double[]> need = new java.util.LinkedHashMap<>();
      need.put("", new double[2]);
      t.gsis().forEach(g -> need.put(g.name(), new double[2]));
      for (CostReport.PatternCost pc : pcs) {
        CostInputs.Pattern a = pc.pattern();
        if (!a.table().equals(t.name())) {
          continue;
        }
        need.get(a.operation().read() ? a.gsi().orElse("") : "")[a.operation().read() ? 0 : 1] += (pc.rru() + pc.wru()) * a.rps();
        onDemand += pc.cost();
        for (CostReport.GsiWrite w : pc.gsiWrites()) {
          need.get(w.gsi())[1] += w.wru() * a.rps();
          onDemand += w.cost();
        }
      }
      double rcu = 0;
      double wcu = 0;
      double provisioned = 0;
      List<String> basis = new ArrayList<>();
      List<String> notes = new ArrayList<>();
      for (var e : need.entrySet()) {
        String what = e.getKey().isEmpty() ? "table `" + t.name() + "`" : "GSI `" + e.getKey() + "`";
        Optional<AutoScaling> as = spec.flatMap(s -> e.getKey().isEmpty() ? s.autoScaling()
            : s.globalSecondaryIndexes().stream().filter(g -> g.name().equals(e.getKey())).findFirst().flatMap(IndexSpec::autoScaling));
        for (int side = 0; side < 2; side++) {
          double avg = e.getValue()[side];
          boolean reads = side == 0;
          Optional<AutoScaling.Side> sc = as.flatMap(x -> x.side(reads));
          double target = sc.map(x -> x.targetUtilization() / 100).orElse(PROVISIONED_TARGET);
          double units = avg / target;
          String kind = side == 0 ? "RCU" : "WCU";
          if (sc.isPresent()) {
            AutoScaling.Side x = sc.get();
            basis.add(String.format(Locale.ROOT, "%s %s %d-%d at %s%%", what, side == 0 ? "reads" : "writes", x.minCapacity(), x.maxCapacity(),
                Formats.pyFloat(x.targetUtilization()).replaceAll("\\.0$", "")));
            if (units > x.maxCapacity()) {
              notes.add(String.format(Locale.ROOT, "%s needs about %.0f %s at its %s%% target, above its auto scaling MaxCapacity %d: requests beyond"
                  + " it are throttled; raise MaxCapacity or use on-demand", what, units, kind,
                  Formats.pyFloat(x.targetUtilization()).replaceAll("\\.0$", ""), x.maxCapacity()));
            }
            units = Math.min(Math.max(units, x.minCapacity()), x.maxCapacity());
          }
          provisioned += units * (side == 0 ? p.rcuHour() : p.wcuHour()) * HOURS_PER_MONTH;
          if (side == 0) {
            rcu += avg;
          } else {
            wcu += avg;
          }
        }
      }
      double atFull = (rcu * p.rcuHour() + wcu * p.wcuHour()) * HOURS_PER_MONTH;
      double breakEven = onDemand == 0 ? 0 : atFull / onDemand;
      out.add(new CostReport.ProvisionedComparison(t.name(), rcu, wcu, onDemand, provisioned, breakEven,
          basis.isEmpty() ? "70% target" : "auto scaling: " + String.join("; ", basis) + (basis.size() < 2 * need.size() ? "; others 70% target" : ""),
          notes));
    }
    return out;
  }

  private static List<CostReport.MeasuredSize> measured(CostRequest req, DataModel model) {
    List<CostReport.MeasuredSize> out = new ArrayList<>();
    for (CostInputs.Table t : req.tables()) {
      List<ItemWrite> items = model.itemsOf(t.name()).stream().filter(i -> i.kind() == ItemWrite.Kind.PUT).toList();
      if (items.isEmpty()) {
        continue;
      }
      long sum = 0;
      long max = 0;
      for (ItemWrite i : items) {
        long s = ItemSizes.of(i.attributes());
        sum += s;
        max = Math.max(max, s);
      }
      out.add(new CostReport.MeasuredSize(t.name(), t.itemSizeBytes(), sum / items.size(), max, items.size()));
    }
    return out;
  }
}
