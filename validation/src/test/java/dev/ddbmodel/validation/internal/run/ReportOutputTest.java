package dev.ddbmodel.validation.internal.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.validation.ModelValidation;
import dev.ddbmodel.validation.ModelValidationReport;
import dev.ddbmodel.validation.ModelValidationRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16: validation replaces its own earlier reports and never a user's file of the same name. */
class ReportOutputTest {
  @TempDir Path ws;

  @Test
  void reportsReplaceEarlierReportsButNotAUserFile() throws Exception {
    Files.copy(Path.of("../examples/models/iot-telemetry/dynamodb_data_model.json"), ws.resolve("dynamodb_data_model.json"));
    assertThat(ModelValidation.run(ModelValidationRequest.embedded(ws)).isValid()).isTrue();
    assertThat(ModelValidation.run(ModelValidationRequest.embedded(ws)).isValid()).as("its own reports are replaced").isTrue();
    Path md = ws.resolve(ModelValidationReport.MARKDOWN_FILE);
    Path json = ws.resolve(ModelValidationReport.JSON_FILE);
    assertThat(ModelValidationReport.isReport(Files.readString(md))).isTrue();
    assertThat(ModelValidationReport.isReport(Files.readString(json))).isTrue();

    // the user edits the generated report: it is theirs now and survives byte for byte
    String edited = Files.readString(md) + "\nMy conclusions.\n";
    Files.writeString(md, edited);
    String jsonBefore = Files.readString(json);
    var conflict = ModelValidation.run(ModelValidationRequest.embedded(ws));
    assertThat(conflict.errors()).extracting(Diagnostic::id).containsExactly("Output.Conflict");
    assertThat(conflict.errors().get(0).message()).contains(ModelValidationReport.MARKDOWN_FILE).contains("changed");
    assertThat(Files.readString(md)).isEqualTo(edited);
    assertThat(Files.readString(json)).isEqualTo(jsonBefore);

    // a file of the user's under the report's name, never written by ddbm, is refused too
    Files.delete(ws.resolve(dev.ddbmodel.core.io.Outputs.FILES_RECORD));
    Files.writeString(md, "# my own notes about validation\n");
    var r = ModelValidation.run(ModelValidationRequest.embedded(ws));
    assertThat(r.errors()).extracting(Diagnostic::id).containsExactly("Output.Exists");
    assertThat(r.errors().get(0).kind()).isEqualTo(Diagnostic.Kind.USAGE);
    assertThat(r.errors().get(0).message()).contains(ModelValidationReport.MARKDOWN_FILE);
    assertThat(Files.readString(md)).isEqualTo("# my own notes about validation\n");
    assertThat(Files.readString(json)).as("nothing written when one file is refused").isEqualTo(jsonBefore);
  }
}
