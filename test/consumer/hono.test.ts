import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { Hono } from "hono";
import { sValidator } from "@hono/standard-validator";
import { CustomerIdentitySchema, IngestionRequestSchema } from "../../generated/index.ts";

// Records come from the package's own fixtures and JSON Schema, so a doc change never breaks this file.
const read = (rel: string) => JSON.parse(readFileSync(new URL(`../../generated/${rel}`, import.meta.url), "utf8"));
const fixture = read("fixtures/customer-identity.json") as { objectType: string; example: Record<string, unknown> };
const required = (read("json-schema/customer-identity.schema.json") as { required: string[] }).required;
const key = required[0]!;
const good = fixture.example;
const wrongType = { ...good, [key]: typeof good[key] === "number" ? "x" : 7 };

// A real Standard Schema consumer: Hono's standard validator takes the generated objects as they are.
const app = new Hono()
  .post("/customers", sValidator("json", CustomerIdentitySchema), (c) => c.json({ stored: c.req.valid("json").customerId }))
  .post("/ingest", sValidator("json", IngestionRequestSchema), (c) => c.json({ entries: c.req.valid("json").entries.length }));

const post = (path: string, body: unknown) => app.request(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

describe("Hono's sValidator with the generated Standard Schema objects", () => {
  it("passes a valid body through to the handler, typed", async () => {
    const res = await post("/customers", good);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ stored: good.customerId });
  });

  it("answers 400 with the issues of a bad body: key paths, codes, pointers", async () => {
    const { [key]: _dropped, ...missing } = good;
    for (const [bad, code] of [[wrongType, "type"], [missing, "required"]] as const) {
      const res = await post("/customers", bad);
      expect(res.status).toBe(400);
      const body = (await res.json()) as { success: boolean; error: { path: unknown[]; pointer: string; code: string }[] };
      expect(body.success).toBe(false);
      expect(body.error.map((i) => [i.path, i.pointer, i.code])).toEqual([[[key], `/${key}`, code]]);
    }
  });

  it("reports an entry's issue at its index in a request", async () => {
    // The envelope's other fields as the package's own request fixtures give them (api.yaml decides which).
    const requests = read("fixtures/ingestion-requests.json") as { valid: { objectType: string; entries: unknown[]; ignoredUpdateCfs?: unknown }[] };
    const { entries: _entries, ...envelope } = requests.valid.find((r) => r.objectType === fixture.objectType && r.ignoredUpdateCfs == null)!;
    const request = (entries: unknown[]) => ({ ...envelope, entries });
    const res = await post("/ingest", request([good, wrongType]));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { path: unknown[] }[] };
    expect(body.error.map((i) => i.path)).toEqual([["entries", 1, key]]);
    expect((await post("/ingest", request([good]))).status).toBe(200);
  });
});
