package dev.ddbmodel.adapter.mcp.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddbmodel.adapter.mcp.Arguments;
import dev.ddbmodel.adapter.mcp.ToolBinding;
import dev.ddbmodel.adapter.mcp.ToolResult;
import dev.ddbmodel.adapter.mcp.ToolSpec;
import dev.ddbmodel.core.Validated;
import dev.ddbmodel.core.CostCalculator;
import dev.ddbmodel.core.CostReport;
import dev.ddbmodel.core.CostReportWriter;
import dev.ddbmodel.core.CostRequest;
import dev.ddbmodel.core.Guides;
import dev.ddbmodel.core.json.Json;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code compute_performances_and_costs}: capacity and monthly cost, written into the design file. */
public final class CostTool implements ToolBinding {
  @Override
  public ToolSpec spec() {
    return new ToolSpec(
        "compute_performances_and_costs",
        "Estimate DynamoDB capacity and monthly cost",
        "Computes read/write request units per access pattern, GSI write amplification, storage and the monthly"
            + " on-demand cost (us-east-1, Standard), flags patterns that exceed one partition's throughput"
            + " (3,000 RCU / 1,000 WCU), and writes the report into dynamodb_data_model.md in workspace_dir between"
            + " dedicated markers (replacing an earlier report, never other text). Pass the patterns of the model's"
            + " access pattern mapping and the tables with their sizes (every field with an example: the `cost-input`"
            + " guide, also returned with any input error). Every input problem is reported at once."
            + " Use at the end of the design step (dynamodb_data_modeling asks for it) and again after changing the design.",
        "/dev/ddbmodel/adapter/mcp/tools/compute_performances_and_costs.input.json",
        false, false, true, false);
  }

  @Override
  public ToolResult call(Arguments args) {
    Path ws = args.directory("workspace_dir");
    ObjectNode input = Json.object();
    input.set("access_pattern_list", args.json("access_pattern_list"));
    input.set("table_list", args.json("table_list"));
    Validated<CostReport> r = CostRequest.fromJson(input, "arguments").flatMap(CostCalculator::compute);
    if (!r.isValid()) {
      ToolResult invalid = ToolResult.invalid("The cost input has problems; fix all of them and call again:", r.diagnostics());
      // The reference of every field, so a client that only calls tools can correct its input.
      String reference = Guides.section("cost-input", "Reference").orElseThrow();
      return new ToolResult(invalid.text() + "\n" + reference, invalid.structured(), true);
    }
    CostReport report = r.unwrap();
    Path md = ws.resolve("dynamodb_data_model.md");
    Validated<Path> written = CostReportWriter.write(md, report.toMarkdown());
    if (!written.isValid()) {
      return ToolResult.invalid("The cost report was computed but not written:", written.diagnostics());
    }
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("status", "success");
    s.put("message", report.summaryLine() + " Report written to dynamodb_data_model.md");
    s.put("report", Json.mapper().convertValue(report.toJson(), Map.class));
    return ToolResult.ok(report.summaryLine() + " Report written to " + md + ".\n\n" + report.toMarkdown(), s);
  }
}
