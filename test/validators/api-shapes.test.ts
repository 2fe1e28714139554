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

describe("the callback's errorMessage / errorMess contradiction", () => {
  it("accepts either spelling, as the OpenAPI document states", () => {
    expect(generated.validateIngestionCallback({ data: { r1: { status: 101, errorMessage: "Missing phone" } } }).ok).toBe(true);
    expect(generated.validateIngestionCallback({ data: { r1: { status: 101, errorMess: "Missing phone" } } }).ok).toBe(true);
    const result = openapi.components.schemas.IngestionCallbackResult as { properties: Record<string, unknown>; description: string };
    expect(Object.keys(result.properties)).toEqual(expect.arrayContaining(["errorMessage", "errorMess"]));
    expect(result.description).toContain("errorMess");
  });

  it("checks each result at /data/<refId>", () => {
    expect(pairs(generated.validateIngestionCallback({ data: { a: { status: 200 }, "b/c": { status: "200" } } }) as Result)).toEqual([{ path: "/data/b~1c/status", code: "type" }]);
  });
});
