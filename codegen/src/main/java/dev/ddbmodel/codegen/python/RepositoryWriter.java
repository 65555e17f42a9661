package dev.ddbmodel.codegen.python;

import static dev.ddbmodel.codegen.python.PythonDalGenerator.cls;
import static dev.ddbmodel.codegen.python.PythonDalGenerator.keyExpr;
import static dev.ddbmodel.codegen.python.PythonDalGenerator.pyString;

import dev.ddbmodel.codegen.plan.QueryPlan;
import dev.ddbmodel.schema.model.KeyTemplate;
import dev.ddbmodel.schema.model.Schema;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Python methods of one entity's repository. */
final class RepositoryWriter {
  private final Schema schema;
  private final Schema.TableDef table;
  private final Schema.Entity e;
  private final String entityCls;

  RepositoryWriter(Schema schema, Schema.TableDef table, Schema.Entity e) {
    this.schema = schema;
    this.table = table;
    this.e = e;
    this.entityCls = cls(e.name());
  }

  List<String> keyFields() {
    List<KeyTemplate> ts = new ArrayList<>(List.of(e.pkTemplate()));
    e.skTemplate().ifPresent(ts::add);
    return PythonDalGenerator.fields(ts);
  }

  List<String> methods() {
    List<String> out = new ArrayList<>();
    out.add(itemMethods());
    out.add(crud());
    for (Schema.AccessPattern ap : e.accessPatterns()) {
      out.add(pattern(ap));
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
    sb.append("        key = {").append(pyString(table.partitionKey())).append(": ").append(keyExpr(e.pkTemplate(), e, "values"));
    if (table.sortKey().isPresent() && e.skTemplate().isPresent()) {
      sb.append(", ").append(pyString(table.sortKey().get())).append(": ").append(keyExpr(e.skTemplate().get(), e, "values"));
    }
    sb.append("}\n");
    sb.append("        missing = [k for k, v in key.items() if v is None]\n");
    sb.append("        if missing:\n            raise ValueError(f\"cannot build key attributes {missing} of ").append(e.name())
        .append(" from {sorted(values)}\")\n        return key\n\n");
    sb.append("    def to_item(self, entity: ").append(entityCls).append(") -> dict[str, Any]:\n");
    sb.append("        \"\"\"The DynamoDB item: fields, primary key, and the key attributes of every mapped GSI.\"\"\"\n");
    sb.append("        values = entity.model_dump(mode=\"python\")\n");
    sb.append("        item = {k: v for k, v in values.items() if v is not None}\n");
    sb.append("        item.update(self.key(values))\n");
    for (Schema.GsiMapping m : e.gsiMappings()) {
      Schema.GsiDef g = table.gsi(m.name()).orElseThrow();
      for (int i = 0; i < g.partitionKey().size(); i++) {
        gsiAttr(sb, g.partitionKey().get(i), m.pkTemplates().get(i));
      }
      for (int i = 0; i < g.sortKey().size() && i < m.skTemplates().size(); i++) {
        gsiAttr(sb, g.sortKey().get(i), m.skTemplates().get(i));
      }
    }
    if (e.field("entity_type").isEmpty()) {
      sb.append("        item[\"entity_type\"] = ").append(pyString(e.entityType())).append("\n");
    }
    sb.append("        return item\n\n");
    sb.append("    def from_item(self, item: dict[str, Any]) -> ").append(entityCls).append(":\n");
    sb.append("        return ").append(entityCls).append(".model_validate(deserialize(item))\n");
    return sb.toString();
  }

  private void gsiAttr(StringBuilder sb, String attr, KeyTemplate t) {
    sb.append("        value = ").append(keyExpr(t, e, "values")).append("\n");
    sb.append("        if value is not None:\n            item[").append(pyString(attr)).append("] = value\n");
    sb.append("        else:\n            item.pop(").append(pyString(attr)).append(", None)  # sparse: not indexed\n");
  }

  private String args(List<String> fields) {
    StringBuilder sb = new StringBuilder();
    for (String f : fields) {
      sb.append(", ").append(f).append(": ").append(typeOf(f));
    }
    return sb.toString();
  }

  private String dictOf(List<String> names) {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < names.size(); i++) {
      sb.append(i > 0 ? ", " : "").append(pyString(names.get(i))).append(": ").append(names.get(i));
    }
    return sb.append("}").toString();
  }

  private String crud() {
    List<String> kf = keyFields();
    String pk = table.partitionKey();
    StringBuilder sb = new StringBuilder();
    sb.append("    def create(self, entity: ").append(entityCls).append(") -> ").append(entityCls).append(":\n");
    sb.append("        \"\"\"Store a new item; fails with ConcurrentModificationError if the key exists.\"\"\"\n");
    sb.append("        created = entity.model_copy(update={\"version\": 1})\n");
    sb.append("        try:\n            self._client.put_item(TableName=self.table_name, Item=serialize(self.to_item(created)),\n");
    sb.append("                ConditionExpression=\"attribute_not_exists(#pk)\", ExpressionAttributeNames={\"#pk\": ").append(pyString(pk)).append("})\n");
    sb.append("        except ClientError as err:\n            if err.response[\"Error\"][\"Code\"] == \"ConditionalCheckFailedException\":\n");
    sb.append("                raise ConcurrentModificationError(f\"").append(e.name()).append(" {self.key(entity.model_dump())} already exists\") from err\n            raise\n");
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
    sb.append("                raise ConcurrentModificationError(f\"").append(e.name()).append(" {self.key(entity.model_dump())} changed since version {entity.version}\") from err\n            raise\n");
    sb.append("        return updated\n\n");
    sb.append("    def delete(self").append(args(kf)).append(") -> bool:\n");
    sb.append("        response = self._client.delete_item(TableName=self.table_name, Key=serialize(self.key(").append(dictOf(kf))
        .append(")), ReturnValues=\"ALL_OLD\")\n        return \"Attributes\" in response\n");
    return sb.toString();
  }

  private String pattern(Schema.AccessPattern ap) {
    return switch (ap.operation()) {
      case "GetItem" -> getItem(ap);
      case "PutItem" -> putItem(ap);
      case "DeleteItem" -> deleteItem(ap);
      case "UpdateItem" -> updateItem(ap);
      case "Query" -> query(ap);
      case "Scan" -> scan(ap);
      case "BatchGetItem" -> batchGet(ap);
      case "BatchWriteItem" -> batchWrite(ap);
      default -> throw new IllegalStateException(ap.operation());
    };
  }

  /** Signature: declared parameters, then any key fields the pattern did not declare. */
  private String signature(Schema.AccessPattern ap, List<String> needed, String extra, String returns) {
    StringBuilder sb = new StringBuilder("    def ").append(ap.name()).append("(self");
    Set<String> names = new LinkedHashSet<>();
    for (Schema.Parameter p : ap.parameters()) {
      sb.append(", ").append(p.name()).append(": ").append(PythonDalGenerator.paramType(p, e));
      names.add(p.name());
    }
    for (String f : needed) {
      if (names.add(f)) {
        sb.append(", ").append(f).append(": ").append(typeOf(f));
      }
    }
    sb.append(extra).append(") -> ").append(returns).append(":\n");
    sb.append("        \"\"\"Pattern ").append(ap.id()).append(": ").append(ap.description().replace("\"\"\"", "'")).append("\"\"\"\n");
    return sb.toString();
  }

  private String getItem(Schema.AccessPattern ap) {
    List<String> kf = keyFields();
    return signature(ap, kf, "", "Optional[" + entityCls + "]")
        + "        return self.get(" + String.join(", ", kf.stream().map(f -> f + "=" + f).toList()) + ", consistent_read=" + (ap.consistentRead() ? "True" : "False") + ")\n";
  }

  private String putItem(Schema.AccessPattern ap) {
    StringBuilder body = new StringBuilder();
    String ret = "None";
    String first = null;
    for (Schema.Parameter p : ap.parameters()) {
      if (p.type().equals("entity")) {
        String other = p.entityType().orElse(e.name());
        String repo = other.equals(e.name()) ? "self" : cls(other) + "Repository(self._client)";
        body.append("        ").append(repo).append("._client.put_item(TableName=").append(repo).append(".table_name, Item=serialize(")
            .append(repo).append(".to_item(").append(p.name()).append(")))\n");
        if (first == null && other.equals(e.name())) {
          first = p.name();
        }
      }
    }
    if (body.length() == 0) {
      body.append("        raise DataAccessError(\"pattern ").append(ap.id()).append(" declares no entity parameter to store\")\n");
    } else if (ap.returnType().equals("single_entity") && first != null) {
      body.append("        return ").append(first).append("\n");
      ret = entityCls;
    } else if (ap.returnType().equals("success_flag")) {
      body.append("        return True\n");
      ret = "bool";
    }
    return signature(ap, List.of(), "", ret) + body;
  }

  private String deleteItem(Schema.AccessPattern ap) {
    List<String> kf = keyFields();
    boolean flag = ap.returnType().equals("success_flag");
    return signature(ap, kf, "", flag ? "bool" : "None")
        + "        " + (flag ? "return " : "") + "self.delete(" + String.join(", ", kf.stream().map(f -> f + "=" + f).toList()) + ")\n";
  }

  private String updateItem(Schema.AccessPattern ap) {
    List<String> kf = keyFields();
    List<String> sets = new ArrayList<>();
    for (Schema.Parameter p : ap.parameters()) {
      if (!kf.contains(p.name()) && e.field(p.name()).isPresent()) {
        sets.add(p.name());
      }
    }
    StringBuilder sb = new StringBuilder(signature(ap, kf, "", "Optional[" + entityCls + "]"));
    sb.append("        values = ").append(dictOf(concat(kf, sets))).append("\n");
    sb.append("        expr = Expression()\n        assignments = []\n");
    for (String s : sets) {
      sb.append("        assignments.append(expr.name(").append(pyString(s)).append(") + \" = \" + expr.value(").append(s).append("))\n");
    }
    for (Schema.GsiMapping m : e.gsiMappings()) {
      Schema.GsiDef g = table.gsi(m.name()).orElseThrow();
      List<KeyTemplate> ts = new ArrayList<>(m.pkTemplates());
      ts.addAll(m.skTemplates());
      List<String> attrs = new ArrayList<>(g.partitionKey());
      attrs.addAll(g.sortKey());
      for (int i = 0; i < ts.size() && i < attrs.size(); i++) {
        List<String> tf = ts.get(i).fieldNames();
        if (!attrs.get(i).equals(tf.size() == 1 ? tf.get(0) : "") && tf.stream().anyMatch(sets::contains) && concat(kf, sets).containsAll(tf)) {
          sb.append("        assignments.append(expr.name(").append(pyString(attrs.get(i))).append(") + \" = \" + expr.value(")
              .append(keyExpr(ts.get(i), e, "values")).append("))  # keep GSI ").append(g.name()).append(" in step\n");
        }
      }
    }
    sb.append("        assignments.append(expr.name(\"version\") + \" = if_not_exists(\" + expr.name(\"version\") + \", \" + expr.value(0) + \") + \" + expr.value(1))\n");
    sb.append("        request = expr.apply({\"TableName\": self.table_name, \"Key\": serialize(self.key(values)),\n");
    sb.append("            \"UpdateExpression\": \"SET \" + \", \".join(assignments),\n");
    sb.append("            \"ConditionExpression\": \"attribute_exists(\" + expr.name(").append(pyString(table.partitionKey())).append(") + \")\", \"ReturnValues\": \"ALL_NEW\"})\n");
    sb.append("        try:\n            response = self._client.update_item(**request)\n");
    sb.append("        except ClientError as err:\n            if err.response[\"Error\"][\"Code\"] == \"ConditionalCheckFailedException\":\n                return None\n            raise\n");
    sb.append("        return self.from_item(response[\"Attributes\"])\n");
    return sb.toString();
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    b.stream().filter(x -> !out.contains(x)).forEach(out::add);
    return out;
  }

  private void filter(StringBuilder sb, Schema.AccessPattern ap, boolean scanTypeFilter) {
    sb.append("        filters = []\n");
    ap.filter().ifPresent(f -> {
      for (Schema.FilterCondition c : f.conditions()) {
        List<String> vals = new ArrayList<>();
        c.param().ifPresent(vals::add);
        c.param2().ifPresent(vals::add);
        vals.addAll(c.params());
        sb.append("        filters.append(condition(expr, ").append(pyString(c.field())).append(", ")
            .append(c.operator().map(PythonDalGenerator::pyString).orElse("None")).append(", ")
            .append(c.function().map(PythonDalGenerator::pyString).orElse("None")).append(", [").append(String.join(", ", vals)).append("]))\n");
      }
    });
    String joiner = ap.filter().map(Schema.FilterExpression::logicalOperator).orElse("AND");
    sb.append("        filter_text = \" ").append(joiner).append(" \".join(f\"({x})\" for x in filters)\n");
    if (scanTypeFilter) {
      sb.append("        type_filter = expr.name(\"entity_type\") + \" = \" + expr.value(").append(pyString(e.entityType())).append(")\n");
      sb.append("        filter_text = f\"{type_filter} AND ({filter_text})\" if filter_text else type_filter\n");
    }
    sb.append("        if filter_text:\n            request[\"FilterExpression\"] = filter_text\n");
  }

  private String pageReturn(Optional<Schema.GsiDef> g) {
    boolean dicts = g.isPresent() && !g.get().projection().equals("ALL");
    return dicts ? "Page[dict[str, Any]]" : "Page[" + entityCls + "]";
  }

  private void paging(StringBuilder sb, Optional<Schema.GsiDef> g, String call) {
    boolean dicts = g.isPresent() && !g.get().projection().equals("ALL");
    sb.append("        if limit is not None:\n            request[\"Limit\"] = limit\n");
    sb.append("        start = decode_token(next_token)\n        if start:\n            request[\"ExclusiveStartKey\"] = start\n");
    sb.append("        response = self._client.").append(call).append("(**expr.apply(request))\n");
    sb.append("        items = [").append(dicts ? "deserialize(i)" : "self.from_item(i)").append(" for i in response.get(\"Items\", [])]\n");
    sb.append("        return Page(items=items, next_token=encode_token(response.get(\"LastEvaluatedKey\")))\n");
  }

  private String query(Schema.AccessPattern ap) {
    QueryPlan plan = QueryPlan.of(table, e, ap);
    Optional<Schema.GsiDef> g = plan.index();
    List<String> pkFields = new ArrayList<>();
    plan.partition().forEach(k -> k.template().fieldNames().stream().filter(f -> !pkFields.contains(f)).forEach(pkFields::add));
    StringBuilder sb = new StringBuilder(signature(ap, pkFields, ", limit: Optional[int] = None, next_token: Optional[str] = None, descending: bool = False",
        pageReturn(g)));
    sb.append("        values = ").append(dictOf(plan.keyParams())).append("\n");
    sb.append("        expr = Expression()\n        conditions = []\n");
    List<QueryPlan.KeyCond> equalities = new ArrayList<>(plan.partition());
    equalities.addAll(plan.sortEquals());
    for (QueryPlan.KeyCond k : equalities) {
      sb.append("        conditions.append(expr.name(").append(pyString(k.attribute())).append(") + \" = \" + expr.value(")
          .append(keyExpr(k.template(), e, "values")).append("))\n");
    }
    plan.range().ifPresent(r -> {
      String attr = pyString(r.attribute());
      List<String> vals = new ArrayList<>();
      if (r.params().isEmpty()) {
        vals.add(pyString(r.prefix()));
      }
      for (String p : r.params()) {
        vals.add(r.numeric() ? p : pyString(r.prefix()) + " + str(" + p + ")");
      }
      switch (r.operator()) {
        case "begins_with" -> sb.append("        conditions.append(\"begins_with(\" + expr.name(").append(attr).append(") + \", \" + expr.value(")
            .append(vals.get(0)).append(") + \")\")\n");
        case "between" -> sb.append("        conditions.append(expr.name(").append(attr).append(") + \" BETWEEN \" + expr.value(").append(vals.get(0))
            .append(") + \" AND \" + expr.value(").append(vals.get(1)).append("))\n");
        default -> sb.append("        conditions.append(expr.name(").append(attr).append(") + \" ").append(r.operator()).append(" \" + expr.value(")
            .append(vals.get(0)).append("))\n");
      }
    });
    sb.append("        request: dict[str, Any] = {\"TableName\": self.table_name, \"KeyConditionExpression\": \" AND \".join(conditions)");
    g.ifPresent(x -> sb.append(", \"IndexName\": ").append(pyString(x.name())));
    if (ap.consistentRead() && g.isEmpty()) {
      sb.append(", \"ConsistentRead\": True");
    }
    sb.append("}\n");
    filter(sb, ap, false);
    sb.append("        if descending:\n            request[\"ScanIndexForward\"] = False\n");
    paging(sb, g, "query");
    return sb.toString();
  }

  private String scan(Schema.AccessPattern ap) {
    Optional<Schema.GsiDef> g = ap.indexName().flatMap(table::gsi);
    StringBuilder sb = new StringBuilder(signature(ap, List.of(), ", limit: Optional[int] = None, next_token: Optional[str] = None", pageReturn(g)));
    sb.append("        expr = Expression()\n        request: dict[str, Any] = {\"TableName\": self.table_name");
    g.ifPresent(x -> sb.append(", \"IndexName\": ").append(pyString(x.name())));
    sb.append("}\n");
    filter(sb, ap, table.entities().size() > 1 && e.field("entity_type").isEmpty());
    paging(sb, g, "scan");
    return sb.toString();
  }

  private String batchGet(Schema.AccessPattern ap) {
    StringBuilder sb = new StringBuilder("    def ").append(ap.name()).append("(self, keys: list[dict[str, Any]]) -> list[").append(entityCls).append("]:\n");
    sb.append("        \"\"\"Pattern ").append(ap.id()).append(": ").append(ap.description()).append(" (each dict holds the key fields).\"\"\"\n");
    sb.append("        found: list[").append(entityCls).append("] = []\n");
    sb.append("        for start in range(0, len(keys), 100):\n");
    sb.append("            pending = {self.table_name: {\"Keys\": [serialize(self.key(k)) for k in keys[start:start + 100]]}}\n");
    sb.append("            for response in with_retries(lambda p: self._client.batch_get_item(RequestItems=p), pending, \"UnprocessedKeys\"):\n");
    sb.append("                found.extend(self.from_item(i) for i in response.get(\"Responses\", {}).get(self.table_name, []))\n");
    sb.append("        return found\n");
    return sb.toString();
  }

  private String batchWrite(Schema.AccessPattern ap) {
    StringBuilder sb = new StringBuilder("    def ").append(ap.name()).append("(self, items: list[").append(entityCls).append("]) -> None:\n");
    sb.append("        \"\"\"Pattern ").append(ap.id()).append(": ").append(ap.description()).append("\"\"\"\n");
    sb.append("        for start in range(0, len(items), 25):\n");
    sb.append("            pending = {self.table_name: [{\"PutRequest\": {\"Item\": serialize(self.to_item(i))}} for i in items[start:start + 25]]}\n");
    sb.append("            with_retries(lambda p: self._client.batch_write_item(RequestItems=p), pending, \"UnprocessedItems\")\n");
    return sb.toString();
  }
}
