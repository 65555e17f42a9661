package dev.ddbmodel.adapter.mcp;

import dev.ddbmodel.core.Validated;
import dev.ddbmodel.validation.ModelView;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * The model explorer page as an MCP resource: {@code ddbmodel://model-view/{workspace_dir}} with the
 * workspace's absolute path percent-encoded as one segment. Reading renders the page from the
 * workspace's files and writes nothing, so it is offered in read-only mode too.
 */
final class ViewResource {
  static final String PREFIX = "ddbmodel://model-view/";

  private ViewResource() {}

  static List<McpServerFeatures.SyncResourceTemplateSpecification> templates(PathPolicy paths) {
    McpSchema.ResourceTemplate t = McpSchema.ResourceTemplate.builder()
        .uriTemplate(PREFIX + "{workspace_dir}")
        .name("model-view")
        .title("Model explorer page")
        .description("One self-contained HTML page showing dynamodb_data_model.json: item collections per table and index, entity types,"
            + " and the access patterns with the items they read and write, last verdict, consumed capacity and monthly cost."
            + " workspace_dir is the workspace's absolute path, percent-encoded (e.g. %2Fhome%2Fme%2Fshop).")
        .mimeType("text/html")
        .build();
    return List.of(new McpServerFeatures.SyncResourceTemplateSpecification(t, (exchange, req) -> read(req.uri(), paths)));
  }

  static McpSchema.ReadResourceResult read(String uri) {
    return read(uri, new PathPolicy(Path.of("").toAbsolutePath(), false));
  }

  static McpSchema.ReadResourceResult read(String uri, PathPolicy paths) {
    if (!uri.startsWith(PREFIX)) {
      throw invalid("not a model view URI: `" + uri + "`");
    }
    String raw = URLDecoder.decode(uri.substring(PREFIX.length()), StandardCharsets.UTF_8);
    Path ws;
    try {
      ws = Path.of(raw);
    } catch (InvalidPathException e) {
      throw invalid("workspace_dir is not a valid path: " + e.getReason());
    }
    if (raw.indexOf('\0') >= 0 || !ws.isAbsolute() || !Files.isDirectory(ws)) {
      throw invalid("workspace_dir must be the absolute path of an existing folder, percent-encoded; got `" + raw + "`");
    }
    if (paths.confined() && !paths.inside(ws.normalize())) {
      throw invalid("workspace_dir is outside the workspace " + paths.workspace() + ": in read-only mode only folders inside it are shown");
    }
    Validated<ModelView.Rendered> r = ModelView.render(ws.normalize());
    if (!r.isValid()) {
      StringBuilder sb = new StringBuilder("the model cannot be shown:");
      r.errors().forEach(d -> sb.append(' ').append(d.format()).append(';'));
      throw invalid(sb.toString());
    }
    return new McpSchema.ReadResourceResult(List.of(new McpSchema.TextResourceContents(uri, "text/html", r.unwrap().html())));
  }

  private static McpError invalid(String message) {
    return McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS).message(message).build();
  }
}
