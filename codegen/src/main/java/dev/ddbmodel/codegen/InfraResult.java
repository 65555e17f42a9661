package dev.ddbmodel.codegen;

import java.nio.file.Path;
import java.util.List;

/**
 * Generated infrastructure.
 *
 * @param outputDir where the files were written
 * @param files relative paths written, sorted
 * @param tables table names covered
 */
public record InfraResult(Path outputDir, List<String> files, List<String> tables) {
  public InfraResult {
    files = List.copyOf(files);
    tables = List.copyOf(tables);
  }
}
