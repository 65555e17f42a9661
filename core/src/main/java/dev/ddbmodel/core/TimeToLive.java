package dev.ddbmodel.core;

import java.util.Objects;

/** The optional {@code TimeToLiveSpecification} of a table (not a CreateTable parameter). */
public record TimeToLive(String attributeName, boolean enabled) {
  public TimeToLive {
    Objects.requireNonNull(attributeName, "attributeName");
  }
}
