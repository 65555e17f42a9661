package dev.ddbmodel.codegen.internal.python;

import static dev.ddbmodel.codegen.internal.python.PythonDalGenerator.cls;
import static dev.ddbmodel.codegen.internal.python.PythonDalGenerator.pyString;

import dev.ddbmodel.codegen.internal.plan.TransactionPlan;
import dev.ddbmodel.core.json.Json;
import dev.ddbmodel.schema.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One cross-table transaction method of the Python TransactionService, rendered from its {@link TransactionPlan}. */
final class TransactionWriter {
  private final TransactionPlan plan;
  private final Schema.CrossTablePattern x;

  TransactionWriter(TransactionPlan plan) {
    this.plan = plan;
    this.x = plan.pattern();
  }

  /** The module-level helpers every transaction method calls. */
  static String helpers() {
    return """
        def _add(actions: list[tuple[str, dict[str, Any], Any]], label: str, kind: str, repo: Any, *, key: Optional[dict[str, Any]] = None, item: Any = None,
                 condition: Optional[str] = None, update: Optional[str] = None, names: Optional[dict[str, str]] = None,
                 values: Optional[dict[str, Any]] = None) -> None:
            \"\"\"Appends one action: the request, its label (named in cancellation reasons) and the item it touches.\"\"\"
            request: dict[str, Any] = {"TableName": repo.table_name}
            if item is not None:
                request["Item"] = serialize(repo.to_item(item))
                key = repo.key(item.model_dump(mode="python", by_alias=True))
            else:
                key = repo.key(key or {})
                request["Key"] = serialize(key)
            if update:
                request["UpdateExpression"] = update
            if condition:
                request["ConditionExpression"] = condition
            if names:
                request["ExpressionAttributeNames"] = names
            if values:
                request["ExpressionAttributeValues"] = {k: serialize_value(v) for k, v in values.items()}
            actions.append((label, {kind: request}, (repo.table_name, tuple(sorted((k, repr(v)) for k, v in key.items())))))


        def _supplied(values: Optional[dict[str, Any]], placeholder: str) -> Any:
            \"\"\"A value the schema leaves to the caller (a reference-form condition placeholder nothing binds).\"\"\"
            if not values or placeholder[1:] not in values:
                raise ValueError(f"the transaction needs a value for {placeholder}: pass condition_values={{{placeholder[1:]!r}: ...}}")
            return values[placeholder[1:]]


        def _checked(actions: list[tuple[str, dict[str, Any], Any]]) -> list[dict[str, Any]]:
            \"\"\"The request items, refused before DynamoDB sees them when there are too many or two touch one item.\"\"\"
            if len(actions) > MAX_ACTIONS:
                raise ValueError(f"the transaction has {len(actions)} actions; DynamoDB takes at most {MAX_ACTIONS}")
            seen: dict[Any, str] = {}
            for label, _, target in actions:
                if target in seen:
                    raise ValueError(f"actions {seen[target]!r} and {label!r} touch the same item; DynamoDB refuses two actions on one item in a transaction")
                seen[target] = label
            return [request for _, request, _ in actions]


        def _write(client: Any, actions: list[tuple[str, dict[str, Any], Any]]) -> bool:
            items = _checked(actions)
            if not items:
                return True
            try:
                client.transact_write_items(TransactItems=items)
                return True
            except ClientError as err:
                if err.response["Error"]["Code"] == "TransactionCanceledException":
                    raise TransactionCancelledError(cancellation_reasons(err.response), [label for label, _, _ in actions]) from err
                raise


        """;
  }

  String method() {
    StringBuilder sb = new StringBuilder("\n    def ").append(PythonNames.method(x.name())).append("(self");
    for (Schema.Parameter p : x.parameters()) {
      sb.append(", ").append(PythonNames.ident(p.name())).append(": ").append(type(p));
    }
    if (plan.suppliedValues()) {
      sb.append(", condition_values: Optional[dict[str, Any]] = None");
    }
    sb.append(") -> ").append(plan.write() ? "bool" : "dict[str, Any]").append(":\n");
    sb.append("        \"\"\"Pattern ").append(x.id()).append(": ").append(PythonNames.doc(x.description())).append("\"\"\"\n");
    List<String> dumped = new ArrayList<>();
    plan.actions().forEach(a -> a.entityParams().stream().filter(p -> !dumped.contains(p)).forEach(dumped::add));
    if (!dumped.isEmpty()) {
      sb.append("        _dumped = {").append(String.join(", ", dumped.stream().map(p -> pyString(p) + ": " + PythonNames.ident(p) + ".model_dump(mode=\"python\", by_alias=True)").toList()))
          .append("}\n");
    }
    sb.append("        _actions: list[tuple[str, dict[str, Any], Any]] = []\n");
    for (TransactionPlan.Action a : plan.actions()) {
      String indent = "        ";
      String label = pyString(a.label());
      if (a.forEach().isPresent()) {
        sb.append("        for _i, _each in enumerate(").append(PythonNames.ident(a.forEach().get())).append("):\n");
        sb.append("            _element = _each.model_dump(mode=\"python\", by_alias=True)\n");
        indent = "            ";
        label = pyString(a.label() + "[") + " + str(_i) + \"]\"";
      }
      sb.append(indent).append("_add(_actions, ").append(label).append(", ").append(pyString(a.action())).append(", ").append(cls(a.entity())).append("Repository(self._client)");
      if (a.item().isPresent()) {
        sb.append(", item=").append(a.forEach().isPresent() && a.item().get().param().equals(a.forEach().get()) ? "_each" : PythonNames.ident(a.item().get().param()));
      } else {
        sb.append(", key=").append(dict(a, a.key()));
      }
      a.condition().ifPresent(c -> sb.append(", condition=").append(pyString(c)));
      a.update().ifPresent(u -> sb.append(", update=").append(pyString(u)));
      if (!a.names().isEmpty()) {
        sb.append(", names={").append(String.join(", ", a.names().entrySet().stream().map(e -> pyString(e.getKey()) + ": " + pyString(e.getValue())).toList())).append("}");
      }
      if (!a.values().isEmpty()) {
        sb.append(", values=").append(dict(a, a.values()));
      }
      sb.append(")\n");
    }
    if (plan.write()) {
      sb.append("        return _write(self._client, _actions)\n");
    } else {
      sb.append("        response = self._client.transact_get_items(TransactItems=_checked(_actions))\n        out: dict[str, Any] = {}\n");
      for (int k = 0; k < plan.actions().size(); k++) {
        String e = plan.actions().get(k).entity();
        sb.append("        item = response[\"Responses\"][").append(k).append("].get(\"Item\")\n");
        sb.append("        out[").append(pyString(e)).append("] = ").append(cls(e)).append("Repository(self._client).from_item(item) if item else None\n");
      }
      sb.append("        return out\n");
    }
    return sb.toString();
  }

  private String type(Schema.Parameter p) {
    if (p.type().equals("entity")) {
      return cls(p.entityType().orElseThrow());
    }
    if (p.type().equals("array") && p.entityType().isPresent() && plan.lists().contains(p.name())) {
      return "list[" + cls(p.entityType().get()) + "]";
    }
    return PythonDalGenerator.paramType(p, null);
  }

  private static String dict(TransactionPlan.Action a, Map<String, Schema.ValueRef> m) {
    return "{" + String.join(", ", m.entrySet().stream().map(e -> pyString(e.getKey()) + ": " + value(a, e.getValue())).toList()) + "}";
  }

  /** A value source as a Python expression. */
  static String value(TransactionPlan.Action a, Schema.ValueRef v) {
    if (v instanceof Schema.ValueRef.Literal l) {
      return PythonExtras.pyValue(Json.parseTrusted(l.json()));
    }
    if (v instanceof Schema.ValueRef.Supplied s) {
      return "_supplied(condition_values, " + pyString(s.placeholder()) + ")";
    }
    Schema.ValueRef.Ref r = (Schema.ValueRef.Ref) v;
    if (r.field().isEmpty()) {
      return PythonNames.ident(r.param());
    }
    String base = a.forEach().isPresent() && a.forEach().get().equals(r.param()) ? "_element" : "_dumped[" + pyString(r.param()) + "]";
    return base + "[" + pyString(r.field().get()) + "]";
  }
}
