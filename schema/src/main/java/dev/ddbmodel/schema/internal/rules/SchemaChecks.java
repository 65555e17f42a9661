package dev.ddbmodel.schema.internal.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.core.json.JsonDocument;
import dev.ddbmodel.schema.SchemaIssue;
import dev.ddbmodel.schema.Schema;
import java.util.List;
import java.util.function.Function;

/**
 * The checks of a {@code schema.json} document, one class per concern: the structure pass
 * walks the document once (root, tables, entities and fields, key templates, access patterns,
 * cross-table patterns, then per table the GSI definitions, mappings and range-query parameter
 * counts); when it finds no error the semantic rules (transactions, item collections) run on
 * the built {@link Schema}. The order of the findings is the order of this walk.
 */
public final class SchemaChecks {
  private SchemaChecks() {}

  /** Every finding with its dotted path; {@code build} turns a document without errors into the typed schema. */
  public static List<SchemaIssue> check(JsonDocument doc, Function<JsonNode, Schema> build) {
    SchemaRules r = new SchemaRules(doc);
    SchemaStructureRules.check(r);
    if (r.issues.stream().noneMatch(i -> i.diagnostic().isError())) {
      Schema built = build.apply(doc.root());
      TransactionRules.semantic(r, built);
      CollectionRules.semantic(r, built);
    }
    return List.copyOf(r.issues);
  }
}
