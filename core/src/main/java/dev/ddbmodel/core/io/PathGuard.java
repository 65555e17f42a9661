package dev.ddbmodel.core.io;

import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.SourceLocation;
import dev.ddbmodel.core.Validated;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Resolves user-supplied paths inside one base directory and refuses everything that would leave
 * it: {@code ..} segments, absolute paths elsewhere, symbolic links pointing outside, NUL bytes,
 * backslash separators and over-long names. Every refusal is a {@code Path.*} diagnostic naming
 * the offending input and the base directory.
 */
public final class PathGuard {
  /** Longest accepted path string. */
  public static final int MAX_PATH_LENGTH = 4096;

  /** Longest accepted single name. */
  public static final int MAX_NAME_LENGTH = 255;

  private final Path base;
  private final Path realBase;

  private PathGuard(Path base, Path realBase) {
    this.base = base;
    this.realBase = realBase;
  }

  /**
   * A guard for {@code base}, which must exist and be a directory. The base itself is resolved
   * through symbolic links once, here.
   */
  public static Validated<PathGuard> of(Path base) {
    Path abs = base.toAbsolutePath().normalize();
    if (!Files.isDirectory(abs)) {
      boolean file = Files.exists(abs);
      return Validated.invalid(
          Diagnostic.usage(
              "Path.BaseMissing",
              file
                  ? "`" + abs + "` is a file, not a folder"
                  : "folder `" + abs + "` does not exist",
              SourceLocation.NONE,
              file ? "pass the folder that holds it" : "create the folder or pass an existing one"));
    }
    try {
      return Validated.valid(new PathGuard(abs, abs.toRealPath()));
    } catch (IOException e) {
      return Validated.invalid(
          Diagnostic.usage(
              "Path.BaseMissing",
              "cannot resolve base directory `" + abs + "`: " + e.getMessage(),
              SourceLocation.NONE,
              ""));
    }
  }

  /** The base directory (absolute, normalized, through symlinks). */
  public Path base() {
    return realBase;
  }

  /**
   * Resolves {@code userPath} (relative to the base, or absolute but inside it). The target need
   * not exist; if it or any parent exists, its real path must stay inside the base.
   */
  public Validated<Path> resolve(String userPath) {
    if (userPath == null || userPath.isEmpty()) {
      return refuse("Path.Empty", "path is empty", userPath, "give a file name");
    }
    if (userPath.indexOf('\0') >= 0) {
      return refuse("Path.NulByte", "path contains a NUL byte", userPath, "remove the NUL byte");
    }
    if (userPath.length() > MAX_PATH_LENGTH) {
      return refuse(
          "Path.TooLong",
          "path is " + userPath.length() + " characters long, the limit is " + MAX_PATH_LENGTH,
          userPath.substring(0, 64) + "...",
          "use a shorter path");
    }
    if (userPath.indexOf('\\') >= 0) {
      return refuse(
          "Path.Backslash",
          "path contains a backslash",
          userPath,
          "use `/` as the separator; backslashes are refused so Windows-style `..\\` tricks cannot"
              + " escape the workspace");
    }
    for (String seg : userPath.split("/")) {
      if (seg.length() > MAX_NAME_LENGTH) {
        return refuse(
            "Path.TooLong",
            "a path segment is longer than " + MAX_NAME_LENGTH + " characters",
            userPath.substring(0, Math.min(64, userPath.length())) + "...",
            "use shorter file names");
      }
      if (seg.equals("..")) {
        return refuse(
            "Path.Traversal",
            "path `" + userPath + "` contains a `..` segment",
            userPath,
            "give a path inside `" + realBase + "` without `..`");
      }
    }
    Path candidate;
    try {
      Path p = Path.of(userPath);
      candidate = (p.isAbsolute() ? p : base.resolve(p)).normalize();
    } catch (InvalidPathException e) {
      return refuse("Path.Invalid", "path is not valid: " + e.getReason(), userPath, "");
    }
    if (!candidate.startsWith(base) && !candidate.startsWith(realBase)) {
      return refuse(
          "Path.OutsideBase",
          "path `" + userPath + "` is outside the allowed directory `" + realBase + "`",
          userPath,
          "move the file into `" + realBase + "` or start the tool with that directory as base");
    }
    // Follow symbolic links on the longest existing prefix.
    Path existing = candidate;
    while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      existing = existing.getParent();
    }
    if (existing != null) {
      try {
        Path real = existing.toRealPath();
        if (!real.startsWith(realBase)) {
          return refuse(
              "Path.SymlinkEscape",
              "path `" + userPath + "` leads through a symbolic link to `" + real
                  + "`, outside the allowed directory `" + realBase + "`",
              userPath,
              "replace the link with a real file inside the directory");
        }
        Path rest = existing.relativize(candidate);
        candidate = rest.toString().isEmpty() ? real : real.resolve(rest);
      } catch (IOException e) {
        // A dangling link: refuse rather than write through it.
        return refuse(
            "Path.SymlinkEscape",
            "path `" + userPath + "` contains a dangling symbolic link",
            userPath,
            "remove the link");
      }
    }
    return Validated.valid(candidate);
  }

  /** Like {@link #resolve} and the file must exist and be a regular file. */
  public Validated<Path> resolveExistingFile(String userPath) {
    return resolve(userPath)
        .flatMap(
            p ->
                Files.isRegularFile(p)
                    ? Validated.valid(p)
                    : Files.isDirectory(p)
                        ? refuse(
                            "Path.NotFound",
                            "`" + userPath + "` is a folder, not a file",
                            userPath,
                            "name the file inside it")
                        : refuse(
                            "Path.NotFound",
                            "file `" + userPath + "` does not exist in `" + realBase + "`",
                            userPath,
                            "check the file name"));
  }

  /** A refused path is a usage problem: the request cannot be carried out as given. */
  private static <T> Validated<T> refuse(String id, String message, String input, String hint) {
    return Validated.invalid(
        Diagnostic.usage(id, message, SourceLocation.of(input == null ? "" : input, ""), hint));
  }
}
