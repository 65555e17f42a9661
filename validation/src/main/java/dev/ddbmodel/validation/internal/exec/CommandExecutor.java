package dev.ddbmodel.validation.internal.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddbmodel.core.json.Json;
import dev.ddbmodel.validation.internal.awscli.AwsCliCommand;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.Get;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Runs a parsed {@link AwsCliCommand} through the SDK client it was given, with the AWS CLI's
 * behaviour where it matters: Query and Scan paginate automatically (aggregating Items, Count,
 * ScannedCount) unless {@code --no-paginate}, {@code --limit} or {@code --exclusive-start-key}
 * turn it off; {@code --max-items}, {@code --page-size} and {@code --starting-token} work as in
 * the CLI. The client decides where calls go; commands cannot change it.
 */
public final class CommandExecutor {
  /** Upper bound of pages one Query/Scan may fetch, so a runaway scan cannot loop forever. */
  public static final int MAX_PAGES = 10_000;

  private final DynamoDbClient client;

  /** Capacity units reported during the call being executed; -1 before any report (one caller at a time). */
  private double consumed = -1;

  public CommandExecutor(DynamoDbClient client) {
    this.client = client;
  }

  /** Executes the command; service errors come back as a failed result, never thrown. */
  public ExecutionResult execute(AwsCliCommand c) {
    boolean read = isRead(c.subcommand());
    consumed = -1;
    try {
      ExecutionResult r = switch (c.subcommand()) {
        case "get-item" -> getItem(c);
        case "query" -> queryOrScan(c, true);
        case "scan" -> queryOrScan(c, false);
        case "put-item" -> putItem(c);
        case "update-item" -> updateItem(c);
        case "delete-item" -> deleteItem(c);
        case "batch-get-item" -> batchGet(c);
        case "batch-write-item" -> batchWrite(c);
        case "transact-get-items" -> transactGet(c);
        case "transact-write-items" -> transactWrite(c);
        case "describe-table" -> describeTable(c);
        case "list-tables" -> listTables(c);
        default -> throw new IllegalArgumentException("unsupported subcommand " + c.subcommand());
      };
      return consumed >= 0 ? r.withConsumedCapacity(consumed) : r;
    } catch (TransactionCanceledException e) {
      List<String> reasons = e.cancellationReasons().stream().map(CancellationReason::code).map(r -> r == null ? "None" : r).toList();
      return ExecutionResult.failed(e.statusCode(), code(e), message(e) , read, reasons);
    } catch (DynamoDbException e) {
      return ExecutionResult.failed(e.statusCode(), code(e), message(e), read, List.of());
    } catch (IllegalArgumentException e) {
      return ExecutionResult.failed(0, "InvalidParameter", e.getMessage(), read, List.of());
    } catch (SdkClientException e) {
      return ExecutionResult.failed(0, "ClientError", e.getMessage(), read, List.of());
    }
  }

  /**
   * The capacity report asked of DynamoDB: what the command says, else TOTAL, so every run
   * measures its consumed capacity (the printed response stays as the CLI would print it).
   */
  private static String capacityMode(AwsCliCommand c) {
    return c.string("return-consumed-capacity").orElse("TOTAL");
  }

  /** Adds reported capacity to the current call's total. */
  private void meter(ConsumedCapacity cc) {
    if (cc != null && cc.capacityUnits() != null) {
      consumed = Math.max(consumed, 0) + cc.capacityUnits();
    }
  }

  private void meter(List<ConsumedCapacity> ccs) {
    if (ccs != null) {
      ccs.forEach(this::meter);
    }
  }

  /** Whether a subcommand reads items (as opposed to writing them or describing tables). */
  public static boolean isRead(String subcommand) {
    return switch (subcommand) {
      case "get-item", "query", "scan", "batch-get-item", "transact-get-items" -> true;
      default -> false;
    };
  }

  private static String code(DynamoDbException e) {
    String c = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    return c == null || c.isBlank() ? e.getClass().getSimpleName() : c;
  }

  private static String message(DynamoDbException e) {
    String m = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
    return m == null ? e.getMessage() : m;
  }

  private static Map<String, String> names(JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      return null;
    }
    Map<String, String> m = new LinkedHashMap<>();
    n.properties().forEach(e -> m.put(e.getKey(), e.getValue().asText()));
    return m;
  }

  private static Map<String, AttributeValue> values(JsonNode n, String path) {
    return n == null || n.isNull() || n.isMissingNode() ? null : DynamoJson.toItem(n, path);
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private ExecutionResult getItem(AwsCliCommand c) {
    var r = client.getItem(b -> b.tableName(c.tableName().orElseThrow())
        .key(values(c.json("key").orElseThrow(), "--key"))
        .consistentRead(c.bool("consistent-read").orElse(null))
        .projectionExpression(c.string("projection-expression").orElse(null))
        .expressionAttributeNames(names(c.json("expression-attribute-names").orElse(null)))
        .returnConsumedCapacity(capacityMode(c)));
    meter(r.consumedCapacity());
    ObjectNode out = Json.object();
    if (r.hasItem() && r.item() != null && !r.item().isEmpty()) {
      out.set("Item", DynamoJson.fromItem(r.item()));
    }
    return ExecutionResult.ok(out, out.has("Item") ? 1 : 0, true);
  }

  private ExecutionResult queryOrScan(AwsCliCommand c, boolean query) {
    boolean paginate = c.bool("paginate").orElse(true) && !c.has("limit") && !c.has("exclusive-start-key");
    Integer maxItems = c.integer("max-items").orElse(null);
    Integer pageSize = c.integer("page-size").orElse(c.integer("limit").orElse(null));
    Map<String, AttributeValue> startKey = values(c.json("exclusive-start-key").orElse(null), "--exclusive-start-key");
    int skip = 0;
    if (c.string("starting-token").isPresent()) {
      JsonNode token = decodeToken(c.string("starting-token").get());
      startKey = token.has("ExclusiveStartKey") ? DynamoJson.toItem(token.get("ExclusiveStartKey"), "--starting-token") : null;
      skip = token.path("boto_truncate_amount").asInt(0);
    }
    boolean countOnly = "COUNT".equals(c.string("select").orElse(null));
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    int count = 0;
    int scanned = 0;
    int pages = 0;
    Map<String, AttributeValue> lastKey;
    Map<String, AttributeValue> pageStart;
    String nextToken = null;
    do {
      pageStart = startKey;
      List<Map<String, AttributeValue>> pageItems;
      int pageCount;
      int pageScanned;
      if (query) {
        QueryRequest.Builder b = QueryRequest.builder().tableName(c.tableName().orElseThrow())
            .indexName(c.string("index-name").orElse(null))
            .keyConditionExpression(c.string("key-condition-expression").orElse(null))
            .filterExpression(c.string("filter-expression").orElse(null))
            .projectionExpression(c.string("projection-expression").orElse(null))
            .expressionAttributeNames(names(c.json("expression-attribute-names").orElse(null)))
            .expressionAttributeValues(values(c.json("expression-attribute-values").orElse(null), "--expression-attribute-values"))
            .scanIndexForward(c.bool("scan-index-forward").orElse(null))
            .consistentRead(c.bool("consistent-read").orElse(null))
            .select(c.string("select").orElse(null))
            .limit(pageSize)
            .exclusiveStartKey(startKey)
            .returnConsumedCapacity(capacityMode(c));
        QueryResponse r = client.query(b.build());
        meter(r.consumedCapacity());
        pageItems = r.hasItems() ? r.items() : List.of();
        pageCount = r.count();
        pageScanned = r.scannedCount();
        lastKey = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
      } else {
        ScanRequest.Builder b = ScanRequest.builder().tableName(c.tableName().orElseThrow())
            .indexName(c.string("index-name").orElse(null))
            .filterExpression(c.string("filter-expression").orElse(null))
            .projectionExpression(c.string("projection-expression").orElse(null))
            .expressionAttributeNames(names(c.json("expression-attribute-names").orElse(null)))
            .expressionAttributeValues(values(c.json("expression-attribute-values").orElse(null), "--expression-attribute-values"))
            .consistentRead(c.bool("consistent-read").orElse(null))
            .select(c.string("select").orElse(null))
            .segment(c.integer("segment").orElse(null))
            .totalSegments(c.integer("total-segments").orElse(null))
            .limit(pageSize)
            .exclusiveStartKey(startKey)
            .returnConsumedCapacity(capacityMode(c));
        ScanResponse r = client.scan(b.build());
        meter(r.consumedCapacity());
        pageItems = r.hasItems() ? r.items() : List.of();
        pageCount = r.count();
        pageScanned = r.scannedCount();
        lastKey = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
      }
      pages++;
      if (skip > 0) {
        int drop = Math.min(skip, pageItems.size());
        pageItems = pageItems.subList(drop, pageItems.size());
        pageCount -= drop;
        skip = 0;
      }
      if (maxItems != null && !countOnly && items.size() + pageItems.size() >= maxItems) {
        int take = maxItems - items.size();
        items.addAll(pageItems.subList(0, take));
        // the CLI truncates Items only: Count and ScannedCount are those of the pages it fetched
        count += pageCount;
        scanned += pageScanned;
        if (take < pageItems.size() || lastKey != null) {
          ObjectNode t = Json.object();
          if (take < pageItems.size()) {
            if (pageStart != null) {
              t.set("ExclusiveStartKey", DynamoJson.fromItem(pageStart));
            }
            t.put("boto_truncate_amount", take);
          } else {
            t.set("ExclusiveStartKey", DynamoJson.fromItem(lastKey));
          }
          nextToken = encodeToken(t);
        }
        lastKey = null;
        break;
      }
      items.addAll(pageItems);
      count += pageCount;
      scanned += pageScanned;
      startKey = lastKey;
    } while (paginate && lastKey != null && pages < MAX_PAGES);
    ObjectNode out = Json.object();
    if (!countOnly) {
      out.set("Items", DynamoJson.fromItems(items));
    }
    out.put("Count", count);
    out.put("ScannedCount", scanned);
    if (!paginate && lastKey != null) {
      out.set("LastEvaluatedKey", DynamoJson.fromItem(lastKey));
    }
    if (nextToken != null) {
      out.put("NextToken", nextToken);
    }
    return ExecutionResult.ok(out, countOnly ? count : items.size(), true);
  }

  private static String encodeToken(ObjectNode t) {
    return Base64.getEncoder().encodeToString(Json.compact(t).getBytes(StandardCharsets.UTF_8));
  }

  private static JsonNode decodeToken(String token) {
    try {
      JsonNode n = Json.parseTrusted(new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8));
      if (!n.isObject()) {
        throw new IllegalArgumentException("not an object");
      }
      return n;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--starting-token is not a token this tool produced (use the NextToken of an earlier run)");
    }
  }

  /** The CLI's output of a single-item write: {@code Attributes} when ReturnValues asked for them. */
  private static ExecutionResult attributes(Map<String, AttributeValue> attrs) {
    ObjectNode out = Json.object();
    if (!attrs.isEmpty()) {
      out.set("Attributes", DynamoJson.fromItem(attrs));
    }
    return ExecutionResult.ok(out, 1, false);
  }

  private ExecutionResult putItem(AwsCliCommand c) {
    var r = client.putItem(b -> b.tableName(c.tableName().orElseThrow())
        .item(values(c.json("item").orElseThrow(), "--item"))
        .conditionExpression(c.string("condition-expression").orElse(null))
        .expressionAttributeNames(names(c.json("expression-attribute-names").orElse(null)))
        .expressionAttributeValues(values(c.json("expression-attribute-values").orElse(null), "--expression-attribute-values"))
        .returnValues(c.string("return-values").orElse(null))
        .returnValuesOnConditionCheckFailure(c.string("return-values-on-condition-check-failure").orElse(null))
        .returnConsumedCapacity(capacityMode(c))
        .returnItemCollectionMetrics(c.string("return-item-collection-metrics").orElse(null)));
    meter(r.consumedCapacity());
    return attributes(r.hasAttributes() ? r.attributes() : Map.of());
  }

  private ExecutionResult updateItem(AwsCliCommand c) {
    var r = client.updateItem(b -> b.tableName(c.tableName().orElseThrow())
        .key(values(c.json("key").orElseThrow(), "--key"))
        .updateExpression(c.string("update-expression").orElse(null))
        .conditionExpression(c.string("condition-expression").orElse(null))
        .expressionAttributeNames(names(c.json("expression-attribute-names").orElse(null)))
        .expressionAttributeValues(values(c.json("expression-attribute-values").orElse(null), "--expression-attribute-values"))
        .returnValues(c.string("return-values").orElse(null))
        .returnValuesOnConditionCheckFailure(c.string("return-values-on-condition-check-failure").orElse(null))
        .returnConsumedCapacity(capacityMode(c))
        .returnItemCollectionMetrics(c.string("return-item-collection-metrics").orElse(null)));
    meter(r.consumedCapacity());
    return attributes(r.hasAttributes() ? r.attributes() : Map.of());
  }

  /**
   * A delete reports whether an item was there: without {@code --return-values} the old item is
   * asked for (ALL_OLD costs nothing extra) and left out of the printed response, so deleting a
   * missing key counts 0 items, not 1.
   */
  private ExecutionResult deleteItem(AwsCliCommand c) {
    boolean asked = c.string("return-values").isPresent();
    var r = client.deleteItem(b -> b.tableName(c.tableName().orElseThrow())
        .key(values(c.json("key").orElseThrow(), "--key"))
        .conditionExpression(c.string("condition-expression").orElse(null))
        .expressionAttributeNames(names(c.json("expression-attribute-names").orElse(null)))
        .expressionAttributeValues(values(c.json("expression-attribute-values").orElse(null), "--expression-attribute-values"))
        .returnValues(c.string("return-values").orElse("ALL_OLD"))
        .returnValuesOnConditionCheckFailure(c.string("return-values-on-condition-check-failure").orElse(null))
        .returnConsumedCapacity(capacityMode(c))
        .returnItemCollectionMetrics(c.string("return-item-collection-metrics").orElse(null)));
    meter(r.consumedCapacity());
    boolean existed = r.hasAttributes() && !r.attributes().isEmpty();
    ExecutionResult out = attributes(asked && existed ? r.attributes() : Map.of());
    return new ExecutionResult(true, 200, out.data(), "", "", asked && !"ALL_OLD".equals(c.string("return-values").get()) ? 1 : existed ? 1 : 0,
        false, List.of(), -1);
  }

  private ExecutionResult batchGet(AwsCliCommand c) {
    JsonNode ri = c.json("request-items").orElseThrow();
    if (!ri.isObject() || ri.isEmpty()) {
      throw new IllegalArgumentException("--request-items must map table names to {\"Keys\": [...]}");
    }
    Map<String, KeysAndAttributes> req = new LinkedHashMap<>();
    ri.properties().forEach(e -> {
      JsonNode t = e.getValue();
      JsonNode keys = t.path("Keys");
      if (!keys.isArray() || keys.isEmpty()) {
        throw new IllegalArgumentException("--request-items." + e.getKey() + ".Keys must be a non-empty array");
      }
      List<Map<String, AttributeValue>> ks = new ArrayList<>();
      for (int i = 0; i < keys.size(); i++) {
        ks.add(DynamoJson.toItem(keys.get(i), "--request-items." + e.getKey() + ".Keys[" + i + "]"));
      }
      req.put(e.getKey(), KeysAndAttributes.builder().keys(ks)
          .projectionExpression(text(t, "ProjectionExpression"))
          .expressionAttributeNames(names(t.get("ExpressionAttributeNames")))
          .consistentRead(t.has("ConsistentRead") ? t.get("ConsistentRead").asBoolean() : null).build());
    });
    BatchGetItemResponse r = client.batchGetItem(b -> b.requestItems(req).returnConsumedCapacity(capacityMode(c)));
    meter(r.consumedCapacity());
    ObjectNode out = Json.object();
    ObjectNode responses = out.putObject("Responses");
    int n = 0;
    for (String table : new java.util.TreeSet<>(r.responses().keySet())) {
      List<Map<String, AttributeValue>> items = new ArrayList<>(r.responses().get(table));
      items.sort(java.util.Comparator.comparing(m -> Json.compact(DynamoJson.fromItem(m))));
      responses.set(table, DynamoJson.fromItems(items));
      n += items.size();
    }
    ObjectNode unprocessed = out.putObject("UnprocessedKeys");
    r.unprocessedKeys().forEach((t, k) -> unprocessed.set(t, DynamoJson.fromItems(k.keys())));
    return ExecutionResult.ok(out, n, true);
  }

  private ExecutionResult batchWrite(AwsCliCommand c) {
    JsonNode ri = c.json("request-items").orElseThrow();
    if (!ri.isObject() || ri.isEmpty()) {
      throw new IllegalArgumentException("--request-items must map table names to lists of PutRequest/DeleteRequest");
    }
    Map<String, List<WriteRequest>> req = new LinkedHashMap<>();
    int[] n = {0};
    ri.properties().forEach(e -> {
      if (!e.getValue().isArray() || e.getValue().isEmpty()) {
        throw new IllegalArgumentException("--request-items." + e.getKey() + " must be a non-empty array");
      }
      List<WriteRequest> list = new ArrayList<>();
      for (int i = 0; i < e.getValue().size(); i++) {
        JsonNode w = e.getValue().get(i);
        String p = "--request-items." + e.getKey() + "[" + i + "]";
        if (w.has("PutRequest")) {
          list.add(WriteRequest.builder().putRequest(PutRequest.builder().item(DynamoJson.toItem(w.path("PutRequest").path("Item"), p + ".PutRequest.Item")).build()).build());
        } else if (w.has("DeleteRequest")) {
          list.add(WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(DynamoJson.toItem(w.path("DeleteRequest").path("Key"), p + ".DeleteRequest.Key")).build()).build());
        } else {
          throw new IllegalArgumentException(p + " must be {\"PutRequest\": {...}} or {\"DeleteRequest\": {...}}");
        }
      }
      n[0] += list.size();
      req.put(e.getKey(), list);
    });
    var r = client.batchWriteItem(b -> b.requestItems(req)
        .returnConsumedCapacity(capacityMode(c))
        .returnItemCollectionMetrics(c.string("return-item-collection-metrics").orElse(null)));
    meter(r.consumedCapacity());
    ObjectNode out = Json.object();
    ObjectNode unprocessed = out.putObject("UnprocessedItems");
    int left = 0;
    for (var e : r.unprocessedItems().entrySet()) {
      ArrayNode a = unprocessed.putArray(e.getKey());
      for (WriteRequest w : e.getValue()) {
        left++;
        a.add(w.putRequest() != null ? Json.object().set("PutRequest", Json.object().set("Item", DynamoJson.fromItem(w.putRequest().item())))
            : Json.object().set("DeleteRequest", Json.object().set("Key", DynamoJson.fromItem(w.deleteRequest().key()))));
      }
    }
    return ExecutionResult.ok(out, n[0] - left, false);
  }

  private ExecutionResult transactGet(AwsCliCommand c) {
    JsonNode ti = c.json("transact-items").orElseThrow();
    if (!ti.isArray() || ti.isEmpty()) {
      throw new IllegalArgumentException("--transact-items must be a non-empty array of {\"Get\": {...}}");
    }
    List<TransactGetItem> items = new ArrayList<>();
    for (int i = 0; i < ti.size(); i++) {
      JsonNode g = ti.get(i).get("Get");
      String p = "--transact-items[" + i + "].Get";
      if (g == null) {
        throw new IllegalArgumentException("--transact-items[" + i + "] must be {\"Get\": {...}}");
      }
      items.add(TransactGetItem.builder().get(Get.builder().tableName(required(g, "TableName", p))
          .key(DynamoJson.toItem(g.get("Key"), p + ".Key"))
          .projectionExpression(text(g, "ProjectionExpression"))
          .expressionAttributeNames(names(g.get("ExpressionAttributeNames"))).build()).build());
    }
    var r = client.transactGetItems(b -> b.transactItems(items).returnConsumedCapacity(capacityMode(c)));
    meter(r.consumedCapacity());
    ObjectNode out = Json.object();
    ArrayNode responses = out.putArray("Responses");
    int n = 0;
    for (var resp : r.responses()) {
      ObjectNode o = Json.object();
      if (resp.hasItem() && resp.item() != null && !resp.item().isEmpty()) {
        o.set("Item", DynamoJson.fromItem(resp.item()));
        n++;
      }
      responses.add(o);
    }
    return ExecutionResult.ok(out, n, true);
  }

  private static String required(JsonNode n, String field, String path) {
    String v = text(n, field);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException(path + "." + field + " is required");
    }
    return v;
  }

  private ExecutionResult transactWrite(AwsCliCommand c) {
    JsonNode ti = c.json("transact-items").orElseThrow();
    if (!ti.isArray() || ti.isEmpty()) {
      throw new IllegalArgumentException("--transact-items must be a non-empty array");
    }
    List<TransactWriteItem> items = new ArrayList<>();
    for (int i = 0; i < ti.size(); i++) {
      JsonNode t = ti.get(i);
      String p = "--transact-items[" + i + "]";
      TransactWriteItem.Builder b = TransactWriteItem.builder();
      if (t.has("Put")) {
        JsonNode x = t.get("Put");
        b.put(Put.builder().tableName(required(x, "TableName", p + ".Put")).item(DynamoJson.toItem(x.get("Item"), p + ".Put.Item"))
            .conditionExpression(text(x, "ConditionExpression")).expressionAttributeNames(names(x.get("ExpressionAttributeNames")))
            .expressionAttributeValues(values(x.get("ExpressionAttributeValues"), p + ".Put.ExpressionAttributeValues"))
            .returnValuesOnConditionCheckFailure(text(x, "ReturnValuesOnConditionCheckFailure")).build());
      } else if (t.has("Update")) {
        JsonNode x = t.get("Update");
        b.update(Update.builder().tableName(required(x, "TableName", p + ".Update")).key(DynamoJson.toItem(x.get("Key"), p + ".Update.Key"))
            .updateExpression(required(x, "UpdateExpression", p + ".Update"))
            .conditionExpression(text(x, "ConditionExpression")).expressionAttributeNames(names(x.get("ExpressionAttributeNames")))
            .expressionAttributeValues(values(x.get("ExpressionAttributeValues"), p + ".Update.ExpressionAttributeValues"))
            .returnValuesOnConditionCheckFailure(text(x, "ReturnValuesOnConditionCheckFailure")).build());
      } else if (t.has("Delete")) {
        JsonNode x = t.get("Delete");
        b.delete(Delete.builder().tableName(required(x, "TableName", p + ".Delete")).key(DynamoJson.toItem(x.get("Key"), p + ".Delete.Key"))
            .conditionExpression(text(x, "ConditionExpression")).expressionAttributeNames(names(x.get("ExpressionAttributeNames")))
            .expressionAttributeValues(values(x.get("ExpressionAttributeValues"), p + ".Delete.ExpressionAttributeValues"))
            .returnValuesOnConditionCheckFailure(text(x, "ReturnValuesOnConditionCheckFailure")).build());
      } else if (t.has("ConditionCheck")) {
        JsonNode x = t.get("ConditionCheck");
        b.conditionCheck(ConditionCheck.builder().tableName(required(x, "TableName", p + ".ConditionCheck"))
            .key(DynamoJson.toItem(x.get("Key"), p + ".ConditionCheck.Key"))
            .conditionExpression(required(x, "ConditionExpression", p + ".ConditionCheck"))
            .expressionAttributeNames(names(x.get("ExpressionAttributeNames")))
            .expressionAttributeValues(values(x.get("ExpressionAttributeValues"), p + ".ConditionCheck.ExpressionAttributeValues"))
            .returnValuesOnConditionCheckFailure(text(x, "ReturnValuesOnConditionCheckFailure")).build());
      } else {
        throw new IllegalArgumentException(p + " must hold one of Put, Update, Delete, ConditionCheck");
      }
      items.add(b.build());
    }
    AwsCapacity aws = new AwsCapacity(client);
    List<Map<String, AttributeValue>> before = aws.before(items);
    var r = client.transactWriteItems(b -> b.transactItems(items)
        .returnConsumedCapacity(capacityMode(c))
        .returnItemCollectionMetrics(c.string("return-item-collection-metrics").orElse(null))
        .clientRequestToken(c.string("client-request-token").orElse(null)));
    meter(r.consumedCapacity());
    ExecutionResult out = ExecutionResult.ok(Json.object(), items.size(), false);
    return consumed >= 0 ? out.withAwsConsumedCapacity(aws.transactWrite(items, before)) : out;
  }

  private ExecutionResult describeTable(AwsCliCommand c) {
    var t = client.describeTable(b -> b.tableName(c.tableName().orElseThrow())).table();
    ObjectNode out = Json.object();
    ObjectNode d = out.putObject("Table");
    d.put("TableName", t.tableName());
    d.put("TableStatus", t.tableStatusAsString());
    ArrayNode ks = d.putArray("KeySchema");
    t.keySchema().forEach(k -> ks.add(Json.object().put("AttributeName", k.attributeName()).put("KeyType", k.keyTypeAsString())));
    ArrayNode ad = d.putArray("AttributeDefinitions");
    t.attributeDefinitions().forEach(a -> ad.add(Json.object().put("AttributeName", a.attributeName()).put("AttributeType", a.attributeTypeAsString())));
    if (t.hasGlobalSecondaryIndexes()) {
      ArrayNode g = d.putArray("GlobalSecondaryIndexes");
      t.globalSecondaryIndexes().forEach(i -> {
        ObjectNode o = Json.object().put("IndexName", i.indexName()).put("IndexStatus", i.indexStatusAsString());
        ArrayNode iks = o.putArray("KeySchema");
        i.keySchema().forEach(k -> iks.add(Json.object().put("AttributeName", k.attributeName()).put("KeyType", k.keyTypeAsString())));
        g.add(o);
      });
    }
    d.put("ItemCount", t.itemCount() == null ? 0 : t.itemCount());
    return ExecutionResult.ok(out, 0, false);
  }

  private ExecutionResult listTables(AwsCliCommand c) {
    List<String> names = new ArrayList<>();
    String start = c.string("exclusive-start-table-name").orElse(null);
    do {
      String s = start;
      var r = client.listTables(b -> b.exclusiveStartTableName(s).limit(c.integer("limit").orElse(null)));
      names.addAll(r.tableNames());
      start = r.lastEvaluatedTableName();
    } while (start != null && !c.has("limit"));
    ObjectNode out = Json.object();
    names.forEach(out.putArray("TableNames")::add);
    return ExecutionResult.ok(out, 0, false);
  }
}
