import type { Model } from "../../model/ir.ts";
import type { EmitterEntry } from "../registry.ts";
import { jsBanner, type OutputFile } from "../output-file.ts";
import { Code, render } from "../templates.ts";
import { stableJson } from "../../util/text.ts";
import { str } from "../escape.ts";

/** The manifest that marks a folder as made by the generator and lists the files it owns. */
export const MANIFEST = ".pango-codegen.json";

function packageJson(model: Model): string {
  return stableJson({
    name: model.package.name,
    version: model.package.version,
    description: "Types, validators, JSON Schema, OpenAPI and fixtures for the Pango CDP ingestion API, generated from its documentation.",
    license: "MIT",
    type: "module",
    sideEffects: false,
    main: "./dist/index.js",
    types: "./dist/index.d.ts",
    exports: {
      ".": { types: "./dist/index.d.ts", default: "./dist/index.js" },
      "./json-schema/*": "./json-schema/*",
      "./openapi/*": "./openapi/*",
      "./fixtures/*": "./fixtures/*",
      "./package.json": "./package.json",
    },
    files: ["dist", "json-schema", "openapi", "fixtures/*.json", "README.md"],
    // require() of an ES module and JSON import attributes both need Node 20.19.
    engines: { node: ">=20.19" },
    scripts: { build: "tsc -p tsconfig.json" },
  });
}

function tsconfig(): string {
  return stableJson({
    compilerOptions: {
      target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, declaration: true,
      resolveJsonModule: true, outDir: "dist", rootDir: ".", skipLibCheck: true, types: [], lib: ["ES2022"],
    },
    // Imported JSON (the fixtures) is emitted with the code; JSON Schema and OpenAPI ship as they are.
    include: ["**/*.ts"],
    exclude: ["dist", "node_modules", "package.json", "tsconfig.json", MANIFEST],
  });
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
    { path: "README.md", contents: readme },
  ];
}
