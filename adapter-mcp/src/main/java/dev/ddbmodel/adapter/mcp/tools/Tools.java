package dev.ddbmodel.adapter.mcp.tools;

import dev.ddbmodel.adapter.mcp.ToolArgumentException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Argument helpers shared by the tool bindings. */
final class Tools {
  private Tools() {}

  /** An absolute, existing directory named by a tool argument. */
  static Path absoluteDir(String value, String argument) {
    Path p = absolute(value, argument);
    if (!Files.isDirectory(p)) {
      throw new ToolArgumentException("`" + argument + "` must be an existing directory: `" + value + "` is not");
    }
    return p;
  }

  /** An absolute path named by a tool argument (NUL bytes and relative paths refused). */
  static Path absolute(String value, String argument) {
    if (value.indexOf('\0') >= 0) {
      throw new ToolArgumentException("`" + argument + "` contains a NUL byte");
    }
    try {
      Path p = Path.of(value);
      if (!p.isAbsolute()) {
        throw new ToolArgumentException("`" + argument + "` must be an absolute path, got `" + value + "`");
      }
      return p.normalize();
    } catch (InvalidPathException e) {
      throw new ToolArgumentException("`" + argument + "` is not a valid path: " + e.getReason());
    }
  }
}
