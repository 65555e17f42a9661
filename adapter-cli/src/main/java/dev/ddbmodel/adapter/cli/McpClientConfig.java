package dev.ddbmodel.adapter.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddbmodel.core.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The MCP client configuration snippet for this installation: absolute paths to ddbm.jar (and its
 * class-data archive when present), in the file format each client reads.
 */
final class McpClientConfig {
  /** The server key existing setups of the reference server use. */
  static final String SERVER_NAME = "awslabs.dynamodb-mcp-server";

  /** Supported clients and where their configuration lives. */
  enum Client {
    CLAUDE("Claude Desktop: claude_desktop_config.json; Claude Code: .mcp.json in the project"),
    CURSOR("Cursor: ~/.cursor/mcp.json or .cursor/mcp.json in the project"),
    VSCODE("VS Code: .vscode/mcp.json in the workspace"),
    KIRO("Kiro: .kiro/settings/mcp.json (workspace) or ~/.kiro/settings/mcp.json"),
    Q("Amazon Q Developer: ~/.aws/amazonq/mcp.json");

    final String where;

    Client(String where) {
      this.where = where;
    }
  }

  private McpClientConfig() {}

  /**
   * java + arguments that start the stdio server from this installation's one jar ({@code
   * ddbm.jar mcp}), with the start-up archive the launcher recorded beside it when there is one
   * (a stale or foreign archive only costs speed: the JVM warns on stderr and runs without it).
   */
  static List<String> command(Path cliJar, boolean readOnly) {
    List<String> cmd = new ArrayList<>(List.of("java"));
    Path jar = cliJar.toAbsolutePath().normalize();
    if (Files.isDirectory(jar)) { // run from a build tree's classes folder: the jar packaged beside it
      jar = jar.resolveSibling("ddbm.jar");
    }
    Path jsa = jar.resolveSibling(jar.getFileName().toString().replaceFirst("\\.jar$", ".jsa"));
    if (Files.isRegularFile(jsa)) {
      cmd.add("-XX:SharedArchiveFile=" + jsa);
    }
    cmd.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xlog:disable", "-Xlog:all=warning:stderr", "-jar", jar.toString(), "mcp"));
    if (readOnly) {
      cmd.add("--read-only");
    }
    return cmd;
  }

  /** The configuration file content for one client. */
  static String render(Client client, List<String> command) {
    ObjectNode root = Json.object();
    ObjectNode server = (client == Client.VSCODE ? root.putObject("servers") : root.putObject("mcpServers")).putObject(SERVER_NAME);
    if (client == Client.VSCODE) {
      server.put("type", "stdio");
    }
    server.put("command", command.get(0));
    var args = server.putArray("args");
    command.subList(1, command.size()).forEach(args::add);
    server.putObject("env").put("DDB_LOCAL_TELEMETRY", "0");
    if (client == Client.KIRO || client == Client.Q) {
      server.put("disabled", false);
      server.putArray("autoApprove");
    }
    return Json.pretty(root);
  }

  static Client parse(String name) {
    return Client.valueOf(name.toUpperCase(Locale.ROOT));
  }
}
