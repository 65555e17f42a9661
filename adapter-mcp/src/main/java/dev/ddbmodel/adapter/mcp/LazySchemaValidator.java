package dev.ddbmodel.adapter.mcp;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The SDK's JSON Schema validator, created on its first use instead of when the server is built:
 * creating it loads and initialises a whole schema library, about a quarter of the server's
 * start-up before it can answer {@code initialize}. Tool inputs are checked by {@link
 * ArgumentCoercer}; the SDK validates a tool's structured output against its output schema, on the
 * first {@code tools/call}. The meta-schema check of the tools' own schemas is done by a test
 * instead (see {@link #assertConforms}).
 */
final class LazySchemaValidator implements JsonSchemaValidator {
  private final AtomicReference<JsonSchemaValidator> delegate = new AtomicReference<>();

  private JsonSchemaValidator delegate() {
    JsonSchemaValidator v = delegate.get();
    if (v == null) {
      v = McpJsonDefaults.getSchemaValidator();
      if (!delegate.compareAndSet(null, v)) {
        v = delegate.get();
      }
    }
    return v;
  }

  @Override
  public ValidationResponse validate(Map<String, Object> schema, Object structuredContent) {
    return delegate().validate(schema, structuredContent);
  }

  @Override
  public ValidationResponse validateSchema(Map<String, Object> schema) {
    return delegate().validateSchema(schema);
  }

  /**
   * Does nothing. The SDK calls this for every tool's schemas when the server is built, checking
   * them against the JSON Schema meta-schema: a third of the start-up for a check whose answer
   * cannot change, as the schemas are bundled resources. {@code ToolSchemaRecordTest} runs the
   * SDK's own check on every tool's input and output schema instead, at build time.
   */
  @Override
  public void assertConforms(String what, Map<String, Object> schema) {
    // checked at build time (ToolSchemaRecordTest)
  }

  /** For tests: whether the SDK's validator has been created. */
  boolean created() {
    return delegate.get() != null;
  }
}
