package dev.ddbmodel.adapter.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbmodel.core.json.Json;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The tool schemas built directly as the SDK's records (start-up: no JSON text, no object binding)
 * are what the SDK's own reading of the schema text gives, the same JSON a client receives in
 * {@code tools/list}; and the SDK's schema validator is created on first use, then validates.
 */
class ToolSchemaRecordTest {
  private final McpJsonMapper mapper = McpJsonDefaults.getMapper();

  @Test
  void everyToolSerialisesAsTheSdkReadsItsSchemaText() throws Exception {
    String output = DdbModelMcpServer.resource(DdbModelMcpServer.OUTPUT_SCHEMA);
    @SuppressWarnings("unchecked")
    Map<String, Object> outputPlain = (Map<String, Object>) Json.toPlain(Json.parseTrusted(output));
    int n = 0;
    for (ToolBinding b : ToolCatalog.all()) {
      var published = DdbModelMcpServer.published(Json.parseTrusted(DdbModelMcpServer.resource(b.spec().inputSchemaResource())));
      McpSchema.Tool viaText = McpSchema.Tool.builder().name(b.spec().name()).inputSchema(mapper, Json.compact(published))
          .outputSchema(mapper, output).build();
      McpSchema.Tool direct = McpSchema.Tool.builder().name(b.spec().name()).inputSchema(DdbModelMcpServer.inputSchema(published))
          .outputSchema(outputPlain).build();
      // the same JSON (member order aside, which JSON objects do not have)
      assertThat(Json.parseTrusted(mapper.writeValueAsString(direct))).as(b.spec().name())
          .isEqualTo(Json.parseTrusted(mapper.writeValueAsString(viaText)));
      assertThat(direct.inputSchema()).as(b.spec().name()).containsKey("properties");
      // the SDK's meta-schema check, which the server skips at start-up (LazySchemaValidator.assertConforms)
      McpJsonDefaults.getSchemaValidator().assertConforms(b.spec().name() + " input", direct.inputSchema());
      McpJsonDefaults.getSchemaValidator().assertConforms(b.spec().name() + " output", direct.outputSchema());
      n++;
    }
    assertThat(n).isGreaterThanOrEqualTo(8);
  }

  @Test
  void theSdkMetaSchemaCheckCatchesABrokenSchema() {
    Map<String, Object> broken = Map.of("type", "object", "properties", Map.of("a", Map.of("type", "strnig")));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> McpJsonDefaults.getSchemaValidator().assertConforms("broken", broken))
        .isInstanceOf(RuntimeException.class);
  }

  @Test
  void theValidatorIsCreatedOnFirstUseAndThenValidates() {
    LazySchemaValidator v = new LazySchemaValidator();
    assertThat(v.created()).isFalse();
    Map<String, Object> schema = Map.of("type", "object", "required", java.util.List.of("result"),
        "properties", Map.of("result", Map.of("type", "string")));
    assertThat(v.validate(schema, Map.of("result", "ok")).valid()).isTrue();
    assertThat(v.created()).isTrue();
    assertThat(v.validate(schema, Map.of("result", 3)).valid()).isFalse();
  }
}
