package dev.ddbmodel.codegen.internal.plan;

import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.schema.Schema;
import java.util.List;
import java.util.Optional;

/**
 * The language-neutral generation plan of a schema: what every renderer renders.
 *
 * @param schema the schema
 * @param entities one plan per entity, tables in schema order, entities in insertion order
 * @param diagnostics what the plan cannot implement (an error generates nothing)
 * @param transactions one plan per cross-table pattern, in schema order
 */
public record GenerationPlan(Schema schema, List<EntityPlan> entities, List<Diagnostic> diagnostics, List<TransactionPlan> transactions) {
  public GenerationPlan {
    entities = List.copyOf(entities);
    transactions = List.copyOf(transactions);
    diagnostics = List.copyOf(diagnostics);
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  public Optional<EntityPlan> entity(String name) {
    return entities.stream().filter(p -> p.entity().name().equals(name)).findFirst();
  }

  /** The typed unions of every item-collection Query, in schema order. */
  public List<CollectionPlan> collections() {
    return entities.stream().flatMap(p -> p.operations().stream()).filter(o -> o instanceof Operation.Query).map(o -> ((Operation.Query) o).collection())
        .flatMap(Optional::stream).toList();
  }

  /** The operation of one access pattern. */
  public Optional<Operation> operation(int patternId) {
    return entities.stream().flatMap(p -> p.operations().stream()).filter(o -> o.pattern().id() == patternId).findFirst();
  }
}
