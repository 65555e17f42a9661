package dev.ddbmodel.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.Validated;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the manifest records across a completed and an interrupted regeneration, and which folders
 * a run removes: the crash-safety steps of {@link Outputs} that a rerun with the same content cannot
 * tell apart (PIT found them unchecked).
 */
class OutputsRecoveryTest {
  @TempDir Path tmp;

  private Outputs outputs() {
    return new Outputs(Outputs::atomicMove, tmp.resolve("cwd"), tmp.resolve("home"));
  }

  private Outputs failingAt(int n) {
    AtomicInteger calls = new AtomicInteger();
    return new Outputs((from, to) -> {
      if (calls.incrementAndGet() == n) {
        throw new IOException("injected failure at rename " + n);
      }
      Outputs.atomicMove(from, to);
    }, tmp.resolve("cwd"), tmp.resolve("home"));
  }

  private static Map<String, byte[]> files(String... nameThenContent) {
    Map<String, byte[]> m = new TreeMap<>();
    for (int i = 0; i < nameThenContent.length; i += 2) {
      m.put(nameThenContent[i], nameThenContent[i + 1].getBytes(StandardCharsets.UTF_8));
    }
    return m;
  }

  @Test
  void aFileReplacedByAnInterruptedRunIsStillOursForTheNextDifferentRun() throws Exception {
    // renames: 1 pending manifest, 2 a.py, 3 b.py: a fault at 3 leaves a.py new and b.py old
    Path out = tmp.resolve("gen");
    outputs().writeFolder(out, files("a.py", "a1", "b.py", "b1"), false, "x").unwrap();
    assertThat(failingAt(3).writeFolder(out, files("a.py", "a2", "b.py", "b2"), false, "x").errors())
        .extracting(Diagnostic::id).containsExactly("Output.WriteFailed");
    assertThat(Files.readString(out.resolve("a.py"))).isEqualTo("a2");
    assertThat(Files.readString(out.resolve("b.py"))).isEqualTo("b1");
    // the next run has other content again: a.py holds what the interrupted run wrote, which the manifest must still own
    Validated<Outputs.FolderResult> r = outputs().writeFolder(out, files("a.py", "a3", "b.py", "b3"), false, "x");
    assertThat(r.diagnostics()).isEmpty();
    assertThat(Files.readString(out.resolve("a.py"))).isEqualTo("a3");
  }

  @Test
  void aCompletedRunLeavesNoPendingEntries() throws Exception {
    Path out = tmp.resolve("gen");
    outputs().writeFolder(out, files("a.py", "a1"), false, "x").unwrap();
    outputs().writeFolder(out, files("a.py", "a2"), false, "x").unwrap();
    String manifest = Files.readString(out.resolve(Outputs.MANIFEST));
    assertThat(manifest).doesNotContain("pending").contains(Outputs.sha256("a2".getBytes(StandardCharsets.UTF_8)))
        .doesNotContain(Outputs.sha256("a1".getBytes(StandardCharsets.UTF_8)));
    // so the content of the earlier run is no longer ours: a user who puts it back has made a change
    Files.writeString(out.resolve("a.py"), "a1");
    assertThat(outputs().writeFolder(out, files("a.py", "a3"), false, "x").errors()).extracting(Diagnostic::id).containsExactly("Output.Conflict");
  }

  @Test
  void foldersLeftEmptyByRemovedFilesGoButFoldersWithUserFilesStay() throws Exception {
    Path out = tmp.resolve("gen");
    outputs().writeFolder(out, files("a.py", "a", "old/deep/x.py", "x", "kept/deep/y.py", "y"), false, "x").unwrap();
    Files.writeString(out.resolve("kept/mine.txt"), "mine");
    Outputs.FolderResult r = outputs().writeFolder(out, files("a.py", "a"), false, "x").unwrap();
    assertThat(r.removed()).containsExactly("kept/deep/y.py", "old/deep/x.py");
    assertThat(out.resolve("old")).doesNotExist();
    assertThat(out.resolve("kept/deep")).doesNotExist();
    assertThat(out.resolve("kept/mine.txt")).hasContent("mine");
  }

  @Test
  void anInterruptedRunRemovesTheNestedFoldersItCreated() throws Exception {
    Path out = tmp.resolve("gen");
    outputs().writeFolder(out, files("a.py", "a1"), false, "x").unwrap();
    // renames: 1 pending manifest, 2 a.py, 3 c/d/new.py, 4 final manifest
    assertThat(failingAt(4).writeFolder(out, files("a.py", "a2", "c/d/new.py", "n"), false, "x").isValid()).isFalse();
    assertThat(out.resolve("c")).doesNotExist();
    assertThat(Files.readString(out.resolve("a.py"))).isEqualTo("a2");
  }

  @Test
  void refusePolicyAcceptsAnExistingEmptyFolder() throws Exception {
    Path out = Files.createDirectories(tmp.resolve("empty"));
    assertThat(outputs().writeFolder(out, files("a", "1"), false, Outputs.Existing.REFUSE, "x").isValid()).isTrue();
    assertThat(out.resolve("a")).hasContent("1");
  }

  @Test
  void namesWithABackslashOrNulAnywhereAreRefused() {
    for (String bad : List.of("\\a.py", "a\\b.py", "\0a.py", "a\0.py", "./a.py", "a/./b.py", "a/")) {
      assertThat(outputs().writeFolder(tmp.resolve("gen"), files(bad, "x"), false, "x").errors()).as(bad)
          .extracting(Diagnostic::id).containsExactly("Output.BadName");
    }
  }
}
