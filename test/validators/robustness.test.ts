import { describe, expect, it } from "vitest";
import fc from "fast-check";
import * as generated from "../../generated/validators/index.ts";
import { modelOf } from "./support.ts";

// A validator never throws, never mutates its input, and returns the input itself when it is valid.

type Result = { ok: true; value: unknown } | { ok: false; issues: { path: string; code: string; message: string }[] };
const exported = generated as unknown as Record<string, (x: unknown) => unknown>;
const model = modelOf("specs");
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
  ["a deeply nested custom field", { customerId: "C1", phone: "1", fullName: "A", custom: deepNest(100_000) }],
  ["a deeply nested value", deepNest(100_000)],
  ["an own __proto__ key (from JSON.parse)", JSON.parse('{"__proto__": {"customerId": 1}, "constructor": {"prototype": 1}}')],
  ["a null-prototype object", Object.assign(Object.create(null) as object, { customerId: "\uDC00", phone: 1e308, fullName: -0 })],
  ["huge numbers everywhere", { customerId: "C1", phone: "1", fullName: "A", timezoneGmt: 1e308, dob: -1e308, yob: Number.MAX_VALUE }],
  ["a Date, a Map and a typed array", [new Date(0), new Map([["customerId", "C1"]]), new Uint8Array(3)]],
  ["a proxy whose every trap throws", new Proxy({}, { get() { throw new Error("get"); }, ownKeys() { throw new Error("ownKeys"); }, getPrototypeOf() { throw new Error("proto"); } })],
  ["a revoked proxy", revoked.proxy],
  ["a throwing getter", Object.defineProperty({}, "customerId", { get() { throw new Error("getter"); }, enumerable: true })],
  ["an object whose toString throws", { customerId: { toString() { throw new Error("toString"); } } }],
];

const everyValidator = [...model.entities.flatMap((e) => [[e.validateName, e.isName]]), ["validateIngestionRequest", "isIngestionRequest"]] as const;

describe("never throws", () => {
  it.each(HOSTILE)("on %s, for every validator, and `is` agrees", (_name, value) => {
    for (const [v, is] of everyValidator) {
      const result = exported[v]!(value) as Result;
      expect(typeof result.ok, v).toBe("boolean");
      expect(exported[is]!(value), is).toBe(result.ok);
    }
  });

  it("reports a payload it cannot read as invalid, at the root", () => {
    const r = generated.validateCustomerIdentity(revoked.proxy);
    expect(pairs(r)).toEqual([" type"]);
    expect(r.ok ? "" : r.issues[0]!.message).toMatch(/could not be read/u);
  });

  it("on anything fast-check can make", () => {
    const anything = fc.anything({ maxDepth: 4, withNullPrototype: true, withBoxedValues: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withSparseArray: true, withTypedArray: true, withObjectString: true });
    fc.assert(fc.property(anything, (x) => {
      for (const [v, is] of everyValidator) expect(exported[is]!(x)).toBe((exported[v]!(x) as Result).ok);
    }), { seed: 99, numRuns: 2000 });
  });
});

describe("input untouched, and returned as is", () => {
  it("validates a deeply frozen payload, valid and invalid, without writing to it", () => {
    const valid = deepFreeze({ customerId: "C1", phone: "1", fullName: "A", nickNames: ["a"], custom: { a: [1] } });
    const invalid = deepFreeze({ customerId: " ", nickNames: [1], gender: "Male" });
    const request = deepFreeze({ objectType: "customer-identity", source: "CRM", entries: [valid, invalid] });
    const r = generated.validateCustomerIdentity(valid);
    expect(r.ok && r.value).toBe(valid);
    expect(pairs(generated.validateCustomerIdentity(invalid))).toEqual(["/customerId required", "/nickNames/0 type", "/gender enum", " required_any", " required_any"]);
    expect(pairs(generated.validateIngestionRequest(request))).toEqual(["/entries/1/customerId required", "/entries/1/nickNames/0 type", "/entries/1/gender enum", "/entries/1 required_any", "/entries/1 required_any"]);
  });
});

describe("own properties only (regressions)", () => {
  it("does not count an inherited value as a field", () => {
    const inherited = Object.create({ customerId: "C1", phone: "1", fullName: "A" }) as object;
    expect(pairs(generated.validateCustomerIdentity(inherited))).toEqual(["/customerId required", " required_any", " required_any"]);
    expect(generated.isCustomerIdentity(inherited)).toBe(false);
  });

  it("does not report an inherited key as unknown, and reads own keys of a class instance", () => {
    class Email { customerId = "1"; email = "a@b.co"; emailType = "Business"; }
    Object.defineProperty(Email.prototype, "extra", { value: 1, enumerable: true });
    expect(generated.validateCustomerIdentityEmail(new Email()).ok).toBe(true);
  });

  it("treats an own __proto__ key as an unknown field on a closed entity and as a custom field on an open one", () => {
    const closed = JSON.parse('{"customerId":"1","email":"a@b.co","emailType":"Business","__proto__":{"x":1}}') as unknown;
    expect(pairs(generated.validateCustomerIdentityEmail(closed))).toEqual(["/__proto__ unknown_field"]);
    const open = JSON.parse('{"customerId":"C1","phone":"1","fullName":"A","__proto__":{"customerId":5}}') as unknown;
    expect(generated.validateCustomerIdentity(open).ok).toBe(true);
  });
});
