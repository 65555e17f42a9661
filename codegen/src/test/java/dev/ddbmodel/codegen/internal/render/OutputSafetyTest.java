package dev.ddbmodel.codegen.internal.render;

import dev.ddbmodel.codegen.DalGenerator;
import dev.ddbmodel.codegen.DalRequest;
import dev.ddbmodel.codegen.GenerationResult;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbmodel.codegen.InfraGenerator;
import dev.ddbmodel.codegen.InfraRequest;
import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.Validated;
import dev.ddbmodel.core.io.Outputs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16: the generators never delete or overwrite what the user owns. */
class OutputSafetyTest {
  @TempDir Path tmp;

  private Path copyExample(String name) throws Exception {
    Path ws = Files.createDirectories(tmp.resolve("ws"));
    for (String f : new String[] {"schema.json", "dynamodb_data_model.json", "usage_data.json"}) {
      Files.copy(Path.of("../examples/models", name, f), ws.resolve(f));
    }
    return ws;
  }

  private static Validated<GenerationResult> dal(Path schema, Path out, boolean overwrite) {
    return DalGenerator.generate(new DalRequest(schema, DalRequest.Language.PYTHON, Optional.ofNullable(out), Optional.empty(), true, overwrite));
  }

  @Test
  void dalRegenerationKeepsAUserFileAndAUserEditedGeneratedFileByteForByte() throws Exception {
    Path ws = copyExample("social");
    Path schema = ws.resolve("schema.json");
    GenerationResult first = dal(schema, null, false).unwrap();
    Path out = first.outputDir();
    assertThat(out).isEqualTo(ws.resolve("generated_dal").toRealPath());
    assertThat(out.resolve(Outputs.MANIFEST)).exists();
    String edited = first.files().stream().filter(f -> f.endsWith(".py")).findFirst().orElseThrow();
    byte[] userFile = "my notes\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Files.write(out.resolve("NOTES.md"), userFile);
    Files.writeString(out.resolve(edited), "# my change\n", java.nio.file.StandardOpenOption.APPEND);
    byte[] editedBytes = Files.readAllBytes(out.resolve(edited));

    Validated<GenerationResult> again = dal(schema, null, false);
    assertThat(again.errors()).extracting(Diagnostic::id).containsExactly("Output.Conflict");
    assertThat(again.errors().get(0).message()).contains(edited);
    assertThat(again.errors().get(0).kind()).isEqualTo(Diagnostic.Kind.USAGE);
    assertThat(Files.readAllBytes(out.resolve(edited))).isEqualTo(editedBytes);
    assertThat(Files.readAllBytes(out.resolve("NOTES.md"))).isEqualTo(userFile);

    assertThat(dal(schema, null, true).isValid()).isTrue();
    assertThat(Files.readAllBytes(out.resolve(edited))).isNotEqualTo(editedBytes);
    assertThat(Files.readAllBytes(out.resolve("NOTES.md"))).isEqualTo(userFile);
  }

  @Test
  void dalRefusesTheSchemaFolderARepositoryRootAndAnExistingFile() throws Exception {
    Path ws = copyExample("social");
    Path schema = ws.resolve("schema.json");
    byte[] before = Files.readAllBytes(schema);
    assertThat(dal(schema, ws, true).errors()).extracting(Diagnostic::id).containsExactly("Output.NotOurs");
    Path repo = Files.createDirectories(tmp.resolve("project"));
    Files.createDirectories(repo.resolve(".git"));
    assertThat(dal(schema, repo, true).errors()).extracting(Diagnostic::id).containsExactly("Output.Forbidden");
    assertThat(repo.resolve(".git")).isDirectory();
    assertThat(dal(schema, schema, true).errors()).extracting(Diagnostic::id).containsExactly("Output.NotFolder");
    assertThat(Files.readAllBytes(schema)).isEqualTo(before);
    assertThat(dal(schema, Path.of("").toAbsolutePath(), true).errors()).extracting(Diagnostic::id).containsExactly("Output.Forbidden");
  }

  @Test
  void resourcesRefuseAnExistingFolderAndOverwriteKeepsUserFiles() throws Exception {
    Path ws = copyExample("social");
    Path model = ws.resolve("dynamodb_data_model.json");
    for (InfraRequest.Type type : InfraRequest.Type.values()) {
      InfraRequest plain = InfraRequest.of(model, type);
      InfraRequest overwrite = new InfraRequest(model, type, Optional.empty(), true, true, false, true, null);
      var first = InfraGenerator.generate(plain).unwrap();
      Path out = first.outputDir();
      String edited = first.files().get(0);
      Files.writeString(out.resolve(edited), "edited by me");
      Files.writeString(out.resolve("mine.txt"), "keep");
      var refused = InfraGenerator.generate(plain);
      assertThat(refused.errors()).extracting(Diagnostic::id).containsExactly("Output.Exists");
      assertThat(refused.errors().get(0).hint()).contains("overwrite");
      assertThat(Files.readString(out.resolve(edited))).isEqualTo("edited by me");
      assertThat(InfraGenerator.generate(overwrite).isValid()).isTrue();
      assertThat(Files.readString(out.resolve(edited))).isNotEqualTo("edited by me");
      assertThat(Files.readString(out.resolve("mine.txt"))).isEqualTo("keep");
    }
  }
}
