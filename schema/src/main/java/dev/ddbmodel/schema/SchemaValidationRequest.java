package dev.ddbmodel.schema;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What to validate.
 *
 * @param schema the schema.json
 * @param usageData optional usage_data.json; it must lie inside {@code baseDir}
 * @param baseDir the folder both files must be inside (default: the schema's folder)
 */
public record SchemaValidationRequest(Path schema, Optional<Path> usageData, Optional<Path> baseDir) {
  public SchemaValidationRequest {
    Objects.requireNonNull(schema);
    usageData = Objects.requireNonNullElse(usageData, Optional.empty());
    baseDir = Objects.requireNonNullElse(baseDir, Optional.empty());
  }
}
