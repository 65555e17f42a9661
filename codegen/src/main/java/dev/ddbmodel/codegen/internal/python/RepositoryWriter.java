package dev.ddbmodel.codegen.internal.python;

import dev.ddbmodel.core.internal.guide.DynamoDbLimits;
import static dev.ddbmodel.codegen.internal.python.PythonDalGenerator.cls;
import static dev.ddbmodel.codegen.internal.python.PythonDalGenerator.keyExpr;
import static dev.ddbmodel.codegen.internal.python.PythonDalGenerator.pyString;

import dev.ddbmodel.codegen.internal.plan.CollectionPlan;
import dev.ddbmodel.codegen.internal.plan.Condition;
import dev.ddbmodel.codegen.internal.plan.EntityPlan;
import dev.ddbmodel.codegen.internal.plan.KeyBuilder;
import dev.ddbmodel.codegen.internal.plan.Operation;
import dev.ddbmodel.codegen.internal.plan.ParamUse;
import dev.ddbmodel.codegen.internal.plan.QueryPlan;
import dev.ddbmodel.codegen.internal.plan.ResultKind;
import dev.ddbmodel.schema.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Renders one entity's plan as the Python repository's methods. */
final class RepositoryWriter {
  private final EntityPlan plan;
  private final Schema.TableDef table;
  private final Schema.Entity e;
  private final String entityCls;

  RepositoryWriter(EntityPlan plan) {
    this.plan = plan;
    this.table = plan.table();
    this.e = plan.entity();
    this.entityCls = cls(e.name());
  }

  List<String> methods() {
    List<String> out = new ArrayList<>();
    out.add(itemMethods());
    out.add(crud());
    for (Operation op : plan.operations()) {
      out.add(pattern(op));
    }
    return out;
  }

  private String typeOf(String field) {
    return e.field(field).map(PythonDalGenerator::pyType).map(t -> t.replaceFirst("^Optional\\[(.*)\\]$", "$1")).orElse("Any");
  }

  private String itemMethods() {
    StringBuilder sb = new StringBuilder();
    sb.append("    def key(self, values: dict[str, Any]) -> dict[str, Any]:\n");
    sb.append("        \"\"\"The primary key of an item from its field values.\"\"\"\n");
    sb.append("        key = {");
    for (int i = 0; i < plan.primaryKey().size(); i++) {
      KeyBuilder b = plan.primaryKey().get(i);
      sb.append(i > 0 ? ", " : "").append(pyString(b.attribute())).append(": ").append(keyExpr(b.template(), e, "values"));
    }
    sb.append("}\n");
    sb.append("        missing = [k for k, v in key.items() if v is None]\n");
    sb.append("        if missing:\n            raise ValueError(f\"cannot build key attributes {missing} of \" + ").append(pyString(e.name()))
        .append(" + f\" from {sorted(values)}\")\n        return key\n\n");
    sb.append("    def to_item(self, entity: ").append(entityCls).append(") -> dict[str, Any]:\n");
    sb.append("        \"\"\"The DynamoDB item: fields, primary key, and the key attributes of every mapped GSI (left out when a field is absent).\"\"\"\n");
    sb.append("        values = entity.model_dump(mode=\"python\", by_alias=True)\n");
    sb.append("        item = {k: v for k, v in values.items() if v is not None}\n");
    sb.append("        item.update(self.key(values))\n");
    sb.append("        item.update(self.index_keys(values))\n");
    if (plan.writesEntityType()) {
      sb.append("        item[\"entity_type\"] = ").append(pyString(e.entityType())).append("\n");
    }
    sb.append("        return item\n\n");
    sb.append("    def index_keys(self, values: dict[str, Any]) -> dict[str, Any]:\n");
    sb.append("        \"\"\"The index key attributes whose fields are all present (sparse indexes: the others are absent, never \\\"None\\\").\"\"\"\n");
    sb.append("        keys: dict[str, Any] = {}\n");
    for (KeyBuilder b : plan.indexKeys()) {
      sb.append("        value = ").append(keyExpr(b.template(), e, "values")).append("\n");
      sb.append("        if value is not None:\n            keys[").append(pyString(b.attribute())).append("] = value\n");
    }
    sb.append("        return keys\n\n");
    sb.append("    def from_item(self, item: dict[str, Any]) -> ").append(entityCls).append(":\n");
    sb.append("        return ").append(entityCls).append(".model_validate(deserialize(item))\n");
    return sb.toString();
  }

  private String args(List<String> fields) {
    StringBuilder sb = new StringBuilder();
    for (String f : fields) {
      sb.append(", ").append(PythonNames.ident(f)).append(": ").append(typeOf(f));
    }
    return sb.toString();
  }

  private static String dictOf(List<String> names) {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < names.size(); i++) {
      sb.append(i > 0 ? ", " : "").append(pyString(names.get(i))).append(": ").append(PythonNames.ident(names.get(i)));
    }
    return sb.append("}").toString();
  }

  private static String kwargs(List<String> names) {
    return String.join(", ", names.stream().map(f -> PythonNames.ident(f) + "=" + PythonNames.ident(f)).toList());
  }

  private String crud() {
    List<String> kf = plan.keyFields();
    String pk = table.partitionKey();
    StringBuilder sb = new StringBuilder();
    sb.append("    def create(self, entity: ").append(entityCls).append(") -> ").append(entityCls).append(":\n");
    sb.append("        \"\"\"Store a new item; fails with ConcurrentModificationError if the key exists.\"\"\"\n");
    sb.append("        created = entity.model_copy(update={\"version\": 1})\n");
    sb.append("        try:\n            self._client.put_item(TableName=self.table_name, Item=serialize(self.to_item(created)),\n");
    sb.append("                ConditionExpression=\"attribute_not_exists(#pk)\", ExpressionAttributeNames={\"#pk\": ").append(pyString(pk)).append("})\n");
    sb.append("        except ClientError as err:\n            if err.response[\"Error\"][\"Code\"] == \"ConditionalCheckFailedException\":\n");
    sb.append("                raise ConcurrentModificationError(").append(pyString(e.name())).append(" + f\" {self.key(entity.model_dump(by_alias=True))} already exists\") from err\n            raise\n");
    sb.append("        return created\n\n");
    sb.append("    def get(self").append(args(kf)).append(", consistent_read: bool = False) -> Optional[").append(entityCls).append("]:\n");
    sb.append("        response = self._client.get_item(TableName=self.table_name, Key=serialize(self.key(").append(dictOf(kf))
        .append(")), ConsistentRead=consistent_read)\n");
    sb.append("        item = response.get(\"Item\")\n        return self.from_item(item) if item else None\n\n");
    sb.append("    def update(self, entity: ").append(entityCls).append(") -> ").append(entityCls).append(":\n");
    sb.append("        \"\"\"Replace the item if nobody changed it since it was read (optimistic locking on `version`).\"\"\"\n");
    sb.append("        updated = entity.model_copy(update={\"version\": entity.version + 1})\n");
    sb.append("        try:\n            self._client.put_item(TableName=self.table_name, Item=serialize(self.to_item(updated)),\n");
    sb.append("                ConditionExpression=\"#v = :expected\", ExpressionAttributeNames={\"#v\": \"version\"},\n");
    sb.append("                ExpressionAttributeValues={\":expected\": serialize_value(entity.version)})\n");
    sb.append("        except ClientError as err:\n            if err.response[\"Error\"][\"Code\"] == \"ConditionalCheckFailedException\":\n");
    sb.append("                raise ConcurrentModificationError(").append(pyString(e.name())).append(" + f\" {self.key(entity.model_dump(by_alias=True))} changed since version {entity.version}\") from err\n            raise\n");
    sb.append("        return updated\n\n");
    sb.append("    def delete(self").append(args(kf)).append(") -> bool:\n");
    sb.append("        response = self._client.delete_item(TableName=self.table_name, Key=serialize(self.key(").append(dictOf(kf))
        .append(")), ReturnValues=\"ALL_OLD\")\n        return \"Attributes\" in response\n");
    return sb.toString();
  }

  private String pattern(Operation op) {
    if (op instanceof Operation.Get g) {
      return signature(op, "", "Optional[" + entityCls + "]")
          + "        return self.get(" + kwargs(g.keyFields()) + (g.keyFields().isEmpty() ? "" : ", ") + "consistent_read=" + (g.consistent() ? "True" : "False") + ")\n";
    } else if (op instanceof Operation.Put p) {
      return putItem(p);
    } else if (op instanceof Operation.Delete d && d.condition().isPresent()) {
      return conditionalDelete(d);
    } else if (op instanceof Operation.Delete d) {
      return signature(op, "", d.result() == ResultKind.FLAG ? "bool" : "None")
          + "        " + (d.result() == ResultKind.FLAG ? "return " : "") + "self.delete(" + kwargs(d.keyFields()) + ")\n";
    } else if (op instanceof Operation.Update u) {
      return updateItem(u);
    } else if (op instanceof Operation.Query q) {
      return query(q);
    } else if (op instanceof Operation.Scan s) {
      return scan(s);
    } else if (op instanceof Operation.BatchGet b) {
      return batchGet(b);
    } else {
      return batchWrite((Operation.BatchWrite) op);
    }
  }

  static String method(Schema.AccessPattern ap) {
    return PythonNames.method(ap.name());
  }

  /** Signature: exactly the declared parameters (the plan has checked that they are all used). */
  private String signature(Operation op, String extra, String returns) {
    Schema.AccessPattern ap = op.pattern();
    StringBuilder sb = new StringBuilder("    def ").append(method(ap)).append("(self");
    for (ParamUse p : op.params()) {
      Schema.Parameter sp = ap.parameters().stream().filter(x -> x.name().equals(p.name())).findFirst().orElseThrow();
      sb.append(", ").append(PythonNames.ident(p.name())).append(": ").append(PythonDalGenerator.paramType(sp, e));
    }
    sb.append(extra).append(") -> ").append(returns).append(":\n");
    sb.append("        \"\"\"Pattern ").append(ap.id()).append(": ").append(PythonNames.doc(ap.description())).append("\"\"\"\n");
    return sb.toString();
  }

  private String conditionalDelete(Operation.Delete d) {
    boolean flag = d.result() == ResultKind.FLAG;
    StringBuilder sb = new StringBuilder(signature(d, "", flag ? "bool" : "None"));
    sb.append("        expr = Expression()\n        parts: list[str] = []\n");
    userCondition(sb, d.condition().get(), "parts");
    sb.append("        request = expr.apply({\"TableName\": self.table_name, \"Key\": serialize(self.key(").append(dictOf(d.keyFields())).append(")),\n");
    sb.append("            \"ConditionExpression\": \" AND \".join(parts), \"ReturnValues\": \"ALL_OLD\", \"ReturnValuesOnConditionCheckFailure\": \"ALL_OLD\"})\n");
    sb.append("        try:\n            response = self._client.delete_item(**request)\n").append(CCF);
    sb.append("                if not err.response.get(\"Item\"):\n                    return").append(flag ? " False" : "").append("  # not found: nothing to delete\n");
    sb.append("                raise ConditionFailedError(").append(pyString(e.name())).append(" + \" \" + str(self.key(").append(dictOf(d.keyFields()))
        .append(")) + \" does not meet the condition of the delete\") from err\n            raise\n");
    if (flag) {
      sb.append("        return \"Attributes\" in response\n");
    }
    return sb.toString();
  }

  private String putItem(Operation.Put p) {
    StringBuilder body = new StringBuilder();
    String ret = switch (p.result()) {
      case ITEM -> entityCls;
      case FLAG -> "bool";
      default -> "None";
    };
    String first = null;
    for (Operation.EntityParam x : p.entities()) {
      String repo = x.entity().equals(e.name()) ? "self" : cls(x.entity()) + "Repository(self._client)";
      String arg = PythonNames.ident(x.param());
      if (p.condition().isPresent()) {
        body.append("        expr = Expression()\n        parts: list[str] = []\n");
        userCondition(body, p.condition().get(), "parts");
        body.append("        request = expr.apply({\"TableName\": self.table_name, \"Item\": serialize(self.to_item(").append(arg)
            .append(")), \"ConditionExpression\": \" AND \".join(parts)})\n");
        body.append("        try:\n            self._client.put_item(**request)\n").append(CCF);
        body.append("                raise ConditionFailedError(").append(pyString(e.name())).append(" + f\" {self.key(").append(arg)
            .append(".model_dump(by_alias=True))} does not meet the condition of the write\") from err\n            raise\n");
      } else {
        body.append("        ").append(repo).append("._client.put_item(TableName=").append(repo).append(".table_name, Item=serialize(")
            .append(repo).append(".to_item(").append(arg).append(")))\n");
      }
      if (first == null && x.entity().equals(e.name())) {
        first = arg;
      }
    }
    if (p.result() == ResultKind.ITEM) {
      body.append("        return ").append(first).append("\n");
    } else if (p.result() == ResultKind.FLAG) {
      body.append("        return True\n");
    }
    return signature(p, "", ret) + body;
  }

  private String updateItem(Operation.Update u) {
    boolean item = u.result() == ResultKind.ITEM;
    StringBuilder sb = new StringBuilder(signature(u, "", (item ? "" : "Optional[") + entityCls + (item ? "" : "]")));
    if (u.fromEntity().isPresent()) {
      String ent = PythonNames.ident(u.fromEntity().get());
      sb.append("        values = ").append(ent).append(".model_dump(mode=\"python\", by_alias=True)\n");
      List<String> overrides = u.params().stream().filter(p -> p.use() == ParamUse.Use.SET || p.use() == ParamUse.Use.KEY).map(ParamUse::name).toList();
      if (!overrides.isEmpty()) {
        sb.append("        values.update(").append(dictOf(overrides)).append(")\n");
      }
    } else {
      List<String> names = new ArrayList<>(u.keyFields());
      u.assignments().stream().filter(a -> !names.contains(a)).forEach(names::add);
      StringBuilder d = new StringBuilder(dictOf(names));
      for (Operation.Action a : u.actions()) {
        if (a.known()) {
          d.insert(d.length() - 1, (d.length() > 2 ? ", " : "") + pyString(a.field()) + ": " + a.value().map(RepositoryWriter::operandValue).orElse("None"));
        }
      }
      sb.append("        values = ").append(d).append("\n");
    }
    sb.append("        expr = Expression()\n        assignments = []\n        removals = []\n");
    if (u.actions().stream().anyMatch(a -> a.kind() == Operation.ActionKind.ADD)) {
      sb.append("        additions = []\n");
    }
    for (String s : u.assignments()) {
      sb.append("        if values.get(").append(pyString(s)).append(") is None:\n            removals.append(expr.name(").append(pyString(s)).append("))\n");
      sb.append("        else:\n            assignments.append(expr.name(").append(pyString(s)).append(") + \" = \" + expr.value(values[").append(pyString(s)).append("]))\n");
    }
    for (Operation.Action a : u.actions()) {
      String n = "expr.name(" + pyString(a.field()) + ")";
      String v = a.value().map(RepositoryWriter::placeholder).orElse("");
      switch (a.kind()) {
        case SET -> sb.append("        assignments.append(").append(n).append(" + \" = \" + ").append(v).append(")\n");
        case SET_IF_MISSING -> sb.append("        assignments.append(").append(n).append(" + \" = if_not_exists(\" + ").append(n).append(" + \", \" + ").append(v).append(" + \")\")\n");
        case INCREMENT, DECREMENT -> sb.append("        assignments.append(").append(n).append(" + \" = if_not_exists(\" + ").append(n).append(" + \", \" + expr.value(0) + \")")
            .append(a.kind() == Operation.ActionKind.INCREMENT ? " + " : " - ").append("\" + ").append(v).append(")\n");
        case ADD -> sb.append("        additions.append(").append(n).append(" + \" \" + ").append(v).append(")\n");
        case REMOVE -> sb.append("        removals.append(").append(n).append(")\n");
      }
    }
    if (u.upsert()) {
      for (String k : u.keyFields()) {
        if (!k.equals(table.partitionKey()) && !table.sortKey().map(k::equals).orElse(false)) {
          sb.append("        assignments.append(expr.name(").append(pyString(k)).append(") + \" = \" + expr.value(values[").append(pyString(k)).append("]))  # the item may be created\n");
        }
      }
      if (plan.writesEntityType()) {
        sb.append("        assignments.append(expr.name(\"entity_type\") + \" = \" + expr.value(").append(pyString(e.entityType())).append("))\n");
      }
    }
    for (KeyBuilder b : u.indexKeys()) {
      sb.append("        value = ").append(keyExpr(b.template(), e, "values")).append("  # keep index key ").append(PythonNames.doc(b.attribute())).append(" in step\n");
      sb.append("        if value is None:\n            removals.append(expr.name(").append(pyString(b.attribute())).append("))\n");
      sb.append("        else:\n            assignments.append(expr.name(").append(pyString(b.attribute())).append(") + \" = \" + expr.value(value))\n");
    }
    sb.append("        assignments.append(expr.name(\"version\") + \" = if_not_exists(\" + expr.name(\"version\") + \", \" + expr.value(0) + \") + \" + expr.value(1))\n");
    sb.append("        update_text = \"SET \" + \", \".join(assignments) + (\" REMOVE \" + \", \".join(removals) if removals else \"\")");
    if (u.actions().stream().anyMatch(a -> a.kind() == Operation.ActionKind.ADD)) {
      sb.append(" + (\" ADD \" + \", \".join(additions) if additions else \"\")");
    }
    sb.append("\n");
    boolean guarded = u.condition().isPresent() || u.expectedVersion().isPresent();
    String expected = u.fromEntity().isPresent() ? "values.get(\"version\", 0)" : u.expectedVersion().map(PythonNames::ident).orElse("");
    if (!guarded && !u.upsert()) {
      sb.append("        condition_text = \"attribute_exists(\" + expr.name(").append(pyString(table.partitionKey())).append(") + \")\"\n");
      if (u.fromEntity().isPresent()) {
        sb.append("        condition_text += \" AND \" + expr.name(\"version\") + \" = \" + expr.value(values.get(\"version\", 0))\n");
      }
    } else {
      sb.append("        parts: list[str] = []\n");
      if (!u.upsert()) {
        sb.append("        parts.append(\"attribute_exists(\" + expr.name(").append(pyString(table.partitionKey())).append(") + \")\")\n");
      }
      if (u.locked()) {
        sb.append("        parts.append(expr.name(\"version\") + \" = \" + expr.value(").append(expected).append("))\n");
      }
      u.condition().ifPresent(c -> userCondition(sb, c, "parts"));
      sb.append("        condition_text = \" AND \".join(parts)\n");
    }
    sb.append("        request = expr.apply({\"TableName\": self.table_name, \"Key\": serialize(self.key(values)),\n");
    if (!guarded && !u.upsert()) {
      sb.append("            \"UpdateExpression\": update_text, \"ConditionExpression\": condition_text, \"ReturnValues\": \"ALL_NEW\"})\n");
    } else {
      sb.append("            \"UpdateExpression\": update_text, \"ReturnValues\": \"ALL_NEW\"").append(guarded ? ", \"ReturnValuesOnConditionCheckFailure\": \"ALL_OLD\"" : "").append("})\n");
      sb.append("        if condition_text:\n            request[\"ConditionExpression\"] = condition_text\n");
    }
    sb.append("        try:\n            response = self._client.update_item(**request)\n").append(CCF);
    String shown = u.fromEntity().isPresent() ? "values.get('version')" : u.expectedVersion().map(PythonNames::ident).orElse("None");
    String conflict = "ConcurrentModificationError(" + pyString(e.name()) + " + f\" {self.key(values)} is missing or changed since version {" + shown + "}\")";
    if (guarded) {
      sb.append("                current = deserialize(err.response[\"Item\"]) if err.response.get(\"Item\") else None\n");
      if (!u.upsert()) {
        sb.append("                if current is None:\n                    ").append(u.fromEntity().isPresent() ? "raise " + conflict + " from err" : "return None  # not found").append("\n");
      }
      if (u.locked()) {
        sb.append("                if current is not None and current.get(\"version\", 0) != ").append(expected).append(":\n                    raise ").append(conflict).append(" from err\n");
      }
      sb.append("                raise ConditionFailedError(").append(pyString(e.name())).append(" + f\" {self.key(values)} does not meet the condition of the update\") from err\n");
    } else if (u.fromEntity().isPresent()) {
      sb.append("                raise ").append(conflict).append(" from err\n");
    } else if (u.upsert()) {
      sb.append("                raise  # an upsert without a condition is never refused\n");
    } else {
      sb.append("                return None\n");
    }
    sb.append("            raise\n        return self.from_item(response[\"Attributes\"])\n");
    return sb.toString();
  }

  private void filter(StringBuilder sb, Schema.AccessPattern ap, boolean typeFilter) {
    sb.append("        filters = []\n");
    ap.filter().ifPresent(f -> terms(sb, "        ", Condition.of(f), "filters"));
    String joiner = ap.filter().map(Schema.FilterExpression::logicalOperator).orElse("AND").equals("OR") ? "OR" : "AND";
    sb.append("        filter_text = \" ").append(joiner).append(" \".join(f\"({x})\" for x in filters)\n");
    if (typeFilter) {
      sb.append("        type_filter = expr.name(\"entity_type\") + \" = \" + expr.value(").append(pyString(e.entityType())).append(")\n");
      sb.append("        filter_text = (f\"{type_filter} AND ({filter_text})\" if len(filters) > 1 else f\"{type_filter} AND {filter_text}\") if filter_text else type_filter\n");
    }
    sb.append("        if filter_text:\n            request[\"FilterExpression\"] = filter_text\n");
  }

  /** The one renderer of the condition grammar: appends each term's text to the list {@code list}. */
  static void terms(StringBuilder sb, String indent, Condition c, String list) {
    for (Condition.Term t : c.terms()) {
      if (!t.plain()) {
        sb.append(indent).append(list).append(".append(").append(String.join(" + ", t.pieces().stream().map(RepositoryWriter::piece).toList())).append(")\n");
        continue;
      }
      sb.append(indent).append(list).append(".append(condition(expr, ").append(pyString(t.field())).append(", ")
          .append(t.operator().map(PythonDalGenerator::pyString).orElse("None")).append(", ")
          .append(t.function().map(PythonDalGenerator::pyString).orElse("None")).append(", [")
          .append(String.join(", ", t.params().stream().map(PythonNames::ident).toList())).append("]))\n");
    }
  }

  /** A piece of a term's text as a Python expression: text as a string, names and values as placeholders of {@code expr}. */
  private static String piece(Condition.Piece p) {
    if (p instanceof Condition.Piece.Text t) {
      return pyString(t.text());
    }
    if (p instanceof Condition.Piece.Name n) {
      return "expr.name(" + pyString(n.attribute()) + ")";
    }
    return placeholder(((Condition.Piece.Value) p).operand());
  }

  /** The placeholder of an operand: another attribute's name, or the value of a parameter or constant. */
  static String placeholder(Schema.Operand o) {
    return o instanceof Schema.Operand.Attribute a ? "expr.name(" + pyString(a.field()) + ")" : "expr.value(" + operandValue(o) + ")";
  }

  /** The value of a parameter (its variable) or of a constant (a Python literal: a string, an int, a Decimal, a bool). */
  static String operandValue(Schema.Operand o) {
    if (o instanceof Schema.Operand.Literal l) {
      return PythonExtras.pyValue(dev.ddbmodel.core.json.Json.parseTrusted(l.json()));
    }
    return PythonNames.ident(((Schema.Operand.Param) o).name());
  }

  /** Appends the write condition to the list of condition parts {@code list}, as one parenthesised part. */
  private static void userCondition(StringBuilder sb, Condition c, String list) {
    sb.append("        terms: list[str] = []\n");
    terms(sb, "        ", c, "terms");
    sb.append("        ").append(list).append(".append(joined(terms, ").append(pyString(c.joiner())).append("))\n");
  }

  private static final String CCF = "        except ClientError as err:\n            if err.response[\"Error\"][\"Code\"] == \"ConditionalCheckFailedException\":\n";

  private String pageReturn(ResultKind r) {
    return r == ResultKind.PAGE ? "Page[" + entityCls + "]" : "Page[dict[str, Any]]";
  }

  private void paging(StringBuilder sb, ResultKind r, String call, Optional<String> drop) {
    paging(sb, r, call, drop, Optional.empty());
  }

  /** The name of the method that types one raw item of a collection pattern. */
  private static String classifier(Operation.Query op) {
    return "_" + method(op.pattern()).replaceFirst("_+$", "") + "_item";
  }

  /** The method that types one raw item of an item collection: the plan's rule, spelled in Python. */
  private String classify(Operation.Query op, CollectionPlan c) {
    StringBuilder sb = new StringBuilder("\n    def ").append(classifier(op)).append("(self, item: dict[str, Any]) -> Optional[").append(c.typeName()).append("]:\n");
    sb.append("        \"\"\"The entity one item of pattern ").append(op.pattern().id())
        .append("'s collection holds (None: not one of its entities, the page leaves it out).\"\"\"\n");
    if (c.byEntityType()) {
      sb.append("        kind = item.get(\"entity_type\", {}).get(\"S\")\n        if kind is not None:\n");
      for (CollectionPlan.Variant v : c.variants()) {
        sb.append("            if kind == ").append(pyString(v.entityType())).append(":\n                return ").append(cls(v.entity()))
            .append(".model_validate(deserialize(item))\n");
      }
      sb.append("            return None\n");
    }
    List<CollectionPlan.Variant> bySk = c.sortKeyOrder();
    if (c.sortKeyAttribute().isPresent() && !bySk.isEmpty()) {
      sb.append("        sort_key = item.get(").append(pyString(c.sortKeyAttribute().get())).append(", {}).get(\"S\")\n        if sort_key is not None:\n");
      for (CollectionPlan.Variant v : bySk) {
        CollectionPlan.SortKeyMatch m = v.sortKey().get();
        sb.append("            if sort_key").append(m.exact() ? " == " + pyString(m.value()) : ".startswith(" + pyString(m.value()) + ")").append(":\n                return ")
            .append(cls(v.entity())).append(".model_validate(deserialize(item))\n");
      }
    }
    sb.append("        return None\n");
    return sb.toString();
  }

  private void paging(StringBuilder sb, ResultKind r, String call, Optional<String> drop, Optional<String> typed) {
    sb.append("        if limit is not None:\n            request[\"Limit\"] = limit\n");
    sb.append("        start = decode_token(next_token)\n        if start:\n            request[\"ExclusiveStartKey\"] = start\n");
    sb.append("        response = self._client.").append(call).append("(**expr.apply(request))\n");
    sb.append("        raw = response.get(\"Items\", [])\n");
    drop.ifPresent(sb::append);
    if (typed.isPresent()) {
      sb.append("        items = [x for x in (self.").append(typed.get()).append("(i) for i in raw) if x is not None]\n");
    } else {
      sb.append("        items = [").append(r == ResultKind.PAGE ? "self.from_item(i)" : "deserialize(i)").append(" for i in raw]\n");
    }
    sb.append("        return Page(items=items, next_token=encode_token(response.get(\"LastEvaluatedKey\")))\n");
  }

  private String query(Operation.Query op) {
    QueryPlan q = op.keys();
    Optional<Schema.GsiDef> g = q.index();
    StringBuilder sb = new StringBuilder(signature(op, ", limit: Optional[int] = None, next_token: Optional[str] = None, descending: bool = False",
        op.collection().map(c -> "Page[" + c.typeName() + "]").orElse(pageReturn(op.result()))));
    List<String> declared = op.params().stream().filter(p -> p.use() == ParamUse.Use.KEY).map(ParamUse::name).toList();
    sb.append("        values = ").append(dictOf(declared)).append("\n");
    sb.append("        expr = Expression()\n        conditions = []\n");
    List<QueryPlan.KeyCond> equalities = new ArrayList<>(q.partition());
    equalities.addAll(q.sortEquals());
    for (QueryPlan.KeyCond k : equalities) {
      sb.append("        conditions.append(expr.name(").append(pyString(k.attribute())).append(") + \" = \" + expr.value(")
          .append(keyExpr(k.template(), e, "values")).append("))\n");
    }
    q.range().ifPresent(r -> {
      String attr = pyString(r.attribute());
      List<String> vals = r.values().stream().map(v -> value(v, r.numeric())).toList();
      switch (r.operator()) {
        case "begins_with" -> sb.append("        conditions.append(\"begins_with(\" + expr.name(").append(attr).append(") + \", \" + expr.value(")
            .append(vals.get(0)).append(") + \")\")\n");
        case "between" -> sb.append("        conditions.append(expr.name(").append(attr).append(") + \" BETWEEN \" + expr.value(").append(vals.get(0))
            .append(") + \" AND \" + expr.value(").append(vals.get(1)).append("))\n");
        default -> sb.append("        conditions.append(expr.name(").append(attr).append(") + ").append(pyString(" " + r.operator() + " ")).append(" + expr.value(")
            .append(vals.get(0)).append("))\n");
      }
    });
    sb.append("        request: dict[str, Any] = {\"TableName\": self.table_name, \"KeyConditionExpression\": \" AND \".join(conditions)");
    g.ifPresent(x -> sb.append(", \"IndexName\": ").append(pyString(x.name())));
    if (op.consistent()) {
      sb.append(", \"ConsistentRead\": True");
    }
    sb.append("}\n");
    filter(sb, op.pattern(), op.typeFilter());
    sb.append("        if descending:\n            request[\"ScanIndexForward\"] = False\n");
    Optional<String> drop = q.range().flatMap(r -> r.exclude().map(v -> "        raw = [i for i in raw if deserialize({\"k\": i[" + pyString(r.attribute()) + "]})[\"k\"] != "
        + value(v, false) + "]  # strict bound\n"));
    paging(sb, op.result(), "query", drop, op.collection().map(c -> classifier(op)));
    op.collection().ifPresent(c -> sb.append(classify(op, c)));
    return sb.toString();
  }

  /** A range operand as a Python expression. */
  private static String value(QueryPlan.Value v, boolean numeric) {
    if (numeric && v.param().isPresent()) {
      return PythonNames.ident(v.param().get());
    }
    List<String> parts = new ArrayList<>();
    if (!v.prefix().isEmpty()) {
      parts.add(pyString(v.prefix()));
    }
    v.param().ifPresent(p -> parts.add("str(" + PythonNames.ident(p) + ")"));
    if (!v.suffix().isEmpty()) {
      parts.add(pyString(v.suffix()));
    }
    return parts.isEmpty() ? "\"\"" : String.join(" + ", parts);
  }

  private String scan(Operation.Scan op) {
    StringBuilder sb = new StringBuilder(signature(op, ", limit: Optional[int] = None, next_token: Optional[str] = None", pageReturn(op.result())));
    sb.append("        expr = Expression()\n        request: dict[str, Any] = {\"TableName\": self.table_name");
    op.index().ifPresent(x -> sb.append(", \"IndexName\": ").append(pyString(x.name())));
    if (op.consistent()) {
      sb.append(", \"ConsistentRead\": True");
    }
    sb.append("}\n");
    filter(sb, op.pattern(), op.typeFilter());
    paging(sb, op.result(), "scan", Optional.empty());
    return sb.toString();
  }

  private String batchGet(Operation.BatchGet op) {
    Schema.AccessPattern ap = op.pattern();
    StringBuilder sb = new StringBuilder("    def ").append(method(ap)).append("(self, keys: list[dict[str, Any]]) -> list[").append(entityCls).append("]:\n");
    sb.append("        \"\"\"Pattern ").append(ap.id()).append(": ").append(PythonNames.doc(ap.description())).append(" (each dict holds the key fields).\"\"\"\n");
    sb.append("        found: list[").append(entityCls).append("] = []\n");
    sb.append("        for start in range(0, len(keys), " + DynamoDbLimits.BATCH_GET_ITEMS + "):\n");
    sb.append("            pending = {self.table_name: {\"Keys\": [serialize(self.key(k)) for k in keys[start:start + " + DynamoDbLimits.BATCH_GET_ITEMS + "]]")
        .append(op.consistent() ? ", \"ConsistentRead\": True" : "").append("}}\n");
    sb.append("            for response in with_retries(lambda p: self._client.batch_get_item(RequestItems=p), pending, \"UnprocessedKeys\"):\n");
    sb.append("                found.extend(self.from_item(i) for i in response.get(\"Responses\", {}).get(self.table_name, []))\n");
    sb.append("        return found\n");
    return sb.toString();
  }

  private String batchWrite(Operation.BatchWrite op) {
    Schema.AccessPattern ap = op.pattern();
    if (op.delete()) {
      StringBuilder sb = new StringBuilder("    def ").append(method(ap)).append("(self, keys: list[dict[str, Any]]) -> None:\n");
      sb.append("        \"\"\"Pattern ").append(ap.id()).append(": ").append(PythonNames.doc(ap.description())).append(" (deletes; each dict holds the key fields).\"\"\"\n");
      sb.append("        for start in range(0, len(keys), " + DynamoDbLimits.BATCH_WRITE_ITEMS + "):\n");
      sb.append("            pending = {self.table_name: [{\"DeleteRequest\": {\"Key\": serialize(self.key(k))}} for k in keys[start:start + " + DynamoDbLimits.BATCH_WRITE_ITEMS + "]]}\n");
      sb.append("            with_retries(lambda p: self._client.batch_write_item(RequestItems=p), pending, \"UnprocessedItems\")\n");
      return sb.toString();
    }
    StringBuilder sb = new StringBuilder("    def ").append(method(ap)).append("(self, items: list[").append(entityCls).append("]) -> None:\n");
    sb.append("        \"\"\"Pattern ").append(ap.id()).append(": ").append(PythonNames.doc(ap.description())).append("\"\"\"\n");
    sb.append("        for start in range(0, len(items), " + DynamoDbLimits.BATCH_WRITE_ITEMS + "):\n");
    sb.append("            pending = {self.table_name: [{\"PutRequest\": {\"Item\": serialize(self.to_item(i))}} for i in items[start:start + " + DynamoDbLimits.BATCH_WRITE_ITEMS + "]]}\n");
    sb.append("            with_retries(lambda p: self._client.batch_write_item(RequestItems=p), pending, \"UnprocessedItems\")\n");
    return sb.toString();
  }
}
