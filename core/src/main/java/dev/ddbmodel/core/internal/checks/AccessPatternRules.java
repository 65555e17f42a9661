package dev.ddbmodel.core.internal.checks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.core.Suggestions;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The {@code access_patterns}: unique ids ({@code DataModel.DuplicatePattern}), an
 * implementation or a reason but not both ({@code DataModel.PatternUnimplemented},
 * {@code DataModel.PatternImplementationAndReason}), one {@code aws dynamodb} command
 * ({@code DataModel.NotAwsDynamoDb}) with its operation and table named
 * ({@code DataModel.OperationMissing}, {@code DataModel.PatternTableMissing}), an outcome the
 * operation can have ({@code DataModel.ExpectMismatch}), known tables and indexes
 * ({@code DataModel.UnknownPatternTable}, {@code DataModel.UnknownPatternIndex}) and, last,
 * indexes no pattern uses ({@code DataModel.UnusedIndex}, whole index names only: see
 * {@link IndexReferences}).
 */
final class AccessPatternRules {
  private static final Set<String> READ_OPERATIONS = Set.of("GetItem", "Query", "Scan", "BatchGetItem", "TransactGetItems");

  private AccessPatternRules() {}

  static void check(JsonNode aps, Map<String, TableView> tables, Findings c) {
    if (!aps.isArray()) {
      return;
    }
    Map<String, String> ids = new HashMap<>();
    Set<String> usedIndexes = new HashSet<>();
    Set<IndexReferences.Ref> commandIndexes = new HashSet<>();
    for (int i = 0; i < aps.size(); i++) {
      JsonNode ap = aps.get(i);
      String p = "/access_patterns/" + i;
      if (!ap.isObject()) {
        continue;
      }
      if (ap.path("pattern").isTextual()) {
        String id = ap.get("pattern").asText();
        String prev = ids.putIfAbsent(id, p);
        if (prev != null) {
          c.error("DataModel.DuplicatePattern", p + "/pattern", "pattern id `" + id + "` is already used by `" + prev + "`", "give each pattern its own id (e.g. `5a`, `5b`)");
        }
      }
      boolean hasImpl = ap.path("implementation").isTextual() && !ap.get("implementation").asText().isBlank();
      boolean hasReason = ap.path("reason").isTextual() && !ap.get("reason").asText().isBlank();
      if (!hasImpl && !hasReason) {
        c.error("DataModel.PatternUnimplemented", p, "the pattern has neither `implementation` nor `reason`",
            "add one `aws dynamodb ...` command, or a `reason` if another service serves it");
      } else if (hasImpl && hasReason) {
        c.error("DataModel.PatternImplementationAndReason", p, "the pattern has both `implementation` and `reason`",
            "keep `implementation` for DynamoDB patterns, `reason` only for patterns served elsewhere");
      }
      if (hasImpl) {
        String impl = ap.get("implementation").asText().strip();
        commandIndexes.addAll(IndexReferences.of(impl));
        if (!impl.startsWith("aws dynamodb ")) {
          c.error("DataModel.NotAwsDynamoDb", p + "/implementation", "the implementation must be one command starting with `aws dynamodb `",
              "e.g. aws dynamodb query --table-name Orders ...");
        }
        if (!ap.has("dynamodb_operation")) {
          c.warn("DataModel.OperationMissing", p, "the pattern does not say which `dynamodb_operation` it uses", "add e.g. \"dynamodb_operation\": \"Query\"");
        }
        if (!ap.path("table").isTextual()) {
          c.warn("DataModel.PatternTableMissing", p, "the pattern does not name its `table`", "add \"table\": \"<TableName>\"");
        }
      }
      String expect = ap.path("expect").asText("");
      String operation = ap.path("dynamodb_operation").asText("");
      boolean readOp = READ_OPERATIONS.contains(operation);
      if ((expect.equals("refused") && readOp) || (expect.equals("empty") && !readOp && !operation.isEmpty())) {
        c.error("DataModel.ExpectMismatch", p + "/expect", "a " + operation + " pattern cannot have the outcome `" + expect + "`",
            readOp ? "reads are never refused by a condition: use \"items\" or \"empty\"" : "writes return no items: use \"items\" or \"refused\"");
      }
      if (ap.path("table").isTextual()) {
        String tn = ap.get("table").asText();
        TableView info = tables.get(tn);
        if (info == null && !tables.isEmpty()) {
          c.error("DataModel.UnknownPatternTable", p + "/table", "table `" + tn + "` is not defined in `tables`", Suggestions.hint(tn, tables.keySet()));
        } else if (info != null && ap.path("index").isTextual() && !ap.get("index").asText().isBlank()) {
          String in = ap.get("index").asText();
          usedIndexes.add(tn + "/" + in);
          if (!info.indexKeys().containsKey(in)) {
            c.error("DataModel.UnknownPatternIndex", p + "/index", "table `" + tn + "` has no index `" + in + "`",
                info.indexKeys().isEmpty() ? "the table has no secondary indexes" : Suggestions.hint(in, info.indexKeys().keySet()));
          }
        }
      }
    }
    unusedIndexes(tables, usedIndexes, commandIndexes, c);
  }

  /**
   * Indexes that no pattern names in {@code index} ({@code usedIndexes}: "table/index") and no
   * command reads ({@code commandIndexes}, from {@link IndexReferences}).
   */
  private static void unusedIndexes(Map<String, TableView> tables, Set<String> usedIndexes, Set<IndexReferences.Ref> commandIndexes, Findings c) {
    for (TableView t : tables.values()) {
      for (String in : t.indexKeys().keySet()) {
        boolean named = commandIndexes.contains(new IndexReferences.Ref(t.name(), in)) || commandIndexes.contains(new IndexReferences.Ref(null, in));
        if (!usedIndexes.contains(t.name() + "/" + in) && !named) {
          c.warn("DataModel.UnusedIndex", t.indexPointers().get(in), "index `" + in + "` of table `" + t.name() + "` is not used by any access pattern",
              "remove it (every index costs storage and write capacity) or add the pattern that needs it");
        }
      }
    }
  }
}
