package dev.ddbmodel.adapter.mcp;

import dev.ddbmodel.adapter.mcp.tools.CostTool;
import dev.ddbmodel.adapter.mcp.tools.DataModelValidationTool;
import dev.ddbmodel.adapter.mcp.tools.GenerateDalTool;
import dev.ddbmodel.adapter.mcp.tools.GenerateResourcesTool;
import dev.ddbmodel.adapter.mcp.tools.WorkbenchImportTool;
import dev.ddbmodel.adapter.mcp.tools.GuideTools;
import dev.ddbmodel.adapter.mcp.tools.SchemaValidatorTool;
import dev.ddbmodel.adapter.mcp.tools.SourceDbAnalyzerTool;
import java.util.List;

/** Every tool the server offers, in the order clients list them. */
public final class ToolCatalog {
  private ToolCatalog() {}

  public static List<ToolBinding> all() {
    return List.of(
        new GuideTools.Modeling(),
        new DataModelValidationTool(),
        new SourceDbAnalyzerTool(),
        new GenerateResourcesTool(),
        new GuideTools.SchemaConverter(),
        new SchemaValidatorTool(),
        new GenerateDalTool(),
        new CostTool(),
        new WorkbenchImportTool());
  }
}
