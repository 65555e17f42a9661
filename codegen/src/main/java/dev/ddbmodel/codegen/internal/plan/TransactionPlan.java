package dev.ddbmodel.codegen.internal.plan;

import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.SourceLocation;
import dev.ddbmodel.schema.Schema;
import dev.ddbmodel.schema.TransactionBindings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One cross-table pattern as a language-neutral transaction: every action with its key sources,
 * its final condition and update texts, and the value of every placeholder. Renderers only spell
 * it out.
 *
 * @param pattern the schema's pattern
 * @param write TransactWriteItems (else TransactGetItems)
 * @param actions the actions in request order (a repeated one yields one request item per element)
 */
public record TransactionPlan(Schema.CrossTablePattern pattern, boolean write, List<Action> actions) {
  /** Name prefix of the placeholders the plan adds itself; a schema's own never collide (validated texts use theirs). */
  public static final String OWN = "ddbm_";

  public TransactionPlan {
    actions = List.copyOf(actions);
  }

  /** The number of request items when no action repeats; a repeated action adds one per element at run time. */
  public int fixedActions() {
    return (int) actions.stream().filter(a -> a.forEach().isEmpty()).count();
  }

  /** True when an action repeats over a list (the item count is known only at run time). */
  public boolean repeats() {
    return actions.stream().anyMatch(a -> a.forEach().isPresent());
  }

  /**
   * True when some value is left to the caller: the method then takes a trailing {@code
   * condition_values} map (a placeholder of a reference-form action that nothing binds).
   */
  public boolean suppliedValues() {
    return actions.stream().anyMatch(a -> a.values().values().stream().anyMatch(v -> v instanceof Schema.ValueRef.Supplied));
  }

  /** The list parameters some action repeats over, each once, in order. */
  public List<String> lists() {
    return actions.stream().flatMap(a -> a.forEach().stream()).distinct().toList();
  }

  /**
   * One action.
   *
   * @param index its position in {@code entities_involved}
   * @param action Put, Update, Delete, ConditionCheck or Get
   * @param entity the entity whose item it touches
   * @param forEach the list parameter it repeats over, if any ({@link #element} is then its entity)
   * @param element the entity type of the list's elements
   * @param item the entity a Put stores (an entity parameter, or the list itself: then each element)
   * @param key every key field of {@code entity} to its source
   * @param condition the ConditionExpression, if any
   * @param update the UpdateExpression of an Update (with the version bump), if any
   * @param names every {@code #placeholder} of condition and update to its attribute
   * @param values every {@code :placeholder} of condition and update to its source
   */
  public record Action(int index, String action, String entity, Optional<String> forEach, Optional<String> element, Optional<Schema.ValueRef.Ref> item,
      Map<String, Schema.ValueRef> key, Optional<String> condition, Optional<String> update, Map<String, String> names, Map<String, Schema.ValueRef> values) {
    public Action {
      key = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(key));
      names = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(names));
      values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** How a cancellation reason names this action (a repeated one adds {@code [element index]}). */
    public String label() {
      return index + " " + action + " " + entity + forEach.map(l -> " " + l).orElse("");
    }

    /** The entity parameters whose field values the action reads ({@code param.field} sources), each once. */
    public List<String> entityParams() {
      List<String> out = new ArrayList<>();
      List<Schema.ValueRef> all = new ArrayList<>(item.isPresent() ? List.of() : key.values());
      all.addAll(values.values());
      for (Schema.ValueRef r : all) {
        if (r instanceof Schema.ValueRef.Ref ref && ref.field().isPresent() && !ref.param().equals(forEach.orElse("")) && !out.contains(ref.param())) {
          out.add(ref.param());
        }
      }
      return out;
    }
  }

  private static final Pattern SET = Pattern.compile("(?i)\\bSET\\b");

  /** The plan of pattern {@code xi} of {@code s}; what it cannot bind is reported into {@code diagnostics}. */
  static TransactionPlan of(Schema s, int xi, String source, List<Diagnostic> diagnostics) {
    Schema.CrossTablePattern x = s.crossTablePatterns().get(xi);
    String at = "/cross_table_access_patterns/" + xi;
    List<Action> actions = new ArrayList<>();
    for (int k = 0; k < x.entitiesInvolved().size(); k++) {
      Schema.Involvement inv = x.entitiesInvolved().get(k);
      String ka = at + "/entities_involved/" + k;
      TransactionBindings.Resolved b = TransactionBindings.resolve(s, x, inv);
      for (String f : b.unboundKey()) {
        diagnostics.add(Diagnostic.error("Codegen.UnboundKeyField", "key field `" + f + "` of the " + inv.action() + " of `" + inv.entity() + "` in transaction "
            + x.id() + " (" + x.name() + ") is bound by nothing", SourceLocation.of(source, ka), "add a parameter named `" + f + "`, or bind it in `key`"));
      }
      Map<String, Schema.ValueRef> values = new LinkedHashMap<>(b.values());
      for (String v : b.unboundValues()) {
        if (!inv.explicit()) {
          values.put(v, new Schema.ValueRef.Supplied(v));
          continue;
        }
        throw new IllegalStateException("`" + v + "` of an extended-form action passed validation unbound");
      }
      if (inv.action().equals("Put") && b.item().isEmpty()) {
        diagnostics.add(Diagnostic.error("Codegen.NothingToStore", "the Put of `" + inv.entity() + "` in transaction " + x.id() + " (" + x.name()
            + ") has no entity parameter of that type to store", SourceLocation.of(source, ka + "/entity"),
            "add a parameter {\"name\": \"...\", \"type\": \"entity\", \"entity_type\": \"" + inv.entity() + "\"}"));
      }
      Map<String, String> names = new LinkedHashMap<>(b.names());
      Optional<String> condition = TransactionBindings.conditionText(inv);
      if (inv.action().equals("ConditionCheck") && condition.isEmpty()) {
        condition = Optional.of("attribute_exists(#" + OWN + "pk)");
        names.put("#" + OWN + "pk", s.tableOf(inv.entity()).partitionKey());
      }
      Optional<String> update = Optional.empty();
      if (inv.action().equals("Update")) {
        update = Optional.of(update(s, x, inv, names, values));
      }
      Optional<String> element = TransactionBindings.element(s, x, inv).map(Schema.Entity::name);
      actions.add(new Action(k, inv.action(), inv.entity(), inv.forEach(), element, b.item(), b.key(), condition, update, names, values));
    }
    for (TransactionBindings.SameItem p : TransactionBindings.sameItems(s, x)) {
      diagnostics.add(Diagnostic.error("Codegen.SameItem", p.message(x), SourceLocation.of(source, at + "/entities_involved/" + p.second()),
          "merge the condition into the other action's condition, or bind this action's key to another item (`key`)"));
    }
    return new TransactionPlan(x, x.operation().equals("TransactWrite"), actions);
  }

  /**
   * The final UpdateExpression: the schema's {@code update}, as text or rendered from its object
   * form ({@link dev.ddbmodel.schema.Expressions}) (or, in the reference form, a SET of
   * every plain parameter named like a non-key field), plus {@code version = version + 1} unless
   * the update writes {@code version} itself.
   */
  private static String update(Schema s, Schema.CrossTablePattern x, Schema.Involvement inv, Map<String, String> names, Map<String, Schema.ValueRef> values) {
    Schema.Entity e = s.entities().get(inv.entity());
    String text;
    if (TransactionBindings.updateText(inv).isPresent()) {
      text = TransactionBindings.updateText(inv).get();
    } else {
      List<String> sets = new ArrayList<>();
      List<String> keyFields = TransactionBindings.keyFields(e);
      for (Schema.Parameter p : x.parameters()) {
        if (!p.type().equals("entity") && e.field(p.name()).isPresent() && !keyFields.contains(p.name()) && !p.name().equals("version")
            && !inv.forEach().orElse("").equals(p.name())) {
          String n = OWN + "f" + sets.size();
          names.put("#" + n, p.name());
          values.put(":" + n, new Schema.ValueRef.Ref(p.name(), Optional.empty()));
          sets.add("#" + n + " = :" + n);
        }
      }
      text = sets.isEmpty() ? "" : "SET " + String.join(", ", sets);
    }
    if (TransactionBindings.targets(text, names).contains("version")) {
      return text;
    }
    String bump = "#" + OWN + "ver = if_not_exists(#" + OWN + "ver, :" + OWN + "zero) + :" + OWN + "one";
    names.put("#" + OWN + "ver", "version");
    values.put(":" + OWN + "zero", new Schema.ValueRef.Literal("0"));
    values.put(":" + OWN + "one", new Schema.ValueRef.Literal("1"));
    Matcher m = SET.matcher(text);
    if (m.find()) {
      return text.substring(0, m.end()) + " " + bump + "," + text.substring(m.end());
    }
    return text.isBlank() ? "SET " + bump : text + " SET " + bump;
  }
}
