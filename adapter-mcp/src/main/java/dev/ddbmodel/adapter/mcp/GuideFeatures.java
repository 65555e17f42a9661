package dev.ddbmodel.adapter.mcp;

import dev.ddbmodel.core.Guides;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The guides offered as MCP prompts and as MCP resources ({@code ddbmodel://guides/<id>}), plus the
 * JSON Schema of schema.json as a resource.
 */
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

  /**
   * Every bundled guide, as a prompt and as a resource. Only the manifest is read here; a guide's
   * text is read on its first {@code prompts/get} or {@code resources/read}, so listing them costs
   * the server's start-up nothing.
   */
  public static GuideFeatures standard() {
    List<McpServerFeatures.SyncPromptSpecification> prompts = new ArrayList<>();
    List<McpServerFeatures.SyncResourceSpecification> resources = new ArrayList<>();
    for (Guides.Entry g : Guides.entries()) {
      Supplier<String> text = once(() -> Guides.expect(g.id()).text());
      McpSchema.Prompt prompt = new McpSchema.Prompt(g.id(), g.title(), g.description(), List.of());
      prompts.add(new McpServerFeatures.SyncPromptSpecification(prompt, (exchange, req) ->
          new McpSchema.GetPromptResult(g.description(), List.of(new McpSchema.PromptMessage(McpSchema.Role.USER, new McpSchema.TextContent(text.get()))))));
      String uri = "ddbmodel://guides/" + g.id();
      McpSchema.Resource resource = McpSchema.Resource.builder().uri(uri).name(g.id()).title(g.title())
          .description(g.description()).mimeType("text/markdown").build();
      resources.add(new McpServerFeatures.SyncResourceSpecification(resource, (exchange, req) ->
          new McpSchema.ReadResourceResult(List.of(new McpSchema.TextResourceContents(uri, "text/markdown", text.get())))));
    }
    String schemaUri = "ddbmodel://schemas/schema.json.schema.json";
    Supplier<String> schemaText = once(dev.ddbmodel.schema.internal.rules.SchemaJsonSchema::text);
    McpSchema.Resource jsonSchema = McpSchema.Resource.builder().uri(schemaUri).name("schema.json.schema.json").title("JSON Schema of schema.json")
        .description("Structure and closed value sets of schema.json (draft 2020-12), for writing it correctly the first time")
        .mimeType("application/schema+json").build();
    resources.add(new McpServerFeatures.SyncResourceSpecification(jsonSchema, (exchange, req) ->
        new McpSchema.ReadResourceResult(List.of(new McpSchema.TextResourceContents(schemaUri, "application/schema+json", schemaText.get())))));
    return new GuideFeatures(prompts, resources);
  }

  /** {@code s}, computed on the first call and kept (bundled texts do not change while the server runs). */
  private static Supplier<String> once(Supplier<String> s) {
    AtomicReference<String> value = new AtomicReference<>();
    return () -> {
      String v = value.get();
      if (v == null) {
        v = s.get();
        value.compareAndSet(null, v);
      }
      return v;
    };
  }
}
