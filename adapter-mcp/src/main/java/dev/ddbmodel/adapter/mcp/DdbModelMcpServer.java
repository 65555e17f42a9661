package dev.ddbmodel.adapter.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddbmodel.core.json.Json;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Assembles the MCP server from tool bindings, prompts and resources, for any transport. */
public final class DdbModelMcpServer {
  /** Name announced to clients (the reference's, so existing client setups keep working). */
  public static final String SERVER_NAME = "dynamodb-mcp-server";

  private static final System.Logger LOG = System.getLogger(DdbModelMcpServer.class.getName());

  private final ServerConfig config;
  private final List<ToolBinding> tools;
  private final GuideFeatures guides;
  private final McpJsonMapper mapper = McpJsonDefaults.getMapper();

  public DdbModelMcpServer(ServerConfig config, List<ToolBinding> tools, GuideFeatures guides) {
    this.config = config;
    this.tools = List.copyOf(tools);
    this.guides = guides;
  }

  /** The default server: every tool, every guide as prompt and resource. */
  public static DdbModelMcpServer standard(ServerConfig config) {
    return new DdbModelMcpServer(config, ToolCatalog.all(), GuideFeatures.standard());
  }

  public McpJsonMapper mapper() {
    return mapper;
  }

  /** The tools offered under this configuration (read-only mode hides the others). */
  public List<ToolBinding> offeredTools() {
    return tools.stream().filter(t -> !config.readOnly() || t.spec().readOnly()).toList();
  }

  public McpSyncServer start(McpServerTransportProvider transport) {
    return configure(McpServer.sync(transport)).build();
  }

  public McpSyncServer start(McpStreamableServerTransportProvider transport) {
    return configure(McpServer.sync(transport)).build();
  }

  private <S extends McpServer.SyncSpecification<S>> McpServer.SyncSpecification<S> configure(
      McpServer.SyncSpecification<S> spec) {
    spec.serverInfo(SERVER_NAME, config.version())
        .jsonMapper(mapper)
        // arguments are checked by ArgumentCoercer against the same schema, leniently as the reference does
        .validateToolInputs(false)
        .jsonSchemaValidator(new LazySchemaValidator())
        .instructions(instructions())
        .capabilities(
            McpSchema.ServerCapabilities.builder()
                .tools(false)
                .prompts(false)
                .resources(false, false)
                .logging()
                .build())
        .tools(toolSpecifications())
        .prompts(guides.prompts())
        .resources(guides.resources())
        .resourceTemplates(ViewResource.templates(PathPolicy.of(config)));
    return spec;
  }

  private String instructions() {
    StringBuilder sb =
        new StringBuilder(
            "DynamoDB data modeling toolkit (ddbmodel). It guides a requirements-to-design"
                + " workflow, validates a data model against an embedded DynamoDB Local, estimates"
                + " capacity and cost, analyzes source relational databases, and generates data"
                + " access code and infrastructure. ToolCatalog:\n");
    for (ToolBinding t : offeredTools()) {
      sb.append("- ").append(t.spec().name()).append(": ").append(t.spec().title()).append('\n');
    }
    if (config.readOnly()) {
      sb.append("Read-only mode: tools that write files or connect to databases are disabled.\n");
    }
    return sb.toString();
  }

  List<McpServerFeatures.SyncToolSpecification> toolSpecifications() {
    List<McpServerFeatures.SyncToolSpecification> out = new ArrayList<>();
    @SuppressWarnings("unchecked")
    java.util.Map<String, Object> outputSchema = (java.util.Map<String, Object>) Json.toPlain(Json.parseTrusted(resource(OUTPUT_SCHEMA)));
    for (ToolBinding binding : offeredTools()) {
      ToolSpec s = binding.spec();
      JsonNode schema = Json.parseTrusted(resource(s.inputSchemaResource()));
      McpSchema.Tool tool =
          McpSchema.Tool.builder()
              .name(s.name())
              .title(s.title())
              .description(s.description())
              .inputSchema(inputSchema(published(schema)))
              .outputSchema(outputSchema)
              .annotations(
                  new McpSchema.ToolAnnotations(
                      s.title(), s.readOnly(), s.destructive(), s.idempotent(), s.openWorld(),
                      null))
              .build();
      out.add(
          McpServerFeatures.SyncToolSpecification.builder()
              .tool(tool)
              .callHandler((exchange, request) -> render(invoke(binding, schema, request.arguments())))
              .build());
    }
    return out;
  }

  /** Output schema shared by every tool: the reference's {@code result} text plus our structured keys. */
  static final String OUTPUT_SCHEMA = "/dev/ddbmodel/adapter/mcp/tools/output.schema.json";

  /**
   * The input schema as clients see it: extra arguments are allowed (they are ignored with a
   * warning). Optional parameters keep a single {@code type} (type lists such as
   * {@code ["string","null"]} are less portable across model providers, the Inspector's strict check
   * warns about them); an explicit null is still accepted and means "not given".
   */
  static JsonNode published(JsonNode schema) {
    ObjectNode copy = schema.deepCopy();
    copy.remove("additionalProperties");
    return copy;
  }

  /**
   * The input schema as the SDK's tool holds it (a map), built from the published tree directly:
   * reading JSON text into it would start the SDK's JSON mapper's object binding on the start-up
   * path. {@code ToolSchemaRecordTest} pins that clients receive the same bytes.
   */
  @SuppressWarnings("unchecked")
  static java.util.Map<String, Object> inputSchema(JsonNode schema) {
    return (java.util.Map<String, Object>) Json.toPlain(schema);
  }

  /** Calls a binding, turning argument problems and bugs into error results. */
  ToolResult invoke(ToolBinding binding, JsonNode schema, java.util.Map<String, Object> args) {
    List<String> warnings = new ArrayList<>();
    ToolResult r;
    try {
      @SuppressWarnings("unchecked")
      java.util.Map<String, Object> coerced = Json.mapper().convertValue(ArgumentCoercer.coerce(schema, args, warnings), java.util.Map.class);
      r = binding.call(new Arguments(coerced, PathPolicy.of(config), warnings));
    } catch (ToolArgumentException e) {
      r = ToolResult.error(e.getMessage());
    } catch (RuntimeException | LinkageError e) {
      LOG.log(System.Logger.Level.ERROR, "tool " + binding.spec().name() + " failed", e);
      r = ToolResult.error(
          "Internal error in `" + binding.spec().name() + "`: " + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : ": " + e.getMessage())
              + ". The server log (stderr) has the details; the server keeps running.");
    }
    return r.withWarnings(warnings);
  }

  /** For tests: a binding called without a schema (every argument passed as given). */
  static ToolResult invoke(ToolBinding binding, java.util.Map<String, Object> args) {
    return new DdbModelMcpServer(new ServerConfig(false, "test"), List.of(binding), GuideFeatures.none())
        .invoke(binding, Json.parseTrusted(resource(binding.spec().inputSchemaResource())), args);
  }

  private static McpSchema.CallToolResult render(ToolResult r) {
    java.util.Map<String, Object> structured = new java.util.LinkedHashMap<>();
    structured.put("result", r.text()); // the reference server's structured shape
    structured.putAll(r.structured());
    return McpSchema.CallToolResult.builder()
        .addTextContent(r.text())
        .structuredContent(structured)
        .isError(r.error())
        .build();
  }

  static String resource(String name) {
    try (InputStream in = DdbModelMcpServer.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
