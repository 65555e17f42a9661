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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputsTest {
  @TempDir Path tmp;

  private Outputs outputs() {
    return new Outputs(Outputs::atomicMove, tmp.resolve("cwd"), tmp.resolve("home"));
  }

  private static Map<String, byte[]> files(String... nameThenContent) {
    Map<String, byte[]> m = new TreeMap<>();
    for (int i = 0; i < nameThenContent.length; i += 2) {
      m.put(nameThenContent[i], nameThenContent[i + 1].getBytes(StandardCharsets.UTF_8));
    }
    return m;
  }

  private static String read(Path p) throws IOException {
    return Files.readString(p, StandardCharsets.UTF_8);
  }

  private static Map<String, String> snapshot(Path root) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        out.put(root.relativize(p).toString(), read(p));
      }
    }
    return out;
  }

  @Test
  void aNewFolderGetsTheFilesAndAManifestOfTheirHashes() throws Exception {
    Path out = tmp.resolve("a/b/gen");
    Validated<Outputs.FolderResult> r = outputs().writeFolder(out, files("x.py", "one", "pkg/y.py", "two"), false, "the test output");
    assertThat(r.isValid()).isTrue();
    assertThat(read(out.resolve("pkg/y.py"))).isEqualTo("two");
    String manifest = read(out.resolve(Outputs.MANIFEST));
    assertThat(manifest).contains("\"x.py\": \"" + Outputs.sha256("one".getBytes(StandardCharsets.UTF_8)) + "\"").contains("pkg/y.py");
    try (Stream<Path> s = Files.list(tmp.resolve("a/b"))) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly("gen"); // no temporary left behind
    }
  }

  @Test
  void regeneratingReplacesUnchangedFilesRemovesStaleOnesAndKeepsUserFilesByteForByte() throws Exception {
    Path out = tmp.resolve("gen");
    outputs().writeFolder(out, files("a.py", "a1", "old.py", "stale", "sub/b.py", "b1"), false, "x").unwrap();
    byte[] mine = {(byte) 0xff, 0, 'm', 'i', 'n', 'e', '\r', '\n'};
    Files.write(out.resolve("notes.txt"), mine);
    Files.write(out.resolve("sub/mine.py"), mine);
    Validated<Outputs.FolderResult> r = outputs().writeFolder(out, files("a.py", "a2", "sub/b.py", "b2"), false, "x");
    assertThat(r.isValid()).isTrue();
    assertThat(read(out.resolve("a.py"))).isEqualTo("a2");
    assertThat(out.resolve("old.py")).doesNotExist();
    assertThat(Files.readAllBytes(out.resolve("notes.txt"))).isEqualTo(mine);
    assertThat(Files.readAllBytes(out.resolve("sub/mine.py"))).isEqualTo(mine);
    assertThat(r.unwrap().removed()).containsExactly("old.py");
    assertThat(r.unwrap().kept()).containsExactly("notes.txt", "sub/mine.py");
  }

  @Test
  void aGeneratedFileTheUserChangedIsAConflictAndOverwriteReplacesOnlyManifestFiles() throws Exception {
    Path out = tmp.resolve("gen");
    outputs().writeFolder(out, files("a.py", "a1", "b.py", "b1"), false, "x").unwrap();
    Files.writeString(out.resolve("a.py"), "my edit");
    Files.writeString(out.resolve("user.txt"), "mine");
    Map<String, String> before = snapshot(out);
    Validated<Outputs.FolderResult> r = outputs().writeFolder(out, files("a.py", "a2", "b.py", "b2"), false, "x");
    assertThat(r.errors()).extracting(Diagnostic::id).containsExactly("Output.Conflict");
    Diagnostic d = r.errors().get(0);
    assertThat(d.kind()).isEqualTo(Diagnostic.Kind.USAGE);
    assertThat(d.message()).contains(out.resolve("a.py").toString()).contains("changed");
    assertThat(d.hint()).contains("--overwrite");
    assertThat(snapshot(out)).isEqualTo(before); // nothing written, not even b.py

    Validated<Outputs.FolderResult> forced = outputs().writeFolder(out, files("a.py", "a2", "b.py", "b2"), true, "x");
    assertThat(forced.isValid()).isTrue();
    assertThat(read(out.resolve("a.py"))).isEqualTo("a2");
    assertThat(read(out.resolve("user.txt"))).isEqualTo("mine");
  }

  @Test
  void aUserFileWithAGeneratedNameIsNeverReplacedEvenWithOverwrite() throws Exception {
    Path out = tmp.resolve("gen");
    outputs().writeFolder(out, files("a.py", "a1"), false, "x").unwrap();
    Files.writeString(out.resolve("b.py"), "mine");
    for (boolean overwrite : new boolean[] {false, true}) {
      Validated<Outputs.FolderResult> r = outputs().writeFolder(out, files("a.py", "a2", "b.py", "generated"), overwrite, "x");
      assertThat(r.errors()).extracting(Diagnostic::id).containsExactly("Output.Conflict");
      assertThat(r.errors().get(0).message()).contains("b.py").contains("not written by ddbm");
      assertThat(read(out.resolve("b.py"))).isEqualTo("mine");
      assertThat(read(out.resolve("a.py"))).isEqualTo("a1");
    }
  }

  @Test
  void aNonEmptyFolderWithoutManifestIsRefusedAndAnEmptyOneIsUsed() throws Exception {
    Path out = Files.createDirectories(tmp.resolve("project"));
    Files.writeString(out.resolve("schema.json"), "{}");
    Files.createDirectories(out.resolve("src"));
    Files.writeString(out.resolve("src/App.java"), "class App {}");
    Map<String, String> before = snapshot(out);
    Validated<Outputs.FolderResult> r = outputs().writeFolder(out, files("schema.json", "gen"), true, "x");
    assertThat(r.errors()).extracting(Diagnostic::id).containsExactly("Output.NotOurs");
    assertThat(r.errors().get(0).kind()).isEqualTo(Diagnostic.Kind.USAGE);
    assertThat(r.errors().get(0).message()).contains(out.toString()).contains("schema.json");
    assertThat(snapshot(out)).isEqualTo(before);

    Path empty = Files.createDirectories(tmp.resolve("empty"));
    assertThat(outputs().writeFolder(empty, files("a", "1"), false, "x").isValid()).isTrue();
    assertThat(empty.resolve(Outputs.MANIFEST)).exists();
  }

  @Test
  void theWorkingFolderHomeRootRepositoryRootsAndTheirParentsAreNeverOutputFolders() throws Exception {
    Path cwd = Files.createDirectories(tmp.resolve("cwd/deeper"));
    Path home = Files.createDirectories(tmp.resolve("home"));
    Path repo = Files.createDirectories(tmp.resolve("repo"));
    Files.createDirectories(repo.resolve(".git"));
    Path worktree = Files.createDirectories(tmp.resolve("worktree"));
    Files.writeString(worktree.resolve(".git"), "gitdir: /elsewhere\n");
    Outputs o = new Outputs(Outputs::atomicMove, cwd, home);
    for (Path p : List.of(cwd, home, Path.of("/"), repo, worktree, tmp.resolve("cwd"), tmp)) {
      Validated<Outputs.FolderResult> r = o.writeFolder(p, files("x", "1"), true, "the test output");
      assertThat(r.errors()).as(p.toString()).extracting(Diagnostic::id).containsExactly("Output.Forbidden");
      assertThat(r.errors().get(0).kind()).isEqualTo(Diagnostic.Kind.USAGE);
      assertThat(p.resolve("x")).doesNotExist();
    }
    assertThat(o.writeFolder(repo.resolve("generated"), files("x", "1"), false, "x").isValid()).isTrue();
  }

  @Test
  void anExistingFileIsNotAFolder() throws Exception {
    Path file = Files.writeString(tmp.resolve("schema.json"), "{\"mine\":1}");
    Validated<Outputs.FolderResult> r = outputs().writeFolder(file, files("x", "1"), true, "x");
    assertThat(r.errors()).extracting(Diagnostic::id).containsExactly("Output.NotFolder");
    assertThat(read(file)).isEqualTo("{\"mine\":1}");
  }

  @Test
  void refusePolicyRefusesAnyExistingFolderUnlessOverwrite() throws Exception {
    Path out = tmp.resolve("cdk");
    outputs().writeFolder(out, files("a", "1"), false, "x").unwrap();
    Validated<Outputs.FolderResult> r = outputs().writeFolder(out, files("a", "2"), false, Outputs.Existing.REFUSE, "the CDK app");
    assertThat(r.errors()).extracting(Diagnostic::id).containsExactly("Output.Exists");
    assertThat(r.errors().get(0).hint()).contains("overwrite");
    assertThat(read(out.resolve("a"))).isEqualTo("1");
    assertThat(outputs().writeFolder(out, files("a", "2"), true, Outputs.Existing.REFUSE, "x").isValid()).isTrue();
    assertThat(read(out.resolve("a"))).isEqualTo("2");
  }

  /** A rename that fails on its n-th call, as a crash or full disk would in the middle of a run. */
  private Outputs failingAt(int n) {
    AtomicInteger calls = new AtomicInteger();
    return new Outputs((from, to) -> {
      if (calls.incrementAndGet() == n) {
        throw new IOException("injected failure at rename " + n);
      }
      Outputs.atomicMove(from, to);
    }, tmp.resolve("cwd"), tmp.resolve("home"));
  }

  @Test
  void aRunInterruptedAtAnyRenameLeavesOldOrNewContentOnlyAndRemovesWhatItCreated() throws Exception {
    Map<String, byte[]> v1 = files("a.py", "a-old", "b.py", "b-old", "gone.py", "g-old");
    Map<String, byte[]> v2 = files("a.py", "a-new", "b.py", "b-new", "c/new.py", "c-new");
    for (int n = 1; n <= 5; n++) {
      Path out = tmp.resolve("gen" + n);
      outputs().writeFolder(out, v1, false, "x").unwrap();
      Files.writeString(out.resolve("mine.txt"), "mine");
      Validated<Outputs.FolderResult> r = failingAt(n).writeFolder(out, v2, false, "x");
      if (r.isValid()) {
        assertThat(n).as("only a run with fewer renames than the fault succeeds").isGreaterThan(4);
      } else {
        assertThat(r.errors()).extracting(Diagnostic::id).containsExactly("Output.WriteFailed");
        assertThat(r.errors().get(0).kind()).isEqualTo(Diagnostic.Kind.ENVIRONMENT);
      }
      Map<String, String> now = snapshot(out);
      assertThat(now.get("mine.txt")).isEqualTo("mine");
      assertThat(now.get("a.py")).isIn("a-old", "a-new");
      assertThat(now.get("b.py")).isIn("b-old", "b-new");
      assertThat(now.keySet()).noneMatch(k -> k.contains(".ddbm-tmp"));
      if (!r.isValid()) {
        assertThat(now).doesNotContainKey("c/new.py"); // created by the failed run: removed
        assertThat(out.resolve("c")).doesNotExist();
      }
      // the next run sees every file as still ours and completes
      Validated<Outputs.FolderResult> again = outputs().writeFolder(out, v2, false, "x");
      assertThat(again.isValid()).as("rerun after a fault at rename " + n + ": " + again.diagnostics()).isTrue();
      assertThat(snapshot(out)).containsEntry("a.py", "a-new").containsEntry("c/new.py", "c-new").containsEntry("mine.txt", "mine")
          .doesNotContainKey("gone.py");
    }
  }

  @Test
  void aNewFolderAppearsWholeOrNotAtAll() throws Exception {
    Path out = tmp.resolve("parent/new");
    Validated<Outputs.FolderResult> r = failingAt(1).writeFolder(out, files("a", "1", "b/c", "2"), false, "x");
    assertThat(r.errors()).extracting(Diagnostic::id).containsExactly("Output.WriteFailed");
    assertThat(tmp.resolve("parent")).doesNotExist(); // created by the run, so removed
  }

  @Test
  void timestampedFoldersGetASuffixInsteadOfColliding() {
    Outputs o = outputs();
    Path first = o.freshFolder(tmp, "database_analysis_20260101_000000").unwrap();
    Path second = o.freshFolder(tmp, "database_analysis_20260101_000000").unwrap();
    assertThat(first.getFileName()).hasToString("database_analysis_20260101_000000");
    assertThat(second.getFileName()).hasToString("database_analysis_20260101_000000_2");
    assertThat(o.writeFolder(second, files("manifest.md", "x"), false, "x").isValid()).isTrue();
  }

  @Test
  void aSingleFileIsReplacedOnlyWhenItCarriesTheMarkerOrOverwriteIsGiven() throws Exception {
    Path f = Files.writeString(tmp.resolve("queries.sql"), "SELECT my_own_work;");
    Validated<Path> r = outputs().writeTextFile(f, "-- ddbm\nSELECT 1;", false, Outputs.startsWith("-- ddbm"), "choose another file name");
    assertThat(r.errors()).extracting(Diagnostic::id).containsExactly("Output.Exists");
    assertThat(r.errors().get(0).kind()).isEqualTo(Diagnostic.Kind.USAGE);
    assertThat(r.errors().get(0).message()).contains(f.toString());
    assertThat(read(f)).isEqualTo("SELECT my_own_work;");

    Path ours = tmp.resolve("new/ours.sql");
    assertThat(outputs().writeTextFile(ours, "-- ddbm\nSELECT 1;", false, Outputs.startsWith("-- ddbm"), "h").isValid()).isTrue();
    assertThat(outputs().writeTextFile(ours, "-- ddbm\nSELECT 2;", false, Outputs.startsWith("-- ddbm"), "h").isValid()).isTrue();
    assertThat(read(ours)).isEqualTo("-- ddbm\nSELECT 2;");
    assertThat(outputs().writeTextFile(f, "-- ddbm\n", true, Outputs.startsWith("-- ddbm"), "h").isValid()).isTrue();
  }

  @Test
  void anInterruptedSingleFileWriteLeavesTheOldContent() throws Exception {
    Path f = Files.writeString(tmp.resolve("r.md"), "<!-- ddbm -->old");
    Validated<Path> r = failingAt(1).writeTextFile(f, "<!-- ddbm -->new", false, Outputs.startsWith("<!-- ddbm"), "h");
    assertThat(r.errors()).extracting(Diagnostic::id).containsExactly("Output.WriteFailed");
    assertThat(read(f)).isEqualTo("<!-- ddbm -->old");
    try (Stream<Path> s = Files.list(tmp)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly("r.md");
    }
  }

  @Test
  void aCorruptManifestIsNotTrusted() throws Exception {
    Path out = tmp.resolve("gen");
    outputs().writeFolder(out, files("a", "1"), false, "x").unwrap();
    Files.writeString(out.resolve(Outputs.MANIFEST), "{not json");
    Validated<Outputs.FolderResult> r = outputs().writeFolder(out, files("a", "2"), true, "x");
    assertThat(r.errors()).extracting(Diagnostic::id).containsExactly("Output.NotOurs");
    assertThat(read(out.resolve("a"))).isEqualTo("1");
  }

  @Test
  void generatedNamesMustStayInsideTheFolder() {
    for (String bad : List.of("../escape.py", "/etc/passwd", "a/../../b", Outputs.MANIFEST, "a//b", "")) {
      Validated<Outputs.FolderResult> r = outputs().writeFolder(tmp.resolve("gen"), files(bad, "x"), false, "x");
      assertThat(r.errors()).as(bad).extracting(Diagnostic::id).containsExactly("Output.BadName");
    }
    assertThat(tmp.resolve("gen")).doesNotExist();
    assertThat(tmp.resolve("escape.py")).doesNotExist();
  }

  @Test
  void ownedSingleFilesAreRecordedSoAUserEditSurvives() throws Exception {
    Path report = tmp.resolve("ws/report.md");
    var marker = Outputs.startsWith("# Report");
    Outputs o = outputs();
    assertThat(o.writeOwnedTextFiles(Map.of(report, "# Report\nv1\n"), false, marker, "h").isValid()).isTrue();
    assertThat(tmp.resolve("ws").resolve(Outputs.FILES_RECORD)).exists();
    assertThat(o.writeOwnedTextFiles(Map.of(report, "# Report\nv2\n"), false, marker, "h").isValid()).as("unchanged: replaced").isTrue();
    assertThat(read(report)).isEqualTo("# Report\nv2\n");

    Files.writeString(report, "# Report\nv2\nmy notes\n");
    var r = o.writeOwnedTextFiles(Map.of(report, "# Report\nv3\n"), false, marker, "h");
    assertThat(r.errors()).extracting(Diagnostic::id).containsExactly("Output.Conflict");
    assertThat(r.errors().get(0).kind()).isEqualTo(Diagnostic.Kind.USAGE);
    assertThat(read(report)).isEqualTo("# Report\nv2\nmy notes\n");

    Path foreign = Files.writeString(tmp.resolve("ws/other.md"), "# Report I wrote myself, without ddbm\n");
    Files.delete(tmp.resolve("ws").resolve(Outputs.FILES_RECORD));
    Files.writeString(tmp.resolve("ws/plain.md"), "mine");
    var plain = o.writeOwnedTextFiles(Map.of(tmp.resolve("ws/plain.md"), "# Report\n"), false, marker, "h");
    assertThat(plain.errors()).extracting(Diagnostic::id).containsExactly("Output.Exists");
    assertThat(read(tmp.resolve("ws/plain.md"))).isEqualTo("mine");
    assertThat(o.writeOwnedTextFiles(Map.of(tmp.resolve("ws/plain.md"), "# Report\n"), true, marker, "h").isValid()).as("overwrite").isTrue();
    assertThat(read(foreign)).startsWith("# Report I wrote");
  }
}
