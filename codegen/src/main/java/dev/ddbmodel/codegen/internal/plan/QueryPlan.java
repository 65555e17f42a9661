package dev.ddbmodel.codegen.internal.plan;

import dev.ddbmodel.schema.KeyTemplate;
import dev.ddbmodel.schema.Schema;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How a Query access pattern becomes a key condition, independent of the target language:
 * equality on every partition key attribute (from its template), equality on leading sort key
 * attributes whose fields are all parameters, then the range condition (or, without one, the
 * entity's literal sort key prefix so only this entity type is returned).
 *
 * @param index the GSI queried, if any
 * @param partition partition key attributes with their templates
 * @param sortEquals sort key attributes fixed by equality
 * @param range the condition on the next sort key attribute, if any
 * @param keyParams parameters that are fields used by key templates (in signature order)
 * @param extraParams key fields the method needs although the pattern did not declare them
 */
public record QueryPlan(Optional<Schema.GsiDef> index, List<KeyCond> partition, List<KeyCond> sortEquals, Optional<Range> range,
    List<String> keyParams, List<String> extraParams) {

  /** An attribute compared with a template's value. */
  public record KeyCond(String attribute, KeyTemplate template) {}

  /**
   * A sort key condition.
   *
   * @param attribute sort key attribute
   * @param operator {@code begins_with}, {@code between}, {@code =}, {@code <}, {@code <=}, {@code >}, {@code >=}
   * @param values the operand values (two for between)
   * @param exclude a value whose exact match is dropped from the results (a strict {@code <} or
   *     {@code >} turned into a between bounded by the entity's key prefix)
   * @param numeric whether the attribute holds numbers
   */
  public record Range(String attribute, String operator, List<Value> values, Optional<Value> exclude, boolean numeric) {
    public Range {
      values = List.copyOf(values);
    }
  }

  /**
   * An operand: literal prefix, then a parameter's value (if any), then a literal suffix.
   *
   * @param prefix literal text before the value (empty for numbers)
   * @param param the parameter giving the value, if any
   * @param suffix literal text after the value
   */
  public record Value(String prefix, Optional<String> param, String suffix) {
    static Value literal(String text) {
      return new Value(text, Optional.empty(), "");
    }

    static Value of(String prefix, String param) {
      return new Value(prefix, Optional.of(param), "");
    }
  }

  /** Above every string that starts with a prefix: the prefix and U+10FFFF, the largest code point. */
  public static final String MAX_SUFFIX = new String(Character.toChars(Character.MAX_CODE_POINT));

  /** The field names the templates use, in order of first appearance, each once. */
  public static List<String> fieldsOf(List<KeyTemplate> templates) {
    Set<String> s = new LinkedHashSet<>();
    templates.forEach(t -> s.addAll(t.fieldNames()));
    return List.copyOf(s);
  }

  public static QueryPlan of(Schema.TableDef table, Schema.Entity e, Schema.AccessPattern ap) {
    return of(table, e, ap, ap.returnType().equals("mixed_data"));
  }

  /**
   * The key condition. A range operator {@code <}, {@code <=}, {@code >}, {@code >=} on a prefixed
   * string key is bounded to the entity's own prefix (a between), so a partition shared with other
   * entity types never yields their items. An item collection ({@code collection}) keeps only the
   * conditions the parameters give: every item type of the partition is wanted.
   */
  public static QueryPlan of(Schema.TableDef table, Schema.Entity e, Schema.AccessPattern ap, boolean collection) {
    Optional<Schema.GsiDef> g = ap.indexName().flatMap(table::gsi);
    Set<String> filterParams = new LinkedHashSet<>();
    ap.filter().ifPresent(f -> f.conditions().forEach(c -> {
      c.param().ifPresent(filterParams::add);
      c.param2().ifPresent(filterParams::add);
      filterParams.addAll(c.params());
    }));
    List<String> params = ap.parameters().stream().map(Schema.Parameter::name).filter(n -> !filterParams.contains(n)).toList();
    List<String> pkAttrs;
    List<KeyTemplate> pkTemplates;
    List<String> skAttrs;
    List<KeyTemplate> skTemplates;
    if (g.isPresent()) {
      Schema.GsiMapping m = e.mapping(g.get().name()).orElseThrow();
      pkAttrs = g.get().partitionKey();
      pkTemplates = m.pkTemplates();
      skAttrs = g.get().sortKey();
      skTemplates = m.skTemplates();
    } else {
      pkAttrs = List.of(table.partitionKey());
      pkTemplates = List.of(e.pkTemplate());
      skAttrs = table.sortKey().map(List::of).orElse(List.of());
      skTemplates = e.skTemplate().map(List::of).orElse(List.of());
    }
    List<KeyCond> partition = new ArrayList<>();
    Set<String> pkFields = new LinkedHashSet<>();
    for (int i = 0; i < pkAttrs.size(); i++) {
      partition.add(new KeyCond(pkAttrs.get(i), pkTemplates.get(i)));
      pkFields.addAll(pkTemplates.get(i).fieldNames());
    }
    List<String> rangeValues = params.stream().filter(p -> !pkFields.contains(p) && e.field(p).isEmpty()).toList();
    List<String> given = params.stream().filter(p -> e.field(p).isPresent()).toList();
    boolean hasRange = ap.rangeCondition().isPresent();
    int lastGiven = -1;
    for (int i = 0; i < skTemplates.size() && i < skAttrs.size(); i++) {
      List<String> tf = skTemplates.get(i).fieldNames();
      if (!tf.isEmpty() && given.containsAll(tf)) {
        lastGiven = i;
      } else {
        break;
      }
    }
    // with a range condition and no separate range values, the last fully given attribute carries the range
    int equalities = hasRange && rangeValues.isEmpty() ? lastGiven : lastGiven + 1;
    List<KeyCond> sortEquals = new ArrayList<>();
    for (int i = 0; i < equalities; i++) {
      sortEquals.add(new KeyCond(skAttrs.get(i), skTemplates.get(i)));
    }
    Optional<Range> range = Optional.empty();
    int next = Math.max(0, equalities);
    if (next < skAttrs.size() && next < skTemplates.size()) {
      KeyTemplate t = skTemplates.get(next);
      boolean numeric = t.isSingleField() && t.parts().get(0).format() == null
          && e.field(t.fieldNames().get(0)).map(f -> f.type().numeric()).orElse(false);
      // an item collection's range value is the sort key text itself: the owner's prefix would keep only the owner's items
      String prefix = numeric || collection && !rangeValues.isEmpty() ? "" : t.literalPrefix();
      if (hasRange) {
        List<String> rv = rangeValues.isEmpty() ? t.fieldNames().stream().filter(given::contains).toList() : rangeValues;
        String op = ap.rangeCondition().get();
        int needed = op.equals("between") ? 2 : 1;
        if (rv.size() >= needed) {
          range = Optional.of(bounded(skAttrs.get(next), op, prefix, rv.subList(0, needed), numeric));
        }
      } else if (collection) {
        range = Optional.empty();
      } else if (t.isStatic()) {
        range = Optional.of(new Range(skAttrs.get(next), "=", List.of(Value.literal(prefix)), Optional.empty(), false));
      } else if (!prefix.isEmpty()) {
        range = Optional.of(new Range(skAttrs.get(next), "begins_with", List.of(Value.literal(prefix)), Optional.empty(), false));
      }
    }
    List<String> extra = new ArrayList<>();
    Set<String> declared = new LinkedHashSet<>(ap.parameters().stream().map(Schema.Parameter::name).toList());
    for (String f : pkFields) {
      if (!declared.contains(f)) {
        extra.add(f);
      }
    }
    List<String> keyParams = new ArrayList<>(pkFields);
    given.stream().filter(x -> !keyParams.contains(x)).forEach(keyParams::add);
    return new QueryPlan(g, partition, sortEquals, range, keyParams, extra);
  }

  private static Range bounded(String attr, String op, String prefix, List<String> params, boolean numeric) {
    List<Value> vs = params.stream().map(p -> Value.of(prefix, p)).toList();
    if (numeric || prefix.isEmpty()) {
      return new Range(attr, op, vs, Optional.empty(), numeric);
    }
    Value v = vs.get(0);
    Value low = Value.literal(prefix);
    Value high = Value.literal(prefix + MAX_SUFFIX);
    return switch (op) {
      case ">=" -> new Range(attr, "between", List.of(v, high), Optional.empty(), false);
      case ">" -> new Range(attr, "between", List.of(v, high), Optional.of(v), false);
      case "<=" -> new Range(attr, "between", List.of(low, v), Optional.empty(), false);
      case "<" -> new Range(attr, "between", List.of(low, v), Optional.of(v), false);
      default -> new Range(attr, op, vs, Optional.empty(), false);
    };
  }

  /** Whether results are whole entities (base table or an ALL-projection index). */
  public boolean returnsEntities() {
    return index.isEmpty() || index.get().projection().equals("ALL");
  }
}
