package dev.ddbmodel.validation.internal.workbench;

import java.util.List;
import java.util.Set;

/**
 * Facts about the NoSQL Workbench model file (format version 3.0) that import and export share:
 * property names, the attribute types it knows, and the values it writes by default.
 */
public final class WorkbenchFormat {
  private WorkbenchFormat() {}

  /** The format version export writes and import expects. */
  public static final String VERSION = "3.0";

  /** {@code ModelMetadata.AWSService} of a DynamoDB model. */
  public static final String AWS_SERVICE = "Amazon DynamoDB";

  /** The service-linked role Workbench writes into every auto scaling setting. */
  public static final String SERVICE_ROLE = "AWSServiceRoleForApplicationAutoScaling_DynamoDBTable";

  public static final Set<String> ROOT_KEYS = Set.of("ModelName", "ModelMetadata", "DataModel");
  public static final Set<String> METADATA_KEYS =
      Set.of("Author", "DateCreated", "DateLastModified", "Description", "AWSService", "Version");
  public static final Set<String> TABLE_KEYS =
      Set.of("TableName", "KeyAttributes", "NonKeyAttributes", "TableFacets", "GlobalSecondaryIndexes",
          "LocalSecondaryIndexes", "TableData", "DataAccess", "SampleDataFormats", "BillingMode",
          "ProvisionedCapacitySettings");
  public static final Set<String> KEY_ATTRIBUTES_KEYS = Set.of("PartitionKey", "SortKey");
  public static final Set<String> ATTRIBUTE_KEYS = Set.of("AttributeName", "AttributeType");
  public static final Set<String> FACET_KEYS =
      Set.of("FacetName", "KeyAttributeAlias", "TableData", "NonKeyAttributes", "DataAccess");
  public static final Set<String> ALIAS_KEYS = Set.of("PartitionKeyAlias", "SortKeyAlias");
  public static final Set<String> INDEX_KEYS = Set.of("IndexName", "KeyAttributes", "Projection");
  public static final Set<String> PROJECTION_KEYS = Set.of("ProjectionType", "NonKeyAttributes");
  public static final Set<String> CAPACITY_KEYS =
      Set.of("ProvisionedThroughput", "AutoScalingRead", "AutoScalingWrite");
  public static final Set<String> THROUGHPUT_KEYS = Set.of("ReadCapacityUnits", "WriteCapacityUnits");
  public static final Set<String> SCALING_KEYS = Set.of("ScalableTargetRequest", "ScalingPolicyConfiguration");
  public static final Set<String> TARGET_KEYS = Set.of("MinCapacity", "MaxCapacity", "ServiceRole");
  public static final Set<String> POLICY_KEYS = Set.of("TargetValue");

  /** Types a key attribute may have. */
  public static final List<String> KEY_TYPES = List.of("S", "N", "B");

  /** Every attribute type Workbench declares. */
  public static final List<String> ATTRIBUTE_TYPES = List.of("S", "N", "B", "BOOL", "NULL", "M", "L", "SS", "NS", "BS");

  public static final List<String> BILLING_MODES = List.of("PROVISIONED", "PAY_PER_REQUEST");
  public static final List<String> PROJECTION_TYPES = List.of("ALL", "KEYS_ONLY", "INCLUDE");
}
