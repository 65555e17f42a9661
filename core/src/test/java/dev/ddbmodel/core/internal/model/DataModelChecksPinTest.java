package dev.ddbmodel.core.internal.model;

import dev.ddbmodel.core.DataModelLoader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.json.JsonDocument;
import dev.ddbmodel.core.testing.JsonMutations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Pins the data model checks: over every model fixture of the repository (examples/models, the
 * accepted and bad files of this module) and {@value #MUTANTS} seeded mutants of each, the checks
 * must report exactly what {@link LegacyDataModelChecks} (the pre-split code, kept under test
 * sources only for this test) reports: the same diagnostics (id, severity, message, file,
 * pointer, line, column, hint, kind) in the same order. A dropped, added, reworded or reordered
 * finding fails it.
 */
class DataModelChecksPinTest {
  static final int MUTANTS = 60;

  /** The fixture documents, by repository-relative name. */
  static Map<String, String> fixtures() throws Exception {
    Path root = JsonMutations.repositoryRoot();
    Map<String, String> out = new TreeMap<>();
    List<Path> files = new ArrayList<>(JsonMutations.files(root.resolve("examples/models"), DataModelLoader.FILE_NAME));
    files.addAll(JsonMutations.files(root.resolve("core/src/test/resources/dev/ddbmodel/core/model"), null));
    for (Path p : files) {
      out.put(root.relativize(p).toString().replace('\\', '/'), Files.readString(p));
    }
    return out;
  }

  @Test
  void newChecksReportExactlyWhatTheOldClassReported() throws Exception {
    Map<String, String> fixtures = fixtures();
    assertThat(fixtures).hasSizeGreaterThan(40);
    int cases = 0;
    int withFindings = 0;
    Map<String, Integer> ids = new TreeMap<>();
    long seed = 0x23_0002L;
    for (Map.Entry<String, String> f : fixtures.entrySet()) {
      List<String> texts = new ArrayList<>();
      texts.add(f.getValue());
      var original = JsonDocument.parse(f.getKey(), f.getValue());
      if (original.isValid()) {
        texts.addAll(JsonMutations.mutants(original.unwrap().root(), seed, MUTANTS));
      }
      seed++;
      for (int i = 0; i < texts.size(); i++) {
        var parsed = JsonDocument.parse(f.getKey(), texts.get(i));
        if (!parsed.isValid()) {
          continue;
        }
        JsonDocument doc = parsed.unwrap();
        List<Diagnostic> expected = LegacyDataModelChecks.check(doc);
        List<Diagnostic> actual = DataModelChecks.check(doc);
        if (!actual.equals(expected)) {
          fail("case " + f.getKey() + " #" + i + " differs\nexpected:\n" + lines(expected) + "\nactual:\n" + lines(actual)
              + "\ndocument:\n" + texts.get(i));
        }
        cases++;
        if (!expected.isEmpty()) {
          withFindings++;
        }
        expected.forEach(d -> ids.merge(d.id(), 1, Integer::sum));
      }
    }
    // the mutants must reach the rules, not only the JSON Schema
    assertThat(cases).isGreaterThan(2000);
    assertThat(withFindings).isGreaterThan(cases / 2);
    assertThat(ids.keySet()).contains("DataModel.Required", "DataModel.Type", "DataModel.DuplicateTable", "DataModel.KeySchema",
        "DataModel.UndefinedKeyAttribute", "DataModel.UnusedAttributeDefinition", "DataModel.DuplicateIndex", "DataModel.Projection",
        "DataModel.AttributeValue", "DataModel.ItemMissingKey", "DataModel.ItemKeyType", "DataModel.DuplicateItemKey",
        "DataModel.UnknownPatternTable", "DataModel.UnknownPatternIndex", "DataModel.UnusedIndex", "DataModel.PatternUnimplemented", "DataModel.TtlOnKey", "DataModel.TtlNotNumber", "DataModel.Stream",
        "DataModel.Sse", "DataModel.ResourcePolicy", "DataModel.AutoScaling", "DataModel.AutoScalingRange", "DataModel.TooManyIndexes",
        "DataModel.TooManyProjectedAttributes", "DataModel.ExpectMismatch", "DataModel.DeleteKey", "DataModel.KeyTooLarge");
    System.out.println("DataModelChecksPinTest: " + cases + " cases, " + withFindings + " with findings, ids " + ids);
  }

  private static String lines(List<Diagnostic> ds) {
    StringBuilder b = new StringBuilder();
    ds.forEach(d -> b.append("  ").append(d.id()).append(' ').append(d.severity()).append(' ').append(d.kind()).append(' ')
        .append(d.location().file()).append(':').append(d.location().line()).append(':').append(d.location().column()).append(' ')
        .append(d.location().pointer()).append(" | ").append(d.message()).append(" [").append(d.hint()).append("]\n"));
    return b.toString();
  }
}
