package dev.ddbmodel.codegen;

import dev.ddbmodel.codegen.internal.render.DalFiles;
import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.SourceLocation;
import dev.ddbmodel.core.Validated;
import dev.ddbmodel.core.io.Outputs;
import dev.ddbmodel.schema.SchemaValidation;
import dev.ddbmodel.schema.SchemaValidationReport;
import dev.ddbmodel.schema.SchemaValidationRequest;
import dev.ddbmodel.schema.Schema;
import java.util.Map;
import java.util.Optional;

/**
 * Generates a data access layer from schema.json. The schema (and usage data) are validated first
 * and an invalid schema generates nothing; output is deterministic and written under the rules of {@link Outputs}
 * (manifest, user files never touched).
 */
public final class DalGenerator {
  private DalGenerator() {}

  public static Validated<GenerationResult> generate(DalRequest req) {
    SchemaValidationReport report = SchemaValidation.validate(new SchemaValidationRequest(req.schema(), req.usageData(), Optional.empty()));
    if (!report.valid()) {
      return Validated.invalid(report.diagnostics().stream().anyMatch(Diagnostic::isError) ? report.diagnostics()
          : java.util.List.of(Diagnostic.error("Codegen.InvalidSchema", "the schema is not valid", SourceLocation.NONE, "run ddbm schema validate")));
    }
    Schema schema = report.schema().orElseThrow();
    dev.ddbmodel.codegen.internal.plan.GenerationPlan plan = dev.ddbmodel.codegen.internal.plan.Planner.plan(schema, req.schema().getFileName().toString());
    java.util.List<Diagnostic> clashes = dev.ddbmodel.codegen.internal.plan.Naming.collisions(schema, req.schema().getFileName().toString(), naming(req.language()));
    if (plan.hasErrors() || !clashes.isEmpty()) {
      java.util.List<Diagnostic> all = new java.util.ArrayList<>(report.diagnostics());
      all.addAll(plan.diagnostics());
      all.addAll(clashes);
      return Validated.invalid(all);
    }
    Optional<com.fasterxml.jackson.databind.JsonNode> usage = req.usageData().map(p -> dev.ddbmodel.core.json.JsonDocument.read(p, p.getFileName().toString()).unwrap().root());
    Map<String, String> files = DalFiles.files(schema, req.schema().getFileName().toString(), req.language(), usage, req.examples());
    Validated<Outputs.FolderResult> written = Outputs.standard().writeTextFolder(req.resolvedOutput(), files, req.overwrite(),
        Outputs.Existing.REGENERATE, "the data access layer");
    if (!written.isValid()) {
      return Validated.invalid(written.errors());
    }
    int patterns = schema.entities().values().stream().mapToInt(e -> e.accessPatterns().size()).sum() + schema.crossTablePatterns().size();
    return Validated.valid(new GenerationResult(written.unwrap().folder(), java.util.List.copyOf(files.keySet()), patterns, report.diagnostics()),
        report.diagnostics());
  }

  /**
   * The data access layer of an in-memory schema (for example from {@link dev.ddbmodel.schema.SchemaLoader#parse}),
   * without usage data and without writing anything: file name to content, or the plan's and the naming errors.
   *
   * @param source the name the schema is reported under, such as {@code schema.json}
   */
  public static Validated<Map<String, String>> generate(Schema schema, String source, DalRequest.Language language, boolean examples) {
    dev.ddbmodel.codegen.internal.plan.GenerationPlan plan = dev.ddbmodel.codegen.internal.plan.Planner.plan(schema, source);
    java.util.List<Diagnostic> clashes = dev.ddbmodel.codegen.internal.plan.Naming.collisions(schema, source, naming(language));
    if (plan.hasErrors() || !clashes.isEmpty()) {
      java.util.List<Diagnostic> all = new java.util.ArrayList<>(plan.diagnostics());
      all.addAll(clashes);
      return Validated.invalid(all);
    }
    return Validated.valid(DalFiles.files(schema, source, language, Optional.empty(), examples), plan.diagnostics());
  }

  /** The naming policy of a target language. */
  private static dev.ddbmodel.codegen.internal.plan.Naming.Policy naming(DalRequest.Language language) {
    return switch (language) {
      case PYTHON -> dev.ddbmodel.codegen.internal.python.PythonDalGenerator.naming();
      case JAVA -> dev.ddbmodel.codegen.internal.java.JavaDalGenerator.naming();
      case TYPESCRIPT -> dev.ddbmodel.codegen.internal.typescript.TypeScriptDalGenerator.naming();
    };
  }
}
