package dev.ddbmodel.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbmodel.core.Diagnostic;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PathGuard's limits at and one past them, and refusals at the first character. */
class PathGuardLimitsTest {
  @TempDir Path tmp;

  @Test
  void pathAndNameLengthsAtTheLimitAreAccepted() throws Exception {
    PathGuard g = PathGuard.of(tmp).unwrap();
    String name = "n".repeat(PathGuard.MAX_NAME_LENGTH);
    assertThat(g.resolve(name).unwrap()).isEqualTo(g.base().resolve(name));
    assertThat(g.resolve(name + "n").errors()).extracting(Diagnostic::id).containsExactly("Path.TooLong");
    // 15 segments of 255 characters and their separators (3840), then 254 + "/x": exactly 4096 characters
    String path = ("s".repeat(255) + "/").repeat(15) + "t".repeat(254) + "/x";
    assertThat(path).hasSize(PathGuard.MAX_PATH_LENGTH);
    assertThat(g.resolve(path).isValid()).isTrue();
    assertThat(g.resolve(path + "x").errors()).extracting(Diagnostic::id).containsExactly("Path.TooLong");
  }

  @Test
  void refusedCharactersAreFoundAtTheStartToo() throws Exception {
    PathGuard g = PathGuard.of(tmp).unwrap();
    assertThat(g.resolve("\0a").errors()).extracting(Diagnostic::id).containsExactly("Path.NulByte");
    assertThat(g.resolve("\\a").errors()).extracting(Diagnostic::id).containsExactly("Path.Backslash");
  }

  @Test
  void aRefusalNamesTheInputAsItsLocation() throws Exception {
    PathGuard g = PathGuard.of(tmp).unwrap();
    assertThat(g.resolve("../x.json").errors().get(0).location().file()).isEqualTo("../x.json");
    Diagnostic empty = g.resolve(null).errors().get(0);
    assertThat(empty.id()).isEqualTo("Path.Empty");
    assertThat(empty.location().file()).isEmpty();
  }

  @Test
  void anExistingTargetResolvesToItsRealPath() throws Exception {
    Path real = Files.createDirectory(tmp.resolve("real"));
    Files.writeString(real.resolve("f.json"), "{}");
    Files.createSymbolicLink(tmp.resolve("link"), real);
    PathGuard g = PathGuard.of(tmp).unwrap();
    assertThat(g.resolve("link/f.json").unwrap()).isEqualTo(real.toRealPath().resolve("f.json"));
    assertThat(g.resolve("link/new/g.json").unwrap()).isEqualTo(real.toRealPath().resolve("new/g.json"));
    assertThat(g.base()).isEqualTo(tmp.toRealPath());
  }
}
