package dev.ddbmodel.codegen.internal.plan;

/**
 * What a generated method gives back, decided once for every language.
 *
 * <p>A write with a condition ({@link Operation#condition()}) returns its kind when the write is
 * done and, when DynamoDB refuses the condition on an item, ends with the one typed outcome {@link
 * #CONDITION_FAILED} in every language (Python {@code ConditionFailedError}, Java {@code
 * Attrs.ConditionFailedException}, TypeScript {@code ConditionFailedError}): never the kind's
 * "nothing" (that stays "not found": an UpdateItem's empty result, a DeleteItem's false) and never
 * a conflict (that stays the optimistic-locking {@code ConcurrentModification} outcome).
 */
public enum ResultKind {
  /** The entity or nothing (GetItem, an UpdateItem on a missing item). */
  OPTIONAL_ITEM,
  /** The stored entity (PutItem returning single_entity, an UpdateItem from an entity). */
  ITEM,
  /** One page of entities and a token for the next page. */
  PAGE,
  /** One page of raw items (a KEYS_ONLY or INCLUDE index: not every field is there). */
  PAGE_OF_ITEMS,
  /**
   * One page of an item collection (mixed_data on the table or an ALL-projection index): each item
   * one of the entities of the collection's typed union ({@link CollectionPlan}); a mixed_data Query
   * of a KEYS_ONLY or INCLUDE index returns {@link #PAGE_OF_ITEMS} instead.
   */
  ITEM_COLLECTION,
  /** Whether the write changed something. */
  FLAG,
  /** A list of entities (BatchGetItem). */
  LIST,
  /** Nothing. */
  NONE,
  /**
   * The refusal of a write condition: the item exists but does not meet the condition, so nothing
   * was written. Never a method's declared kind, the outcome every conditional write may end with.
   */
  CONDITION_FAILED
}
