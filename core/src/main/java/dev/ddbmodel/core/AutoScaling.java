package dev.ddbmodel.core;

import java.util.Objects;
import java.util.Optional;

/**
 * The optional {@code AutoScaling} block of a table or GSI (not a CreateTable parameter): what
 * Application Auto Scaling holds for it, per side a scalable target (min and max capacity) and a
 * target-tracking policy (target utilization in percent).
 *
 * @param read read capacity scaling, when configured
 * @param write write capacity scaling, when configured
 */
public record AutoScaling(Optional<Side> read, Optional<Side> write) {
  public AutoScaling {
    read = Objects.requireNonNullElse(read, Optional.empty());
    write = Objects.requireNonNullElse(write, Optional.empty());
  }

  /**
   * One side (read or write).
   *
   * @param minCapacity lowest provisioned capacity units
   * @param maxCapacity highest provisioned capacity units
   * @param targetUtilization consumed / provisioned capacity to keep, in percent
   */
  public record Side(long minCapacity, long maxCapacity, double targetUtilization) {}

  /** The side for reads ({@code true}) or writes. */
  public Optional<Side> side(boolean reads) {
    return reads ? read : write;
  }
}
