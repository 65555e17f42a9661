package dev.ddbmodel.core;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One element of {@code tables}: a DynamoDB CreateTable request.
 *
 * @param name the table name
 * @param attributeDefinitions key attribute types
 * @param keySchema base table key (one HASH, at most one RANGE)
 * @param globalSecondaryIndexes GSIs in file order
 * @param localSecondaryIndexes LSIs in file order
 * @param billingMode {@code PAY_PER_REQUEST} (default) or {@code PROVISIONED}
 * @param timeToLive TTL setting, applied after creation with UpdateTimeToLive
 * @param createTableRequest the CreateTable body exactly as it may be sent (non-CreateTable keys
 *     such as {@code TimeToLiveSpecification} and {@code AutoScaling} removed); a defensive copy
 * @param pointer JSON Pointer of the element in the source file
 * @param autoScaling the table's auto scaling (Application Auto Scaling), when configured
 * @param pointInTimeRecovery the table's point-in-time recovery setting, when the model states it
 */
public record TableSpec(
    String name,
    List<AttributeDefinition> attributeDefinitions,
    List<KeyElement> keySchema,
    List<IndexSpec> globalSecondaryIndexes,
    List<IndexSpec> localSecondaryIndexes,
    String billingMode,
    Optional<TimeToLive> timeToLive,
    ObjectNode createTableRequest,
    String pointer,
    Optional<AutoScaling> autoScaling,
    Optional<PointInTimeRecovery> pointInTimeRecovery) {

  public TableSpec {
    Objects.requireNonNull(name, "name");
    attributeDefinitions = List.copyOf(attributeDefinitions);
    keySchema = List.copyOf(keySchema);
    globalSecondaryIndexes = List.copyOf(globalSecondaryIndexes);
    localSecondaryIndexes = List.copyOf(localSecondaryIndexes);
    billingMode = Objects.requireNonNullElse(billingMode, "PAY_PER_REQUEST");
    timeToLive = Objects.requireNonNullElse(timeToLive, Optional.empty());
    createTableRequest = createTableRequest.deepCopy();
    pointer = Objects.requireNonNullElse(pointer, "");
    autoScaling = Objects.requireNonNullElse(autoScaling, Optional.empty());
    pointInTimeRecovery = Objects.requireNonNullElse(pointInTimeRecovery, Optional.empty());
  }

  /** A table without auto scaling or a stated point-in-time recovery setting. */
  public TableSpec(String name, List<AttributeDefinition> attributeDefinitions, List<KeyElement> keySchema,
      List<IndexSpec> globalSecondaryIndexes, List<IndexSpec> localSecondaryIndexes, String billingMode,
      Optional<TimeToLive> timeToLive, ObjectNode createTableRequest, String pointer) {
    this(name, attributeDefinitions, keySchema, globalSecondaryIndexes, localSecondaryIndexes, billingMode, timeToLive,
        createTableRequest, pointer, Optional.empty(), Optional.empty());
  }

  /** The CreateTable body (a copy; safe to modify). */
  @Override
  public ObjectNode createTableRequest() {
    return createTableRequest.deepCopy();
  }

  public String partitionKey() {
    return keySchema.stream()
        .filter(k -> k.keyType() == KeyType.HASH)
        .map(KeyElement::attributeName)
        .findFirst()
        .orElseThrow();
  }

  public Optional<String> sortKey() {
    return keySchema.stream()
        .filter(k -> k.keyType() == KeyType.RANGE)
        .map(KeyElement::attributeName)
        .findFirst();
  }

  /** Base table key attribute names (partition key first). */
  public List<String> keyAttributes() {
    return Stream.concat(Stream.of(partitionKey()), sortKey().stream()).toList();
  }

  public Optional<ScalarType> attributeType(String attributeName) {
    return attributeDefinitions.stream()
        .filter(a -> a.attributeName().equals(attributeName))
        .map(AttributeDefinition::attributeType)
        .findFirst();
  }

  /** A GSI or LSI by name. */
  public Optional<IndexSpec> findIndex(String indexName) {
    return Stream.concat(globalSecondaryIndexes.stream(), localSecondaryIndexes.stream())
        .filter(i -> i.name().equals(indexName))
        .findFirst();
  }

  /** All indexes, GSIs first. */
  public List<IndexSpec> indexes() {
    return Stream.concat(globalSecondaryIndexes.stream(), localSecondaryIndexes.stream()).toList();
  }
}
