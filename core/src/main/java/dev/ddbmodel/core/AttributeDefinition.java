package dev.ddbmodel.core;

import java.util.Objects;

/** One {@code AttributeDefinitions} entry. */
public record AttributeDefinition(String attributeName, ScalarType attributeType) {
  public AttributeDefinition {
    Objects.requireNonNull(attributeName, "attributeName");
    Objects.requireNonNull(attributeType, "attributeType");
  }
}
