package dev.ddbmodel.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbmodel.codegen.DalGenerator;
import dev.ddbmodel.codegen.DalRequest;
import dev.ddbmodel.core.CostCalculator;
import dev.ddbmodel.core.CostReport;
import dev.ddbmodel.core.CostRequest;
import dev.ddbmodel.core.DataModel;
import dev.ddbmodel.core.DataModelLoader;
import dev.ddbmodel.core.Validated;
import dev.ddbmodel.core.json.JsonDocument;
import dev.ddbmodel.schema.SchemaValidation;
import dev.ddbmodel.schema.SchemaValidationReport;
import dev.ddbmodel.schema.SchemaValidationRequest;
import dev.ddbmodel.validation.ImportRequest;
import dev.ddbmodel.validation.ImportResult;
import dev.ddbmodel.validation.WorkbenchConversion;
import dev.ddbmodel.validation.WorkbenchImport;
import dev.ddbmodel.schema.Schema;
import dev.ddbmodel.schema.SchemaLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every text entry point gives exactly what its path-based twin gives for a file with the same text. */
class InMemoryEntryPointsTest {
  static final Path ECOMMERCE = ApiBoundaryTest.projectRoot().resolve("examples/models/ecommerce");

  static String text(Path p) throws Exception {
    return Files.readString(p, StandardCharsets.UTF_8);
  }

  @Test
  void aDataModelTextLoadsToTheSameModelAsItsFile() throws Exception {
    Path file = ECOMMERCE.resolve(DataModelLoader.FILE_NAME);
    Validated<DataModel> fromFile = DataModelLoader.load(file, DataModelLoader.FILE_NAME);
    Validated<DataModel> fromText = DataModelLoader.parse(DataModelLoader.FILE_NAME, text(file));
    assertThat(fromFile.isValid()).as("%s", fromFile.errors()).isTrue();
    assertThat(fromText.unwrap()).isEqualTo(fromFile.unwrap());
    assertThat(fromText.diagnostics()).isEqualTo(fromFile.diagnostics());
  }

  @Test
  void aCostInputTextGivesTheSameRequestAndReportAsTheFileRoute() throws Exception {
    Path file = ECOMMERCE.resolve("cost_input.json");
    // the file route of `ddbm cost`: read the document, then fromJson on its tree
    Validated<CostRequest> fromFile = JsonDocument.read(file, "cost_input.json").flatMap(d -> CostRequest.fromJson(d.root(), d.file()));
    Validated<CostRequest> fromText = CostRequest.parse("cost_input.json", text(file));
    assertThat(fromFile.isValid()).as("%s", fromFile.errors()).isTrue();
    assertThat(fromText.unwrap()).isEqualTo(fromFile.unwrap());
    CostReport a = CostCalculator.compute(fromText.unwrap()).unwrap();
    CostReport b = CostCalculator.compute(fromFile.unwrap()).unwrap();
    assertThat(a.toJson()).isEqualTo(b.toJson());
    assertThat(a).isEqualTo(b);
    assertThat(a.total()).isPositive();
  }

  @Test
  void aBadCostInputTextIsReportedLikeTheBadFile(@TempDir Path tmp) throws Exception {
    String bad = "{\"access_pattern_list\": [{\"pattern\": \"1\", \"operation\": \"Nope\", \"table\": \"T\", \"rps\": -1}],"
        + " \"table_list\": [], \"extra\": 1}";
    Path file = tmp.resolve("cost.json");
    Files.writeString(file, bad, StandardCharsets.UTF_8);
    Validated<CostRequest> fromFile = JsonDocument.read(file, "cost.json").flatMap(d -> CostRequest.fromJson(d.root(), d.file()));
    Validated<CostRequest> fromText = CostRequest.parse("cost.json", bad);
    assertThat(fromText.isValid()).isFalse();
    assertThat(fromText.diagnostics()).isNotEmpty().isEqualTo(fromFile.diagnostics());
    Validated<CostRequest> broken = CostRequest.parse("cost.json", "{\"access_pattern_list\": [");
    assertThat(broken.isValid()).as("malformed JSON is a result, not an exception").isFalse();
    assertThat(broken.errors()).isEqualTo(JsonDocument.parse("cost.json", "{\"access_pattern_list\": [").errors());
  }

  @Test
  void aSchemaAndUsageDataTextValidateLikeTheirFiles() throws Exception {
    Path schema = ECOMMERCE.resolve("schema.json");
    Path usage = ECOMMERCE.resolve("usage_data.json");
    SchemaValidationReport fromFiles = SchemaValidation.validate(new SchemaValidationRequest(schema, Optional.of(usage), Optional.empty()));
    SchemaValidationReport fromText = SchemaValidation.validate("schema.json", text(schema), "usage_data.json", Optional.of(text(usage)));
    assertThat(fromFiles.valid()).as("%s", fromFiles.diagnostics()).isTrue();
    assertThat(fromFiles.usageIssues()).isPresent();
    assertThat(fromText).isEqualTo(fromFiles);

    // a usage data text that breaks a rule is reported at the same place as the same file would be
    String badUsage = text(usage).replaceFirst("\\{", "{\"not_a_usage_key\": 1,");
    Path badFile = Files.writeString(Files.createTempDirectory("usage").resolve("usage_data.json"), badUsage, StandardCharsets.UTF_8);
    Path schemaCopy = Files.copy(schema, badFile.resolveSibling("schema.json"));
    SchemaValidationReport badFromFiles = SchemaValidation.validate(new SchemaValidationRequest(schemaCopy, Optional.of(badFile), Optional.empty()));
    SchemaValidationReport badFromText = SchemaValidation.validate("schema.json", text(schema), "usage_data.json", Optional.of(badUsage));
    assertThat(badFromText.usageIssues().orElseThrow()).isNotEmpty();
    assertThat(badFromText).isEqualTo(badFromFiles);
  }

  @Test
  void aWorkbenchTextConvertsLikeTheImportedFile(@TempDir Path tmp) throws Exception {
    Path file = ApiBoundaryTest.projectRoot().resolve("validation/src/test/resources/workbench/library.json");
    Validated<ImportResult> imported = WorkbenchImport.run(new ImportRequest(file, tmp.resolve("out"), false));
    assertThat(imported.isValid()).as("%s", imported.errors()).isTrue();
    Validated<WorkbenchConversion> fromText = WorkbenchImport.convert("library.json", text(file));
    assertThat(fromText.unwrap()).isEqualTo(imported.unwrap().conversion());
    assertThat(fromText.diagnostics()).isEqualTo(imported.diagnostics());
    assertThat(WorkbenchImport.convert("library.json", "[1,").isValid()).isFalse();
  }

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
