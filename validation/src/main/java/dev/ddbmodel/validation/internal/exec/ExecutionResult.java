package dev.ddbmodel.validation.internal.exec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddbmodel.core.json.Json;
import java.util.List;
import java.util.Objects;

/**
 * What one command did: on success the response as the AWS CLI would print it (DynamoDB JSON),
 * on failure the service's error code and message.
 *
 * @param success whether DynamoDB accepted the call
 * @param httpStatus HTTP status (200 on success; the service's status on errors; 0 when the call
 *     was never sent)
 * @param data CLI-shaped response on success (empty object otherwise)
 * @param errorCode DynamoDB error code, e.g. {@code ConditionalCheckFailedException}
 * @param message error message
 * @param itemCount items returned (reads) or written (writes)
 * @param read whether the operation reads items
 * @param cancellationReasons per-item codes of a cancelled transaction
 * @param consumedCapacity capacity units DynamoDB reported for the call (all pages, tables and
 *     indexes), or -1 when none was reported (failures, describe/list, {@code
 *     --return-consumed-capacity NONE})
 * @param awsConsumedCapacity what AWS DynamoDB charges for the call by its published rules, where
 *     DynamoDB Local is known to report another figure (transactions of several items); -1 when
 *     Local's figure is the AWS one
 */
public record ExecutionResult(
    boolean success,
    int httpStatus,
    ObjectNode data,
    String errorCode,
    String message,
    int itemCount,
    boolean read,
    List<String> cancellationReasons,
    double consumedCapacity,
    double awsConsumedCapacity) {
  public ExecutionResult {
    data = data == null ? Json.object() : data;
    errorCode = Objects.requireNonNullElse(errorCode, "");
    message = Objects.requireNonNullElse(message, "");
    cancellationReasons = List.copyOf(cancellationReasons);
  }

  /** A result whose capacity needs no AWS correction. */
  public ExecutionResult(boolean success, int httpStatus, ObjectNode data, String errorCode, String message, int itemCount, boolean read,
      List<String> cancellationReasons, double consumedCapacity) {
    this(success, httpStatus, data, errorCode, message, itemCount, read, cancellationReasons, consumedCapacity, -1);
  }

  static ExecutionResult ok(ObjectNode data, int itemCount, boolean read) {
    return new ExecutionResult(true, 200, data, "", "", itemCount, read, List.of(), -1);
  }

  static ExecutionResult failed(int status, String code, String message, boolean read, List<String> reasons) {
    return new ExecutionResult(false, status, null, code, message, 0, read, reasons, -1);
  }

  /** The same result with the capacity DynamoDB reported. */
  ExecutionResult withConsumedCapacity(double units) {
    return new ExecutionResult(success, httpStatus, data, errorCode, message, itemCount, read, cancellationReasons, units, awsConsumedCapacity);
  }

  /** The same result with the figure AWS charges (DynamoDB's rules). */
  ExecutionResult withAwsConsumedCapacity(double units) {
    return new ExecutionResult(success, httpStatus, data, errorCode, message, itemCount, read, cancellationReasons, consumedCapacity, units);
  }

  /** The capacity AWS charges: the corrected figure where Local differs, else Local's. */
  public double awsCapacity() {
    return awsConsumedCapacity >= 0 ? awsConsumedCapacity : consumedCapacity;
  }

  /** Capacity units as people write them: {@code 3}, {@code 0.5}. */
  public static String units(double u) {
    return u == Math.rint(u) ? Long.toString((long) u) : String.format(java.util.Locale.ROOT, "%.1f", u);
  }

  /** The consumed capacity with its unit, e.g. {@code 0.5 RCU}; empty when none was reported. */
  public String capacityText() {
    if (consumedCapacity < 0) {
      return "";
    }
    String unit = read ? " RCU" : " WCU";
    return awsConsumedCapacity >= 0 && awsConsumedCapacity != consumedCapacity
        ? units(consumedCapacity) + unit + " on DynamoDB Local, " + units(awsConsumedCapacity) + unit + " on AWS by DynamoDB's rules"
        : units(consumedCapacity) + unit;
  }

  /** True when the failure is a condition that held back a write (uniqueness, guards). */
  public boolean conditionFailed() {
    return !success
        && (errorCode.equals("ConditionalCheckFailedException")
            || (errorCode.equals("TransactionCanceledException")
                && cancellationReasons.contains("ConditionalCheckFailed")
                && cancellationReasons.stream().allMatch(r -> r.equals("ConditionalCheckFailed") || r.equals("None"))));
  }

  /** The response as JSON: status, http_status, then data or error. */
  public ObjectNode toJson() {
    ObjectNode o = Json.object();
    o.put("status", success ? "success" : "error");
    o.put("http_status", httpStatus);
    if (consumedCapacity >= 0) {
      o.put("consumed_capacity_units", consumedCapacity);
    }
    if (awsConsumedCapacity >= 0) {
      o.put("aws_consumed_capacity_units", awsConsumedCapacity);
    }
    if (success) {
      o.set("data", data);
    } else {
      o.put("error_code", errorCode);
      o.put("message", message);
      if (!cancellationReasons.isEmpty()) {
        cancellationReasons.forEach(o.putArray("cancellation_reasons")::add);
      }
    }
    return o;
  }
}
