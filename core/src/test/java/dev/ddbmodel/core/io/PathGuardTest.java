package dev.ddbmodel.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.Validated;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PathGuardTest {
  @TempDir Path tmp;

  @ParameterizedTest
  @CsvSource({
    "../secret.json, Path.Traversal",
    "a/../../b, Path.Traversal",
    "/etc/passwd, Path.OutsideBase",
    "..\\..\\etc\\passwd, Path.Backslash",
    "'', Path.Empty",
  })
  void refusesEscapes(String input, String id) throws Exception {
    Path base = Files.createDirectory(tmp.resolve("ws"));
    Validated<Path> r = PathGuard.of(base).unwrap().resolve(input);
    assertThat(r.errors()).extracting(Diagnostic::id).containsExactly(id);
    assertThat(r.errors().get(0).hint()).isNotBlank();
  }

  @Test
  void refusesNulBytesAndLongNames() throws Exception {
    PathGuard g = PathGuard.of(tmp).unwrap();
    assertThat(g.resolve("a\0b").errors().get(0).id()).isEqualTo("Path.NulByte");
    assertThat(g.resolve("x".repeat(300)).errors().get(0).id()).isEqualTo("Path.TooLong");
    assertThat(g.resolve("y/".repeat(2100)).errors().get(0).id()).isEqualTo("Path.TooLong");
  }

  @Test
  void refusesSymlinkOut() throws Exception {
    Path base = Files.createDirectory(tmp.resolve("ws"));
    Path outside = Files.createDirectory(tmp.resolve("outside"));
    Files.writeString(outside.resolve("s.json"), "{}");
    Files.createSymbolicLink(base.resolve("link"), outside);
    Files.createSymbolicLink(base.resolve("file.json"), outside.resolve("s.json"));
    PathGuard g = PathGuard.of(base).unwrap();
    assertThat(g.resolve("link/s.json").errors().get(0).id()).isEqualTo("Path.SymlinkEscape");
    assertThat(g.resolve("file.json").errors().get(0).id()).isEqualTo("Path.SymlinkEscape");
    assertThat(g.resolve("link/new/deeper.json").errors().get(0).id())
        .isEqualTo("Path.SymlinkEscape");
  }

  @Test
  void acceptsPathsInside() throws Exception {
    Path base = Files.createDirectory(tmp.resolve("ws"));
    Files.createDirectories(base.resolve("sub"));
    Files.writeString(base.resolve("sub/a.json"), "{}");
    PathGuard g = PathGuard.of(base).unwrap();
    assertThat(g.resolveExistingFile("sub/a.json").unwrap()).isEqualTo(base.toRealPath().resolve("sub/a.json"));
    assertThat(g.resolve(base.resolve("new.json").toString()).isValid()).isTrue();
    assertThat(g.resolveExistingFile("missing.json").errors().get(0).id()).isEqualTo("Path.NotFound");
  }

  @Test
  void aFolderWriteIsWholeOrNothingAndRefusesAnEscapingName() throws Exception {
    Path out = tmp.resolve("out");
    Outputs outputs = Outputs.standard();
    assertThat(outputs.writeFolder(out, java.util.Map.of("a/b.txt", "x".getBytes(java.nio.charset.StandardCharsets.UTF_8)), false, "test files").isValid()).isTrue();
    assertThat(Files.readString(out.resolve("a/b.txt"))).isEqualTo("x");
    var refused = outputs.writeFolder(out, java.util.Map.of("../evil", new byte[0]), true, "test files");
    assertThat(refused.isValid()).isFalse();
    assertThat(Files.readString(out.resolve("a/b.txt"))).isEqualTo("x");
    try (var s = Files.list(tmp)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly("out");
    }
  }

  /** Issue 22: a folder is not "missing", a file is not "a folder that does not exist"; refusals are usage problems. */
  @Test
  void foldersAndFilesAreNamedForWhatTheyAre(@TempDir Path dir) throws Exception {
    Path file = java.nio.file.Files.writeString(dir.resolve("f.json"), "{}");
    java.nio.file.Files.createDirectory(dir.resolve("sub"));
    var base = PathGuard.of(file).errors().get(0);
    assertThat(base.message()).contains("is a file, not a folder");
    assertThat(base.kind()).isEqualTo(dev.ddbmodel.core.Diagnostic.Kind.USAGE);
    assertThat(PathGuard.of(dir.resolve("none")).errors().get(0).message()).contains("does not exist");
    var sub = PathGuard.of(dir).unwrap().resolveExistingFile("sub").errors().get(0);
    assertThat(sub.message()).contains("is a folder, not a file").doesNotContain("does not exist");
    assertThat(sub.kind()).isEqualTo(dev.ddbmodel.core.Diagnostic.Kind.USAGE);
    assertThat(PathGuard.of(dir).unwrap().resolve("../x").errors().get(0).kind()).isEqualTo(dev.ddbmodel.core.Diagnostic.Kind.USAGE);
  }
}
