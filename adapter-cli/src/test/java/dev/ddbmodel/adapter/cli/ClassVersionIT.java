package dev.ddbmodel.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbmodel.core.process.ExternalProcess;
import dev.ddbmodel.core.process.ProcessResult;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build's class-version upgrade (src/build/ClassVersionUpgrade.java, issue 22): ddbm.jar holds
 * no class file older than Java 6, the rewritten ones (those whose original in a dependency jar is
 * older) pass the JVM's verifier, the CLI runs from the jar, and picocli then comes from the
 * class-data archive instead of the jar.
 */
class ClassVersionIT {
  static final Path JAR = Path.of("target/ddbm.jar").toAbsolutePath();
  static final Path SCHEMA = Path.of("../examples/models/ecommerce/schema.json").toAbsolutePath().normalize();
  static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

  @TempDir Path tmp;

  @BeforeAll
  static void packaged() {
    assertThat(JAR).as("packaged by mvn verify").exists();
  }

  @Test
  void noClassFileInTheJarIsOlderThanJava6() throws IOException {
    List<String> old = new ArrayList<>();
    int classes = 0;
    try (ZipFile z = new ZipFile(JAR.toFile())) {
      for (ZipEntry e : Collections.list(z.entries())) {
        if (e.getName().endsWith(".class")) {
          classes++;
          if (major(z, e) < 50) {
            old.add(e.getName());
          }
        }
      }
    }
    assertThat(classes).isGreaterThan(10_000);
    assertThat(old).as("class files below major 50 (CDS cannot archive them)").isEmpty();
  }

  @Test
  void everyRewrittenClassPassesTheVerifier() throws Exception {
    Set<String> rewritten = rewrittenClasses();
    assertThat(rewritten).as("picocli is among them").contains("picocli.CommandLine", "picocli.CommandLine$Model$CommandSpec");
    List<String> failures = new ArrayList<>();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {JAR.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
      for (String name : rewritten) {
        try {
          // getDeclaredMethods links the class, and linking runs the verifier (no initialisation)
          Class.forName(name, false, loader).getDeclaredMethods();
        } catch (VerifyError | ClassFormatError e) {
          failures.add(name + ": " + e);
        } catch (LinkageError e) {
          // a type the minimised jar leaves out (a code path ddbm never takes): not a bytecode fault
        }
      }
    }
    assertThat(failures).as("rewritten classes the verifier rejects").isEmpty();
  }

  @Test
  void theCliRunsFromTheJarWithEveryClassVerified() throws Exception {
    ProcessResult help = run(JAVA, "-Xshare:off", "-cp", JAR.toString(),
        CliMain.class.getName(), "--help");
    assertThat(help.exitCode()).as(help.describe()).isZero();
    assertThat(help.stdout()).contains("Usage: ddbm").contains("schema").contains("Exit codes:");
    ProcessResult validate = run(JAVA, "-Xshare:off", "-cp", JAR.toString(), CliMain.class.getName(), "schema", "validate", SCHEMA.toString());
    assertThat(validate.exitCode()).as(validate.describe()).isZero();
    assertThat(validate.stdout()).contains("Schema validation passed");
    ProcessResult typo = run(JAVA, "-Xshare:off", "-cp", JAR.toString(), CliMain.class.getName(), "schema", "validat");
    assertThat(typo.exitCode()).as(typo.describe()).isEqualTo(2);
  }

  @Test
  void picocliIsLoadedFromTheClassDataArchive() throws Exception {
    Path jsa = tmp.resolve("ddbm.jsa");
    ProcessResult record = run(JAVA, "-XX:ArchiveClassesAtExit=" + jsa, "-cp", JAR.toString(), CliMain.class.getName(), "schema", "validate",
        SCHEMA.toString());
    assertThat(record.exitCode()).as(record.describe()).isZero();
    ProcessResult use = run(JAVA, "-XX:SharedArchiveFile=" + jsa, "-Xshare:auto", "-Xlog:class+load=info:stdout", "-cp", JAR.toString(),
        CliMain.class.getName(), "schema", "validate", SCHEMA.toString());
    assertThat(use.exitCode()).as(use.describe()).isZero();
    List<String> picocli = use.stdout().lines().filter(l -> l.contains(" picocli.")).toList();
    assertThat(picocli).as("picocli classes loaded").hasSizeGreaterThan(50);
    assertThat(picocli).as("picocli classes not from the archive").allMatch(l -> l.contains("source: shared objects file"));
  }

  /** Classes of ddbm.jar whose class file in a dependency jar on the test class path is below major 50. */
  static Set<String> rewrittenClasses() throws IOException {
    Set<String> inJar = new TreeSet<>();
    try (ZipFile z = new ZipFile(JAR.toFile())) {
      z.stream().map(ZipEntry::getName).filter(n -> n.endsWith(".class") && !n.startsWith("META-INF/")).forEach(inJar::add);
    }
    Set<String> old = new TreeSet<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!entry.endsWith(".jar")) {
        continue;
      }
      try (ZipFile dep = new ZipFile(entry)) {
        for (ZipEntry e : Collections.list(dep.entries())) {
          if (inJar.contains(e.getName()) && major(dep, e) < 50) {
            old.add(e.getName().substring(0, e.getName().length() - ".class".length()).replace('/', '.'));
          }
        }
      }
    }
    return old;
  }

  static int major(ZipFile z, ZipEntry e) throws IOException {
    try (InputStream in = z.getInputStream(e)) {
      byte[] head = in.readNBytes(8);
      return head.length < 8 ? -1 : ((head[6] & 0xff) << 8) | (head[7] & 0xff);
    }
  }

  private static ProcessResult run(String... cmd) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("DDB_LOCAL_TELEMETRY", "0");
    return ExternalProcess.run(pb, Duration.ofSeconds(180));
  }
}
