package dev.ddbmodel.core.internal.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.json.JsonDocument;
import dev.ddbmodel.core.testing.RuleErrorFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The error files of each data model rule class (layout in {@link RuleErrorFiles}): each
 * {@code <case>.json} is a data model document, each finding a {@code SEVERITY id pointer} line
 * (the pointer {@code /} for the root). A missing or an extra finding fails the case; an id a
 * rule class names without an error file in its folder fails {@link #everyIdOfARuleClassHasAnErrorFile}.
 */
class RuleErrorFilesTest {
  static final RuleErrorFiles FILES = new RuleErrorFiles(Path.of("src/test/resources/rules"),
      Path.of("src/main/java/dev/ddbmodel/core/internal/checks"), Pattern.compile("\"(DataModel\\.[A-Za-z]+)\""));

  static Stream<String> cases() throws IOException {
    return FILES.cases(p -> false);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsExactlyTheExpectedDiagnostics(String name) throws IOException {
    List<String> expected = FILES.expected(name);
    JsonDocument doc = JsonDocument.parse(name + ".json", Files.readString(FILES.document(name), StandardCharsets.UTF_8)).unwrap();
    List<String> actual = DataModelRules.check(doc).stream().map(RuleErrorFilesTest::line).toList();
    assertThat(actual).as(name).containsExactlyInAnyOrderElementsOf(expected);
  }

  static String line(Diagnostic d) {
    String ptr = d.location().pointer();
    return d.severity() + " " + d.id() + " " + (ptr.isEmpty() ? "/" : ptr);
  }

  @Test
  void everyIdOfARuleClassHasAnErrorFile() throws IOException {
    RuleErrorFiles.Coverage coverage = FILES.coverage();
    assertThat(coverage.classes()).isGreaterThanOrEqualTo(11);
    assertThat(coverage.missing()).as("rule class ids without an error file").isEmpty();
  }

  @Test
  void everyFolderNamesARuleClass() throws IOException {
    assertThat(FILES.foldersWithoutRuleClass()).as("folders without a rule class").isEmpty();
  }
}
