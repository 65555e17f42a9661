package dev.ddbmodel.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbmodel.core.process.ExternalProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: the README's {@code ./ddbm demo}, run from the repository root as the README says,
 * leaves {@code git status} as it was (its fresh folder is git-ignored; nothing tracked changes).
 * {@code ./run-tests} checks the same for the whole suite at its end.
 */
class ReadmeGitStatusIT {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  private static String status() throws Exception {
    var r = ExternalProcess.run(new ProcessBuilder("git", "status", "--porcelain").directory(ROOT.toFile()), Duration.ofSeconds(60));
    assertThat(r.succeeded()).as(r.describe()).isTrue();
    return r.stdout();
  }

  @Test
  void theDemoFromTheRepositoryRootLeavesGitStatusUnchanged() throws Exception {
    Assumptions.assumeTrue(Files.exists(ROOT.resolve(".git")), "not a git checkout");
    String before = status();
    List<Path> existing;
    try (Stream<Path> s = Files.list(ROOT)) {
      existing = s.toList();
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    var run = ExternalProcess.run(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "dev.ddbmodel.adapter.cli.CliMain", "demo")
        .directory(ROOT.toFile()), Duration.ofMinutes(5));
    Path demo;
    try (Stream<Path> s = Files.list(ROOT)) {
      demo = s.filter(p -> !existing.contains(p) && p.getFileName().toString().startsWith("ddbm-demo-")).findFirst().orElse(null);
    }
    try {
      assertThat(run.exitCode()).as(run.describe()).isZero();
      assertThat(demo).as("the demo made a fresh ddbm-demo-* folder in the working folder").isNotNull();
      assertThat(demo.resolve("python-dal/.ddbm-manifest.json")).exists();
      assertThat(status()).isEqualTo(before);
    } finally {
      if (demo != null) {
        dev.ddbmodel.core.io.AtomicFiles.deleteRecursively(demo); // the folder this test made the demo create
      }
    }
  }
}
