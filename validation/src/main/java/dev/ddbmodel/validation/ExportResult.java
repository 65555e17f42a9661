package dev.ddbmodel.validation;

import dev.ddbmodel.core.Diagnostic;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The written Workbench file.
 *
 * @param file the file written
 * @param tables tables exported, in model order
 * @param facets facets made from schema.json entities
 * @param items sample items exported
 * @param diagnostics what Workbench cannot hold ({@code Workbench.NotCarried}) and other notes
 */
public record ExportResult(Path file, List<String> tables, int facets, int items, List<Diagnostic> diagnostics) {
  public ExportResult {
    Objects.requireNonNull(file, "file");
    tables = List.copyOf(tables);
    diagnostics = List.copyOf(diagnostics);
  }

  /**
   * The same list as {@link #diagnostics()}.
   *
   * @deprecated use {@link #diagnostics()}
   */
  @Deprecated
  public List<Diagnostic> findings() {
    return diagnostics;
  }
}
