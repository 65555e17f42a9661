package dev.ddbmodel.validation;

import java.util.Objects;

/**
 * One place where DynamoDB Local behaved differently from DynamoDB for a model being validated
 * (the catalogue is {@code local_differences.json}; docs/validation.md).
 *
 * @param id the catalogue id of the difference
 * @param where the access pattern or table it was seen in
 * @param detail what was seen, empty when there is nothing to add
 */
public record LocalDifference(String id, String where, String detail) {
  /** Requires an id; a missing detail becomes empty. */
  public LocalDifference {
    Objects.requireNonNull(id);
    detail = Objects.requireNonNullElse(detail, "");
  }
}
