package dev.ddbmodel.core;

import java.util.Objects;

/** One {@code KeySchema} entry. */
public record KeyElement(String attributeName, KeyType keyType) {
  public KeyElement {
    Objects.requireNonNull(attributeName, "attributeName");
    Objects.requireNonNull(keyType, "keyType");
  }
}
