package dev.ddbmodel.core.io;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * File-tree helpers for callers that own the tree (tests, throwaway servers). Everything a
 * command or tool writes goes through {@link Outputs}, which writes atomically and decides what
 * may be replaced; no command deletes a tree with this class.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /**
   * Deletes a file tree without following symbolic links. Entries that disappear while it runs
   * are fine (the goal is that they are gone); a directory that gains an entry meanwhile (a
   * process still shutting down) is walked again, up to three times.
   */
  public static void deleteRecursively(Path root) throws IOException {
    for (int attempt = 1; ; attempt++) {
      try {
        deleteOnce(root);
        return;
      } catch (java.nio.file.DirectoryNotEmptyException e) {
        if (attempt == 3) {
          throw e;
        }
      }
    }
  }

  private static void deleteOnce(Path root) throws IOException {
    if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.deleteIfExists(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
            if (exc instanceof java.nio.file.NoSuchFileException) {
              return FileVisitResult.CONTINUE;
            }
            throw exc;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException exc)
              throws IOException {
            if (exc != null && !(exc instanceof java.nio.file.NoSuchFileException)) {
              throw exc;
            }
            Files.deleteIfExists(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
