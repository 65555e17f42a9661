package dev.ddbmodel.analyzer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Rows of one query (cells as text, null for SQL NULL), with truncation and failure information.
 *
 * @param omitted the tables (or views) left out whole when the section was cut at the row limit
 */
public record ResultTable(String name, List<String> columns, List<List<String>> rows, boolean truncated, String error, List<String> omitted) {
  public ResultTable(String name, List<String> columns, List<List<String>> rows, boolean truncated, String error) {
    this(name, columns, rows, truncated, error, List.of());
  }

  public ResultTable {
    omitted = List.copyOf(omitted);
    Objects.requireNonNull(name);
    columns = List.copyOf(columns);
    List<List<String>> copy = new ArrayList<>();
    rows.forEach(r -> copy.add(java.util.Collections.unmodifiableList(new ArrayList<>(r))));
    rows = java.util.Collections.unmodifiableList(copy);
    error = Objects.requireNonNullElse(error, "");
  }

  public static ResultTable failed(String name, String error) {
    return new ResultTable(name, List.of(), List.of(), false, error);
  }

  public boolean failed() {
    return !error.isEmpty();
  }

  /** Index of a column (case-insensitive), or -1. */
  public int column(String c) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).equalsIgnoreCase(c)) {
        return i;
      }
    }
    return -1;
  }
}
