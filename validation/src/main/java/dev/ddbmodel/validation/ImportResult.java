package dev.ddbmodel.validation;

import dev.ddbmodel.core.Diagnostic;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The written files and what the conversion found.
 *
 * @param modelFile the {@code dynamodb_data_model.json} written
 * @param schemaFile the {@code schema.json} skeleton written
 * @param conversion tables, items, entities, findings (what was not carried) and what to add
 */
public record ImportResult(Path modelFile, Path schemaFile, WorkbenchConversion conversion) {
  public ImportResult {
    Objects.requireNonNull(modelFile, "modelFile");
    Objects.requireNonNull(schemaFile, "schemaFile");
    Objects.requireNonNull(conversion, "conversion");
  }

  /** What the conversion found: the conversion's findings (not carried, assumed, merged). */
  public List<Diagnostic> diagnostics() {
    return conversion.findings();
  }
}
