package dev.ddbmodel.core.internal.checks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;

/**
 * AttributeDefinitions of a table: each attribute defined once ({@code DataModel.DuplicateAttributeDefinition})
 * and each one a key of the table or of an index ({@code DataModel.UnusedAttributeDefinition}), as
 * CreateTable demands.
 */
final class AttributeDefinitionRules {
  private AttributeDefinitionRules() {}

  static void duplicates(TableView t, Findings c) {
    JsonNode defs = TableView.arr(t.node().path("AttributeDefinitions"));
    Set<String> seen = new HashSet<>();
    for (int d = 0; d < defs.size(); d++) {
      JsonNode def = defs.get(d);
      if (def.path("AttributeName").isTextual() && def.path("AttributeType").isTextual()) {
        String an = def.get("AttributeName").asText();
        if (!seen.add(an)) {
          c.error("DataModel.DuplicateAttributeDefinition", t.pointer() + "/AttributeDefinitions/" + d, "attribute `" + an + "` is defined twice", "keep one definition");
        }
      }
    }
  }

  static void unused(TableView t, Findings c) {
    JsonNode defs = TableView.arr(t.node().path("AttributeDefinitions"));
    for (int d = 0; d < defs.size(); d++) {
      String an = defs.get(d).path("AttributeName").asText(null);
      if (an != null && !t.used().contains(an)) {
        c.error("DataModel.UnusedAttributeDefinition", t.pointer() + "/AttributeDefinitions/" + d,
            "attribute `" + an + "` is defined but is not a key of the table or of an index",
            "remove it: AttributeDefinitions lists key attributes only (DynamoDB rejects the table otherwise)");
      }
    }
  }
}
