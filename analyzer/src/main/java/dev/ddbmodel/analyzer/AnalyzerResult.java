package dev.ddbmodel.analyzer;

import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.Severity;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What an analyzer run produced.
 *
 * @param kind {@code queries_written} (self-service step 1) or {@code analysis_written}
 * @param path the SQL file or the analysis folder
 * @param files files in the analysis folder
 * @param tables query results (empty for step 1)
 * @param instructions what the user does next
 * @param diagnostics what the run found, each created where it was found: errors for what makes the
 *     analysis incomplete (a failed query {@code Analyzer.QueryFailed}, a results file that cannot be
 *     read {@code Analyzer.ResultsFile}, a missing or foreign section, a profile that did not run),
 *     then warnings for statistics that cannot be trusted as they are ({@code Analyzer.Statistics*},
 *     {@code Analyzer.PreparedStatements}, {@code Analyzer.LeftOut})
 */
public record AnalyzerResult(String kind, Path path, List<String> files, List<ResultTable> tables, String instructions,
    List<Diagnostic> diagnostics) {
  public AnalyzerResult {
    files = List.copyOf(files);
    tables = List.copyOf(tables);
    diagnostics = List.copyOf(diagnostics);
  }

  /**
   * The messages of the errors of {@link #diagnostics()}, in order (the "Problems" of the
   * manifest and of {@link #toText()}).
   *
   * @deprecated read {@link #diagnostics()}
   */
  @Deprecated
  public List<String> problems() {
    return messages(Severity.ERROR);
  }

  /**
   * The messages of the warnings of {@link #diagnostics()}, in order (the "Warnings" of the
   * manifest and of {@link #toText()}).
   *
   * @deprecated read {@link #diagnostics()}
   */
  @Deprecated
  public List<String> warnings() {
    return messages(Severity.WARNING);
  }

  private List<String> messages(Severity severity) {
    return diagnostics.stream().filter(d -> d.severity() == severity).map(Diagnostic::message).toList();
  }

  public Optional<ResultTable> table(String name) {
    return tables.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  /** Whether some queries failed or are missing: the files are written, but incomplete. */
  public boolean partial() {
    return tables.stream().anyMatch(ResultTable::failed);
  }

  /** The text the tool returns. */
  public String toText() {
    StringBuilder sb = new StringBuilder();
    if (kind.equals("queries_written")) {
      sb.append("Analysis queries written to ").append(path).append(".\n\n").append(instructions).append('\n');
      return sb.toString();
    }
    sb.append("Database analysis written to ").append(path).append(" (").append(files.size()).append(" files).\n");
    if (partial()) {
      sb.append("PARTIAL: ").append(tables.stream().filter(ResultTable::failed).count()).append(" of ").append(tables.size())
          .append(" queries failed; their sections are missing (see Problems).\n");
    }
    for (ResultTable t : tables) {
      sb.append("- ").append(t.name()).append(": ").append(t.failed() ? "FAILED: " + t.error() : t.rows().size() + " rows" + (t.truncated() ? " (truncated)" : "")).append('\n');
    }
    List<String> warnings = warnings();
    if (!warnings.isEmpty()) {
      sb.append("\nWarnings:\n");
      warnings.forEach(p -> sb.append("- ").append(p).append('\n'));
    }
    List<String> problems = problems();
    if (!problems.isEmpty()) {
      sb.append("\nProblems:\n");
      problems.forEach(p -> sb.append("- ").append(p).append('\n'));
    }
    if (!instructions.isEmpty()) {
      sb.append('\n').append(instructions).append('\n');
    }
    sb.append("\nNext: read manifest.md and the analysis files, turn the query patterns into access patterns with their rates, and design the"
        + " DynamoDB model with dynamodb_data_modeling.\n");
    return sb.toString();
  }
}
