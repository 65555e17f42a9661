package dev.ddbmodel.adapter.mcp;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The MCP server's options, parsed once (by {@link #parse} for the server jar, or by the CLI's
 * picocli command) and then resolved against the environment by {@link McpServerMain#run}.
 *
 * @param httpPort serve streamable HTTP on this port (0: any free port); empty: stdio
 * @param host address to bind in HTTP mode
 * @param readOnly the {@code --read-only} flag (the environment can also turn it on)
 * @param allowedOrigins extra Origin values accepted in HTTP mode
 * @param allowedHosts extra Host header values accepted in HTTP mode
 * @param authTokenEnv name of the environment variable holding the bearer token, if any
 * @param workspace folder read-only mode confines file arguments to; empty: the current directory
 */
public record LaunchOptions(
    Optional<Integer> httpPort,
    String host,
    boolean readOnly,
    List<String> allowedOrigins,
    List<String> allowedHosts,
    Optional<String> authTokenEnv,
    Optional<Path> workspace) {
  public static final String USAGE =
      "usage: ddbm mcp [--http PORT [--host 127.0.0.1] [--auth-token-env VAR] [--allowed-origin O]... [--allowed-host H]...]"
          + " [--read-only] [--workspace DIR]";

  public LaunchOptions {
    allowedOrigins = List.copyOf(allowedOrigins);
    allowedHosts = List.copyOf(allowedHosts);
  }

  /** stdio, loopback, nothing else. */
  public static LaunchOptions defaults() {
    return new LaunchOptions(Optional.empty(), "127.0.0.1", false, List.of(), List.of(), Optional.empty(), Optional.empty());
  }

  /** Options or a usage error. */
  public record Parsed(LaunchOptions options, String error) {}

  static Parsed parse(String[] args) {
    Optional<Integer> port = Optional.empty();
    String host = "127.0.0.1";
    boolean readOnly = false;
    List<String> origins = new ArrayList<>();
    List<String> hosts = new ArrayList<>();
    Optional<String> tokenEnv = Optional.empty();
    Optional<Path> workspace = Optional.empty();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      boolean needsValue = List.of("--http", "--host", "--allowed-origin", "--allowed-host", "--auth-token-env", "--workspace").contains(a);
      if (needsValue && i + 1 >= args.length) {
        return new Parsed(null, a + " needs a value");
      }
      switch (a) {
        case "--http" -> {
          String v = args[++i];
          int p;
          try {
            p = Integer.parseInt(v);
          } catch (NumberFormatException e) {
            return new Parsed(null, "--http needs a port number, got `" + v + "`");
          }
          port = Optional.of(p); // the range is checked when serving: an unusable port is an environment problem
        }
        case "--host" -> host = args[++i];
        case "--allowed-origin" -> origins.add(args[++i]);
        case "--allowed-host" -> hosts.add(args[++i]);
        case "--auth-token-env" -> tokenEnv = Optional.of(args[++i]);
        case "--workspace" -> {
          try {
            workspace = Optional.of(Path.of(args[++i]));
          } catch (InvalidPathException e) {
            return new Parsed(null, "--workspace is not a valid path: " + e.getReason());
          }
        }
        case "--read-only" -> readOnly = true;
        case "--stdio" -> {
          // the default
        }
        default -> {
          return new Parsed(null, "unknown option `" + a + "`");
        }
      }
    }
    return new Parsed(new LaunchOptions(port, host, readOnly, origins, hosts, tokenEnv, workspace), null);
  }
}
