package dev.ddbmodel.codegen.internal.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddbmodel.schema.KeyTemplate;
import dev.ddbmodel.schema.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The language-neutral plan of a usage_examples smoke test: one complete sample item per entity
 * (usage data completed and coerced from the schema's field types), and the calls in a safe order,
 * each with its arguments, all taken from the items the example itself creates, and the result it
 * must give. Every renderer spells out the same calls and checks.
 *
 * <p>Order: create every sample; reads (Get, Query, Scan, BatchGet) must find the created item;
 * updates (each must find the item; an update from an entity passes the latest stored version);
 * Puts and BatchWrites; cross-table transactions (a cancellation is a valid outcome); deletes,
 * after which the item must be gone.
 */
public record SmokePlan(Map<String, ObjectNode> samples, List<Call> calls) {
  /** What a call must return. */
  public enum Expect {
    /** a present item, a true flag or a non-empty page/list. */
    FOUND,
    /** it only has to complete (a filter or a condition may legitimately exclude the item). */
    OK,
    /** a transaction: it commits or is cancelled with reasons. */
    COMMIT_OR_CANCEL,
    /**
     * a guarded single-item write (a {@code condition}, or an update locked on a {@code version}
     * parameter): it is written, or refused by its guard. The example's values cannot always pass
     * the guard (create-only-if-absent runs after the sample exists), and a refusal is the outcome
     * the guard exists for.
     */
    WRITTEN_OR_REFUSED
  }

  /** Whether the pattern is a single-item write its condition or version lock may refuse. */
  static boolean guarded(Schema.AccessPattern ap) {
    boolean write = List.of("PutItem", "UpdateItem", "DeleteItem").contains(ap.operation());
    boolean versionLock = ap.operation().equals("UpdateItem") && ap.parameters().stream().noneMatch(p -> p.type().equals("entity"))
        && ap.parameters().stream().anyMatch(p -> p.name().equals("version"));
    return write && (ap.condition().isPresent() || versionLock);
  }

  /** Whether any call of the plan may be refused by a guard (the renderers then handle the refusal). */
  public boolean hasGuardedWrites() {
    return calls.stream().anyMatch(c -> c.expect() == Expect.WRITTEN_OR_REFUSED);
  }

  /** An argument: a value, or the current stored entity of a type, or a list of them / of its keys. */
  public record Arg(String param, Kind kind, JsonNode value, String entity) {
    /** How the argument is built. */
    public enum Kind {
      VALUE, ENTITY, ENTITY_LIST, KEY_LIST
    }
  }

  /**
   * One call of the example.
   *
   * @param entity the entity whose repository runs it, empty for a cross-table pattern
   * @param refresh after an update from an entity: the result becomes that entity's current version
   * @param thenAbsent after a delete: the entity's item must no longer be found
   */
  public record Call(int id, Optional<String> entity, Schema.AccessPattern pattern, Optional<Schema.CrossTablePattern> crossTable, List<Arg> args,
      Expect expect, Optional<String> refresh, Optional<String> thenAbsent) {}

  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  static final String LOW = " ";
  static final String HIGH = "\uffff";

  /** The smoke plan of a schema with its (optional, possibly incomplete) usage data. */
  public static SmokePlan of(Schema s, Optional<JsonNode> usage) {
    JsonNode u = usage.map(n -> n.path("entities")).orElse(F.objectNode());
    Map<String, ObjectNode> samples = new LinkedHashMap<>();
    for (Schema.Entity e : s.entities().values()) {
      samples.put(e.name(), sample(e, u.path(e.name()).path("sample_data"), false));
    }
    List<Call> reads = new ArrayList<>();
    List<Call> updates = new ArrayList<>();
    List<Call> puts = new ArrayList<>();
    List<Call> deletes = new ArrayList<>();
    for (Schema.Entity e : s.entities().values()) {
      ObjectNode sample = samples.get(e.name());
      JsonNode upd = u.path(e.name()).path("update_data");
      for (Schema.AccessPattern ap : e.accessPatterns()) {
        List<Arg> args = new ArrayList<>();
        Optional<String> entityParam = Optional.empty();
        for (Schema.Parameter p : ap.parameters()) {
          if (p.type().equals("entity")) {
            String t = p.entityType().orElse(e.name());
            args.add(new Arg(p.name(), Arg.Kind.ENTITY, null, t));
            entityParam = Optional.of(t);
          } else if (ap.operation().equals("UpdateItem") && e.field(p.name()).isPresent() && !isKeyField(e, p.name())) {
            JsonNode v = upd.has(p.name()) ? coerce(e.field(p.name()).get(), upd.get(p.name())) : sample.get(p.name());
            args.add(new Arg(p.name(), Arg.Kind.VALUE, asParamType(p, v), null));
          } else if (e.field(p.name()).isPresent() && !isFilterParam(ap, p.name())) {
            JsonNode v = sample.get(p.name());
            // with no separate range value, the last given sort-key field carries a strict range condition
            boolean carriesRange = ap.parameters().stream().noneMatch(x -> e.field(x.name()).isEmpty() && !x.type().equals("entity") && !isFilterParam(ap, x.name()));
            String rc = ap.operation().equals("Query") && carriesRange ? ap.rangeCondition().orElse("") : "";
            if (rc.equals(">") && inSortKey(e, ap, p.name())) {
              v = below(v);
            } else if (rc.equals("<") && inSortKey(e, ap, p.name())) {
              v = above(v);
            }
            args.add(new Arg(p.name(), Arg.Kind.VALUE, asParamType(p, v), null));
          } else {
            args.add(new Arg(p.name(), Arg.Kind.VALUE, asParamType(p, otherValue(s, e, ap, p, sample)), null));
          }
        }
        // a batch method takes one list whatever the schema's parameters are (the plan's BatchGet/BatchWrite nodes):
        // the keys of the created item, or the created entity
        if (ap.operation().equals("BatchGetItem")) {
          args = new ArrayList<>(List.of(new Arg("keys", Arg.Kind.KEY_LIST, null, e.name())));
        } else if (ap.operation().equals("BatchWriteItem") && ap.batchDelete()) {
          // a batch delete takes the keys of the created item, and runs with the deletes
          args = new ArrayList<>(List.of(new Arg("keys", Arg.Kind.KEY_LIST, null, e.name())));
          deletes.add(new Call(ap.id(), Optional.of(e.name()), ap, Optional.empty(), args, Expect.OK, Optional.empty(), Optional.of(e.name())));
          continue;
        } else if (ap.operation().equals("BatchWriteItem")) {
          args = new ArrayList<>(List.of(new Arg("items", Arg.Kind.ENTITY_LIST, null, entityParam.orElse(e.name()))));
        }
        boolean filtered = ap.filter().isPresent() && !filterMatches(ap, args, sample, e);
        switch (ap.operation()) {
          case "GetItem", "Query", "Scan", "BatchGetItem" ->
              reads.add(new Call(ap.id(), Optional.of(e.name()), ap, Optional.empty(), args, filtered ? Expect.OK : Expect.FOUND, Optional.empty(), Optional.empty()));
          case "UpdateItem" -> updates.add(new Call(ap.id(), Optional.of(e.name()), ap, Optional.empty(), args, guarded(ap) ? Expect.WRITTEN_OR_REFUSED : Expect.FOUND, entityParam,
              Optional.empty()));
          case "DeleteItem" -> deletes.add(new Call(ap.id(), Optional.of(e.name()), ap, Optional.empty(), args, guarded(ap) ? Expect.WRITTEN_OR_REFUSED : Expect.OK, Optional.empty(),
              Optional.of(e.name())));
          default -> puts.add(new Call(ap.id(), Optional.of(e.name()), ap, Optional.empty(), args, guarded(ap) ? Expect.WRITTEN_OR_REFUSED : Expect.OK, Optional.empty(), Optional.empty()));
        }
      }
    }
    List<Call> tx = new ArrayList<>();
    for (Schema.CrossTablePattern x : s.crossTablePatterns()) {
      List<Arg> args = new ArrayList<>();
      for (Schema.Parameter p : x.parameters()) {
        if (p.type().equals("entity")) {
          args.add(new Arg(p.name(), Arg.Kind.ENTITY, null, p.entityType().orElseThrow()));
        } else if (p.type().equals("array") && p.entityType().isPresent() && x.entitiesInvolved().stream().anyMatch(i -> i.forEach().orElse("").equals(p.name()))) {
          args.add(new Arg(p.name(), Arg.Kind.ENTITY_LIST, null, p.entityType().get()));
        } else {
          JsonNode v = null;
          for (Schema.Involvement inv : x.entitiesInvolved()) {
            ObjectNode sm = samples.get(inv.entity());
            if (sm != null && sm.has(p.name())) {
              v = sm.get(p.name());
              break;
            }
          }
          if (v == null) {
            v = defaultFor(typeOf(p.type()), p.name(), Optional.empty());
          }
          args.add(new Arg(p.name(), Arg.Kind.VALUE, asParamType(p, v), null));
        }
      }
      tx.add(new Call(x.id(), Optional.empty(), null, Optional.of(x), args, Expect.COMMIT_OR_CANCEL, Optional.empty(), Optional.empty()));
    }
    List<Call> all = new ArrayList<>(reads);
    all.addAll(updates);
    all.addAll(puts);
    all.addAll(tx);
    all.addAll(deletes);
    return new SmokePlan(samples, all);
  }

  private static boolean isKeyField(Schema.Entity e, String f) {
    return e.pkTemplate().fieldNames().contains(f) || e.skTemplate().map(t -> t.fieldNames().contains(f)).orElse(false);
  }

  /**
   * A value in the parameter's declared type, the type of the generated method's parameter in every
   * language (an integer parameter gets an integer, a string parameter of a numeric field its text).
   */
  public static JsonNode asParamType(Schema.Parameter p, JsonNode v) {
    if (p.type().equals("entity")) {
      return v;
    }
    return coerce(typeOf(p.type()), p.name(), Optional.empty(), v == null ? F.nullNode() : v);
  }

  private static boolean inSortKey(Schema.Entity e, Schema.AccessPattern ap, String f) {
    List<KeyTemplate> pk = ap.indexName().flatMap(e::mapping).map(Schema.GsiMapping::pkTemplates).orElse(List.of(e.pkTemplate()));
    List<KeyTemplate> sk = ap.indexName().flatMap(e::mapping).map(Schema.GsiMapping::skTemplates).orElse(e.skTemplate().map(List::of).orElse(List.of()));
    List<String> declared = ap.parameters().stream().map(Schema.Parameter::name).toList();
    List<String> given = new ArrayList<>();
    sk.forEach(t -> t.fieldNames().stream().filter(declared::contains).forEach(given::add));
    // only the last given sort-key field carries the range; the earlier ones are equalities
    return pk.stream().noneMatch(t -> t.fieldNames().contains(f)) && !given.isEmpty() && given.get(given.size() - 1).equals(f);
  }

  private static boolean isFilterParam(Schema.AccessPattern ap, String p) {
    return ap.filter().map(f -> f.conditions().stream().anyMatch(c -> c.param().filter(p::equals).isPresent()
        || c.param2().filter(p::equals).isPresent() || c.params().contains(p))).orElse(false);
  }

  /** A complete sample item: every field, from usage data where it has a value of a usable type. */
  static ObjectNode sample(Schema.Entity e, JsonNode given, boolean update) {
    ObjectNode o = F.objectNode();
    Set<String> absent = update ? Set.of() : leftAbsent(e);
    for (Schema.Field f : e.fields()) {
      JsonNode v = given.get(f.name());
      if ((v == null || v.isNull()) && absent.contains(f.name())) {
        continue;
      }
      o.set(f.name(), v == null || v.isNull() ? defaultFor(f.type(), f.name(), f.itemType()) : coerce(f, v));
    }
    return o;
  }

  /**
   * Optional fields an {@code attribute_not_exists} filter of the entity's patterns names: the
   * sample leaves them out (unless usage data gives them), so that read finds the created item.
   * A field a table or index key, or a pattern parameter, uses is always filled.
   */
  static Set<String> leftAbsent(Schema.Entity e) {
    Set<String> used = new HashSet<>();
    e.pkTemplate().fieldNames().forEach(used::add);
    e.skTemplate().ifPresent(t -> used.addAll(t.fieldNames()));
    for (Schema.GsiMapping g : e.gsiMappings()) {
      g.pkTemplates().forEach(t -> used.addAll(t.fieldNames()));
      g.skTemplates().forEach(t -> used.addAll(t.fieldNames()));
    }
    Set<String> out = new HashSet<>();
    for (Schema.AccessPattern ap : e.accessPatterns()) {
      ap.parameters().forEach(p -> used.add(p.name()));
      ap.filter().ifPresent(f -> f.conditions().stream().filter(c -> c.function().orElse("").equals("attribute_not_exists"))
          .forEach(c -> out.add(c.field())));
    }
    out.removeIf(f -> used.contains(f) || e.field(f).map(Schema.Field::required).orElse(true));
    return out;
  }

  private static Schema.FieldType typeOf(String t) {
    return Schema.FieldType.parse(t).orElse(Schema.FieldType.string);
  }

  /** A usage-data value turned into the field's type (a default where it cannot be). */
  static JsonNode coerce(Schema.Field f, JsonNode v) {
    return coerce(f.type(), f.name(), f.itemType(), v);
  }

  private static JsonNode coerce(Schema.FieldType t, String name, Optional<String> itemType, JsonNode v) {
    switch (t) {
      case string, uuid -> {
        return v.isValueNode() && !v.isNull() ? F.textNode(v.asText()) : defaultFor(t, name, itemType);
      }
      case integer -> {
        BigDecimal d = number(v);
        return d == null ? defaultFor(t, name, itemType) : F.numberNode(d.setScale(0, java.math.RoundingMode.HALF_UP).toBigInteger());
      }
      case decimal -> {
        BigDecimal d = number(v);
        return d == null ? defaultFor(t, name, itemType) : F.numberNode(d);
      }
      case BOOLEAN_ALIAS -> {
        if (v.isBoolean()) {
          return v;
        }
        String x = v.asText().trim().toLowerCase(Locale.ROOT);
        return F.booleanNode(x.equals("true") || x.equals("yes") || x.equals("1") || x.equals("on"));
      }
      case array -> {
        ArrayNode a = F.arrayNode();
        Schema.FieldType it = itemType.map(SmokePlan::typeOf).orElse(null);
        if (v.isArray()) {
          v.forEach(x -> a.add(it == null ? x : coerce(it, name, Optional.empty(), x)));
          return a;
        }
        return defaultFor(t, name, itemType);
      }
      case object -> {
        return v.isObject() ? v : defaultFor(t, name, itemType);
      }
      default -> throw new IllegalStateException(t.name());
    }
  }

  private static BigDecimal number(JsonNode v) {
    if (v.isNumber()) {
      return v.decimalValue();
    }
    if (v.isTextual()) {
      try {
        return new BigDecimal(v.asText().trim());
      } catch (NumberFormatException ex) {
        return null;
      }
    }
    if (v.isBoolean()) {
      return v.asBoolean() ? BigDecimal.ONE : BigDecimal.ZERO;
    }
    return null;
  }

  /** The value used when usage data has none: deterministic, by type (and a hint from the name). */
  static JsonNode defaultFor(Schema.FieldType t, String name, Optional<String> itemType) {
    String n = name.toLowerCase(Locale.ROOT);
    return switch (t) {
      case string -> F.textNode(n.contains("date") || n.endsWith("_at") || n.contains("time") ? "2025-01-15T10:00:00Z"
          : n.contains("email") ? "sample@example.com" : n.endsWith("id") ? name + "-123" : "sample-" + name);
      case uuid -> F.textNode("123e4567-e89b-42d3-a456-426614174000");
      case integer -> F.numberNode(n.contains("time") || n.endsWith("_at") ? 1736935200L : 42L);
      case decimal -> F.numberNode(new BigDecimal(n.contains("price") || n.contains("total") || n.contains("amount") ? "29.99" : "3.14"));
      case BOOLEAN_ALIAS -> F.booleanNode(true);
      case array -> {
        ArrayNode a = F.arrayNode();
        Schema.FieldType it = itemType.map(SmokePlan::typeOf).orElse(Schema.FieldType.string);
        a.add(defaultFor(it, name + "_1", Optional.empty()));
        yield a;
      }
      case object -> F.objectNode().put("key", "value");
    };
  }

  /** A parameter that is no field of the entity, or a filter parameter: a range bound or a filter operand. */
  private static JsonNode otherValue(Schema s, Schema.Entity e, Schema.AccessPattern ap, Schema.Parameter p, ObjectNode sample) {
    Optional<JsonNode> filter = ap.filter().flatMap(f -> filterOperand(f, p.name(), sample, e));
    if (filter.isPresent()) {
      return filter.get();
    }
    if (ap.rangeCondition().isPresent() && (ap.operation().equals("Query"))) {
      List<String> range = ap.parameters().stream().map(Schema.Parameter::name)
          .filter(x -> e.field(x).isEmpty() && !isFilterParam(ap, x)).toList();
      int i = range.indexOf(p.name());
      QueryPlan q = QueryPlan.of(s.tableOf(e.name()), e, ap);
      boolean numeric = q.range().map(QueryPlan.Range::numeric).orElse(false);
      String rc = ap.rangeCondition().get();
      if (rc.equals("begins_with")) {
        return beginsWithValue(e, ap, sample);
      }
      boolean high = switch (rc) {
        case "between" -> i > 0;
        case "<", "<=" -> true;
        default -> false;
      };
      if (numeric) {
        return F.numberNode(high ? 1_000_000_000_000L : -1_000_000_000_000L);
      }
      return F.textNode(high ? HIGH : LOW);
    }
    return defaultFor(typeOf(p.type()), p.name(), Optional.empty());
  }

  /** For begins_with: the sample's own sort-key text after the literal prefix (a prefix of itself). */
  private static JsonNode beginsWithValue(Schema.Entity e, Schema.AccessPattern ap, ObjectNode sample) {
    List<KeyTemplate> sk = ap.indexName().flatMap(e::mapping).map(Schema.GsiMapping::skTemplates).orElse(e.skTemplate().map(List::of).orElse(List.of()));
    for (KeyTemplate t : sk) {
      List<String> declared = ap.parameters().stream().map(Schema.Parameter::name).toList();
      if (!declared.containsAll(t.fieldNames()) && !t.fieldNames().isEmpty()) {
        String first = t.fieldNames().get(0);
        JsonNode v = sample.get(first);
        String text = v == null ? "" : v.asText();
        return F.textNode(text.isEmpty() ? LOW : text.substring(0, 1));
      }
    }
    return F.textNode(LOW);
  }

  /** The operand that makes the sample pass a filter condition on the parameter, if it can be chosen. */
  private static Optional<JsonNode> filterOperand(Schema.FilterExpression f, String param, ObjectNode sample, Schema.Entity e) {
    for (Schema.FilterCondition c : f.conditions()) {
      JsonNode v = sample.get(c.field());
      if (v == null) {
        continue;
      }
      String op = c.operator().orElse("");
      String fn = c.function().orElse("");
      if (fn.equals("size")) {
        int size = v.isArray() || v.isObject() ? v.size() : v.asText().length();
        v = F.numberNode(size);
      } else if (fn.equals("contains")) {
        if (c.param().filter(param::equals).isPresent()) {
          return Optional.of(v.isArray() && !v.isEmpty() ? v.get(0) : v.isTextual() && !v.asText().isEmpty() ? F.textNode(v.asText().substring(0, 1)) : v);
        }
        continue;
      } else if (fn.equals("begins_with")) {
        if (c.param().filter(param::equals).isPresent()) {
          return Optional.of(v.isTextual() && !v.asText().isEmpty() ? F.textNode(v.asText().substring(0, 1)) : v);
        }
        continue;
      }
      boolean first = c.param().filter(param::equals).isPresent();
      boolean second = c.param2().filter(param::equals).isPresent();
      int inIndex = c.params().indexOf(param);
      if (!first && !second && inIndex < 0) {
        continue;
      }
      switch (op) {
        case "=", ">=", "<=", "in", "IN" -> {
          return Optional.of(v);
        }
        case "<>", "!=" -> {
          return Optional.of(different(v));
        }
        case "<" -> {
          return Optional.of(above(v));
        }
        case ">" -> {
          return Optional.of(below(v));
        }
        case "between", "BETWEEN" -> {
          return Optional.of(first ? below(v) : above(v));
        }
        default -> {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  private static JsonNode different(JsonNode v) {
    if (v.isNumber()) {
      return F.numberNode(v.decimalValue().add(BigDecimal.ONE));
    }
    if (v.isBoolean()) {
      return F.booleanNode(!v.asBoolean());
    }
    return F.textNode(v.asText() + "-other");
  }

  private static JsonNode above(JsonNode v) {
    return v.isNumber() ? F.numberNode(v.decimalValue().add(BigDecimal.ONE)) : F.textNode(v.asText() + HIGH);
  }

  private static JsonNode below(JsonNode v) {
    return v.isNumber() ? F.numberNode(v.decimalValue().subtract(BigDecimal.ONE)) : F.textNode(LOW);
  }

  /** Whether every filter condition is one the chosen operands make true for the sample. */
  private static boolean filterMatches(Schema.AccessPattern ap, List<Arg> args, ObjectNode sample, Schema.Entity e) {
    Schema.FilterExpression f = ap.filter().orElseThrow();
    for (Schema.FilterCondition c : f.conditions()) {
      String fn = c.function().orElse("");
      String op = c.operator().orElse("");
      if (fn.equals("attribute_not_exists")) {
        if (sample.has(c.field())) {
          return false;
        }
        continue;
      }
      if (fn.equals("attribute_exists")) {
        continue;
      }
      if (!sample.has(c.field()) || e.field(c.field()).isEmpty()) {
        return false;
      }
      if (c.operands().stream().anyMatch(o -> !(o instanceof Schema.Operand.Param))) {
        // a constant or another attribute decides the term, not an operand chosen for the sample: it only has to complete
        return false;
      }
      if (fn.equals("begins_with") || fn.equals("contains")) {
        if (sample.get(c.field()).isTextual() || sample.get(c.field()).isArray()) {
          continue;
        }
        return false;
      }
      if (!List.of("=", ">=", "<=", "<", ">", "<>", "!=", "between", "BETWEEN", "in", "IN").contains(op)) {
        return false;
      }
    }
    return true;
  }
}
