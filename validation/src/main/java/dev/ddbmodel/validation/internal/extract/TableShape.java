package dev.ddbmodel.validation.internal.extract;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddbmodel.core.json.Json;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;

/** A described table back in the model's CreateTable shape, and the SDK error texts the extractor reports. */
public final class TableShape {
  private TableShape() {}

  /** One table in the model's CreateTable shape. */
  public static ObjectNode table(TableDescription d, TimeToLiveDescription ttl) {
    ObjectNode t = Json.object();
    t.put("TableName", d.tableName());
    ArrayNode defs = t.putArray("AttributeDefinitions");
    d.attributeDefinitions().forEach(a -> defs.addObject().put("AttributeName", a.attributeName()).put("AttributeType", a.attributeTypeAsString()));
    t.set("KeySchema", keys(d.keySchema()));
    boolean onDemand = d.billingModeSummary() != null && d.billingModeSummary().billingMode() == BillingMode.PAY_PER_REQUEST;
    t.put("BillingMode", onDemand ? "PAY_PER_REQUEST" : "PROVISIONED");
    if (!onDemand) {
      t.set("ProvisionedThroughput", throughput(d.provisionedThroughput()));
    }
    if (d.hasGlobalSecondaryIndexes() && !d.globalSecondaryIndexes().isEmpty()) {
      ArrayNode gsis = t.putArray("GlobalSecondaryIndexes");
      for (GlobalSecondaryIndexDescription g : d.globalSecondaryIndexes()) {
        ObjectNode o = gsis.addObject().put("IndexName", g.indexName());
        o.set("KeySchema", keys(g.keySchema()));
        o.set("Projection", projection(g.projection()));
        if (!onDemand && g.provisionedThroughput() != null) {
          o.set("ProvisionedThroughput", throughput(g.provisionedThroughput()));
        }
        Settings.throughput(g.onDemandThroughput(), g.warmThroughput() == null ? null : g.warmThroughput().readUnitsPerSecond(),
            g.warmThroughput() == null ? null : g.warmThroughput().writeUnitsPerSecond(), o);
      }
    }
    Settings.throughput(d.onDemandThroughput(), d.warmThroughput() == null ? null : d.warmThroughput().readUnitsPerSecond(),
        d.warmThroughput() == null ? null : d.warmThroughput().writeUnitsPerSecond(), t);
    if (d.hasLocalSecondaryIndexes() && !d.localSecondaryIndexes().isEmpty()) {
      ArrayNode lsis = t.putArray("LocalSecondaryIndexes");
      for (LocalSecondaryIndexDescription l : d.localSecondaryIndexes()) {
        ObjectNode o = lsis.addObject().put("IndexName", l.indexName());
        o.set("KeySchema", keys(l.keySchema()));
        o.set("Projection", projection(l.projection()));
      }
    }
    if (d.streamSpecification() != null && Boolean.TRUE.equals(d.streamSpecification().streamEnabled())) {
      t.putObject("StreamSpecification").put("StreamEnabled", true).put("StreamViewType", d.streamSpecification().streamViewTypeAsString());
    }
    if (d.sseDescription() != null && d.sseDescription().status() != null
        && (d.sseDescription().statusAsString().equals("ENABLED") || d.sseDescription().statusAsString().equals("ENABLING"))) {
      ObjectNode sse = t.putObject("SSESpecification").put("Enabled", true);
      if (d.sseDescription().sseType() != null) {
        sse.put("SSEType", d.sseDescription().sseTypeAsString());
      }
      if (d.sseDescription().kmsMasterKeyArn() != null) {
        sse.put("KMSMasterKeyId", d.sseDescription().kmsMasterKeyArn());
      }
    }
    if (d.tableClassSummary() != null && d.tableClassSummary().tableClass() != null) {
      t.put("TableClass", d.tableClassSummary().tableClassAsString());
    }
    if (Boolean.TRUE.equals(d.deletionProtectionEnabled())) {
      t.put("DeletionProtectionEnabled", true);
    }
    if (ttl != null && ttl.attributeName() != null && ttl.timeToLiveStatusAsString() != null
        && (ttl.timeToLiveStatusAsString().equals("ENABLED") || ttl.timeToLiveStatusAsString().equals("ENABLING"))) {
      t.putObject("TimeToLiveSpecification").put("AttributeName", ttl.attributeName()).put("Enabled", true);
    }
    return t;
  }

  private static ArrayNode keys(List<KeySchemaElement> ks) {
    ArrayNode a = Json.mapper().createArrayNode();
    ks.forEach(k -> a.addObject().put("AttributeName", k.attributeName()).put("KeyType", k.keyTypeAsString()));
    return a;
  }

  private static ObjectNode projection(Projection p) {
    ObjectNode o = Json.object().put("ProjectionType", p.projectionTypeAsString());
    if (p.hasNonKeyAttributes() && !p.nonKeyAttributes().isEmpty()) {
      ArrayNode n = o.putArray("NonKeyAttributes");
      p.nonKeyAttributes().forEach(n::add);
    }
    return o;
  }

  private static ObjectNode throughput(ProvisionedThroughputDescription p) {
    return Json.object().put("ReadCapacityUnits", p.readCapacityUnits()).put("WriteCapacityUnits", p.writeCapacityUnits());
  }

  /** The service's error code, or the exception's class name when it sent none. */
  public static String code(DynamoDbException e) {
    return e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null ? e.getClass().getSimpleName() : e.awsErrorDetails().errorCode();
  }

  /** The service's error message, or the exception's own message when it sent none. */
  public static String message(DynamoDbException e) {
    return e.awsErrorDetails() == null || e.awsErrorDetails().errorMessage() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
  }
}
