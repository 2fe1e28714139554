import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import * as generated from "../../generated/validators/index.ts";
import { pathKeys } from "../../generated/runtime.ts";
import { modelOf, removeTempPackages } from "./support.ts";
import { ROOT } from "../hardening/support.ts";
import { email, patron, patrons } from "./made-up.ts";
import { envelope, mutatedRecord, payload, tablesOf } from "./arbitraries.ts";

// Standard Schema V1 on every table and the request, the issue cap, and the machine-readable details of each code.
// Checks over every table run on the committed package; hand-written records are those of the made-up patron specs
// (test/specs/made-up/patron*.yaml, generated in memory), so a doc change never touches this file.

afterAll(removeTempPackages);

type Issue = { path: string; code: string; message: string; details: Record<string, unknown> };
type Result = { ok: true; value: unknown } | { ok: false; issues: Issue[]; truncated: boolean };
type Standard = { "~standard": { version: number; vendor: string; validate: (v: unknown, o?: object) => { value?: unknown; issues?: { message: string; path: PropertyKey[]; pointer: string; code: string }[] }; jsonSchema: { input: (o: { target: string }) => Record<string, unknown>; output: (o: { target: string }) => Record<string, unknown> } } };
const exported = generated as unknown as Record<string, unknown>;
const model = modelOf("specs");
const tables = model.entities.flatMap((e) => [e, ...e.tables].map((t) => ({ entity: e, table: t })));
const committed = (name: string): unknown => JSON.parse(readFileSync(join(ROOT, `generated/json-schema/${name}.schema.json`), "utf8"));

const p = await patrons();
const made = p.pkg.validators;
type Validate = (x: unknown, options?: { maxIssues?: number }) => Result;
const validatePatron = made.validatePatron as Validate, validateEmail = made.validatePatronEmail as Validate;
const validateRequest = made.validateIngestionRequest as Validate;

describe("Standard Schema V1", () => {
  it.each(tables.map((x) => [x.table.typeName, x] as const))("%s has a Standard Schema object that agrees with its validator", (_n, { table }) => {
    const schema = exported[`${table.typeName}Schema`] as Standard;
    const validate = exported[table.validateName] as (x: unknown) => Result;
    expect(schema["~standard"].version).toBe(1);
    expect(schema["~standard"].vendor).toBe(model.package.name);
    // Not an object is invalid for every table; {} and { nope: 1 } are for most (a table with no required field and
    // custom fields accepts both): Standard Schema says what validate says, either way.
    for (const input of [{}, { nope: 1 }, "x", null, []]) {
      const mine = validate(input);
      const std = schema["~standard"].validate(input);
      if (typeof input !== "object" || input === null || Array.isArray(input)) expect(mine.ok).toBe(false);
      if (mine.ok) {
        expect(std).toEqual({ value: input });
        continue;
      }
      expect(std.issues!.map((i) => [i.pointer, i.code, i.message])).toEqual(mine.issues.map((i) => [i.path, i.code, i.message]));
      expect(std.issues!.map((i) => i.path)).toEqual(mine.issues.map((i) => pathKeys(i.path)));
    }
  });

  // The Standard Schema path builds its issues while collecting (key paths beside the pointer), not by converting the
  // validator's result: it must give exactly the validator's issues, whatever the payload, nesting and keys.
  it("gives the validator's issues, with key paths, on any payload of every table and of the request", () => {
    const stdIssues = (schema: Standard, x: unknown, o?: object) => schema["~standard"].validate(x, o).issues?.map((i) => [i.pointer, i.path, i.code, i.message, (i as { details?: unknown }).details]);
    const mine = (validate: Validate, x: unknown, o?: { maxIssues?: number }) => { const r = validate(x, o) as Result; return r.ok ? undefined : r.issues.map((i) => [i.path, pathKeys(i.path), i.code, i.message, i.details]); };
    const keys = fc.constantFrom("0", "7", "07", "12", "-1", "a/b", "x~y", "~1", "");
    for (const e of p.pkg.model.entities) {
      for (const t of [e, ...e.tables]) {
        const schema = made[`${t.typeName}Schema`] as Standard, validate = made[t.validateName] as Validate;
        const odd = fc.tuple(mutatedRecord(t, tablesOf(e)), fc.dictionary(keys, fc.anything({ maxDepth: 1 }), { maxKeys: 3 })).map(([r, extra]) => ({ ...r, ...extra }));
        const inputs = t === e ? fc.oneof(payload(e), odd) : odd;
        fc.assert(fc.property(inputs, fc.option(fc.integer({ min: 1, max: 4 })), (x, cap) => {
          const o = cap === null ? undefined : { maxIssues: cap };
          expect(stdIssues(schema, x, o === undefined ? undefined : { libraryOptions: o })).toEqual(mine(validate, x, o));
        }), { numRuns: 150 });
      }
    }
    const request = made.IngestionRequestSchema as Standard;
    fc.assert(fc.property(envelope(p.pkg.model), (x) => { expect(stdIssues(request, x)).toEqual(mine(validateRequest, x)); }), { numRuns: 200 });
    const unreadable = Object.defineProperty({}, "patronId", { get() { throw new Error("getter"); }, enumerable: true });
    expect(stdIssues(made.PatronSchema as Standard, unreadable)).toEqual(mine(validatePatron, unreadable));
  });

  it("returns the value itself on success and key segments (array indices as numbers) on failure", () => {
    const schema = made.IngestionRequestSchema as Standard;
    const ok = { objectType: "patron", source: "CRM", entries: [patron] };
    expect(schema["~standard"].validate(ok)).toEqual({ value: ok });
    expect(schema["~standard"].validate(ok).value).toBe(ok);
    const bad = schema["~standard"].validate({ ...ok, objectType: "patron-email", entries: [email, { ...email, "a/b~c": 1 }] });
    expect(bad.issues!.map((i) => i.path)).toEqual([["entries", 1, "a/b~c"]]);
    expect(bad.issues![0]!.pointer).toBe("/entries/1/a~1b~0c");
  });

  it("passes libraryOptions.maxIssues on to the validator", () => {
    const schema = made.PatronEmailSchema as Standard;
    const many = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`extra${i}`, i]));
    expect(schema["~standard"].validate({ ...email, ...many }, { libraryOptions: { maxIssues: 3 } }).issues).toHaveLength(3);
  });

  it("gives the committed JSON Schema of each entity and of the request (draft 2020-12), a fresh copy each time", () => {
    for (const e of model.entities) {
      const schema = exported[`${e.typeName}Schema`] as Standard;
      expect(schema["~standard"].jsonSchema.input({ target: "draft-2020-12" }), e.objectType).toEqual(committed(e.objectType));
      expect(schema["~standard"].jsonSchema.output({ target: "draft-2020-12" })).toEqual(committed(e.objectType));
      expect(schema["~standard"].jsonSchema.input({ target: "draft-2020-12" })).not.toBe(schema["~standard"].jsonSchema.input({ target: "draft-2020-12" }));
    }
    const request = exported.IngestionRequestSchema as Standard;
    expect(request["~standard"].jsonSchema.input({ target: "draft-2020-12" })).toEqual(committed("ingestion-request"));
  });

  it("refuses a JSON Schema target it does not produce, as the spec asks", () => {
    const schema = made.PatronSchema as Standard;
    expect(() => schema["~standard"].jsonSchema.input({ target: "draft-07" })).toThrow(/draft-2020-12 only, not draft-07/u);
  });

  it("turns a JSON Pointer into keys, unescaping RFC 6901 tokens", () => {
    expect(pathKeys("")).toEqual([]);
    expect(pathKeys("/entries/10/x~1y~0z")).toEqual(["entries", 10, "x/y~z"]);
    expect(pathKeys("/01/-1")).toEqual(["01", "-1"]);
  });
});

describe("the issue cap", () => {
  const unknownKeys = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`unknown${i}`, i]));

  it("stops at the default cap and says so", () => {
    const r = validateEmail({ ...email, ...unknownKeys(5000) }) as Result;
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toHaveLength((made.DEFAULT_MAX_ISSUES as number));
    expect(r.truncated).toBe(true);
    expect(r.issues[0]).toMatchObject({ path: "/unknown0", code: "unknown_field" });
  });

  it("takes maxIssues: fewer, exactly enough (not truncated), or all", () => {
    const input = { ...email, ...unknownKeys(250) };
    expect(validateEmail(input, { maxIssues: 7 })).toMatchObject({ ok: false, truncated: true, issues: { length: 7 } });
    expect(validateEmail(input, { maxIssues: 250 })).toMatchObject({ ok: false, truncated: false, issues: { length: 250 } });
    expect(validateEmail(input, { maxIssues: Infinity })).toMatchObject({ ok: false, truncated: false, issues: { length: 250 } });
    // A nonsensical cap falls back to the default rather than reporting nothing.
    expect(validateEmail(input, { maxIssues: 0 })).toMatchObject({ truncated: true, issues: { length: (made.DEFAULT_MAX_ISSUES as number) } });
    for (const odd of [-3, Number.NaN]) expect(validateEmail(input, { maxIssues: odd }), String(odd)).toMatchObject({ truncated: true, issues: { length: (made.DEFAULT_MAX_ISSUES as number) } });
    // A fraction is rounded down, as the option's documentation says.
    expect(validateEmail(input, { maxIssues: 7.9 })).toMatchObject({ truncated: true, issues: { length: 7 } });
  });

  it("caps a request across its entries, in document order", () => {
    const entries = Array.from({ length: 50 }, () => ({ ...email, ...unknownKeys(1150) }));
    const r = validateRequest({ objectType: "patron-email", source: "CRM", entries }, { maxIssues: 10 }) as Result;
    expect(r).toMatchObject({ ok: false, truncated: true, issues: { length: 10 } });
    if (!r.ok) expect(r.issues.map((i) => i.path.split("/").slice(0, 3).join("/"))).toEqual(Array(10).fill("/entries/0"));
  });

  it("keeps a nested validator's own cap when one runs inside another (a getter)", () => {
    const inner = { ...email, ...unknownKeys(5) };
    const outer = { ...email, get preferred() { validateEmail(inner, { maxIssues: 1 }); return "no"; } };
    const r = validateEmail({ ...outer, ...unknownKeys(3) }, { maxIssues: 50 });
    expect(r).toMatchObject({ ok: false, truncated: false, issues: { length: 4 } });
  });
});

describe("issue details", () => {
  const details = (r: unknown) => ((r as Result).ok ? [] : (r as { issues: Issue[] }).issues.map((i) => [i.path, i.code, i.details]));

  it("carries what each code needs to be translated without parsing the message", () => {
    const got = details(validatePatron({ ...patron, colour: "Red", utcOffset: 20, mail: "x", bornYear: "1990", aliases: [1] }));
    const byPath = (a: unknown[], b: unknown[]) => String(a[0]).localeCompare(String(b[0]));
    expect(got.sort(byPath)).toEqual([
      ["/aliases/0", "type", { expected: "string" }],
      ["/bornYear", "type", { expected: "integer" }],
      ["/colour", "enum", { allowed: ["red", "green", "blue"], suggestion: "red" }],
      ["/mail", "format", { format: "email" }],
      ["/utcOffset", "range", { minimum: -12, maximum: 14 }],
    ]);
  });

  it("names the fields of a required_any rule, group by group", () => {
    expect(details(validatePatron({ patronId: "P1", displayName: "A" }))).toEqual([["", "required_any", { groups: [["mobile"], ["mail"]] }]]);
  });

  it("says whether a required field is missing or blank, and which key is unknown with the suggestion", () => {
    expect(details(validateEmail({ ...email, patronId: " ", mailKnd: 1 }))).toEqual([
      ["/patronId", "required", { blank: true }],
      ["/mailKnd", "unknown_field", { key: "mailKnd", suggestion: "mailKind" }],
    ]);
    expect(details(validateEmail({ mail: "a@b.vn" }))[0]).toEqual(["/patronId", "required", { blank: false }]);
  });

  it("gives the entry limits, the count, and the tag ignoredUpdateCfs needs", () => {
    const { min, max } = p.pkg.model.api.entries;
    expect(details(validateRequest({ objectType: "patron", source: "CRM", entries: [] }))).toEqual([["/entries", "too_few", { minimum: min, actual: 0 }]]);
    const over = details(validateRequest({ objectType: "patron", source: "CRM", entries: Array(max + 1).fill(patron) }));
    expect(over).toEqual([["/entries", "too_many", { maximum: max, actual: max + 1 }]]);
    const untagged = p.pkg.model.entities.find((e) => !e.tags.includes("SUPPORT_IGNORED_UPDATE_CFS"))!;
    const r = details(validateRequest({ objectType: untagged.objectType, source: "CRM", entries: [{}], ignoredUpdateCfs: ["x"] }));
    expect(r.find((x) => x[1] === "not_allowed")).toEqual(["/ignoredUpdateCfs", "not_allowed", { requiresTag: "SUPPORT_IGNORED_UPDATE_CFS" }]);
  });
});
