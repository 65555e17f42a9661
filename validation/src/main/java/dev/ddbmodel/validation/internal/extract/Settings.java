package dev.ddbmodel.validation.internal.extract;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.SourceLocation;
import dev.ddbmodel.core.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableTarget;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalingPolicy;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.OnDemandThroughput;
import software.amazon.awssdk.services.dynamodb.model.PolicyNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The table settings DescribeTable does not return: tags, point-in-time recovery, the resource
 * policy, and auto scaling (Application Auto Scaling). Each is read with its own call; a call the
 * endpoint does not offer leaves the setting out with a note, never stops the extract.
 */
public final class Settings {
  private Settings() {}

  public static void read(DynamoDbClient client, Optional<ApplicationAutoScalingClient> scaling, TableDescription d, ObjectNode t, List<Diagnostic> notes) {
    String name = d.tableName();
    String arn = d.tableArn();
    if (arn != null) {
      attempt(name, "tags", notes, () -> {
        List<software.amazon.awssdk.services.dynamodb.model.Tag> tags = new ArrayList<>();
        String next = null;
        do {
          String from = next;
          var r = client.listTagsOfResource(b -> b.resourceArn(arn).nextToken(from));
          tags.addAll(r.tags());
          next = r.nextToken();
        } while (next != null);
        if (!tags.isEmpty()) {
          ArrayNode a = t.putArray("Tags");
          tags.forEach(tag -> a.addObject().put("Key", tag.key()).put("Value", tag.value()));
        }
      });
      attempt(name, "the resource policy", notes, () -> {
        try {
          String policy = client.getResourcePolicy(b -> b.resourceArn(arn)).policy();
          if (policy != null && !policy.isBlank()) {
            t.put("ResourcePolicy", policy);
          }
        } catch (PolicyNotFoundException e) {
          // no policy on this table
        }
      });
    }
    attempt(name, "point-in-time recovery", notes, () -> {
      var pitr = client.describeContinuousBackups(b -> b.tableName(name)).continuousBackupsDescription().pointInTimeRecoveryDescription();
      if (pitr != null && pitr.pointInTimeRecoveryStatus() != null && pitr.pointInTimeRecoveryStatusAsString().equals("ENABLED")) {
        ObjectNode p = t.putObject("PointInTimeRecoverySpecification").put("PointInTimeRecoveryEnabled", true);
        if (pitr.recoveryPeriodInDays() != null) {
          p.put("RecoveryPeriodInDays", pitr.recoveryPeriodInDays());
        }
      }
    });
    if (scaling.isEmpty()) {
      if (!"PAY_PER_REQUEST".equals(t.path("BillingMode").asText())) {
        notes.add(Diagnostic.note("Extract.SettingNotRead", "table `" + name + "`: auto scaling was not read (no Application Auto Scaling endpoint;"
            + " DynamoDB Local has none)", SourceLocation.NONE, "extract from AWS (without --endpoint) to read auto scaling"));
      }
      return;
    }
    attempt(name, "auto scaling", notes, () -> autoScaling(scaling.get(), d, t));
  }

  /** Reads the scalable targets and target-tracking policies of the table and its GSIs into AutoScaling blocks. */
  static void autoScaling(ApplicationAutoScalingClient aas, TableDescription d, ObjectNode t) {
    String base = "table/" + d.tableName();
    List<String> ids = new ArrayList<>(List.of(base));
    if (d.hasGlobalSecondaryIndexes()) {
      d.globalSecondaryIndexes().stream().map(GlobalSecondaryIndexDescription::indexName).forEach(i -> ids.add(base + "/index/" + i));
    }
    List<ScalableTarget> targets = new ArrayList<>();
    String next = null;
    do {
      String from = next;
      var r = aas.describeScalableTargets(b -> b.serviceNamespace(ServiceNamespace.DYNAMODB).resourceIds(ids).nextToken(from));
      targets.addAll(r.scalableTargets());
      next = r.nextToken();
    } while (next != null);
    for (ScalableTarget target : targets) {
      String dim = target.scalableDimensionAsString();
      boolean reads = dim.endsWith(":ReadCapacityUnits");
      Optional<Double> value = targetValue(aas, target.resourceId(), dim);
      if (value.isEmpty()) {
        continue;
      }
      ObjectNode owner = target.resourceId().equals(base) ? t : index(t, target.resourceId().substring((base + "/index/").length()));
      if (owner == null) {
        continue;
      }
      ObjectNode side = (owner.has("AutoScaling") ? (ObjectNode) owner.get("AutoScaling") : owner.putObject("AutoScaling"))
          .putObject(reads ? "Read" : "Write");
      side.put("MinCapacity", target.minCapacity());
      side.put("MaxCapacity", target.maxCapacity());
      double v = value.get();
      if (v == Math.rint(v)) {
        side.put("TargetUtilization", (long) v);
      } else {
        side.put("TargetUtilization", v);
      }
    }
    // Read before Write, as the model format writes them
    for (ObjectNode o : owners(t)) {
      if (o.has("AutoScaling")) {
        ObjectNode a = (ObjectNode) o.get("AutoScaling");
        ObjectNode sorted = Json.object();
        for (String k : List.of("Read", "Write")) {
          if (a.has(k)) {
            sorted.set(k, a.get(k));
          }
        }
        o.set("AutoScaling", sorted);
      }
    }
  }

  private static List<ObjectNode> owners(ObjectNode t) {
    List<ObjectNode> out = new ArrayList<>(List.of(t));
    t.path("GlobalSecondaryIndexes").forEach(g -> out.add((ObjectNode) g));
    return out;
  }

  private static ObjectNode index(ObjectNode t, String name) {
    for (var g : t.path("GlobalSecondaryIndexes")) {
      if (g.path("IndexName").asText().equals(name)) {
        return (ObjectNode) g;
      }
    }
    return null;
  }

  /** The target of the target-tracking policy on a resource's dimension, if there is one. */
  private static Optional<Double> targetValue(ApplicationAutoScalingClient aas, String resourceId, String dimension) {
    String next = null;
    do {
      String from = next;
      var r = aas.describeScalingPolicies(b -> b.serviceNamespace(ServiceNamespace.DYNAMODB).resourceId(resourceId)
          .scalableDimension(dimension).nextToken(from));
      for (ScalingPolicy p : r.scalingPolicies()) {
        if ("TargetTrackingScaling".equals(p.policyTypeAsString()) && p.targetTrackingScalingPolicyConfiguration() != null
            && p.targetTrackingScalingPolicyConfiguration().targetValue() != null) {
          return Optional.of(p.targetTrackingScalingPolicyConfiguration().targetValue());
        }
      }
      next = r.nextToken();
    } while (next != null);
    return Optional.empty();
  }

  /** On-demand and warm throughput of a table or GSI (only the values DynamoDB reports). */
  public static void throughput(OnDemandThroughput od, Long warmRead, Long warmWrite, ObjectNode o) {
    if (od != null && (positive(od.maxReadRequestUnits()) || positive(od.maxWriteRequestUnits()))) {
      ObjectNode x = o.putObject("OnDemandThroughput");
      if (positive(od.maxReadRequestUnits())) {
        x.put("MaxReadRequestUnits", od.maxReadRequestUnits());
      }
      if (positive(od.maxWriteRequestUnits())) {
        x.put("MaxWriteRequestUnits", od.maxWriteRequestUnits());
      }
    }
    if (positive(warmRead) || positive(warmWrite)) {
      ObjectNode x = o.putObject("WarmThroughput");
      if (positive(warmRead)) {
        x.put("ReadUnitsPerSecond", warmRead);
      }
      if (positive(warmWrite)) {
        x.put("WriteUnitsPerSecond", warmWrite);
      }
    }
  }

  private static boolean positive(Long v) {
    return v != null && v > 0;
  }

  /** Runs one read; a refusal becomes a note naming the setting, and the extract goes on. */
  private static void attempt(String table, String what, List<Diagnostic> notes, Runnable read) {
    try {
      read.run();
    } catch (DynamoDbException e) {
      notes.add(Diagnostic.note("Extract.SettingNotRead", "table `" + table + "`: " + what + " not read: " + TableShape.code(e) + ": "
          + TableShape.message(e), SourceLocation.NONE, "the credentials need the matching Describe/List/Get permission; DynamoDB Local does not offer every call"));
    } catch (SdkException e) {
      notes.add(Diagnostic.note("Extract.SettingNotRead", "table `" + table + "`: " + what + " not read: "
          + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), SourceLocation.NONE, "check the endpoint and credentials"));
    }
  }
}
