package dev.ddbmodel.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.Validated;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each {@code bad/<case>.json} is refused with exactly the diagnostics in {@code <case>.expected}
 * (one {@link Diagnostic#format()} line each, in order). {@code -Dgolden.update=true} rewrites
 * the expected files; review the diff before committing.
 */
class BadModelFilesTest {
  static final Path DIR = Path.of("src/test/resources/dev/ddbmodel/core/model/bad");

  static Stream<String> cases() throws Exception {
    try (Stream<Path> s = Files.list(DIR)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
          .map(n -> n.substring(0, n.length() - 5)).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("cases")
  void refusedWithExactDiagnostics(String name) throws Exception {
    Validated<DataModel> r = DataModelLoader.load(DIR.resolve(name + ".json"));
    assertThat(r.isValid()).as(name + " must be refused").isFalse();
    assertThat(r.errors()).allSatisfy(d -> {
      assertThat(d.location().line()).as("line of " + d).isPositive();
      assertThat(d.hint()).as("hint of " + d).isNotBlank();
    });
    String actual = r.diagnostics().stream().map(Diagnostic::format).collect(Collectors.joining("\n")) + "\n";
    Path expected = DIR.resolve(name + ".expected");
    if (Boolean.getBoolean("golden.update") || !Files.exists(expected)) {
      Files.writeString(expected, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void everyCaseTargetsADistinctRule(String name) throws Exception {
    List<String> ids = DataModelLoader.load(DIR.resolve(name + ".json")).errors().stream().map(Diagnostic::id).distinct().toList();
    assertThat(ids).isNotEmpty();
  }
}
