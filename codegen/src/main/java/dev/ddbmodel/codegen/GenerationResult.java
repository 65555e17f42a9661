package dev.ddbmodel.codegen;

import java.nio.file.Path;
import java.util.List;

/**
 * Generated code.
 *
 * @param outputDir where the files are
 * @param files relative paths, sorted
 * @param patterns number of access patterns implemented
 */
public record GenerationResult(Path outputDir, List<String> files, int patterns) {
  public GenerationResult {
    files = List.copyOf(files);
  }
}
