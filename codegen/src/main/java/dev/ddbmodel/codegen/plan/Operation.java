package dev.ddbmodel.codegen.plan;

import dev.ddbmodel.schema.model.Schema;
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
   */
  record Put(Schema.AccessPattern pattern, List<ParamUse> params, ResultKind result, List<EntityParam> entities) implements Operation {}

  /** DeleteItem by primary key. */
  record Delete(Schema.AccessPattern pattern, List<ParamUse> params, ResultKind result, List<String> keyFields) implements Operation {}

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
   */
  record Update(Schema.AccessPattern pattern, List<ParamUse> params, ResultKind result, List<String> keyFields, List<String> assignments,
      List<KeyBuilder> indexKeys, Optional<String> fromEntity) implements Operation {}

  /**
   * Query of the table or an index.
   *
   * @param keys the key condition (bounded to the entity's own key prefix where it has one)
   * @param typeFilter add {@code entity_type = <type>} to the filter: the partition may hold other
   *     entity types and the attribute is readable on this index
   * @param consistent strongly consistent read (base table only)
   */
  record Query(Schema.AccessPattern pattern, List<ParamUse> params, ResultKind result, QueryPlan keys, boolean typeFilter, boolean consistent)
      implements Operation {}

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

  /** BatchWriteItem of many entities (25 per call, unprocessed items retried). */
  record BatchWrite(Schema.AccessPattern pattern, List<ParamUse> params, ResultKind result) implements Operation {}

  /** An entity parameter of a PutItem and the entity it is. */
  record EntityParam(String param, String entity) {}
}
