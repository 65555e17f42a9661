package dev.ddbmodel.core.internal.model;

import dev.ddbmodel.core.DataModel;
import dev.ddbmodel.core.DataModelLoader;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.Validated;
import dev.ddbmodel.core.testing.Golden;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
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
    Golden.assertMatches(expected, actual);
  }

  /**
   * No two cases find the same thing: a case's rule is the set of its findings, each as id,
   * JSON Pointer with array positions generalised, and hint (one id covers several rules, told
   * apart by their hints); two cases with the same set test one rule twice.
   */
  @Test
  void everyCaseTargetsADistinctRule() throws Exception {
    Map<Set<String>, List<String>> byRule = new TreeMap<>(Comparator.comparing(Set::toString));
    for (String name : cases().toList()) {
      byRule.computeIfAbsent(rule(DataModelLoader.load(DIR.resolve(name + ".json")).diagnostics()), k -> new ArrayList<>()).add(name);
    }
    assertThat(byRule).doesNotContainKey(Set.of());
    assertThat(byRule.values()).as("cases that find exactly the same thing").allSatisfy(names -> assertThat(names).hasSize(1));
  }

  static Set<String> rule(List<Diagnostic> findings) {
    return findings.stream().map(d -> d.id() + " " + d.location().pointer().replaceAll("/[0-9]+(?=/|$)", "/*") + " " + d.hint())
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
