package dev.ddbmodel.adapter.cli;

import dev.ddbmodel.adapter.mcp.McpServerMain;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ddbm mcp}: runs the MCP server (stdio by default). */
@Command(
    name = "mcp",
    description = "Run the MCP server for AI assistants (stdio by default, or streamable HTTP).")
final class McpCommand implements Callable<Integer> {
  @Option(names = "--http", paramLabel = "PORT", description = "Serve streamable HTTP on PORT (0 = any free port) instead of stdio.")
  Integer httpPort;

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind in HTTP mode (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--read-only", description = "Hide tools that write files or connect to databases.")
  boolean readOnly;

  @Override
  public Integer call() throws Exception {
    List<String> args = new ArrayList<>();
    if (httpPort != null) {
      args.add("--http");
      args.add(Integer.toString(httpPort));
      args.add("--host");
      args.add(host);
    }
    if (readOnly) {
      args.add("--read-only");
    }
    McpServerMain.main(args.toArray(String[]::new));
    return ExitCodes.OK;
  }
}
