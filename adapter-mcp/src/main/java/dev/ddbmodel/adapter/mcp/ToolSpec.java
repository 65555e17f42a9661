package dev.ddbmodel.adapter.mcp;

import java.util.Objects;

/**
 * What a client sees of a tool: name, description, JSON input schema and behaviour hints.
 *
 * @param name the tool name (kept identical to the reference server's)
 * @param title short human title
 * @param description what the tool does and when to use it
 * @param inputSchemaResource classpath resource holding the flat JSON Schema of the arguments
 * @param readOnly true when the tool neither writes files nor touches external systems
 * @param destructive true when it may overwrite existing files or data
 * @param idempotent true when repeating a call with the same arguments has no further effect
 * @param openWorld true when it talks to systems outside this machine (databases, AWS)
 */
public record ToolSpec(
    String name,
    String title,
    String description,
    String inputSchemaResource,
    boolean readOnly,
    boolean destructive,
    boolean idempotent,
    boolean openWorld) {
  public ToolSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(inputSchemaResource, "inputSchemaResource");
  }
}
