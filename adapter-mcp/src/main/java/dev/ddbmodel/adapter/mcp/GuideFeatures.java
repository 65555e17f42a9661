package dev.ddbmodel.adapter.mcp;

import io.modelcontextprotocol.server.McpServerFeatures;
import java.util.List;

/** The guides offered as MCP prompts and as MCP resources. */
public record GuideFeatures(
    List<McpServerFeatures.SyncPromptSpecification> prompts,
    List<McpServerFeatures.SyncResourceSpecification> resources) {
  public GuideFeatures {
    prompts = List.copyOf(prompts);
    resources = List.copyOf(resources);
  }

  public static GuideFeatures none() {
    return new GuideFeatures(List.of(), List.of());
  }

  public static GuideFeatures standard() {
    return none();
  }
}
