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
    description = "Run the MCP server for AI assistants (stdio by default, or streamable HTTP).",
    subcommands = McpCommand.Config.class)
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

  /** {@code ddbm mcp config --client NAME}: the client configuration for this installation. */
  @Command(name = "config", description = "Print the MCP configuration for a client, with this installation's absolute paths.")
  static final class Config implements Callable<Integer> {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--client", defaultValue = "claude", description = "claude, cursor, vscode, kiro or q (default: ${DEFAULT-VALUE}).")
    String client;

    @Option(names = "--read-only", description = "Configure the server in read-only mode.")
    boolean readOnly;

    @Override
    public Integer call() throws Exception {
      McpClientConfig.Client c;
      try {
        c = McpClientConfig.parse(client);
      } catch (IllegalArgumentException e) {
        spec.commandLine().getErr().println("ddbm mcp config: unknown client `" + client + "`; "
            + dev.ddbmodel.core.Suggestions.hint(client, java.util.Arrays.stream(McpClientConfig.Client.values())
                .map(x -> x.name().toLowerCase(java.util.Locale.ROOT)).toList()));
        return ExitCodes.USAGE;
      }
      java.nio.file.Path jar = java.nio.file.Path.of(McpCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      spec.commandLine().getOut().println(McpClientConfig.render(c, McpClientConfig.command(jar, readOnly)).stripTrailing());
      spec.commandLine().getOut().flush();
      spec.commandLine().getErr().println("# " + c.where);
      return ExitCodes.OK;
    }
  }
}
