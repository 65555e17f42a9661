package dev.ddbmodel.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code dynamodb_data_model.json} document: tables (CreateTable shape), sample items per table
 * (BatchWriteItem shape) and access patterns, each with an AWS CLI implementation.
 *
 * @param file display name of the source file, used in diagnostics
 * @param tables tables in file order
 * @param items sample items per table name, in file order
 * @param accessPatterns access patterns in file order
 */
public record DataModel(
    String file,
    List<TableSpec> tables,
    Map<String, List<ItemWrite>> items,
    List<AccessPatternSpec> accessPatterns) {

  public DataModel {
    file = Objects.requireNonNullElse(file, "");
    tables = List.copyOf(tables);
    Map<String, List<ItemWrite>> copy = new LinkedHashMap<>();
    items.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    items = java.util.Collections.unmodifiableMap(copy);
    accessPatterns = List.copyOf(accessPatterns);
  }

  public Optional<TableSpec> findTable(String name) {
    return tables.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  /** Sample items of one table (empty when none). */
  public List<ItemWrite> itemsOf(String table) {
    return items.getOrDefault(table, List.of());
  }
}
