import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as generated from "../../generated/index.ts";
import { apiFixtures } from "../../generated/fixtures/index.ts";
import { realModel } from "../support/compile.ts";
import { makeAjv } from "../support/ajv.ts";
import { ROOT } from "../hardening/support.ts";

// The API's other shapes: validators, Standard Schema objects and fixtures come from the same tables as the OpenAPI
// document's component schemas.
type Result = { ok: true; value: unknown } | { ok: false; issues: { path: string; code: string }[] };
const exported = generated as unknown as Record<string, unknown>;
// The shapes as the model builds them from specs/api.yaml: the package under test was generated from the same.
const model = realModel();
const shapes = [...model.shapes.tables, model.shapes.callback].map((t) => ({ typeName: t.typeName, validateName: t.validateName, isName: t.isName }));
const openapi = JSON.parse(readFileSync(join(ROOT, "generated/openapi/openapi.json"), "utf8")) as { components: { schemas: Record<string, unknown> } };
const pairs = (r: Result) => (r.ok ? [] : r.issues.map((i) => ({ path: i.path, code: i.code })));

describe.each(shapes)("$typeName", ({ typeName, validateName, isName }) => {
  const validate = exported[validateName] as (x: unknown) => Result;
  const is = exported[isName] as (x: unknown) => boolean;
  const fixtures = apiFixtures[typeName]!;

  it("accepts its valid fixtures and reports exactly the expected issues for the invalid ones", () => {
    expect(fixtures.valid.length).toBeGreaterThan(0);
    for (const v of fixtures.valid) expect(validate(v), JSON.stringify(v)).toEqual({ ok: true, value: v });
    expect(fixtures.invalid.length).toBeGreaterThan(0);
    for (const bad of fixtures.invalid) {
      expect(pairs(validate(bad.value)), bad.label).toEqual(bad.issues);
      expect(is(bad.value)).toBe(false);
    }
  });

  it("agrees with Ajv on the Standard JSON Schema and with the OpenAPI component on every fixture", () => {
    const standard = exported[`${typeName}Schema`] as { "~standard": { jsonSchema: { input: (o: { target: string }) => object } } };
    const ajv = makeAjv();
    const own = ajv.compile(standard["~standard"].jsonSchema.input({ target: "draft-2020-12" }));
    ajv.addKeyword("components"); // the OpenAPI document as a schema resource, so its #/components/schemas/... references resolve
    ajv.addSchema({ $id: "urn:pango:openapi", components: openapi.components });
    const component = ajv.compile({ $ref: `urn:pango:openapi#/components/schemas/${typeName}` });
    for (const v of [...fixtures.valid, ...fixtures.invalid.map((x) => x.value)]) {
      expect(own(v), JSON.stringify(v)).toBe(is(v));
      expect(component(v), JSON.stringify(v)).toBe(is(v));
    }
  });
});

describe("the callback: its result shape's notes (the errorMessage / errorMess contradiction) and examples", () => {
  const c = model.shapes.callback;
  const result = c.data.result;
  const types = readFileSync(join(ROOT, "generated/types/api.ts"), "utf8");

  it("states the result shape's notes in the OpenAPI component and the types' doc comment", () => {
    // Whatever notes specs/api.yaml gives (test/check proves the mechanism on made-up shapes that have one).
    const notes = result.notes.slice(1);
    const component = openapi.components.schemas[result.typeName] as { description: string };
    for (const note of notes) {
      expect(component.description).toContain(note);
      expect(types).toContain(note);
    }
  });

  it("accepts each example record of the result (each spelling the documentation uses) inside a callback", () => {
    const examples = model.shapes.examples[result.typeName] ?? [];
    for (const e of examples) expect(generated.validateIngestionCallback({ [c.data.name]: { r1: e.value } }).ok, JSON.stringify(e.value)).toBe(true);
  });

  it("checks each result at /<map key>/<refId>, the refId escaped", () => {
    const stored = apiFixtures[result.typeName]!.valid[0] as Record<string, unknown>;
    const f = result.fields.find((x) => x.required)!;
    const bad = { ...stored, [f.name]: typeof stored[f.name] === "string" ? 1 : String(stored[f.name]) };
    const issues = pairs(generated.validateIngestionCallback({ [c.data.name]: { a: stored, "b/c": bad } }) as Result);
    expect(issues).toEqual([{ path: `/${c.data.name}/b~1c/${f.name}`, code: "type" }]);
  });
});
