package dev.ddbmodel.core.internal.checks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.json.JsonDocument;
import java.util.List;
import java.util.Map;

/**
 * The checks of a {@code dynamodb_data_model.json} document, one class per concern: first the
 * one structural pass ({@link DataModelStructureRules}, the bundled JSON Schema), then, on the typed
 * {@link TableView}s built once per table, the rules DynamoDB itself would enforce later
 * ({@link DataModelTableRules} with {@link AttributeDefinitionRules}, {@link KeySchemaRules},
 * {@link DataModelIndexRules}, {@link CapacityRules}, {@link TableSettingsRules}), the sample items
 * ({@link ItemRules}, {@link AttributeValueRules}, {@link ItemSizeRules}) and the access
 * patterns ({@link AccessPatternRules}). Every finding carries a pointer, line, column and hint;
 * the order of the findings is the order of this walk.
 */
public final class DataModelRules {
  /** The auto scaling block of a table or GSI (TEAM.md decision 2), a key of the file that is no CreateTable parameter. */
  public static final String AUTO_SCALING = "AutoScaling";

  private DataModelRules() {}

  /** Every finding of the document, errors and warnings, in document walk order. */
  public static List<Diagnostic> check(JsonDocument doc) {
    Findings c = new Findings(doc);
    JsonNode root = doc.root();
    if (!root.isObject()) {
      DataModelStructureRules.notAnObject(root, c);
      return c.list();
    }
    DataModelStructureRules.check(doc, c);
    Map<String, TableView> tables = DataModelTableRules.check(root.path("tables"), c);
    ItemRules.check(root.path("items"), tables, c);
    AccessPatternRules.check(root.path("access_patterns"), tables, c);
    return c.list();
  }
}
