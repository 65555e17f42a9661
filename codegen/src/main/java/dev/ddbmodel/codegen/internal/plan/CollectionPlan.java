package dev.ddbmodel.codegen.internal.plan;

import dev.ddbmodel.schema.ItemCollection;
import dev.ddbmodel.schema.Schema;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The typed union an item-collection Query ({@code mixed_data}) returns, decided once for every
 * language: Python a {@code Union} of the models, Java a sealed interface the records implement,
 * TypeScript a union discriminated by {@code entity}.
 *
 * <p>Every renderer classifies a raw item the same way: when {@link #byEntityType()} and the item
 * has a string {@code entity_type}, the variant with that entity type (none: the item is skipped);
 * otherwise, when the item's {@link #sortKeyAttribute()} is a string, the first variant of {@link
 * #sortKeyOrder()} whose {@link SortKeyMatch} holds; otherwise the item is skipped. Skipped items
 * (of an entity outside the union, or written by another tool and not identifiable) are left out
 * of the page like items a filter drops: the page token still continues after them.
 *
 * @param typeName the union's type name (UpperCamel, the same in every language, unique in the schema)
 * @param variants the member entities, in declared (or schema) order
 * @param sortKeyAttribute the key attribute whose value identifies a member without {@code entity_type}
 * @param byEntityType the {@code entity_type} attribute the DAL writes tells the members apart
 */
public record CollectionPlan(String typeName, List<Variant> variants, Optional<String> sortKeyAttribute, boolean byEntityType) {
  public CollectionPlan {
    variants = List.copyOf(variants);
  }

  /**
   * One member of the union.
   *
   * @param entity the schema entity name
   * @param entityType its {@code entity_type} value
   * @param sortKey how its sort key identifies it, when no other member's sort key can be equal
   */
  public record Variant(String entity, String entityType, Optional<SortKeyMatch> sortKey) {}

  /**
   * A sort key test.
   *
   * @param value the text the sort key is ({@code exact}) or starts with
   * @param exact equality instead of a prefix
   */
  public record SortKeyMatch(String value, boolean exact) {}

  /** The variants a sort key identifies, longest text first (exact before prefix): the order a renderer tests them in. */
  public List<Variant> sortKeyOrder() {
    List<Variant> out = new ArrayList<>(variants.stream().filter(v -> v.sortKey().isPresent()).toList());
    out.sort(Comparator.comparing((Variant v) -> -v.sortKey().get().value().length()).thenComparing(v -> v.sortKey().get().exact() ? 0 : 1));
    return out;
  }

  /** The plan of {@code owner}'s collection pattern {@code ap}, named {@code typeName}. */
  static CollectionPlan of(Schema.TableDef t, Schema.Entity owner, Schema.AccessPattern ap, String typeName) {
    List<ItemCollection.Member> members = ItemCollection.members(t, owner, ap);
    List<ItemCollection.Member> distinct = ItemCollection.sortKeyDistinct(members);
    Optional<String> skAttr = ap.indexName().flatMap(t::gsi).map(g -> g.sortKey().stream().findFirst()).orElse(t.sortKey());
    List<Variant> vs = new ArrayList<>();
    for (ItemCollection.Member m : members) {
      Optional<SortKeyMatch> sk = skAttr.isPresent() && distinct.contains(m) && m.sort().isPresent() && !m.numericSort()
          ? Optional.of(new SortKeyMatch(m.sortLiteral(), m.sortExact())) : Optional.empty();
      vs.add(new Variant(m.entity().name(), m.entity().entityType(), sk));
    }
    return new CollectionPlan(typeName, vs, skAttr, ItemCollection.byEntityType(members));
  }
}
