import { describe, expect, it } from "vitest";
import { _, Code, join, name, prop, COMMA } from "../../generator/emit/validators/code.ts";
import { emitValidators } from "../../generator/emit/validators/emit-validators.ts";
import { InternalError } from "../../generator/util/assert.ts";
import { modelOf } from "./support.ts";
import { patronModel } from "./made-up.ts";

// The validator emitter: its code builder (plain strings always become literals) and its output (over every entity
// of the specs, and the exact code of a made-up spec, test/specs/made-up/patron.yaml).

describe("code builder", () => {
  it("quotes every plain string and inserts only Code raw", () => {
    const hostile = '"); process.exit(1); ("\u2028*/';
    const code = _`check(${new Code("v")}, ${hostile})`;
    expect(code.text).toBe('check(v, "\\"); process.exit(1); (\\"\\u2028*/")');
    // The quoted argument evaluates back to the very same string: a hostile value stays data.
    expect(new Function(`return [${code.text.slice("check(v, ".length, -1)}]`)()).toEqual([hostile]);
  });

  it.each([
    [1.5, "1.5"], [-12, "-12"], [-0, "-0"], [8.64e15, "8640000000000000"], [true, "true"], [null, "null"],
  ] as const)("writes %s as the literal %s", (value, want) => {
    expect(_`${value}`.text).toBe(want);
  });

  it("refuses a number that has no literal", () => {
    expect(() => _`${NaN}`).toThrow(InternalError);
    expect(() => _`${Infinity}`).toThrow(InternalError);
  });

  it("reads a property bare when the key is an identifier, quoted otherwise", () => {
    expect(prop(new Code("o"), "customerId").text).toBe("o.customerId");
    expect(prop(new Code("o"), "a-b\"c").text).toBe('o["a-b\\"c"]');
  });

  it("accepts only safe identifiers as names", () => {
    expect(join([name("validateX"), name("isX")], COMMA).text).toBe("validateX, isX");
    expect(() => name("a b")).toThrow(InternalError);
    expect(() => name("delete")).toThrow(InternalError);
  });
});

describe("emitted files", () => {
  const model = modelOf("specs");

  it("are the runtime, the Standard Schema interfaces, one file per entity, the envelope, the Standard Schema objects and the index", () => {
    expect(emitValidators(model).map((f) => f.path)).toEqual([
      "runtime.ts", "standard-schema.ts", ...model.entities.map((e) => `validators/${e.objectType}.ts`), "validators/ingestion-request.ts", "validators/api.ts",
      ...model.entities.map((e) => `standard/${e.objectType}.ts`), "standard/ingestion-request.ts", "standard/api.ts", "validators/index.ts",
    ]);
  });

  it("are the same bytes on every run", () => {
    expect(emitValidators(modelOf("specs"))).toEqual(emitValidators(model));
  });

  it("read no schema at run time and import nothing but the runtime and the types (the index also re-exports the Standard Schema objects)", () => {
    for (const f of emitValidators(model).filter((x) => x.path.startsWith("validators/") && x.path !== "validators/index.ts")) {
      const imports = [...f.contents.matchAll(/from "([^"]+)"/gu)].map((m) => m[1]!);
      for (const i of imports) expect(i, f.path).toMatch(/^(\.\.\/runtime\.js|\.\.\/types\/[a-z0-9-]+\.js|\.\/[a-z0-9-]+\.js)$/u);
      expect(f.contents, f.path).not.toMatch(/json-schema|JSON\.parse|new Function|eval\(/u);
    }
    const index = emitValidators(model).find((f) => f.path === "validators/index.ts")!.contents;
    for (const m of index.matchAll(/from "([^"]+)"/gu)) expect(m[1], "validators/index.ts").toMatch(/^(\.\.\/runtime\.js|\.\.\/standard-schema\.js|\.\.\/standard\/[a-z0-9-]+\.js|\.\/[a-z0-9-]+\.js)$/u);
  });

  it("specialise each field: the made-up patron checks name its fields and bounds inline", () => {
    const file = emitValidators(patronModel()).find((f) => f.path === "validators/patron.ts")!.contents;
    expect(file).toContain('v = o.utcOffset;\n  if (v != null && ((typeof v !== "number" || !Number.isInteger(v)) || (v < -12 || v > 14))) return false;');
    expect(file).toContain('if (v != null && (typeof v !== "string" || (v !== "red" && v !== "green" && v !== "blue"))) return false;');
  });
});
