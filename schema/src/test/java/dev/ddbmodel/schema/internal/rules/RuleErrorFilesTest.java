package dev.ddbmodel.schema.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbmodel.core.json.JsonDocument;
import dev.ddbmodel.schema.Schema;
import dev.ddbmodel.schema.SchemaIssue;
import dev.ddbmodel.schema.SchemaLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The error files of each schema rule class: {@code src/test/resources/rules/<RuleClass>/<case>.json}
 * is a schema.json document (for {@code UsageDataRules}, a usage_data.json checked against the
 * folder's {@code _schema.json}) and {@code <case>.expected} lists, written by hand, every
 * diagnostic the rules must report for it, one {@code SEVERITY id path} line each (the dotted
 * path of the finding, {@code root} for the document); {@code valid.expected} is empty. A
 * missing or an extra finding fails the case. {@link #everyIdOfARuleClassHasAnErrorFile} scans
 * the rule classes' sources for the ids they emit and fails when one has no error file in its
 * class's folder.
 */
class RuleErrorFilesTest {
  static final Path FILES = Path.of("src/test/resources/rules");
  static final Path SOURCES = Path.of("src/main/java/dev/ddbmodel/schema/internal/rules");
  static final Pattern ID = Pattern.compile("\"((?:Schema|Usage)\\.[A-Za-z]+)\"");
  static final String USAGE = "UsageDataRules";

  static Stream<String> cases() throws IOException {
    List<String> out = new ArrayList<>();
    try (Stream<Path> s = Files.walk(FILES)) {
      s.filter(p -> p.toString().endsWith(".json") && !p.getFileName().toString().startsWith("_")).forEach(p -> {
        String rel = FILES.relativize(p).toString().replace('\\', '/');
        out.add(rel.substring(0, rel.length() - ".json".length()));
      });
    }
    return out.stream().sorted();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsExactlyTheExpectedDiagnostics(String name) throws IOException {
    Path expectedFile = FILES.resolve(name + ".expected");
    assertThat(expectedFile).as("every error file has its .expected").exists();
    List<String> expected = expected(expectedFile);
    JsonDocument doc = read(FILES.resolve(name + ".json"));
    List<SchemaIssue> issues;
    if (name.startsWith(USAGE + "/")) {
      Schema schema = SchemaLoader.fromDocument(read(FILES.resolve(USAGE).resolve("_schema.json"))).unwrap();
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

  static List<String> expected(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("#")).map(l -> String.join(" ", l.split("\\s+"))).toList();
  }

  static Set<String> ids(Path source) throws IOException {
    Set<String> out = new TreeSet<>();
    Matcher m = ID.matcher(Files.readString(source, StandardCharsets.UTF_8));
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @Test
  void everyIdOfARuleClassHasAnErrorFile() throws IOException {
    List<String> missing = new ArrayList<>();
    int classes = 0;
    try (Stream<Path> s = Files.list(SOURCES)) {
      for (Path src : s.sorted().toList()) {
        Set<String> ids = ids(src);
        if (ids.isEmpty()) {
          continue;
        }
        classes++;
        String cls = src.getFileName().toString().replace(".java", "");
        Path dir = FILES.resolve(cls);
        if (!Files.isRegularFile(dir.resolve("valid.json"))) {
          missing.add(cls + ": no valid.json");
        } else if (!expected(dir.resolve("valid.expected")).isEmpty()) {
          missing.add(cls + ": valid.expected must be empty");
        }
        Set<String> covered = new TreeSet<>();
        if (Files.isDirectory(dir)) {
          try (Stream<Path> e = Files.list(dir)) {
            for (Path x : e.filter(p -> p.toString().endsWith(".expected")).toList()) {
              expected(x).forEach(l -> covered.add(l.split(" ")[1]));
            }
          }
        }
        for (String id : ids) {
          if (!covered.contains(id)) {
            missing.add(cls + ": " + id);
          }
        }
      }
    }
    assertThat(classes).isGreaterThanOrEqualTo(14);
    assertThat(missing).as("rule class ids without an error file").isEmpty();
  }

  @Test
  void everyFolderNamesARuleClass() throws IOException {
    try (Stream<Path> s = Files.list(FILES)) {
      assertThat(s.map(p -> p.getFileName().toString()))
          .allSatisfy(n -> assertThat(SOURCES.resolve(n + ".java")).as("rule class of folder " + n).exists());
    }
  }
}
