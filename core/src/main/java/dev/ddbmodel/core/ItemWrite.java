package dev.ddbmodel.core;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One entry of a table's list in {@code items}: a BatchWriteItem {@code PutRequest} (item) or
 * {@code DeleteRequest} (key), with the attribute map in DynamoDB JSON.
 */
public record ItemWrite(Kind kind, String table, ObjectNode attributes, String pointer) {
  /** Which request the entry is. */
  public enum Kind {
    PUT,
    DELETE
  }

  public ItemWrite {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(table, "table");
    attributes = attributes.deepCopy();
    pointer = Objects.requireNonNullElse(pointer, "");
  }

  /** The DynamoDB-JSON attribute map (a copy). */
  @Override
  public ObjectNode attributes() {
    return attributes.deepCopy();
  }
}
