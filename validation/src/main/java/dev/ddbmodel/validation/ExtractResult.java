package dev.ddbmodel.validation;

import java.nio.file.Path;
import java.util.List;

/**
 * The written model.
 *
 * @param file the {@code dynamodb_data_model.json} written
 * @param tables tables read, in file order
 * @param items sample items copied over all tables
 */
public record ExtractResult(Path file, List<String> tables, int items) {
  public ExtractResult {
    tables = List.copyOf(tables);
  }
}
