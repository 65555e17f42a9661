package dev.ddbmodel.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No two main classes of the project share a simple name (issue 23: two `Tools`, two
 * `StructureRules`...), so a name found in a stack trace, a review or a search means one class.
 * {@link #KNOWN} lists the clashes that predate this test; it may only shrink.
 */
class UniqueClassNamesTest {
  /** Simple names still used by two classes (exported API or adapter classes other work owns). */
  static final Set<String> KNOWN = Set.of("CdsTraining", "Expressions", "Operation");

  @Test
  void everyMainClassHasItsOwnSimpleName() throws IOException {
    Path root = Path.of("..").toAbsolutePath().normalize();
    Map<String, List<String>> byName = new TreeMap<>();
    try (Stream<Path> modules = Files.list(root)) {
      for (Path m : modules.filter(p -> Files.isDirectory(p.resolve("src/main/java"))).toList()) {
        try (Stream<Path> s = Files.walk(m.resolve("src/main/java"))) {
          for (Path f : s.filter(p -> p.toString().endsWith(".java")).toList()) {
            String n = f.getFileName().toString().replace(".java", "");
            if (!n.equals("package-info") && !n.equals("module-info")) {
              byName.computeIfAbsent(n, k -> new ArrayList<>()).add(root.relativize(f).toString().replace('\\', '/'));
            }
          }
        }
      }
    }
    assertThat(byName).as("the scan sees the modules").containsKeys("DataModelRules", "SchemaChecks");
    List<String> clashes = new ArrayList<>();
    List<String> resolved = new ArrayList<>();
    byName.forEach((n, files) -> {
      if (files.size() > 1 && !KNOWN.contains(n)) {
        clashes.add(n + ": " + files);
      }
    });
    for (String n : KNOWN) {
      if (byName.getOrDefault(n, List.of()).size() < 2) {
        resolved.add(n);
      }
    }
    assertThat(clashes).as("rename one of them").isEmpty();
    assertThat(resolved).as("no longer a clash: remove it from KNOWN").isEmpty();
  }
}
