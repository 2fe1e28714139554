import { beforeAll, describe, expect, test } from "vitest";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { Project, ts, type SourceFile } from "ts-morph";
import { GENERATED, generatedEntities, schemaTypes, type GeneratedEntity } from "./support.ts";

/**
 * Our generated types and the types json-schema-to-typescript makes of our generated JSON Schema must
 * describe the same payloads: for every entity and nested table, each is assignable to the other, and
 * every valid fixture type-checks against both. The exceptions, each named below with its reason:
 */
const EXCEPTIONS = {
  /**
   * Custom fields, and tables the saved page cuts short (`incomplete`), which accept unknown keys alike:
   * the JSON Schema says `additionalProperties: true`, which json-schema-to-typescript types as an index
   * signature `[k: string]: unknown` (any value), while ours type those keys through the `Custom`
   * parameter, constrained to JSON values and closed by default. The index signatures are therefore left
   * out (`Known<T>`, recursively) and the named fields compared, both directions.
   */
  customFields: "index signatures left out; named fields compared",
  /**
   * Open nested tables in fixtures: an entity type fixes its nested tables' `Custom` to `{}` (e.g.
   * `items: OrderItem[]`), so a valid fixture whose nested record carries a key of the cut-short table
   * (Order Item's rows after `imageLink`) fails TypeScript's excess-property check against our type,
   * though it is valid by SEMANTICS.md. Those fixtures are checked against ours without the excess-property
   * check (a generic bound), and the test asserts that the only errors of the literal check are such
   * keys in an open nested table, so the exception cannot hide another error. A gap in the types emitter.
   */
  openNestedTablesInFixtures: "nested open-table keys are not typed by ours: checked by assignability",
  /**
   * Conditional rules need no exception: both sides write an any-of rule as a union and TypeScript
   * relates the two forms.
   */
} as const;

/** Strips index signatures (json-schema-to-typescript's `[k: string]: unknown`) at every depth, keeping unions. */
const KNOWN = `type Known<T> = T extends readonly (infer U)[] ? Known<U>[] : T extends object ? { [K in keyof T as string extends K ? never : K]: Known<T[K]> } : T;`;

const entities = generatedEntities();
const project = new Project({
  useInMemoryFileSystem: true,
  compilerOptions: { strict: true, noEmit: true, skipLibCheck: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, lib: ["lib.es2022.d.ts"], types: [] },
});

function addGenerated(dir = GENERATED, at = "/g"): void {
  for (const n of readdirSync(dir)) {
    const path = join(dir, n);
    if (statSync(path).isDirectory()) { if (n !== "fixtures" && n !== "node_modules" && n !== "dist") addGenerated(path, `${at}/${n}`); }
    else if (n.endsWith(".ts")) project.createSourceFile(`${at}/${n}`, readFileSync(path, "utf8"));
  }
}

/** Whether a table is open (custom fields, or cut short by the saved page): its JSON Schema accepts any other key. */
function isOpen(e: GeneratedEntity, type: string): boolean {
  const table = type === e.types[0] ? e.schema : (e.schema.$defs as Record<string, Record<string, unknown>>)[type]!;
  return table.additionalProperties === true;
}

/** Type-checks a probe file and returns its errors as "line: message". */
function errors(path: string, text: string): string[] {
  const file: SourceFile = project.createSourceFile(path, text, { overwrite: true });
  return project.getProgram().getSemanticDiagnostics(file).map((d) => {
    const m = d.getMessageText();
    return `${d.getLineNumber()}: ${typeof m === "string" ? m : m.getMessageText()}`;
  });
}

beforeAll(async () => {
  addGenerated();
  for (const e of entities) project.createSourceFile(`/j/${e.objectType}.ts`, await schemaTypes(e));
}, 60_000);

test("the entity list comes from generated/ and every entity has a JSON Schema and types", () => {
  expect(entities.length).toBeGreaterThan(0);
  const schemas = readdirSync(join(GENERATED, "json-schema")).filter((n) => n.endsWith(".schema.json") && n !== "ingestion-request.schema.json");
  expect(entities.map((e) => `${e.objectType}.schema.json`)).toEqual(schemas.sort());
  for (const e of entities) expect(e.types.length).toBeGreaterThan(0);
});

describe("our types and json-schema-to-typescript's are mutually assignable", () => {
  test.each(entities.map((e) => [e.objectType, e] as const))("%s", (_ot, e) => {
    const lines = [`import type * as G from "./g/index.js";`, `import type * as J from "./j/${e.objectType}.js";`, KNOWN];
    for (const t of e.types) {
      lines.push(`{ const j = null! as Known<J.${t}>; const g: G.${t} = j; void g; } // ${t}: schema → ours`);
      lines.push(`{ const g = null! as G.${t}; const j: Known<J.${t}> = g; void j; } // ${t}: ours → schema`);
    }
    expect(errors(`/probe-${e.objectType}.ts`, lines.join("\n"))).toEqual([]);
  }, 60_000);
});

/** The nested tables of an entity that accept unknown keys. */
const openNested = (e: GeneratedEntity) => e.types.slice(1).filter((t) => isOpen(e, t));

describe("every valid fixture type-checks against both", () => {
  test.each(entities.map((e) => [e.objectType, e] as const))("%s", (_ot, e) => {
    const data = JSON.parse(readFileSync(join(GENERATED, "fixtures", `${e.objectType}.json`), "utf8")) as { example: unknown; valid: unknown[] };
    const records = [data.example, ...data.valid];
    const t = e.types[0]!;
    // A record's custom fields type our Custom parameter, as a consumer writes them: `Order<{ customField01: string }>`.
    const named = new Set(Object.keys(e.schema.properties as object));
    const customs = records.map((r, i) => `const c${i} = ${JSON.stringify(Object.fromEntries(Object.entries(r as object).filter(([k]) => !named.has(k))))};`);
    const ours = (i: number) => (isOpen(e, t) ? `G.${t}<typeof c${i}>` : `G.${t}`);
    const head = [`import type * as G from "./g/index.js";`, `import type * as J from "./j/${e.objectType}.js";`, ...customs];
    const literal = records.flatMap((r, i) => [`const g${i}: ${ours(i)} = ${JSON.stringify(r)};`, `const j${i}: J.${t} = ${JSON.stringify(r)};`]);
    expect(records.length).toBeGreaterThan(1);
    const found = errors(`/fixtures-${e.objectType}.ts`, [...head, ...literal].join("\n"));
    const nested = openNested(e);
    if (nested.length === 0) { expect(found).toEqual([]); return; }
    // EXCEPTIONS.openNestedTablesInFixtures: only keys of an open nested table, only against ours.
    const allowed = new RegExp(`^\\d+: Object literal may only specify known properties, and '"[^"]+"' does not exist in type '(${nested.map((n) => `${n}Fields`).join("|")})'\\.$`, "u");
    expect(found.filter((m) => !allowed.test(m))).toEqual([]);
    // Inferred against the type as a bound (literal types kept, no excess-property check), then checked assignable.
    const fits = "declare function fits<T>(): <V extends T>(v: V) => V;";
    const assignable = records.map((r, i) => `const g${i} = fits<${ours(i)}>()(${JSON.stringify(r)});`);
    expect(errors(`/fixtures-${e.objectType}-assignable.ts`, [...head, fits, ...assignable].join("\n"))).toEqual([]);
  }, 60_000);
});

// EXCEPTIONS documents what the checks above leave out, and why; the checks apply it.
void EXCEPTIONS;
