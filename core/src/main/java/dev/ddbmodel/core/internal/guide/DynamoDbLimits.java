package dev.ddbmodel.core.internal.guide;

import java.util.Map;
import java.util.TreeMap;

/**
 * The one table of DynamoDB limits and figures the project uses: model checks, the item-size
 * calculator, the cost calculator, validation and the guides all read them from here. Each number
 * in a guide is annotated with {@code <!--n:NAME-->} and a test checks it against {@link #VALUES},
 * so a guide cannot drift from the code.
 *
 * <p>Sources: the DynamoDB Developer Guide pages "Service, account, and table quotas", "DynamoDB
 * item sizes and formats" and "Read/write capacity mode" (as of 2025).
 */
public final class DynamoDbLimits {
  private DynamoDbLimits() {}

  /** Largest item DynamoDB stores, attribute names included (400 KB). */
  public static final int MAX_ITEM_BYTES = 400 * 1024;

  /** Largest partition key value (bytes of the value, for S UTF-8 bytes, for B raw bytes). */
  public static final int MAX_PARTITION_KEY_BYTES = 2048;

  /** Largest sort key value. */
  public static final int MAX_SORT_KEY_BYTES = 1024;

  /** Bytes one read capacity unit covers. */
  public static final int READ_UNIT_BYTES = 4096;

  /** Bytes one write capacity unit covers. */
  public static final int WRITE_UNIT_BYTES = 1024;

  /** Reads and writes of a transaction cost this many times a plain one, per item. */
  public static final int TRANSACTION_FACTOR = 2;

  /** Items in one BatchWriteItem call. */
  public static final int BATCH_WRITE_ITEMS = 25;

  /** Keys in one BatchGetItem call. */
  public static final int BATCH_GET_ITEMS = 100;

  /** Actions in one TransactWriteItems / TransactGetItems call. */
  public static final int TRANSACTION_ITEMS = 100;

  /** Operands of one IN comparator in a condition expression. */
  public static final int CONDITION_IN_OPERANDS = 100;

  /** Shortest table or index name. */
  public static final int NAME_MIN_LENGTH = 3;

  /** Longest table or index name. */
  public static final int NAME_MAX_LENGTH = 255;

  /** Default quota of global secondary indexes per table. */
  public static final int GSI_QUOTA = 20;

  /** Local secondary indexes per table (a hard limit). */
  public static final int LSI_MAX = 5;

  /** Attributes projected into all of a table's indexes together (INCLUDE NonKeyAttributes). */
  public static final int PROJECTED_ATTRIBUTES_MAX = 100;

  /** HASH (and RANGE) attributes of a multi-attribute GSI key. */
  public static final int GSI_KEY_ATTRIBUTES = 4;

  /** The longest name of a key attribute (table or index key), in UTF-8 bytes. */
  public static final int KEY_ATTRIBUTE_NAME_BYTES = 255;

  /** Per-partition read throughput (RCU per second). */
  public static final int PARTITION_RCU = 3000;

  /** Per-partition write throughput (WCU per second). */
  public static final int PARTITION_WCU = 1000;

  /** Per-item storage overhead DynamoDB bills. */
  public static final int STORAGE_OVERHEAD_BYTES = 100;

  /** Significant digits of a number. */
  public static final int NUMBER_DIGITS = 38;

  /** Nesting depth of maps and lists. */
  public static final int NESTING_DEPTH = 32;

  /** Auto scaling target utilization range (percent) the DynamoDB console and CDK accept. */
  public static final int AUTOSCALING_TARGET_MIN = 20;

  /** Upper end of the auto scaling target utilization range (percent). */
  public static final int AUTOSCALING_TARGET_MAX = 90;

  /** Name to value. */
  public static final Map<String, Double> VALUES;

  static {
    Map<String, Double> m = new TreeMap<>();
    m.put("ITEM_SIZE_KB", MAX_ITEM_BYTES / 1024.0);
    m.put("PARTITION_RCU", (double) PARTITION_RCU);
    m.put("PARTITION_WCU", (double) PARTITION_WCU);
    m.put("PAGE_MB", 1.0);
    m.put("BATCH_GET_ITEMS", (double) BATCH_GET_ITEMS);
    m.put("BATCH_WRITE_ITEMS", (double) BATCH_WRITE_ITEMS);
    m.put("BATCH_MB", 16.0);
    m.put("TRANSACTION_ITEMS", (double) TRANSACTION_ITEMS);
    m.put("TRANSACTION_MB", 4.0);
    m.put("GSI_QUOTA", (double) GSI_QUOTA);
    m.put("LSI_MAX", (double) LSI_MAX);
    m.put("LSI_COLLECTION_GB", 10.0);
    m.put("GSI_KEY_ATTRIBUTES", (double) GSI_KEY_ATTRIBUTES);
    m.put("READ_UNIT_KB", READ_UNIT_BYTES / 1024.0);
    m.put("WRITE_UNIT_KB", WRITE_UNIT_BYTES / 1024.0);
    m.put("PK_MAX_BYTES", (double) MAX_PARTITION_KEY_BYTES);
    m.put("SK_MAX_BYTES", (double) MAX_SORT_KEY_BYTES);
    m.put("NESTING_DEPTH", (double) NESTING_DEPTH);
    m.put("NUMBER_DIGITS", (double) NUMBER_DIGITS);
    m.put("STREAM_RETENTION_HOURS", 24.0);
    m.put("PITR_MAX_DAYS", 35.0);
    m.put("PROJECTED_ATTRIBUTES_MAX", (double) PROJECTED_ATTRIBUTES_MAX);
    m.put("TABLE_NAME_MIN", (double) NAME_MIN_LENGTH);
    m.put("TABLE_NAME_MAX", (double) NAME_MAX_LENGTH);
    m.put("CONDITION_IN_OPERANDS", (double) CONDITION_IN_OPERANDS);
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
    m.put("TRANSACTION_FACTOR", (double) TRANSACTION_FACTOR);
    m.put("STORAGE_OVERHEAD_BYTES", (double) STORAGE_OVERHEAD_BYTES);
    m.put("AUTOSCALING_TARGET_PERCENT", 70.0);
    m.put("AUTOSCALING_TARGET_MIN", (double) AUTOSCALING_TARGET_MIN);
    m.put("AUTOSCALING_TARGET_MAX", (double) AUTOSCALING_TARGET_MAX);
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
