"""Runs a conformance scenario through a generated Python DAL; prints one JSON result per step."""
import json
import sys
from decimal import Decimal

import boto3

sys.path.insert(0, sys.argv[1])
from dal import base, entities, repositories, transactions  # noqa: E402
from dal.tables import create_tables  # noqa: E402


def plain(v):
    if isinstance(v, Decimal):
        return int(v) if v == v.to_integral_value() else float(v)
    if isinstance(v, dict):
        return {k: plain(x) for k, x in v.items() if x is not None}
    if isinstance(v, (list, tuple)):
        return [plain(x) for x in v]
    return v


def norm(r, collection=False):
    if collection and isinstance(r, base.Page):
        # an item collection: each item typed, its entity named
        return {"items": [dict(plain(i.model_dump(by_alias=True)), _entity=type(i).__name__) for i in r.items]}
    if r is None:
        return {"none": True}
    if isinstance(r, bool):
        return {"flag": r}
    if hasattr(r, "model_dump"):
        return {"item": plain(r.model_dump(by_alias=True))}
    if isinstance(r, base.Page):
        return {"items": [norm(i).get("item", i) if hasattr(i, "model_dump") else plain(i) for i in r.items]}
    if isinstance(r, list):
        return {"items": [norm(i)["item"] if hasattr(i, "model_dump") else plain(i) for i in r]}
    return {"value": plain(r)}


def main():
    schema = json.load(open(sys.argv[2]))
    scenario = json.load(open(sys.argv[3]))
    client = boto3.client("dynamodb", endpoint_url=sys.argv[4], region_name="us-east-1", aws_access_key_id="local", aws_secret_access_key="local")
    create_tables(client)
    patterns = {}
    for t in schema["tables"]:
        for name, e in t["entities"].items():
            for ap in e.get("access_patterns", []):
                patterns[(name, ap["name"])] = ap
    out = []
    for i, step in enumerate(scenario["steps"]):
        if "create" in step:
            model = getattr(entities, step["create"])
            getattr(repositories, step["create"] + "Repository")(client).create(model.model_validate(step["data"]))
            continue
        if "transaction" in step:
            ap = [x for x in schema.get("cross_table_access_patterns", []) if x["name"] == step["transaction"]][0]
            repo = transactions.TransactionService(client)
            step = dict(step, call=step["transaction"], entity=None)
        elif "call" in step:
            ap = patterns[(step["entity"], step["call"])]
            repo = getattr(repositories, step["entity"] + "Repository")(client)
        else:
            continue
        args = []
        for p in ap.get("parameters", []):
            v = step["args"].get(p["name"])
            if ap.get("operation") == "BatchWriteItem" and ap.get("batch_action") != "Delete" and v is not None:
                # a batch put takes a list of entities, whether its parameter says entity or array
                v = [getattr(entities, step["entity"]).model_validate(x) for x in v]
            elif p["type"] == "entity" and v is not None:
                v = getattr(entities, p.get("entity_type", step["entity"])).model_validate(v)
            elif p["type"] == "array" and p.get("entity_type") and v is not None:
                v = [getattr(entities, p["entity_type"]).model_validate(x) for x in v]
            args.append(v)
        method = [m for m in dir(repo) if m.rstrip("_") == step["call"].rstrip("_") and not m.startswith("__")][0]
        opts = step.get("options", {})
        collection = ap.get("operation") == "Query" and ap.get("return_type") == "mixed_data"
        try:
            fn = getattr(repo, method)
            if opts:
                kw = {k: opts[k] for k in ("limit", "descending") if k in opts}
                items, pages, token = [], 0, None
                while True:
                    page = fn(*args, next_token=token, **kw)
                    pages += 1
                    items.extend(norm(page, collection)["items"])
                    token = page.next_token
                    if not token or not opts.get("all_pages"):
                        break
                r = {"items": items, "pages": pages}
            elif ap.get("operation") == "TransactGet":
                found = fn(*args)
                r = {"items": [norm(found.get(inv["entity"])).get("item", {"none": True}) for inv in ap["entities_involved"]]}
            else:
                r = norm(fn(*args), collection)
        except base.ConcurrentModificationError:
            r = {"error": "conflict"}
        except base.ConditionFailedError:
            r = {"error": "condition_failed"}
        except base.TransactionCancelledError as err:
            r = {"error": "cancelled", "reasons": [x["code"] for x in err.reasons], "failed": [x["action"] for x in err.reasons if x["code"] != "None"]}
        except Exception as err:  # noqa: BLE001
            r = {"error": "other", "message": f"{type(err).__name__}: {err}"}
        out.append({"step": i, "result": r})
    print(json.dumps(out, sort_keys=True))


main()
