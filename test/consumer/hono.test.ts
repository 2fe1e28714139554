import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { Hono } from "hono";
import { sValidator } from "@hono/standard-validator";
import { CustomerIdentitySchema, IngestionRequestSchema } from "../../generated/index.ts";

// Records come from the package's own fixtures, so a doc change never breaks this file: the valid example, and invalid
// records with the issues the package states for them.
const read = (rel: string) => JSON.parse(readFileSync(new URL(`../../generated/${rel}`, import.meta.url), "utf8"));
type Invalid = { label: string; record: Record<string, unknown>; issues: { path: string; code: string }[] };
const fixture = read("fixtures/customer-identity.json") as { objectType: string; example: Record<string, unknown>; invalid: Invalid[] };
const good = fixture.example;
// Two invalid records, each with a single issue at a field (of different codes where the fixtures have them).
const single = fixture.invalid.filter((f) => f.issues.length === 1 && f.issues[0]!.path !== "");
const bad = [single[0]!, single.find((f) => f.issues[0]!.code !== single[0]!.issues[0]!.code) ?? single[1]!];
/** A JSON Pointer as Standard Schema key segments (an all-digit token is an array index). */
const keysOf = (pointer: string): (string | number)[] => pointer.split("/").slice(1).map((t) => (/^(0|[1-9]\d*)$/u.test(t) ? Number(t) : t.replace(/~1/gu, "/").replace(/~0/gu, "~")));

// A real Standard Schema consumer: Hono's standard validator takes the generated objects as they are.
const app = new Hono()
  .post("/customers", sValidator("json", CustomerIdentitySchema), (c) => c.json({ stored: Object.keys(c.req.valid("json")).length }))
  .post("/ingest", sValidator("json", IngestionRequestSchema), (c) => c.json({ entries: c.req.valid("json").entries.length }));

const post = (path: string, body: unknown) => app.request(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

describe("Hono's sValidator with the generated Standard Schema objects", () => {
  it("passes a valid body through to the handler, typed", async () => {
    const res = await post("/customers", good);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ stored: Object.keys(good).length });
  });

  it("answers 400 with the issues of a bad body: key paths, codes, pointers", async () => {
    expect(bad.every(Boolean)).toBe(true);
    for (const { label, record, issues: [issue] } of bad) {
      const res = await post("/customers", record);
      expect(res.status, label).toBe(400);
      const body = (await res.json()) as { success: boolean; error: { path: unknown[]; pointer: string; code: string }[] };
      expect(body.success).toBe(false);
      expect(body.error.map((i) => [i.path, i.pointer, i.code]), label).toEqual([[keysOf(issue!.path), issue!.path, issue!.code]]);
    }
  });

  it("reports an entry's issue at its index in a request", async () => {
    // The envelope's other fields as the package's own request fixtures give them (api.yaml decides which).
    const requests = read("fixtures/ingestion-requests.json") as { valid: { objectType: string; entries: unknown[]; ignoredUpdateCfs?: unknown }[] };
    const { entries: _entries, ...envelope } = requests.valid.find((r) => r.objectType === fixture.objectType && r.ignoredUpdateCfs == null)!;
    const request = (entries: unknown[]) => ({ ...envelope, entries });
    const res = await post("/ingest", request([good, bad[0]!.record]));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { path: unknown[] }[] };
    expect(body.error.map((i) => i.path)).toEqual([["entries", 1, ...keysOf(bad[0]!.issues[0]!.path)]]);
    expect((await post("/ingest", request([good]))).status).toBe(200);
  });
});
