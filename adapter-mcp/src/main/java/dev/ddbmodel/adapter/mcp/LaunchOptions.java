package dev.ddbmodel.adapter.mcp;

/** Parsed command line of the MCP server. */
record LaunchOptions(int httpPort, String host, boolean readOnly, String error) {
  static final String USAGE =
      "usage: ddbmodel-mcp [--http PORT] [--host 127.0.0.1] [--read-only]";

  static LaunchOptions parse(String[] args, String readOnlyEnv) {
    int port = -1;
    String host = "127.0.0.1";
    boolean readOnly = ServerConfig.truthy(readOnlyEnv);
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--http":
          if (i + 1 >= args.length) {
            return new LaunchOptions(port, host, readOnly, "--http needs a port number");
          }
          try {
            port = Integer.parseInt(args[++i]);
          } catch (NumberFormatException e) {
            return new LaunchOptions(port, host, readOnly, "--http needs a port number, got `" + args[i] + "`");
          }
          if (port < 0 || port > 65535) {
            return new LaunchOptions(port, host, readOnly, "port must be 0-65535");
          }
          break;
        case "--host":
          if (i + 1 >= args.length) {
            return new LaunchOptions(port, host, readOnly, "--host needs an address");
          }
          host = args[++i];
          break;
        case "--read-only":
          readOnly = true;
          break;
        case "--stdio":
          break;
        default:
          return new LaunchOptions(port, host, readOnly, "unknown option `" + a + "`");
      }
    }
    return new LaunchOptions(port, host, readOnly, null);
  }
}
