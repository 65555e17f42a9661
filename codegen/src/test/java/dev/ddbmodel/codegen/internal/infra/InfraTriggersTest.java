package dev.ddbmodel.codegen.internal.infra;

import dev.ddbmodel.codegen.InfraGenerator;
import dev.ddbmodel.codegen.InfraRequest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbmodel.core.Diagnostic;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Infra ids that no other test produced (docs/diagnostics.md). */
class InfraTriggersTest {
  @TempDir Path tmp;

  @Test
  void aModelWithoutTablesGeneratesNothing() throws Exception {
    Path model = Files.writeString(tmp.resolve("dynamodb_data_model.json"), "{\"tables\": [], \"items\": {}, \"access_patterns\": []}");
    var r = InfraGenerator.generate(InfraRequest.of(model, InfraRequest.Type.CLOUDFORMATION));
    assertThat(r.errors()).extracting(Diagnostic::id).containsExactly("Infra.NoTables");
    assertThat(r.errors().get(0).location().pointer()).isEqualTo("/tables");
    try (var files = Files.list(tmp)) {
      assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("dynamodb_data_model.json");
    }
  }
}
