// Runs a conformance scenario through a generated TypeScript DAL (compiled to dist/); prints one JSON result per step.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";

const [dalDir, schemaPath, scenarioPath, endpoint] = process.argv.slice(2);
const dal = await import(pathToFileURL(`${dalDir}/dist/src/index.js`).href);
const schema = JSON.parse(readFileSync(schemaPath, "utf8"));
const scenario = JSON.parse(readFileSync(scenarioPath, "utf8"));
const raw = new DynamoDBClient({ endpoint, region: "us-east-1", credentials: { accessKeyId: "local", secretAccessKey: "local" } });
const client = dal.documentClient(raw);
await dal.createTables(raw);

const patterns = new Map();
for (const t of schema.tables) {
  for (const [name, e] of Object.entries(t.entities)) {
    for (const ap of e.access_patterns ?? []) {
      patterns.set(`${name}/${ap.name}`, ap);
    }
  }
}
const camel = (s) => s.replace(/[-_]+([a-zA-Z0-9])/g, (_, c) => c.toUpperCase());
const plain = (v) => {
  if (Array.isArray(v)) return v.map(plain);
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== null).map(([k, x]) => [k, plain(x)]));
  return v;
};
// an item collection: each item typed ({ entity, item }), its entity named
const typed = (x) => ({ ...plain(x.item), _entity: x.entity });
const norm = (r, collection = false) => {
  if (collection && r && Array.isArray(r.items)) return { items: r.items.map(typed) };
  if (r === undefined || r === null) return { none: true };
  if (typeof r === "boolean") return { flag: r };
  if (Array.isArray(r)) return { items: r.map(plain) };
  if (typeof r === "object" && Array.isArray(r.items)) return { items: r.items.map(plain) };
  return { item: plain(r) };
};
const out = [];
for (let i = 0; i < scenario.steps.length; i++) {
  const step = scenario.steps[i];
  if (step.create) {
    await new dal[`${step.create}Repository`](client).create({ ...step.data });
    continue;
  }
  let ap;
  let repo;
  let call = step.call;
  if (step.transaction) {
    ap = schema.cross_table_access_patterns.find((x) => x.name === step.transaction);
    repo = new dal.TransactionService(client);
    call = step.transaction;
  } else if (step.call) {
    ap = patterns.get(`${step.entity}/${step.call}`);
    repo = new dal[`${step.entity}Repository`](client);
  } else {
    continue;
  }
  const args = (ap.parameters ?? []).map((p) => step.args[p.name]);
  const name = Object.getOwnPropertyNames(Object.getPrototypeOf(repo)).find((m) => m.replace(/Value$/, "") === camel(call));
  let r;
  const opts = step.options;
  const collection = ap.operation === "Query" && ap.return_type === "mixed_data";
  try {
    if (opts) {
      const items = [];
      let pages = 0;
      let nextToken;
      for (;;) {
        const page = await repo[name](...args, { limit: opts.limit, descending: opts.descending, nextToken });
        pages++;
        items.push(...norm(page, collection).items);
        nextToken = page.nextToken;
        if (!nextToken || !opts.all_pages) break;
      }
      r = { items, pages };
    } else if (ap.operation === "TransactGet") {
      const found = await repo[name](...args);
      r = { items: ap.entities_involved.map((inv) => (found[inv.entity] === undefined || found[inv.entity] === null ? { none: true } : plain(found[inv.entity]))) };
    } else {
      r = norm(await repo[name](...args), collection);
    }
  } catch (err) {
    if (err instanceof dal.ConcurrentModificationError) r = { error: "conflict" };
    else if (dal.ConditionFailedError && err instanceof dal.ConditionFailedError) r = { error: "condition_failed" };
    else if (dal.TransactionCancelledError && err instanceof dal.TransactionCancelledError) r = { error: "cancelled", reasons: err.reasons.map((x) => x.code), failed: err.reasons.filter((x) => x.code !== "None").map((x) => x.action) };
    else r = { error: "other", message: String(err) };
  }
  out.push({ step: i, result: r });
}
console.log(JSON.stringify(out));
