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

  /**
   * The JVM options of every ddbm start, here and in the {@code ddbm} launcher's {@code java_opts}
   * ({@code McpClientConfigTest} keeps the two equal). Serial GC and C1 only: a short-lived process
   * never repays the C2 compiler or G1's set-up. No perf data file. {@code ArchiveRelocationMode=0}
   * maps the class-data archives at the address they were recorded for, as JDK 17 upstream does by
   * default; this build of the JDK relocates them to a random address instead, which means
   * patching every pointer of the 26 MB archive on each start (about 70 ms, more than half of a
   * bare JVM start). The cost of the choice: the archives' metadata is not at a random address.
   * The last two keep JVM warnings off stdout, which carries the MCP protocol.
   */
  static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData",
      "-XX:+UnlockDiagnosticVMOptions", "-XX:ArchiveRelocationMode=0", "-Xlog:disable", "-Xlog:all=warning:stderr");

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
    cmd.addAll(JVM_OPTIONS);
    cmd.addAll(List.of("-jar", jar.toString(), "mcp"));
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
