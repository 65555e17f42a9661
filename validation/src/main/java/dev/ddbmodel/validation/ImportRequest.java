package dev.ddbmodel.validation;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What to import.
 *
 * @param workbenchFile the NoSQL Workbench model file (its JSON export)
 * @param outputDir folder that receives {@code dynamodb_data_model.json} and {@code schema.json}
 * @param overwrite whether existing files of those names may be replaced
 */
public record ImportRequest(Path workbenchFile, Path outputDir, boolean overwrite) {
  public ImportRequest {
    Objects.requireNonNull(workbenchFile, "workbenchFile");
    Objects.requireNonNull(outputDir, "outputDir");
  }
}
