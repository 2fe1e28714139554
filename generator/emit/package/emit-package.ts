import type { Entity, Model } from "../../model/ir.ts";
import { schemaName } from "../validators/standard-code.ts";
import { apiFixtures } from "../../model/api-shapes.ts";
import type { EmitterEntry } from "../registry.ts";
import { jsBanner, type OutputFile } from "../output-file.ts";
import { Code, render } from "../templates.ts";
import { stableJson } from "../../util/text.ts";
import { ident, str } from "../escape.ts";

/** The manifest that marks a folder as made by the generator and lists the files it owns. */
export const MANIFEST = ".pango-codegen.json";

/** One subpath's conditions: ESM and CommonJS builds, each with its own declarations (listed first, as TypeScript asks). */
function dual(module: string): Record<string, Record<string, string>> {
  return {
    import: { types: `./dist/esm/${module}.d.ts`, default: `./dist/esm/${module}.js` },
    require: { types: `./dist/cjs/${module}.d.ts`, default: `./dist/cjs/${module}.js` },
  };
}

// The build starts from an empty dist/: a module an earlier build made and the package no longer has must not be packed.
const CLEAN = `node -e "require('node:fs').rmSync('dist', { recursive: true, force: true })"`;
// The CommonJS build's folder says it is CommonJS, so Node and TypeScript read its .js and .d.ts as such.
const MARK_CJS = `node -e "require('node:fs').writeFileSync('dist/cjs/package.json', JSON.stringify({ type: 'commonjs' }))"`;

function packageJson(model: Model): string {
  return stableJson({
    name: model.package.name,
    version: model.package.version,
    description: "Types, validators, JSON Schema, OpenAPI and fixtures for the Pango CDP ingestion API, generated from its documentation.",
    license: "MIT",
    type: "module",
    sideEffects: false,
    main: "./dist/cjs/index.js",
    module: "./dist/esm/index.js",
    types: "./dist/cjs/index.d.ts",
    exports: {
      ".": dual("index"),
      "./fixtures": dual("fixtures/index"),
      "./entities/*": dual("entities/*"),
      "./json-schema/*": "./json-schema/*",
      "./openapi/*": "./openapi/*",
      "./fixtures/*": "./fixtures/*",
      "./package.json": "./package.json",
    },
    // TypeScript's node10 resolution ignores exports: it finds the subpaths' declarations here (Node itself reads exports).
    typesVersions: { "*": { "entities/*": ["./dist/cjs/entities/*.d.ts"] } },
    files: ["dist", "json-schema", "openapi", "fixtures/*.json", "README.md", "CHANGELOG.md"],
    engines: { node: ">=18" },
    scripts: { build: `${CLEAN} && tsc -p tsconfig.json && tsc -p tsconfig.cjs.json && ${MARK_CJS}` },
  });
}

const EXCLUDE = ["dist", "node_modules", "package.json", "tsconfig.json", "tsconfig.cjs.json", MANIFEST];

function tsconfig(): string {
  return stableJson({
    compilerOptions: {
      target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, declaration: true,
      outDir: "dist/esm", rootDir: ".", skipLibCheck: true, types: [], lib: ["ES2022"],
    },
    include: ["**/*.ts"],
    exclude: EXCLUDE,
  });
}

/** The CommonJS build: the same sources, emitted as CommonJS (the `.js` specifiers resolve to the `.ts` sources). */
function tsconfigCjs(): string {
  return stableJson({
    extends: "./tsconfig.json",
    compilerOptions: { module: "CommonJS", moduleResolution: "Node10", outDir: "dist/cjs" },
  });
}

/**
 * fixtures/package.json: TypeScript's old `node10` resolution ignores the exports map, so `pango-cdp-schemas/fixtures`
 * resolves through this folder's manifest to the CommonJS build. `type` keeps fixtures/index.ts an ES module source.
 */
function fixturesStub(): string {
  return stableJson({ type: "module", main: "../dist/cjs/fixtures/index.js", types: "../dist/cjs/fixtures/index.d.ts" });
}

/** fixtures/api.ts: valid and invalid examples of the API's other shapes (re-exported by fixtures/index.ts). */
function apiFixturesModule(model: Model): OutputFile {
  const contents = [
    jsBanner(model.shapes.file),
    "",
    'import type { IssueCode } from "../runtime.js";',
    "",
    "/** An example of an API shape that breaks one rule, and the issues a validator reports for it. */",
    "export interface InvalidApiFixture { readonly label: string; readonly value: unknown; readonly issues: readonly { readonly path: string; readonly code: IssueCode }[] }",
    "",
    "/** Valid and invalid examples of each API shape, by type name. */",
    `export const apiFixtures: Readonly<Record<string, { readonly valid: readonly unknown[]; readonly invalid: readonly InvalidApiFixture[] }>> = JSON.parse(${str(JSON.stringify(apiFixtures(model.shapes)))});`,
    "",
  ].join("\n");
  return { path: "fixtures/api.ts", contents };
}

/** entities/<object-type>.ts: one entity's types, validators and Standard Schema objects, for a deep import. */
function entityModule(e: Entity): OutputFile {
  const tables = [e, ...e.tables];
  const validators = tables.flatMap((t) => [ident(t.validateName), ident(t.isName)]).join(", ");
  const schemas = tables.map((t) => ident(schemaName(t.typeName))).join(", ");
  const contents = [
    jsBanner(`specs/${e.objectType}.yaml`),
    "//",
    `// ${e.title.replace(/[\r\n\u2028\u2029]+/gu, " ")} alone: its types, validators and Standard Schema objects.`,
    "",
    `export * from ${str(`../types/${e.objectType}.js`)};`,
    `export { ${validators} } from ${str(`../validators/${e.objectType}.js`)};`,
    `export { ${schemas} } from ${str(`../standard/${e.objectType}.js`)};`,
    "",
  ].join("\n");
  return { path: `entities/${e.objectType}.ts`, contents };
}

/** Emits index.ts, package.json, tsconfig.json and README.md of the generated package. */
export function emitPackage(model: Model, emitters: readonly EmitterEntry[]): OutputFile[] {
  const modules = emitters.flatMap((e) => e.exports(model));
  const index = render("index.ts.hbs", {
    banner: new Code(jsBanner("specs/")),
    exports: modules.map((m) => new Code(`export * from ${str(m)};`)),
  });
  const readme = render("package-readme.md.hbs", {
    name: model.package.name, version: model.package.version,
    entities: model.entities.map((e) => ({ objectType: e.objectType, typeName: e.typeName, title: e.title, customFields: e.customFields, fields: e.fields.length })),
  });
  return [
    { path: "index.ts", contents: index },
    { path: "package.json", contents: packageJson(model) },
    { path: "tsconfig.json", contents: tsconfig() },
    { path: "tsconfig.cjs.json", contents: tsconfigCjs() },
    { path: "fixtures/package.json", contents: fixturesStub() },
    apiFixturesModule(model),
    ...model.entities.map(entityModule),
    { path: "README.md", contents: readme },
  ];
}
