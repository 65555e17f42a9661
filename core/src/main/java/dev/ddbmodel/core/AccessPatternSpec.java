package dev.ddbmodel.core;

import java.util.Objects;
import java.util.Optional;

/**
 * One element of {@code access_patterns}. A pattern served outside DynamoDB has a {@code reason}
 * and no implementation.
 *
 * @param pattern id such as {@code "1"}, {@code "1-2"} or {@code "5a"}
 * @param description what the pattern does
 * @param table table name, when served by DynamoDB
 * @param index index name, when the pattern reads an index
 * @param operation DynamoDB operation name (Query, GetItem, ...), as written
 * @param implementation one {@code aws dynamodb ...} command
 * @param reason why no DynamoDB command exists (external service)
 * @param pointer JSON Pointer of the element in the source file
 * @param expect the intended outcome ({@code "expect"}), when the model states one
 */
public record AccessPatternSpec(
    String pattern,
    String description,
    Optional<String> table,
    Optional<String> index,
    Optional<String> operation,
    Optional<String> implementation,
    Optional<String> reason,
    String pointer,
    Optional<Expectation> expect) {
  public AccessPatternSpec {
    Objects.requireNonNull(pattern, "pattern");
    description = Objects.requireNonNullElse(description, "");
    table = Objects.requireNonNullElse(table, Optional.empty());
    index = Objects.requireNonNullElse(index, Optional.empty());
    operation = Objects.requireNonNullElse(operation, Optional.empty());
    implementation = Objects.requireNonNullElse(implementation, Optional.empty());
    reason = Objects.requireNonNullElse(reason, Optional.empty());
    pointer = Objects.requireNonNullElse(pointer, "");
    expect = Objects.requireNonNullElse(expect, Optional.empty());
  }

  /** A pattern without a stated intended outcome. */
  public AccessPatternSpec(String pattern, String description, Optional<String> table, Optional<String> index,
      Optional<String> operation, Optional<String> implementation, Optional<String> reason, String pointer) {
    this(pattern, description, table, index, operation, implementation, reason, pointer, Optional.empty());
  }

  /** True when the pattern is served by another service and has no DynamoDB command. */
  public boolean isExternal() {
    return implementation.isEmpty() && reason.isPresent();
  }
}
