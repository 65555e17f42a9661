package dev.ddbmodel.codegen.python;

import static dev.ddbmodel.codegen.python.PythonDalGenerator.cls;
import static dev.ddbmodel.codegen.python.PythonDalGenerator.pyString;

import dev.ddbmodel.schema.model.KeyTemplate;
import dev.ddbmodel.schema.model.Schema;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** One cross-table transaction method of the Python TransactionService. */
final class TransactionWriter {
  private final Schema schema;
  private final Schema.CrossTablePattern x;

  TransactionWriter(Schema schema, Schema.CrossTablePattern x) {
    this.schema = schema;
    this.x = x;
  }

  String method() {
    StringBuilder sb = new StringBuilder("\n    def ").append(PythonNames.method(x.name())).append("(self");
    Set<String> names = new LinkedHashSet<>();
    for (Schema.Parameter p : x.parameters()) {
      sb.append(", ").append(PythonNames.ident(p.name())).append(": ").append(p.type().equals("entity") ? cls(p.entityType().orElseThrow()) : PythonDalGenerator.paramType(p, null));
      names.add(p.name());
    }
    boolean write = x.operation().equals("TransactWrite");
    sb.append(", condition_values: Optional[dict[str, Any]] = None) -> ").append(write ? "bool" : "dict[str, Any]").append(":\n");
    sb.append("        \"\"\"Pattern ").append(x.id()).append(": ").append(PythonNames.doc(x.description())).append("\"\"\"\n");
    sb.append("        params = {").append(String.join(", ", x.parameters().stream().map(p -> pyString(p.name()) + ": " + PythonNames.ident(p.name())).toList())).append("}\n");
    sb.append("        values: dict[str, Any] = {}\n");
    sb.append("        for v in params.values():\n            if hasattr(v, \"model_dump\"):\n                values.update(v.model_dump())\n");
    sb.append("        values.update({k: v for k, v in params.items() if not hasattr(v, \"model_dump\")})\n");
    sb.append("        values.update(condition_values or {})\n        items = []\n");
    for (Schema.Involvement inv : x.entitiesInvolved()) {
      Schema.Entity ent = schema.entities().get(inv.entity());
      String repo = cls(inv.entity()) + "Repository(self._client)";
      String entityParam = x.parameters().stream().filter(p -> p.type().equals("entity") && p.entityType().orElse("").equals(inv.entity()))
          .map(Schema.Parameter::name).findFirst().orElse(null);
      String cond = inv.condition().map(c -> ", **_condition(" + pyString(c) + ", values)").orElse("");
      sb.append("        repo = ").append(repo).append("\n");
      switch (inv.action()) {
        case "Put" -> {
          if (entityParam == null) {
            sb.append("        raise ValueError(\"").append(inv.entity()).append(" Put needs an entity parameter\")\n");
          } else {
            sb.append("        items.append({\"Put\": {\"TableName\": repo.table_name, \"Item\": serialize(repo.to_item(").append(entityParam).append("))").append(cond).append("}})\n");
          }
        }
        case "Delete" -> sb.append("        items.append({\"Delete\": {\"TableName\": repo.table_name, \"Key\": serialize(repo.key(values))").append(cond).append("}})\n");
        case "ConditionCheck" -> sb.append("        items.append({\"ConditionCheck\": {\"TableName\": repo.table_name, \"Key\": serialize(repo.key(values))")
            .append(cond.isEmpty() ? ", \"ConditionExpression\": \"attribute_exists(" + keyAttr(inv) + ")\"" : cond).append("}})\n");
        case "Update" -> {
          List<String> sets = new ArrayList<>();
          List<String> keyFields = new ArrayList<>(ent.pkTemplate().fieldNames());
          ent.skTemplate().map(KeyTemplate::fieldNames).ifPresent(keyFields::addAll);
          for (Schema.Parameter p : x.parameters()) {
            if (!p.type().equals("entity") && ent.field(p.name()).isPresent() && !keyFields.contains(p.name())) {
              sets.add(p.name());
            }
          }
          sb.append("        update = {\"TableName\": repo.table_name, \"Key\": serialize(repo.key(values))").append(cond).append("}\n");
          sb.append("        names = dict(update.get(\"ExpressionAttributeNames\", {}), **{\"#ver\": \"version\"})\n");
          sb.append("        vals = dict(update.get(\"ExpressionAttributeValues\", {}), **{\":zero\": serialize_value(0), \":one\": serialize_value(1)})\n");
          sb.append("        sets = [\"#ver = if_not_exists(#ver, :zero) + :one\"]\n");
          for (int i = 0; i < sets.size(); i++) {
            String s = sets.get(i);
            sb.append("        names[\"#f").append(i).append("\"] = ").append(pyString(s)).append("\n");
            sb.append("        vals[\":f").append(i).append("\"] = serialize_value(values[").append(pyString(s)).append("])\n");
            sb.append("        sets.append(\"#f").append(i).append(" = :f").append(i).append("\")\n");
          }
          sb.append("        update.update({\"UpdateExpression\": \"SET \" + \", \".join(sets), \"ExpressionAttributeNames\": names, \"ExpressionAttributeValues\": vals})\n");
          sb.append("        items.append({\"Update\": update})\n");
        }
        case "Get" -> sb.append("        items.append({\"Get\": {\"TableName\": repo.table_name, \"Key\": serialize(repo.key(values))}})\n");
        default -> throw new IllegalStateException(inv.action());
      }
    }
    if (write) {
      sb.append("        try:\n            self._client.transact_write_items(TransactItems=items)\n            return True\n");
      sb.append("        except ClientError as err:\n            if err.response[\"Error\"][\"Code\"] == \"TransactionCanceledException\":\n");
      sb.append("                raise TransactionCancelledError(cancellation_reasons(err.response)) from err\n            raise\n");
    } else {
      sb.append("        response = self._client.transact_get_items(TransactItems=items)\n        out: dict[str, Any] = {}\n");
      int k = 0;
      for (Schema.Involvement inv : x.entitiesInvolved()) {
        sb.append("        item = response[\"Responses\"][").append(k++).append("].get(\"Item\")\n");
        sb.append("        out[").append(pyString(inv.entity())).append("] = ").append(cls(inv.entity())).append("Repository(self._client).from_item(item) if item else None\n");
      }
      sb.append("        return out\n");
    }
    return sb.toString();
  }

  private String keyAttr(Schema.Involvement inv) {
    return schema.table(inv.table()).map(Schema.TableDef::partitionKey).orElse("pk");
  }
}
