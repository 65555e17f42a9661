package dev.ddbmodel.adapter.mcp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

/**
 * How file arguments become paths: a relative path is resolved against a base folder (the
 * workspace, i.e. the server's working directory unless configured, as the reference server does)
 * with a warning; in read-only mode every path, after following symbolic links, must lie inside the
 * workspace.
 *
 * @param workspace absolute base folder
 * @param confined true in read-only mode
 */
public record PathPolicy(Path workspace, boolean confined) {
  public PathPolicy {
    workspace = workspace.toAbsolutePath().normalize();
  }

  public static PathPolicy of(ServerConfig config) {
    return new PathPolicy(config.workspace(), config.readOnly());
  }

  /** The path named by argument {@code name}; relative values resolve against {@code base} (the workspace when null). */
  Path resolve(String value, String name, Path base, List<String> warnings) {
    if (value.indexOf('\0') >= 0) {
      throw new ToolArgumentException("`" + name + "` contains a NUL byte");
    }
    Path p;
    try {
      p = Path.of(value);
    } catch (InvalidPathException e) {
      throw new ToolArgumentException("`" + name + "` is not a valid path: " + e.getReason());
    }
    if (!p.isAbsolute()) {
      Path against = base == null ? workspace : base;
      p = against.resolve(p);
      warnings.add("`" + name + "` was a relative path; resolved against " + against + " to " + p.normalize()
          + " (pass an absolute path to be explicit)");
    }
    p = p.normalize();
    if (confined && !inside(p)) {
      throw new ToolArgumentException("`" + name + "` is outside the workspace " + workspace
          + ": in read-only mode file arguments must lie inside it (symbolic links are followed)");
    }
    return p;
  }

  /** True when {@code p}, with every symbolic link followed, lies in the workspace. */
  boolean inside(Path p) {
    Path realBase;
    try {
      realBase = workspace.toRealPath();
    } catch (IOException e) {
      return false;
    }
    Path r = real(p);
    return r != null && r.startsWith(realBase);
  }

  /** The real path of the deepest existing ancestor with the rest appended; null when it cannot be known. */
  private static Path real(Path p) {
    Path existing = p;
    Path rest = p.getFileSystem().getPath("");
    while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      rest = existing.getFileName().resolve(rest);
      existing = existing.getParent();
    }
    if (existing == null) {
      return null;
    }
    try {
      return existing.toRealPath().resolve(rest).normalize();
    } catch (IOException e) {
      return null; // a dangling link or an unreadable folder: nothing proves it is inside
    }
  }
}
