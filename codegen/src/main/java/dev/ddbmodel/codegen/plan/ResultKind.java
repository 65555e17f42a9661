package dev.ddbmodel.codegen.plan;

/** What a generated method gives back, decided once for every language. */
public enum ResultKind {
  /** The entity or nothing (GetItem, an UpdateItem on a missing item). */
  OPTIONAL_ITEM,
  /** The stored entity (PutItem returning single_entity, an UpdateItem from an entity). */
  ITEM,
  /** One page of entities and a token for the next page. */
  PAGE,
  /** One page of raw items (a KEYS_ONLY or INCLUDE index: not every field is there). */
  PAGE_OF_ITEMS,
  /** Every item type of one partition (mixed_data): raw items, each with its entity type. */
  ITEM_COLLECTION,
  /** Whether the write changed something. */
  FLAG,
  /** A list of entities (BatchGetItem). */
  LIST,
  /** Nothing. */
  NONE
}
