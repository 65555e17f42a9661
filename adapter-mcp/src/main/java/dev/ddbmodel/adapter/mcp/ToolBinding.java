package dev.ddbmodel.adapter.mcp;

/**
 * One MCP tool: read arguments, make one domain call, render the result. No business logic
 * lives here.
 */
public interface ToolBinding {
  ToolSpec spec();

  ToolResult call(Arguments arguments);
}
