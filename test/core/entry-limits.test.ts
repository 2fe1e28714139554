import { describe, expect, it } from "vitest";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { compileTexts, emit } from "../support/compile.ts";
import { tempDir } from "../support/tmp.ts";

type Validators = { validateIngestionRequest: (x: unknown) => { ok: boolean; issues?: { path: string; code: string }[] } };

// The entry limits are a spec fact (specs/api.yaml `entries`), so every artefact follows them. A made-up
// entity and api.yaml, so the documentation's own limits and entities never matter here.
describe("entries per request come from api.yaml", () => {
  const specs = { "gadget.yaml": readFileSync("test/specs/made-up/gadget.yaml", "utf8") };
  const api = "package:\n  name: gadgets\n  version: 1.0.0\nentries:\n  min: 2\n  max: 3\n";

  it("reach the JSON Schema, the OpenAPI document, the fixtures and the validators", async () => {
    const { model, diagnostics } = compileTexts(specs, api);
    expect(diagnostics).toEqual([]);
    expect(model!.api.entries).toEqual({ min: 2, max: 3 });
    const files = emit(model!);
    const text = (p: string) => files.find((f) => f.path === p)!.contents;
    const envelope = JSON.parse(text("json-schema/ingestion-request.schema.json"));
    expect([envelope.properties.entries.minItems, envelope.properties.entries.maxItems]).toEqual([2, 3]);
    const openapi = JSON.parse(text("openapi/openapi.json"));
    expect(openapi.components.schemas.GadgetIngestionRequest.properties.entries).toMatchObject({ minItems: 2, maxItems: 3 });
    const dir = tempDir();
    for (const f of files) {
      mkdirSync(dirname(join(dir, f.path)), { recursive: true });
      writeFileSync(join(dir, f.path), f.contents);
    }
    const v = (await import(join(dir, "validators", "index.ts"))) as Validators;
    const fixtures = JSON.parse(text("fixtures/ingestion-requests.json")) as { valid: unknown[]; invalid: { request: unknown; issues: unknown[] }[] };
    for (const r of fixtures.valid) expect(v.validateIngestionRequest(r).ok).toBe(true);
    for (const c of fixtures.invalid) expect(v.validateIngestionRequest(c.request)).toMatchObject({ ok: false, issues: c.issues.map((i) => expect.objectContaining(i as object)) });
    const entry = JSON.parse(text("fixtures/gadget.json")).valid[0];
    const sized = (n: number) => ({ objectType: "gadget", source: "CRM", entries: Array(n).fill(entry) });
    expect([1, 2, 3, 4].map((n) => v.validateIngestionRequest(sized(n)).issues?.map((i) => i.code) ?? [])).toEqual([["too_few"], [], [], ["too_many"]]);
  });
});
