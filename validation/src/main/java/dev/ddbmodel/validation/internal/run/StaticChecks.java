package dev.ddbmodel.validation.internal.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.SourceLocation;
import dev.ddbmodel.core.Suggestions;
import dev.ddbmodel.core.AccessPatternSpec;
import dev.ddbmodel.core.DataModel;
import dev.ddbmodel.core.IndexSpec;
import dev.ddbmodel.core.TableSpec;
import dev.ddbmodel.validation.internal.awscli.AwsCliCommand;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Design findings about one access pattern that do not need DynamoDB: a Scan serving a pattern,
 * a Query filtering on key attributes, an index the table does not have, a key condition that
 * does not fit the key schema, and pattern fields that disagree with the command.
 */
final class StaticChecks {
  private StaticChecks() {}

  static List<Diagnostic> check(DataModel model, AccessPatternSpec ap, AwsCliCommand cmd, SourceLocation where) {
    List<Diagnostic> out = new ArrayList<>();
    String op = cmd.operation();
    ap.operation().filter(o -> !o.equalsIgnoreCase(op)).ifPresent(o -> out.add(Diagnostic.warning("Pattern.OperationMismatch",
        "`dynamodb_operation` says `" + o + "` but the command runs `" + op + "`", where, "make them agree")));
    if (op.equals("Scan")) {
      out.add(Diagnostic.warning("Pattern.ScanUsed",
          "the pattern is served by a Scan, which reads the whole table (or index) and grows in cost with it", where,
          "if this runs often, serve it with a Query on a key or a (sparse) GSI; a Scan is fine for rare batch jobs"));
    }
    Optional<String> tableName = cmd.tableName();
    if (tableName.isEmpty()) {
      return out;
    }
    ap.table().filter(t -> !t.equals(tableName.get())).ifPresent(t -> out.add(Diagnostic.warning("Pattern.TableMismatch",
        "`table` says `" + t + "` but the command uses `" + tableName.get() + "`", where, "make them agree")));
    Optional<TableSpec> table = model.findTable(tableName.get());
    if (table.isEmpty()) {
      out.add(Diagnostic.error("Pattern.UnknownTable", "the command uses table `" + tableName.get() + "`, which the model does not define", where,
          Suggestions.hint(tableName.get(), model.tables().stream().map(TableSpec::name).toList())));
      return out;
    }
    Optional<String> indexName = cmd.string("index-name");
    ap.index().filter(i -> !i.equals(indexName.orElse(""))).ifPresent(i -> out.add(Diagnostic.warning("Pattern.IndexMismatch",
        "`index` says `" + i + "` but the command " + indexName.map(x -> "uses `" + x + "`").orElse("reads the base table"), where,
        "make them agree")));
    List<String> partition;
    List<String> sort;
    if (indexName.isPresent()) {
      Optional<IndexSpec> idx = table.get().findIndex(indexName.get());
      if (idx.isEmpty()) {
        out.add(Diagnostic.error("Pattern.UnknownIndex", "table `" + tableName.get() + "` has no index `" + indexName.get() + "`", where,
            Suggestions.hint(indexName.get(), table.get().indexes().stream().map(IndexSpec::name).toList())));
        return out;
      }
      partition = idx.get().partitionKeys();
      sort = idx.get().sortKeys();
    } else {
      partition = List.of(table.get().partitionKey());
      sort = table.get().sortKey().map(List::of).orElse(List.of());
    }
    if (!op.equals("Query")) {
      return out;
    }
    Map<String, String> names = names(cmd.json("expression-attribute-names").orElse(null));
    List<Expressions.Term> terms = Expressions.keyTerms(cmd.string("key-condition-expression").orElse(null), names);
    List<String> keyAttrs = new ArrayList<>(partition);
    keyAttrs.addAll(sort);
    for (Expressions.Term t : terms) {
      if (!keyAttrs.contains(t.attribute())) {
        out.add(Diagnostic.error("Pattern.KeyConditionNotKey", "the key condition uses `" + t.attribute()
            + "`, which is not a key attribute of " + target(tableName.get(), indexName), where,
            "key attributes: " + String.join(", ", keyAttrs) + "; move other conditions to --filter-expression"));
      }
    }
    for (String pk : partition) {
      Optional<Expressions.Term> t = terms.stream().filter(x -> x.attribute().equals(pk)).findFirst();
      if (t.isEmpty()) {
        out.add(Diagnostic.error("Pattern.KeyConditionIncomplete", "the key condition does not fix partition key attribute `" + pk
            + "` of " + target(tableName.get(), indexName), where, "add `" + pk + " = :value`; every partition key attribute needs an equality"));
      } else if (!t.get().equality()) {
        out.add(Diagnostic.error("Pattern.KeyConditionIncomplete", "partition key attribute `" + pk + "` must be compared with `=`", where,
            "only sort key attributes allow ranges and begins_with"));
      }
    }
    boolean gap = false;
    for (int i = 0; i < sort.size(); i++) {
      String sk = sort.get(i);
      Optional<Expressions.Term> t = terms.stream().filter(x -> x.attribute().equals(sk)).findFirst();
      if (t.isEmpty()) {
        gap = true;
      } else if (gap) {
        out.add(Diagnostic.error("Pattern.KeyConditionGap", "sort key attribute `" + sk + "` is used but an earlier one (`" + sort.get(i - 1)
            + "`) is not", where, "multi-attribute sort keys are matched left to right without gaps"));
      } else if (!t.get().equality() && i < sort.size() - 1
          && sort.subList(i + 1, sort.size()).stream().anyMatch(s -> terms.stream().anyMatch(x -> x.attribute().equals(s)))) {
        out.add(Diagnostic.error("Pattern.KeyConditionGap", "the range condition on `" + sk + "` must come on the last sort key attribute used", where,
            "use equality on earlier sort key attributes"));
      }
    }
    String filter = cmd.string("filter-expression").orElse(null);
    for (String a : Expressions.attributes(filter, names)) {
      if (keyAttrs.contains(a)) {
        out.add(Diagnostic.warning("Pattern.FilterOnKey", "the filter expression tests key attribute `" + a
            + "`; filters run after the items are read and paid for", where,
            "express the condition in --key-condition-expression instead"));
      }
    }
    return out;
  }

  private static String target(String table, Optional<String> index) {
    return index.map(i -> "index `" + i + "`").orElse("table `" + table + "`");
  }

  static Map<String, String> names(JsonNode n) {
    Map<String, String> m = new LinkedHashMap<>();
    if (n != null) {
      n.properties().forEach(e -> m.put(e.getKey(), e.getValue().asText()));
    }
    return m;
  }
}
