package dev.ddbmodel.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddbmodel.core.json.Json;
import dev.ddbmodel.validation.internal.exec.ExecutionResult;
import java.util.List;
import java.util.Objects;

/**
 * What DynamoDB did with the command of one access pattern.
 *
 * @param success whether DynamoDB accepted the call
 * @param httpStatus HTTP status: 200 on success, the service's status on errors, 0 when the call
 *     was never sent
 * @param response the response as the AWS CLI prints it (DynamoDB JSON, compact text); {@code {}}
 *     when the call failed
 * @param errorCode DynamoDB error code, e.g. {@code ConditionalCheckFailedException} (empty on
 *     success)
 * @param message the service's error message (empty on success)
 * @param itemCount items returned (reads) or written (writes)
 * @param read whether the operation reads items
 * @param cancellationReasons per-item codes of a cancelled transaction
 * @param consumedCapacity capacity units DynamoDB Local reported for the call, -1 when none was
 *     reported
 * @param awsConsumedCapacity what AWS charges by its published rules where DynamoDB Local reports
 *     another figure; -1 when Local's figure is the AWS one
 */
public record PatternExecution(
    boolean success,
    int httpStatus,
    String response,
    String errorCode,
    String message,
    int itemCount,
    boolean read,
    List<String> cancellationReasons,
    double consumedCapacity,
    double awsConsumedCapacity) {
  public PatternExecution {
    response = response == null || response.isBlank() ? "{}" : response;
    errorCode = Objects.requireNonNullElse(errorCode, "");
    message = Objects.requireNonNullElse(message, "");
    cancellationReasons = List.copyOf(cancellationReasons);
  }

  /** The capacity AWS charges: the corrected figure where DynamoDB Local differs, else Local's. */
  public double awsCapacity() {
    return awsConsumedCapacity >= 0 ? awsConsumedCapacity : consumedCapacity;
  }

  /** The consumed capacity with its unit, e.g. {@code 0.5 RCU}; empty when none was reported. */
  public String capacityText() {
    return withData(null).capacityText();
  }

  /** The exported view of what the executor returned. */
  static PatternExecution of(ExecutionResult r) {
    return new PatternExecution(r.success(), r.httpStatus(), Json.compact(r.data()), r.errorCode(), r.message(), r.itemCount(),
        r.read(), r.cancellationReasons(), r.consumedCapacity(), r.awsConsumedCapacity());
  }

  /** Back to the executor's shape, for the report renderers (the response parsed once more). */
  ExecutionResult internal() {
    return withData(responseTree());
  }

  private ExecutionResult withData(ObjectNode data) {
    return new ExecutionResult(success, httpStatus, data, errorCode, message, itemCount, read, cancellationReasons,
        consumedCapacity, awsConsumedCapacity);
  }

  /** Floats are read back as doubles: the response was written from doubles and must print as before. */
  private ObjectNode responseTree() {
    try {
      return (ObjectNode) Json.mapper().reader().without(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(response);
    } catch (JsonProcessingException | ClassCastException e) {
      throw new IllegalStateException("a pattern response is not a JSON object", e);
    }
  }
}
