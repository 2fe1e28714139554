import { describe, expect, it } from "vitest";
import { Hono } from "hono";
import { sValidator } from "@hono/standard-validator";
import { CustomerIdentitySchema, IngestionRequestSchema } from "../../generated/index.ts";

// A real Standard Schema consumer: Hono's standard validator takes the generated objects as they are.
const app = new Hono()
  .post("/customers", sValidator("json", CustomerIdentitySchema), (c) => c.json({ stored: c.req.valid("json").customerId }))
  .post("/ingest", sValidator("json", IngestionRequestSchema), (c) => c.json({ entries: c.req.valid("json").entries.length }));

const post = (path: string, body: unknown) => app.request(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

describe("Hono's sValidator with the generated Standard Schema objects", () => {
  it("passes a valid body through to the handler, typed", async () => {
    const res = await post("/customers", { customerId: "C1", email: "an@example.com", fullName: "An" });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ stored: "C1" });
  });

  it("answers 400 with the issues of a bad body: key paths, codes, details", async () => {
    const res = await post("/customers", { customerId: "C1", fullName: "An", gender: "Male" });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { success: boolean; error: { path: unknown[]; pointer: string; code: string; details: unknown }[] };
    expect(body.success).toBe(false);
    expect(body.error.map((i) => [i.path, i.code])).toEqual([[["gender"], "enum"], [[], "required_any"]]);
    expect(body.error[1]!.details).toEqual({ groups: [["phone"], ["email"]] });
  });

  it("reports an entry's issue at its index in a request", async () => {
    const res = await post("/ingest", { objectType: "customer-identity", source: "CRM", entries: [{ customerId: "C1", phone: "1", fullName: "A" }, { customerId: 7, phone: "1", fullName: "A" }] });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { path: unknown[] }[] };
    expect(body.error.map((i) => i.path)).toEqual([["entries", 1, "customerId"]]);
    expect((await post("/ingest", { objectType: "customer-identity", source: "CRM", entries: [{ customerId: "C1", phone: "1", fullName: "A" }] })).status).toBe(200);
  });
});
