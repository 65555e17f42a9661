package dev.ddbmodel.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Golden and snapshot files. A test compares what it produced with the checked-in file; only
 * {@code -Dgolden.update=true} writes one (review the diff before committing). A missing golden
 * file fails: it never blesses itself.
 */
public final class Golden {
  /** The system property that allows writing golden files. */
  public static final String UPDATE = "golden.update";

  private Golden() {}

  /** True when this run may (re)write golden files. */
  public static boolean updating() {
    return Boolean.getBoolean(UPDATE);
  }

  /** {@code actual} equals the content of {@code expected} (UTF-8). */
  public static void assertMatches(Path expected, String actual) {
    try {
      if (updating()) {
        Files.createDirectories(expected.toAbsolutePath().getParent());
        Files.writeString(expected, actual, StandardCharsets.UTF_8);
      }
      if (!Files.isRegularFile(expected)) {
        throw new AssertionError(missing(expected));
      }
      String want = Files.readString(expected, StandardCharsets.UTF_8);
      if (!want.equals(actual)) {
        throw new AssertionError("differs from golden file " + expected + " (" + hint() + ")\n" + firstDifference(want, actual));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The directory {@code dir} holds exactly {@code files} (relative path with {@code /} to
   * content): no file missing, none extra, each equal.
   */
  public static void assertDirectoryMatches(Path dir, Map<String, String> files) {
    try {
      if (updating()) {
        if (Files.exists(dir)) {
          try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
              Files.delete(p);
            }
          }
        }
        for (var e : files.entrySet()) {
          Path f = dir.resolve(e.getKey());
          Files.createDirectories(f.getParent());
          Files.writeString(f, e.getValue(), StandardCharsets.UTF_8);
        }
      }
      if (!Files.isDirectory(dir)) {
        throw new AssertionError(missing(dir));
      }
      List<String> present;
      try (Stream<Path> s = Files.walk(dir)) {
        present = s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/')).sorted().toList();
      }
      List<String> wanted = new TreeMap<>(files).keySet().stream().toList();
      if (!present.equals(wanted)) {
        throw new AssertionError("golden directory " + dir + " has " + present + " but the output is " + wanted + " (" + hint() + ")");
      }
      for (var e : files.entrySet()) {
        assertMatches(dir.resolve(e.getKey()), e.getValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String missing(Path p) {
    return "golden file " + p + " is missing; to create it, " + hint();
  }

  private static String hint() {
    return "run the test with -D" + UPDATE + "=true and review the diff";
  }

  private static String firstDifference(String want, String got) {
    String[] a = want.split("\n", -1);
    String[] b = got.split("\n", -1);
    for (int i = 0; i < Math.max(a.length, b.length); i++) {
      String x = i < a.length ? a[i] : "<end of file>";
      String y = i < b.length ? b[i] : "<end of output>";
      if (!x.equals(y)) {
        return "first difference at line " + (i + 1) + ":\n  golden: " + x + "\n  actual: " + y;
      }
    }
    return "";
  }
}
