package dev.ddbmodel.codegen.internal.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbmodel.codegen.DalGenerator;
import dev.ddbmodel.codegen.DalRequest;
import dev.ddbmodel.validation.LocalDynamoDb;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The generated Java DAL compiles with javac and runs every access pattern on DynamoDB Local. */
class JavaDalExecutionTest {
  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"ecommerce", "social", "iot-telemetry", "saas-multitenant", "storefront"})
  void compilesAndRunsEveryPattern(String example) throws Exception {
    Path dir = Path.of("../examples/models", example).toAbsolutePath().normalize();
    Path out = tmp.resolve(example);
    var r = DalGenerator.generate(new DalRequest(dir.resolve("schema.json"), DalRequest.Language.JAVA, Optional.of(out),
        Optional.of(dir.resolve("usage_data.json")), true));
    assertThat(r.isValid()).as(r.diagnostics().toString()).isTrue();
    List<String> sources = new ArrayList<>();
    try (Stream<Path> s = Files.walk(out.resolve("src/main/java"))) {
      s.filter(p -> p.toString().endsWith(".java")).forEach(p -> sources.add(p.toString()));
    }
    Path classes = Files.createDirectories(tmp.resolve(example + "-classes"));
    List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", System.getProperty("java.class.path"), "--release", "17", "-Xlint:all,-path", "-Werror"));
    args.addAll(sources);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    java.io.ByteArrayOutputStream diag = new java.io.ByteArrayOutputStream();
    int rc = javac.run(null, diag, diag, args.toArray(String[]::new));
    assertThat(rc).as(diag.toString(java.nio.charset.StandardCharsets.UTF_8)).isZero();
    try (LocalDynamoDb local = LocalDynamoDb.embedded();
        URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      loader.loadClass("dal.Tables").getMethod("create", DynamoDbClient.class).invoke(null, local.client());
      @SuppressWarnings("unchecked")
      Map<String, Map<String, Object>> results = (Map<String, Map<String, Object>>) loader.loadClass("dal.UsageExamples").getMethod("run", DynamoDbClient.class)
          .invoke(null, local.client());
      assertThat(results).isNotEmpty();
      assertThat(results).allSatisfy((id, v) -> assertThat(v.get("ok")).as("pattern " + id + " " + v).isEqualTo(Boolean.TRUE));
      var mapping = dev.ddbmodel.core.json.Json.parseTrusted(Files.readString(out.resolve("access_pattern_mapping.json"))).get("access_pattern_mapping");
      for (var it = mapping.properties().iterator(); it.hasNext(); ) {
        var m = it.next().getValue();
        String id = m.path("pattern_id").asText();
        assertThat(results).containsKey(id);
        if (List.of("GetItem", "Query", "BatchGetItem", "TransactGet").contains(m.path("operation").asText())) {
          assertThat(results.get(id).get("items")).as("read pattern " + id + " finds the sample: " + results.get(id)).isNotEqualTo(0);
        }
      }
    }
  }
}
