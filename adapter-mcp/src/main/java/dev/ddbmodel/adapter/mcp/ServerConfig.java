package dev.ddbmodel.adapter.mcp;

/**
 * How the server runs.
 *
 * @param readOnly when true, tools that write files or connect to databases are not offered
 * @param version the version reported to clients
 */
public record ServerConfig(boolean readOnly, String version) {
  /** Environment variable that turns on read-only mode ({@code true}/{@code 1}). */
  public static final String READ_ONLY_ENV = "DDBM_MCP_READ_ONLY";

  public static boolean truthy(String value) {
    return value != null
        && (value.equalsIgnoreCase("true") || value.equals("1") || value.equalsIgnoreCase("yes"));
  }
}
