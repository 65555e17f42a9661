package dev.ddbmodel.adapter.mcp;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * How the server runs.
 *
 * @param readOnly when true, tools that write files or connect to databases are not offered, file
 *     arguments must lie inside {@code workspace}, and errors never quote files that are not the
 *     expected JSON
 * @param version the version reported to clients
 * @param workspace the folder read-only mode confines file arguments to (absolute, normalized)
 */
public record ServerConfig(boolean readOnly, String version, Path workspace) {
  /** Environment variable that turns on read-only mode (true/false, 1/0, yes/no, on/off). */
  public static final String READ_ONLY_ENV = "DDBM_MCP_READ_ONLY";

  /** The variable the reference server's install configuration sets; read the same way (it can only restrict). */
  public static final String REFERENCE_READ_ONLY_ENV = "DDB-MCP-READONLY";

  public ServerConfig {
    workspace = workspace.toAbsolutePath().normalize();
  }

  /** With the current directory as workspace. */
  public ServerConfig(boolean readOnly, String version) {
    this(readOnly, version, Path.of("").toAbsolutePath());
  }

  /**
   * The value of a boolean switch such as {@value #READ_ONLY_ENV}: empty when unset or blank,
   * else true/false for true/false, 1/0, yes/no, on/off in any case.
   *
   * @throws IllegalArgumentException for any other value, with the reason
   */
  public static Optional<Boolean> parseSwitch(String name, String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes", "on" -> Optional.of(true);
      case "false", "0", "no", "off" -> Optional.of(false);
      default -> throw new IllegalArgumentException(name + "=`" + printable(value)
          + "` is not understood; use true/false, 1/0, yes/no or on/off (any case)");
    };
  }

  private static String printable(String v) {
    StringBuilder sb = new StringBuilder();
    v.codePoints().limit(40).forEach(c -> {
      if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
        sb.append(String.format(Locale.ROOT, "\\u%04x", c));
      } else {
        sb.appendCodePoint(c);
      }
    });
    return v.codePointCount(0, v.length()) > 40 ? sb + "…" : sb.toString();
  }
}
