package dev.ddbmodel.codegen.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbmodel.codegen.DalGenerator;
import dev.ddbmodel.codegen.DalRequest;
import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.process.ExternalProcess;
import dev.ddbmodel.schema.SchemaValidation;
import dev.ddbmodel.schema.SchemaValidationRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every schema the validator accepts among the schema module's test resources, the examples and
 * the conformance schemas generates a DAL that imports in Python, compiles with javac -Werror and
 * passes strict tsc, each with its usage examples. Batched: one python3 process, one in-process javac per schema, one tsc for all.
 */
class EverySchemaCompilesTest {
  @TempDir static Path tmp;
  static final List<Path> VALID = new ArrayList<>();
  static final List<String> REFUSED = new ArrayList<>();

  @BeforeAll
  static void collect() throws Exception {
    List<Path> candidates = new ArrayList<>();
    for (String root : List.of("../schema/src/test/resources", "../examples/models", "src/test/resources/conformance")) {
      try (Stream<Path> s = Files.walk(Path.of(root))) {
        s.filter(p -> p.toString().endsWith(".json") && !p.getFileName().toString().equals("usage_data.json")
            && !p.getFileName().toString().equals("scenario.json") && !p.getFileName().toString().startsWith("dynamodb_data_model")).sorted().forEach(candidates::add);
      }
    }
    int n = 0;
    for (Path c : candidates) {
      String text = Files.readString(c, StandardCharsets.UTF_8);
      if (!text.contains("\"tables\"")) {
        continue;
      }
      Path dir = Files.createDirectories(tmp.resolve("in").resolve("s" + n++));
      Path schema = Files.writeString(dir.resolve("schema.json"), text, StandardCharsets.UTF_8);
      if (SchemaValidation.validate(new SchemaValidationRequest(schema, Optional.empty(), Optional.empty())).valid()) {
        VALID.add(schema);
      }
    }
  }

  Path generate(Path schema, DalRequest.Language lang, Path out) {
    // with the usage examples of every language (all three rendered from the SmokePlan)
    var r = DalGenerator.generate(new DalRequest(schema, lang, Optional.of(out), Optional.empty(), true));
    if (!r.isValid()) {
      REFUSED.add(schema + " " + lang + ": " + r.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::id).toList());
      return null;
    }
    return out;
  }

  @Test
  void manySchemasAreChecked() {
    assertThat(VALID).as("valid schemas found").hasSizeGreaterThanOrEqualTo(7);
  }

  @Test
  void pythonImportsEverywhere() throws Exception {
    List<String> dirs = new ArrayList<>();
    for (int i = 0; i < VALID.size(); i++) {
      Path out = generate(VALID.get(i), DalRequest.Language.PYTHON, tmp.resolve("py").resolve("p" + i));
      if (out != null) {
        dirs.add(out.toString());
      }
    }
    Path script = Files.writeString(tmp.resolve("imports.py"), String.join("\n",
        "import importlib, sys",
        "for d in sys.argv[1:]:",
        "    sys.path.insert(0, d)",
        "    for m in ('dal.entities', 'dal.repositories', 'dal.transactions', 'dal.tables', 'usage_examples'):",
        "        importlib.import_module(m)",
        "    sys.path.remove(d)",
        "    for m in [m for m in sys.modules if m == 'dal' or m.startswith('dal.') or m == 'usage_examples']:",
        "        del sys.modules[m]",
        "print(len(sys.argv) - 1)", ""), StandardCharsets.UTF_8);
    List<String> cmd = new ArrayList<>(List.of("python3", script.toString()));
    cmd.addAll(dirs);
    var run = ExternalProcess.run(new ProcessBuilder(cmd), Duration.ofSeconds(120));
    assertThat(run.succeeded()).as(run.describe()).isTrue();
    assertThat(run.stdout().strip()).isEqualTo(String.valueOf(VALID.size()));
  }

  @Test
  void javaCompilesWithWerrorEverywhere() throws Exception {
    int compiled = 0;
    for (int i = 0; i < VALID.size(); i++) {
      Path out = generate(VALID.get(i), DalRequest.Language.JAVA, tmp.resolve("java").resolve("j" + i));
      if (out == null) {
        continue;
      }
      List<String> args = new ArrayList<>(List.of("-d", Files.createDirectories(tmp.resolve("classes").resolve("j" + i)).toString(), "-cp",
          System.getProperty("java.class.path"), "--release", "17", "-Xlint:all,-path", "-Werror"));
      try (Stream<Path> s = Files.walk(out)) {
        s.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
      }
      java.io.ByteArrayOutputStream diag = new java.io.ByteArrayOutputStream();
      int rc = ToolProvider.getSystemJavaCompiler().run(null, diag, diag, args.toArray(String[]::new));
      assertThat(rc).as(VALID.get(i) + "\n" + diag.toString(StandardCharsets.UTF_8)).isZero();
      compiled++;
    }
    assertThat(compiled).as("refused: " + REFUSED).isEqualTo(VALID.size());
  }

  @Test
  void typescriptPassesStrictTscEverywhere() throws Exception {
    Path root = Files.createDirectories(tmp.resolve("ts"));
    List<String> include = new ArrayList<>();
    String pkg = null;
    for (int i = 0; i < VALID.size(); i++) {
      Path out = generate(VALID.get(i), DalRequest.Language.TYPESCRIPT, root.resolve("t" + i));
      if (out == null) {
        continue;
      }
      pkg = Files.readString(out.resolve("package.json"), StandardCharsets.UTF_8);
      include.add("\"t" + i + "/src/**/*.ts\"");
      include.add("\"t" + i + "/usage_examples.ts\"");
    }
    assertThat(include).as("refused: " + REFUSED).hasSize(2 * VALID.size());
    Files.writeString(root.resolve("package.json"), pkg, StandardCharsets.UTF_8);
    String tsconfig = Files.readString(root.resolve("t0/tsconfig.json"), StandardCharsets.UTF_8)
        .replaceAll("\"include\"\\s*:\\s*\\[[^]]*]", "\"include\": [" + String.join(", ", include) + "]")
        .replace("\"outDir\": \"dist\",", "\"noEmit\": true,");
    Files.writeString(root.resolve("tsconfig.json"), tsconfig, StandardCharsets.UTF_8);
    dev.ddbmodel.codegen.internal.typescript.TsProject.build(root);
  }
}
