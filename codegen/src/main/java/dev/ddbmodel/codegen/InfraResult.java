package dev.ddbmodel.codegen;

import dev.ddbmodel.core.Diagnostic;
import java.nio.file.Path;
import java.util.List;

/**
 * Generated infrastructure.
 *
 * @param outputDir where the files were written
 * @param files relative paths written, sorted
 * @param tables table names covered
 * @param diagnostics the warnings of the model it was generated from
 */
public record InfraResult(Path outputDir, List<String> files, List<String> tables, List<Diagnostic> diagnostics) {
  public InfraResult {
    files = List.copyOf(files);
    tables = List.copyOf(tables);
    diagnostics = List.copyOf(diagnostics);
  }

  /** Without warnings. */
  public InfraResult(Path outputDir, List<String> files, List<String> tables) {
    this(outputDir, files, tables, List.of());
  }
}
