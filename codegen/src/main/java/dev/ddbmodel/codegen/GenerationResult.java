package dev.ddbmodel.codegen;

import dev.ddbmodel.core.Diagnostic;
import java.nio.file.Path;
import java.util.List;

/**
 * Generated code.
 *
 * @param outputDir where the files are
 * @param files relative paths, sorted
 * @param patterns number of access patterns implemented
 * @param diagnostics the warnings of the schema validation it was generated from
 */
public record GenerationResult(Path outputDir, List<String> files, int patterns, List<Diagnostic> diagnostics) {
  public GenerationResult {
    files = List.copyOf(files);
    diagnostics = List.copyOf(diagnostics);
  }

  /** Without warnings. */
  public GenerationResult(Path outputDir, List<String> files, int patterns) {
    this(outputDir, files, patterns, List.of());
  }
}
