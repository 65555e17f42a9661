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
import java.util.TreeMap;

/**
 * Writes that never leave a half-written file or folder: content goes to a temporary sibling
 * first and is moved into place in one step.
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
   * Writes a whole set of files (relative path to content) as a new directory {@code target}:
   * the files are written into a temporary sibling directory, which is then renamed. Fails if
   * {@code target} exists and {@code replace} is false; with {@code replace} the old directory is
   * removed only after the new one is complete.
   */
  public static void writeDirectory(Path target, Map<String, byte[]> files, boolean replace)
      throws IOException {
    Path abs = target.toAbsolutePath().normalize();
    Path parent = abs.getParent();
    Files.createDirectories(parent);
    if (Files.exists(abs) && !replace) {
      throw new java.nio.file.FileAlreadyExistsException(abs.toString());
    }
    Path tmp = Files.createTempDirectory(parent, "." + abs.getFileName() + ".");
    try {
      for (Map.Entry<String, byte[]> e : new TreeMap<>(files).entrySet()) {
        Path f = tmp.resolve(e.getKey()).normalize();
        if (!f.startsWith(tmp)) {
          throw new IOException("generated path escapes the output directory: " + e.getKey());
        }
        Files.createDirectories(f.getParent());
        Files.write(f, e.getValue());
      }
      Path old = null;
      if (Files.exists(abs)) {
        old = Files.createTempDirectory(parent, "." + abs.getFileName() + ".old.");
        Files.delete(old);
        move(abs, old);
      }
      move(tmp, abs);
      if (old != null) {
        deleteRecursively(old);
      }
    } finally {
      if (Files.exists(tmp)) {
        deleteRecursively(tmp);
      }
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
