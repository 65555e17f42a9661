package dev.ddbmodel.codegen;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What data access layer to generate.
 *
 * @param schema schema.json (validated first)
 * @param language target language
 * @param outputDir folder to write (default: {@code generated_dal} beside the schema); replaced as a whole
 * @param usageData optional usage_data.json for the examples
 * @param examples whether to write usage examples
 */
public record DalRequest(Path schema, Language language, Optional<Path> outputDir, Optional<Path> usageData, boolean examples) {
  /** Supported languages. */
  public enum Language {
    PYTHON,
    JAVA,
    TYPESCRIPT
  }

  public DalRequest {
    Objects.requireNonNull(schema);
    Objects.requireNonNull(language);
    outputDir = Objects.requireNonNullElse(outputDir, Optional.empty());
    usageData = Objects.requireNonNullElse(usageData, Optional.empty());
  }

  public Path resolvedOutput() {
    return outputDir.orElse(schema.toAbsolutePath().getParent().resolve("generated_dal"));
  }
}
