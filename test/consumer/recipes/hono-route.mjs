// A Hono route that takes an ingestion request: the package's Standard Schema objects plug into
// @hono/standard-validator; a bad body gets a 400 with the issues (key paths, codes, details).
import { Hono } from "hono";
import { sValidator } from "@hono/standard-validator";
import { IngestionRequestSchema } from "pango-cdp-schemas";

const app = new Hono();
app.post("/ingest", sValidator("json", IngestionRequestSchema), (c) => {
  const request = c.req.valid("json");
  return c.json({ accepted: request.entries.length });
});

const post = async (body) => {
  const res = await app.request("/ingest", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
};
const good = await post({ objectType: "customer-identity", source: "crm", entries: [{ customerId: "C-001", phone: "0903123xxx", fullName: "An" }] });
const bad = await post({ objectType: "customer-identity", source: "crm", entries: [{ customerId: "C-001", fullName: "An", gender: "Male" }] });
console.log(JSON.stringify({ good, bad: { status: bad.status, issues: bad.body.error.map((i) => [i.path.join("."), i.code]) } }));
