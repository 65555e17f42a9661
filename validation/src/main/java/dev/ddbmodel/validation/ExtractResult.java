package dev.ddbmodel.validation;

import dev.ddbmodel.core.Diagnostic;
import java.nio.file.Path;
import java.util.List;

/**
 * The written model.
 *
 * @param file the {@code dynamodb_data_model.json} written
 * @param tables tables read, in file order
 * @param items sample items copied over all tables
 * @param diagnostics what the extraction noted (the warnings it returns with the result)
 */
public record ExtractResult(Path file, List<String> tables, int items, List<Diagnostic> diagnostics) {
  public ExtractResult {
    tables = List.copyOf(tables);
    diagnostics = List.copyOf(diagnostics);
  }

  /** Without notes. */
  public ExtractResult(Path file, List<String> tables, int items) {
    this(file, tables, items, List.of());
  }
}
