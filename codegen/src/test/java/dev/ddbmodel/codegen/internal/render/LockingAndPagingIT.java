package dev.ddbmodel.codegen.internal.render;

import dev.ddbmodel.codegen.DalGenerator;
import dev.ddbmodel.codegen.DalRequest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.core.json.Json;
import dev.ddbmodel.validation.LocalDynamoDb;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What the usage examples do not show, in all three languages on the social example: a second
 * create of the same key and an update from a stale copy are refused (optimistic locking), a
 * current update bumps the version, and a Query read in pages returns every item once through the
 * pagination tokens: in sort-key order by default, newest first with the descending option. The three programs must print the same result.
 */
class LockingAndPagingIT {
  static final Path SOCIAL = Path.of("../examples/models/social").toAbsolutePath().normalize();
  static final Path HARNESS = Path.of("src/test/resources/locking").toAbsolutePath();
  static final String EXPECTED = "{\"created\":1,\"duplicate\":\"refused\",\"name\":\"M\",\"pages\":4,"
      + "\"newest\":[\"p7\",\"p6\",\"p5\",\"p4\",\"p3\",\"p2\",\"p1\"],\"newest_pages\":3,"
      + "\"posts\":[\"p1\",\"p2\",\"p3\",\"p4\",\"p5\",\"p6\",\"p7\"],\"stale\":\"refused\",\"updated\":2}";

  @TempDir Path tmp;

  Path generate(DalRequest.Language language) {
    Path out = tmp.resolve(language.name().toLowerCase(java.util.Locale.ROOT));
    var r = DalGenerator.generate(new DalRequest(SOCIAL.resolve("schema.json"), language, Optional.of(out), Optional.empty(), false));
    assertThat(r.isValid()).as(r.diagnostics().toString()).isTrue();
    return out;
  }

  @Test
  void python() throws Exception {
    Path out = generate(DalRequest.Language.PYTHON);
    Files.copy(HARNESS.resolve("locking.py"), out.resolve("locking.py"));
    try (LocalDynamoDb local = LocalDynamoDb.server()) {
      assertThat(Json.parseTrusted(run(out, "python3", "locking.py", local.endpoint().orElseThrow().toString()))).isEqualTo(Json.parseTrusted(EXPECTED));
    }
  }

  @Test
  void typescript() throws Exception {
    Path out = generate(DalRequest.Language.TYPESCRIPT);
    dev.ddbmodel.codegen.internal.typescript.TsProject.build(out);
    Files.copy(HARNESS.resolve("locking.js"), out.resolve("locking.js"));
    try (LocalDynamoDb local = LocalDynamoDb.server()) {
      assertThat(Json.parseTrusted(run(out, "node", "locking.js", local.endpoint().orElseThrow().toString()))).isEqualTo(Json.parseTrusted(EXPECTED));
    }
  }

  @Test
  void java() throws Exception {
    Path out = generate(DalRequest.Language.JAVA);
    Path classes = Files.createDirectories(tmp.resolve("classes"));
    List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", System.getProperty("java.class.path"), "--release", "17",
        "-Xlint:all,-path", "-Werror", HARNESS.resolve("LockingHarness.java").toString()));
    try (Stream<Path> s = Files.walk(out.resolve("src/main/java"))) {
      s.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
    }
    var diag = new java.io.ByteArrayOutputStream();
    assertThat(ToolProvider.getSystemJavaCompiler().run(null, diag, diag, args.toArray(String[]::new))).as(diag.toString(StandardCharsets.UTF_8)).isZero();
    try (LocalDynamoDb local = LocalDynamoDb.embedded();
        URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      Object result = loader.loadClass("LockingHarness").getMethod("run", DynamoDbClient.class).invoke(null, local.client());
      JsonNode json = Json.parseTrusted(Json.compact(result)); // same number types as the other languages
      assertThat(json).isEqualTo(Json.parseTrusted(EXPECTED));
    }
  }

  static String run(Path dir, String... cmd) throws Exception {
    return dev.ddbmodel.codegen.internal.typescript.TsProject.run(dir, 600, cmd);
  }

}
