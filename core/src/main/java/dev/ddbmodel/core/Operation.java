package dev.ddbmodel.core;

import dev.ddbmodel.core.internal.guide.DynamoDbLimits;

/** The ten DynamoDB data-plane operations the calculator prices. */
public enum Operation {
  GetItem(true, false),
  Query(true, false),
  Scan(true, false),
  BatchGetItem(true, false),
  TransactGetItems(true, true),
  PutItem(false, false),
  UpdateItem(false, false),
  DeleteItem(false, false),
  BatchWriteItem(false, false),
  TransactWriteItems(false, true);

  private final boolean read;
  private final boolean transactional;

  Operation(boolean read, boolean transactional) {
    this.read = read;
    this.transactional = transactional;
  }

  public boolean read() {
    return read;
  }

  public boolean transactional() {
    return transactional;
  }

  /** Whether the operation takes {@code item_count}. */
  public boolean needsItemCount() {
    return this == Query || this == Scan || this == BatchGetItem || this == BatchWriteItem
        || this == TransactGetItems || this == TransactWriteItems;
  }

  /** Largest {@code item_count} the operation accepts, or 0 for no limit. */
  public int maxItemCount() {
    return switch (this) {
      case BatchGetItem -> DynamoDbLimits.BATCH_GET_ITEMS;
      case TransactGetItems, TransactWriteItems -> DynamoDbLimits.TRANSACTION_ITEMS;
      case BatchWriteItem -> DynamoDbLimits.BATCH_WRITE_ITEMS;
      default -> 0;
    };
  }

  /** Whether {@code strongly_consistent} applies. */
  public boolean consistencyChoice() {
    return this == GetItem || this == Query || this == Scan || this == BatchGetItem;
  }
}
