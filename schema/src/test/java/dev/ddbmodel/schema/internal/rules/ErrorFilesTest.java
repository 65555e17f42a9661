package dev.ddbmodel.schema.internal.rules;

import dev.ddbmodel.schema.SchemaValidation;
import dev.ddbmodel.schema.SchemaValidationReport;
import dev.ddbmodel.schema.SchemaValidationRequest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbmodel.core.testing.Golden;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each {@code errorfiles/<case>.json} is invalid with exactly the findings in {@code <case>.expected}
 * (dotted path, diagnostic line). {@code -Dgolden.update=true} rewrites them; review the diff.
 */
class ErrorFilesTest {
  static final Path DIR = Path.of("src/test/resources/dev/ddbmodel/schema/errorfiles");

  static Stream<String> cases() throws Exception {
    try (Stream<Path> s = Files.list(DIR)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).map(n -> n.substring(0, n.length() - 5)).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("cases")
  void invalidWithExactFindings(String name) throws Exception {
    SchemaValidationReport r = SchemaValidation.validate(new SchemaValidationRequest(DIR.resolve(name + ".json"), Optional.empty(), Optional.empty()));
    assertThat(r.valid()).as(name).isFalse();
    assertThat(r.diagnostics()).filteredOn(d -> d.isError()).allSatisfy(d -> assertThat(d.hint()).as(d.toString()).isNotBlank());
    String actual = r.schemaIssues().stream().map(i -> i.path() + " | " + i.diagnostic().format()).collect(Collectors.joining("\n")) + "\n";
    Path expected = DIR.resolve(name + ".expected");
    Golden.assertMatches(expected, actual);
  }
}
