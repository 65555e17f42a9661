package dev.ddbmodel.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A command loads only what it uses: {@code schema validate} runs in a fresh JVM with
 * {@code -verbose:class} and must not load the AWS SDK, DynamoDB Local, JDBC drivers, the MCP
 * server or the other commands (start-up of issue 22).
 */
class StartupClassesTest {
  static final Path SCHEMA = Path.of("../examples/models/ecommerce/schema.json").toAbsolutePath().normalize();
  static final List<String> NOT_ON_THE_PATH = List.of("software.amazon.", "com.amazonaws.", "org.postgresql.", "org.mariadb.",
      "com.zaxxer.", "com.microsoft.sqlserver.", "oracle.jdbc.", "io.modelcontextprotocol.", "org.eclipse.jetty.", "almworks.sqlite4java", "reactor.core.",
      "dev.ddbmodel.validation.", "dev.ddbmodel.analyzer.", "dev.ddbmodel.codegen.", "dev.ddbmodel.adapter.cli.ModelCommand",
      "dev.ddbmodel.adapter.cli.DemoCommand", "dev.ddbmodel.adapter.cli.McpCommand");

  @Test
  void schemaValidateLoadsOnlyWhatItUses() throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-Xshare:off", "-verbose:class", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        CliMain.class.getName(), "schema", "validate", SCHEMA.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    List<String> loaded = out.lines().filter(l -> l.startsWith("[") && l.contains("class,load")).map(l -> l.split(" ")[1]).toList();
    assertThat(loaded).as("the run was observed").contains("dev.ddbmodel.schema.SchemaValidation");
    for (String prefix : NOT_ON_THE_PATH) {
      assertThat(loaded).as("classes of %s", prefix).noneMatch(c -> c.startsWith(prefix));
    }
  }

  /**
   * The project's main code is compiled with {@code -XDstringConcat=inline} (parent pom): no class
   * of ours links a string-concatenation call site at run time, each of which spins method-handle
   * classes on a short process's first use.
   */
  @Test
  void projectClassesConcatenateWithoutInvokedynamic() throws IOException {
    byte[] bootstrap = "makeConcatWithConstants".getBytes(StandardCharsets.US_ASCII);
    List<String> offenders = new java.util.ArrayList<>();
    int scanned = 0;
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      Path root = Path.of(entry);
      if (Files.isDirectory(root) && root.endsWith(Path.of("target", "classes"))) { // a reactor module's output
        try (java.util.stream.Stream<Path> files = Files.walk(root)) {
          for (Path f : (Iterable<Path>) files.filter(x -> x.toString().endsWith(".class"))::iterator) {
            scanned++;
            if (indexOf(Files.readAllBytes(f), bootstrap) >= 0) {
              offenders.add(root.relativize(f).toString());
            }
          }
        }
      } else if (root.getFileName().toString().matches("ddbmodel-[a-z-]+-[0-9].*\\.jar")
          && !root.getFileName().toString().endsWith("-tests.jar")) { // a module's main jar from the local repository (test jars are compiled without the flag)
        try (java.util.zip.ZipFile jar = new java.util.zip.ZipFile(root.toFile())) {
          for (java.util.zip.ZipEntry e : java.util.Collections.list(jar.entries())) {
            if (e.getName().startsWith("dev/ddbmodel/") && e.getName().endsWith(".class")) {
              scanned++;
              try (java.io.InputStream in = jar.getInputStream(e)) {
                if (indexOf(in.readAllBytes(), bootstrap) >= 0) {
                  offenders.add(root.getFileName() + "!" + e.getName());
                }
              }
            }
          }
        }
      }
    }
    assertThat(scanned).as("class files of the reactor's modules were scanned").isGreaterThan(200);
    assertThat(offenders).as("classes using invokedynamic string concatenation").isEmpty();
  }

  private static int indexOf(byte[] data, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= data.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (data[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
