package dev.ddbmodel.validation;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * What to validate and where.
 *
 * @param workspaceDir folder holding {@code dynamodb_data_model.json}; the reports are written
 *     there
 * @param endpoint another DynamoDB-compatible endpoint to use instead of the embedded DynamoDB
 *     Local (explicit opt-in)
 * @param replaceExistingTables with an endpoint: delete and recreate model tables that already
 *     exist there (without it, existing tables stop the run)
 * @param keepTables with an endpoint: leave the tables this run created in place
 * @param writeReports whether to write the JSON and markdown reports into the workspace
 * @param clock time source for the report timestamp
 */
public record ModelValidationRequest(
    Path workspaceDir,
    Optional<URI> endpoint,
    boolean replaceExistingTables,
    boolean keepTables,
    boolean writeReports,
    Clock clock) {
  public ModelValidationRequest {
    Objects.requireNonNull(workspaceDir, "workspaceDir");
    endpoint = Objects.requireNonNullElse(endpoint, Optional.empty());
    clock = Objects.requireNonNullElse(clock, Clock.systemUTC());
  }

  /** Embedded DynamoDB Local, reports written. */
  public static ModelValidationRequest embedded(Path workspaceDir) {
    return new ModelValidationRequest(workspaceDir, Optional.empty(), false, false, true, Clock.systemUTC());
  }
}
