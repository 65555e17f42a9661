package dev.ddbmodel.codegen.typescript;

import static dev.ddbmodel.codegen.typescript.TsWriter.cls;
import static dev.ddbmodel.codegen.typescript.TsWriter.fn;
import static dev.ddbmodel.codegen.typescript.TsWriter.q;
import static dev.ddbmodel.codegen.typescript.TsWriter.var;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.codegen.plan.QueryPlan;
import dev.ddbmodel.core.json.Json;
import dev.ddbmodel.schema.model.KeyTemplate;
import dev.ddbmodel.schema.model.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** usage_examples.ts: every access pattern once, fed by usage_data.json, printing the same JSON summary as the Python examples. */
final class TsExamplesWriter {
  private final Schema schema;
  private final JsonNode usage;

  TsExamplesWriter(Schema schema, Optional<JsonNode> usage) {
    this.schema = schema;
    this.usage = usage.orElse(Json.object()).path("entities");
  }

  String write() {
    StringBuilder body = new StringBuilder();
    body.append("\nconst SAMPLES: Record<string, Record<string, Item>> = ").append(usage.isObject() ? Json.pretty(usage).strip() : "{}").append(";\n\n");
    body.append("@@HELPERS@@");
    body.append("/** Items in a result: page items, list length, 0 for nothing or false, else 1. */\nfunction count(result: unknown): number {\n");
    body.append("  if (result === undefined || result === null || result === false) {\n    return 0;\n  }\n  if (Array.isArray(result)) {\n    return result.length;\n  }\n");
    body.append("  if (typeof result === \"object\") {\n    const items = (result as { items?: unknown }).items;\n    if (Array.isArray(items)) {\n      return items.length;\n    }\n  }\n");
    body.append("  return 1;\n}\n\n");
    body.append("async function main(): Promise<number> {\n  const at = process.argv.indexOf(\"--endpoint\");\n");
    body.append("  const endpoint = at >= 0 ? process.argv[at + 1] : undefined;\n");
    body.append("  const raw = new DynamoDBClient({ region: \"us-east-1\", endpoint, credentials: { accessKeyId: \"local\", secretAccessKey: \"local\" } });\n");
    body.append("  const client = documentClient(raw);\n  if (endpoint !== undefined) {\n    await createTables(raw);\n  }\n");
    body.append("  const summary: Record<string, unknown> = {};\n  let failed = false;\n\n");
    body.append("  async function run(id: string | number, call: () => Promise<unknown>): Promise<void> {\n    try {\n");
    body.append("      const result = await call();\n      summary[String(id)] = { items: count(result), ok: true };\n    } catch (err) {\n");
    body.append("      if (err instanceof TransactionCancelledError) {\n        summary[String(id)] = { items: 0, ok: true, cancelled: err.reasons.map((r) => r.code) };\n        return;\n      }\n      failed = true;\n");
    body.append("      const e = err instanceof Error ? err : new Error(String(err));\n");
    body.append("      summary[String(id)] = { error: `${e.name}: ${e.message}`, ok: false, trace: e.stack ?? \"\" };\n    }\n  }\n\n");
    for (Schema.Entity e : schema.entities().values()) {
      String c = cls(e.name());
      body.append("  const ").append(fn(e.name())).append("Sample = (SAMPLES[").append(q(e.name())).append("]?.[\"sample_data\"] ?? {}) as unknown as ").append(c).append(";\n");
      body.append("  await run(").append(q("create " + e.name())).append(", () => new ").append(c).append("Repository(client).create(").append(fn(e.name()))
          .append("Sample));\n");
    }
    for (boolean deletes : new boolean[] {false, true}) {
      for (Schema.Entity e : schema.entities().values()) {
        List<Schema.AccessPattern> aps = e.accessPatterns().stream().filter(ap -> ap.operation().equals("DeleteItem") == deletes).toList();
        if (aps.isEmpty()) {
          continue;
        }
        StringBuilder calls = new StringBuilder();
        for (Schema.AccessPattern ap : aps) {
          calls.append("    await run(").append(ap.id()).append(", () => new ").append(cls(e.name())).append("Repository(client).").append(var(ap.name())).append("(")
              .append(args(e, ap)).append("));\n");
        }
        body.append("  {\n");
        if (calls.indexOf("d[") >= 0 || calls.indexOf("[d]") >= 0) {
          body.append("    const d = data(").append(q(e.name())).append(");\n");
        }
        body.append(calls).append("  }\n");
      }
      if (!deletes) {
        for (Schema.CrossTablePattern x : schema.crossTablePatterns()) {
          List<String> a = new ArrayList<>();
          for (Schema.Parameter p : x.parameters()) {
            if (p.type().equals("entity")) {
              a.add(fn(p.entityType().orElseThrow()) + "Sample");
            } else {
              a.add("(anyData(" + q(p.name()) + ") ?? " + dflt(p.type()) + ") as " + TsWriter.paramType(p));
            }
          }
          String call = "new TransactionService(client)." + var(x.name()) + "(" + String.join(", ", a) + ")";
          body.append("  await run(").append(x.id()).append(", ").append(x.operation().equals("TransactWrite") ? "() => " + call : "async () => present(await " + call + ")")
              .append(");\n");
        }
      }
    }
    body.append("\n  const keys = Object.keys(summary).sort();\n");
    body.append("  const lines = keys.map((k) => `  ${JSON.stringify(k)}: ${JSON.stringify(summary[k], null, 2).replace(/\\n/g, \"\\n  \")}`);\n");
    body.append("  console.log(keys.length === 0 ? \"{}\" : `{\\n${lines.join(\",\\n\")}\\n}`);\n");
    body.append("  raw.destroy();\n  return failed ? 1 : 0;\n}\n\n");
    body.append("main().then(\n  (code) => {\n    process.exitCode = code;\n  },\n  (err: unknown) => {\n    console.error(err);\n    process.exitCode = 1;\n  },\n);\n");
    String main = body.toString();
    StringBuilder helpers = new StringBuilder();
    if (main.contains("?? LOW)")) {
      helpers.append("const LOW = \" \";\n");
    }
    if (main.contains("?? HIGH)")) {
      helpers.append("const HIGH = \"\\uffff\";\n");
    }
    if (helpers.length() > 0) {
      helpers.append("\n");
    }
    if (main.contains("anyData(\"") || main.contains("= data(\"")) {
      helpers.append("/** An entity's sample data, access pattern data and filter values. */\nfunction data(entity: string): Item {\n  const s = SAMPLES[entity] ?? {};\n");
      helpers.append("  return { ...(s[\"sample_data\"] ?? {}), ...(s[\"access_pattern_data\"] ?? {}), ...(s[\"filter_values\"] ?? {}) };\n}\n\n");
    }
    if (main.contains("anyData(\"")) {
      helpers.append("/** The first value of this name in any entity's data. */\nfunction anyData(name: string): unknown {\n");
      helpers.append("  for (const entity of Object.keys(SAMPLES)) {\n    const v = data(entity)[name];\n    if (v !== undefined) {\n      return v;\n    }\n  }\n");
      helpers.append("  return undefined;\n}\n\n");
    }
    if (main.contains("present(await")) {
      helpers.append("/** The values of a transactional read that were found. */\nfunction present(result: object): unknown[] {\n");
      helpers.append("  return Object.values(result).filter((v) => v !== undefined && v !== null);\n}\n\n");
    }
    String code = main.replace("@@HELPERS@@", helpers.toString());
    StringBuilder sb = new StringBuilder("// Runs every access pattern once against a DynamoDB endpoint (generated by ddbm).\n//\n");
    sb.append("//     npm install && npx tsc -p . && node dist/usage_examples.js --endpoint http://127.0.0.1:8000\n//\n");
    sb.append("// Prints a JSON summary; exits 1 if any pattern threw.\n");
    sb.append("import { DynamoDBClient } from \"@aws-sdk/client-dynamodb\";\n");
    List<String> types = new ArrayList<>();
    List<String> repos = new ArrayList<>();
    schema.entities().keySet().forEach(n -> {
      types.add(cls(n));
      repos.add(cls(n) + "Repository");
    });
    sb.append(TsWriter.imports(code, "./src/entities", types));
    sb.append(TsWriter.imports(code, "./src/repositories", repos));
    sb.append(TsWriter.imports(code, "./src/runtime", List.of("Item", "TransactionCancelledError", "documentClient")));
    sb.append("import { createTables } from \"./src/tables\";\n");
    sb.append(TsWriter.imports(code, "./src/transactions", List.of("TransactionService")));
    return sb.append(code).toString();
  }

  private static String dflt(String type) {
    return switch (type) {
      case "integer", "decimal" -> "1";
      case "boolean" -> "true";
      case "array" -> "[]";
      case "object" -> "{}";
      default -> "\"sample\"";
    };
  }

  private String args(Schema.Entity e, Schema.AccessPattern ap) {
    if (ap.operation().equals("BatchGetItem")) {
      return "[d]";
    }
    if (ap.operation().equals("BatchWriteItem")) {
      return "[" + fn(e.name()) + "Sample]";
    }
    Schema.TableDef t = schema.tableOf(e.name());
    List<String> a = new ArrayList<>();
    List<String> names = new ArrayList<>();
    boolean numeric = false;
    String rc = ap.rangeCondition().orElse("");
    if (ap.operation().equals("Query")) {
      numeric = QueryPlan.of(t, e, ap).range().map(QueryPlan.Range::numeric).orElse(false);
    }
    int rangeIndex = 0;
    for (Schema.Parameter p : ap.parameters()) {
      names.add(p.name());
      if (p.type().equals("entity")) {
        a.add(fn(p.entityType().orElse(e.name())) + "Sample");
      } else if (e.field(p.name()).isPresent()) {
        a.add("d[" + q(p.name()) + "] as " + TsWriter.tsType(e.field(p.name()).get()));
      } else {
        String dflt = switch (rc) {
          case "between" -> rangeIndex == 0 ? (numeric ? "-Number.MAX_SAFE_INTEGER" : "LOW") : (numeric ? "Number.MAX_SAFE_INTEGER" : "HIGH");
          case "<", "<=" -> numeric ? "Number.MAX_SAFE_INTEGER" : "HIGH";
          default -> numeric ? "-Number.MAX_SAFE_INTEGER" : "LOW";
        };
        rangeIndex++;
        a.add("(d[" + q(p.name()) + "] ?? " + dflt + ") as " + TsWriter.paramType(p));
      }
    }
    List<KeyTemplate> ts = new ArrayList<>();
    if (ap.operation().equals("Query")) {
      QueryPlan.of(t, e, ap).partition().forEach(k -> ts.add(k.template()));
    } else if (List.of("GetItem", "UpdateItem", "DeleteItem").contains(ap.operation())) {
      ts.add(e.pkTemplate());
      e.skTemplate().ifPresent(ts::add);
    }
    for (String f : TsWriter.fields(ts)) {
      if (!names.contains(f)) {
        names.add(f);
        a.add("d[" + q(f) + "] as " + TsWriter.tsType(e.field(f).orElseThrow()));
      }
    }
    return String.join(", ", a);
  }
}
