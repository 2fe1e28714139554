import { afterAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import * as generated from "../../generated/validators/index.ts";
import { envelope, payload } from "./arbitraries.ts";
import { committedSchema, generatePackage, modelOf, oracle, removeTempPackages, type Is, type Validate } from "./support.ts";
import { tempDir } from "../support/tmp.ts";
import { writeFileSync } from "node:fs";
import { join } from "node:path";

afterAll(removeTempPackages);

// The generated validators against an independent oracle: Ajv 2020 + ajv-formats compiled from the generated
// JSON Schema must give the same verdict on every payload, and `is...` must agree with `validate...`.
// Seeds are fixed so a failure reproduces; a counter-example found here becomes a named test in regressions.test.ts.

const RUNS = 10_000;
const CODES = new Set(["type", "required", "required_any", "enum", "format", "range", "unknown_field", "too_few", "too_many", "not_allowed"]);
const POINTER = /^(?:\/(?:[^~/]|~0|~1)*)*$/u;

/** A fingerprint of a payload, to prove the validator left it as it was (null when it has no JSON form). */
function fingerprint(v: unknown): string | null {
  try {
    return JSON.stringify(v) ?? "undefined";
  } catch {
    return null;
  }
}

/** The property every payload must have: the same verdict as Ajv, `is` agreeing, well-formed issues, no mutation. */
function agrees(validate: Validate, is: Is, ajv: (x: unknown) => boolean, p: unknown): void {
  const before = fingerprint(p);
  const result = validate(p);
  const expected = ajv(p);
  if (result.ok !== expected) throw new Error(`verdict ${result.ok}, Ajv ${expected}; issues ${JSON.stringify(result.ok ? [] : result.issues)}`);
  if (is(p) !== result.ok) throw new Error(`is says ${!result.ok}, validate says ${result.ok}`);
  if (result.ok && result.value !== p) throw new Error("ok value is not the input itself");
  if (!result.ok) {
    if (result.issues.length === 0) throw new Error("invalid without an issue");
    for (const i of result.issues) if (!CODES.has(i.code) || !POINTER.test(i.path) || i.message === "") throw new Error(`malformed issue ${JSON.stringify(i)}`);
  }
  if (fingerprint(p) !== before) throw new Error("the validator changed its input");
}

/** Runs the property over `numRuns` payloads and returns how many were valid, so a test can prove it saw both verdicts. */
function check(arb: fc.Arbitrary<unknown>, validate: Validate, is: Is, ajv: (x: unknown) => boolean, seed: number, numRuns: number): number {
  let valid = 0;
  fc.assert(fc.property(arb, (p) => {
    agrees(validate, is, ajv, p);
    if (is(p)) valid++;
  }), { seed, numRuns });
  return valid;
}

const model = modelOf("specs");
const exported = generated as unknown as Record<string, unknown>;
const TIMEOUT = 120_000;

describe("generated validators agree with Ajv on the real specs", () => {
  it.each(model.entities.map((e) => [e.objectType, e] as const))(`%s: ${RUNS} payloads`, (objectType, e) => {
    const ajv = oracle(committedSchema(objectType));
    const valid = check(payload(e), exported[e.validateName] as Validate, exported[e.isName] as Is, ajv, 20260 + objectType.length, RUNS);
    expect(valid).toBeGreaterThan(RUNS * 0.15);
    expect(valid).toBeLessThan(RUNS * 0.6);
  }, TIMEOUT);

  it(`ingestion request: ${RUNS} envelopes`, () => {
    const ajv = oracle(committedSchema("ingestion-request"));
    const valid = check(envelope(model), generated.validateIngestionRequest as Validate, generated.isIngestionRequest, ajv, 4242, RUNS);
    expect(valid).toBeGreaterThan(RUNS * 0.15);
    expect(valid).toBeLessThan(RUNS * 0.6);
  }, TIMEOUT);
});

// A made-up spec with the spec-format additions: an entity and a nested table that the saved page cuts short
// (open to unknown keys without a Custom Fields row), a tableless Object (any keys) and Array (strings), a default.
const ADDITIONS = `objectType: cut-entity
title: Cut Entity
incomplete: { after: status, note: "The copy stops here." }
fields:
  - name: code
    docType: String
    type: string
    required: true
  - name: condition
    docType: String
    type: string
    default: Created
    enum: [Changed, Created]
  - name: attributes
    docType: Object
    type: object
    table: null
  - name: labels
    docType: Array
    type: array
    table: null
  - name: lines
    docType: Object
    type: array
    table: Line Entity
  - name: status
    docType: String
    type: string
errata:
  - field: lines
    property: docType
    doc: Object
    corrected: Array
    note: "A list of lines."
tables:
  - title: Line Entity
    incomplete: { after: amount, note: "Cut." }
    fields:
      - name: sku
        docType: String
        type: string
        required: true
      - name: amount
        docType: Double
        type: double
`;

describe("generated validators agree with Ajv on incomplete tables, tableless Object and Array rows, and defaults", () => {
  it("cut-entity (made up)", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "cut-entity.yaml"), ADDITIONS);
    const pkg = await generatePackage(dir);
    const e = pkg.model.entities[0]!;
    const valid = check(payload(e), pkg.validators[e.validateName] as Validate, pkg.validators[e.isName] as Is, oracle(pkg.schema(e.objectType)), 99, RUNS);
    expect(valid).toBeGreaterThan(RUNS * 0.1);
  }, TIMEOUT);
});

describe("generated validators agree with Ajv on a spec with every type and nested tables", () => {
  it("purchase-order (test/specs/valid): object and array tables, double, float, long, boolean, list", async () => {
    const pkg = await generatePackage("test/specs/valid");
    for (const e of pkg.model.entities) {
      const ajv = oracle(pkg.schema(e.objectType));
      const valid = check(payload(e), pkg.validators[e.validateName] as Validate, pkg.validators[e.isName] as Is, ajv, 77, RUNS);
      expect(valid).toBeGreaterThan(RUNS * 0.1);
    }
  }, TIMEOUT);
});
