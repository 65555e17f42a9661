package dev.ddbmodel.codegen.internal.python;

import dev.ddbmodel.schema.Schema;

/** Shared helpers of the Python generator that the Java generator reuses. */
public final class PythonExtrasAccess {
  private PythonExtrasAccess() {}

  /** DynamoDB type (S or N) of a key attribute, from the templates that fill it. */
  public static String attrType(Schema.TableDef t, String attr) {
    return PythonExtras.attrType(t, attr);
  }
}
