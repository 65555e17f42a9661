package dev.ddbmodel.validation.internal.exec;

import dev.ddbmodel.validation.LocalDifference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.core.json.Json;
import dev.ddbmodel.core.DataModel;
import dev.ddbmodel.core.TableSpec;
import dev.ddbmodel.validation.internal.awscli.AwsCliCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The known places where DynamoDB Local behaves differently from AWS DynamoDB, kept as data
 * ({@code local_differences.json}, each entry shown on DynamoDB Local by {@code
 * LocalDifferencesIT}), and the rules that tell which of them a validation run hit.
 */
public final class LocalDifferences {
  /** Classpath location of the list. */
  public static final String RESOURCE = "dev/ddbmodel/validation/local_differences.json";

  private LocalDifferences() {}

  /**
   * One known difference.
   *
   * @param id stable id
   * @param kind {@code capacity}, {@code limit}, {@code accepted}, {@code response} or {@code error_text}
   * @param summary what differs
   * @param local what DynamoDB Local does
   * @param aws what AWS does
   * @param evidence where it was measured
   */
  public record Difference(String id, String kind, String summary, String local, String aws, String evidence) {}

  /** A difference a run met, and where. */
  /** Every known difference, in file order. */
  public static List<Difference> all() {
    try (InputStream in = LocalDifferences.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      JsonNode root = Json.parseTrusted(new String(Objects.requireNonNull(in, RESOURCE).readAllBytes(), StandardCharsets.UTF_8));
      List<Difference> out = new ArrayList<>();
      for (JsonNode d : root.path("differences")) {
        out.add(new Difference(d.path("id").asText(), d.path("kind").asText(), d.path("summary").asText(), d.path("local").asText(),
            d.path("aws").asText(), d.path("evidence").asText()));
      }
      return List.copyOf(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The difference with this id. */
  public static Difference get(String id) {
    return all().stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow(() -> new IllegalArgumentException("unknown difference " + id));
  }

  /** The AWS message for a message DynamoDB Local gives, when they are known to differ. */
  public static Optional<String> awsMessage(String localMessage) {
    for (Difference d : all()) {
      if (d.kind().equals("error_text") && localMessage.contains(d.local())) {
        return Optional.of(d.aws());
      }
    }
    return Optional.empty();
  }

  /** The differences one executed pattern hit. */
  public static List<LocalDifference> hits(DataModel model, String where, AwsCliCommand cmd, ExecutionResult r) {
    List<LocalDifference> out = new ArrayList<>();
    if (r.awsConsumedCapacity() >= 0 && r.awsConsumedCapacity() != r.consumedCapacity()) {
      out.add(new LocalDifference("TransactWriteCapacity", where, "DynamoDB Local reported " + ExecutionResult.units(r.consumedCapacity())
          + " WCU, AWS charges " + ExecutionResult.units(r.awsConsumedCapacity()) + " WCU"));
    }
    if (!r.success() && awsMessage(r.message()).isPresent()) {
      out.add(new LocalDifference("MissingTableErrorText", where, "AWS says: " + awsMessage(r.message()).get()));
    }
    String sub = cmd.subcommand();
    if (r.success() && cmd.string("return-item-collection-metrics").filter("SIZE"::equals).isPresent()) {
      for (String table : tablesOf(cmd)) {
        if (model.findTable(table).map(t -> !t.localSecondaryIndexes().isEmpty()).orElse(false)) {
          out.add(new LocalDifference("ItemCollectionMetricsMissing", where, "table `" + table + "` has local secondary indexes"));
        }
      }
    }
    if (r.success() && sub.equals("update-item") && cmd.string("return-values").filter(v -> v.startsWith("UPDATED_")).isPresent()
        && cmd.string("update-expression").map(LocalDifferences::nestedPath).orElse(false)) {
      out.add(new LocalDifference("UpdatedNewNestedPath", where, "AWS returns only the changed nested element"));
    }
    return out;
  }

  /** Table-level differences: settings Local does not keep. */
  public static List<LocalDifference> tableHits(TableSpec t) {
    List<String> settings = new ArrayList<>();
    JsonNode req = t.createTableRequest();
    for (String k : List.of("SSESpecification", "TableClass", "WarmThroughput", "Tags", "ResourcePolicy")) {
      if (req.has(k)) {
        settings.add(k);
      }
    }
    if (req.path("GlobalSecondaryIndexes").findValue("WarmThroughput") != null) {
      if (!settings.contains("WarmThroughput")) {
        settings.add("WarmThroughput");
      }
    }
    if (t.pointInTimeRecovery().map(p -> p.enabled()).orElse(false)) {
      settings.add("PointInTimeRecoverySpecification");
    }
    return settings.isEmpty() ? List.of() : List.of(new LocalDifference("SettingsNotKept", "table " + t.name(), String.join(", ", settings)));
  }

  /** True when a SET or REMOVE clause names a nested path (a dot or an index). */
  static boolean nestedPath(String updateExpression) {
    return updateExpression.matches("(?s).*[A-Za-z0-9_#\\]]\\s*(\\.|\\[)\\s*[A-Za-z0-9_#:].*");
  }

  private static List<String> tablesOf(AwsCliCommand cmd) {
    List<String> out = new ArrayList<>();
    cmd.tableName().ifPresent(out::add);
    cmd.json("request-items").ifPresent(n -> n.fieldNames().forEachRemaining(out::add));
    cmd.json("transact-items").ifPresent(n -> n.forEach(i -> i.properties().forEach(e -> out.add(e.getValue().path("TableName").asText()))));
    return out;
  }
}
