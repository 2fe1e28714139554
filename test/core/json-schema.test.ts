import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { compileTexts, emit, exampleRecord, realModel } from "../support/compile.ts";
import { makeAjv } from "../support/ajv.ts";
import type { Entity, Field, JsonValue } from "../../generator/model/ir.ts";

const model = realModel();
const ajv = makeAjv();
const compiled = new Map<string, ReturnType<typeof ajv.compile>>();
const validatorOf = (e: Entity) => {
  if (!compiled.has(e.objectType)) compiled.set(e.objectType, ajv.compile(JSON.parse(readFileSync(`generated/json-schema/${e.objectType}.schema.json`, "utf8"))));
  return compiled.get(e.objectType)!;
};

/** A value of the wrong JSON type for a field (a string where a number goes, a number elsewhere). */
function wrongType(f: Field): JsonValue {
  switch (f.type) {
    case "integer": case "long": case "timestamp": case "double": case "float": return "5000";
    case "boolean": return 1;
    case "list": return "a, b";
    default: return 42;
  }
}

describe.each(model.entities.map((e) => [e.objectType, e] as const))("JSON Schema of %s (Ajv oracle)", (_name, entity) => {
  const validate = validatorOf(entity);
  const example = exampleRecord(entity);
  const without = (name: string) => Object.fromEntries(Object.entries(example).filter(([k]) => k !== name));

  it("accepts the doc's example record (errata corrected, required gaps filled)", () => {
    expect(validate(example), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each(entity.fields.filter((f) => f.required).map((f) => [f.name]))("rejects the record without required %s, or with it null or blank", (name) => {
    expect(validate(without(name))).toBe(false);
    expect(validate({ ...example, [name]: null })).toBe(false);
    if (entity.fields.find((f) => f.name === name)!.type === "string") expect(validate({ ...example, [name]: " \t" })).toBe(false);
  });

  it.each(entity.rules.map((r) => [r.doc[0]!, r] as const))("rejects a record where no group of '%s' is present", (_doc, rule) => {
    const record: Record<string, JsonValue> = { ...example };
    for (const n of rule.groups.flat()) delete record[n];
    expect(validate(record)).toBe(false);
    for (const group of rule.groups) {
      // A field without a doc example gets a value its format accepts.
      const filler = (n: string): JsonValue => (entity.fields.find((f) => f.name === n)?.format === "email" ? "an@example.com" : "x");
      const one = { ...record, ...Object.fromEntries(group.map((n) => [n, example[n] ?? filler(n)])) };
      expect(validate(one), `group ${group.join("+")}`).toBe(true);
      expect(validate({ ...record, ...Object.fromEntries(group.map((n) => [n, "  "])) }), `blank group ${group.join("+")}`).toBe(false);
    }
  });

  it.each(entity.fields.map((f) => [f.name, f] as const))("rejects a wrong type for %s", (name, f) => {
    expect(validate({ ...example, [name]: wrongType(f) })).toBe(false);
  });

  it.each(entity.fields.filter((f) => f.enum).map((f) => [f.name, f] as const))("rejects a bad enum value for %s (case-sensitive)", (name, f) => {
    expect(validate({ ...example, [name]: f.enum![0]!.toUpperCase() === f.enum![0] ? f.enum![0]!.toLowerCase() : f.enum![0]!.toUpperCase() })).toBe(false);
    expect(validate({ ...example, [name]: "not-a-value" })).toBe(false);
  });

  it.each(entity.fields.filter((f) => !f.required && !entity.rules.some((r) => r.groups.flat().includes(f.name))).map((f) => [f.name]))("accepts null on optional %s", (name) => {
    expect(validate({ ...example, [name]: null }), JSON.stringify(validate.errors)).toBe(true);
  });

  it(`${entity.customFields ? "accepts" : "rejects"} an unknown key`, () => {
    expect(validate({ ...example, customField01: { any: ["json"] } })).toBe(entity.customFields);
  });
});

describe("JSON Schema constraints from SEMANTICS.md (a made-up entity: no doc data)", () => {
  const made = compileTexts({ "gadget.yaml": readFileSync("test/specs/made-up/gadget.yaml", "utf8") }).model!;
  const gadget = made.entities[0]!;
  const validate = makeAjv().compile(JSON.parse(emit(made).find((f) => f.path === "json-schema/gadget.schema.json")!.contents));
  const base = exampleRecord(gadget);
  it("the example record is valid", () => expect(validate(base), JSON.stringify(validate.errors)).toBe(true));
  it.each([
    ["timezoneGmt 15 is out of range", { timezoneGmt: 15 }, false],
    ["timezoneGmt -12 is in range", { timezoneGmt: -12 }, true],
    ["a fractional integer", { yob: 1988.5 }, false],
    ["yob past 32-bit", { yob: 2 ** 31 }, false],
    ["a negative timestamp (born before 1970)", { madeAt: -86400000 }, true],
    ["a timestamp past the Date range", { madeAt: 8.64e15 + 1 }, false],
    ["an impossible date", { madeOn: "2001-02-29" }, false],
    ["a leap day", { madeOn: "2004-02-29" }, true],
    ["a list with a number", { labels: ["a", 1] }, false],
    ["a bad e-mail", { ownerEmail: "not-an-email" }, false],
    ["a numeric string is not a number", { yob: "1988" }, false],
    ["an enum value differing by case", { size: "Small" }, false],
    ["an unknown key on a table without a Custom Fields row", { color: "red" }, false],
  ] as const)("%s", (_name, patch, ok) => {
    expect(validate({ ...base, ...patch })).toBe(ok);
  });
});
