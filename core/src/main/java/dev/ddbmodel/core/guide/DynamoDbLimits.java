package dev.ddbmodel.core.guide;

import java.util.Map;
import java.util.TreeMap;

/**
 * The DynamoDB numbers the guides state. Each number in a guide is annotated with
 * {@code <!--n:NAME-->} and a test checks it against this table, so a guide cannot drift from it.
 */
public final class DynamoDbLimits {
  private DynamoDbLimits() {}

  /** Name to value. */
  public static final Map<String, Double> VALUES;

  static {
    Map<String, Double> m = new TreeMap<>();
    m.put("ITEM_SIZE_KB", 400.0);
    m.put("PARTITION_RCU", 3000.0);
    m.put("PARTITION_WCU", 1000.0);
    m.put("PAGE_MB", 1.0);
    m.put("BATCH_GET_ITEMS", 100.0);
    m.put("BATCH_WRITE_ITEMS", 25.0);
    m.put("BATCH_MB", 16.0);
    m.put("TRANSACTION_ITEMS", 100.0);
    m.put("TRANSACTION_MB", 4.0);
    m.put("GSI_QUOTA", 20.0);
    m.put("LSI_MAX", 5.0);
    m.put("LSI_COLLECTION_GB", 10.0);
    m.put("GSI_KEY_ATTRIBUTES", 4.0);
    m.put("READ_UNIT_KB", 4.0);
    m.put("WRITE_UNIT_KB", 1.0);
    m.put("PK_MAX_BYTES", 2048.0);
    m.put("SK_MAX_BYTES", 1024.0);
    m.put("NESTING_DEPTH", 32.0);
    m.put("NUMBER_DIGITS", 38.0);
    m.put("STREAM_RETENTION_HOURS", 24.0);
    m.put("PITR_MAX_DAYS", 35.0);
    m.put("PROJECTED_ATTRIBUTES_MAX", 100.0);
    m.put("TABLE_NAME_MIN", 3.0);
    m.put("TABLE_NAME_MAX", 255.0);
    m.put("PRICE_RRU_PER_MILLION", 0.125);
    m.put("PRICE_WRU_PER_MILLION", 0.625);
    m.put("PRICE_STORAGE_GB_MONTH", 0.25);
    m.put("PRICE_WCU_HOUR", 0.00065);
    m.put("PRICE_RCU_HOUR", 0.00013);
    m.put("BREAK_EVEN_PERCENT", 29.0);
    m.put("ON_DEMAND_BURST_FACTOR", 2.0);
    m.put("IDEMPOTENCY_MINUTES", 10.0);
    m.put("TTL_PAST_YEARS", 5.0);
    m.put("EVENTUAL_READ_FACTOR", 0.5);
    m.put("TRANSACTION_FACTOR", 2.0);
    m.put("STORAGE_OVERHEAD_BYTES", 100.0);
    m.put("AUTOSCALING_TARGET_PERCENT", 70.0);
    m.put("STREAM_READERS_PER_SHARD", 2.0);
    VALUES = java.util.Collections.unmodifiableMap(m);
  }

  public static double get(String name) {
    Double v = VALUES.get(name);
    if (v == null) {
      throw new IllegalArgumentException("unknown limit " + name);
    }
    return v;
  }
}
