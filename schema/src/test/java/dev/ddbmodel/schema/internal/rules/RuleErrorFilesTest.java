package dev.ddbmodel.schema.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbmodel.core.json.JsonDocument;
import dev.ddbmodel.core.testing.RuleErrorFiles;
import dev.ddbmodel.schema.Schema;
import dev.ddbmodel.schema.SchemaIssue;
import dev.ddbmodel.schema.SchemaLoader;
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
 * The error files of each schema rule class (layout in {@link RuleErrorFiles}): each
 * {@code <case>.json} is a schema.json document (for {@code UsageDataRules}, a usage_data.json
 * checked against the folder's {@code _schema.json}), each finding a {@code SEVERITY id path}
 * line (the dotted path of the finding, {@code root} for the document). A missing or an extra
 * finding fails the case; an id a rule class names without an error file in its folder fails
 * {@link #everyIdOfARuleClassHasAnErrorFile}.
 */
class RuleErrorFilesTest {
  static final RuleErrorFiles FILES = new RuleErrorFiles(Path.of("src/test/resources/rules"),
      Path.of("src/main/java/dev/ddbmodel/schema/internal/rules"), Pattern.compile("\"((?:Schema|Usage)\\.[A-Za-z]+)\""));
  static final String USAGE = "UsageDataRules";

  static Stream<String> cases() throws IOException {
    return FILES.cases(p -> p.getFileName().toString().startsWith("_"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsExactlyTheExpectedDiagnostics(String name) throws IOException {
    List<String> expected = FILES.expected(name);
    JsonDocument doc = read(FILES.document(name));
    List<SchemaIssue> issues;
    if (name.startsWith(USAGE + "/")) {
      Schema schema = SchemaLoader.fromDocument(read(FILES.files().resolve(USAGE).resolve("_schema.json"))).unwrap();
      issues = UsageDataRules.check(doc, schema);
    } else {
      issues = SchemaLoader.check(doc);
    }
    List<String> actual = issues.stream().map(i -> i.diagnostic().severity() + " " + i.diagnostic().id() + " " + i.path()).toList();
    assertThat(actual).as(name).containsExactlyInAnyOrderElementsOf(expected);
  }

  static JsonDocument read(Path p) throws IOException {
    return JsonDocument.parse(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8)).unwrap();
  }

  @Test
  void everyIdOfARuleClassHasAnErrorFile() throws IOException {
    RuleErrorFiles.Coverage coverage = FILES.coverage();
    assertThat(coverage.classes()).isGreaterThanOrEqualTo(14);
    assertThat(coverage.missing()).as("rule class ids without an error file").isEmpty();
  }

  @Test
  void everyFolderNamesARuleClass() throws IOException {
    assertThat(FILES.foldersWithoutRuleClass()).as("folders without a rule class").isEmpty();
  }
}
