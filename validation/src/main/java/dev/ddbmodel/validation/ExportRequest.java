package dev.ddbmodel.validation;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What to export.
 *
 * @param workspace folder holding {@code dynamodb_data_model.json} (and optionally {@code schema.json})
 * @param outFile the Workbench file to write (default {@code workspace/workbench_model.json})
 * @param modelName the Workbench model name (default: the workspace folder's name)
 * @param useSchema whether schema.json entities become facets when the file exists
 * @param overwrite whether an existing file may be replaced
 * @param now the time written as the model's creation and modification date
 */
public record ExportRequest(Path workspace, Optional<Path> outFile, Optional<String> modelName, boolean useSchema, boolean overwrite,
    Instant now) {
  public ExportRequest {
    Objects.requireNonNull(workspace, "workspace");
    outFile = Objects.requireNonNullElse(outFile, Optional.empty());
    modelName = Objects.requireNonNullElse(modelName, Optional.empty());
    Objects.requireNonNull(now, "now");
  }
}
