package dev.ddbmodel.validation;

import java.util.Locale;

/** The deterministic outcome of one access pattern. */
public enum Verdict {
  /** DynamoDB accepted the call; reads returned at least one item. */
  SUCCESS("✅"),
  /** A read succeeded but returned nothing: the sample items may not cover the pattern. */
  SUCCESS_EMPTY("⚠️"),
  /** A condition refused the write (uniqueness, guards): the constraint works as designed. */
  CONSTRAINT_FAILURE("🔒"),
  /** DynamoDB rejected the call. */
  FAILURE("❌"),
  /** The command could not be parsed or is not allowed; it was not sent. */
  INVALID_COMMAND("❌"),
  /** Served by another service (the pattern has a reason, no command). */
  SKIPPED_EXTERNAL("🔄");

  private final String marker;

  Verdict(String marker) {
    this.marker = marker;
  }

  public String marker() {
    return marker;
  }

  /** snake_case name used in JSON. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True for outcomes that make the run fail. */
  public boolean failed() {
    return this == FAILURE || this == INVALID_COMMAND;
  }
}
