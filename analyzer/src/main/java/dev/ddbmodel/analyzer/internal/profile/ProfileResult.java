package dev.ddbmodel.analyzer.internal.profile;

import dev.ddbmodel.core.Diagnostic;
import java.util.List;

/**
 * What one profiling run measured. Figures that come from a sample or from planner statistics say
 * so ({@code sampled}, {@code estimated}, {@code source}).
 */
public record ProfileResult(
    String engine,
    String schema,
    ProfileRequest limits,
    List<TableProfile> tables,
    List<Relationship> relationships,
    List<KeySkew> keys,
    List<String> skipped,
    List<Diagnostic> diagnostics,
    long statements,
    long elapsedMillis) {

  public ProfileResult {
    tables = List.copyOf(tables);
    relationships = List.copyOf(relationships);
    keys = List.copyOf(keys);
    skipped = List.copyOf(skipped);
    diagnostics = List.copyOf(diagnostics);
  }

  /** Cardinality classes of a relationship, by the largest number of children one parent has. */
  public enum Cardinality {
    /** No parent has more than one child. */
    ONE_TO_ONE("1:1"),
    /** At most {@link Profiler#FEW} children: fits in one item (list or map) or one small Query. */
    ONE_TO_FEW("1:few"),
    /** At most {@link Profiler#MANY} children: an item collection read with a few Query pages. */
    ONE_TO_MANY("1:many"),
    /** More than {@link Profiler#MANY} children for some parent: an unbounded collection. */
    ONE_TO_HUGE("1:huge");

    private final String label;

    Cardinality(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /**
   * Per table: row count, row size as the engine stores it, the estimated DynamoDB item size of a
   * row (every non-null column one attribute, core's ItemSizes rules) and the workload.
   */
  public record TableProfile(
      String name,
      long rows,
      boolean rowsEstimated,
      Double avgRowBytes,
      Long maxRowBytes,
      String rowSizeMethod,
      Double avgItemBytes,
      Long maxItemBytes,
      int itemSample,
      Workload workload) {}

  /**
   * Reads and writes counted by the engine's statistics since {@code seconds} ago.
   *
   * @param readsUnit what a read is (PostgreSQL: a table or index scan; MariaDB: a row read)
   * @param writesUnit what a write is (rows inserted, updated, deleted)
   */
  public record Workload(long reads, long writes, String readsUnit, String writesUnit, double seconds) {
    public double readsPerSecond() {
      return seconds > 0 ? reads / seconds : 0;
    }

    public double writesPerSecond() {
      return seconds > 0 ? writes / seconds : 0;
    }

    /** Reads per write; infinite with reads and no writes, 0 with neither. */
    public double ratio() {
      return writes == 0 ? (reads == 0 ? 0 : Double.POSITIVE_INFINITY) : (double) reads / writes;
    }
  }

  /**
   * Children per parent along one foreign key.
   *
   * @param parents parents in the parent table (exact or estimated)
   * @param measured parents the figures are computed over (all, or a sample)
   * @param noneShare share of measured parents with no child
   * @param maxSource null when {@code max} was counted; else where the estimate comes from: a
   *     parent sample can miss the one parent with most children, so a sampled relationship takes
   *     the heaviest value of its foreign key column (share × child rows) when that is larger
   */
  public record Relationship(
      String name,
      String child,
      List<String> childColumns,
      String parent,
      List<String> parentColumns,
      long parents,
      long measured,
      boolean sampled,
      long min,
      long median,
      long p99,
      long max,
      double mean,
      double noneShare,
      Cardinality cardinality,
      String maxSource) {
    /** A relationship whose maximum was counted. */
    public Relationship(String name, String child, List<String> childColumns, String parent, List<String> parentColumns, long parents, long measured,
        boolean sampled, long min, long median, long p99, long max, double mean, double noneShare, Cardinality cardinality) {
      this(name, child, childColumns, parent, parentColumns, parents, measured, sampled, min, median, p99, max, mean, noneShare, cardinality, null);
    }

    /** The same relationship with a larger, estimated maximum (and the class that follows from it). */
    public Relationship withEstimatedMax(long estimate, String source) {
      return new Relationship(name, child, childColumns, parent, parentColumns, parents, measured, sampled, min, median, p99, estimate, mean, noneShare,
          Profiler.classify(estimate), source);
    }
  }

  /**
   * Distinct values and the heaviest values of a key column.
   *
   * @param role {@code PK}, {@code FK} or {@code INDEX} (joined with {@code ,} when several)
   * @param source where the figures come from ({@code pg_stats}, {@code exact GROUP BY},
   *     {@code sampled GROUP BY (n rows)})
   */
  public record KeySkew(String table, String column, String role, long distinct, boolean distinctEstimated, String source,
      List<HeavyValue> heaviest) {}

  /**
   * One heavy value: its share of the table's rows, and the table-wide request rate at which this
   * value alone would exceed one DynamoDB partition ({@code saturatesAtReadsPerSecond}).
   */
  public record HeavyValue(String value, double share, double saturatesAtReadsPerSecond, double saturatesAtWritesPerSecond, boolean hot) {}
}
