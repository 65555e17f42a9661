package dev.ddbmodel.adapter.mcp.tools;

import dev.ddbmodel.adapter.mcp.Arguments;
import dev.ddbmodel.adapter.mcp.ToolBinding;
import dev.ddbmodel.adapter.mcp.ToolResult;
import dev.ddbmodel.adapter.mcp.ToolSpec;
import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.Validated;
import dev.ddbmodel.validation.ImportRequest;
import dev.ddbmodel.validation.ImportResult;
import dev.ddbmodel.validation.WorkbenchConversion;
import dev.ddbmodel.validation.WorkbenchImport;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code import_nosql_workbench_model}: a NoSQL Workbench model into dynamodb_data_model.json and a schema.json skeleton. */
public final class WorkbenchImportTool implements ToolBinding {
  @Override
  public ToolSpec spec() {
    return new ToolSpec(
        "import_nosql_workbench_model",
        "Import a NoSQL Workbench data model",
        "Reads a NoSQL Workbench model file (its JSON export, format 3.0) and writes `dynamodb_data_model.json` (tables,"
            + " GSIs/LSIs, billing, provisioned capacity and auto scaling, the sample items) and a `schema.json` skeleton (one entity"
            + " per facet, key templates inferred from the sample keys) into workspace_dir. Returns everything that was not carried"
            + " and a to-do list: Workbench models have no access patterns, so add one `aws dynamodb` command per pattern to"
            + " `access_patterns` (see the `workbench` guide) and `access_patterns` to each schema.json entity, then run"
            + " `dynamodb_data_model_validation`. Existing files are never replaced unless overwrite is true.",
        "/dev/ddbmodel/adapter/mcp/tools/import_nosql_workbench_model.input.json",
        false, true, true, false);
  }

  @Override
  public ToolResult call(Arguments args) {
    Path file = args.path("workbench_file");
    Path ws = args.directory("workspace_dir");
    Validated<ImportResult> r = WorkbenchImport.run(new ImportRequest(file, ws, args.bool("overwrite", false)));
    if (!r.isValid()) {
      return ToolResult.invalid("The Workbench model could not be imported:", r.diagnostics());
    }
    ImportResult res = r.unwrap();
    WorkbenchConversion c = res.conversion();
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("status", "imported");
    s.put("model_file", res.modelFile().toString());
    s.put("schema_file", res.schemaFile().toString());
    s.put("tables", c.tables());
    s.put("items", c.items());
    s.put("entities", c.entities());
    s.put("findings", c.findings().stream().map(Diagnostic::toMap).toList());
    s.put("todo", c.todo());
    StringBuilder t = new StringBuilder();
    t.append("Imported ").append(c.tables().size()).append(" table(s), ").append(c.items()).append(" sample item(s) and ")
        .append(c.entities().size()).append(" entities into `").append(res.modelFile()).append("` and `").append(res.schemaFile()).append("`.\n");
    if (!c.findings().isEmpty()) {
      t.append("\nNot carried, assumed or merged:\n");
      c.findings().forEach(d -> t.append("- ").append(d.format()).append('\n'));
    }
    t.append("\nTo do:\n");
    for (int i = 0; i < c.todo().size(); i++) {
      t.append(i + 1).append(". ").append(c.todo().get(i)).append('\n');
    }
    t.append("\nNext: add the access patterns, then `dynamodb_data_model_validation` on ").append(ws).append(".\n");
    return ToolResult.ok(t.toString(), s);
  }
}
