package dev.ddbmodel.codegen.internal.typescript;

import dev.ddbmodel.core.internal.guide.DynamoDbLimits;
import static dev.ddbmodel.codegen.internal.typescript.TsWriter.cls;
import static dev.ddbmodel.codegen.internal.typescript.TsWriter.fn;
import static dev.ddbmodel.codegen.internal.typescript.TsWriter.prop;
import static dev.ddbmodel.codegen.internal.typescript.TsWriter.q;
import static dev.ddbmodel.codegen.internal.typescript.TsWriter.var;

import dev.ddbmodel.codegen.internal.plan.CollectionPlan;
import dev.ddbmodel.codegen.internal.plan.Condition;
import dev.ddbmodel.codegen.internal.plan.EntityPlan;
import dev.ddbmodel.codegen.internal.plan.KeyBuilder;
import dev.ddbmodel.codegen.internal.plan.Operation;
import dev.ddbmodel.codegen.internal.plan.ParamUse;
import dev.ddbmodel.codegen.internal.plan.QueryPlan;
import dev.ddbmodel.codegen.internal.plan.ResultKind;
import dev.ddbmodel.schema.KeyTemplate;
import dev.ddbmodel.schema.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One entity's TypeScript repository class. */
final class TsRepositoryWriter {
  private final Schema.TableDef table;
  private final Schema.Entity e;
  private final Map<String, Object> mapping;
  private final String type;
  private final String repo;

  private final EntityPlan plan;

  TsRepositoryWriter(EntityPlan plan, Map<String, Object> mapping) {
    this.plan = plan;
    Schema.TableDef table = plan.table();
    Schema.Entity e = plan.entity();
    this.table = table;
    this.e = e;
    this.mapping = mapping;
    this.type = cls(e.name());
    this.repo = type + "Repository";
  }

  private List<String> keyFields() {
    List<KeyTemplate> ts = new ArrayList<>(List.of(e.pkTemplate()));
    e.skTemplate().ifPresent(ts::add);
    return TsWriter.fields(ts);
  }

  private String fieldType(String f) {
    return e.field(f).map(TsWriter::tsType).orElse("unknown");
  }

  String write() {
    StringBuilder sb = new StringBuilder();
    sb.append("/** ").append(TsWriter.doc(e.name() + " items in table " + table.name())).append(": CRUD and every access pattern. */\n");
    sb.append("export class ").append(repo).append(" {\n  static readonly TABLE_NAME = ").append(q(table.name())).append(";\n\n");
    sb.append("  constructor(\n    private readonly client: DynamoDBDocumentClient,\n    readonly tableName: string = ").append(repo).append(".TABLE_NAME,\n  ) {}\n\n");
    sb.append("  /** The primary key from field values. */\n  key(values: Item): Item {\n    return ").append(fn(e.name())).append("Key(values);\n  }\n\n");
    sb.append("  /** The item: fields, primary key, and the key attributes of every mapped GSI. */\n  toItem(entity: ").append(type).append("): Item {\n    return ")
        .append(fn(e.name())).append("Item(entity);\n  }\n\n");
    sb.append("  fromItem(item: Item): ").append(type).append(" {\n    return ").append(fn(e.name())).append("FromItem(item);\n  }\n\n");
    crud(sb);
    for (Schema.AccessPattern ap : e.accessPatterns()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("pattern_id", ap.id());
      m.put("description", ap.description());
      m.put("entity", e.name());
      m.put("table", table.name());
      m.put("operation", ap.operation());
      ap.indexName().ifPresent(i -> m.put("index", i));
      m.put("typescript_method", repo + "." + var(ap.name()));
      m.put("return_type", ap.returnType());
      mapping.put(String.format(Locale.ROOT, "%05d", ap.id()), m);
      pattern(sb, ap);
    }
    sb.setLength(sb.length() - 1);
    sb.append("}\n");
    return sb.toString();
  }

  private String args(List<String> fields) {
    List<String> a = new ArrayList<>();
    fields.forEach(f -> a.add(var(f) + ": " + fieldType(f)));
    return String.join(", ", a);
  }

  static String mapOf(List<String> fields) {
    if (fields.isEmpty()) {
      return "{}";
    }
    List<String> kv = new ArrayList<>();
    fields.forEach(f -> kv.add(prop(f) + ": " + var(f)));
    return "{ " + String.join(", ", kv) + " }";
  }

  private String conflict(String what) {
    return "      if (isError(err, \"ConditionalCheckFailedException\")) {\n        throw new ConcurrentModificationError(" + what + ", err);\n      }\n      throw err;\n";
  }

  private void crud(StringBuilder sb) {
    List<String> kf = keyFields();
    String sep = kf.isEmpty() ? "" : ", ";
    sb.append("  /** Stores a new item (version 1); throws ConcurrentModificationError if the key exists. */\n");
    sb.append("  async create(entity: ").append(type).append("): Promise<").append(type).append("> {\n    const created: ").append(type)
        .append(" = { ...entity, version: 1 };\n    try {\n      await this.client.send(\n        new PutCommand({\n          TableName: this.tableName,\n");
    sb.append("          Item: this.toItem(created),\n          ConditionExpression: \"attribute_not_exists(#pk)\",\n          ExpressionAttributeNames: { \"#pk\": ")
        .append(q(table.partitionKey())).append(" },\n        }),\n      );\n    } catch (err) {\n");
    sb.append(conflict(q(e.name()) + " + ` already exists: ${JSON.stringify(this.key(toValues(entity)))}`"));
    sb.append("    }\n    return created;\n  }\n\n");
    sb.append("  /** The item with this key, if any. */\n  async get(").append(args(kf)).append(sep).append("consistentRead = false): Promise<").append(type)
        .append(" | undefined> {\n");
    sb.append("    const r = await this.client.send(new GetCommand({ TableName: this.tableName, Key: this.key(").append(mapOf(kf))
        .append("), ConsistentRead: consistentRead }));\n");
    sb.append("    return r.Item === undefined ? undefined : this.fromItem(r.Item);\n  }\n\n");
    sb.append("  /** Replaces the item if nobody changed it since it was read (optimistic locking on version). */\n");
    sb.append("  async update(entity: ").append(type).append("): Promise<").append(type).append("> {\n    const expected = Number(entity.version ?? 0);\n");
    sb.append("    const updated: ").append(type).append(" = { ...entity, version: expected + 1 };\n    try {\n      await this.client.send(\n        new PutCommand({\n");
    sb.append("          TableName: this.tableName,\n          Item: this.toItem(updated),\n");
    sb.append("          ConditionExpression: \"#v = :expected\",\n");
    sb.append("          ExpressionAttributeNames: { \"#v\": \"version\" },\n          ExpressionAttributeValues: { \":expected\": expected },\n        }),\n      );\n    } catch (err) {\n");
    sb.append(conflict(q(e.name()) + " + ` changed since version ${expected}`"));
    sb.append("    }\n    return updated;\n  }\n\n");
    sb.append("  /** Deletes the item; true when it existed. */\n  async delete(").append(args(kf)).append("): Promise<boolean> {\n");
    sb.append("    const r = await this.client.send(new DeleteCommand({ TableName: this.tableName, Key: this.key(").append(mapOf(kf))
        .append("), ReturnValues: \"ALL_OLD\" }));\n");
    sb.append("    return r.Attributes !== undefined && Object.keys(r.Attributes).length > 0;\n  }\n\n");
  }

  private String signature(Schema.AccessPattern ap, List<String> needed, String extra, String returns) {
    StringBuilder sb = new StringBuilder("  /** Pattern ").append(ap.id()).append(": ").append(TsWriter.doc(ap.description())).append(" */\n");
    sb.append("  async ").append(var(ap.name())).append("(");
    List<String> a = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    for (Schema.Parameter p : ap.parameters()) {
      a.add(var(p.name()) + ": " + TsWriter.paramType(p));
      names.add(p.name());
    }
    if (!extra.isEmpty()) {
      a.add(extra);
    }
    sb.append(String.join(", ", a)).append("): Promise<").append(returns).append("> {\n");
    return sb.toString();
  }

  private void pattern(StringBuilder sb, Schema.AccessPattern ap) {
    List<String> kf = keyFields();
    String keyArgs = String.join(", ", kf.stream().map(TsWriter::var).toList());
    switch (ap.operation()) {
      case "GetItem" -> sb.append(signature(ap, kf, "", type + " | undefined")).append("    return this.get(").append(keyArgs).append(kf.isEmpty() ? "" : ", ")
          .append(ap.consistentRead()).append(");\n  }\n\n");
      case "DeleteItem" -> {
        boolean flag = ap.returnType().equals("success_flag");
        if (operation(ap).condition().isPresent()) {
          conditionalDelete(sb, (Operation.Delete) operation(ap), flag);
          return;
        }
        sb.append(signature(ap, kf, "", flag ? "boolean" : "void")).append("    ").append(flag ? "return " : "await ").append("this.delete(").append(keyArgs)
            .append(");\n  }\n\n");
      }
      case "PutItem" -> put(sb, ap);
      case "UpdateItem" -> update(sb, (Operation.Update) operation(ap));
      case "Query" -> query(sb, ap);
      case "Scan" -> scan(sb, ap);
      case "BatchGetItem" -> {
        sb.append("  /** Pattern ").append(ap.id()).append(": ").append(TsWriter.doc(ap.description())).append(" (each key holds the key fields). */\n");
        sb.append("  async ").append(var(ap.name())).append("(keys: Item[]): Promise<").append(type).append("[]> {\n    const found: ").append(type).append("[] = [];\n");
        sb.append("    for (let i = 0; i < keys.length; i += " + DynamoDbLimits.BATCH_GET_ITEMS + ") {\n");
        sb.append("      const first: NonNullable<BatchGetCommandInput[\"RequestItems\"]> = { [this.tableName]: { Keys: keys.slice(i, i + " + DynamoDbLimits.BATCH_GET_ITEMS + ").map((k) => this.key(k))")
            .append(ap.consistentRead() ? ", ConsistentRead: true" : "").append(" } };\n");
        sb.append("      const responses = await withRetries(\n        first,\n        (pending) => this.client.send(new BatchGetCommand({ RequestItems: pending })),\n");
        sb.append("        (r: BatchGetCommandOutput) => r.UnprocessedKeys,\n      );\n");
        sb.append("      for (const r of responses) {\n        (r.Responses?.[this.tableName] ?? []).forEach((item) => found.push(this.fromItem(item)));\n      }\n");
        sb.append("    }\n    return found;\n  }\n\n");
      }
      case "BatchWriteItem" -> {
        sb.append("  /** Pattern ").append(ap.id()).append(": ").append(TsWriter.doc(ap.description())).append(ap.batchDelete() ? " (deletes; each key holds the key fields)" : "").append(" */\n");
        if (ap.batchDelete()) {
          sb.append("  async ").append(var(ap.name())).append("(keys: Item[]): Promise<void> {\n");
          sb.append("    for (let i = 0; i < keys.length; i += " + DynamoDbLimits.BATCH_WRITE_ITEMS + ") {\n      const first: NonNullable<BatchWriteCommandInput[\"RequestItems\"]> = {\n");
          sb.append("        [this.tableName]: keys.slice(i, i + " + DynamoDbLimits.BATCH_WRITE_ITEMS + ").map((k) => ({ DeleteRequest: { Key: this.key(k) } })),\n      };\n");
          sb.append("      await withRetries(\n        first,\n        (pending) => this.client.send(new BatchWriteCommand({ RequestItems: pending })),\n");
          sb.append("        (r: BatchWriteCommandOutput) => r.UnprocessedItems,\n      );\n    }\n  }\n\n");
          return;
        }
        sb.append("  async ").append(var(ap.name())).append("(entities: ").append(type).append("[]): Promise<void> {\n");
        sb.append("    for (let i = 0; i < entities.length; i += " + DynamoDbLimits.BATCH_WRITE_ITEMS + ") {\n      const first: NonNullable<BatchWriteCommandInput[\"RequestItems\"]> = {\n");
        sb.append("        [this.tableName]: entities.slice(i, i + " + DynamoDbLimits.BATCH_WRITE_ITEMS + ").map((x) => ({ PutRequest: { Item: this.toItem(x) } })),\n      };\n");
        sb.append("      await withRetries(\n        first,\n        (pending) => this.client.send(new BatchWriteCommand({ RequestItems: pending })),\n");
        sb.append("        (r: BatchWriteCommandOutput) => r.UnprocessedItems,\n      );\n    }\n  }\n\n");
      }
      default -> throw new IllegalStateException(ap.operation());
    }
  }

  private void put(StringBuilder sb, Schema.AccessPattern ap) {
    String first = null;
    StringBuilder body = new StringBuilder();
    for (Schema.Parameter p : ap.parameters()) {
      if (p.type().equals("entity")) {
        String other = p.entityType().orElse(e.name());
        // as in every language: an entity without a version is stored (and returned) with version 0
        String stored = "{ ..." + var(p.name()) + ", version: " + var(p.name()) + ".version ?? 0 }";
        if (other.equals(e.name())) {
          String local = "stored" + (first == null ? "" : String.valueOf(body.length()));
          body.append("    const ").append(local).append(": ").append(type).append(" = ").append(stored).append(";\n");
          Optional<Condition> cond = operation(ap).condition();
          if (cond.isPresent()) {
            body.append("    const expr = new Expr();\n    const parts: string[] = [];\n");
            userCondition(body, cond.get(), "parts");
            body.append("    try {\n      await this.client.send(\n        new PutCommand({\n          TableName: this.tableName,\n          Item: this.toItem(").append(local).append("),\n");
            body.append("          ConditionExpression: parts.join(\" AND \"),\n          ExpressionAttributeNames: expr.namesOrUndefined(),\n");
            body.append("          ExpressionAttributeValues: expr.valuesOrUndefined(),\n        }),\n      );\n    } catch (err) {\n");
            body.append("      if (isError(err, \"ConditionalCheckFailedException\")) {\n        throw new ConditionFailedError(").append(q(e.name()))
                .append(" + ` ${JSON.stringify(this.key(toValues(").append(local).append(")))} does not meet the condition of the write`, err);\n      }\n      throw err;\n    }\n");
          } else {
            body.append("    await this.client.send(new PutCommand({ TableName: this.tableName, Item: this.toItem(").append(local).append(") }));\n");
          }
          if (first == null) {
            first = local;
          }
        } else {
          body.append("    {\n      const repo = new ").append(cls(other)).append("Repository(this.client);\n");
          body.append("      await this.client.send(new PutCommand({ TableName: repo.tableName, Item: repo.toItem(").append(stored).append(") }));\n    }\n");
        }
      }
    }
    String ret = ap.returnType().equals("single_entity") && first != null ? type : ap.returnType().equals("success_flag") ? "boolean" : "void";
    sb.append(signature(ap, List.of(), "", ret)).append(body);
    if (ret.equals(type)) {
      sb.append("    return ").append(first).append(";\n");
    } else if (ret.equals("boolean")) {
      sb.append("    return true;\n");
    }
    sb.append("  }\n\n");
  }

  private Operation operation(Schema.AccessPattern ap) {
    return plan.operations().stream().filter(o -> o.pattern().id() == ap.id()).findFirst().orElseThrow();
  }

  private void update(StringBuilder sb, Operation.Update u) {
    Schema.AccessPattern ap = u.pattern();
    boolean item = u.result() == ResultKind.ITEM;
    boolean locked = u.fromEntity().isPresent();
    sb.append(signature(ap, List.of(), "", item ? type : type + " | undefined"));
    if (locked) {
      sb.append("    const values: Item = { ...toValues(").append(var(u.fromEntity().get())).append(")");
      for (ParamUse p : u.params()) {
        if (p.use() == ParamUse.Use.SET || p.use() == ParamUse.Use.KEY) {
          sb.append(", ").append(q(p.name())).append(": ").append(var(p.name()));
        }
      }
      sb.append(" };\n");
    } else {
      List<String> all = new ArrayList<>(u.keyFields());
      u.assignments().stream().filter(x -> !all.contains(x)).forEach(all::add);
      String m = mapOf(all);
      List<String> extra = new ArrayList<>();
      for (Operation.Action a : u.actions()) {
        if (a.known()) {
          extra.add(prop(a.field()) + ": " + a.value().map(TsRepositoryWriter::operandValue).orElse("undefined"));
        }
      }
      if (!extra.isEmpty()) {
        m = all.isEmpty() ? "{ " + String.join(", ", extra) + " }" : m.substring(0, m.length() - 2) + ", " + String.join(", ", extra) + " }";
      }
      sb.append("    const values: Item = ").append(m).append(";\n");
    }
    boolean adds = u.actions().stream().anyMatch(a -> a.kind() == Operation.ActionKind.ADD);
    sb.append("    const expr = new Expr();\n    const assignments: string[] = [];\n    const removals: string[] = [];\n");
    if (adds) {
      sb.append("    const additions: string[] = [];\n");
    }
    for (String f : u.assignments()) {
      sb.append("    if (values[").append(q(f)).append("] === undefined || values[").append(q(f)).append("] === null) {\n      removals.push(expr.name(").append(q(f))
          .append("));\n    } else {\n      assignments.push(`${expr.name(").append(q(f)).append(")} = ${expr.value(values[").append(q(f)).append("])}`);\n    }\n");
    }
    for (Operation.Action a : u.actions()) {
      String n = "${expr.name(" + q(a.field()) + ")}";
      String v = a.value().map(o -> "${" + placeholder(o) + "}").orElse("");
      switch (a.kind()) {
        case SET -> sb.append("    assignments.push(`").append(n).append(" = ").append(v).append("`);\n");
        case SET_IF_MISSING -> sb.append("    assignments.push(`").append(n).append(" = if_not_exists(").append(n).append(", ").append(v).append(")`);\n");
        case INCREMENT, DECREMENT -> sb.append("    assignments.push(`").append(n).append(" = if_not_exists(").append(n).append(", ${expr.value(0)})")
            .append(a.kind() == Operation.ActionKind.INCREMENT ? " + " : " - ").append(v).append("`);\n");
        case ADD -> sb.append("    additions.push(`").append(n).append(" ").append(v).append("`);\n");
        case REMOVE -> sb.append("    removals.push(expr.name(").append(q(a.field())).append("));\n");
      }
    }
    if (u.upsert()) {
      for (String k : u.keyFields()) {
        if (!k.equals(table.partitionKey()) && !table.sortKey().map(k::equals).orElse(false)) {
          sb.append("    assignments.push(`${expr.name(").append(q(k)).append(")} = ${expr.value(values[").append(q(k)).append("])}`); // the item may be created\n");
        }
      }
      if (plan.writesEntityType()) {
        sb.append("    assignments.push(`${expr.name(\"entity_type\")} = ${expr.value(").append(q(e.entityType())).append(")}`);\n");
      }
    }
    for (KeyBuilder b : u.indexKeys()) {
      sb.append("    {\n      const value = fill(").append(q(b.template().text())).append(", values);\n");
      sb.append("      if (value === undefined) {\n        removals.push(expr.name(").append(q(b.attribute())).append("));\n      } else {\n");
      sb.append("        assignments.push(`${expr.name(").append(q(b.attribute())).append(")} = ${expr.value(value)}`);\n      }\n    }\n");
    }
    sb.append("    assignments.push(`${expr.name(\"version\")} = if_not_exists(${expr.name(\"version\")}, ${expr.value(0)}) + ${expr.value(1)}`);\n");
    boolean guarded = u.condition().isPresent() || u.expectedVersion().isPresent();
    if (!guarded && !u.upsert()) {
      sb.append("    let conditionText = `attribute_exists(${expr.name(").append(q(table.partitionKey())).append(")})`;\n");
      if (locked) {
        sb.append("    const expected = Number(").append(var(u.fromEntity().get())).append(".version ?? 0);\n");
        sb.append("    conditionText += ` AND ${expr.name(\"version\")} = ${expr.value(expected)}`;\n");
      }
    } else {
      sb.append("    const parts: string[] = [];\n");
      if (!u.upsert()) {
        sb.append("    parts.push(`attribute_exists(${expr.name(").append(q(table.partitionKey())).append(")})`);\n");
      }
      if (u.locked()) {
        sb.append("    const expected = Number(").append(locked ? var(u.fromEntity().get()) + ".version ?? 0" : var(u.expectedVersion().get())).append(");\n");
        sb.append("    parts.push(`${expr.name(\"version\")} = ${expr.value(expected)}`);\n");
      }
      u.condition().ifPresent(c -> userCondition(sb, c, "parts"));
      sb.append("    const conditionText = parts.length === 0 ? undefined : parts.join(\" AND \");\n");
    }
    sb.append("    const updateText = `SET ${assignments.join(\", \")}` + (removals.length > 0 ? ` REMOVE ${removals.join(\", \")}` : \"\")")
        .append(adds ? " + (additions.length > 0 ? ` ADD ${additions.join(\", \")}` : \"\")" : "").append(";\n");
    sb.append("    try {\n      const r = await this.client.send(\n        new UpdateCommand({\n          TableName: this.tableName,\n          Key: this.key(values),\n");
    sb.append("          UpdateExpression: updateText,\n          ConditionExpression: conditionText,\n");
    sb.append("          ExpressionAttributeNames: expr.namesOrUndefined(),\n          ExpressionAttributeValues: expr.valuesOrUndefined(),\n");
    sb.append("          ReturnValues: \"ALL_NEW\",\n").append(guarded ? "          ReturnValuesOnConditionCheckFailure: \"ALL_OLD\",\n" : "").append("        }),\n      );\n");
    String conflict = "throw new ConcurrentModificationError(" + q(e.name()) + " + ` is missing or changed since version ${expected}`, err);";
    if (item) {
      sb.append("      return this.fromItem(r.Attributes ?? {});\n    } catch (err) {\n");
    } else {
      sb.append("      return r.Attributes === undefined ? undefined : this.fromItem(r.Attributes);\n    } catch (err) {\n");
    }
    if (guarded) {
      sb.append("      if (isError(err, \"ConditionalCheckFailedException\")) {\n        const current = currentItem(err);\n");
      if (!u.upsert()) {
        sb.append("        if (current === undefined) {\n          ").append(locked ? conflict : "return undefined; // not found").append("\n        }\n");
      }
      if (u.locked()) {
        sb.append("        if (current !== undefined && !hasVersion(current, expected)) {\n          ").append(conflict).append("\n        }\n");
      }
      sb.append("        throw new ConditionFailedError(").append(q(e.name())).append(" + ` ${JSON.stringify(this.key(values))} does not meet the condition of the update`, err);\n");
      sb.append("      }\n      throw err;\n    }\n  }\n\n");
    } else if (locked) {
      sb.append(conflict(q(e.name()) + " + ` is missing or changed since version ${expected}`"));
      sb.append("    }\n  }\n\n");
    } else if (u.upsert()) {
      sb.append("      throw err;\n    }\n  }\n\n");
    } else {
      sb.append("      if (isError(err, \"ConditionalCheckFailedException\")) {\n        return undefined;\n      }\n      throw err;\n    }\n  }\n\n");
    }
  }

  private void filters(StringBuilder sb, Schema.AccessPattern ap, boolean typeFilter) {
    sb.append("    const filters: string[] = [];\n");
    ap.filter().ifPresent(f -> terms(sb, Condition.of(f), "filters"));
    String joiner = ap.filter().map(Schema.FilterExpression::logicalOperator).orElse("AND");
    if (typeFilter) {
      sb.append("    const userFilter = joinFilters(filters, ").append(q(joiner)).append(");\n");
      sb.append("    const typeFilter = `${expr.name(\"entity_type\")} = ${expr.value(").append(q(e.entityType())).append(")}`;\n");
      sb.append("    const filter = userFilter === undefined ? typeFilter : filters.length > 1 ? `${typeFilter} AND (${userFilter})` : `${typeFilter} AND ${userFilter}`;\n");
    } else {
      sb.append("    const filter = joinFilters(filters, ").append(q(joiner)).append(");\n");
    }
  }

  /** The one renderer of the condition grammar: pushes each term's text onto the array {@code list}. */
  static void terms(StringBuilder sb, Condition c, String list) {
    for (Condition.Term t : c.terms()) {
      if (!t.plain()) {
        sb.append("    ").append(list).append(".push(").append(String.join(" + ", t.pieces().stream().map(TsRepositoryWriter::piece).toList())).append(");\n");
        continue;
      }
      sb.append("    ").append(list).append(".push(condition(expr, ").append(q(t.field())).append(", ").append(t.operator().map(TsWriter::q).orElse("undefined"))
          .append(", ").append(t.function().map(TsWriter::q).orElse("undefined")).append(", [")
          .append(String.join(", ", t.params().stream().map(TsWriter::var).toList())).append("]));\n");
    }
  }

  /** A piece of a term's text as a TypeScript expression: text as a string, names and values as placeholders of {@code expr}. */
  private static String piece(Condition.Piece p) {
    if (p instanceof Condition.Piece.Text t) {
      return q(t.text());
    }
    if (p instanceof Condition.Piece.Name n) {
      return "expr.name(" + q(n.attribute()) + ")";
    }
    return placeholder(((Condition.Piece.Value) p).operand());
  }

  /** The placeholder of an operand: another attribute's name, or the value of a parameter or constant. */
  static String placeholder(Schema.Operand o) {
    return o instanceof Schema.Operand.Attribute a ? "expr.name(" + q(a.field()) + ")" : "expr.value(" + operandValue(o) + ")";
  }

  /** The value of a parameter (its variable) or of a constant (a string, a number, a boolean). */
  static String operandValue(Schema.Operand o) {
    if (o instanceof Schema.Operand.Literal l) {
      return TsTransactionWriter.value(null, new Schema.ValueRef.Literal(l.json()), java.util.List.of());
    }
    return var(((Schema.Operand.Param) o).name());
  }

  /** Pushes the write condition onto the condition parts {@code list}, as one parenthesised part. */
  static void userCondition(StringBuilder sb, Condition c, String list) {
    sb.append("    const terms: string[] = [];\n");
    terms(sb, c, "terms");
    sb.append("    ").append(list).append(".push(joinFilters(terms, ").append(q(c.joiner())).append(") ?? \"\");\n");
  }

  private void conditionalDelete(StringBuilder sb, Operation.Delete d, boolean flag) {
    sb.append(signature(d.pattern(), d.keyFields(), "", flag ? "boolean" : "void"));
    sb.append("    const expr = new Expr();\n    const parts: string[] = [];\n");
    userCondition(sb, d.condition().get(), "parts");
    sb.append("    try {\n      const r = await this.client.send(\n        new DeleteCommand({\n          TableName: this.tableName,\n          Key: this.key(").append(mapOf(d.keyFields())).append("),\n");
    sb.append("          ConditionExpression: parts.join(\" AND \"),\n          ExpressionAttributeNames: expr.namesOrUndefined(),\n");
    sb.append("          ExpressionAttributeValues: expr.valuesOrUndefined(),\n          ReturnValues: \"ALL_OLD\",\n          ReturnValuesOnConditionCheckFailure: \"ALL_OLD\",\n        }),\n      );\n");
    sb.append(flag ? "      return r.Attributes !== undefined && Object.keys(r.Attributes).length > 0;\n" : "      void r;\n");
    sb.append("    } catch (err) {\n      if (isError(err, \"ConditionalCheckFailedException\")) {\n        if (currentItem(err) === undefined) {\n          return")
        .append(flag ? " false" : "").append("; // not found: nothing to delete\n        }\n");
    sb.append("        throw new ConditionFailedError(").append(q(e.name())).append(" + ` ${JSON.stringify(this.key(").append(mapOf(d.keyFields()))
        .append("))} does not meet the condition of the delete`, err);\n      }\n      throw err;\n    }\n  }\n\n");
  }

  private static boolean projected(Optional<Schema.GsiDef> g) {
    return g.isPresent() && !g.get().projection().equals("ALL");
  }

  private String itemType(Optional<Schema.GsiDef> g) {
    return projected(g) ? "Item" : type;
  }

  private String mapItems(Optional<Schema.GsiDef> g) {
    return projected(g) ? "r.Items ?? []" : "(r.Items ?? []).map((item) => this.fromItem(item))";
  }

  private String rangeValue(QueryPlan.Value v, boolean numeric) {
    if (numeric && v.param().isPresent()) {
      return var(v.param().get());
    }
    List<String> parts = new ArrayList<>();
    parts.add(q(v.prefix()));
    v.param().ifPresent(p -> parts.add("String(" + var(p) + ")"));
    if (!v.suffix().isEmpty()) {
      parts.add(q(v.suffix()));
    }
    return String.join(" + ", parts);
  }

  private void query(StringBuilder sb, Schema.AccessPattern ap) {
    Operation.Query op = (Operation.Query) operation(ap);
    QueryPlan qp = op.keys();
    boolean raw = op.result() != ResultKind.PAGE;
    Optional<CollectionPlan> union = op.collection();
    sb.append(signature(ap, List.of(), "options: PageOptions = {}", "Page<" + union.map(CollectionPlan::typeName).orElse(raw ? "Item" : type) + ">"));
    List<String> keyNames = op.params().stream().filter(p -> p.use() == ParamUse.Use.KEY).map(ParamUse::name).toList();
    sb.append("    const values: Item = ").append(mapOf(keyNames)).append(";\n    const expr = new Expr();\n    const conditions: string[] = [];\n");
    List<QueryPlan.KeyCond> eq = new ArrayList<>(qp.partition());
    eq.addAll(qp.sortEquals());
    for (QueryPlan.KeyCond k : eq) {
      sb.append("    conditions.push(`${expr.name(").append(q(k.attribute())).append(")} = ${expr.value(fill(").append(q(k.template().text())).append(", values))}`);\n");
    }
    qp.range().ifPresent(r -> {
      List<String> vals = r.values().stream().map(v -> rangeValue(v, r.numeric())).toList();
      String a = "${expr.name(" + q(r.attribute()) + ")}";
      switch (r.operator()) {
        case "begins_with" -> sb.append("    conditions.push(`begins_with(").append(a).append(", ${expr.value(").append(vals.get(0)).append(")})`);\n");
        case "between" -> sb.append("    conditions.push(`").append(a).append(" BETWEEN ${expr.value(").append(vals.get(0)).append(")} AND ${expr.value(")
            .append(vals.get(1)).append(")}`);\n");
        default -> sb.append("    conditions.push(`").append(a).append(" ").append(r.operator()).append(" ${expr.value(").append(vals.get(0)).append(")}`);\n");
      }
    });
    filters(sb, ap, op.typeFilter());
    sb.append("    const r = await this.client.send(\n      new QueryCommand({\n        TableName: this.tableName,\n");
    qp.index().ifPresent(g -> sb.append("        IndexName: ").append(q(g.name())).append(",\n"));
    sb.append("        KeyConditionExpression: conditions.join(\" AND \"),\n        FilterExpression: filter,\n");
    sb.append("        ExpressionAttributeNames: expr.namesOrUndefined(),\n        ExpressionAttributeValues: expr.valuesOrUndefined(),\n");
    if (op.consistent()) {
      sb.append("        ConsistentRead: true,\n");
    }
    sb.append("        Limit: options.limit,\n        ScanIndexForward: options.descending ? false : undefined,\n");
    sb.append("        ExclusiveStartKey: decodeToken(options.nextToken),\n      }),\n    );\n");
    Optional<QueryPlan.Value> ex = qp.range().flatMap(QueryPlan.Range::exclude);
    String source = ex.isPresent() ? "(r.Items ?? []).filter((item) => item[" + q(qp.range().get().attribute()) + "] !== " + rangeValue(ex.get(), false) + ")" : "(r.Items ?? [])";
    if (union.isPresent()) {
      String t = union.get().typeName();
      sb.append("    const items: ").append(t).append("[] = [];\n    for (const item of ").append(source).append(") {\n      const typed = this.").append(classifier(op))
          .append("(item);\n      if (typed !== undefined) {\n        items.push(typed);\n      }\n    }\n");
      sb.append("    return { items, nextToken: encodeToken(r.LastEvaluatedKey) };\n  }\n\n");
      classify(sb, op, union.get());
      return;
    }
    sb.append("    return { items: ").append(raw ? source : source + ".map((item) => this.fromItem(item))").append(", nextToken: encodeToken(r.LastEvaluatedKey) };\n  }\n\n");
  }

  private static String classifier(Operation.Query op) {
    return var(op.pattern().name()) + "Item";
  }

  /** The method that types one raw item of an item collection: the plan's rule, spelled in TypeScript. */
  private static void classify(StringBuilder sb, Operation.Query op, CollectionPlan c) {
    sb.append("  /** The entity one item of pattern ").append(op.pattern().id()).append("'s collection holds (undefined: not one of its entities, the page leaves it out). */\n");
    sb.append("  private ").append(classifier(op)).append("(item: Item): ").append(c.typeName()).append(" | undefined {\n");
    if (c.byEntityType()) {
      sb.append("    const kind = item[\"entity_type\"];\n    if (typeof kind === \"string\") {\n      switch (kind) {\n");
      for (CollectionPlan.Variant v : c.variants()) {
        sb.append("        case ").append(q(v.entityType())).append(":\n          return { entity: ").append(q(v.entity())).append(", item: ").append(fn(v.entity()))
            .append("FromItem(item) };\n");
      }
      sb.append("        default:\n          return undefined;\n      }\n    }\n");
    }
    List<CollectionPlan.Variant> bySk = c.sortKeyOrder();
    if (c.sortKeyAttribute().isPresent() && !bySk.isEmpty()) {
      sb.append("    const sortKey = item[").append(q(c.sortKeyAttribute().get())).append("];\n    if (typeof sortKey === \"string\") {\n");
      for (CollectionPlan.Variant v : bySk) {
        CollectionPlan.SortKeyMatch m = v.sortKey().get();
        sb.append("      if (").append(m.exact() ? "sortKey === " + q(m.value()) : "sortKey.startsWith(" + q(m.value()) + ")").append(") {\n        return { entity: ")
            .append(q(v.entity())).append(", item: ").append(fn(v.entity())).append("FromItem(item) };\n      }\n");
      }
      sb.append("    }\n");
    }
    sb.append("    return undefined;\n  }\n\n");
  }

  private void scan(StringBuilder sb, Schema.AccessPattern ap) {
    Optional<Schema.GsiDef> g = ap.indexName().flatMap(table::gsi);
    sb.append(signature(ap, List.of(), "options: PageOptions = {}", "Page<" + itemType(g) + ">"));
    sb.append("    const expr = new Expr();\n");
    Operation.Scan op = (Operation.Scan) operation(ap);
    filters(sb, ap, op.typeFilter());
    sb.append("    const r = await this.client.send(\n      new ScanCommand({\n        TableName: this.tableName,\n");
    g.ifPresent(x -> sb.append("        IndexName: ").append(q(x.name())).append(",\n"));
    sb.append("        FilterExpression: filter,\n        ExpressionAttributeNames: expr.namesOrUndefined(),\n        ExpressionAttributeValues: expr.valuesOrUndefined(),\n");
    if (op.consistent()) {
      sb.append("        ConsistentRead: true,\n");
    }
    sb.append("        Limit: options.limit,\n        ExclusiveStartKey: decodeToken(options.nextToken),\n      }),\n    );\n");
    sb.append("    return { items: ").append(mapItems(g)).append(", nextToken: encodeToken(r.LastEvaluatedKey) };\n  }\n\n");
  }
}
