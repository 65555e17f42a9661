package dev.ddbmodel.codegen.internal.typescript;

import static dev.ddbmodel.codegen.internal.typescript.TsWriter.cls;
import static dev.ddbmodel.codegen.internal.typescript.TsWriter.q;
import static dev.ddbmodel.codegen.internal.typescript.TsWriter.var;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.codegen.internal.plan.GenerationPlan;
import dev.ddbmodel.codegen.internal.plan.Planner;
import dev.ddbmodel.codegen.internal.plan.SmokePlan;
import dev.ddbmodel.core.json.Json;
import dev.ddbmodel.schema.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * usage_examples.ts: the smoke test of the TypeScript DAL, spelled out from the language-neutral
 * {@link SmokePlan} (the same samples, calls, arguments and checks as the Python and Java
 * examples). It prints a JSON summary keyed by pattern id and exits 1 when a check failed.
 */
final class TsExamplesWriter {
  private final Schema schema;
  private final SmokePlan plan;
  private final GenerationPlan gen;

  TsExamplesWriter(Schema schema, Optional<JsonNode> usage) {
    this.schema = schema;
    this.plan = SmokePlan.of(schema, usage);
    this.gen = Planner.plan(schema, "schema.json");
  }

  String write() {
    StringBuilder body = new StringBuilder();
    body.append("\n/** Complete sample items: usage data completed and coerced from the schema's field types. */\n");
    body.append("const SAMPLES: Record<string, Item> = {\n");
    plan.samples().forEach((k, v) -> body.append("  ").append(q(k)).append(": ").append(Json.compact(v)).append(",\n"));
    body.append("};\n\n");
    body.append("function sample(entity: string): Item {\n  const s = SAMPLES[entity];\n  if (s === undefined) {\n    throw new Error(`no sample of ${entity}`);\n  }\n");
    body.append("  return s;\n}\n\n");
    body.append("/** Items in a result: page items, list length, present map values, 0 for nothing or false, else 1. */\n");
    body.append("function count(result: unknown): number {\n  if (result === undefined || result === null || result === false) {\n    return 0;\n  }\n");
    body.append("  if (Array.isArray(result)) {\n    return result.length;\n  }\n  if (typeof result === \"object\") {\n");
    body.append("    const items = (result as { items?: unknown }).items;\n    if (Array.isArray(items)) {\n      return items.length;\n    }\n");
    body.append("    return Object.values(result).filter((v) => v !== undefined && v !== null).length > 0 ? 1 : 0;\n  }\n  return 1;\n}\n\n");
    body.append("type Entry = { ok: boolean; items: number; found?: boolean; error?: string; cancelled?: string[] };\n\n");
    body.append("async function main(): Promise<number> {\n  const at = process.argv.indexOf(\"--endpoint\");\n");
    body.append("  const endpoint = at >= 0 ? process.argv[at + 1] : undefined;\n");
    body.append("  const raw = new DynamoDBClient({ region: \"us-east-1\", endpoint, credentials: { accessKeyId: \"local\", secretAccessKey: \"local\" } });\n");
    body.append("  const client = documentClient(raw);\n  if (endpoint !== undefined) {\n    await createTables(raw);\n  }\n");
    body.append("  const summary: Record<string, Entry> = {};\n  const current: Record<string, unknown> = {};\n\n");
    body.append("  /** Calls fn; expect is found (must return something), ok (must complete) or commit_or_cancel. After a delete, absent must find nothing. */\n");
    body.append("  async function run(id: string, expect: string, fn: () => Promise<unknown>, absent?: () => Promise<unknown>): Promise<unknown> {\n");
    body.append("    let result: unknown;\n    try {\n      result = await fn();\n    } catch (err) {\n");
    body.append("      if (err instanceof TransactionCancelledError) {\n        const ok = expect === \"commit_or_cancel\";\n");
    body.append("        summary[id] = { ok, items: 0, cancelled: err.reasons.map((r) => r.code) };\n");
    body.append("        console.error(`${id}: ${ok ? \"cancelled\" : \"FAILED cancelled\"} ${err.reasons.map((r) => r.code).join(\", \")}`);\n        return undefined;\n      }\n");
    if (plan.hasGuardedWrites()) {
      // a guarded write refused by its condition or version lock: the outcome its guard exists for
      body.append("      if (expect === \"written_or_refused\" && (err instanceof ConditionFailedError || err instanceof ConcurrentModificationError)) {\n");
      body.append("        summary[id] = { ok: true, items: 0 };\n        console.error(`${id}: refused by its guard ${err.name}: ${err.message}`);\n        return undefined;\n      }\n");
    }
    body.append("      const e = err instanceof Error ? err : new Error(String(err));\n");
    body.append("      summary[id] = { ok: false, items: 0, error: `${e.name}: ${e.message}` };\n      console.error(`${id}: FAILED ${e.name}: ${e.message}`);\n      return undefined;\n    }\n");
    body.append("    const found = count(result) > 0;\n    const entry: Entry = { ok: found || expect !== \"found\", items: count(result), found };\n");
    body.append("    if (!entry.ok) {\n      entry.error = \"expected the sample item, found nothing\";\n    }\n");
    body.append("    if (absent !== undefined) {\n      let still: unknown;\n      try {\n        still = await absent();\n      } catch (err) {\n        still = String(err);\n      }\n");
    body.append("      if (still !== undefined && still !== null) {\n        entry.ok = false;\n        entry.error = `still there after the delete: ${JSON.stringify(still)}`;\n      }\n    }\n");
    body.append("    summary[id] = entry;\n    console.error(`${id}: ${entry.ok ? \"ok\" : \"FAILED\"} ${entry.items} item(s) ${entry.error ?? \"\"}`);\n");
    body.append("    return entry.ok ? result : undefined;\n  }\n\n");
    for (Schema.Entity e : schema.entities().values()) {
      String c = cls(e.name());
      body.append("  try {\n    // leftovers of an earlier run\n    await new ").append(c).append("Repository(client).delete(").append(keyArgs(e)).append(");\n");
      body.append("  } catch {\n    // nothing to remove\n  }\n");
      body.append("  current[").append(q(e.name())).append("] = await run(").append(q("create " + e.name())).append(", \"found\", () => new ").append(c)
          .append("Repository(client).create(sample(").append(q(e.name())).append(") as unknown as ").append(c).append("));\n");
    }
    for (SmokePlan.Call call : plan.calls()) {
      String expect = call.expect().name().toLowerCase(Locale.ROOT);
      String invoke;
      if (call.crossTable().isPresent()) {
        invoke = "new TransactionService(client)." + var(call.crossTable().get().name()) + "(" + String.join(", ", args(call)) + ")";
      } else {
        invoke = "new " + cls(call.entity().get()) + "Repository(client)." + var(call.pattern().name()) + "(" + String.join(", ", args(call)) + ")";
      }
      StringBuilder run = new StringBuilder("run(").append(q(String.valueOf(call.id()))).append(", ").append(q(expect)).append(", () => ").append(invoke);
      if (call.thenAbsent().isPresent()) {
        Schema.Entity de = schema.entities().get(call.thenAbsent().get());
        String k = keyArgs(de);
        run.append(", () => new ").append(cls(de.name())).append("Repository(client).get(").append(k).append(k.isEmpty() ? "" : ", ").append("true)");
      }
      run.append(")");
      if (call.refresh().isPresent()) {
        String r = q(call.refresh().get());
        body.append("  current[").append(r).append("] = (await ").append(run).append(") ?? current[").append(r).append("];\n");
      } else {
        body.append("  await ").append(run).append(";\n");
      }
    }
    body.append("\n  console.log(JSON.stringify(summary, null, 2));\n  raw.destroy();\n");
    body.append("  return Object.values(summary).some((e) => !e.ok) ? 1 : 0;\n}\n\n");
    body.append("main().then(\n  (code) => {\n    process.exitCode = code;\n  },\n  (err: unknown) => {\n    console.error(err);\n    process.exitCode = 1;\n  },\n);\n");
    String code = body.toString();
    StringBuilder sb = new StringBuilder("// A smoke test of the generated DAL (generated by ddbm): creates one complete sample item per entity, then calls\n");
    sb.append("// every access pattern on the items it created and checks the result (found / not found).\n//\n");
    sb.append("//     npm install && npx tsc -p . && node dist/usage_examples.js --endpoint http://127.0.0.1:8000\n//\n");
    sb.append("// Prints a JSON summary; exits 1 if a call failed or a check did not hold.\n");
    sb.append("import { DynamoDBClient } from \"@aws-sdk/client-dynamodb\";\n");
    List<String> types = new ArrayList<>();
    List<String> repos = new ArrayList<>();
    schema.entities().keySet().forEach(n -> {
      types.add(cls(n));
      repos.add(cls(n) + "Repository");
    });
    sb.append(TsWriter.imports(code, "./src/entities", types));
    sb.append(TsWriter.imports(code, "./src/repositories", repos));
    sb.append(TsWriter.imports(code, "./src/runtime", List.of("Item", "TransactionCancelledError", "ConditionFailedError", "ConcurrentModificationError", "documentClient")));
    sb.append("import { createTables } from \"./src/tables\";\n");
    sb.append(TsWriter.imports(code, "./src/transactions", List.of("TransactionService")));
    return sb.append(code).toString();
  }

  /** The primary key fields of the entity's sample (the plan's key fields), typed as the repository's get and delete take them. */
  private String keyArgs(Schema.Entity e) {
    List<String> a = new ArrayList<>();
    for (String f : gen.entity(e.name()).orElseThrow().keyFields()) {
      a.add("sample(" + q(e.name()) + ")[" + q(f) + "] as " + TsWriter.tsType(e.field(f).orElseThrow()));
    }
    return String.join(", ", a);
  }

  private List<String> args(SmokePlan.Call call) {
    List<String> a = new ArrayList<>();
    for (SmokePlan.Arg arg : call.args()) {
      String type = arg.entity() == null ? "" : cls(arg.entity());
      a.add(switch (arg.kind()) {
        case VALUE -> arg.value() == null || arg.value().isNull() ? "undefined" : Json.compact(arg.value());
        case ENTITY -> "current[" + q(arg.entity()) + "] as " + type;
        case ENTITY_LIST -> "[current[" + q(arg.entity()) + "] as " + type + "]";
        case KEY_LIST -> "[sample(" + q(arg.entity()) + ")]";
      });
    }
    return a;
  }
}
