package dev.ddbmodel.analyzer.internal.profile;

import java.time.Duration;

/**
 * The bounds of one profiling run; every one is stated in {@code profile.md}.
 *
 * @param schema PostgreSQL schema or MySQL/MariaDB database to profile ({@code null}: the
 *     connection's current one)
 * @param statementTimeout per-statement timeout (JDBC query timeout; the engine cancels the query)
 * @param budget wall-clock budget of the whole run; what is left when it runs out is skipped and said
 * @param exactRowLimit tables with at most this many (estimated) rows are measured exactly; larger
 *     ones are sampled
 * @param sampleParents parents sampled per foreign key of a large child table
 * @param sampleRows rows read per sampled GROUP BY / size query
 * @param itemSampleRows rows fetched per table to compute DynamoDB item sizes
 * @param topValues heaviest values reported per key column
 * @param maxTables tables profiled at most (largest first); the rest are listed as skipped
 * @param assumedReadsPerSecond peak reads per second per table for the hot-key check (0: the
 *     observed rate from the engine's statistics)
 * @param assumedWritesPerSecond peak writes per second per table (0: observed)
 */
public record ProfileRequest(
    String schema,
    Duration statementTimeout,
    Duration budget,
    long exactRowLimit,
    int sampleParents,
    int sampleRows,
    int itemSampleRows,
    int topValues,
    int maxTables,
    double assumedReadsPerSecond,
    double assumedWritesPerSecond) {

  public ProfileRequest {
    if (statementTimeout == null || statementTimeout.isNegative() || statementTimeout.isZero()) {
      throw new IllegalArgumentException("statementTimeout must be positive");
    }
    if (budget == null || budget.isNegative() || budget.isZero()) {
      throw new IllegalArgumentException("budget must be positive");
    }
    if (exactRowLimit < 0 || sampleParents < 1 || sampleRows < 1 || itemSampleRows < 0 || topValues < 1 || maxTables < 0) {
      throw new IllegalArgumentException("profile limits must be positive");
    }
    if (assumedReadsPerSecond < 0 || assumedWritesPerSecond < 0) {
      throw new IllegalArgumentException("assumed rates must not be negative");
    }
  }

  /** Safe defaults: 30 s per statement, 5 minutes in all, exact up to 1,000,000 rows. */
  public static ProfileRequest defaults() {
    return new ProfileRequest(null, Duration.ofSeconds(30), Duration.ofMinutes(5), 1_000_000, 10_000, 100_000, 200, 5, 2_000, 0, 0);
  }

  public ProfileRequest withSchema(String s) {
    return new ProfileRequest(s, statementTimeout, budget, exactRowLimit, sampleParents, sampleRows, itemSampleRows, topValues, maxTables,
        assumedReadsPerSecond, assumedWritesPerSecond);
  }

  public ProfileRequest withExactRowLimit(long n) {
    return new ProfileRequest(schema, statementTimeout, budget, n, sampleParents, sampleRows, itemSampleRows, topValues, maxTables,
        assumedReadsPerSecond, assumedWritesPerSecond);
  }

  public ProfileRequest withBudget(Duration d) {
    return new ProfileRequest(schema, statementTimeout, d, exactRowLimit, sampleParents, sampleRows, itemSampleRows, topValues, maxTables,
        assumedReadsPerSecond, assumedWritesPerSecond);
  }

  public ProfileRequest withMaxTables(int n) {
    return new ProfileRequest(schema, statementTimeout, budget, exactRowLimit, sampleParents, sampleRows, itemSampleRows, topValues, n,
        assumedReadsPerSecond, assumedWritesPerSecond);
  }

  public ProfileRequest withAssumedRates(double reads, double writes) {
    return new ProfileRequest(schema, statementTimeout, budget, exactRowLimit, sampleParents, sampleRows, itemSampleRows, topValues, maxTables,
        reads, writes);
  }
}
