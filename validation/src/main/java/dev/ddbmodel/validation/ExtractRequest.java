package dev.ddbmodel.validation;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What to read back from deployed tables.
 *
 * @param tables table names; empty means every table at the endpoint
 * @param sampleItems items to copy per table (0 for none)
 * @param outputDir folder that receives {@code dynamodb_data_model.json}
 * @param overwrite whether an existing model file there may be replaced
 */
public record ExtractRequest(List<String> tables, int sampleItems, Path outputDir, boolean overwrite) {
  /** Items copied per table when not said otherwise. */
  public static final int DEFAULT_SAMPLE = 10;

  public ExtractRequest {
    tables = List.copyOf(tables);
    Objects.requireNonNull(outputDir, "outputDir");
    if (sampleItems < 0) {
      throw new IllegalArgumentException("sampleItems must be >= 0");
    }
  }
}
