package dev.ddbmodel.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Input records of the calculator (the tool's {@code access_pattern_list} and {@code table_list}). */
public final class CostInputs {
  private CostInputs() {}

  /**
   * One access pattern.
   *
   * @param pattern id (unique)
   * @param description what it does
   * @param operation the DynamoDB operation
   * @param table table name
   * @param rps average requests per second
   * @param itemSizeBytes average item size (for updates/deletes: the whole item)
   * @param itemCount items per request (Query/Scan: items read; batch and transactions: items)
   * @param stronglyConsistent strongly consistent reads
   * @param gsi the GSI a read targets
   * @param gsiList GSIs a write updates
   * @param distinctPartitionKeys optional: how many partition key values the traffic spreads over
   * @param hotKeyShare optional: the share (0-1] of the traffic that hits the busiest key
   * @param pointer JSON Pointer in the input
   */
  public record Pattern(String pattern, String description, Operation operation, String table, double rps,
      int itemSizeBytes, int itemCount, boolean stronglyConsistent, Optional<String> gsi, List<String> gsiList,
      Optional<Long> distinctPartitionKeys, Optional<Double> hotKeyShare, String pointer) {
    public Pattern {
      Objects.requireNonNull(pattern);
      gsi = Objects.requireNonNullElse(gsi, Optional.empty());
      gsiList = List.copyOf(gsiList);
      distinctPartitionKeys = Objects.requireNonNullElse(distinctPartitionKeys, Optional.empty());
      hotKeyShare = Objects.requireNonNullElse(hotKeyShare, Optional.empty());
    }
  }

  /** A global secondary index of a table. */
  public record Gsi(String name, int itemSizeBytes, long itemCount) {}

  /** A table with its GSIs. */
  public record Table(String name, int itemSizeBytes, long itemCount, List<Gsi> gsis) {
    public Table {
      gsis = List.copyOf(gsis);
    }

    public Optional<Gsi> gsi(String gsiName) {
      return gsis.stream().filter(g -> g.name().equals(gsiName)).findFirst();
    }
  }
}
