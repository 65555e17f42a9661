package dev.ddbmodel.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Locale;

/**
 * How the actions of a cross-table transaction get their values: which parameter (or field of an
 * entity parameter, or of the element of the list an action repeats over) fills each key field,
 * each {@code :placeholder} and each {@code #placeholder}. One resolution, used by the validator
 * (to refuse what cannot be bound) and by the generation plan (to bind it).
 *
 * <p>Default binding of a name {@code x} (a key field, or {@code :x}), first match wins:
 * <ol>
 *   <li>the field {@code x} of the element of the {@code for_each} list;
 *   <li>the plain (non-entity) parameter {@code x};
 *   <li>the field {@code x} of an entity parameter of the action's entity type;
 *   <li>the field {@code x} of the last entity parameter that has it.
 * </ol>
 * An explicit {@code key} or {@code values} entry always wins. {@code #x} names the attribute
 * {@code x} unless {@code names} says otherwise.
 */
public final class TransactionBindings {
  /** DynamoDB's limit on the actions of one TransactWriteItems or TransactGetItems call. */
  public static final int MAX_ACTIONS = dev.ddbmodel.core.internal.guide.DynamoDbLimits.TRANSACTION_ITEMS;

  private static final Pattern VALUE = Pattern.compile(":([A-Za-z0-9_]+)");
  private static final Pattern NAME = Pattern.compile("#([A-Za-z0-9_]+)");
  private static final Pattern CLAUSE = Pattern.compile("(?i)\\b(SET|REMOVE|ADD|DELETE)\\b");

  private TransactionBindings() {}

  /**
   * The bindings of one action.
   *
   * @param item the entity a {@code Put} stores (an entity parameter or the list element), if any
   * @param key key field to its source; fields that nothing binds are in {@code unboundKey}
   * @param values {@code :placeholder} to its source; unbound ones are in {@code unboundValues}
   * @param names {@code #placeholder} to the attribute name
   */
  public record Resolved(Optional<Schema.ValueRef.Ref> item, Map<String, Schema.ValueRef> key, List<String> unboundKey, Map<String, Schema.ValueRef> values,
      List<String> unboundValues, Map<String, String> names) {
    public Resolved {
      key = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(key));
      unboundKey = List.copyOf(unboundKey);
      values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
      unboundValues = List.copyOf(unboundValues);
      names = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(names));
    }
  }

  /** The fields of an entity's primary key, in template order (empty for a singleton). */
  public static List<String> keyFields(Schema.Entity e) {
    Set<String> out = new LinkedHashSet<>(e.pkTemplate().fieldNames());
    e.skTemplate().ifPresent(t -> out.addAll(t.fieldNames()));
    return List.copyOf(out);
  }

  /** The {@code :placeholders} of a text, each once, in order of appearance. */
  public static List<String> valuePlaceholders(String text) {
    return matches(VALUE, text);
  }

  /** The {@code #placeholders} of a text, each once, in order of appearance. */
  public static List<String> namePlaceholders(String text) {
    return matches(NAME, text);
  }

  private static List<String> matches(Pattern p, String text) {
    Set<String> out = new LinkedHashSet<>();
    Matcher m = p.matcher(text);
    while (m.find()) {
      out.add(m.group());
    }
    return List.copyOf(out);
  }

  /** The condition and update texts of an action as the schema writes them (the text forms), in that order. */
  public static List<String> texts(Schema.Involvement inv) {
    List<String> out = new ArrayList<>();
    inv.condition().ifPresent(out::add);
    inv.update().ifPresent(out::add);
    return out;
  }

  /** Placeholder prefix of a condition written in the object form. */
  public static final String CONDITION_PREFIX = "ddbm_c";
  /** Placeholder prefix of an update written in the object form. */
  public static final String UPDATE_PREFIX = "ddbm_u";
  /** The name placeholder of the existence guard of an object-form update that is no upsert. */
  public static final String MUST_EXIST = "#ddbm_upk";

  /** The object-form condition, rendered. */
  public static Optional<Expressions.Rendered> conditionForm(Schema.Involvement inv) {
    return inv.conditionForm().map(f -> Expressions.condition(f, CONDITION_PREFIX));
  }

  /** The object-form update, rendered. */
  public static Optional<Expressions.Rendered> updateForm(Schema.Involvement inv) {
    return inv.updateForm().map(u -> Expressions.update(u, UPDATE_PREFIX));
  }

  /** True when the action's update is in the object form without {@code upsert}: the item must exist, as in a single-item update. */
  public static boolean mustExist(Schema.Involvement inv) {
    return inv.action().equals("Update") && inv.updateForm().map(u -> !u.upsert()).orElse(false);
  }

  /**
   * The ConditionExpression the action sends: the text form, or the object form rendered, and for
   * an object-form update that is no upsert, {@code attribute_exists} of the partition key.
   */
  public static Optional<String> conditionText(Schema.Involvement inv) {
    Optional<String> c = inv.condition().or(() -> conditionForm(inv).map(Expressions.Rendered::text));
    if (!mustExist(inv)) {
      return c;
    }
    String guard = "attribute_exists(" + MUST_EXIST + ")";
    return Optional.of(c.map(t -> Expressions.and(t, guard)).orElse(guard));
  }

  /** The UpdateExpression as the schema gives it: the text form, or the object form rendered. */
  public static Optional<String> updateText(Schema.Involvement inv) {
    return inv.update().or(() -> updateForm(inv).map(Expressions.Rendered::text));
  }

  /**
   * The value source an object form's {@code param} names, bound as the placeholder {@code
   * :<param>} of a text would be: {@code param.field} names a field of an entity parameter or of
   * the repeated list's element; a plain name binds by the default rules (see the class comment).
   * Empty when it names nothing usable here.
   */
  public static Optional<Schema.ValueRef> source(Schema s, Schema.CrossTablePattern x, Schema.Involvement inv, String src) {
    Optional<Schema.ValueRef> r;
    int dot = src.indexOf('.');
    if (param(x, src).isPresent() || dot < 0) {
      r = param(x, src).isPresent() && !inv.forEach().orElse("").equals(src) && !param(x, src).get().type().equals("entity")
          ? Optional.of(new Schema.ValueRef.Ref(src, Optional.empty())) : byName(s, x, inv, src);
    } else {
      r = Optional.of(new Schema.ValueRef.Ref(src.substring(0, dot), Optional.of(src.substring(dot + 1))));
    }
    return r.filter(v -> problem(s, x, inv, v).isEmpty());
  }

  /** The names an object form's {@code param} may use in this action (for a did-you-mean). */
  public static List<String> sourceNames(Schema s, Schema.CrossTablePattern x, Schema.Involvement inv) {
    Set<String> out = new LinkedHashSet<>();
    element(s, x, inv).ifPresent(e -> e.fields().forEach(f -> out.add(f.name())));
    for (Schema.Parameter p : x.parameters()) {
      if (p.type().equals("entity")) {
        p.entityType().map(s.entities()::get).ifPresent(e -> e.fields().forEach(f -> out.add(p.name() + "." + f.name())));
      } else if (!inv.forEach().orElse("").equals(p.name())) {
        out.add(p.name());
      }
    }
    return List.copyOf(out);
  }

  /** The type of a value source, as schema.json names it ({@code string}, {@code integer}, ...), if known. */
  public static Optional<String> typeOf(Schema s, Schema.CrossTablePattern x, Schema.ValueRef ref) {
    if (!(ref instanceof Schema.ValueRef.Ref r)) {
      return Optional.empty();
    }
    Optional<Schema.Parameter> p = param(x, r.param());
    if (p.isEmpty()) {
      return Optional.empty();
    }
    if (r.field().isEmpty()) {
      return Optional.of(p.get().type());
    }
    return p.get().entityType().map(s.entities()::get).flatMap(e -> e.field(r.field().get())).map(f -> f.type().schemaName());
  }

  /** The entity type of the elements of the list an action repeats over. */
  public static Optional<Schema.Entity> element(Schema s, Schema.CrossTablePattern x, Schema.Involvement inv) {
    return inv.forEach().flatMap(l -> param(x, l)).flatMap(Schema.Parameter::entityType).map(s.entities()::get);
  }

  static Optional<Schema.Parameter> param(Schema.CrossTablePattern x, String name) {
    return x.parameters().stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /** Resolves every binding of one action of {@code x}. */
  public static Resolved resolve(Schema s, Schema.CrossTablePattern x, Schema.Involvement inv) {
    Schema.Entity target = s.entities().get(inv.entity());
    Optional<Schema.Entity> element = element(s, x, inv);
    Optional<Schema.ValueRef.Ref> item = Optional.empty();
    if (inv.action().equals("Put")) {
      if (element.isPresent() && element.get().name().equals(inv.entity())) {
        item = Optional.of(new Schema.ValueRef.Ref(inv.forEach().orElseThrow(), Optional.empty()));
      } else {
        item = x.parameters().stream().filter(p -> p.type().equals("entity") && p.entityType().orElse("").equals(inv.entity())).findFirst()
            .map(p -> new Schema.ValueRef.Ref(p.name(), Optional.empty()));
      }
    }
    Map<String, Schema.ValueRef> key = new LinkedHashMap<>();
    List<String> unboundKey = new ArrayList<>();
    for (String f : keyFields(target)) {
      Optional<Schema.ValueRef> r;
      if (item.isPresent()) {
        r = Optional.of(new Schema.ValueRef.Ref(item.get().param(), Optional.of(f)));
      } else if (inv.key().containsKey(f)) {
        r = Optional.of(inv.key().get(f));
      } else {
        r = byName(s, x, inv, f);
      }
      r.ifPresentOrElse(v -> key.put(f, v), () -> unboundKey.add(f));
    }
    Map<String, Schema.ValueRef> values = new LinkedHashMap<>();
    List<String> unboundValues = new ArrayList<>();
    Map<String, String> names = new LinkedHashMap<>();
    for (String text : texts(inv)) {
      for (String v : valuePlaceholders(text)) {
        if (values.containsKey(v) || unboundValues.contains(v)) {
          continue;
        }
        Optional<Schema.ValueRef> r = inv.values().containsKey(v) ? Optional.of(inv.values().get(v)) : byName(s, x, inv, v.substring(1));
        r.ifPresentOrElse(ref -> values.put(v, ref), () -> unboundValues.add(v));
      }
      for (String n : namePlaceholders(text)) {
        names.putIfAbsent(n, inv.names().getOrDefault(n, n.substring(1)));
      }
    }
    List<Expressions.Rendered> forms = new ArrayList<>();
    conditionForm(inv).ifPresent(forms::add);
    updateForm(inv).ifPresent(forms::add);
    for (Expressions.Rendered f : forms) {
      names.putAll(f.names());
      f.values().forEach((ph, src) -> source(s, x, inv, src).ifPresentOrElse(ref -> values.put(ph, ref), () -> unboundValues.add(ph)));
      f.literals().forEach((ph, json) -> values.put(ph, new Schema.ValueRef.Literal(json)));
    }
    if (mustExist(inv)) {
      names.put(MUST_EXIST, s.tableOf(inv.entity()).partitionKey());
    }
    return new Resolved(item, key, unboundKey, values, unboundValues, names);
  }

  /** The default binding of {@code name} (see the class comment), if any. */
  public static Optional<Schema.ValueRef> byName(Schema s, Schema.CrossTablePattern x, Schema.Involvement inv, String name) {
    Optional<Schema.Entity> element = element(s, x, inv);
    if (element.isPresent() && element.get().field(name).isPresent()) {
      return Optional.of(new Schema.ValueRef.Ref(inv.forEach().orElseThrow(), Optional.of(name)));
    }
    Optional<Schema.Parameter> plain = param(x, name).filter(p -> !p.type().equals("entity") && !inv.forEach().orElse("").equals(p.name()));
    if (plain.isPresent()) {
      return Optional.of(new Schema.ValueRef.Ref(name, Optional.empty()));
    }
    Schema.Parameter found = null;
    for (Schema.Parameter p : x.parameters()) {
      if (!p.type().equals("entity")) {
        continue;
      }
      Schema.Entity e = p.entityType().map(s.entities()::get).orElse(null);
      if (e == null || e.field(name).isEmpty()) {
        continue;
      }
      if (e.name().equals(inv.entity())) {
        return Optional.of(new Schema.ValueRef.Ref(p.name(), Optional.of(name)));
      }
      found = p;
    }
    return Optional.ofNullable(found).map(p -> new Schema.ValueRef.Ref(p.name(), Optional.of(name)));
  }

  /**
   * Why a source cannot supply a value in this action, or empty when it can: it must name a plain
   * parameter, or a field of an entity parameter, or a field of the element of this action's
   * {@code for_each} list.
   */
  public static Optional<String> problem(Schema s, Schema.CrossTablePattern x, Schema.Involvement inv, Schema.ValueRef ref) {
    if (!(ref instanceof Schema.ValueRef.Ref r)) {
      return Optional.empty();
    }
    Optional<Schema.Parameter> p = param(x, r.param());
    if (p.isEmpty()) {
      return Optional.of("`" + r.param() + "` is not a parameter of the pattern");
    }
    boolean isList = inv.forEach().orElse("").equals(r.param());
    if (r.field().isEmpty()) {
      if (p.get().type().equals("entity")) {
        return Optional.of("`" + r.param() + "` is a whole entity; name one of its fields (`" + r.param() + ".<field>`)");
      }
      if (isList) {
        return Optional.of("`" + r.param() + "` is the list this action repeats over; name a field of its element (`" + r.param() + ".<field>`)");
      }
      return Optional.empty();
    }
    Schema.Entity e = p.get().entityType().map(s.entities()::get).orElse(null);
    boolean fieldsOk = p.get().type().equals("entity") || isList;
    if (!fieldsOk || e == null) {
      return Optional.of("`" + r.param() + "` has no fields here: only an entity parameter, or the `for_each` list of this action, has fields");
    }
    if (e.field(r.field().get()).isEmpty()) {
      return Optional.of("entity `" + e.name() + "` (of `" + r.param() + "`) has no field `" + r.field().get() + "`");
    }
    return Optional.empty();
  }

  /** The attributes an UpdateExpression writes (resolved through {@code names}), in order. */
  public static List<String> targets(String text, Map<String, String> names) {
    List<String> out = new ArrayList<>();
    Matcher m = CLAUSE.matcher(text);
    List<int[]> spans = new ArrayList<>();
    List<String> kinds = new ArrayList<>();
    while (m.find()) {
      spans.add(new int[] {m.start(), m.end()});
      kinds.add(m.group(1).toUpperCase(Locale.ROOT));
    }
    for (int i = 0; i < spans.size(); i++) {
      String body = text.substring(spans.get(i)[1], i + 1 < spans.size() ? spans.get(i + 1)[0] : text.length());
      for (String action : topLevel(body)) {
        String path = kinds.get(i).equals("SET") ? action.split("=", 2)[0] : action.trim().split("\\s+")[0];
        String attr = path.trim().split("[.\\[]", 2)[0].trim();
        out.add(attr.startsWith("#") ? names.getOrDefault(attr, attr.substring(1)) : attr);
      }
    }
    return out;
  }

  private static List<String> topLevel(String body) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        out.add(body.substring(start, i));
        start = i + 1;
      }
    }
    out.add(body.substring(start));
    return out.stream().filter(s -> !s.isBlank()).toList();
  }

  /** Two actions of one transaction on one item: {@code first} and {@code second} index {@code entities_involved}. */
  public record SameItem(int first, int second, List<String> key) {
    /** One sentence naming both actions and the key. */
    public String message(Schema.CrossTablePattern x) {
      Schema.Involvement a = x.entitiesInvolved().get(first);
      Schema.Involvement b = x.entitiesInvolved().get(second);
      return "action " + second + " (" + b.action() + " `" + b.entity() + "`) targets the same item as action " + first + " (" + a.action() + " `" + a.entity()
          + "`), key " + key.stream().filter(k -> !k.isEmpty()).toList() + "; DynamoDB refuses two actions on one item in a transaction";
    }
  }

  /**
   * The pairs of actions provably on one item: the same table, and key templates that render the
   * same from the same sources, repeated over the same list or not at all. Keys bound from
   * different parameters may still be equal at run time; the generated code checks those.
   */
  public static List<SameItem> sameItems(Schema s, Schema.CrossTablePattern x) {
    List<SameItem> out = new ArrayList<>();
    List<List<String>> keys = new ArrayList<>();
    for (Schema.Involvement inv : x.entitiesInvolved()) {
      Resolved b = resolve(s, x, inv);
      boolean complete = b.unboundKey().isEmpty() && (!inv.action().equals("Put") || b.item().isPresent());
      if (!complete) {
        keys.add(null);
        continue;
      }
      Schema.Entity e = s.entities().get(inv.entity());
      List<String> k = new ArrayList<>();
      k.add(s.tableOf(inv.entity()).name());
      k.add(inv.forEach().orElse(""));
      k.add(render(e.pkTemplate().text(), b.key()));
      k.add(e.skTemplate().map(t -> render(t.text(), b.key())).orElse(""));
      keys.add(k);
    }
    for (int a = 0; a < keys.size(); a++) {
      for (int c = a + 1; c < keys.size(); c++) {
        if (keys.get(a) != null && keys.get(a).equals(keys.get(c))) {
          out.add(new SameItem(a, c, keys.get(a).subList(2, 4)));
        }
      }
    }
    return out;
  }

  private static String render(String template, Map<String, Schema.ValueRef> key) {
    String out = template;
    for (Map.Entry<String, Schema.ValueRef> k : key.entrySet()) {
      out = out.replace("{" + k.getKey() + "}", "{" + k.getValue() + "}");
    }
    return out;
  }
}
