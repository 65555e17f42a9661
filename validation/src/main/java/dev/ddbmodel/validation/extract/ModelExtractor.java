package dev.ddbmodel.validation.extract;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.SourceLocation;
import dev.ddbmodel.core.Suggestions;
import dev.ddbmodel.core.Validated;
import dev.ddbmodel.core.io.AtomicFiles;
import dev.ddbmodel.core.io.PathGuard;
import dev.ddbmodel.core.json.Json;
import dev.ddbmodel.core.model.DataModel;
import dev.ddbmodel.core.model.DataModelLoader;
import dev.ddbmodel.validation.exec.DynamoJson;
import dev.ddbmodel.validation.local.LocalDynamoDb;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputDescription;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;

/**
 * Reads deployed tables back into a {@code dynamodb_data_model.json}: each table in CreateTable
 * shape (keys, attribute definitions, GSIs and LSIs with projections, billing, streams, table
 * class, deletion protection, TTL) plus a sample of its items, with an empty
 * {@code access_patterns} list for the designer to fill. Only read calls are made (ListTables,
 * DescribeTable, DescribeTimeToLive, Scan), so it is safe against a live account.
 */
public final class ModelExtractor {
  private ModelExtractor() {}

  /**
   * Reads from {@code endpoint} (DynamoDB Local or another loopback emulator: dummy credentials),
   * or, without one, from DynamoDB in {@code region} with the standard AWS credential chain.
   */
  public static Validated<ExtractResult> run(ExtractRequest req, Optional<URI> endpoint, Optional<String> region) {
    DynamoDbClient client;
    try {
      if (endpoint.isPresent()) {
        client = LocalDynamoDb.clientFor(endpoint.get());
      } else {
        var b = DynamoDbClient.builder().httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create());
        region.map(software.amazon.awssdk.regions.Region::of).ifPresent(b::region);
        client = b.build();
      }
    } catch (SdkClientException e) {
      return err("Extract.Configuration", "cannot set up the DynamoDB client: " + e.getMessage().lines().findFirst().orElse(""),
          "pass --region (or set AWS_REGION) and configure credentials, or use --endpoint for a local emulator");
    }
    try (client) {
      return extract(req, client);
    }
  }

  /** Reads the tables through {@code client} and writes the model file. */
  public static Validated<ExtractResult> extract(ExtractRequest req, DynamoDbClient client) {
    Validated<PathGuard> guard = PathGuard.of(req.outputDir());
    if (!guard.isValid()) {
      return Validated.invalid(guard.errors());
    }
    Path target = guard.unwrap().base().resolve(DataModelLoader.FILE_NAME);
    if (Files.exists(target) && !req.overwrite()) {
      return err("Extract.Exists", "`" + target + "` already exists", "choose another folder, or pass --overwrite to replace it");
    }
    try {
      List<String> existing = new ArrayList<>();
      String start = null;
      do {
        String from = start;
        var page = client.listTables(b -> b.exclusiveStartTableName(from));
        existing.addAll(page.tableNames());
        start = page.lastEvaluatedTableName();
      } while (start != null);
      List<String> unknown = req.tables().stream().filter(t -> !existing.contains(t)).toList();
      if (!unknown.isEmpty()) {
        return Validated.invalid(unknown.stream().map(t -> Diagnostic.error("Extract.UnknownTable", "table `" + t + "` does not exist at the endpoint",
            SourceLocation.NONE, Suggestions.hint(t, existing))).toList());
      }
      List<String> names = req.tables().isEmpty() ? existing : req.tables();
      if (names.isEmpty()) {
        return err("Extract.NoTables", "the endpoint has no tables", "create the tables first, or point --endpoint/--region at the right place");
      }
      ObjectNode root = Json.object();
      ArrayNode tables = root.putArray("tables");
      ObjectNode items = root.putObject("items");
      int itemCount = 0;
      for (String name : names) {
        TableDescription d = client.describeTable(b -> b.tableName(name)).table();
        TimeToLiveDescription ttl = client.describeTimeToLive(b -> b.tableName(name)).timeToLiveDescription();
        tables.add(table(d, ttl));
        List<Map<String, AttributeValue>> sample = sample(client, name, req.sampleItems());
        if (!sample.isEmpty()) {
          ArrayNode a = items.putArray(name);
          sample.forEach(i -> a.addObject().putObject("PutRequest").set("Item", DynamoJson.fromItem(i)));
          itemCount += sample.size();
        }
      }
      root.putArray("access_patterns");
      String json = Json.pretty(root);
      // the result must load like any hand-written model; a failure here is a bug, not user input
      Validated<DataModel> check = DataModelLoader.parse(DataModelLoader.FILE_NAME, json);
      if (!check.isValid()) {
        throw new IllegalStateException("extracted model does not load: " + check.diagnostics());
      }
      AtomicFiles.writeString(target, json);
      return Validated.valid(new ExtractResult(target, names, itemCount));
    } catch (DynamoDbException e) {
      String code = e.awsErrorDetails() == null ? e.getClass().getSimpleName() : e.awsErrorDetails().errorCode();
      return err("Extract.Service", "DynamoDB refused a read: " + code + ": " + (e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage()),
          "the credentials need dynamodb:ListTables, DescribeTable, DescribeTimeToLive and Scan on these tables");
    } catch (SdkClientException e) {
      return err("Extract.Unreachable", "cannot reach DynamoDB: " + e.getMessage().lines().findFirst().orElse(""),
          "check --endpoint (or the region and credentials for AWS)");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }

  /** One table in the model's CreateTable shape. */
  static ObjectNode table(TableDescription d, TimeToLiveDescription ttl) {
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
      }
    }
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

  /** Up to {@code max} items, in the table's scan order. */
  private static List<Map<String, AttributeValue>> sample(DynamoDbClient client, String table, int max) {
    List<Map<String, AttributeValue>> out = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    while (out.size() < max) {
      Map<String, AttributeValue> from = start;
      int left = max - out.size();
      ScanResponse r = client.scan(b -> b.tableName(table).limit(left).exclusiveStartKey(from));
      out.addAll(r.items());
      if (!r.hasLastEvaluatedKey() || r.lastEvaluatedKey().isEmpty()) {
        break;
      }
      start = r.lastEvaluatedKey();
    }
    return out.size() > max ? out.subList(0, max) : out;
  }

  private static <T> Validated<T> err(String id, String message, String hint) {
    return Validated.invalid(Diagnostic.error(id, message, SourceLocation.NONE, hint));
  }
}
