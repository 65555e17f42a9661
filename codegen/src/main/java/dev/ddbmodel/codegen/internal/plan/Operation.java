package dev.ddbmodel.codegen.internal.plan;

import dev.ddbmodel.schema.Schema;
import java.util.List;
import java.util.Optional;

/**
 * One access pattern as a language-neutral operation: every decision a renderer needs is made here,
 * once. Renderers only spell it out in their language.
 */
public sealed interface Operation {
  /** The schema's pattern. */
  Schema.AccessPattern pattern();

  /** Every declared parameter with its use, in declaration order. */
  List<ParamUse> params();

  /** What the method returns. */
  ResultKind result();

  /** The write condition of a PutItem, UpdateItem or DeleteItem, if any. */
  default Optional<Condition> condition() {
    return Optional.empty();
  }

  /**
   * GetItem by primary key.
   *
   * @param keyFields the fields of the primary key (none for a singleton: constant key templates)
   * @param consistent strongly consistent read
   */
  record Get(Schema.AccessPattern pattern, List<ParamUse> params, ResultKind result, List<String> keyFields, boolean consistent) implements Operation {}

  /**
   * PutItem of each entity parameter, into the repository of its entity type.
   *
   * @param entities entity parameter name to entity name
   * @param condition the write condition (then exactly one entity, of this pattern's entity): refused
   *     is {@link ResultKind#CONDITION_FAILED}
   */
  record Put(Schema.AccessPattern pattern, List<ParamUse> params, ResultKind result, List<EntityParam> entities, Optional<Condition> condition)
      implements Operation {}

  /**
   * DeleteItem by primary key.
   *
   * @param condition the write condition: refused on an item that exists is {@link
   *     ResultKind#CONDITION_FAILED}; a missing item is "nothing deleted" as without a condition
   */
  record Delete(Schema.AccessPattern pattern, List<ParamUse> params, ResultKind result, List<String> keyFields, Optional<Condition> condition)
      implements Operation {}

  /**
   * UpdateItem of an existing item (condition: it exists). Each assignment is a SET when its value
   * is present and a REMOVE when absent (an optional field cleared); index key attributes whose
   * templates use an assigned field are recomputed the same way (sparse: removed when incomplete).
   *
   * @param keyFields the fields of the primary key
   * @param assignments the fields written, each from a parameter or from the entity parameter
   * @param indexKeys index key attributes kept in step with the assignments
   * @param fromEntity the entity parameter every field comes from, if any; then the update is
   *     optimistically locked on {@code version} and a conflict is reported as one
   * @param actions explicit update actions (the schema's {@code update}), after the assignments
   * @param upsert the item may be missing: the update creates it (no existence condition; the key
   *     fields and the entity type are written too), so the result is the stored item
   * @param condition the write condition: refused on an item that exists (and, when locked, has the
   *     expected version) is {@link ResultKind#CONDITION_FAILED}
   * @param expectedVersion a {@code version} parameter of a partial update: the update is locked on it
   *     (optimistic locking without the whole entity) and a different version is a conflict
   */
  record Update(Schema.AccessPattern pattern, List<ParamUse> params, ResultKind result, List<String> keyFields, List<String> assignments,
      List<KeyBuilder> indexKeys, Optional<String> fromEntity, List<Action> actions, boolean upsert, Optional<Condition> condition,
      Optional<String> expectedVersion) implements Operation {
    public Update {
      actions = List.copyOf(actions);
    }

    /** An update without explicit actions, condition or version parameter. */
    public Update(Schema.AccessPattern pattern, List<ParamUse> params, ResultKind result, List<String> keyFields, List<String> assignments,
        List<KeyBuilder> indexKeys, Optional<String> fromEntity) {
      this(pattern, params, result, keyFields, assignments, indexKeys, fromEntity, List.of(), false, Optional.empty(), Optional.empty());
    }

    /** Optimistically locked: on the entity's version or on a version parameter. */
    public boolean locked() {
      return fromEntity.isPresent() || expectedVersion.isPresent();
    }
  }

  /**
   * One explicit update action.
   *
   * @param kind what it does
   * @param field the attribute
   * @param value where the value comes from (none for REMOVE): a parameter, a constant or, for a
   *     SET, another attribute of the item
   */
  record Action(ActionKind kind, String field, Optional<Schema.Operand> value) {
    /** The parameter holding the value, if it comes from one. */
    public Optional<String> param() {
      return value.flatMap(Schema.Operand::paramName);
    }

    /** The value is a constant or a parameter the method has: the written value is known before the call (index keys can be kept in step). */
    public boolean known() {
      return (kind == ActionKind.SET || kind == ActionKind.REMOVE) && value.map(v -> !(v instanceof Schema.Operand.Attribute)).orElse(true);
    }
  }

  /** The update actions. */
  enum ActionKind {
    /** {@code SET field = :value}. */
    SET,
    /** {@code SET field = if_not_exists(field, :value)}: an existing value is kept, a missing one set. */
    SET_IF_MISSING,
    /** {@code SET field = if_not_exists(field, 0) + :value}. */
    INCREMENT,
    /** {@code SET field = if_not_exists(field, 0) - :value}. */
    DECREMENT,
    /** {@code ADD field :value} (an absent attribute counts as 0). */
    ADD,
    /** {@code REMOVE field}. */
    REMOVE
  }

  /**
   * Query of the table or an index.
   *
   * @param keys the key condition (bounded to the entity's own key prefix where it has one)
   * @param typeFilter add {@code entity_type = <type>} to the filter: the partition may hold other
   *     entity types and the attribute is readable on this index
   * @param consistent strongly consistent read (base table only)
   * @param collection the typed union of an item-collection Query ({@link ResultKind#ITEM_COLLECTION})
   */
  record Query(Schema.AccessPattern pattern, List<ParamUse> params, ResultKind result, QueryPlan keys, boolean typeFilter, boolean consistent,
      Optional<CollectionPlan> collection) implements Operation {
    /** A Query of one entity type. */
    public Query(Schema.AccessPattern pattern, List<ParamUse> params, ResultKind result, QueryPlan keys, boolean typeFilter, boolean consistent) {
      this(pattern, params, result, keys, typeFilter, consistent, Optional.empty());
    }
  }

  /**
   * Scan of the table or an index.
   *
   * @param index the index scanned, if any
   * @param typeFilter keep only this entity type's items
   * @param consistent strongly consistent read (base table only)
   */
  record Scan(Schema.AccessPattern pattern, List<ParamUse> params, ResultKind result, Optional<Schema.GsiDef> index, boolean typeFilter,
      boolean consistent) implements Operation {}

  /** BatchGetItem of many primary keys (100 per call, unprocessed keys retried). */
  record BatchGet(Schema.AccessPattern pattern, List<ParamUse> params, ResultKind result, List<String> keyFields, boolean consistent) implements Operation {}

  /**
   * BatchWriteItem of many entities, or deletes of many keys (25 per call, unprocessed items retried).
   *
   * @param delete each element is a key (the key fields) to delete, not an entity to put
   * @param keyFields the fields of the primary key
   */
  record BatchWrite(Schema.AccessPattern pattern, List<ParamUse> params, ResultKind result, boolean delete, List<String> keyFields) implements Operation {}

  /** An entity parameter of a PutItem and the entity it is. */
  record EntityParam(String param, String entity) {}
}
