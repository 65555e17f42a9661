package dev.ddbmodel.codegen.internal.plan;

/**
 * What the generated method does with one declared parameter. Every declared parameter has exactly
 * one use; one the plan cannot use is reported ({@code Codegen.UnusedParameter}) instead of dropped.
 *
 * @param name the schema's parameter name
 * @param type the schema's parameter type
 * @param use its use
 */
public record ParamUse(String name, String type, Use use) {
  /** The uses of a parameter. */
  public enum Use {
    /** A field of the primary or index key condition. */
    KEY,
    /** A value of the sort key range condition. */
    RANGE,
    /** A value of the filter expression. */
    FILTER,
    /** A field an UpdateItem sets (or removes when absent). */
    SET,
    /** An entity to store, or to update all fields from. */
    ENTITY,
    /** The list of keys or items of a batch operation. */
    BATCH,
    /** A value of the write condition (compared, never written). */
    CONDITION,
    /** The version the item must still have (optimistic locking of a partial update). */
    VERSION
  }
}
