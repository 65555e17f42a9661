package dev.ddbmodel.core;

import java.util.Locale;
import java.util.Optional;

/** The intended outcome of an access pattern ({@code "expect"} in the model). */
public enum Expectation {
  /** The call succeeds; a read returns at least one item. */
  ITEMS,
  /** The call succeeds and returns no item. */
  EMPTY,
  /** DynamoDB refuses the call by condition (ConditionalCheckFailed, or a transaction cancelled by conditions). */
  REFUSED;

  /** The value as written in the model. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a model value ({@code items}, {@code empty}, {@code refused}). */
  public static Optional<Expectation> of(String s) {
    for (Expectation e : values()) {
      if (e.label().equals(s)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }
}
