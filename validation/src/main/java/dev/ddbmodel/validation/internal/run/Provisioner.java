package dev.ddbmodel.validation.internal.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddbmodel.core.DataModel;
import dev.ddbmodel.core.ItemWrite;
import dev.ddbmodel.core.TableSpec;
import dev.ddbmodel.validation.ResourceOutcome;
import dev.ddbmodel.validation.internal.exec.DynamoJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.OnDemandThroughput;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.SSESpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.model.WarmThroughput;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Creates the model's tables (TTL applied afterwards) and loads its sample items. */
public final class Provisioner {
  /** Items per BatchWriteItem call (the service limit). */
  public static final int BATCH = dev.ddbmodel.core.internal.guide.DynamoDbLimits.BATCH_WRITE_ITEMS;

  /** Attempts for unprocessed items before they are reported as failed. */
  public static final int RETRIES = 6;

  private final DynamoDbClient client;

  public Provisioner(DynamoDbClient client) {
    this.client = client;
  }

  /** Translates the CreateTable body of the model into an SDK request. */
  public static CreateTableRequest createTableRequest(TableSpec t) {
    return createTableRequest(t.createTableRequest());
  }

  /**
   * Translates a CreateTable body (the model's JSON shape, non-CreateTable keys already removed)
   * into an SDK request: every CreateTable parameter the model format allows is carried.
   */
  public static CreateTableRequest createTableRequest(ObjectNode j) {
    List<AttributeDefinition> defs = new ArrayList<>();
    j.path("AttributeDefinitions").forEach(a -> defs.add(AttributeDefinition.builder().attributeName(a.path("AttributeName").asText())
        .attributeType(a.path("AttributeType").asText()).build()));
    CreateTableRequest.Builder b = CreateTableRequest.builder().tableName(j.path("TableName").asText())
        .attributeDefinitions(defs)
        .keySchema(keys(j.path("KeySchema")))
        .billingMode(j.path("BillingMode").asText("PAY_PER_REQUEST"));
    if (j.has("OnDemandThroughput")) {
      b.onDemandThroughput(onDemand(j.get("OnDemandThroughput")));
    }
    if (j.has("WarmThroughput")) {
      b.warmThroughput(warm(j.get("WarmThroughput")));
    }
    if (j.has("SSESpecification")) {
      JsonNode s = j.get("SSESpecification");
      b.sseSpecification(SSESpecification.builder().enabled(s.has("Enabled") ? s.get("Enabled").asBoolean() : null)
          .sseType(s.has("SSEType") ? s.get("SSEType").asText() : null)
          .kmsMasterKeyId(s.has("KMSMasterKeyId") ? s.get("KMSMasterKeyId").asText() : null).build());
    }
    if (j.has("ResourcePolicy")) {
      b.resourcePolicy(j.get("ResourcePolicy").asText());
    }
    if (j.has("ProvisionedThroughput")) {
      b.provisionedThroughput(throughput(j.get("ProvisionedThroughput")));
    }
    List<GlobalSecondaryIndex> gsis = new ArrayList<>();
    for (JsonNode g : j.path("GlobalSecondaryIndexes")) {
      GlobalSecondaryIndex.Builder gb = GlobalSecondaryIndex.builder().indexName(g.path("IndexName").asText())
          .keySchema(keys(g.path("KeySchema"))).projection(projection(g.path("Projection")));
      if (g.has("ProvisionedThroughput")) {
        gb.provisionedThroughput(throughput(g.get("ProvisionedThroughput")));
      }
      if (g.has("OnDemandThroughput")) {
        gb.onDemandThroughput(onDemand(g.get("OnDemandThroughput")));
      }
      if (g.has("WarmThroughput")) {
        gb.warmThroughput(warm(g.get("WarmThroughput")));
      }
      gsis.add(gb.build());
    }
    if (!gsis.isEmpty()) {
      b.globalSecondaryIndexes(gsis);
    }
    List<LocalSecondaryIndex> lsis = new ArrayList<>();
    for (JsonNode g : j.path("LocalSecondaryIndexes")) {
      lsis.add(LocalSecondaryIndex.builder().indexName(g.path("IndexName").asText())
          .keySchema(keys(g.path("KeySchema"))).projection(projection(g.path("Projection"))).build());
    }
    if (!lsis.isEmpty()) {
      b.localSecondaryIndexes(lsis);
    }
    if (j.has("StreamSpecification")) {
      JsonNode s = j.get("StreamSpecification");
      b.streamSpecification(StreamSpecification.builder().streamEnabled(s.path("StreamEnabled").asBoolean())
          .streamViewType(s.has("StreamViewType") ? s.get("StreamViewType").asText() : null).build());
    }
    if (j.has("TableClass")) {
      b.tableClass(j.get("TableClass").asText());
    }
    if (j.has("DeletionProtectionEnabled")) {
      b.deletionProtectionEnabled(j.get("DeletionProtectionEnabled").asBoolean());
    }
    List<Tag> tags = new ArrayList<>();
    j.path("Tags").forEach(tag -> tags.add(Tag.builder().key(tag.path("Key").asText()).value(tag.path("Value").asText()).build()));
    if (!tags.isEmpty()) {
      b.tags(tags);
    }
    return b.build();
  }

  private static List<KeySchemaElement> keys(JsonNode ks) {
    List<KeySchemaElement> out = new ArrayList<>();
    ks.forEach(k -> out.add(KeySchemaElement.builder().attributeName(k.path("AttributeName").asText())
        .keyType(k.path("KeyType").asText()).build()));
    return out;
  }

  private static Projection projection(JsonNode p) {
    Projection.Builder b = Projection.builder().projectionType(p.path("ProjectionType").asText("ALL"));
    if (p.has("NonKeyAttributes")) {
      List<String> n = new ArrayList<>();
      p.get("NonKeyAttributes").forEach(x -> n.add(x.asText()));
      b.nonKeyAttributes(n);
    }
    return b.build();
  }

  private static OnDemandThroughput onDemand(JsonNode p) {
    return OnDemandThroughput.builder().maxReadRequestUnits(p.has("MaxReadRequestUnits") ? p.get("MaxReadRequestUnits").asLong() : null)
        .maxWriteRequestUnits(p.has("MaxWriteRequestUnits") ? p.get("MaxWriteRequestUnits").asLong() : null).build();
  }

  private static WarmThroughput warm(JsonNode p) {
    return WarmThroughput.builder().readUnitsPerSecond(p.has("ReadUnitsPerSecond") ? p.get("ReadUnitsPerSecond").asLong() : null)
        .writeUnitsPerSecond(p.has("WriteUnitsPerSecond") ? p.get("WriteUnitsPerSecond").asLong() : null).build();
  }

  private static ProvisionedThroughput throughput(JsonNode p) {
    return ProvisionedThroughput.builder().readCapacityUnits(p.path("ReadCapacityUnits").asLong(1))
        .writeCapacityUnits(p.path("WriteCapacityUnits").asLong(1)).build();
  }

  /** Creates one table and applies its TTL and PITR; failures are reported, not thrown. */
  public ResourceOutcome.TableOutcome create(TableSpec t, boolean replaced) {
    try {
      client.createTable(createTableRequest(t));
    } catch (DynamoDbException | IllegalArgumentException e) {
      String msg = e instanceof DynamoDbException d && d.awsErrorDetails() != null
          ? d.awsErrorDetails().errorCode() + ": " + d.awsErrorDetails().errorMessage() : e.getMessage();
      return new ResourceOutcome.TableOutcome(t.name(), "failed", msg, 0, "");
    }
    String ttl = "";
    if (t.timeToLive().isPresent() && t.timeToLive().get().enabled()) {
      String attr = t.timeToLive().get().attributeName();
      try {
        client.updateTimeToLive(b -> b.tableName(t.name()).timeToLiveSpecification(s -> s.attributeName(attr).enabled(true)));
        ttl = "enabled on `" + attr + "`";
      } catch (DynamoDbException e) {
        ttl = "failed: " + e.getMessage();
      }
    }
    String remarks = "";
    if (t.pointInTimeRecovery().isPresent() && t.pointInTimeRecovery().get().enabled()) {
      var pitr = t.pointInTimeRecovery().get();
      try {
        client.updateContinuousBackups(b -> b.tableName(t.name()).pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true)
            .recoveryPeriodInDays(pitr.recoveryPeriodInDays().isPresent() ? pitr.recoveryPeriodInDays().getAsInt() : null)));
        remarks += (remarks.isEmpty() ? "" : "; ") + "point-in-time recovery enabled";
      } catch (DynamoDbException e) {
        remarks += (remarks.isEmpty() ? "" : "; ") + "point-in-time recovery not enabled: " + e.getMessage();
      }
    }
    return new ResourceOutcome.TableOutcome(t.name(), replaced ? "replaced" : "created", remarks, t.indexes().size(), ttl);
  }

  /** Sample items whose TTL attribute (epoch seconds) lies before {@code now}: DynamoDB may delete them at any time. */
  public static long expiredItems(TableSpec t, List<ItemWrite> items, java.time.Instant now) {
    if (t.timeToLive().isEmpty() || !t.timeToLive().get().enabled()) {
      return 0;
    }
    String attr = t.timeToLive().get().attributeName();
    return items.stream().filter(i -> i.kind() == ItemWrite.Kind.PUT).map(i -> i.attributes().path(attr).path("N").asText(""))
        .filter(n -> n.matches("\\d{1,12}(\\.\\d+)?")).filter(n -> new java.math.BigDecimal(n).longValue() < now.getEpochSecond()).count();
  }

  /**
   * Sample items whose TTL lies in the past at {@code now}, one warning each, reported before the
   * run: DynamoDB (Local too) may delete them at any moment, so patterns that read them can vary.
   */
  public static List<dev.ddbmodel.core.Diagnostic> expiredItemFindings(DataModel model, java.time.Instant now) {
    List<dev.ddbmodel.core.Diagnostic> out = new ArrayList<>();
    for (TableSpec t : model.tables()) {
      if (t.timeToLive().isEmpty() || !t.timeToLive().get().enabled()) {
        continue;
      }
      String attr = t.timeToLive().get().attributeName();
      for (ItemWrite i : model.itemsOf(t.name())) {
        String n = i.kind() == ItemWrite.Kind.PUT ? i.attributes().path(attr).path("N").asText("") : "";
        if (!n.matches("\\d{1,12}(\\.\\d+)?") || new java.math.BigDecimal(n).longValue() >= now.getEpochSecond()) {
          continue;
        }
        java.time.Instant at = java.time.Instant.ofEpochSecond(new java.math.BigDecimal(n).longValue());
        out.add(dev.ddbmodel.core.Diagnostic.warning("Validation.TtlExpired", "sample item `" + i.pointer() + "` of table `" + t.name()
                + "` expired at " + at + " (TTL attribute `" + attr + "`): DynamoDB may delete it at any moment, so patterns reading it can vary",
            dev.ddbmodel.core.SourceLocation.of(model.file(), i.pointer() + "/PutRequest/Item/" + attr), "use an expiry in the future (epoch seconds)"));
      }
    }
    return out;
  }

  /**
   * Loads a table's sample items in batches of 25, retrying unprocessed items with backoff. A batch
   * DynamoDB rejects as a whole is retried item by item, so each bad item is named.
   */
  public ResourceOutcome.ItemLoad load(String table, List<ItemWrite> items) {
    List<ResourceOutcome.ItemFailure> failures = new ArrayList<>();
    int written = 0;
    for (int from = 0; from < items.size(); from += BATCH) {
      List<ItemWrite> chunk = items.subList(from, Math.min(items.size(), from + BATCH));
      List<WriteRequest> reqs = new ArrayList<>();
      List<ItemWrite> convertible = new ArrayList<>();
      for (ItemWrite w : chunk) {
        try {
          reqs.add(request(w));
          convertible.add(w);
        } catch (IllegalArgumentException e) {
          failures.add(new ResourceOutcome.ItemFailure(w.pointer(), "InvalidItem", e.getMessage()));
        }
      }
      if (reqs.isEmpty()) {
        continue;
      }
      try {
        written += writeWithRetries(table, reqs);
      } catch (DynamoDbException e) {
        for (int i = 0; i < reqs.size(); i++) {
          try {
            written += writeWithRetries(table, List.of(reqs.get(i)));
          } catch (DynamoDbException single) {
            String code = single.awsErrorDetails() == null ? single.getClass().getSimpleName() : single.awsErrorDetails().errorCode();
            String msg = single.awsErrorDetails() == null ? single.getMessage() : single.awsErrorDetails().errorMessage();
            failures.add(new ResourceOutcome.ItemFailure(convertible.get(i).pointer(), code, msg));
          }
        }
      }
    }
    return new ResourceOutcome.ItemLoad(table, items.size(), written, failures);
  }

  private int writeWithRetries(String table, List<WriteRequest> reqs) {
    List<WriteRequest> pending = reqs;
    long backoff = 25;
    for (int attempt = 0; attempt < RETRIES && !pending.isEmpty(); attempt++) {
      List<WriteRequest> p = pending;
      Map<String, List<WriteRequest>> left = client.batchWriteItem(b -> b.requestItems(Map.of(table, p))).unprocessedItems();
      pending = left.getOrDefault(table, List.of());
      if (!pending.isEmpty()) {
        try {
          Thread.sleep(backoff);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
        backoff *= 2;
      }
    }
    return reqs.size() - pending.size();
  }

  private static WriteRequest request(ItemWrite w) {
    Map<String, AttributeValue> attrs = DynamoJson.toItem(w.attributes(), w.pointer());
    return w.kind() == ItemWrite.Kind.PUT
        ? WriteRequest.builder().putRequest(PutRequest.builder().item(attrs).build()).build()
        : WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(attrs).build()).build();
  }

  /** Names of existing tables (all pages). */
  public List<String> existingTables() {
    List<String> names = new ArrayList<>();
    String start = null;
    do {
      String s = start;
      var r = client.listTables(b -> b.exclusiveStartTableName(s));
      names.addAll(r.tableNames());
      start = r.lastEvaluatedTableName();
    } while (start != null);
    return names;
  }

  /** Deletes tables, waiting until each is gone. */
  public void delete(List<String> tables) {
    for (String t : tables) {
      try {
        client.deleteTable(b -> b.tableName(t));
        client.waiter().waitUntilTableNotExists(b -> b.tableName(t));
      } catch (DynamoDbException e) {
        // already gone or not deletable; reported by the next create if it matters
      }
    }
  }

  /** Tables of a model, in order. */
  public static List<String> names(DataModel model) {
    return model.tables().stream().map(TableSpec::name).toList();
  }
}
