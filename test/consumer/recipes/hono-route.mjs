// A Hono route that takes an ingestion request: the package's Standard Schema objects plug into
// @hono/standard-validator; a bad body gets a 400 with the issues (key paths, codes, details).
import { Hono } from "hono";
import { sValidator } from "@hono/standard-validator";
import { IngestionRequestSchema } from "pango-cdp-schemas";
import { fixtures, ingestionRequestFixtures } from "pango-cdp-schemas/fixtures";

const app = new Hono();
app.post("/ingest", sValidator("json", IngestionRequestSchema), (c) => {
  const request = c.req.valid("json");
  return c.json({ accepted: request.entries.length });
});

const post = async (body) => {
  const res = await app.request("/ingest", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
};
// The package's fixtures: a valid customer, and an invalid one (one problem) with its expected issues.
const { objectType, example, invalid } = fixtures["customer-identity"];
const broken = invalid.find((f) => f.issues.length === 1);
// A request's other fields (source, …) as the package's own request fixtures give them.
const { entries, ...envelope } = ingestionRequestFixtures.valid.find((r) => r.objectType === objectType && !r.ignoredUpdateCfs);
const good = await post({ ...envelope, entries: [example, example] });
const bad = await post({ ...envelope, entries: [example, broken.record] });
console.log(JSON.stringify({ good, bad: { status: bad.status, issues: bad.body.error.map((i) => [i.path.join("."), i.code]) } }));
