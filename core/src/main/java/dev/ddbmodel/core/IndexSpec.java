package dev.ddbmodel.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A global or local secondary index. A GSI key schema may hold up to four HASH and four RANGE
 * elements (multi-attribute keys), in the order DynamoDB evaluates them. {@code autoScaling} is the
 * GSI's {@code AutoScaling} block (never set on an LSI, which shares the table's capacity).
 */
public record IndexSpec(
    String name, boolean global, List<KeyElement> keySchema, Projection projection, Optional<AutoScaling> autoScaling) {
  public IndexSpec {
    Objects.requireNonNull(name, "name");
    keySchema = List.copyOf(keySchema);
    Objects.requireNonNull(projection, "projection");
    autoScaling = Objects.requireNonNullElse(autoScaling, Optional.empty());
  }

  /** An index without auto scaling. */
  public IndexSpec(String name, boolean global, List<KeyElement> keySchema, Projection projection) {
    this(name, global, keySchema, projection, Optional.empty());
  }

  /** HASH attribute names in declaration order. */
  public List<String> partitionKeys() {
    return keySchema.stream()
        .filter(k -> k.keyType() == KeyType.HASH)
        .map(KeyElement::attributeName)
        .toList();
  }

  /** RANGE attribute names in declaration order. */
  public List<String> sortKeys() {
    return keySchema.stream()
        .filter(k -> k.keyType() == KeyType.RANGE)
        .map(KeyElement::attributeName)
        .toList();
  }

  /** Every key attribute name (HASH first, then RANGE). */
  public List<String> keyAttributes() {
    return java.util.stream.Stream.concat(partitionKeys().stream(), sortKeys().stream()).toList();
  }
}
