package dev.ddbmodel.validation;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What to show and where to write it.
 *
 * @param workspace folder holding {@code dynamodb_data_model.json}, and optionally
 *     {@code schema.json}, {@code dynamodb_model_validation.json} and {@code dynamodb_data_model.md}
 * @param outFile the HTML file (default {@code workspace/dynamodb_model_view.html})
 * @param overwrite whether a file not written by {@code ddbm model view} may be replaced
 */
public record ViewRequest(Path workspace, Optional<Path> outFile, boolean overwrite) {
  public ViewRequest {
    Objects.requireNonNull(workspace, "workspace");
    outFile = Objects.requireNonNullElse(outFile, Optional.empty());
  }
}
