import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parse as parseYaml } from "yaml";
import fc from "fast-check";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { hashTree, ROOT, runMain, tempDir } from "./support.ts";

const HOSTILE = "test/specs/hostile";
const TSC = join(ROOT, "node_modules/.bin/tsc");

interface SpecField { name: string; description?: string; example?: string; enum?: string[] }
interface SpecTable { title: string; fields: SpecField[]; errata?: { field?: string; property: string; corrected: string | null }[] }
interface Spec extends SpecTable { objectType: string; tables?: SpecTable[] }

/** The hostile spec read straight from its YAML (an oracle independent of the generator's IR). */
const spec = parseYaml(readFileSync(`${HOSTILE}/hostile-strings.yaml`, "utf8")) as Spec;
const nested = spec.tables![0]!;

/** The description a field ends up with: its erratum's correction when it has one. */
function effectiveDescription(t: SpecTable, f: SpecField): string | undefined {
  return t.errata?.find((e) => e.field === f.name && e.property === "description")?.corrected ?? f.description;
}

/** Every string a spec puts into artefacts verbatim: title, field names, descriptions, enum values. */
function hostileStrings(): string[] {
  return [spec, nested].flatMap((t) => [t.title, ...t.fields.flatMap((f) => [f.name, effectiveDescription(t, f) ?? "", ...(f.enum ?? [])])]).filter((s) => s !== "");
}

/** All strings (keys and values) anywhere in a parsed JSON/YAML document. */
function allStrings(v: unknown, into = new Set<string>()): Set<string> {
  if (typeof v === "string") into.add(v);
  else if (Array.isArray(v)) v.forEach((x) => allStrings(x, into));
  else if (v && typeof v === "object") for (const k of Object.keys(v)) { into.add(k); allStrings((v as Record<string, unknown>)[k], into); }
  return into;
}

let root: string, out: string;
beforeAll(async () => {
  root = tempDir("hostile");
  out = join(root, "out");
  const r = await runMain(["generate", "--quiet", "--specs", HOSTILE, "--out", out]);
  expect(r.code, r.err).toBe(0);
}, 60_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("hostile strings: the generated TypeScript stays code", () => {
  it("compiles under tsc --strict (plus noUncheckedIndexedAccess and exactOptionalPropertyTypes), with a probe of its keys", () => {
    const names = spec.fields.map((f) => f.name);
    writeFileSync(join(root, "probe.ts"), [
      `import type { HostileStringsFields, HostileStringsClass, DonHangFields } from "./out/index.js";`,
      `import { HOSTILE_STRINGS_CLASS_VALUES } from "./out/index.js";`,
      `const names = ${JSON.stringify(names)} as const;`,
      `type Listed = (typeof names)[number];`,
      `type Keys = keyof HostileStringsFields;`,
      `const sameKeys: [Keys] extends [Listed] ? ([Listed] extends [Keys] ? true : false) : false = true;`,
      `const c: HostileStringsClass = ${JSON.stringify("line\u2028sep")};`,
      `// @ts-expect-error: enums are exact and case-sensitive`,
      `const wrong: HostileStringsClass = "Gold";`,
      `// @ts-expect-error: a key the table does not have`,
      `const unknownKey: Keys = "customer_id";`,
      `const order: DonHangFields = { "mã đơn": "ĐH-001", hasOwnProperty: "__proto__" };`,
      `export const used = [sameKeys, c, wrong, unknownKey, order, HOSTILE_STRINGS_CLASS_VALUES.length];`,
    ].join("\n"));
    writeFileSync(join(root, "tsconfig.json"), JSON.stringify({
      compilerOptions: { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, noEmit: true, noUncheckedIndexedAccess: true, exactOptionalPropertyTypes: true, skipLibCheck: false, types: [], lib: ["ES2022"] },
      include: ["out/**/*.ts", "probe.ts"],
    }));
    // Throws (with tsc's diagnostics in the message) when anything fails to compile.
    execFileSync(process.execPath, [TSC, "-p", join(root, "tsconfig.json")], { encoding: "utf8" });
  }, 60_000);

  it("keeps every enum value exactly, in order (runtime constants)", async () => {
    const types = await import(pathToFileURL(join(out, "types/hostile-strings.ts")).href) as Record<string, unknown>;
    expect(types.HOSTILE_STRINGS_CLASS_VALUES).toEqual(spec.fields.find((f) => f.name === "class")!.enum);
    expect(types.DON_HANG_HAS_OWN_PROPERTY_VALUES).toEqual(["__proto__", "constructor", "toString"]);
  });

  it("a doc comment never ends early: in the types, every `*/` closes a comment or sits in a string literal", () => {
    const ts = readFileSync(join(out, "types/hostile-strings.ts"), "utf8");
    for (const line of ts.split("\n")) if (line.includes("*/")) expect(line.trim() === "*/" || /^\s*(export const|"|\/\*\*.*\*\/$)/u.test(line), line).toBe(true);
  });

  it("no generated TypeScript file holds a raw U+2028 or U+2029 (a line terminator inside a // comment ends it)", () => {
    const files = readdirSync(out, { recursive: true, encoding: "utf8" }).filter((p) => p.endsWith(".ts"));
    expect(files.length).toBeGreaterThan(4);
    for (const p of files) expect(readFileSync(join(out, p), "utf8"), p).not.toMatch(/[\u2028\u2029]/u);
  });
});

describe("hostile strings: JSON and YAML outputs parse and keep every string exactly", () => {
  const outputs = () => readdirSync(out, { recursive: true, encoding: "utf8" }).filter((p) => /\.(json|ya?ml)$/u.test(p) && !p.startsWith("node_modules"));

  it("every JSON and YAML output parses", () => {
    expect(outputs().length).toBeGreaterThan(3);
    for (const p of outputs()) {
      const text = readFileSync(join(out, p), "utf8");
      expect(() => (p.endsWith(".json") ? JSON.parse(text) : parseYaml(text, { strict: true, uniqueKeys: true })), p).not.toThrow();
    }
  });

  it.each(["json-schema/hostile-strings.schema.json", "openapi/hostile-strings.yaml", "openapi/openapi.yaml", "openapi/openapi.json"])("%s holds every title, name, description and enum value verbatim", (p) => {
    if (p.startsWith("openapi/") && !existsSync(join(out, p))) return expect.fail(`${p} was not generated`);
    const text = readFileSync(join(out, p), "utf8");
    const found = allStrings(p.endsWith(".json") ? JSON.parse(text) : parseYaml(text));
    for (const s of hostileStrings()) expect(found.has(s), JSON.stringify(s)).toBe(true);
  });

  it("the JSON Schema lists the fields in doc order, with exact descriptions, examples and enums", () => {
    const schema = JSON.parse(readFileSync(join(out, "json-schema/hostile-strings.schema.json"), "utf8"));
    expect(schema.title).toBe(spec.title);
    expect(Object.keys(schema.properties)).toEqual(spec.fields.map((f) => f.name));
    for (const f of spec.fields) {
      expect(schema.properties[f.name].description, f.name).toBe(effectiveDescription(spec, f));
      if (f.example !== undefined && f.name !== "constructor" && f.name !== "toString") expect(schema.properties[f.name].examples, f.name).toEqual([f.example]);
    }
    expect(schema.properties.class.enum).toEqual([...spec.fields.find((f) => f.name === "class")!.enum!, null]);
    expect(schema.required).toEqual(["customer-id", "__proto__"]);
  });

  it("Ajv (own properties only) compiled from the JSON Schema requires a key named __proto__", () => {
    const ajv = new Ajv2020.default({ allErrors: true, strict: true, ownProperties: true });
    addFormats.default(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(join(out, "json-schema/hostile-strings.schema.json"), "utf8")));
    const ok = JSON.parse(`{"customer-id":"c1","__proto__":"p","1st":"x","class":"line\\u2028sep"}`);
    expect(validate(ok)).toBe(true);
    expect(validate(JSON.parse(`{"customer-id":"c1","1st":"x"}`))).toBe(false);
    // Ajv never checks the value under a `__proto__` property (it drops that name from `properties` on purpose),
    // so the value checks on that key are the generated validators' job: see the validators block below.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("names that would collide are refused with a clear diagnostic", () => {
  const cases: [string, string[]][] = [
    ["across-specs", ["order.yaml:9:12 name-collision: nested table 'Order Item Entity' would be named 'OrderItem', like entity 'order-item' (test/specs/hostile/collisions/across-specs/order-item.yaml:2:13)"]],
    ["enum-after-naming", [
      "widget.yaml:9:11 name-collision: the enum of 'customerId' in entity 'widget' would be named 'WidgetCustomerId', like the enum of 'customer-id'",
      "widget.yaml:9:11 name-collision: the enum values of 'customerId' in entity 'widget' would be named 'WIDGET_CUSTOMER_ID_VALUES'",
    ]],
    ["enum-const-screaming", [
      "widget.yaml:9:11 name-collision: the enum of 'ab-c' in entity 'widget' would be named 'WidgetAbC', like the enum of 'abC'",
      "widget.yaml:9:11 name-collision: the enum values of 'ab-c' in entity 'widget' would be named 'WIDGET_AB_C_VALUES'",
    ]],
    ["enum-named-nothing", ["widget.yaml:5:11 name-collision: the enum of '日本' in entity 'widget' would be named 'Widget', like entity 'widget'"]],
    ["fields-interface", ["widget.yaml:10:12 name-collision: nested table 'Widget Fields' would be named 'WidgetFields', like the fields interface of entity 'widget'"]],
    ["reserved-table", [
      "widget.yaml:14:12 reserved-name: nested table 'Record Entity' would be named 'Record', which the generated package reserves",
      "widget.yaml:19:12 reserved-name: nested table 'partial' would be named 'Partial', which the generated package reserves",
    ]],
    ["table-like-entity", ["widget-part.yaml:10:12 name-collision: nested table 'Widget Part' would be named 'WidgetPart', like entity 'widget-part'"]],
    ["vietnamese-folding", ["widget.yaml:19:12 name-collision: nested table 'Don Hang' would be named 'DonHang', like nested table 'Đơn hàng'"]],
  ];

  it("covers every collision folder", () => {
    expect(cases.map(([n]) => n).sort()).toEqual(readdirSync(`${HOSTILE}/collisions`).sort());
  });

  it.each(cases)("%s", async (name, want) => {
    const dir = `${HOSTILE}/collisions/${name}`;
    const target = join(root, "collision-out");
    const r = await runMain(["generate", "--specs", dir, "--out", target]);
    expect(r.code, r.err).toBe(2);
    const got = r.err.split("\n").filter((l) => / error /u.test(l)).map((l) => l.replace(" error ", " ").replace(`${dir}/`, ""));
    expect(got.length, got.join("\n")).toBe(want.length);
    got.forEach((line, i) => expect(line.startsWith(want[i]!), `${line}\n  does not start with\n${want[i]}`).toBe(true));
    expect(hashTree(target)).toBe("absent");
  });
});

type Issue = { path: string; code: string; message: string };
type Validate = (input: unknown) => { ok: true; value: unknown } | { ok: false; issues: Issue[] };

describe("hostile strings: the generated validators accept and reject what they should", () => {
  let validate: Validate, is: (input: unknown) => boolean, validateKeywords: Validate;
  beforeAll(async () => {
    const v = await import(pathToFileURL(join(out, "validators/hostile-strings.ts")).href);
    validate = v.validateHostileStrings;
    is = v.isHostileStrings;
    validateKeywords = (await import(pathToFileURL(join(out, "validators/keywords.ts")).href)).validateKeywords;
  });
  // JSON.parse makes `__proto__` an own key, as a payload read from the wire has it.
  const payload = (json: string): unknown => JSON.parse(json);
  const issuesOf = (input: unknown) => { const r = validate(input); return r.ok ? [] : r.issues.map((i) => `${i.path} ${i.code}`); };
  const VALID = `{"customer-id":"c1","__proto__":"p","1st":"x"}`;

  it("accepts a valid record whose required field is named __proto__, and returns it unchanged", () => {
    const input = payload(VALID);
    expect(validate(input)).toEqual({ ok: true, value: input });
    expect(is(input)).toBe(true);
  });

  it.each([
    ["the __proto__ key missing (the inherited Object.prototype does not count)", `{"customer-id":"c1","1st":"x"}`, ["/__proto__ required"]],
    ["an object under __proto__ (no prototype pollution either)", `{"customer-id":"c1","__proto__":{"polluted":true},"1st":"x"}`, ["/__proto__ type"]],
    ["a blank __proto__", `{"customer-id":"c1","__proto__":" \\u2028 ","1st":"x"}`, ["/__proto__ required"]],
    ["wrong types under constructor and toString", `{"customer-id":"c1","__proto__":"p","1st":"x","constructor":"7","toString":1}`, ["/constructor type", "/toString type"]],
    ["an enum value that differs by case or by U+2028", `{"customer-id":"c1","__proto__":"p","1st":"x","class":"Gold"}`, ["/class enum"]],
    ["a name JSON Pointer must escape", `{"customer-id":"c1","__proto__":"p","1st":"x","path/with~tilde":1.5}`, ["/path~1with~0tilde type"]],
    ["an unknown key (no Custom Fields row)", `{"customer-id":"c1","__proto__":"p","1st":"x","prototype":1}`, ["/prototype unknown_field"]],
    ["the any-of rule unmet", `{"customer-id":"c1","__proto__":"p","a b":"y"}`, [" required_any"]],
    ["a nested table with a blank Vietnamese-named field", `{"customer-id":"c1","__proto__":"p","1st":"x","order":{"mã đơn":" "}}`, ["/order/mã đơn required"]],
  ])("rejects %s", (_label, json, want) => {
    expect(issuesOf(payload(json))).toEqual(want);
    expect(is(payload(json))).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("accepts every enum value exactly as written, U+2028 and empty string included", () => {
    for (const c of spec.fields.find((f) => f.name === "class")!.enum!) expect(issuesOf({ ...(payload(VALID) as object), class: c }), JSON.stringify(c)).toEqual([]);
  });

  it("quotes the rule's doc sentence verbatim in the message", () => {
    const r = validate(payload(`{"customer-id":"c1","__proto__":"p"}`));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]!.message).toContain("1st required if */ `a b` and ${x} \"tên\" are missing\u2028(really)");
  });

  it("an entity with custom fields accepts __proto__ and constructor as custom keys and still checks its own", () => {
    expect(validateKeywords(payload(`{"function":"f","__proto__":{"x":1},"constructor":"c"}`)).ok).toBe(true);
    const r = validateKeywords(payload(`{"function":" ","return":"1","null":"nil"}`));
    expect(r.ok ? [] : r.issues.map((i) => `${i.path} ${i.code}`)).toEqual(["/function required", "/return type", "/null enum"]);
  });

  it("never throws on any value fast-check can make, and `is` agrees with `validate`", () => {
    fc.assert(fc.property(fc.anything({ withNullPrototype: true, withObjectString: true, withBoxedValues: true, withMap: true, withSet: true, withSparseArray: true }), (x) => {
      expect(is(x)).toBe(validate(x).ok);
    }), { seed: 5, numRuns: 500 });
  }, 60_000);

  it("never throws on traps and throwing getters, and `is` always agrees with `validate`", () => {
    const hostile = [null, undefined, 0, "", [], Object.create(null), new Proxy({}, { get() { throw new Error("trap"); }, ownKeys() { throw new Error("trap"); } }),
      Object.defineProperty({}, "customer-id", { get() { throw new Error("getter"); }, enumerable: true })];
    for (const x of hostile) {
      expect(() => validate(x)).not.toThrow();
      expect(is(x)).toBe(validate(x).ok);
    }
  });
});
