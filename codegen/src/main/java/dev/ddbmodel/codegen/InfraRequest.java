package dev.ddbmodel.codegen;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What infrastructure to generate.
 *
 * @param modelJson the dynamodb_data_model.json
 * @param type CDK app or CloudFormation templates
 * @param outputDir target folder (default: {@code cdk} or {@code cloudformation} beside the model)
 * @param overwrite write into an existing output folder (refused otherwise); replaces generated files the user changed, never files ddbm did not write
 * @param retain keep tables when the stack is deleted (RETAIN) instead of deleting them
 * @param deletionProtection turn on DynamoDB deletion protection
 * @param pointInTimeRecovery turn on point-in-time recovery
 * @param stackName CloudFormation stack / CDK stack name
 */
public record InfraRequest(Path modelJson, Type type, Optional<Path> outputDir, boolean overwrite, boolean retain,
    boolean deletionProtection, boolean pointInTimeRecovery, String stackName) {
  /** Output kinds. */
  public enum Type {
    CDK,
    CLOUDFORMATION
  }

  public InfraRequest {
    Objects.requireNonNull(modelJson);
    Objects.requireNonNull(type);
    outputDir = Objects.requireNonNullElse(outputDir, Optional.empty());
    stackName = stackName == null || stackName.isBlank() ? "DynamoDbDataModelStack" : stackName;
  }

  /** Defaults: retain tables, PITR on, deletion protection off. */
  public static InfraRequest of(Path modelJson, Type type) {
    return new InfraRequest(modelJson, type, Optional.empty(), false, true, false, true, null);
  }

  /** The output folder. */
  public Path resolvedOutput() {
    Path base = modelJson.toAbsolutePath().getParent();
    return outputDir.orElse(base.resolve(type == Type.CDK ? "cdk" : "cloudformation"));
  }
}
