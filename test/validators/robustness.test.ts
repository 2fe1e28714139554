import { afterAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import * as generated from "../../generated/validators/index.ts";
import { fixtures } from "../../generated/fixtures/index.ts";
import { email, patrons } from "./made-up.ts";
import { modelOf, removeTempPackages } from "./support.ts";

// A validator never throws, never mutates its input, and returns the input itself when it is valid: every validator
// of the committed package (whatever entities the specs define) and of the made-up patron specs; the hand-written
// records are the made-up specs' (test/specs/made-up/patron*.yaml), so a doc change never touches this file.

afterAll(removeTempPackages);

type Result = { ok: true; value: unknown } | { ok: false; issues: { path: string; code: string; message: string }[] };
const exported = generated as unknown as Record<string, (x: unknown) => unknown>;
const model = modelOf("specs");
const p = await patrons();
const pairs = (r: Result): string[] => (r.ok ? [] : r.issues.map((i) => `${i.path} ${i.code}`));

function deepNest(depth: number): unknown {
  let v: unknown = "bottom";
  for (let i = 0; i < depth; i++) v = i % 2 === 0 ? [v] : { nested: v };
  return v;
}

function deepFreeze<T>(v: T): T {
  if (v !== null && typeof v === "object") {
    for (const k of Object.keys(v)) deepFreeze((v as Record<string, unknown>)[k]);
    Object.freeze(v);
  }
  return v;
}

const revoked = Proxy.revocable({}, {});
revoked.revoke();

/** Values that break naive validators: every kind the issue lists, plus traps. */
const HOSTILE: [string, unknown][] = [
  ["undefined", undefined], ["null", null], ["a number", 42], ["NaN", NaN], ["-0", -0], ["Infinity", -Infinity], ["a bigint", 10n], ["a symbol", Symbol("s")],
  ["a function", () => 1], ["a string with an unpaired surrogate", "\uD800"], ["an empty array", []], ["a sparse array", [, , 1]],
  ["a deeply nested custom field", { patronId: "P1", mobile: "1", displayName: "A", custom: deepNest(100_000) }],
  ["a deeply nested value", deepNest(100_000)],
  ["an own __proto__ key (from JSON.parse)", JSON.parse('{"__proto__": {"patronId": 1}, "constructor": {"prototype": 1}}')],
  ["a null-prototype object", Object.assign(Object.create(null) as object, { patronId: "\uDC00", mobile: 1e308, displayName: -0 })],
  ["huge numbers everywhere", { patronId: "P1", mobile: "1", displayName: "A", utcOffset: 1e308, bornAt: -1e308, bornYear: Number.MAX_VALUE }],
  ["a Date, a Map and a typed array", [new Date(0), new Map([["patronId", "P1"]]), new Uint8Array(3)]],
  ["a proxy whose every trap throws", new Proxy({}, { get() { throw new Error("get"); }, ownKeys() { throw new Error("ownKeys"); }, getPrototypeOf() { throw new Error("proto"); } })],
  ["a revoked proxy", revoked.proxy],
  ["a throwing getter", Object.defineProperty({}, "patronId", { get() { throw new Error("getter"); }, enumerable: true })],
  ["an object whose toString throws", { patronId: { toString() { throw new Error("toString"); } } }],
];

/** Every validator with its `is` twin: the committed package's, then the made-up package's. */
const pairsOf = (from: Record<string, unknown>, names: [string, string][]) => names.map(([v, is]) => [v, from[v] as (x: unknown) => Result, from[is] as (x: unknown) => boolean] as const);
const everyValidator = [
  ...pairsOf(exported, [...model.entities.map((e) => [e.validateName, e.isName] as [string, string]), ["validateIngestionRequest", "isIngestionRequest"]]),
  ...pairsOf(p.pkg.validators, [...p.pkg.model.entities.map((e) => [e.validateName, e.isName] as [string, string]), ["validateIngestionRequest", "isIngestionRequest"]]),
];
const validatePatron = p.validate("patron");

describe("never throws", () => {
  it("covers every validator of both packages, each with its `is`", () => {
    for (const [name, validate, is] of everyValidator) expect([typeof validate, typeof is], name).toEqual(["function", "function"]);
    expect(everyValidator.length).toBe(model.entities.length + p.pkg.model.entities.length + 2);
  });

  it.each(HOSTILE)("on %s, for every validator, and `is` agrees", (_name, value) => {
    for (const [name, validate, is] of everyValidator) {
      const result = validate(value);
      expect(typeof result.ok, name).toBe("boolean");
      expect(is(value), name).toBe(result.ok);
    }
  });

  it("reports a payload it cannot read as invalid, at the root", () => {
    const r = validatePatron(revoked.proxy);
    expect(pairs(r)).toEqual([" type"]);
    expect(r.ok ? "" : r.issues[0]!.message).toMatch(/could not be read/u);
  });

  it("on anything fast-check can make", () => {
    const anything = fc.anything({ maxDepth: 4, withNullPrototype: true, withBoxedValues: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withSparseArray: true, withTypedArray: true, withObjectString: true });
    fc.assert(fc.property(anything, (x) => {
      for (const [name, validate, is] of everyValidator) expect(is(x), name).toBe(validate(x).ok);
    }), { seed: 99, numRuns: 2000 });
  });
});

describe("input untouched, and returned as is", () => {
  it("validates a deeply frozen payload, valid and invalid, without writing to it", () => {
    const valid = deepFreeze({ patronId: "P1", mobile: "1", displayName: "A", aliases: ["a"], custom: { a: [1] } });
    const invalid = deepFreeze({ patronId: " ", aliases: [1], colour: "Red" });
    const request = deepFreeze({ objectType: "patron", source: "CRM", entries: [valid, invalid] });
    const r = validatePatron(valid);
    expect(r.ok && r.value).toBe(valid);
    expect(pairs(validatePatron(invalid))).toEqual(["/patronId required", "/aliases/0 type", "/colour enum", " required_any", " required_any"]);
    expect(pairs(p.validateRequest(request))).toEqual(["/entries/1/patronId required", "/entries/1/aliases/0 type", "/entries/1/colour enum", "/entries/1 required_any", "/entries/1 required_any"]);
  });
});

describe("own properties only (regressions)", () => {
  it("does not count an inherited value as a field", () => {
    const inherited = Object.create({ patronId: "P1", mobile: "1", displayName: "A" }) as object;
    expect(pairs(validatePatron(inherited))).toEqual(["/patronId required", " required_any", " required_any"]);
    expect(p.is("patron")(inherited)).toBe(false);
  });

  it("does not report an inherited key as unknown, and reads own keys of a class instance", () => {
    class Email { patronId = email.patronId; mail = email.mail; mailKind = email.mailKind; }
    Object.defineProperty(Email.prototype, "extra", { value: 1, enumerable: true });
    expect(p.validate("patron-email")(new Email()).ok).toBe(true);
  });

  it("reports a field it can read by name but not enumerate (a non-enumerable own property), as `is` rejects it, on every entity", () => {
    // A symbol is of no field type, so the entity's first field set to one non-enumerably is that field's `type` issue,
    // on an entity of any width (a wide one's collector passes over the keys and must fall back to reading by name).
    for (const e of model.entities) {
      const record: Record<string, unknown> = { ...(fixtures as unknown as Record<string, { valid: object[] }>)[e.objectType]!.valid[0] };
      const field = e.fields[0]!.name;
      Object.defineProperty(record, field, { value: Symbol("hidden"), enumerable: false, configurable: true });
      const r = exported[e.validateName]!(record) as Result;
      expect(exported[e.isName]!(record), e.objectType).toBe(false);
      expect(pairs(r), e.objectType).toContain(`/${field.replace(/~/gu, "~0").replace(/\//gu, "~1")} type`);
    }
  });

  it("reports the same issues whether a field enumerates or not, for every field of every entity, with other problems beside it", () => {
    // The tester reads fields by name, so a non-enumerable own field counts; the collector must agree however it reads
    // (by name, or a wide table's pass over the keys). Each field in turn: a wrong value, then a right one, hidden,
    // beside a missing required field or a broken rule and (on a closed table) an unknown key.
    const symbol = Symbol("not a field type");
    let compared = 0;
    for (const e of model.entities) {
      const valid = (fixtures as unknown as Record<string, { valid: Record<string, unknown>[] }>)[e.objectType]!.valid[0]!;
      for (const f of e.fields) {
        for (const value of [symbol, valid[f.name]]) {
          if (value === undefined) continue;
          const base: Record<string, unknown> = { ...valid, [f.name]: value };
          const other = e.fields.find((g) => g.required && g.name !== f.name) ?? e.rules.flatMap((r) => r.groups.flat()).map((n) => e.fields.find((g) => g.name === n)!).find((g) => g.name !== f.name);
          if (other) delete base[other.name];
          if (!e.acceptsUnknownKeys) base.zzNotAField = 1;
          const hidden = { ...base };
          delete hidden[f.name];
          Object.defineProperty(hidden, f.name, { value, enumerable: false, configurable: true });
          const shown = exported[e.validateName]!(base) as Result, seen = exported[e.validateName]!(hidden) as Result;
          expect(pairs(seen), `${e.objectType}.${f.name}`).toEqual(pairs(shown));
          expect(exported[e.isName]!(hidden), `${e.objectType}.${f.name}`).toBe(exported[e.isName]!(base));
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(model.entities.length);
  });

  it("treats an own __proto__ key as an unknown field on a closed entity and as a custom field on an open one", () => {
    const closed = JSON.parse('{"patronId":"1","mail":"a@b.co","mailKind":"Business","__proto__":{"x":1}}') as unknown;
    expect(pairs(p.validate("patron-email")(closed))).toEqual(["/__proto__ unknown_field"]);
    const open = JSON.parse('{"patronId":"P1","mobile":"1","displayName":"A","__proto__":{"patronId":5}}') as unknown;
    expect(validatePatron(open).ok).toBe(true);
  });
});
