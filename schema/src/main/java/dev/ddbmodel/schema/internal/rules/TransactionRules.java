package dev.ddbmodel.schema.internal.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.core.Suggestions;
import dev.ddbmodel.schema.Schema;
import dev.ddbmodel.schema.TransactionBindings;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules of the actions of {@code cross_table_access_patterns}: their shape (checked on the
 * JSON, with the other rules) and their bindings, repetition, same-item conflicts and size
 * (checked on the built schema once everything else is valid).
 *
 * <p>An action in the reference form (only {@code table}, {@code entity}, {@code action},
 * {@code condition}) keeps the reference's leniency: what cannot be bound is a warning there and
 * {@code ddbm generate} refuses it. An action that uses any construct of this format's extension
 * ({@code for_each}, {@code key}, {@code values}, {@code names}, {@code update}) is checked strictly.
 */
final class TransactionRules {
  static final List<String> KEYS = List.of("table", "entity", "action", "condition", "for_each", "key", "values", "names", "update");
  private static final Pattern CLAUSE = Pattern.compile("(?i)\\b(SET|REMOVE|ADD|DELETE)\\b");

  private TransactionRules() {}

  /** Whether an involvement (JSON) uses a construct beyond the reference form. */
  static boolean explicit(JsonNode inv) {
    // the same test as Schema.Involvement#explicit on the built action: an empty `key`, `values` or
    // `names` object binds nothing, so it leaves the action in the reference form (before, such an
    // action skipped the reference form's placeholder check here and the strict one later)
    return KEYS.subList(4, KEYS.size()).stream().anyMatch(k -> inv.has(k) && !(inv.get(k).isObject() && inv.get(k).isEmpty()) && !inv.get(k).isNull())
        || inv.path("condition").isObject();
  }

  /**
   * The shape of one involvement's extension fields.
   *
   * @param entity the JSON of the action's entity (missing when the table or entity is unknown)
   */
  static void shape(SchemaRules r, JsonNode inv, SchemaRules.At at, JsonNode entity) {
    inv.fieldNames().forEachRemaining(k -> {
      if (!KEYS.contains(k)) {
        r.warn("Schema.InvolvementKey", at.key(k), "`" + k + "` is not a property of an action in `entities_involved`; it is ignored", Suggestions.hint(k, KEYS));
      }
    });
    JsonNode fe = inv.get("for_each");
    if (fe != null && !fe.isTextual()) {
      r.error("Schema.ForEach", at.key("for_each"), "`for_each` must name a list parameter, found " + SchemaRules.typeName(fe),
          "\"for_each\": \"lines\" with a parameter {\"name\": \"lines\", \"type\": \"array\", \"entity_type\": \"CartLine\"}");
    }
    for (String map : List.of("key", "values")) {
      JsonNode m = inv.get(map);
      if (m == null) {
        continue;
      }
      if (!m.isObject()) {
        r.error("Schema.TransactionBinding", at.key(map), "`" + map + "` must be an object of bindings", map.equals("key")
            ? "{\"product_id\": \"lines.product_id\"}" : "{\":t\": \"threshold\"} or {\":open\": {\"literal\": true}}");
        continue;
      }
      m.properties().forEach(f -> {
        JsonNode v = f.getValue();
        JsonNode lit = v.isObject() && v.size() == 1 && v.has("literal") ? v.get("literal") : v.isObject() ? null : v;
        boolean ok = v.isTextual() && !v.asText().isEmpty() || lit != null && (lit.isTextual() || lit.isNumber() || lit.isBoolean());
        if (!ok) {
          r.error("Schema.TransactionBinding", at.key(map).key(f.getKey()), "a binding is a parameter name (`store_id`), a field of an entity or list parameter"
              + " (`order.status`) or {\"literal\": <string, number or boolean>}, found " + SchemaRules.typeName(v), "");
        }
        if (map.equals("values") && !f.getKey().startsWith(":")) {
          r.error("Schema.TransactionBinding", at.key(map).key(f.getKey()), "`" + f.getKey() + "` is not a value placeholder; they start with `:`",
              "write \":" + f.getKey() + "\"");
        }
      });
    }
    JsonNode names = inv.get("names");
    if (names != null) {
      if (!names.isObject()) {
        r.error("Schema.TransactionBinding", at.key("names"), "`names` must be an object of attribute names", "{\"#open\": \"open\"}");
      } else {
        names.properties().forEach(f -> {
          if (!f.getKey().startsWith("#")) {
            r.error("Schema.TransactionBinding", at.key("names").key(f.getKey()), "`" + f.getKey() + "` is not a name placeholder; they start with `#`",
                "write \"#" + f.getKey() + "\"");
          }
          if (!f.getValue().isTextual() || f.getValue().asText().isEmpty()) {
            r.error("Schema.TransactionBinding", at.key("names").key(f.getKey()), "a name placeholder binds a non-empty attribute name", "");
          }
        });
      }
    }
    Set<String> fieldNames = new LinkedHashSet<>();
    entity.path("fields").forEach(f -> fieldNames.add(f.path("name").asText("")));
    JsonNode cond = inv.get("condition");
    if (cond != null && cond.isObject()) {
      if (!entity.isMissingNode()) {
        ConditionRules.Types types = ConditionRules.types(entity);
        new ConditionRules(r, ConditionRules.Kind.CONDITION, types).check(cond, at.key("condition"), fieldNames, Set.of(), null);
      }
    } else if (cond != null && !cond.isNull() && !cond.isTextual()) {
      r.error("Schema.TransactionBinding", at.key("condition"), "`condition` must be a ConditionExpression text or a condition object, found "
          + SchemaRules.typeName(cond), "\"condition\": \"attribute_not_exists(pk)\", or {\"conditions\": [{\"field\": \"status\", \"operator\": \"=\", \"param\": \"from\"}]}");
    }
    JsonNode up = inv.get("update");
    if (up != null) {
      if (!inv.path("action").asText("").equals("Update")) {
        r.error("Schema.UpdateExpression", at.key("update"), "`update` belongs to an `Update` action, not `" + inv.path("action").asText("") + "`",
            "change the action to Update, or remove `update`");
      } else if (up.isObject()) {
        if (!entity.isMissingNode()) {
          new WriteRules(r).update(up, at.key("update"), "UpdateItem", entity, fieldNames, WriteRules.keyFields(entity), null);
        }
      } else if (!up.isTextual() || up.asText().isBlank()) {
        r.error("Schema.UpdateExpression", at.key("update"), "`update` must be an UpdateExpression text or an object of update actions",
            "\"update\": \"SET inventory = inventory - :quantity\", or {\"set\": [{\"field\": \"inventory\", \"operator\": \"-\", \"param\": \"quantity\"}]}");
      } else {
        clauses(up.asText()).ifPresent(msg -> r.error("Schema.UpdateExpression", at.key("update"), msg,
            "write clauses `SET a = :v, b = b + :n`, `REMOVE c`, `ADD d :n`, `DELETE s :x`, each at most once"));
      }
    }
  }

  /** Why an UpdateExpression's clauses are malformed, if they are. */
  static Optional<String> clauses(String text) {
    Matcher m = CLAUSE.matcher(text);
    if (!m.find() || !text.substring(0, m.start()).isBlank()) {
      return Optional.of("the update `" + text + "` does not start with SET, REMOVE, ADD or DELETE");
    }
    Set<String> seen = new LinkedHashSet<>();
    m.reset();
    int last = -1;
    while (m.find()) {
      String k = m.group(1).toUpperCase(Locale.ROOT);
      if (!seen.add(k)) {
        return Optional.of("the update `" + text + "` has two " + k + " clauses; list all its actions in one");
      }
      if (last >= 0 && text.substring(last, m.start()).isBlank()) {
        return Optional.of("a clause of the update `" + text + "` has no actions");
      }
      last = m.end();
    }
    if (text.substring(last).isBlank()) {
      return Optional.of("a clause of the update `" + text + "` has no actions");
    }
    return Optional.empty();
  }

  /** The binding, repetition, conflict and size rules, on a schema whose other rules hold. */
  static void semantic(SchemaRules r, Schema s) {
    SchemaRules.At root = SchemaRules.At.ROOT.key("cross_table_access_patterns");
    for (int i = 0; i < s.crossTablePatterns().size(); i++) {
      Schema.CrossTablePattern x = s.crossTablePatterns().get(i);
      SchemaRules.At xa = root.idx(i);
      int fixed = 0;
      for (int k = 0; k < x.entitiesInvolved().size(); k++) {
        Schema.Involvement inv = x.entitiesInvolved().get(k);
        SchemaRules.At ka = xa.key("entities_involved").idx(k);
        boolean strict = inv.explicit();
        if (inv.forEach().isEmpty()) {
          fixed++;
        } else if (!forEach(r, s, x, inv, ka)) {
          continue;
        }
        Schema.TableDef table = s.tableOf(inv.entity());
        inv.key().forEach((f, ref) -> {
          if (!TransactionBindings.keyFields(s.entities().get(inv.entity())).contains(f)) {
            r.error("Schema.TransactionBinding", ka.key("key").key(f), "`" + f + "` is not a key field of `" + inv.entity() + "`",
                Suggestions.hint(f, TransactionBindings.keyFields(s.entities().get(inv.entity()))));
          } else if (inv.action().equals("Put")) {
            r.error("Schema.TransactionBinding", ka.key("key").key(f), "a Put takes its key from the stored item; `key` does not apply", "remove `key`");
          }
          TransactionBindings.problem(s, x, inv, ref).ifPresent(p -> r.error("Schema.TransactionBinding", ka.key("key").key(f), p, hintFor(x)));
        });
        List<String> texts = TransactionBindings.texts(inv);
        for (String t : texts) {
          List<String> ps = new ArrayList<>(TransactionBindings.valuePlaceholders(t));
          ps.addAll(TransactionBindings.namePlaceholders(t));
          ps.stream().filter(ph -> ph.substring(1).startsWith("ddbm_")).forEach(ph -> r.error("Schema.TransactionBinding",
              ka.key(inv.condition().filter(t::equals).isPresent() ? "condition" : "update"), "placeholder `" + ph + "` starts with `ddbm_`, which the generated code uses itself",
              "rename it"));
        }
        inv.values().forEach((v, ref) -> {
          if (texts.stream().noneMatch(t -> TransactionBindings.valuePlaceholders(t).contains(v))) {
            r.error("Schema.TransactionBinding", ka.key("values").key(v), "`" + v + "` is bound but neither the condition nor the update uses it", "remove it, or use it");
          }
          TransactionBindings.problem(s, x, inv, ref).ifPresent(p -> r.error("Schema.TransactionBinding", ka.key("values").key(v), p, hintFor(x)));
        });
        inv.names().keySet().forEach(n -> {
          if (texts.stream().noneMatch(t -> TransactionBindings.namePlaceholders(t).contains(n))) {
            r.error("Schema.TransactionBinding", ka.key("names").key(n), "`" + n + "` is bound but neither the condition nor the update uses it", "remove it, or use it");
          }
        });
        TransactionBindings.Resolved b = TransactionBindings.resolve(s, x, inv);
        if (inv.action().equals("Put") && b.item().isEmpty()) {
          report(r, strict, "Schema.TransactionItem", ka.key("entity"), "the Put of `" + inv.entity() + "` has no item to store: no entity parameter of that type"
              + (inv.forEach().isPresent() ? " and the `for_each` list holds other entities" : ""),
              "add a parameter {\"name\": \"...\", \"type\": \"entity\", \"entity_type\": \"" + inv.entity() + "\"}");
        }
        for (String f : inv.action().equals("Put") ? List.<String>of() : b.unboundKey()) {
          report(r, strict, "Schema.UnboundKeyField", ka, "key field `" + f + "` of `" + inv.entity() + "` is bound by no parameter, no field of an entity parameter"
              + (inv.forEach().isPresent() ? ", no field of the `for_each` element" : "") + " and no `key` entry",
              "add a parameter named `" + f + "`, or bind it: \"key\": {\"" + f + "\": \"<param or param.field>\"}");
        }
        forms(r, s, x, inv, ka);
        for (String v : strict ? b.unboundValues() : List.<String>of()) {
          if (v.startsWith(":" + "ddbm_")) {
            continue; // an object form's value: reported at its `param` by forms()
          }
          report(r, true, "Schema.ConditionPlaceholder", ka.key(inv.condition().filter(c -> TransactionBindings.valuePlaceholders(c).contains(v)).isPresent() ? "condition" : "update"),
              "`" + v + "` is bound by no parameter, no field of an entity parameter" + (inv.forEach().isPresent() ? ", no field of the `for_each` element" : "")
                  + " and no `values` entry, so the transaction would fail when it runs",
              Suggestions.closest(v.substring(1), TransactionBindings.sourceNames(s, x, inv)).map(n -> "did you mean `:" + n + "`? or ").orElse("")
                  + "add a parameter named `" + v.substring(1) + "`, or bind it: \"values\": {\"" + v + "\": \"<param, param.field or {\\\"literal\\\": ...}>\"}");
        }
        TransactionBindings.updateText(inv).ifPresent(u -> {
          List<String> keyAttrs = new ArrayList<>();
          keyAttrs.add(table.partitionKey());
          table.sortKey().ifPresent(keyAttrs::add);
          for (String t : TransactionBindings.targets(u, b.names())) {
            if (keyAttrs.contains(t)) {
              r.error("Schema.UpdateExpression", ka.key("update"), "the update writes key attribute `" + t + "`; DynamoDB cannot change an item's key",
                  "delete the item and put a new one instead");
            }
          }
        });
      }
      sameItem(r, s, x, xa);
      if (fixed > TransactionBindings.MAX_ACTIONS) {
        r.error("Schema.TransactionSize", xa.key("entities_involved"), "the transaction has " + fixed + " actions; DynamoDB takes at most "
            + TransactionBindings.MAX_ACTIONS + " in one call", "split it into several transactions");
      }
    }
  }

  /**
   * The values of the object forms: each {@code param} binds (like {@code :param} in a text) and
   * its type fits the field it meets.
   */
  private static void forms(SchemaRules r, Schema s, Schema.CrossTablePattern x, Schema.Involvement inv, SchemaRules.At ka) {
    Schema.Entity e = s.entities().get(inv.entity());
    inv.conditionForm().ifPresent(f -> {
      for (int c = 0; c < f.conditions().size(); c++) {
        Schema.FilterCondition t = f.conditions().get(c);
        SchemaRules.At ca = ka.key("condition").key("conditions").idx(c);
        ParamTypes.Use use = ParamTypes.of(t.function().orElse(""), t.operator().orElse(""));
        // constants and attribute operands are checked with the condition's grammar (ConditionRules)
        t.param().ifPresent(p -> value(r, s, x, inv, e, t.field(), p, use, ca.key("param"), "Schema.ConditionParam", "Schema.ConditionParamType"));
        t.param2().ifPresent(p -> value(r, s, x, inv, e, t.field(), p, use, ca.key("param2"), "Schema.ConditionParam", "Schema.ConditionParamType"));
        for (int i = 0; i < t.list().size(); i++) {
          int at = i;
          t.list().get(i).paramName().ifPresent(p -> value(r, s, x, inv, e, t.field(), p, use, ca.key("params").idx(at), "Schema.ConditionParam",
              "Schema.ConditionParamType"));
        }
      }
    });
    inv.updateForm().ifPresent(u -> {
      for (int i = 0; i < u.set().size(); i++) {
        Schema.SetAction a = u.set().get(i);
        int at = i;
        a.param().ifPresent(p -> update(r, s, x, inv, e, a.field(), p, a.operator(), ka.key("update").key("set").idx(at).key("param")));
      }
      for (int i = 0; i < u.add().size(); i++) {
        Schema.AddAction a = u.add().get(i);
        int at = i;
        a.param().ifPresent(p -> update(r, s, x, inv, e, a.field(), p, "+", ka.key("update").key("add").idx(at).key("param")));
      }
    });
  }

  private static Optional<Schema.ValueRef> bind(SchemaRules r, Schema s, Schema.CrossTablePattern x, Schema.Involvement inv, String src, SchemaRules.At at,
      String id) {
    Optional<Schema.ValueRef> ref = TransactionBindings.source(s, x, inv, src);
    if (ref.isEmpty()) {
      List<String> names = TransactionBindings.sourceNames(s, x, inv);
      r.error(id, at, "`" + src + "` names no value here: no parameter, no field of an entity parameter" + (inv.forEach().isPresent() ? ", no field of the `for_each` element" : ""),
          names.isEmpty() ? "declare it in `parameters`" : Suggestions.closest(src, names).map(n -> "did you mean `" + n + "`?").orElse("values: " + String.join(", ", names)));
    }
    return ref;
  }

  private static void value(SchemaRules r, Schema s, Schema.CrossTablePattern x, Schema.Involvement inv, Schema.Entity e, String field, String src,
      ParamTypes.Use use, SchemaRules.At at, String id, String typeId) {
    bind(r, s, x, inv, src, at, id).flatMap(ref -> TransactionBindings.typeOf(s, x, ref)).ifPresent(pt -> e.field(field).ifPresent(f ->
        ParamTypes.mismatch(f.type().schemaName(), f.itemType(), pt, use).ifPresent(why -> r.error(typeId, at,
            "`" + src + "` is `" + pt + "` but field `" + field + "` is `" + f.type().schemaName() + "`: " + why, "bind a value of the field's type"))));
  }

  private static void update(SchemaRules r, Schema s, Schema.CrossTablePattern x, Schema.Involvement inv, Schema.Entity e, String field, String src,
      String operator, SchemaRules.At at) {
    bind(r, s, x, inv, src, at, "Schema.UpdateParam").flatMap(ref -> TransactionBindings.typeOf(s, x, ref)).ifPresent(pt -> e.field(field).ifPresent(f ->
        WriteRules.paramType(r, field, f.type().schemaName(), f.itemType(), src, pt, operator, at)));
  }

  private static String hintFor(Schema.CrossTablePattern x) {
    List<String> ps = x.parameters().stream().map(Schema.Parameter::name).toList();
    return ps.isEmpty() ? "declare the parameter first" : "parameters: " + String.join(", ", ps);
  }

  private static void report(SchemaRules r, boolean strict, String id, SchemaRules.At at, String msg, String hint) {
    if (strict) {
      r.error(id, at, msg, hint);
    } else {
      r.warn(id, at, msg + " (`ddbm generate` refuses it)", hint);
    }
  }

  /** The for_each list is an {@code array} parameter with an {@code entity_type}; false when it is not usable. */
  private static boolean forEach(SchemaRules r, Schema s, Schema.CrossTablePattern x, Schema.Involvement inv, SchemaRules.At ka) {
    String l = inv.forEach().orElseThrow();
    Optional<Schema.Parameter> p = x.parameters().stream().filter(q -> q.name().equals(l)).findFirst();
    if (p.isEmpty()) {
      r.error("Schema.ForEach", ka.key("for_each"), "`for_each` names `" + l + "`, which is not a parameter of the pattern",
          Suggestions.hint(l, x.parameters().stream().map(Schema.Parameter::name).toList()));
      return false;
    }
    if (!p.get().type().equals("array") || p.get().entityType().map(s.entities()::get).isEmpty()) {
      r.error("Schema.ForEach", ka.key("for_each"), "`for_each` list `" + l + "` must be a parameter of type `array` with the `entity_type` of its elements",
          "{\"name\": \"" + l + "\", \"type\": \"array\", \"entity_type\": \"<Entity>\"}");
      return false;
    }
    if (x.operation().equals("TransactGet")) {
      r.error("Schema.ForEach", ka.key("for_each"), "`for_each` repeats write actions; a TransactGet reads a fixed set of items", "remove `for_each`");
      return false;
    }
    return true;
  }

  /**
   * DynamoDB refuses a transaction with two actions on one item ("Transaction request cannot include
   * multiple operations on one item"): reported where {@link TransactionBindings#sameItems} proves it.
   */
  private static void sameItem(SchemaRules r, Schema s, Schema.CrossTablePattern x, SchemaRules.At xa) {
    for (TransactionBindings.SameItem p : TransactionBindings.sameItems(s, x)) {
      Schema.Involvement ia = x.entitiesInvolved().get(p.first());
      Schema.Involvement ib = x.entitiesInvolved().get(p.second());
      report(r, ia.explicit() || ib.explicit(), "Schema.SameItem", xa.key("entities_involved").idx(p.second()), p.message(x),
          "merge the condition into the other action's condition, or bind this action's key to another item (`key`)");
    }
  }
}
