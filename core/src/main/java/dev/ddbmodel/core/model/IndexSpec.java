package dev.ddbmodel.core.model;

import java.util.List;
import java.util.Objects;

/**
 * A global or local secondary index. A GSI key schema may hold up to four HASH and four RANGE
 * elements (multi-attribute keys), in the order DynamoDB evaluates them.
 */
public record IndexSpec(
    String name, boolean global, List<KeyElement> keySchema, Projection projection) {
  public IndexSpec {
    Objects.requireNonNull(name, "name");
    keySchema = List.copyOf(keySchema);
    Objects.requireNonNull(projection, "projection");
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
