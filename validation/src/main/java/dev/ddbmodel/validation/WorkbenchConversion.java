package dev.ddbmodel.validation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddbmodel.core.Diagnostic;
import java.util.List;

/**
 * A Workbench model converted to ddbm files, before anything is written.
 *
 * @param model the {@code dynamodb_data_model.json} document (no access patterns)
 * @param schema the {@code schema.json} skeleton: one entity per facet, no access patterns
 * @param tables table names in file order
 * @param items sample items carried over all tables
 * @param entities entity names of the skeleton, in file order
 * @param findings everything not carried ({@code Workbench.NotCarried}), assumed or merged, and
 *     the warnings of the model and schema checks, each located in the Workbench file
 * @param todo what the user must add before the model is complete, one sentence each
 */
public record WorkbenchConversion(
    ObjectNode model,
    ObjectNode schema,
    List<String> tables,
    int items,
    List<String> entities,
    List<Diagnostic> findings,
    List<String> todo) {
  public WorkbenchConversion {
    model = model.deepCopy();
    schema = schema.deepCopy();
    tables = List.copyOf(tables);
    entities = List.copyOf(entities);
    findings = List.copyOf(findings);
    todo = List.copyOf(todo);
  }

  @Override
  public ObjectNode model() {
    return model.deepCopy();
  }

  @Override
  public ObjectNode schema() {
    return schema.deepCopy();
  }
}
