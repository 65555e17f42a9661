package dev.ddbmodel.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stand-alone project in {@code examples/embedding}: its pom names artifacts this build
 * produces, its code compiles against them and runs (in a separate JVM, as an application would).
 */
class EmbeddingExampleIT {
  static final Path PROJECT = Path.of("embedding");
  @TempDir static Path classes;

  @BeforeAll
  static void compile() throws Exception {
    List<String> sources;
    try (Stream<Path> s = Files.walk(PROJECT.resolve("src/main/java"))) {
      sources = s.filter(p -> p.toString().endsWith(".java")).map(Path::toString).toList();
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<String> args = new ArrayList<>(List.of("-Xlint:all,-path", "-Werror", "-encoding", "UTF-8", "--release", "17", "-d", classes.toString(),
        "-cp", System.getProperty("java.class.path")));
    args.addAll(sources);
    var err = new java.io.ByteArrayOutputStream();
    int rc = javac.run(null, null, err, args.toArray(String[]::new));
    assertThat(rc).as(err.toString(StandardCharsets.UTF_8)).isZero();
  }

  record Run(int exit, String out) {}

  static Run run(Path model, Path out) throws Exception {
    return run(model.toString(), out.toString());
  }

  static Run run(String first, String second) throws Exception {
    ProcessBuilder p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        classes + File.pathSeparator + System.getProperty("java.class.path"), "example.EmbedDdbModel", first, second)
        .redirectError(ProcessBuilder.Redirect.DISCARD);
    var r = dev.ddbmodel.core.process.ExternalProcess.run(p, java.time.Duration.ofSeconds(120));
    assertThat(r.timedOut()).as("the JVM ends (DynamoDB Local shut down): " + r.describe()).isFalse();
    return new Run(r.exitCode(), r.stdout());
  }

  @Test
  void pomUsesThisBuildsArtifactsAndVersion() throws Exception {
    String pom = Files.readString(PROJECT.resolve("pom.xml"), StandardCharsets.UTF_8);
    String parent = Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8);
    Matcher v = Pattern.compile("<version>([^<]+)</version>").matcher(parent.substring(parent.indexOf("<parent>")));
    assertThat(v.find()).isTrue();
    assertThat(pom).contains("<ddbmodel.version>" + v.group(1) + "</ddbmodel.version>");
    Matcher a = Pattern.compile("<artifactId>(ddbmodel-[a-z-]+)</artifactId>").matcher(pom);
    int n = 0;
    while (a.find()) {
      String module = a.group(1).substring("ddbmodel-".length());
      assertThat(Path.of("..", module, "pom.xml")).as(a.group(1)).exists();
      n++;
    }
    assertThat(n).isEqualTo(3);
  }

  @Test
  void checksAndGeneratesForAnExampleModel(@TempDir Path out) throws Exception {
    Run r = run(Path.of("models/social").toAbsolutePath(), out.resolve("dal"));
    assertThat(r.exit()).as(r.out()).isZero();
    assertThat(r.out()).contains("schema.json: valid").containsPattern("status passed").containsPattern("generated \\d+ files for \\d+ access patterns");
    try (Stream<Path> s = Files.walk(out.resolve("dal"))) {
      assertThat(s.filter(p -> p.toString().endsWith(".java")).count()).isGreaterThan(3);
    }
  }

  @Test
  void stopsAtABrokenAccessPatternAndWritesNothing(@TempDir Path tmp) throws Exception {
    Path model = Files.createDirectory(tmp.resolve("model"));
    for (String f : List.of("schema.json", "usage_data.json", "dynamodb_data_model.json")) {
      Files.copy(Path.of("models/social", f), model.resolve(f));
    }
    Path json = model.resolve("dynamodb_data_model.json");
    String text = Files.readString(json, StandardCharsets.UTF_8);
    // first get-item of the model now reads a table that does not exist
    int i = text.indexOf("aws dynamodb get-item --table-name ");
    assertThat(i).isPositive();
    int start = i + "aws dynamodb get-item --table-name ".length();
    int end = text.indexOf(' ', start);
    Files.writeString(json, text.substring(0, start) + "NoSuchTable" + text.substring(end), StandardCharsets.UTF_8);
    Run r = run(model, tmp.resolve("dal"));
    assertThat(r.exit()).as(r.out()).isEqualTo(1);
    assertThat(r.out()).contains("schema.json: valid").containsPattern("failed [1-9]").doesNotContain("generated");
    assertThat(tmp.resolve("dal")).doesNotExist();
  }

  @Test
  void validatesCostsAndGeneratesFromTextsInMemory(@TempDir Path tmp) throws Exception {
    Path model = Files.createDirectory(tmp.resolve("model"));
    for (String f : List.of("schema.json", "usage_data.json", "cost_input.json")) {
      Files.copy(Path.of("models/ecommerce", f), model.resolve(f));
    }
    Run r = run("--in-memory", model.toAbsolutePath().toString());
    assertThat(r.exit()).as(r.out()).isZero();
    assertThat(r.out()).contains("schema text: valid (with usage data)");
    // the figure and the file count the example prints are the ones the path-based routes give
    var cost = dev.ddbmodel.core.CostRequest.parse("cost_input.json", Files.readString(model.resolve("cost_input.json"), StandardCharsets.UTF_8))
        .flatMap(dev.ddbmodel.core.CostCalculator::compute).unwrap();
    assertThat(r.out()).contains(String.format(java.util.Locale.ROOT, "monthly cost: %.4f USD for %d access patterns", cost.total(), cost.patterns().size()));
    Path dal = tmp.resolve("dal");
    var written = dev.ddbmodel.codegen.DalGenerator.generate(new dev.ddbmodel.codegen.DalRequest(model.resolve("schema.json"),
        dev.ddbmodel.codegen.DalRequest.Language.JAVA, java.util.Optional.of(dal), java.util.Optional.empty(), false)).unwrap();
    assertThat(r.out()).containsPattern("generated in memory: " + written.files().size() + " files, [1-9]\\d* lines");
    try (Stream<Path> s = Files.list(model)) {
      assertThat(s.count()).as("nothing written beside the inputs").isEqualTo(3);
    }

    Files.writeString(model.resolve("schema.json"), "{\"tables\": [", StandardCharsets.UTF_8);
    Run bad = run("--in-memory", model.toAbsolutePath().toString());
    assertThat(bad.exit()).isEqualTo(1);
    assertThat(bad.out()).contains("schema text is invalid").doesNotContain("generated");
  }
}
