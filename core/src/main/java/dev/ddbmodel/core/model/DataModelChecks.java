package dev.ddbmodel.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.json.JsonDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Structural and semantic checks of a {@code dynamodb_data_model.json} document. */
final class DataModelChecks {
  /** Table keys accepted in the file but not sent to CreateTable. */
  static final Set<String> NON_CREATE_TABLE_KEYS = Set.of("TimeToLiveSpecification");

  private DataModelChecks() {}

  static List<Diagnostic> check(JsonDocument doc) {
    List<Diagnostic> out = new ArrayList<>();
    JsonNode root = doc.root();
    if (!root.isObject()) {
      out.add(
          Diagnostic.error(
              "DataModel.Structure",
              "the document must be a JSON object, found " + JsonDocument.typeName(root),
              doc.locate(""),
              "start the file with `{\"tables\": [], \"items\": {}, \"access_patterns\": []}`"));
      return out;
    }
    for (String key : List.of("tables", "items", "access_patterns")) {
      if (!root.has(key)) {
        out.add(
            Diagnostic.error(
                "DataModel.Structure",
                "required property `" + key + "` is missing",
                doc.locate(""),
                "add `\"" + key + "\"` (it may be empty)"));
      }
    }
    return out;
  }
}
