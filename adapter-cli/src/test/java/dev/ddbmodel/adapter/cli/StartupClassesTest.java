package dev.ddbmodel.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
}
