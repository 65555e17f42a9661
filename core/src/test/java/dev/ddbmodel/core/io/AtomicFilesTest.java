package dev.ddbmodel.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir Path tmp;

  @Test
  void deletesANestedTreeWithoutFollowingLinks() throws Exception {
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Files.writeString(outside.resolve("keep.txt"), "mine");
    Path root = Files.createDirectories(tmp.resolve("root/a/b"));
    Files.writeString(root.resolve("f.txt"), "x");
    Files.createSymbolicLink(tmp.resolve("root/link"), outside);

    AtomicFiles.deleteRecursively(tmp.resolve("root"));

    assertThat(tmp.resolve("root")).doesNotExist();
    assertThat(outside.resolve("keep.txt")).hasContent("mine");
  }

  @Test
  void aMissingTreeIsAlreadyDeleted() throws Exception {
    AtomicFiles.deleteRecursively(tmp.resolve("never-there"));
    assertThat(tmp.resolve("never-there")).doesNotExist();
  }
}
