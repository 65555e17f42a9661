// Optimistic locking and pagination of the generated TypeScript DAL (social example); prints one JSON line.
const { DynamoDBClient } = require("@aws-sdk/client-dynamodb");
const { PostRepository, UserRepository } = require("./dist/src/repositories");
const { ConcurrentModificationError, documentClient } = require("./dist/src/runtime");
const { createTables } = require("./dist/src/tables");

async function refused(call) {
  try {
    await call();
    return "accepted";
  } catch (e) {
    return e instanceof ConcurrentModificationError ? "refused" : String(e);
  }
}

(async () => {
  const raw = new DynamoDBClient({ endpoint: process.argv[2], region: "us-east-1", credentials: { accessKeyId: "local", secretAccessKey: "local" } });
  await createTables(raw);
  const client = documentClient(raw);
  const out = {};
  const users = new UserRepository(client);
  const sample = { user_id: "u-lock", handle: "lock", display_name: "L", joined: "2025-01-01", follower_count: 0 };
  out.created = (await users.create(sample)).version;
  out.duplicate = await refused(() => users.create(sample));
  const fresh = await users.get("u-lock");
  out.updated = (await users.update({ ...fresh, display_name: "M" })).version;
  out.stale = await refused(() => users.update(fresh));
  out.name = (await users.get("u-lock")).display_name;
  const posts = new PostRepository(client);
  for (let i = 1; i <= 7; i++) {
    await posts.create({ user_id: "u-lock", post_id: "p" + i, created_at: "2025-01-0" + i, body: "b", like_count: 0 });
  }
  const seen = [];
  let token;
  let pages = 0;
  do {
    const page = await posts.userPosts("u-lock", { limit: 2, nextToken: token });
    page.items.forEach((p) => seen.push(p.post_id));
    token = page.nextToken;
    pages++;
  } while (token !== undefined && pages < 50);
  out.posts = seen;
  out.pages = pages;
  const newest = [];
  token = undefined;
  pages = 0;
  do {
    const page = await posts.userPosts("u-lock", { limit: 3, nextToken: token, descending: true });
    page.items.forEach((p) => newest.push(p.post_id));
    token = page.nextToken;
    pages++;
  } while (token !== undefined && pages < 50);
  out.newest = newest;
  out.newest_pages = pages;
  const sorted = {};
  Object.keys(out).sort().forEach((k) => (sorted[k] = out[k]));
  console.log(JSON.stringify(sorted));
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
