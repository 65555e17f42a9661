package dev.ddbmodel.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoldenTest {
  @TempDir Path tmp;
  final String before = System.getProperty(Golden.UPDATE);

  @AfterEach
  void restore() {
    if (before == null) {
      System.clearProperty(Golden.UPDATE);
    } else {
      System.setProperty(Golden.UPDATE, before);
    }
  }

  @Test
  void aMissingGoldenFileFailsAndIsNotWritten() {
    System.clearProperty(Golden.UPDATE);
    Path f = tmp.resolve("case.expected");
    assertThatThrownBy(() -> Golden.assertMatches(f, "output\n")).isInstanceOf(AssertionError.class)
        .hasMessageContaining("is missing").hasMessageContaining("-Dgolden.update=true");
    assertThat(f).doesNotExist();
  }

  @Test
  void aMissingGoldenDirectoryFailsAndIsNotWritten() {
    System.clearProperty(Golden.UPDATE);
    Path d = tmp.resolve("golden");
    assertThatThrownBy(() -> Golden.assertDirectoryMatches(d, Map.of("a.py", "x"))).isInstanceOf(AssertionError.class)
        .hasMessageContaining("is missing");
    assertThat(d).doesNotExist();
  }

  @Test
  void aDifferenceFailsWithTheFirstDifferentLine() throws Exception {
    System.clearProperty(Golden.UPDATE);
    Path f = Files.writeString(tmp.resolve("case.expected"), "a\nb\n");
    assertThatThrownBy(() -> Golden.assertMatches(f, "a\nc\n")).isInstanceOf(AssertionError.class)
        .hasMessageContaining("line 2").hasMessageContaining("golden: b").hasMessageContaining("actual: c");
    assertThat(f).hasContent("a\nb\n");
    Golden.assertMatches(f, "a\nb\n");
  }

  @Test
  void extraOrMissingFilesInAGoldenDirectoryFail() throws Exception {
    System.clearProperty(Golden.UPDATE);
    Path d = Files.createDirectories(tmp.resolve("golden"));
    Files.writeString(d.resolve("a.py"), "x");
    Files.writeString(d.resolve("stale.py"), "y");
    assertThatThrownBy(() -> Golden.assertDirectoryMatches(d, Map.of("a.py", "x"))).isInstanceOf(AssertionError.class)
        .hasMessageContaining("stale.py");
  }

  @Test
  void onlyTheUpdateFlagWrites() throws Exception {
    System.setProperty(Golden.UPDATE, "true");
    Path f = tmp.resolve("sub/case.expected");
    Golden.assertMatches(f, "new\n");
    assertThat(f).hasContent("new\n");
    Path d = Files.createDirectories(tmp.resolve("golden"));
    Files.writeString(d.resolve("stale.py"), "y");
    Golden.assertDirectoryMatches(d, Map.of("pkg/a.py", "x"));
    assertThat(d.resolve("stale.py")).doesNotExist();
    assertThat(d.resolve("pkg/a.py")).hasContent("x");
  }
}
