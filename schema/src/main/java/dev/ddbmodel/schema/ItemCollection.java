package dev.ddbmodel.schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The item collection a {@code mixed_data} Query reads: which entities it returns and how one of
 * its items is told apart from the others. The one place the validator and the generation plan
 * take these decisions from.
 *
 * <p>Members: the entities named in {@code collection_entities}, in that order; without it, every
 * entity of the pattern's table (in schema order) whose partition key templates on the queried key
 * (the table's, or the index's) are those of the pattern's entity, same text. A declared entity may
 * use other field names as long as its templates have the same shape (same literals and
 * placeholders at the same places), since the Query builds the partition value from the pattern's
 * entity alone.
 *
 * <p>Discrimination: by the {@code entity_type} attribute the DAL writes when every member writes
 * it and their entity types differ; then an item without the attribute (written by another tool)
 * falls back to its sort key. Otherwise by sort key alone: a static template is matched exactly, any
 * other by its literal prefix. Two members whose sort keys can be equal cannot be told apart by
 * sort key ({@link #sortKeyOverlap}).
 */
public final class ItemCollection {
  private ItemCollection() {}

  /**
   * One member of a collection, with its templates on the queried key.
   *
   * @param entity the entity
   * @param partition its partition key templates (one per partition key attribute)
   * @param sort its template of the first sort key attribute, if the key has one
   * @param numericSort the sort key value is a number (a single numeric field): no text to match
   */
  public record Member(Schema.Entity entity, List<KeyTemplate> partition, Optional<KeyTemplate> sort, boolean numericSort) {
    public Member {
      partition = List.copyOf(partition);
    }

    /** Whether the DAL writes the {@code entity_type} attribute of this entity's items (it has no field of that name). */
    public boolean writesEntityType() {
      return entity.field("entity_type").isEmpty();
    }

    /** The sort key text every item of this member starts with ({@code exact}: is), empty when any value is possible. */
    public String sortLiteral() {
      return sort.filter(t -> !numericSort).map(t -> t.isStatic() ? t.text() : t.literalPrefix()).orElse("");
    }

    /** Whether the sort key is always exactly {@link #sortLiteral()}. */
    public boolean sortExact() {
      return sort.isPresent() && !numericSort && sort.get().isStatic();
    }
  }

  /** The member view of an entity on the queried key, empty when it does not map the index. */
  public static Optional<Member> member(Schema.TableDef t, Schema.Entity e, Optional<String> index) {
    List<KeyTemplate> pk;
    Optional<KeyTemplate> sk;
    if (index.isPresent()) {
      Optional<Schema.GsiMapping> m = e.mapping(index.get());
      if (m.isEmpty()) {
        return Optional.empty();
      }
      pk = m.get().pkTemplates();
      sk = m.get().skTemplates().stream().findFirst();
    } else {
      pk = List.of(e.pkTemplate());
      sk = t.sortKey().isPresent() ? e.skTemplate() : Optional.empty();
    }
    boolean numeric = sk.map(x -> x.isSingleField() && x.parts().get(0).format() == null
        && e.field(x.fieldNames().get(0)).map(f -> f.type().numeric()).orElse(false)).orElse(false);
    return Optional.of(new Member(e, pk, sk, numeric));
  }

  /** Same shape: the same literals, and placeholders with the same formats at the same places (field names may differ). */
  public static boolean sameShape(List<KeyTemplate> a, List<KeyTemplate> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      List<KeyTemplate.Part> pa = a.get(i).parts();
      List<KeyTemplate.Part> pb = b.get(i).parts();
      if (pa.size() != pb.size()) {
        return false;
      }
      for (int k = 0; k < pa.size(); k++) {
        KeyTemplate.Part x = pa.get(k);
        KeyTemplate.Part y = pb.get(k);
        if (x.isField() != y.isField() || !x.isField() && !x.literal().equals(y.literal())
            || x.isField() && !java.util.Objects.equals(x.format(), y.format())) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean sameText(List<KeyTemplate> a, List<KeyTemplate> b) {
    return a.stream().map(KeyTemplate::text).toList().equals(b.stream().map(KeyTemplate::text).toList());
  }

  /**
   * The members of the collection of {@code owner}'s pattern {@code ap}: declared ones that exist
   * in the table and map the queried index, in declared order (the validator reports the others),
   * or the inferred ones.
   */
  public static List<Member> members(Schema.TableDef t, Schema.Entity owner, Schema.AccessPattern ap) {
    Optional<Member> self = member(t, owner, ap.indexName());
    List<Member> out = new ArrayList<>();
    if (self.isEmpty()) {
      return out;
    }
    if (!ap.collectionEntities().isEmpty()) {
      Set<String> seen = new HashSet<>();
      for (String name : ap.collectionEntities()) {
        Schema.Entity e = t.entities().get(name);
        if (e != null && seen.add(name)) {
          member(t, e, ap.indexName()).filter(m -> sameShape(m.partition(), self.get().partition())).ifPresent(out::add);
        }
      }
      return out;
    }
    for (Schema.Entity e : t.entities().values()) {
      member(t, e, ap.indexName()).filter(m -> sameText(m.partition(), self.get().partition())).ifPresent(out::add);
    }
    return out;
  }

  /** Whether items are told apart by the {@code entity_type} attribute: every member writes it, each with its own value. */
  public static boolean byEntityType(List<Member> members) {
    Set<String> types = new HashSet<>();
    for (Member m : members) {
      if (!m.writesEntityType() || !types.add(m.entity().entityType())) {
        return false;
      }
    }
    return true;
  }

  /** Whether some sort key value can belong to both members (then the sort key cannot tell them apart). */
  public static boolean sortKeyOverlap(Member a, Member b) {
    String x = a.sortLiteral();
    String y = b.sortLiteral();
    if (a.sortExact() && b.sortExact()) {
      return x.equals(y);
    }
    if (a.sortExact()) {
      return x.startsWith(y);
    }
    if (b.sortExact()) {
      return y.startsWith(x);
    }
    return x.startsWith(y) || y.startsWith(x);
  }

  /** The members whose sort key no other member's can equal: the ones a sort key identifies. */
  public static List<Member> sortKeyDistinct(List<Member> members) {
    List<Member> out = new ArrayList<>();
    for (Member m : members) {
      if (members.stream().noneMatch(o -> o != m && sortKeyOverlap(m, o))) {
        out.add(m);
      }
    }
    return out;
  }
}
