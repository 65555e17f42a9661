package dev.ddbmodel.core.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;

/**
 * Low-level atomic writes: content goes to a temporary sibling first and is moved into place in
 * one step. {@link #write} replaces whatever is at the target, so it is only for files the
 * caller already owns; everything a command or tool writes goes through {@link Outputs}, which
 * decides what may be replaced.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Writes UTF-8 text atomically, creating parent directories. */
  public static void writeString(Path target, String content) throws IOException {
    write(target, content.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes bytes atomically, creating parent directories. */
  public static void write(Path target, byte[] content) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
    try {
      Files.write(tmp, content);
      move(tmp, target);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * Writes a set of files (relative path to content) into the folder {@code target} under the
   * rules of {@link Outputs#writeFolder} (manifest; user files never touched; refused folders).
   * Kept for callers written before {@link Outputs}; a refusal or failure is thrown as an
   * {@link IOException} carrying the diagnostics' messages. New code uses {@link Outputs}.
   *
   * @param replace whether generated files the user changed may be replaced ({@code overwrite})
   */
  public static void writeDirectory(Path target, Map<String, byte[]> files, boolean replace) throws IOException {
    var r = Outputs.standard().writeFolder(target, files, replace, "the generated files");
    if (!r.isValid()) {
      throw new IOException(r.errors().stream().map(d -> d.message() + " (" + d.id() + ")").collect(java.util.stream.Collectors.joining("; ")));
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Deletes a file tree without following symbolic links. */
  public static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException exc)
              throws IOException {
            if (exc != null) {
              throw exc;
            }
            Files.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
