package dev.ddbmodel.validation;

import dev.ddbmodel.core.Diagnostic;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The written page.
 *
 * @param file the HTML file
 * @param html its content
 * @param sources the workspace files it was made from
 * @param tables tables shown
 * @param items sample items shown
 * @param patterns access patterns listed
 * @param diagnostics the findings of the model and schema the page shows (the warnings it returns with the result)
 */
public record ViewResult(Path file, String html, List<String> sources, int tables, int items, int patterns, List<Diagnostic> diagnostics) {
  public ViewResult {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(html, "html");
    sources = List.copyOf(sources);
    diagnostics = List.copyOf(diagnostics);
  }

  /** Without findings. */
  public ViewResult(Path file, String html, List<String> sources, int tables, int items, int patterns) {
    this(file, html, sources, tables, items, patterns, List.of());
  }
}
