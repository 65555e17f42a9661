package dev.ddbmodel.adapter.mcp.tools;

import dev.ddbmodel.adapter.mcp.Arguments;
import dev.ddbmodel.adapter.mcp.ToolBinding;
import dev.ddbmodel.adapter.mcp.ToolResult;
import dev.ddbmodel.adapter.mcp.ToolSpec;
import dev.ddbmodel.core.Validated;
import dev.ddbmodel.core.json.Json;
import dev.ddbmodel.validation.ModelValidation;
import dev.ddbmodel.validation.ModelValidationReport;
import dev.ddbmodel.validation.ModelValidationRequest;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code dynamodb_data_model_validation}: runs the model on embedded DynamoDB Local. */
public final class DataModelValidationTool implements ToolBinding {
  @Override
  public ToolSpec spec() {
    return new ToolSpec(
        "dynamodb_data_model_validation",
        "Validate a DynamoDB data model on DynamoDB Local",
        "Creates the tables of `dynamodb_data_model.json` (in workspace_dir) on an embedded, in-memory"
            + " DynamoDB Local, loads the sample items, runs every access pattern's `aws dynamodb` command"
            + " (parsed, never run in a shell) and classifies each outcome: success, success but empty,"
            + " refused by its condition, failed, or served by another service. Writes"
            + " `dynamodb_model_validation.json` and `dynamodb_model_validation.md` into workspace_dir (replacing earlier"
            + " reports; a file of the user's with one of these names stops the run and is kept) and"
            + " returns the summary. If the folder has no dynamodb_data_model.json yet, the answer is the guide to"
            + " write it: write the file, then call again. Fix failed patterns and run again until it passes. Once it"
            + " passes, offer the user the two ways on: deploy the tables (generate_resources, CDK or CloudFormation) or"
            + " generate application code (dynamodb_data_model_schema_converter, then the schema validator and"
            + " generate_data_access_layer); ask before doing either. Needs no AWS account and never touches real tables.",
        "/dev/ddbmodel/adapter/mcp/tools/dynamodb_data_model_validation.input.json",
        false, true, true, false);
  }

  @Override
  public ToolResult call(Arguments args) {
    Path ws = args.directory("workspace_dir");
    Path model = ws.resolve("dynamodb_data_model.json");
    if (!java.nio.file.Files.exists(model)) {
      // as the reference: the assistant learns the format here, writes the file and calls again
      dev.ddbmodel.core.Guide g = dev.ddbmodel.core.Guides.expect("data-model-json");
      String text = "Error: " + model + " not found. Write it following the guide below (tables, items, access_patterns),"
          + " then call dynamodb_data_model_validation again with the same workspace_dir.\n\n" + g.text();
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("status", "model_missing");
      s.put("message", "dynamodb_data_model.json not found in " + ws + "; the guide to write it is in result");
      s.put("guide", g.id());
      return new ToolResult(text, s, false);
    }
    Validated<ModelValidationReport> r = ModelValidation.run(ModelValidationRequest.embedded(ws));
    if (!r.isValid()) {
      return ToolResult.invalid("The data model could not be validated:", r.diagnostics());
    }
    ModelValidationReport report = r.unwrap();
    ModelValidationReport.Summary s = report.summary();
    Map<String, Object> structured = new LinkedHashMap<>();
    structured.put("status", s.status());
    structured.put("summary", Json.mapper().convertValue(report.toJson().get("summary"), Map.class));
    structured.put("report_json", ws.resolve(ModelValidationReport.JSON_FILE).toString());
    structured.put("report_markdown", ws.resolve(ModelValidationReport.MARKDOWN_FILE).toString());
    String text = report.toMarkdown()
        + "\n---\nReports written to `" + ws.resolve(ModelValidationReport.JSON_FILE) + "` and `"
        + ws.resolve(ModelValidationReport.MARKDOWN_FILE) + "`.\n"
        + (report.passed()
            ? "Next: estimate capacity and cost with `compute_performances_and_costs`, then `generate_resources` (CDK or CloudFormation) or `dynamodb_data_model_schema_converter` and `generate_data_access_layer`.\n"
            : "Next: fix the failed patterns or resources in `dynamodb_data_model.json` and run this tool again.\n");
    return new ToolResult(text, structured, !report.passed());
  }
}
