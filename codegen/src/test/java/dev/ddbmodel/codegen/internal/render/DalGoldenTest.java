package dev.ddbmodel.codegen.internal.render;

import dev.ddbmodel.codegen.DalGenerator;
import dev.ddbmodel.codegen.DalRequest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbmodel.core.testing.Golden;
import dev.ddbmodel.schema.SchemaLoader;
import dev.ddbmodel.schema.Schema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Generated code equals the golden files under src/test/resources/golden/<case>/<language>;
 * {@code -Dgolden.update=true} rewrites them (review the diff).
 */
class DalGoldenTest {
  @TempDir Path tmp;

  static Map<String, String> generate(String example) throws Exception {
    return generate(example, DalRequest.Language.PYTHON);
  }

  static Map<String, String> generate(String example, DalRequest.Language language) throws Exception {
    Path dir = Path.of("../examples/models", example);
    Schema s = SchemaLoader.load(dir.resolve("schema.json")).unwrap();
    var usage = dev.ddbmodel.core.json.JsonDocument.read(dir.resolve("usage_data.json"), "usage_data.json").unwrap().root();
    return dev.ddbmodel.codegen.internal.render.DalFiles.files(s, "schema.json", language, Optional.of(usage), true);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ecommerce/python", "iot-telemetry/python", "social/java", "social/typescript"})
  void matchesGoldenFiles(String exampleAndLanguage) throws Exception {
    String example = exampleAndLanguage.split("/")[0];
    String lang = exampleAndLanguage.split("/")[1];
    Map<String, String> files = generate(example, DalRequest.Language.valueOf(lang.toUpperCase(java.util.Locale.ROOT)));
    Path golden = Path.of("src/test/resources/golden", example, lang);
    Golden.assertDirectoryMatches(golden, files);
  }

  @Test
  void generationIsDeterministic() throws Exception {
    assertThat(generate("social")).isEqualTo(generate("social"));
    assertThat(generate("saas-multitenant", DalRequest.Language.TYPESCRIPT)).isEqualTo(generate("saas-multitenant", DalRequest.Language.TYPESCRIPT));
  }

  @Test
  void typeScriptFilesEndWithNewline() throws Exception {
    for (String example : new String[] {"ecommerce", "social", "iot-telemetry", "saas-multitenant"}) {
      generate(example, DalRequest.Language.TYPESCRIPT).forEach((name, text) -> assertThat(text).as(example + "/" + name).endsWith("\n").doesNotEndWith("\n\n"));
    }
  }

  @Test
  void invalidSchemaGeneratesNothing() throws Exception {
    Path bad = tmp.resolve("schema.json");
    Files.writeString(bad, "{\"tables\": [{\"table_config\": {\"table_name\": \"Users\", \"partition_key\": \"pk\"}, \"entities\": {\"U\": {\"entity_type\": \"U\", \"pk_template\": \"U#{id}\", \"fields\": [{\"name\": \"idd\", \"type\": \"strng\", \"required\": true}]}}}]}");
    var r = DalGenerator.generate(new DalRequest(bad, DalRequest.Language.PYTHON, Optional.of(tmp.resolve("out")), Optional.empty(), true));
    assertThat(r.isValid()).isFalse();
    assertThat(r.errors()).extracting(d -> d.id()).contains("Schema.FieldType", "Schema.TemplateField");
    assertThat(Files.exists(tmp.resolve("out"))).isFalse();
  }
}
