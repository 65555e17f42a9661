package dev.ddbmodel.codegen.internal.plan;

import dev.ddbmodel.schema.Schema;
import java.util.List;

/**
 * One entity's part of the plan.
 *
 * @param table its table
 * @param entity the entity
 * @param primaryKey the builders of its primary key attributes (never sparse)
 * @param indexKeys the builders of every mapped index key attribute (sparse)
 * @param keyFields the fields the primary key needs, in order (empty for a singleton)
 * @param writesEntityType items carry an {@code entity_type} attribute written by the DAL
 * @param operations its access patterns, in schema order
 */
public record EntityPlan(Schema.TableDef table, Schema.Entity entity, List<KeyBuilder> primaryKey, List<KeyBuilder> indexKeys, List<String> keyFields,
    boolean writesEntityType, List<Operation> operations) {
  public EntityPlan {
    primaryKey = List.copyOf(primaryKey);
    indexKeys = List.copyOf(indexKeys);
    keyFields = List.copyOf(keyFields);
    operations = List.copyOf(operations);
  }
}
