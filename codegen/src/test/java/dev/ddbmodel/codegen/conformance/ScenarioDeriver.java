package dev.ddbmodel.codegen.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddbmodel.codegen.internal.plan.SmokePlan;
import dev.ddbmodel.schema.KeyTemplate;
import dev.ddbmodel.schema.Schema;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Derives a conformance scenario from a schema and its usage_data.json: seed items (each entity's
 * completed sample, plus variants that differ in the partition key, in the sort key and in each
 * index key, so every read has items it must not return), then every read pattern called with
 * the smoke plan's arguments and, where the usage data gives values for the pattern's parameters
 * (access_pattern_data, filter_values), with those. The expected results come from an independent
 * oracle: key conditions and filters evaluated over the seed items here in Java, field by field,
 * with DynamoDB's ordering (numbers by value, strings by UTF-8 bytes), never by running a DAL.
 *
 * <p>What the oracle does not model is left out and counted in {@link Derived#skipped}: item
 * collections, a range condition carried by a key field instead of its own parameter, batch reads
 * whose schema declares other than one parameter.
 */
final class ScenarioDeriver {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** A derived scenario and the patterns left out, with the reason. */
  record Derived(ObjectNode scenario, int calls, List<String> skipped) {}

  /** One seeded item: its entity and field values. */
  private record Seed(Schema.Entity entity, ObjectNode data) {}

  private final Schema schema;
  private final JsonNode usage;
  private final List<Seed> seeds = new ArrayList<>();
  private final List<String> skipped = new ArrayList<>();

  private ScenarioDeriver(Schema schema, JsonNode usage) {
    this.schema = schema;
    this.usage = usage;
  }

  static Derived derive(Schema schema, String name, Optional<JsonNode> usage) {
    return new ScenarioDeriver(schema, usage.orElse(F.objectNode())).build(name);
  }

  private Derived build(String name) {
    SmokePlan smoke = SmokePlan.of(schema, Optional.of(usage));
    ObjectNode sc = F.objectNode();
    sc.put("name", name + ": derived from usage_data.json (oracle: key conditions and filters evaluated over the seed items)");
    ArrayNode steps = sc.putArray("steps");
    Set<String> keys = new HashSet<>();
    for (Schema.Entity e : schema.entities().values()) {
      ObjectNode a = smoke.samples().get(e.name()).deepCopy();
      List<ObjectNode> variants = new ArrayList<>(List.of(a));
      List<Set<String>> groups = keyGroups(e);
      for (int g = 0; g < groups.size(); g++) {
        variants.add(vary(e, a, groups.get(g), g + 1));
      }
      for (ObjectNode v : variants) {
        String k = schema.tableOf(e.name()).name() + "\u0000" + attr(e.pkTemplate(), v, e) + "\u0000" + e.skTemplate().map(t -> attr(t, v, e)).orElse(F.nullNode());
        if (keys.add(k)) {
          seeds.add(new Seed(e, v));
          steps.addObject().put("create", e.name()).set("data", v);
        }
      }
    }
    int calls = 0;
    for (SmokePlan.Call c : smoke.calls()) {
      if (c.crossTable().isPresent() || !List.of("GetItem", "Query", "Scan", "BatchGetItem").contains(c.pattern().operation())) {
        continue;
      }
      Schema.Entity e = schema.entities().get(c.entity().orElseThrow());
      Schema.AccessPattern ap = c.pattern();
      Optional<String> why = unsupported(e, ap);
      if (why.isPresent()) {
        skipped.add(ap.id() + " " + ap.name() + ": " + why.get());
        continue;
      }
      List<ObjectNode> argSets = new ArrayList<>();
      ObjectNode base = F.objectNode();
      if (ap.operation().equals("BatchGetItem")) {
        ArrayNode ks = base.putArray(ap.parameters().get(0).name());
        List<String> kf = keyFields(e);
        seeds.stream().filter(s -> s.entity() == e).limit(2).forEach(s -> {
          ObjectNode k = ks.addObject();
          kf.forEach(f -> k.set(f, s.data().get(f)));
        });
        ObjectNode missing = ks.addObject();
        kf.forEach(f -> missing.set(f, vary(e, smoke.samples().get(e.name()), Set.of(f), 9).get(f)));
      } else {
        c.args().forEach(a -> base.set(a.param(), a.value()));
      }
      argSets.add(base);
      ObjectNode given = given(e, ap, base);
      if (given != null) {
        argSets.add(given);
      }
      if (!ap.operation().equals("BatchGetItem")) {
        // the same read aimed at each variant's keys, and with range bounds at the sample's own value
        for (Seed v : seeds) {
          if (v.entity() == e) {
            ObjectNode at = base.deepCopy();
            ap.parameters().stream().filter(p -> e.field(p.name()).isPresent() && v.data().has(p.name()) && !p.type().equals("entity"))
                .forEach(p -> at.set(p.name(), SmokePlan.asParamType(p, v.data().get(p.name()))));
            if (!argSets.contains(at)) {
              argSets.add(at);
            }
          }
        }
        ObjectNode tight = tight(e, ap, base, smoke.samples().get(e.name()));
        if (tight != null && !argSets.contains(tight)) {
          argSets.add(tight);
        }
      }
      for (ObjectNode args : argSets) {
        List<ObjectNode> expected = expect(e, ap, args);
        boolean unordered = !ap.operation().equals("Query") || ties(e, ap, expected);
        ObjectNode step = steps.addObject();
        step.put("entity", e.name()).put("call", ap.name()).set("args", args);
        step.set("expect", expectation(e, ap, expected, unordered));
        calls++;
        if (ap.operation().equals("Query")) {
          for (boolean descending : new boolean[] {false, true}) {
            ObjectNode paged = steps.addObject();
            paged.put("entity", e.name()).put("call", ap.name()).set("args", args);
            paged.putObject("options").put("limit", 1).put("all_pages", true).put("descending", descending);
            List<ObjectNode> order = new ArrayList<>(expected);
            if (descending) {
              java.util.Collections.reverse(order);
            }
            paged.set("expect", expectation(e, ap, order, unordered));
            calls++;
          }
        }
      }
    }
    return new Derived(sc, calls, skipped);
  }

  /** The pattern's arguments with the values usage data gives for its parameters, or null when it gives none. */
  private ObjectNode given(Schema.Entity e, Schema.AccessPattern ap, ObjectNode base) {
    JsonNode u = usage.path("entities").path(e.name());
    ObjectNode out = base.deepCopy();
    boolean any = false;
    for (Schema.Parameter p : ap.parameters()) {
      for (String part : List.of("access_pattern_data", "filter_values")) {
        JsonNode v = u.path(part).get(p.name());
        if (v != null && !v.isNull() && !p.type().equals("entity") && !ap.operation().equals("BatchGetItem")) {
          JsonNode typed = SmokePlan.asParamType(p, v);
          if (!typed.equals(out.get(p.name()))) {
            out.set(p.name(), typed);
            any = true;
          }
        }
      }
    }
    return any ? out : null;
  }

  /** Range parameters set to the sample's own value of the field the range compares (empty results are fine: the oracle says so). */
  private static ObjectNode tight(Schema.Entity e, Schema.AccessPattern ap, ObjectNode base, ObjectNode sample) {
    if (!ap.operation().equals("Query") || ap.rangeCondition().isEmpty()) {
      return null;
    }
    for (KeyTemplate t : skTemplates(e, ap)) {
      Optional<String> missing = t.fieldNames().stream().filter(f -> !base.has(f)).findFirst();
      if (missing.isPresent() && sample.has(missing.get())) {
        ObjectNode out = base.deepCopy();
        for (String p : rangeParams(e, ap)) {
          Schema.Parameter decl = ap.parameters().stream().filter(x -> x.name().equals(p)).findFirst().orElseThrow();
          out.set(p, SmokePlan.asParamType(decl, sample.get(missing.get())));
        }
        return out;
      }
    }
    return null;
  }

  private Optional<String> unsupported(Schema.Entity e, Schema.AccessPattern ap) {
    if (ap.returnType().equals("mixed_data")) {
      return Optional.of("item collection");
    }
    if (ap.operation().equals("BatchGetItem") && ap.parameters().size() != 1) {
      return Optional.of("batch read with " + ap.parameters().size() + " parameters");
    }
    if (ap.operation().equals("Query") && ap.rangeCondition().isPresent() && rangeParams(e, ap).isEmpty()) {
      return Optional.of("range condition carried by a key field");
    }
    return Optional.empty();
  }

  /** Groups of fields whose change moves an item to another key: the partition key, the sort key, each index's keys. */
  private static List<Set<String>> keyGroups(Schema.Entity e) {
    List<Set<String>> out = new ArrayList<>();
    Set<String> pk = new LinkedHashSet<>(e.pkTemplate().fieldNames());
    out.add(pk);
    Set<String> sk = new LinkedHashSet<>();
    e.skTemplate().ifPresent(t -> sk.addAll(t.fieldNames()));
    sk.removeAll(pk);
    out.add(sk);
    for (Schema.GsiMapping m : e.gsiMappings()) {
      Set<String> g = new LinkedHashSet<>();
      m.pkTemplates().forEach(t -> g.addAll(t.fieldNames()));
      m.skTemplates().forEach(t -> g.addAll(t.fieldNames()));
      g.removeAll(pk);
      g.removeAll(sk);
      out.add(g);
    }
    // and the fields filters compare, so a filter has items to drop
    Set<String> filtered = new LinkedHashSet<>();
    e.accessPatterns().forEach(ap -> ap.filter().ifPresent(f -> f.conditions().forEach(c -> filtered.add(c.field()))));
    out.add(filtered);
    out.removeIf(Set::isEmpty);
    return out;
  }

  /** A copy of the sample with the given fields changed (deterministically, the same type). */
  private static ObjectNode vary(Schema.Entity e, ObjectNode sample, Set<String> fields, int k) {
    ObjectNode v = sample.deepCopy();
    for (String f : fields) {
      JsonNode x = v.get(f);
      Optional<Schema.Field> fd = e.field(f);
      if (x == null || fd.isEmpty()) {
        continue;
      }
      switch (fd.get().type()) {
        case integer -> v.put(f, x.asLong() + 7L * k);
        case decimal -> v.put(f, x.decimalValue().add(new BigDecimal("1.5").multiply(BigDecimal.valueOf(k))));
        case BOOLEAN_ALIAS -> v.put(f, !x.asBoolean());
        case uuid -> v.put(f, x.asText().substring(0, x.asText().length() - 1) + Integer.toHexString(k % 16));
        case string -> v.put(f, x.asText() + "-" + (char) ('a' + k));
        default -> {
          // arrays and objects keep their value
        }
      }
    }
    return v;
  }

  private static List<String> keyFields(Schema.Entity e) {
    Set<String> s = new LinkedHashSet<>(e.pkTemplate().fieldNames());
    e.skTemplate().ifPresent(t -> s.addAll(t.fieldNames()));
    return List.copyOf(s);
  }

  // ---- the oracle ----

  /** The items the pattern must return, in DynamoDB's order for a Query (ascending sort key). */
  private List<ObjectNode> expect(Schema.Entity e, Schema.AccessPattern ap, ObjectNode args) {
    List<Seed> mine = seeds.stream().filter(s -> s.entity() == e).toList();
    List<ObjectNode> out = new ArrayList<>();
    switch (ap.operation()) {
      case "GetItem" -> mine.stream().filter(s -> sameKey(e, s.data(), args)).findFirst().ifPresent(s -> out.add(s.data()));
      case "BatchGetItem" -> args.get(ap.parameters().get(0).name())
          .forEach(k -> mine.stream().filter(s -> sameKey(e, s.data(), (ObjectNode) k)).findFirst().ifPresent(s -> out.add(s.data())));
      case "Scan" -> mine.stream().filter(s -> inIndex(e, ap, s.data()) && filter(ap, s.data(), args)).forEach(s -> out.add(s.data()));
      case "Query" -> {
        List<KeyTemplate> pk = pkTemplates(e, ap);
        List<KeyTemplate> sk = skTemplates(e, ap);
        for (Seed s : mine) {
          if (!inIndex(e, ap, s.data()) || pk.stream().anyMatch(t -> !eq(attr(t, s.data(), e), attr(t, args, e)))) {
            continue;
          }
          if (sortMatches(e, ap, sk, s.data(), args) && filter(ap, s.data(), args)) {
            out.add(s.data());
          }
        }
        out.sort(Comparator.comparing((ObjectNode d) -> sortAttr(e, ap, sk, d), ScenarioDeriver::compare));
      }
      default -> throw new IllegalStateException(ap.operation());
    }
    return out;
  }

  private boolean sameKey(Schema.Entity e, ObjectNode item, ObjectNode key) {
    if (!eq(attr(e.pkTemplate(), item, e), attr(e.pkTemplate(), key, e))) {
      return false;
    }
    return e.skTemplate().map(t -> eq(attr(t, item, e), attr(t, key, e))).orElse(true);
  }

  private static List<KeyTemplate> pkTemplates(Schema.Entity e, Schema.AccessPattern ap) {
    return ap.indexName().flatMap(e::mapping).map(Schema.GsiMapping::pkTemplates).orElse(List.of(e.pkTemplate()));
  }

  private static List<KeyTemplate> skTemplates(Schema.Entity e, Schema.AccessPattern ap) {
    return ap.indexName().flatMap(e::mapping).map(Schema.GsiMapping::skTemplates).orElse(e.skTemplate().map(List::of).orElse(List.of()));
  }

  /** An item is in the index when every index key attribute can be built (sparse indexes). */
  private boolean inIndex(Schema.Entity e, Schema.AccessPattern ap, ObjectNode d) {
    if (ap.indexName().isEmpty()) {
      return true;
    }
    Optional<Schema.GsiMapping> m = e.mapping(ap.indexName().get());
    if (m.isEmpty()) {
      return false;
    }
    List<KeyTemplate> all = new ArrayList<>(m.get().pkTemplates());
    all.addAll(m.get().skTemplates());
    return all.stream().noneMatch(t -> attr(t, d, e).isNull());
  }

  private static List<String> rangeParams(Schema.Entity e, Schema.AccessPattern ap) {
    Set<String> filterParams = new HashSet<>();
    ap.filter().ifPresent(f -> f.conditions().forEach(c -> {
      c.param().ifPresent(filterParams::add);
      c.param2().ifPresent(filterParams::add);
      filterParams.addAll(c.params());
    }));
    return ap.parameters().stream().map(Schema.Parameter::name).filter(p -> e.field(p).isEmpty() && !filterParams.contains(p)).toList();
  }

  /** Leading sort key templates whose fields are all given must be equal; the next one meets the range condition, or the given prefix. */
  private boolean sortMatches(Schema.Entity e, Schema.AccessPattern ap, List<KeyTemplate> sk, ObjectNode d, ObjectNode args) {
    for (KeyTemplate t : sk) {
      JsonNode have = attr(t, d, e);
      if (!t.fieldNames().isEmpty() && t.fieldNames().stream().allMatch(args::has)) {
        if (!eq(have, attr(t, args, e))) {
          return false;
        }
        continue;
      }
      if (ap.rangeCondition().isEmpty()) {
        return !have.isTextual() || have.asText().startsWith(prefix(t, args, ""));
      }
      boolean numeric = have.isNumber();
      List<JsonNode> ops = rangeParams(e, ap).stream()
          .map(p -> numeric ? (JsonNode) F.numberNode(args.get(p).decimalValue()) : F.textNode(prefix(t, args, args.get(p).asText()))).toList();
      String op = ap.rangeCondition().get();
      return switch (op) {
        case "begins_with" -> have.isTextual() && have.asText().startsWith(ops.get(0).asText());
        case "between" -> compare(have, ops.get(0)) >= 0 && compare(have, ops.get(1)) <= 0;
        case "=" -> compare(have, ops.get(0)) == 0;
        case "<" -> compare(have, ops.get(0)) < 0;
        case "<=" -> compare(have, ops.get(0)) <= 0;
        case ">" -> compare(have, ops.get(0)) > 0;
        case ">=" -> compare(have, ops.get(0)) >= 0;
        default -> throw new IllegalStateException(op);
      };
    }
    return true;
  }

  /** Key attribute equality: both absent, or the same type and value (10 equals 10.0). */
  private static boolean eq(JsonNode a, JsonNode b) {
    if (a.isNull() || b.isNull()) {
      return a.isNull() && b.isNull();
    }
    return a.isNumber() == b.isNumber() && compare(a, b) == 0;
  }

  private JsonNode sortAttr(Schema.Entity e, Schema.AccessPattern ap, List<KeyTemplate> sk, ObjectNode d) {
    // the first sort key attribute that differs between items orders them; join all for a total order
    if (sk.isEmpty()) {
      return F.textNode("");
    }
    if (sk.size() == 1) {
      return attr(sk.get(0), d, e);
    }
    ArrayNode a = F.arrayNode();
    sk.forEach(t -> a.add(attr(t, d, e)));
    return a;
  }

  /** Whether two expected items share the sort key (then DynamoDB's order among them is not defined). */
  private boolean ties(Schema.Entity e, Schema.AccessPattern ap, List<ObjectNode> items) {
    List<KeyTemplate> sk = skTemplates(e, ap);
    Set<String> seen = new HashSet<>();
    return items.stream().anyMatch(d -> !seen.add(sortAttr(e, ap, sk, d).toString()));
  }

  /** The literal text and given fields of a template up to its first field not given, then {@code tail}. */
  private static String prefix(KeyTemplate t, ObjectNode args, String tail) {
    StringBuilder sb = new StringBuilder();
    for (KeyTemplate.Part p : t.parts()) {
      if (!p.isField()) {
        sb.append(p.literal());
      } else if (args.has(p.field()) && !args.get(p.field()).isNull()) {
        sb.append(text(args.get(p.field()), p.format()));
      } else {
        return sb.append(tail).toString();
      }
    }
    return sb.append(tail).toString();
  }

  /** A key attribute's value from field values: a number for one unformatted numeric field, else text; null when a field is absent. */
  static JsonNode attr(KeyTemplate t, ObjectNode values, Schema.Entity e) {
    if (t.isSingleField() && t.parts().get(0).format() == null && e.field(t.fieldNames().get(0)).map(f -> f.type().numeric()).orElse(false)) {
      JsonNode v = values.get(t.fieldNames().get(0));
      return v == null || v.isNull() ? F.nullNode() : F.numberNode(v.decimalValue());
    }
    StringBuilder sb = new StringBuilder();
    for (KeyTemplate.Part p : t.parts()) {
      if (!p.isField()) {
        sb.append(p.literal());
        continue;
      }
      JsonNode v = values.get(p.field());
      if (v == null || v.isNull()) {
        return F.nullNode();
      }
      sb.append(text(v, p.format()));
    }
    return F.textNode(sb.toString());
  }

  private static String text(JsonNode v, String format) {
    if (format != null) {
      Object arg = format.endsWith("d") ? (Object) v.decimalValue().longValue() : format.endsWith("f") ? (Object) v.decimalValue() : v.asText();
      return String.format(Locale.ROOT, "%" + format, arg);
    }
    return v.isNumber() ? v.decimalValue().toPlainString() : v.asText();
  }

  /** DynamoDB's order: numbers by value, strings by their UTF-8 bytes; arrays element by element. */
  static int compare(JsonNode a, JsonNode b) {
    if (a.isArray() && b.isArray()) {
      for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
        int c = compare(a.get(i), b.get(i));
        if (c != 0) {
          return c;
        }
      }
      return Integer.compare(a.size(), b.size());
    }
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue());
    }
    return java.util.Arrays.compareUnsigned(a.asText().getBytes(StandardCharsets.UTF_8), b.asText().getBytes(StandardCharsets.UTF_8));
  }

  /** The filter over the item's fields (AND or OR of the conditions). */
  private static boolean filter(Schema.AccessPattern ap, ObjectNode d, ObjectNode args) {
    if (ap.filter().isEmpty()) {
      return true;
    }
    Schema.FilterExpression f = ap.filter().get();
    boolean or = f.logicalOperator().equalsIgnoreCase("OR");
    boolean acc = !or;
    for (Schema.FilterCondition c : f.conditions()) {
      boolean r = condition(c, d, args);
      acc = or ? acc || r : acc && r;
    }
    return acc;
  }

  private static boolean condition(Schema.FilterCondition c, ObjectNode d, ObjectNode args) {
    JsonNode v = d.get(c.field());
    boolean present = v != null && !v.isNull();
    String fn = c.function().orElse("");
    JsonNode a = c.param().map(args::get).orElse(null);
    switch (fn) {
      case "attribute_exists" -> {
        return present;
      }
      case "attribute_not_exists" -> {
        return !present;
      }
      case "begins_with" -> {
        return present && v.isTextual() && a != null && v.asText().startsWith(a.asText());
      }
      case "contains" -> {
        if (!present || a == null) {
          return false;
        }
        if (v.isArray()) {
          for (JsonNode x : v) {
            if (sameValue(x, a)) {
              return true;
            }
          }
          return false;
        }
        return v.isTextual() && v.asText().contains(a.asText());
      }
      case "size" -> {
        if (!present) {
          return false;
        }
        int size = v.isArray() || v.isObject() ? v.size() : v.isTextual() ? v.asText().getBytes(StandardCharsets.UTF_8).length : -1;
        if (size < 0) {
          return false;
        }
        return compareOp(c, F.numberNode(size), args);
      }
      default -> {
        return present && compareOp(c, v, args);
      }
    }
  }

  private static boolean compareOp(Schema.FilterCondition c, JsonNode v, ObjectNode args) {
    String op = c.operator().orElse("=").toLowerCase(Locale.ROOT);
    JsonNode a = c.param().map(args::get).orElse(null);
    JsonNode b = c.param2().map(args::get).orElse(null);
    return switch (op) {
      case "=" -> a != null && sameValue(v, a);
      case "<>", "!=" -> a != null && !sameValue(v, a);
      case "<" -> comparable(v, a) && compare(v, a) < 0;
      case "<=" -> comparable(v, a) && compare(v, a) <= 0;
      case ">" -> comparable(v, a) && compare(v, a) > 0;
      case ">=" -> comparable(v, a) && compare(v, a) >= 0;
      case "between" -> comparable(v, a) && comparable(v, b) && compare(v, a) >= 0 && compare(v, b) <= 0;
      case "in" -> c.params().stream().map(args::get).anyMatch(x -> x != null && sameValue(v, x));
      default -> throw new IllegalStateException(op);
    };
  }

  private static boolean comparable(JsonNode v, JsonNode a) {
    return a != null && (v.isNumber() && a.isNumber() || v.isTextual() && a.isTextual());
  }

  private static boolean sameValue(JsonNode x, JsonNode y) {
    if (x.isNumber() && y.isNumber()) {
      return x.decimalValue().compareTo(y.decimalValue()) == 0;
    }
    return x.equals(y);
  }

  /** The expectation: each item's fields the read returns (a KEYS_ONLY or INCLUDE index returns only what it projects). */
  private ObjectNode expectation(Schema.Entity e, Schema.AccessPattern ap, List<ObjectNode> items, boolean unordered) {
    ObjectNode exp = F.objectNode();
    if (ap.operation().equals("GetItem")) {
      if (items.isEmpty()) {
        exp.put("none", true);
      } else {
        exp.set("item", visible(e, ap, items.get(0)));
      }
      return exp;
    }
    ArrayNode a = exp.putArray("items");
    items.forEach(d -> a.add(visible(e, ap, d)));
    if (unordered) {
      exp.put("unordered", true);
    }
    return exp;
  }

  private ObjectNode visible(Schema.Entity e, Schema.AccessPattern ap, ObjectNode d) {
    Optional<Schema.GsiDef> g = ap.indexName().flatMap(schema.tableOf(e.name())::gsi);
    ObjectNode o = F.objectNode();
    Set<String> projected = new LinkedHashSet<>();
    if (g.isPresent() && !g.get().projection().equals("ALL")) {
      Schema.TableDef t = schema.tableOf(e.name());
      projected.add(t.partitionKey());
      t.sortKey().ifPresent(projected::add);
      projected.addAll(g.get().partitionKey());
      projected.addAll(g.get().sortKey());
      if (g.get().projection().equals("INCLUDE")) {
        projected.addAll(g.get().includedAttributes());
      }
    }
    Map<String, JsonNode> fields = new LinkedHashMap<>();
    for (String f : keyFields(e)) {
      fields.put(f, d.get(f));
    }
    // a value field too, so an item typed as the wrong entity (null fields) does not pass
    e.fields().stream().filter(f -> f.required() && !fields.containsKey(f.name())).findFirst().ifPresent(f -> fields.put(f.name(), d.get(f.name())));
    fields.forEach((k, v) -> {
      if (v != null && !v.isNull() && (projected.isEmpty() || projected.contains(k)) && !v.isContainerNode()) {
        o.set(k, v);
      }
    });
    return o;
  }
}
