package dev.ddbmodel.validation;

import java.util.List;
import java.util.Objects;

/**
 * Tables created and items loaded before the patterns ran.
 *
 * @param tables one entry per table in model order
 * @param items one entry per table that has sample items
 */
public record ResourceOutcome(List<TableOutcome> tables, List<ItemLoad> items) {
  public ResourceOutcome {
    tables = List.copyOf(tables);
    items = List.copyOf(items);
  }

  /**
   * One table.
   *
   * @param name table name
   * @param status {@code created}, {@code replaced} or {@code failed}
   * @param message error text when failed, remarks otherwise
   * @param indexes number of secondary indexes created
   * @param ttl {@code enabled on <attr>}, {@code failed: ...} or empty
   */
  public record TableOutcome(String name, String status, String message, int indexes, String ttl) {
    public TableOutcome {
      Objects.requireNonNull(name);
      message = Objects.requireNonNullElse(message, "");
      ttl = Objects.requireNonNullElse(ttl, "");
    }

    public boolean failed() {
      return status.equals("failed");
    }
  }

  /**
   * Sample items of one table.
   *
   * @param table table name
   * @param requested items in the model
   * @param written items DynamoDB accepted
   * @param failures items it refused, with their pointer and the reason
   */
  public record ItemLoad(String table, int requested, int written, List<ItemFailure> failures) {
    public ItemLoad {
      failures = List.copyOf(failures);
    }
  }

  /** One refused item. */
  public record ItemFailure(String pointer, String errorCode, String message) {}
}
