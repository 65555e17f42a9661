package dev.ddbmodel.adapter.mcp.tools;

import dev.ddbmodel.adapter.mcp.Arguments;
import dev.ddbmodel.adapter.mcp.ToolBinding;
import dev.ddbmodel.adapter.mcp.ToolResult;
import dev.ddbmodel.adapter.mcp.ToolSpec;
import dev.ddbmodel.core.json.Json;
import dev.ddbmodel.schema.SchemaValidation;
import dev.ddbmodel.schema.SchemaValidationReport;
import dev.ddbmodel.schema.SchemaValidationRequest;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** {@code dynamodb_data_model_schema_validator}: checks schema.json and usage_data.json. */
public final class SchemaValidatorTool implements ToolBinding {
  @Override
  public ToolSpec spec() {
    return new ToolSpec("dynamodb_data_model_schema_validator", "Validate schema.json (and usage_data.json)",
        "Checks schema.json for code generation: structure, field types, key templates (every placeholder must be a field),"
            + " GSI definitions and mappings (multi-attribute keys), access patterns, range-query parameters, filter"
            + " expressions and cross-table transactions; optionally usage_data.json against it (the file must be in the"
            + " schema's folder). Every problem has a path like tables[0].entities.User.fields[1].type, a line, and a fix."
            + " Fix all errors and call again until it passes, then use generate_data_access_layer.",
        "/dev/ddbmodel/adapter/mcp/tools/dynamodb_data_model_schema_validator.input.json", true, false, true, false);
  }

  @Override
  public ToolResult call(Arguments args) {
    Path schema = args.path("schema_path");
    Optional<Path> usage = args.optionalPath("usage_data_path");
    SchemaValidationReport r = SchemaValidation.validate(new SchemaValidationRequest(schema, usage, Optional.empty()));
    Map<String, Object> structured = Json.mapper().convertValue(r.toJson(), new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {});
    return new ToolResult(r.toText(), structured, !r.valid());
  }
}
