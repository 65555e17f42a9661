package dev.ddbmodel.validation;

import dev.ddbmodel.validation.internal.extract.Settings;
import dev.ddbmodel.validation.internal.extract.TableShape;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.SourceLocation;
import dev.ddbmodel.core.Suggestions;
import dev.ddbmodel.core.Validated;
import dev.ddbmodel.core.io.Outputs;
import dev.ddbmodel.core.io.PathGuard;
import dev.ddbmodel.core.json.Json;
import dev.ddbmodel.core.DataModel;
import dev.ddbmodel.core.DataModelLoader;
import dev.ddbmodel.validation.internal.exec.DynamoJson;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;

/**
 * Reads deployed tables back into a {@code dynamodb_data_model.json}: each table in CreateTable
 * shape (keys, attribute definitions, GSIs and LSIs with projections, billing, throughput
 * settings, streams, SSE, table class, deletion protection, tags, resource policy, TTL,
 * point-in-time recovery, auto scaling) plus a sample of its items, with an empty {@code
 * access_patterns} list for the designer to fill. Only read calls are made (ListTables,
 * DescribeTable, DescribeTimeToLive, DescribeContinuousBackups, ListTagsOfResource,
 * GetResourcePolicy, Scan; Application Auto Scaling DescribeScalableTargets and
 * DescribeScalingPolicies), so it is safe against a live account. A table that cannot be read,
 * or whose settings do not form a valid model, is reported and left out; the others are written.
 * A setting whose read call the endpoint does not offer (DynamoDB Local has no resource policies
 * or Application Auto Scaling) is reported as not read.
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
      return Validated.invalid(Diagnostic.environment("Extract.Configuration", "cannot set up the DynamoDB client: "
          + e.getMessage().lines().findFirst().orElse(""), SourceLocation.NONE,
          "pass --region (or set AWS_REGION) and configure credentials, or use --endpoint for a local emulator"));
    }
    Optional<ApplicationAutoScalingClient> scaling = Optional.empty();
    if (endpoint.isEmpty()) {
      try {
        var b = ApplicationAutoScalingClient.builder().httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create());
        region.map(software.amazon.awssdk.regions.Region::of).ifPresent(b::region);
        scaling = Optional.of(b.build());
      } catch (SdkClientException e) {
        scaling = Optional.empty();
      }
    }
    try (client) {
      return extract(req, client, scaling);
    } finally {
      scaling.ifPresent(ApplicationAutoScalingClient::close);
    }
  }

  /** Reads the tables through {@code client} (no auto scaling) and writes the model file. */
  public static Validated<ExtractResult> extract(ExtractRequest req, DynamoDbClient client) {
    return extract(req, client, Optional.empty());
  }

  /**
   * Reads the tables through {@code client}, their auto scaling through {@code scaling} (when
   * given), and writes the model file.
   */
  public static Validated<ExtractResult> extract(ExtractRequest req, DynamoDbClient client, Optional<ApplicationAutoScalingClient> scaling) {
    if (Files.isRegularFile(req.outputDir())) {
      return Validated.invalid(Diagnostic.usage("Extract.OutputNotFolder", "`" + req.outputDir() + "` is a file, not a folder",
          SourceLocation.NONE, "pass a folder with --out"));
    }
    // the folder is created only when the file is written, so a failed run leaves nothing behind
    Path dir = req.outputDir().toAbsolutePath().normalize();
    if (Files.isDirectory(dir)) {
      Validated<PathGuard> guard = PathGuard.of(dir);
      if (!guard.isValid()) {
        return Validated.invalid(guard.errors());
      }
      dir = guard.unwrap().base();
    }
    Path target = dir.resolve(DataModelLoader.FILE_NAME);
    String refusedHint = "choose another folder, or pass --overwrite to replace it";
    if (Files.exists(target) && !req.overwrite()) {
      // checked before reading the tables too, so a long read is not wasted
      return Validated.invalid(Diagnostic.usage("Output.Exists", "`" + target + "` already exists", SourceLocation.NONE, refusedHint));
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
      List<Diagnostic> notes = new ArrayList<>();
      Map<String, ObjectNode> read = new java.util.LinkedHashMap<>();
      Map<String, List<Map<String, AttributeValue>>> samples = new java.util.LinkedHashMap<>();
      for (String name : names) {
        try {
          TableDescription d = client.describeTable(b -> b.tableName(name)).table();
          TimeToLiveDescription ttl = client.describeTimeToLive(b -> b.tableName(name)).timeToLiveDescription();
          ObjectNode t = TableShape.table(d, ttl);
          Settings.read(client, scaling, d, t, notes);
          read.put(name, t);
          samples.put(name, sample(client, name, req.sampleItems()));
        } catch (DynamoDbException e) {
          notes.add(tableProblem(name, "DynamoDB refused a read: " + TableShape.code(e) + ": " + TableShape.message(e),
              "the credentials need dynamodb:DescribeTable, DescribeTimeToLive and Scan on it"));
        }
      }
      // each table must load like a hand-written model; one that does not is reported and left out
      for (var it = read.entrySet().iterator(); it.hasNext(); ) {
        var e = it.next();
        ObjectNode one = Json.object();
        one.putArray("tables").add(e.getValue());
        one.putObject("items");
        one.putArray("access_patterns");
        Validated<DataModel> check = DataModelLoader.parse(DataModelLoader.FILE_NAME, Json.pretty(one));
        if (!check.isValid()) {
          it.remove();
          notes.add(tableProblem(e.getKey(), "its settings do not form a valid model: " + check.errors().stream()
              .map(d -> d.location().pointer() + " " + d.message()).collect(java.util.stream.Collectors.joining("; ")),
              "left out of the file; report it with the table's describe-table output"));
        }
      }
      if (read.isEmpty()) {
        return Validated.invalid(notes.stream().map(d -> Diagnostic.error(d.id(), d.message(), d.location(), d.hint())).toList());
      }
      ObjectNode root = Json.object();
      ArrayNode tables = root.putArray("tables");
      ObjectNode items = root.putObject("items");
      int itemCount = 0;
      for (var e : read.entrySet()) {
        tables.add(e.getValue());
        List<Map<String, AttributeValue>> sample = samples.get(e.getKey());
        if (!sample.isEmpty()) {
          ArrayNode a = items.putArray(e.getKey());
          sample.forEach(i -> a.addObject().putObject("PutRequest").set("Item", DynamoJson.fromItem(i)));
          itemCount += sample.size();
        }
      }
      root.putArray("access_patterns");
      String json = Json.pretty(root);
      Validated<Path> written = Outputs.standard().writeTextFile(target, json, req.overwrite(), content -> false, refusedHint);
      if (!written.isValid()) {
        return Validated.invalid(written.errors());
      }
      return Validated.valid(new ExtractResult(target, List.copyOf(read.keySet()), itemCount, notes), notes);
    } catch (DynamoDbException e) {
      String code = e.awsErrorDetails() == null ? e.getClass().getSimpleName() : e.awsErrorDetails().errorCode();
      return err("Extract.Service", "DynamoDB refused a read: " + code + ": " + (e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage()),
          "the credentials need dynamodb:ListTables, DescribeTable, DescribeTimeToLive and Scan on these tables");
    } catch (SdkClientException e) {
      return Validated.invalid(Diagnostic.environment("Extract.Unreachable", "cannot reach DynamoDB: " + e.getMessage().lines().findFirst().orElse(""),
          SourceLocation.NONE, "check --endpoint (or the region and credentials for AWS)"));
    }
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

  private static Diagnostic tableProblem(String table, String message, String hint) {
    return Diagnostic.warning("Extract.TableSkipped", "table `" + table + "` was not extracted: " + message, SourceLocation.NONE, hint);
  }

  private static <T> Validated<T> err(String id, String message, String hint) {
    return Validated.invalid(Diagnostic.error(id, message, SourceLocation.NONE, hint));
  }
}
