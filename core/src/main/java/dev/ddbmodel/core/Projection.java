package dev.ddbmodel.core;

import java.util.List;
import java.util.Objects;

/** An index projection; {@code nonKeyAttributes} is empty unless the type is INCLUDE. */
public record Projection(ProjectionType type, List<String> nonKeyAttributes) {
  public static final Projection ALL = new Projection(ProjectionType.ALL, List.of());

  public Projection {
    Objects.requireNonNull(type, "type");
    nonKeyAttributes = List.copyOf(nonKeyAttributes);
  }
}
