package dev.ddbmodel.codegen.internal.infra;

import dev.ddbmodel.codegen.InfraGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddbmodel.core.json.Json;
import dev.ddbmodel.core.AutoScaling;
import dev.ddbmodel.core.IndexSpec;
import dev.ddbmodel.core.TableSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The one table that maps the model's CreateTable settings onto CloudFormation and the CDK: for
 * each setting the model name, the CloudFormation property and how the value converts (streams
 * lose {@code StreamEnabled}, SSE's {@code Enabled} becomes {@code SSEEnabled}, the resource
 * policy string becomes a {@code PolicyDocument} object), and for every CloudFormation name the
 * CDK L1 property name. Both generators render from here; a name missing from {@link #CDK} is a
 * bug, reported instead of guessed by case conversion.
 */
public final class TableProperties {
  private TableProperties() {}

  /**
   * One setting.
   *
   * @param model the key in the model's table (or GSI/LSI) object
   * @param cfn the CloudFormation property
   * @param convert model value to CloudFormation value; empty drops the property
   */
  public record Property(String model, String cfn, Function<JsonNode, Optional<JsonNode>> convert) {
    static Property same(String name) {
      return new Property(name, name, v -> Optional.of(v.deepCopy()));
    }
  }

  /** Table key properties, written first (then the indexes, then {@link #TABLE_SETTINGS}). */
  public static final List<Property> TABLE_KEYS = List.of(
      Property.same("AttributeDefinitions"),
      Property.same("KeySchema"),
      Property.same("ProvisionedThroughput"));

  /** The other table settings, in the order they are written. */
  public static final List<Property> TABLE_SETTINGS = List.of(
      Property.same("OnDemandThroughput"),
      Property.same("WarmThroughput"),
      new Property("StreamSpecification", "StreamSpecification", TableProperties::stream),
      new Property("SSESpecification", "SSESpecification", TableProperties::sse),
      Property.same("TableClass"),
      new Property("Tags", "Tags", TableProperties::tags),
      new Property("ResourcePolicy", "ResourcePolicy", TableProperties::policy));

  /** Every table setting. */
  public static final List<Property> TABLE = java.util.stream.Stream.concat(TABLE_KEYS.stream(), TABLE_SETTINGS.stream()).toList();

  /** Global secondary index settings. */
  public static final List<Property> GSI = List.of(
      Property.same("IndexName"),
      Property.same("KeySchema"),
      Property.same("Projection"),
      Property.same("ProvisionedThroughput"),
      Property.same("OnDemandThroughput"),
      Property.same("WarmThroughput"));

  /** Local secondary index settings. */
  public static final List<Property> LSI = List.of(
      Property.same("IndexName"),
      Property.same("KeySchema"),
      Property.same("Projection"));

  /**
   * Model keys of a table rendered by the generator itself: names and billing, the indexes (by
   * {@link #GSI} and {@link #LSI}), deletion protection and PITR (combined with the request's
   * options), TTL (from the model's record) and auto scaling (separate resources).
   */
  public static final Set<String> HANDLED_ELSEWHERE = Set.of("TableName", "BillingMode", "GlobalSecondaryIndexes", "LocalSecondaryIndexes",
      "DeletionProtectionEnabled", "PointInTimeRecoverySpecification", "AutoScaling", "TimeToLiveSpecification");

  /** CloudFormation property names (any depth) to the CDK L1 property names. */
  static final Map<String, String> CDK = Map.ofEntries(
      Map.entry("TableName", "tableName"), Map.entry("BillingMode", "billingMode"),
      Map.entry("AttributeDefinitions", "attributeDefinitions"), Map.entry("AttributeName", "attributeName"),
      Map.entry("AttributeType", "attributeType"), Map.entry("KeySchema", "keySchema"), Map.entry("KeyType", "keyType"),
      Map.entry("ProvisionedThroughput", "provisionedThroughput"), Map.entry("ReadCapacityUnits", "readCapacityUnits"),
      Map.entry("WriteCapacityUnits", "writeCapacityUnits"), Map.entry("GlobalSecondaryIndexes", "globalSecondaryIndexes"),
      Map.entry("LocalSecondaryIndexes", "localSecondaryIndexes"), Map.entry("IndexName", "indexName"),
      Map.entry("Projection", "projection"), Map.entry("ProjectionType", "projectionType"),
      Map.entry("NonKeyAttributes", "nonKeyAttributes"), Map.entry("OnDemandThroughput", "onDemandThroughput"),
      Map.entry("MaxReadRequestUnits", "maxReadRequestUnits"), Map.entry("MaxWriteRequestUnits", "maxWriteRequestUnits"),
      Map.entry("WarmThroughput", "warmThroughput"), Map.entry("ReadUnitsPerSecond", "readUnitsPerSecond"),
      Map.entry("WriteUnitsPerSecond", "writeUnitsPerSecond"), Map.entry("StreamSpecification", "streamSpecification"),
      Map.entry("StreamViewType", "streamViewType"), Map.entry("SSESpecification", "sseSpecification"),
      Map.entry("SSEEnabled", "sseEnabled"), Map.entry("SSEType", "sseType"), Map.entry("KMSMasterKeyId", "kmsMasterKeyId"),
      Map.entry("TableClass", "tableClass"), Map.entry("DeletionProtectionEnabled", "deletionProtectionEnabled"),
      Map.entry("Tags", "tags"), Map.entry("Key", "key"), Map.entry("Value", "value"),
      Map.entry("ResourcePolicy", "resourcePolicy"), Map.entry("PolicyDocument", "policyDocument"),
      Map.entry("TimeToLiveSpecification", "timeToLiveSpecification"), Map.entry("Enabled", "enabled"),
      Map.entry("PointInTimeRecoverySpecification", "pointInTimeRecoverySpecification"),
      Map.entry("PointInTimeRecoveryEnabled", "pointInTimeRecoveryEnabled"), Map.entry("RecoveryPeriodInDays", "recoveryPeriodInDays"),
      Map.entry("MaxCapacity", "maxCapacity"), Map.entry("MinCapacity", "minCapacity"), Map.entry("ResourceId", "resourceId"),
      Map.entry("ScalableDimension", "scalableDimension"), Map.entry("ServiceNamespace", "serviceNamespace"),
      Map.entry("PolicyName", "policyName"), Map.entry("PolicyType", "policyType"), Map.entry("ScalingTargetId", "scalingTargetId"),
      Map.entry("TargetTrackingScalingPolicyConfiguration", "targetTrackingScalingPolicyConfiguration"),
      Map.entry("TargetValue", "targetValue"), Map.entry("PredefinedMetricSpecification", "predefinedMetricSpecification"),
      Map.entry("PredefinedMetricType", "predefinedMetricType"));

  /** CloudFormation properties whose value is free-form JSON, passed to the CDK unchanged. */
  static final Set<String> OPAQUE = Set.of("PolicyDocument");

  /** CreateTable's {@code StreamEnabled} is not a CloudFormation property: a stream exists when a view type is given. */
  static Optional<JsonNode> stream(JsonNode v) {
    if (!v.path("StreamEnabled").asBoolean(false)) {
      return Optional.empty();
    }
    return Optional.of(Json.object().put("StreamViewType", v.path("StreamViewType").asText()));
  }

  /** CreateTable {@code Enabled} is CloudFormation {@code SSEEnabled}; the other names are the same. */
  static Optional<JsonNode> sse(JsonNode v) {
    ObjectNode o = Json.object();
    o.put("SSEEnabled", v.path("Enabled").asBoolean(false));
    if (v.has("SSEType")) {
      o.put("SSEType", v.get("SSEType").asText());
    }
    if (v.has("KMSMasterKeyId")) {
      o.put("KMSMasterKeyId", v.get("KMSMasterKeyId").asText());
    }
    return Optional.of(o);
  }

  /** Tags sorted by key, the order the CDK synthesizes them in (the order means nothing to DynamoDB). */
  static Optional<JsonNode> tags(JsonNode v) {
    List<JsonNode> list = new ArrayList<>();
    v.forEach(list::add);
    list.sort(java.util.Comparator.comparing(t -> t.path("Key").asText()));
    ArrayNode a = Json.array();
    list.forEach(t -> a.add(t.deepCopy()));
    return Optional.of(a);
  }

  /** CreateTable takes the policy as a string, CloudFormation as an object under {@code PolicyDocument}. */
  static Optional<JsonNode> policy(JsonNode v) {
    ObjectNode o = Json.object();
    o.set("PolicyDocument", Json.parseTrusted(v.asText()));
    return Optional.of(o);
  }

  /** Applies a property list to a model object. */
  public static void render(JsonNode src, List<Property> props, ObjectNode out) {
    for (Property p : props) {
      JsonNode v = src.get(p.model());
      if (v != null && !v.isNull()) {
        p.convert().apply(v).ifPresent(c -> out.set(p.cfn(), c));
      }
    }
  }

  /** Model keys of a table or index object the given lists do not cover (a new setting nobody mapped). */
  public static List<String> unmapped(JsonNode src, List<Property> props, Set<String> elsewhere) {
    List<String> out = new ArrayList<>();
    src.fieldNames().forEachRemaining(n -> {
      if (props.stream().noneMatch(p -> p.model().equals(n)) && !elsewhere.contains(n)) {
        out.add(n);
      }
    });
    return out;
  }

  /** One auto scaling side as CloudFormation resources: logical id to resource. */
  public static Map<String, ObjectNode> scaling(String tableId, TableSpec t, Optional<IndexSpec> index, AutoScaling a) {
    Map<String, ObjectNode> out = new java.util.LinkedHashMap<>();
    String owner = tableId + index.map(i -> InfraGenerator.idPart(i.name()) + "Index").orElse("");
    for (boolean reads : List.of(true, false)) {
      Optional<AutoScaling.Side> side = a.side(reads);
      if (side.isEmpty()) {
        continue;
      }
      String rw = reads ? "Read" : "Write";
      String targetId = owner + rw + "ScalableTarget";
      ObjectNode target = Json.object();
      target.put("Type", "AWS::ApplicationAutoScaling::ScalableTarget");
      ObjectNode tp = target.putObject("Properties");
      tp.put("MaxCapacity", side.get().maxCapacity());
      tp.put("MinCapacity", side.get().minCapacity());
      ArrayNode parts = Json.array();
      parts.add("table").add(Json.object().put("Ref", tableId));
      // adjacent literals in one string, as cdk.Fn.join folds them: the synthesized template is the same
      index.ifPresent(i -> parts.add("index/" + i.name()));
      ArrayNode join = tp.putObject("ResourceId").putArray("Fn::Join");
      join.add("/").add(parts);
      tp.put("ScalableDimension", "dynamodb:" + (index.isPresent() ? "index" : "table") + ":" + rw + "CapacityUnits");
      tp.put("ServiceNamespace", "dynamodb");
      out.put(targetId, target);
      ObjectNode policy = Json.object();
      policy.put("Type", "AWS::ApplicationAutoScaling::ScalingPolicy");
      ObjectNode pp = policy.putObject("Properties");
      pp.put("PolicyName", t.name() + index.map(i -> "-" + i.name()).orElse("") + "-" + rw.toLowerCase(java.util.Locale.ROOT) + "-utilization");
      pp.put("PolicyType", "TargetTrackingScaling");
      pp.putObject("ScalingTargetId").put("Ref", targetId);
      ObjectNode tt = pp.putObject("TargetTrackingScalingPolicyConfiguration");
      double target100 = side.get().targetUtilization();
      if (target100 == Math.rint(target100)) {
        tt.put("TargetValue", (long) target100);
      } else {
        tt.put("TargetValue", target100);
      }
      tt.putObject("PredefinedMetricSpecification").put("PredefinedMetricType", "DynamoDB" + rw + "CapacityUtilization");
      out.put(owner + rw + "ScalingPolicy", policy);
    }
    return out;
  }
}
