package dev.ddbmodel.codegen;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What data access layer to generate.
 *
 * @param schema schema.json (validated first)
 * @param language target language
 * @param outputDir folder to write (default: {@code generated_dal} beside the schema), under the rules of
 *     {@link dev.ddbmodel.core.io.Outputs}: a new folder, an empty one or one ddbm generated before
 * @param usageData optional usage_data.json for the examples
 * @param examples whether to write usage examples
 * @param overwrite also replace generated files the user changed (files ddbm did not write are never replaced)
 */
public record DalRequest(Path schema, Language language, Optional<Path> outputDir, Optional<Path> usageData, boolean examples,
    boolean overwrite) {
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

  /** Without {@code overwrite}. */
  public DalRequest(Path schema, Language language, Optional<Path> outputDir, Optional<Path> usageData, boolean examples) {
    this(schema, language, outputDir, usageData, examples, false);
  }

  public Path resolvedOutput() {
    return outputDir.orElse(schema.toAbsolutePath().getParent().resolve("generated_dal"));
  }
}
