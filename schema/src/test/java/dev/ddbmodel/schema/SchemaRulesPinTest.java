package dev.ddbmodel.schema;

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
 * Pins the schema.json rules: over every schema fixture of the repository (examples/models, the
 * codegen conformance schemas, the error, valid and warning files of this module) and
 * {@value #MUTANTS} seeded mutants of each, {@link SchemaLoader#check} must report exactly what
 * the pre-split rule classes ({@link LegacySchemaRules} and its companions, kept under test
 * sources only for this test) report: the same dotted paths and diagnostics (id, severity,
 * message, file, pointer, line, column, hint, kind) in the same order.
 */
class SchemaRulesPinTest {
  static final int MUTANTS = 50;

  static Map<String, String> fixtures() throws Exception {
    Path root = JsonMutations.repositoryRoot();
    List<Path> files = new ArrayList<>(JsonMutations.files(root.resolve("examples/models"), "schema.json"));
    files.addAll(JsonMutations.files(root.resolve("codegen/src/test/resources/conformance"), "schema.json"));
    files.addAll(JsonMutations.files(root.resolve("schema/src/test/resources/dev/ddbmodel/schema"), null));
    Map<String, String> out = new TreeMap<>();
    for (Path p : files) {
      out.put(root.relativize(p).toString().replace('\\', '/'), Files.readString(p));
    }
    return out;
  }

  @Test
  void newRulesReportExactlyWhatTheOldClassesReported() throws Exception {
    Map<String, String> fixtures = fixtures();
    assertThat(fixtures).hasSizeGreaterThan(60);
    int cases = 0;
    int withFindings = 0;
    Map<String, Integer> ids = new TreeMap<>();
    long seed = 0x23_0003L;
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
        List<SchemaIssue> expected = LegacySchemaRules.check(parsed.unwrap());
        List<SchemaIssue> actual = SchemaLoader.check(parsed.unwrap());
        if (!actual.equals(expected)) {
          fail("case " + f.getKey() + " #" + i + " differs\nexpected:\n" + lines(expected) + "\nactual:\n" + lines(actual)
              + "\ndocument:\n" + texts.get(i));
        }
        cases++;
        if (!expected.isEmpty()) {
          withFindings++;
        }
        expected.forEach(x -> ids.merge(x.diagnostic().id(), 1, Integer::sum));
      }
    }
    assertThat(cases).isGreaterThan(3000);
    assertThat(withFindings).isGreaterThan(cases / 2);
    assertThat(ids.keySet()).contains("Schema.MissingField", "Schema.Type", "Schema.DuplicateTable", "Schema.DuplicateEntity",
        "Schema.FieldType", "Schema.Template", "Schema.TemplateField", "Schema.DuplicatePatternId", "Schema.Operation",
        "Schema.GsiKey", "Schema.UnknownGsi", "Schema.MappingShape", "Schema.RangeParameters", "Schema.Projection");
    System.out.println("SchemaRulesPinTest: " + cases + " cases, " + withFindings + " with findings, ids " + ids);
  }

  private static String lines(List<SchemaIssue> xs) {
    StringBuilder b = new StringBuilder();
    for (SchemaIssue x : xs) {
      Diagnostic d = x.diagnostic();
      b.append("  ").append(x.path()).append(' ').append(d.id()).append(' ').append(d.severity()).append(' ').append(d.kind()).append(' ')
          .append(d.location().file()).append(':').append(d.location().line()).append(':').append(d.location().column()).append(' ')
          .append(d.location().pointer()).append(" | ").append(d.message()).append(" [").append(d.hint()).append("]\n");
    }
    return b.toString();
  }
}
