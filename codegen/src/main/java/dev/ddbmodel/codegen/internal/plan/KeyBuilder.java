package dev.ddbmodel.codegen.internal.plan;

import dev.ddbmodel.schema.KeyTemplate;
import dev.ddbmodel.schema.Schema;
import java.util.List;

/**
 * How one key attribute's value is built from field values.
 *
 * @param attribute the key attribute
 * @param template its template
 * @param numeric the value is the single numeric field itself (a number, not text)
 * @param sparse an index key: when any field is absent (null/None/undefined) the attribute is left
 *     out of the item, never filled with a placeholder; a primary key attribute instead refuses to build
 */
public record KeyBuilder(String attribute, KeyTemplate template, boolean numeric, boolean sparse) {
  static KeyBuilder of(String attribute, KeyTemplate t, Schema.Entity e, boolean sparse) {
    boolean numeric = t.isSingleField() && t.parts().get(0).format() == null
        && e.field(t.fieldNames().get(0)).map(f -> f.type().numeric()).orElse(false);
    return new KeyBuilder(attribute, t, numeric, sparse);
  }

  /** The fields this value needs, in order. */
  public List<String> fields() {
    return template.fieldNames();
  }

  /** True when the value never changes (a singleton's key, a type marker). */
  public boolean constant() {
    return template.isStatic();
  }
}
