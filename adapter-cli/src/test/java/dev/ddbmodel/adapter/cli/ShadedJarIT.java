package dev.ddbmodel.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbmodel.core.process.ExternalProcess;
import dev.ddbmodel.core.process.ProcessResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one executable jar (issue 23): under 40 MB, with the licences and notices of what it bundles,
 * every bundled artifact named in docs/third-party.md, none of what was left out on purpose, and
 * DynamoDB Local working from it in both modes (what was removed must not be needed).
 */
class ShadedJarIT {
  static final Path JAR = Path.of("target/ddbm.jar").toAbsolutePath();
  static final long LIMIT = 40_000_000L;

  @TempDir Path tmp;

  @BeforeAll
  static void packaged() {
    assertThat(JAR).as("packaged by mvn verify").exists();
  }

  @Test
  void isUnderFortyMegabytes() throws IOException {
    assertThat(Files.size(JAR)).isLessThan(LIMIT);
  }

  @Test
  void carriesTheMergedLicencesAndNotices() throws IOException {
    try (ZipFile z = new ZipFile(JAR.toFile())) {
      // merged, not first-wins: the Apache-2.0 text of many libraries, Jackson 2 and 3 notices, Jetty's EPL
      assertThat(count(text(z, "META-INF/LICENSE"), "Apache License")).isGreaterThan(10);
      assertThat(text(z, "META-INF/NOTICE")).contains("Jackson 2.x").contains("Jackson 3.x");
      assertThat(text(z, "META-INF/LICENSE.md")).contains("Eclipse Public License");
      assertThat(text(z, "LICENSE.txt")).contains("DynamoDB Local License Agreement");
      assertThat(text(z, "META-INF/licenses/LGPL-2.1.txt")).contains("GNU LESSER GENERAL PUBLIC LICENSE");
      assertThat(text(z, "META-INF/licenses/Apache-2.0.txt")).contains("Apache License");
      assertThat(text(z, "META-INF/third-party.md")).contains("# Third-party software in ddbm.jar");
    }
  }

  @Test
  void namesEveryBundledArtifactInTheThirdPartyList() throws IOException {
    String doc = Files.readString(Path.of("../docs/third-party.md"));
    Set<String> missing = new TreeSet<>();
    try (ZipFile z = new ZipFile(JAR.toFile())) {
      z.stream().map(ZipEntry::getName).filter(n -> n.startsWith("META-INF/maven/") && n.endsWith("/pom.properties")).forEach(n -> {
        String[] p = n.split("/");
        String group = p[2];
        String artifact = p[3];
        // the artifact's name as a whole word
        String name = java.util.regex.Pattern.quote(artifact);
        if (!doc.contains(group) || !java.util.regex.Pattern.compile("(?<![A-Za-z0-9])" + name + "(?![A-Za-z0-9])").matcher(doc).find()) {
          missing.add(group + ":" + artifact);
        }
      });
    }
    assertThat(missing).as("bundled but not in docs/third-party.md").isEmpty();
  }

  @Test
  void leavesOutWhatIsNeverUsed() throws IOException {
    try (ZipFile z = new ZipFile(JAR.toFile())) {
      List<String> names = z.stream().map(ZipEntry::getName).toList();
      for (String prefix : List.of("com/mysql/", "oracle/jdbc/", "io/netty/", "org/apache/http/impl/client/", "org/apache/logging/log4j/core/",
          "software/amazon/awssdk/http/apache/", "software/amazon/awssdk/http/nio/", "software/amazon/awssdk/services/cognitoidentity/",
          "software/amazon/awssdk/services/pinpoint/PinpointClient", "software/amazon/awssdk/enhanced/",
          "software/amazon/dynamodb/services/local/shared/access/sqlite/native/Linux/x86/")) {
        assertThat(names).as(prefix).noneMatch(n -> n.startsWith(prefix));
      }
      // kept: the SQLite native of this platform family and the classes minimisation must not lose
      assertThat(names).contains("software/amazon/dynamodb/services/local/shared/access/sqlite/native/Linux/x86_64/libsqlite4java.so",
          "software/amazon/awssdk/services/pinpoint/model/PinpointException.class", "com/google/common/collect/ImmutableTable.class");
    }
  }

  /** DynamoDB Local from the jar alone, in-process and as a loopback server, with the telemetry parts removed. */
  @Test
  void runsDynamoDbLocalFromTheJarAlone() throws Exception {
    Path src = tmp.resolve("Probe.java");
    Files.writeString(src, """
        import dev.ddbmodel.validation.local.LocalDynamoDb;
        import software.amazon.awssdk.services.dynamodb.model.*;
        public class Probe {
          public static void main(String[] a) {
            for (int i = 0; i < 2; i++) {
              try (LocalDynamoDb db = i == 0 ? LocalDynamoDb.embedded() : LocalDynamoDb.server()) {
                db.client().createTable(b -> b.tableName("probe").billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(d -> d.attributeName("pk").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH)));
                db.client().executeStatement(s -> s.statement("INSERT INTO probe VALUE {'pk': 'a'}"));
                System.out.println((i == 0 ? "embedded " : "server ") + db.client().scan(s -> s.tableName("probe")).count());
              }
            }
          }
        }
        """);
    assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, "-cp", JAR.toString(), "-d", tmp.toString(), src.toString())).isZero();
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessResult r = ExternalProcess.run(new ProcessBuilder(javaBin, "-cp", JAR + java.io.File.pathSeparator + tmp, "Probe"), Duration.ofSeconds(120));
    assertThat(r.exitCode()).as(r.describe()).isZero();
    assertThat(r.stdout()).contains("embedded 1").contains("server 1");
    assertThat(r.stderr()).as("no logging noise").doesNotContain("StatusLogger").doesNotContain("log4j");
  }

  private static String text(ZipFile z, String name) throws IOException {
    ZipEntry e = z.getEntry(name);
    assertThat(e).as(name).isNotNull();
    try (InputStream in = z.getInputStream(e)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static int count(String s, String what) {
    int n = 0;
    for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }
}
