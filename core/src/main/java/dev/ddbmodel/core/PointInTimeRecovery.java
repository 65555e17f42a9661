package dev.ddbmodel.core;

import java.util.OptionalInt;

/**
 * The optional {@code PointInTimeRecoverySpecification} of a table (not a CreateTable parameter:
 * applied with UpdateContinuousBackups, or as the CloudFormation property of the same name).
 *
 * @param enabled whether continuous backups are on
 * @param recoveryPeriodInDays days of recovery window (1 to 35; DynamoDB's default 35 when absent)
 */
public record PointInTimeRecovery(boolean enabled, OptionalInt recoveryPeriodInDays) {
  public PointInTimeRecovery {
    recoveryPeriodInDays = recoveryPeriodInDays == null ? OptionalInt.empty() : recoveryPeriodInDays;
  }
}
