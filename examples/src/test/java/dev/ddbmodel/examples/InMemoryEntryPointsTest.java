package dev.ddbmodel.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbmodel.codegen.DalGenerator;
import dev.ddbmodel.codegen.DalRequest;
import dev.ddbmodel.core.Validated;
import dev.ddbmodel.schema.Schema;
import dev.ddbmodel.schema.SchemaLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generation from a schema held in memory gives exactly what the path-based entry point writes. */
class InMemoryEntryPointsTest {

  @Test
  void aSchemaTextInMemoryGeneratesTheSameFilesAsTheFolderRoute(@TempDir Path tmp) throws Exception {
    Path schemaFile = ApiBoundaryTest.projectRoot().resolve("examples/models/ecommerce/schema.json");
    Validated<Schema> schema = SchemaLoader.parse("schema.json", Files.readString(schemaFile, StandardCharsets.UTF_8));
    assertThat(schema.isValid()).as("%s", schema.errors()).isTrue();

    Validated<Map<String, String>> inMemory = DalGenerator.generate(schema.unwrap(), "schema.json", DalRequest.Language.JAVA, true);
    assertThat(inMemory.isValid()).as("%s", inMemory.errors()).isTrue();
    assertThat(inMemory.unwrap()).isNotEmpty();

    Path out = tmp.resolve("dal");
    var written = DalGenerator.generate(new DalRequest(schemaFile, DalRequest.Language.JAVA, Optional.of(out), Optional.empty(), true));
    assertThat(written.isValid()).as("%s", written.errors()).isTrue();
    for (var f : inMemory.unwrap().entrySet()) {
      assertThat(Files.readString(out.resolve(f.getKey()), StandardCharsets.UTF_8)).as(f.getKey()).isEqualTo(f.getValue());
    }
    assertThat(written.unwrap().files()).containsExactlyInAnyOrderElementsOf(inMemory.unwrap().keySet());
  }
}
