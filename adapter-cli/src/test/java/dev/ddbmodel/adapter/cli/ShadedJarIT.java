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
 * The one executable jar (issue 23): within its size budget (issue 23 asks for under 40 MB; the jar
 * measured 36.x MB after the unused parts were dropped, the budget keeps it from growing back), with the licences and notices of what it bundles,
 * every bundled artifact named in docs/third-party.md, none of what was left out on purpose, and
 * DynamoDB Local working from it in both modes (what was removed must not be needed).
 */
class ShadedJarIT {
  static final Path JAR = Path.of("target/ddbm.jar").toAbsolutePath();
  /** The size budget: the measured size plus room for upgrades, well under issue 23's 40 MB. */
  static final long BUDGET = 37_500_000L;

  @TempDir Path tmp;

  @BeforeAll
  static void packaged() {
    assertThat(JAR).as("packaged by mvn verify").exists();
  }

  @Test
  void staysWithinItsSizeBudget() throws IOException {
    assertThat(Files.size(JAR)).as("ddbm.jar bytes").isLessThan(BUDGET);
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
      // the MIT libraries that ship no licence file: their notices with their copyright lines
      assertThat(text(z, "META-INF/licenses/MIT-mssql-jdbc.txt")).contains("Copyright(c) 2018 Microsoft Corporation").contains("MIT License");
      assertThat(text(z, "META-INF/licenses/MIT-slf4j-simple.txt")).contains("Copyright (c) 2004-2023 QOS.ch").contains("Permission is hereby granted");
      assertThat(text(z, "META-INF/licenses/MIT-mcp-java-sdk.txt")).contains("MCP Java SDK").contains("Permission is hereby granted");
    }
  }

  /**
   * Every licence, notice and third-party file inside every bundled library (each jar of the test
   * class path with a class in ddbm.jar) is in ddbm.jar under its own name with its whole text:
   * fails when two libraries carry the same name and a transformer keeps only the first.
   */
  @Test
  void keepsTheTextOfEveryLicenceAndNoticeOfEveryBundledLibrary() throws IOException {
    java.util.regex.Pattern legal = java.util.regex.Pattern.compile("(?i)(^|/)[^/]*(licen[cs]e|notice|third-?party)[^/]*$");
    List<String> lost = new java.util.ArrayList<>();
    int libraries = 0;
    try (ZipFile shaded = new ZipFile(JAR.toFile())) {
      for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
        if (!entry.endsWith(".jar") || entry.contains("ojdbc")) {
          continue;
        }
        try (ZipFile lib = new ZipFile(entry)) {
          boolean bundled = lib.stream().anyMatch(e -> e.getName().endsWith(".class") && !e.getName().startsWith("META-INF/")
              && !e.getName().endsWith("module-info.class") && shaded.getEntry(e.getName()) != null);
          if (!bundled) {
            continue;
          }
          libraries++;
          for (ZipEntry e : java.util.Collections.list(lib.entries())) {
            if (e.isDirectory() || e.getName().endsWith(".class") || e.getName().startsWith("META-INF/services/") || !legal.matcher(e.getName()).find()) {
              continue;
            }
            String own = read(lib, e).strip();
            ZipEntry there = shaded.getEntry(e.getName());
            if (there == null || !read(shaded, there).contains(own)) {
              lost.add(Path.of(entry).getFileName() + "!" + e.getName());
            }
          }
        }
      }
    }
    assertThat(libraries).as("bundled libraries found on the class path").isGreaterThan(50);
    assertThat(lost).as("licence or notice text not in ddbm.jar").isEmpty();
  }

  private static String read(ZipFile z, ZipEntry e) throws IOException {
    try (InputStream in = z.getInputStream(e)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
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
          "software/amazon/dynamodb/services/local/shared/access/sqlite/native/Linux/x86/",
          "org/eclipse/jetty/client/", "org/eclipse/jetty/alpn/", "io/modelcontextprotocol/client/", "org/postgresql/translation/",
          "com/microsoft/sqlserver/jdbc/SQLServerResource_", "jakarta/servlet/resources/", "org/partiql/lang/eval/EvaluatingCompiler",
          "software/amazon/awssdk/services/dynamodb/endpoints/internal/DefaultRuleEngine")) {
        assertThat(names).as(prefix).noneMatch(n -> n.startsWith(prefix));
      }
      // kept: the SQLite native of this platform family and the classes minimisation must not lose
      assertThat(names).contains("software/amazon/dynamodb/services/local/shared/access/sqlite/native/Linux/x86_64/libsqlite4java.so",
          "software/amazon/awssdk/services/pinpoint/model/PinpointException.class", "com/google/common/collect/ImmutableTable.class",
          "com/microsoft/sqlserver/jdbc/SQLServerResource.class", "org/partiql/lang/syntax/SqlParser.class",
          "software/amazon/awssdk/services/dynamodb/endpoints/internal/RulesFunctions.class");
    }
  }

  /** DynamoDB Local from the jar alone, in-process and as a loopback server, with the telemetry parts removed. */
  @Test
  void runsDynamoDbLocalFromTheJarAlone() throws Exception {
    Path src = tmp.resolve("Probe.java");
    Files.writeString(src, """
        import dev.ddbmodel.validation.LocalDynamoDb;
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

  /**
   * Every SDK client ddbm builds (DynamoDB, Application Auto Scaling, Secrets Manager, RDS Data,
   * DynamoDB Streams for DynamoDB Local) resolves its endpoint and signs a request from the jar alone
   * (the endpoint-rule interpreter classes were dropped): the call reaches the network layer and fails
   * there, on a loopback port nothing listens on, never with a missing class.
   */
  @Test
  void everySdkClientRunsItsRequestPipelineFromTheJar() throws Exception {
    Path src = tmp.resolve("Clients.java");
    Files.writeString(src, """
        import java.net.URI;
        import java.net.ServerSocket;
        import software.amazon.awssdk.auth.credentials.*;
        import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
        import software.amazon.awssdk.regions.Region;
        public class Clients {
          public static void main(String[] a) throws Exception {
            int port;
            try (ServerSocket s = new ServerSocket(0)) { port = s.getLocalPort(); }
            URI closed = URI.create("http://127.0.0.1:" + port);
            var creds = StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "y"));
            Runnable[] calls = {
              () -> software.amazon.awssdk.services.dynamodb.DynamoDbClient.builder().endpointOverride(closed).region(Region.US_EAST_1)
                  .credentialsProvider(creds).httpClient(UrlConnectionHttpClient.create()).build().listTables(),
              () -> software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient.builder().endpointOverride(closed)
                  .region(Region.US_EAST_1).credentialsProvider(creds).httpClient(UrlConnectionHttpClient.create()).build()
                  .describeScalableTargets(b -> b.serviceNamespace("dynamodb")),
              () -> software.amazon.awssdk.services.secretsmanager.SecretsManagerClient.builder().endpointOverride(closed).region(Region.US_EAST_1)
                  .credentialsProvider(creds).httpClient(UrlConnectionHttpClient.create()).build().getSecretValue(b -> b.secretId("s")),
              () -> software.amazon.awssdk.services.rdsdata.RdsDataClient.builder().endpointOverride(closed).region(Region.US_EAST_1)
                  .credentialsProvider(creds).httpClient(UrlConnectionHttpClient.create()).build()
                  .executeStatement(b -> b.resourceArn("arn:aws:rds:us-east-1:123456789012:cluster:c").secretArn("arn:aws:secretsmanager:us-east-1:123456789012:secret:s").sql("SELECT 1")),
              () -> software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient.builder().endpointOverride(closed).region(Region.US_EAST_1)
                  .credentialsProvider(creds).httpClient(UrlConnectionHttpClient.create()).build().listStreams(),
              // no endpoint override: the region's endpoint comes from the generated rules and partitions
              () -> System.out.println("resolved " + software.amazon.awssdk.services.secretsmanager.endpoints.SecretsManagerEndpointProvider.defaultProvider()
                  .resolveEndpoint(b -> b.region(Region.EU_WEST_1)).join().url())
            };
            for (Runnable call : calls) {
              try {
                call.run();
              } catch (software.amazon.awssdk.core.exception.SdkClientException e) {
                System.out.println("network " + e.getMessage().contains("Unable to execute HTTP request"));
              }
            }
          }
        }
        """);
    assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, "-cp", JAR.toString(), "-d", tmp.toString(), src.toString())).isZero();
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessResult r = ExternalProcess.run(new ProcessBuilder(javaBin, "-cp", JAR + java.io.File.pathSeparator + tmp, "Clients"), Duration.ofSeconds(120));
    assertThat(r.exitCode()).as(r.describe()).isZero();
    assertThat(r.stdout().lines().toList()).as(r.describe()).containsExactly("network true", "network true", "network true", "network true",
        "network true", "resolved https://secretsmanager.eu-west-1.amazonaws.com");
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
