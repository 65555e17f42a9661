package dev.ddbmodel.codegen.internal.typescript;

import static dev.ddbmodel.codegen.internal.typescript.TsWriter.cls;
import static dev.ddbmodel.codegen.internal.typescript.TsWriter.prop;
import static dev.ddbmodel.codegen.internal.typescript.TsWriter.q;
import static dev.ddbmodel.codegen.internal.typescript.TsWriter.var;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.codegen.internal.plan.TransactionPlan;
import dev.ddbmodel.core.json.Json;
import dev.ddbmodel.schema.Schema;
import dev.ddbmodel.schema.TransactionBindings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The TypeScript TransactionService (cross-table patterns), rendered from the {@link TransactionPlan}s. */
final class TsTransactionWriter {
  private final Schema schema;
  private final List<TransactionPlan> plans;
  private final Map<String, Object> mapping;

  TsTransactionWriter(Schema schema, List<TransactionPlan> plans, Map<String, Object> mapping) {
    this.schema = schema;
    this.plans = plans;
    this.mapping = mapping;
  }

  String write() {
    StringBuilder body = new StringBuilder();
    body.append("\n/** One item of a write transaction. */\nexport type WriteItem = NonNullable<TransactWriteCommandInput[\"TransactItems\"]>[number];\n");
    body.append("/** One item of a read transaction. */\nexport type GetItem = NonNullable<TransactGetCommandInput[\"TransactItems\"]>[number];\n\n");
    body.append("/** DynamoDB's limit on the actions of one transaction. */\nexport const MAX_ACTIONS = ").append(TransactionBindings.MAX_ACTIONS).append(";\n\n");
    body.append("""
        /** The actions of one transaction: request items, their labels and the items they touch. */
        export class Actions<T> {
          readonly items: T[] = [];
          readonly labels: string[] = [];
          private readonly seen = new Map<string, string>();

          add(label: string, table: string, key: Item, item: T): void {
            const id = `${table}\\u0000${JSON.stringify(Object.keys(key).sort().map((k) => [k, key[k]]))}`;
            const before = this.seen.get(id);
            if (before !== undefined) {
              throw new Error(`actions '${before}' and '${label}' touch the same item; DynamoDB refuses two actions on one item in a transaction`);
            }
            this.seen.set(id, label);
            this.labels.push(label);
            this.items.push(item);
            if (this.items.length > MAX_ACTIONS) {
              throw new Error(`the transaction has more than ${MAX_ACTIONS} actions; DynamoDB takes at most ${MAX_ACTIONS}`);
            }
          }
        }

        /** A value the schema leaves to the caller (a reference-form condition placeholder nothing binds). */
        export function supplied(values: Item, placeholder: string): unknown {
          const name = placeholder.slice(1);
          if (!(name in values)) {
            throw new Error(`the transaction needs a value for ${placeholder}: pass it in conditionValues`);
          }
          return values[name];
        }

        /** The condition, names and values of a request, each only when there is one. */
        export function expr(
          condition: string | undefined,
          names: Record<string, string>,
          values: Item,
        ): { ConditionExpression?: string; ExpressionAttributeNames?: Record<string, string>; ExpressionAttributeValues?: Item } {
          const out: { ConditionExpression?: string; ExpressionAttributeNames?: Record<string, string>; ExpressionAttributeValues?: Item } = {};
          if (condition !== undefined) {
            out.ConditionExpression = condition;
          }
          if (Object.keys(names).length > 0) {
            out.ExpressionAttributeNames = names;
          }
          if (Object.keys(values).length > 0) {
            out.ExpressionAttributeValues = values;
          }
          return out;
        }

        """);
    body.append("/** Atomic operations across tables. */\nexport class TransactionService {\n  constructor(readonly client: DynamoDBDocumentClient) {}\n");
    if (plans.stream().anyMatch(TransactionPlan::write)) {
      body.append("""

          private async commit(actions: Actions<WriteItem>): Promise<boolean> {
            if (actions.items.length === 0) {
              return true;
            }
            try {
              await this.client.send(new TransactWriteCommand({ TransactItems: actions.items }));
              return true;
            } catch (err) {
              if (isError(err, "TransactionCanceledException")) {
                throw new TransactionCancelledError(err, actions.labels);
              }
              throw err;
            }
          }
        """);
    }
    for (TransactionPlan tp : plans) {
      Schema.CrossTablePattern x = tp.pattern();
      method(body, tp);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("pattern_id", x.id());
      m.put("description", x.description());
      m.put("operation", x.operation());
      m.put("typescript_method", "TransactionService." + var(x.name()));
      m.put("return_type", x.returnType());
      mapping.put(String.format(Locale.ROOT, "%05d", x.id()), m);
    }
    body.append("}\n");
    String code = body.toString();
    StringBuilder sb = new StringBuilder("// Atomic operations across tables (generated by ddbm).\n");
    sb.append(TsWriter.imports(code, "@aws-sdk/lib-dynamodb", List.of("DynamoDBDocumentClient", "NumberValue", "TransactGetCommand", "TransactGetCommandInput",
        "TransactWriteCommand", "TransactWriteCommandInput")));
    List<String> types = new ArrayList<>();
    schema.entities().keySet().forEach(n -> {
      types.add(cls(n));
      types.add(cls(n) + "Repository");
    });
    sb.append(TsWriter.imports(code, "./entities", types.stream().filter(t -> !t.endsWith("Repository")).toList()));
    sb.append(TsWriter.imports(code, "./repositories", types.stream().filter(t -> t.endsWith("Repository")).toList()));
    sb.append(TsWriter.imports(code, "./runtime", List.of("Item", "TransactionCancelledError", "isError", "toValues")));
    return sb.append(code).toString();
  }

  private void method(StringBuilder sb, TransactionPlan tp) {
    Schema.CrossTablePattern x = tp.pattern();
    List<String> params = new ArrayList<>();
    for (Schema.Parameter p : x.parameters()) {
      String type = p.type().equals("array") && p.entityType().isPresent() && tp.lists().contains(p.name()) ? cls(p.entityType().get()) + "[]" : TsWriter.paramType(p);
      params.add(var(p.name()) + ": " + type);
    }
    if (tp.suppliedValues()) {
      params.add("conditionValues: Item = {}");
    }
    Map<String, Integer> found = new LinkedHashMap<>();
    if (!tp.write()) {
      for (int k = 0; k < tp.actions().size(); k++) {
        found.remove(tp.actions().get(k).entity());
        found.put(tp.actions().get(k).entity(), k);
      }
    }
    String returns = tp.write() ? "boolean" : "{ " + String.join("; ", found.keySet().stream().map(n -> prop(n) + ": " + cls(n) + " | undefined").toList()) + " }";
    sb.append("\n  /** Pattern ").append(x.id()).append(": ").append(TsWriter.doc(x.description())).append(" */\n");
    sb.append("  async ").append(var(x.name())).append("(").append(String.join(", ", params)).append("): Promise<").append(returns).append("> {\n");
    int bodyStart = sb.length();
    List<String> dumped = new ArrayList<>();
    tp.actions().forEach(a -> a.entityParams().stream().filter(p -> !dumped.contains(p)).forEach(dumped::add));
    for (int i = 0; i < dumped.size(); i++) {
      sb.append("    const ddbmDumped").append(i).append(" = toValues(").append(var(dumped.get(i))).append(");\n");
    }
    sb.append("    const ddbmActions = new Actions<").append(tp.write() ? "WriteItem" : "GetItem").append(">();\n");
    for (TransactionPlan.Action a : tp.actions()) {
      String indent = "    ";
      String label = q(a.label());
      if (a.forEach().isPresent()) {
        sb.append("    for (const [ddbmI, ddbmEach] of ").append(var(a.forEach().get())).append(".entries()) {\n");
        if (readsElement(a)) {
          sb.append("      const ddbmElement = toValues(ddbmEach);\n");
        }
        indent = "      ";
        label = q(a.label() + "[") + " + String(ddbmI) + \"]\"";
      }
      sb.append(indent).append("{\n");
      sb.append(indent).append("  const r = new ").append(cls(a.entity())).append("Repository(this.client);\n");
      if (a.item().isPresent()) {
        String ent = a.forEach().isPresent() && a.item().get().param().equals(a.forEach().get()) ? "ddbmEach" : var(a.item().get().param());
        sb.append(indent).append("  const key = r.key(toValues(").append(ent).append("));\n");
        sb.append(indent).append("  ddbmActions.add(").append(label).append(", r.tableName, key, { Put: { TableName: r.tableName, Item: r.toItem(").append(ent).append("), ")
            .append(expr(a, dumped)).append(" } });\n");
      } else {
        sb.append(indent).append("  const key = r.key(").append(obj(a, a.key(), dumped)).append(");\n");
        sb.append(indent).append("  ddbmActions.add(").append(label).append(", r.tableName, key, { ").append(a.action()).append(": { TableName: r.tableName, Key: key");
        a.update().ifPresent(u -> sb.append(", UpdateExpression: ").append(q(u)));
        if (!a.action().equals("Get")) {
          sb.append(", ").append(expr(a, dumped));
        }
        sb.append(" } });\n");
      }
      sb.append(indent).append("}\n");
      if (a.forEach().isPresent()) {
        sb.append("    }\n");
      }
    }
    if (tp.write()) {
      sb.append("    return this.commit(ddbmActions);\n  }\n");
    } else {
      sb.append("    const r = await this.client.send(new TransactGetCommand({ TransactItems: ddbmActions.items }));\n    const responses = r.Responses ?? [];\n");
      List<String> props = new ArrayList<>();
      found.forEach((e, k) -> {
        sb.append("    const i").append(k).append(" = responses[").append(k).append("]?.Item;\n");
        props.add(prop(e) + ": i" + k + " === undefined ? undefined : new " + cls(e) + "Repository(this.client).fromItem(i" + k + ")");
      });
      sb.append("    return { ").append(String.join(", ", props)).append(" };\n  }\n");
    }
    unusedParameters(sb, bodyStart, x);
  }

  /**
   * A parameter the schema declares but no action reads still belongs to the method's signature
   * (the other languages keep it too), and strict TypeScript ({@code noUnusedParameters}) refuses
   * it: it is consumed with {@code void} at the top of the body. Decided from the rendered body,
   * which is exactly what the compiler checks.
   */
  private static void unusedParameters(StringBuilder sb, int bodyStart, Schema.CrossTablePattern x) {
    String body = sb.substring(bodyStart);
    StringBuilder voids = new StringBuilder();
    for (Schema.Parameter p : x.parameters()) {
      String name = var(p.name());
      if (!java.util.regex.Pattern.compile("(?<![\\w$])" + java.util.regex.Pattern.quote(name) + "(?![\\w$])").matcher(body).find()) {
        voids.append("    void ").append(name).append("; // declared by the schema, read by no action\n");
      }
    }
    sb.insert(bodyStart, voids);
  }

  /**
   * Whether the rendered body of a repeated action reads a field of its element through
   * {@code ddbmElement}: a binding of the key (rendered unless the action puts an item, whose key
   * comes from the item) or of a value (rendered unless the action is a Get), tested as
   * {@link #value} renders it. A repeated Put of the element itself uses {@code ddbmEach} only,
   * and strict TypeScript ({@code noUnusedLocals}) refuses an unread local.
   */
  static boolean readsElement(TransactionPlan.Action a) {
    java.util.stream.Stream<Schema.ValueRef> keys = a.item().isPresent() ? java.util.stream.Stream.empty() : a.key().values().stream();
    java.util.stream.Stream<Schema.ValueRef> values = a.action().equals("Get") ? java.util.stream.Stream.empty() : a.values().values().stream();
    return a.forEach().isPresent() && java.util.stream.Stream.concat(keys, values)
        .anyMatch(v -> v instanceof Schema.ValueRef.Ref r && r.field().isPresent() && r.param().equals(a.forEach().get()));
  }

  private static String expr(TransactionPlan.Action a, List<String> dumped) {
    String names = "{ " + String.join(", ", a.names().entrySet().stream().map(e -> q(e.getKey()) + ": " + q(e.getValue())).toList()) + " }";
    return a.condition().map(c -> "ConditionExpression: " + q(c) + ", ").orElse("") + "...expr(undefined, " + (a.names().isEmpty() ? "{}" : names) + ", "
        + obj(a, a.values(), dumped) + ")";
  }

  private static String obj(TransactionPlan.Action a, Map<String, Schema.ValueRef> m, List<String> dumped) {
    if (m.isEmpty()) {
      return "{}";
    }
    return "{ " + String.join(", ", m.entrySet().stream().map(e -> q(e.getKey()) + ": " + value(a, e.getValue(), dumped)).toList()) + " }";
  }

  /** A value source as a TypeScript expression. */
  static String value(TransactionPlan.Action a, Schema.ValueRef v, List<String> dumped) {
    if (v instanceof Schema.ValueRef.Literal l) {
      JsonNode n = Json.parseTrusted(l.json());
      if (n.isNumber() && !TsWriter.exactAsDouble(n.decimalValue())) {
        // a JavaScript number would round it (or marshall would refuse it): the exact text goes to DynamoDB
        return "NumberValue.from(" + q(n.decimalValue().toPlainString()) + ")";
      }
      return n.isTextual() ? q(n.asText()) : n.toString();
    }
    if (v instanceof Schema.ValueRef.Supplied s) {
      return "supplied(conditionValues, " + q(s.placeholder()) + ")";
    }
    Schema.ValueRef.Ref r = (Schema.ValueRef.Ref) v;
    if (r.field().isEmpty()) {
      return var(r.param());
    }
    String base = a.forEach().isPresent() && a.forEach().get().equals(r.param()) ? "ddbmElement" : "ddbmDumped" + dumped.indexOf(r.param());
    return base + "[" + q(r.field().get()) + "]";
  }
}
