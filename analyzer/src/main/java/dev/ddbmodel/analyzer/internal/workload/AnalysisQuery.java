package dev.ddbmodel.analyzer.internal.workload;

import java.util.List;

/**
 * One catalog or statistics query. {@code sql} uses {@code ?} for bind parameters; in a
 * self-service file they are replaced by escaped literals.
 *
 * @param name file-safe id, e.g. {@code table_analysis}
 * @param category schema or performance
 * @param title human title
 * @param sql the statement
 * @param parameters values for the {@code ?} placeholders, in order
 */
public record AnalysisQuery(String name, Category category, String title, String sql, List<Object> parameters) {
  /** Which part of the manifest a query belongs to. */
  public enum Category {
    SCHEMA,
    PERFORMANCE
  }

  public AnalysisQuery {
    parameters = List.copyOf(parameters);
  }
}
