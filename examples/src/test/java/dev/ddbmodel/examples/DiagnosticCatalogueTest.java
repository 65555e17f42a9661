package dev.ddbmodel.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The diagnostic id catalogue ({@code docs/diagnostics.md} and the table of
 * {@code docs/data-model-format.md}) against the code: every id the main code of any module can
 * produce is documented, every documented id is still produced, and every documented id is
 * named by at least one test (a trigger test asserting it, or a golden {@code .expected} file).
 */
class DiagnosticCatalogueTest {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final List<Path> CATALOGUES =
      List.of(ROOT.resolve("docs/diagnostics.md"), ROOT.resolve("docs/data-model-format.md"), ROOT.resolve("docs/workbench.md"));
  /** {@code Area.Detail}, both UpperCamel with a lower-case second letter (so {@code Boolean.TRUE} is not one). */
  static final String ID = "[A-Z][a-z][A-Za-z]*\\.[A-Z][a-z0-9][A-Za-z0-9]*";
  static final Pattern IN_CODE = Pattern.compile("\"(" + ID + ")\"");
  static final Pattern IN_DOCS = Pattern.compile("`(" + ID + ")`");
  /**
   * Ids that arrived from another branch without a trigger test, each waiting for its owner's test:
   * listed here so the gap is visible; {@link #pendingIdsAreStillPending} fails once one is tested.
   */
  static final Set<String> PENDING_TRIGGER = Set.of("Analyzer.ProfilePending", "Analyzer.ProfileIncomplete"); // self-service round 2: SelfServiceProfileIT (PostgreSQL) reaches them, by message
  static final Path SELF = Path.of("examples/src/test/java/dev/ddbmodel/examples/DiagnosticCatalogueTest.java");

  static Set<String> produced() {
    return ids(files("src/main/java"), IN_CODE);
  }

  /** Ids in the first cell of catalogue table rows ({@code | `Id`, `Id` | severity | meaning |}). */
  static Set<String> documented() {
    Set<String> out = new TreeSet<>();
    for (Path c : CATALOGUES) {
      for (String line : read(c).split("\n")) {
        String[] cells = line.split("\\|");
        if (line.startsWith("|") && cells.length > 3 && cells[2].strip().matches("(error|warning|note)\\b.*")) {
          Matcher m = IN_DOCS.matcher(cells[1]);
          while (m.find()) {
            out.add(m.group(1));
          }
        }
      }
    }
    return out;
  }

  @Test
  void everyProducedIdIsDocumented() {
    Set<String> missing = new TreeSet<>(produced());
    missing.removeAll(documented());
    assertThat(missing).as("ids the code can produce but docs/diagnostics.md does not list: add a row for each in its area"
        + " (DataModel.* and Json.* go in the table of docs/data-model-format.md)").isEmpty();
  }

  @Test
  void everyDocumentedIdIsProduced() {
    Set<String> stale = new TreeSet<>(documented());
    stale.removeAll(produced());
    assertThat(stale).as("ids listed in the catalogue that no main code produces: fix the spelling, or mark the id retired"
        + " (published ids are never reused)").isEmpty();
  }

  @Test
  void everyDocumentedIdIsTriggeredByATest() {
    StringBuilder tests = new StringBuilder();
    for (Path p : files("src/test")) {
      if (!p.endsWith(SELF)) {
        tests.append(read(p)).append('\n');
      }
    }
    Set<String> untested = new TreeSet<>();
    Set<String> defensive = defensive();
    for (String id : documented()) {
      if (defensive.contains(id) || PENDING_TRIGGER.contains(id)) {
        continue;
      }
      if (!Pattern.compile("(?<![A-Za-z.])" + Pattern.quote(id) + "(?![A-Za-z0-9])").matcher(tests).find()) {
        untested.add(id);
      }
    }
    assertThat(untested).as("documented ids that no test produces: add a test that triggers each and asserts its id"
        + " (e.g. a row in the module's DiagnosticTriggersTest)").isEmpty();
  }

  /** Ids whose catalogue row says {@code defensive:} (a safety net no input reaches). */
  static Set<String> defensive() {
    Set<String> out = new TreeSet<>();
    for (Path c : CATALOGUES) {
      for (String line : read(c).split("\n")) {
        if (line.startsWith("|") && line.contains("| defensive:")) {
          Matcher m = IN_DOCS.matcher(line.substring(0, line.indexOf("defensive:")));
          while (m.find()) {
            out.add(m.group(1));
          }
        }
      }
    }
    return out;
  }

  @Test
  void defensiveIdsAreFewAndListed() {
    assertThat(defensive()).as("ids only a safety net produces; reaching one from an input is a bug to fix").containsExactly("Codegen.InvalidSchema");
  }

  @Test
  void pendingIdsAreStillPending() {
    for (String id : PENDING_TRIGGER) {
      assertThat(documented()).contains(id);
      boolean tested = files("src/test").stream().filter(p -> !p.endsWith(SELF)).anyMatch(p -> read(p).contains(id));
      assertThat(tested).as("%s now has a test: remove it from PENDING_TRIGGER", id).isFalse();
    }
  }

  @Test
  void theScanSeesEveryModule() {
    assertThat(files("src/main/java")).extracting(p -> ROOT.relativize(p).getName(0).toString()).contains("core", "schema", "analyzer",
        "validation", "codegen", "adapter-mcp", "adapter-cli");
    assertThat(produced()).contains("Json.Syntax", "Schema.Root", "Command.Shell", "Pattern.ScanUsed", "Analyzer.Connection", "Path.Traversal")
        .doesNotContain("Boolean.TRUE");
    assertThat(documented()).hasSizeGreaterThan(150);
  }

  /** Every file under {@code <module>/<dir>} of every module (files that are not UTF-8 text are skipped when read). */
  static List<Path> files(String dir) {
    try (Stream<Path> modules = Files.list(ROOT)) {
      return modules.filter(m -> Files.isDirectory(m.resolve(dir))).sorted().flatMap(m -> {
        try {
          return Files.walk(m.resolve(dir)).filter(Files::isRegularFile).sorted().toList().stream();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Set<String> ids(List<Path> files, Pattern p) {
    Set<String> out = new TreeSet<>();
    for (Path f : files) {
      Matcher m = p.matcher(read(f));
      while (m.find()) {
        out.add(m.group(1));
      }
    }
    return out;
  }

  static String read(Path f) {
    try {
      return Files.readString(f, StandardCharsets.UTF_8);
    } catch (MalformedInputException e) {
      return "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
