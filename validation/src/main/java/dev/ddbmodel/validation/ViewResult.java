package dev.ddbmodel.validation;

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
 */
public record ViewResult(Path file, String html, List<String> sources, int tables, int items, int patterns) {
  public ViewResult {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(html, "html");
    sources = List.copyOf(sources);
  }
}
