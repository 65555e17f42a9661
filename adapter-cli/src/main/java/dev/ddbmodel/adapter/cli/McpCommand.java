package dev.ddbmodel.adapter.cli;

import dev.ddbmodel.adapter.mcp.LaunchOptions;
import dev.ddbmodel.adapter.mcp.McpServerMain;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ddbm mcp}: runs the MCP server (stdio by default). */
@Command(
    name = "mcp",
    description = "Run the MCP server for AI assistants (stdio by default, or streamable HTTP).",
    subcommands = McpCommand.Config.class)
final class McpCommand implements Callable<Integer> {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--http", paramLabel = "PORT", description = "Serve streamable HTTP on PORT (0 = any free port) instead of stdio.")
  Integer httpPort;

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind in HTTP mode (default: ${DEFAULT-VALUE}). "
      + "Any non-loopback address needs --auth-token-env.")
  String host;

  @Option(names = "--auth-token-env", paramLabel = "VAR", description = "HTTP mode: every request must carry `Authorization: Bearer <value of VAR>`.")
  String authTokenEnv;

  @Option(names = "--allowed-origin", paramLabel = "ORIGIN", description = "HTTP mode: also accept this Origin (e.g. https://app.example, "
      + "http://host:* for any port); loopback origins are always accepted.")
  List<String> allowedOrigins = new ArrayList<>();

  @Option(names = "--allowed-host", paramLabel = "HOST", description = "HTTP mode: also accept this Host header (e.g. mcp.internal:*); "
      + "loopback names and the bound address are always accepted.")
  List<String> allowedHosts = new ArrayList<>();

  @Option(names = "--read-only", description = "Hide tools that write files or connect to databases and confine file arguments to the "
      + "workspace (also DDBM_MCP_READ_ONLY=true).")
  boolean readOnly;

  @Option(names = "--workspace", paramLabel = "DIR", description = "Folder that read-only mode confines file arguments to (default: the current folder).")
  java.nio.file.Path workspace;

  @Override
  public Integer call() throws Exception {
    // parsed once, here; the server resolves the environment and answers 0, 2 (usage) or 3 (environment)
    LaunchOptions options = new LaunchOptions(Optional.ofNullable(httpPort), host, readOnly, allowedOrigins, allowedHosts,
        Optional.ofNullable(authTokenEnv), Optional.ofNullable(workspace));
    return McpServerMain.runProcess(options, spec.commandLine().getErr());
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
