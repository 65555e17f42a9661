package dev.ddbmodel.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A writer killed with SIGKILL in the middle of regenerating a folder leaves every file with a
 * complete version (never half of one), the user's file untouched, and a folder the next run
 * still recognises as its own.
 */
class KilledWriterTest {
  static final int FILES = 40;
  static final int SIZE = 256 * 1024;

  @TempDir Path tmp;

  /** Content of file {@code i} in generation {@code g}: the same byte repeated, so a torn file shows. */
  static byte[] content(int i, int g) {
    byte[] b = new byte[SIZE];
    java.util.Arrays.fill(b, (byte) ('a' + (g % 26)));
    byte[] head = ("file " + i + " generation " + g + "\n").getBytes(StandardCharsets.UTF_8);
    System.arraycopy(head, 0, b, 0, head.length);
    return b;
  }

  static Map<String, byte[]> generation(int g) {
    Map<String, byte[]> m = new TreeMap<>();
    for (int i = 0; i < FILES; i++) {
      m.put("pkg/f" + i + ".txt", content(i, g));
    }
    return m;
  }

  /** The child: regenerates the folder forever, one generation after the other. */
  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    Outputs o = new Outputs(Outputs::atomicMove, Path.of(args[1]), Path.of(args[1]));
    System.out.println("ready");
    System.out.flush();
    for (int g = 1; ; g++) {
      if (!o.writeFolder(out, generation(g), false, "x").isValid()) {
        System.exit(9);
      }
    }
  }

  @Test
  void aKilledRunLeavesCompleteFilesOnly() throws Exception {
    Path out = tmp.resolve("gen");
    Outputs o = new Outputs(Outputs::atomicMove, tmp.resolve("cwd"), tmp.resolve("cwd"));
    o.writeFolder(out, generation(0), false, "x").unwrap();
    Files.writeString(out.resolve("mine.txt"), "mine");
    for (long delay : new long[] {300, 700, 1100}) {
      Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
          KilledWriterTest.class.getName(), out.toString(), tmp.resolve("cwd").toString()).redirectErrorStream(true).start();
      assertThat(new String(p.getInputStream().readNBytes(6), StandardCharsets.UTF_8)).isEqualTo("ready\n");
      Thread.sleep(delay);
      p.destroyForcibly();
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      try (Stream<Path> s = Files.list(out.resolve("pkg"))) {
        for (Path f : s.toList()) {
          if (f.getFileName().toString().endsWith(".ddbm-tmp")) {
            continue; // a temporary of the killed run: never a generated name
          }
          byte[] b = Files.readAllBytes(f);
          assertThat(b).as(f.toString()).hasSize(SIZE);
          String head = new String(b, 0, 40, StandardCharsets.UTF_8);
          int g = Integer.parseInt(head.replaceAll("(?s)^file \\d+ generation (\\d+)\n.*", "$1"));
          assertThat(b).as("complete generation " + g + " of " + f).isEqualTo(content(Integer.parseInt(f.getFileName().toString().replaceAll("\\D", "")), g));
        }
      }
      assertThat(Files.readString(out.resolve("mine.txt"))).isEqualTo("mine");
      var again = o.writeFolder(out, generation(1000), false, "x");
      assertThat(again.isValid()).as("the next run after a kill at " + delay + " ms: " + again.diagnostics()).isTrue();
      assertThat(Files.readAllBytes(out.resolve("pkg/f7.txt"))).isEqualTo(content(7, 1000));
    }
  }
}
