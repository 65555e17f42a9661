package dev.ddbmodel.codegen.internal.plan;

import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.SourceLocation;
import dev.ddbmodel.schema.KeyTemplate;
import dev.ddbmodel.schema.Schema;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Builds the {@link GenerationPlan} of a valid schema. Pure: no I/O, no state. */
public final class Planner {
  private final Schema schema;
  private final String source;
  private final List<Diagnostic> diagnostics = new ArrayList<>();

  private Planner(Schema schema, String source) {
    this.schema = schema;
    this.source = source;
  }

  /** The plan of {@code schema}, read from the file {@code source} (named in diagnostics). */
  public static GenerationPlan plan(Schema schema, String source) {
    return new Planner(schema, source).build();
  }

  private GenerationPlan build() {
    List<EntityPlan> out = new ArrayList<>();
    for (int ti = 0; ti < schema.tables().size(); ti++) {
      Schema.TableDef t = schema.tables().get(ti);
      for (Schema.Entity e : t.entities().values()) {
        out.add(entity(ti, t, e));
      }
    }
    List<TransactionPlan> tx = new ArrayList<>();
    for (int xi = 0; xi < schema.crossTablePatterns().size(); xi++) {
      tx.add(TransactionPlan.of(schema, xi, source, diagnostics));
    }
    return new GenerationPlan(schema, out, diagnostics, tx);
  }

  private EntityPlan entity(int ti, Schema.TableDef t, Schema.Entity e) {
    List<KeyBuilder> pk = new ArrayList<>();
    pk.add(KeyBuilder.of(t.partitionKey(), e.pkTemplate(), e, false));
    if (t.sortKey().isPresent() && e.skTemplate().isPresent()) {
      pk.add(KeyBuilder.of(t.sortKey().get(), e.skTemplate().get(), e, false));
    }
    List<KeyBuilder> idx = new ArrayList<>();
    for (Schema.GsiMapping m : e.gsiMappings()) {
      Schema.GsiDef g = t.gsi(m.name()).orElseThrow();
      for (int i = 0; i < g.partitionKey().size() && i < m.pkTemplates().size(); i++) {
        idx.add(KeyBuilder.of(g.partitionKey().get(i), m.pkTemplates().get(i), e, true));
      }
      for (int i = 0; i < g.sortKey().size() && i < m.skTemplates().size(); i++) {
        idx.add(KeyBuilder.of(g.sortKey().get(i), m.skTemplates().get(i), e, true));
      }
    }
    List<String> keyFields = QueryPlan.fieldsOf(pk.stream().map(KeyBuilder::template).toList());
    String entityAt = "/tables/" + ti + "/entities/" + pointerToken(e.name());
    nameLength(e.name(), "entity", entityAt);
    for (int fi = 0; fi < e.fields().size(); fi++) {
      nameLength(e.fields().get(fi).name(), "field", entityAt + "/fields/" + fi + "/name");
    }
    for (int ai = 0; ai < e.accessPatterns().size(); ai++) {
      Schema.AccessPattern ap = e.accessPatterns().get(ai);
      nameLength(ap.name(), "access pattern", entityAt + "/access_patterns/" + ai + "/name");
      for (int pi = 0; pi < ap.parameters().size(); pi++) {
        nameLength(ap.parameters().get(pi).name(), "parameter", entityAt + "/access_patterns/" + ai + "/parameters/" + pi + "/name");
      }
    }
    boolean writesType = e.field("entity_type").isEmpty();
    List<Operation> ops = new ArrayList<>();
    for (int ai = 0; ai < e.accessPatterns().size(); ai++) {
      Schema.AccessPattern ap = e.accessPatterns().get(ai);
      String at = "/tables/" + ti + "/entities/" + pointerToken(e.name()) + "/access_patterns/" + ai;
      ops.add(operation(at, t, e, ap, keyFields, idx, writesType));
    }
    return new EntityPlan(t, e, pk, idx, keyFields, writesType, ops);
  }

  private final Set<String> unionNames = new java.util.HashSet<>();

  /**
   * The type name of a collection pattern's union: the pattern name's type name and {@code Item};
   * prefixed with the entity's when another entity or union already has it, then suffixed with the
   * pattern id, so every union of the schema has its own name.
   */
  private String unionName(Schema.Entity owner, Schema.AccessPattern ap) {
    Set<String> entityNames = new java.util.HashSet<>();
    schema.entities().keySet().forEach(n -> entityNames.add(Naming.typeName(n, Set.of())));
    String base = Naming.typeName(ap.name(), Set.of()) + "Item";
    for (String c : List.of(base, Naming.typeName(owner.name(), Set.of()) + base, Naming.typeName(owner.name(), Set.of()) + base + ap.id())) {
      if (!entityNames.contains(c) && !entityNames.contains(c.replaceFirst("Repository$", "")) && unionNames.add(c)) {
        return c;
      }
    }
    throw new IllegalStateException("pattern ids are unique, so is the last candidate: " + base + ap.id());
  }

  /** Longest name the plan accepts: every generated language can hold it in one identifier and one literal. */
  public static final int MAX_NAME = 255;

  private void nameLength(String name, String what, String at) {
    if (name.length() > MAX_NAME) {
      diagnostics.add(Diagnostic.error("Codegen.NameTooLong", "the " + what + " name is " + name.length() + " characters long; generated code takes at most " + MAX_NAME,
          SourceLocation.of(source, at), "use a shorter name"));
    }
  }

  private static String pointerToken(String s) {
    return s.replace("~", "~0").replace("/", "~1");
  }

  private Operation operation(String at, Schema.TableDef t, Schema.Entity e, Schema.AccessPattern ap, List<String> keyFields, List<KeyBuilder> idx,
      boolean writesType) {
    Uses uses = new Uses(ap);
    Operation op = switch (ap.operation()) {
      case "GetItem" -> {
        uses.mark(keyFields, ParamUse.Use.KEY);
        requireAll(at, ap, keyFields, uses);
        yield new Operation.Get(ap, uses.list(), ResultKind.OPTIONAL_ITEM, keyFields, ap.consistentRead());
      }
      case "DeleteItem" -> {
        uses.mark(keyFields, ParamUse.Use.KEY);
        requireAll(at, ap, keyFields, uses);
        Optional<Condition> cond = uses.markCondition(ap);
        yield new Operation.Delete(ap, uses.list(), ap.returnType().equals("success_flag") ? ResultKind.FLAG : ResultKind.NONE, keyFields, cond);
      }
      case "PutItem" -> {
        Optional<Condition> cond = uses.markCondition(ap);
        List<Operation.EntityParam> ents = new ArrayList<>();
        for (Schema.Parameter p : ap.parameters()) {
          if (p.type().equals("entity")) {
            ents.add(new Operation.EntityParam(p.name(), p.entityType().orElse(e.name())));
            uses.mark(List.of(p.name()), ParamUse.Use.ENTITY);
          }
        }
        boolean own = ents.stream().anyMatch(x -> x.entity().equals(e.name()));
        ResultKind r = ap.returnType().equals("single_entity") && own ? ResultKind.ITEM : ap.returnType().equals("success_flag") ? ResultKind.FLAG : ResultKind.NONE;
        if (ents.isEmpty()) {
          diagnostics.add(Diagnostic.error("Codegen.NothingToStore", "PutItem pattern " + ap.id() + " (" + ap.name() + ") declares no entity parameter, so there is nothing to store",
              SourceLocation.of(source, at + "/parameters"), "add a parameter {\"name\": \"item\", \"type\": \"entity\", \"entity_type\": \"" + e.name() + "\"}"));
        }
        if (cond.isPresent() && !(ents.size() == 1 && ents.get(0).entity().equals(e.name()))) {
          diagnostics.add(Diagnostic.error("Codegen.ConditionTarget", "conditional PutItem pattern " + ap.id() + " (" + ap.name() + ") must store exactly one `" + e.name()
              + "`: its condition tests that entity's item", SourceLocation.of(source, at + "/condition"), "declare one parameter of type `entity` with \"entity_type\": \"" + e.name() + "\""));
        }
        yield new Operation.Put(ap, uses.list(), r, ents, cond);
      }
      case "UpdateItem" -> update(at, e, ap, keyFields, idx, uses);
      case "Query" -> {
        boolean collection = ap.returnType().equals("mixed_data");
        QueryPlan q = QueryPlan.of(t, e, ap, collection);
        List<String> pkFields = new ArrayList<>();
        q.partition().forEach(k -> k.template().fieldNames().stream().filter(f -> !pkFields.contains(f)).forEach(pkFields::add));
        q.range().ifPresent(r -> r.values().forEach(v -> v.param().ifPresent(p -> uses.mark(List.of(p), ParamUse.Use.RANGE))));
        uses.mark(q.keyParams(), ParamUse.Use.KEY);
        uses.markFilter(ap);
        requireAll(at, ap, pkFields, uses);
        boolean typeFilter = !collection && writesType && t.entities().size() > 1 && readable(q.index(), "entity_type");
        boolean typed = collection && q.returnsEntities();
        ResultKind r = typed ? ResultKind.ITEM_COLLECTION : q.returnsEntities() && !collection ? ResultKind.PAGE : ResultKind.PAGE_OF_ITEMS;
        Optional<CollectionPlan> union = typed ? Optional.of(CollectionPlan.of(t, e, ap, unionName(e, ap))) : Optional.empty();
        yield new Operation.Query(ap, uses.list(), r, q, typeFilter, ap.consistentRead() && q.index().isEmpty(), union);
      }
      case "Scan" -> {
        Optional<Schema.GsiDef> g = ap.indexName().flatMap(t::gsi);
        uses.markFilter(ap);
        boolean typeFilter = writesType && t.entities().size() > 1 && readable(g, "entity_type");
        ResultKind r = g.isPresent() && !g.get().projection().equals("ALL") ? ResultKind.PAGE_OF_ITEMS : ResultKind.PAGE;
        yield new Operation.Scan(ap, uses.list(), r, g, typeFilter, ap.consistentRead() && g.isEmpty());
      }
      case "BatchGetItem" -> {
        uses.markAll(ParamUse.Use.BATCH);
        yield new Operation.BatchGet(ap, uses.list(), ResultKind.LIST, keyFields, ap.consistentRead());
      }
      case "BatchWriteItem" -> {
        uses.markAll(ParamUse.Use.BATCH);
        yield new Operation.BatchWrite(ap, uses.list(), ResultKind.NONE, ap.batchDelete(), keyFields);
      }
      default -> throw new IllegalStateException("operation " + ap.operation() + " passed schema validation");
    };
    for (int i = 0; i < ap.parameters().size(); i++) {
      Schema.Parameter p = ap.parameters().get(i);
      if (!uses.used(p.name())) {
        diagnostics.add(Diagnostic.error("Codegen.UnusedParameter",
            "parameter `" + p.name() + "` of " + ap.operation() + " pattern " + ap.id() + " (" + ap.name() + ") is used by no key, range condition, filter, condition or update",
            SourceLocation.of(source, at + "/parameters/" + i), hint(ap)));
      }
    }
    return op;
  }

  private static String hint(Schema.AccessPattern ap) {
    return switch (ap.operation()) {
      case "Query" -> "use it in a key template, give the pattern a `range_condition`, or compare it in `filter_expression` (or remove it)";
      case "Scan" -> "compare it in `filter_expression` (or remove it)";
      case "UpdateItem" -> "name a field of the entity to set, or pass the entity (type `entity`), or remove it";
      default -> "remove it: this operation takes only the key fields or entities";
    };
  }

  private Operation update(String at, Schema.Entity e, Schema.AccessPattern ap, List<String> keyFields, List<KeyBuilder> idx, Uses uses) {
    Optional<String> fromEntity = ap.parameters().stream()
        .filter(p -> p.type().equals("entity") && p.entityType().orElse(e.name()).equals(e.name())).map(Schema.Parameter::name).findFirst();
    fromEntity.ifPresent(p -> uses.mark(List.of(p), ParamUse.Use.ENTITY));
    uses.mark(keyFields, ParamUse.Use.KEY);
    Optional<Condition> cond = uses.markCondition(ap);
    Optional<String> expectedVersion = Optional.empty();
    if (fromEntity.isEmpty() && uses.declared("version") && !uses.used("version")) {
      expectedVersion = Optional.of("version");
      uses.mark(List.of("version"), ParamUse.Use.VERSION);
    }
    List<String> assignments = new ArrayList<>();
    List<Operation.Action> actions = new ArrayList<>();
    boolean upsert = ap.update().map(Schema.UpdateActions::upsert).orElse(false);
    Set<String> known = new LinkedHashSet<>(keyFields);
    Set<String> touched = new LinkedHashSet<>();
    if (ap.update().isPresent()) {
      Schema.UpdateActions u = ap.update().get();
      for (Schema.SetAction a : u.set()) {
        Operation.ActionKind k = a.ifNotExists() ? Operation.ActionKind.SET_IF_MISSING : switch (a.operator()) {
          case "+" -> Operation.ActionKind.INCREMENT;
          case "-" -> Operation.ActionKind.DECREMENT;
          default -> Operation.ActionKind.SET;
        };
        Operation.Action action = new Operation.Action(k, a.field(), Optional.of(a.value()));
        actions.add(action);
        uses.mark(a.param().stream().toList(), ParamUse.Use.SET);
        if (action.known()) {
          known.add(a.field());
        }
      }
      for (Schema.AddAction a : u.add()) {
        actions.add(new Operation.Action(Operation.ActionKind.ADD, a.field(), Optional.of(a.value())));
        uses.mark(a.param().stream().toList(), ParamUse.Use.SET);
      }
      for (String f : u.remove()) {
        actions.add(new Operation.Action(Operation.ActionKind.REMOVE, f, Optional.empty()));
        known.add(f);
      }
      actions.forEach(x -> touched.add(x.field()));
      requireAll(at, ap, keyFields, uses);
    } else if (fromEntity.isPresent()) {
      e.fields().stream().map(Schema.Field::name).filter(f -> !keyFields.contains(f) && !f.equals("version")).forEach(assignments::add);
      ap.parameters().stream().map(Schema.Parameter::name).filter(n -> e.field(n).isPresent()).forEach(n -> uses.mark(List.of(n), ParamUse.Use.SET));
    } else {
      for (Schema.Parameter p : ap.parameters()) {
        if (!keyFields.contains(p.name()) && e.field(p.name()).isPresent() && !p.name().equals("version") && !uses.used(p.name())) {
          assignments.add(p.name());
          uses.mark(List.of(p.name()), ParamUse.Use.SET);
        }
      }
      requireAll(at, ap, keyFields, uses);
    }
    known.addAll(assignments);
    touched.addAll(assignments);
    List<KeyBuilder> upkeep = new ArrayList<>();
    for (KeyBuilder b : idx) {
      boolean isField = b.fields().size() == 1 && b.template().isSingleField() && b.attribute().equals(b.fields().get(0));
      boolean changed = b.fields().stream().anyMatch(touched::contains);
      // an upsert may create the item: index keys made of key fields alone are written then too
      boolean created = upsert && !b.fields().isEmpty() && keyFields.containsAll(b.fields());
      if (isField || !changed && !created) {
        continue;
      }
      if (known.containsAll(b.fields())) {
        upkeep.add(b);
      } else {
        diagnostics.add(Diagnostic.error("Codegen.StaleIndexKey",
            "UpdateItem pattern " + ap.id() + " (" + ap.name() + ") changes a field of index key attribute `" + b.attribute() + "` (template `" + b.template().text()
                + "`) but not all its fields " + b.fields() + " are known (an ADD or arithmetic result, an if_not_exists or an attribute copy is computed by DynamoDB), so the index key cannot be recomputed",
            SourceLocation.of(source, at + "/parameters"), "declare the missing fields as parameters and SET them, or pass the whole entity"));
      }
    }
    ResultKind r = fromEntity.isPresent() || upsert ? ResultKind.ITEM : ResultKind.OPTIONAL_ITEM;
    return new Operation.Update(ap, uses.list(), r, keyFields, assignments, upkeep, fromEntity, actions, upsert, cond, expectedVersion);
  }

  private void requireAll(String at, Schema.AccessPattern ap, List<String> fields, Uses uses) {
    for (String f : fields) {
      if (!uses.declared(f)) {
        diagnostics.add(Diagnostic.error("Codegen.MissingKeyParameter",
            ap.operation() + " pattern " + ap.id() + " (" + ap.name() + ") needs key field `" + f + "` but does not declare it as a parameter",
            SourceLocation.of(source, at + "/parameters"), "add {\"name\": \"" + f + "\", \"type\": \"...\"} to its parameters"));
      }
    }
  }

  /** Whether a Query or Scan of {@code index} (empty: the base table) can read {@code attribute}. */
  static boolean readable(Optional<Schema.GsiDef> index, String attribute) {
    if (index.isEmpty()) {
      return true;
    }
    return switch (index.get().projection()) {
      case "ALL" -> true;
      case "INCLUDE" -> index.get().includedAttributes().contains(attribute);
      default -> false;
    };
  }

  /** The uses found so far, one per declared parameter. */
  private static final class Uses {
    private final Schema.AccessPattern ap;
    private final Map<String, ParamUse.Use> uses = new java.util.LinkedHashMap<>();

    Uses(Schema.AccessPattern ap) {
      this.ap = ap;
    }

    boolean declared(String name) {
      return ap.parameters().stream().anyMatch(p -> p.name().equals(name));
    }

    boolean used(String name) {
      return uses.containsKey(name);
    }

    void mark(List<String> names, ParamUse.Use use) {
      for (String n : names) {
        if (declared(n)) {
          uses.putIfAbsent(n, use);
        }
      }
    }

    void markAll(ParamUse.Use use) {
      ap.parameters().forEach(p -> uses.putIfAbsent(p.name(), use));
    }

    /** The write condition, its parameters marked as condition values. */
    Optional<Condition> markCondition(Schema.AccessPattern ap) {
      Optional<Condition> c = ap.condition().map(Condition::of);
      c.ifPresent(x -> mark(x.params(), ParamUse.Use.CONDITION));
      return c;
    }

    void markFilter(Schema.AccessPattern ap) {
      ap.filter().ifPresent(f -> f.conditions().forEach(c -> {
        List<String> vs = new ArrayList<>();
        c.param().ifPresent(vs::add);
        c.param2().ifPresent(vs::add);
        vs.addAll(c.params());
        mark(vs, ParamUse.Use.FILTER);
      }));
    }

    List<ParamUse> list() {
      return ap.parameters().stream().filter(p -> uses.containsKey(p.name())).map(p -> new ParamUse(p.name(), p.type(), uses.get(p.name()))).toList();
    }
  }

  /** The templates of the given builders. */
  static List<KeyTemplate> templates(List<KeyBuilder> bs) {
    return bs.stream().map(KeyBuilder::template).toList();
  }
}
