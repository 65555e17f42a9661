package dev.ddbmodel.analyzer;

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
 * @param problems parse problems and failed queries
 * @param instructions what the user does next
 * @param warnings statistics that cannot be trusted as they are (off, full, reset recently, blind)
 */
public record AnalyzerResult(String kind, Path path, List<String> files, List<ResultTable> tables, List<String> problems, String instructions,
    List<String> warnings) {
  public AnalyzerResult(String kind, Path path, List<String> files, List<ResultTable> tables, List<String> problems, String instructions) {
    this(kind, path, files, tables, problems, instructions, List.of());
  }

  public AnalyzerResult {
    warnings = List.copyOf(warnings);
    files = List.copyOf(files);
    tables = List.copyOf(tables);
    problems = List.copyOf(problems);
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
    if (!warnings.isEmpty()) {
      sb.append("\nWarnings:\n");
      warnings.forEach(p -> sb.append("- ").append(p).append('\n'));
    }
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
