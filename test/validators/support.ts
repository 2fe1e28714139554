import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { tmpdir } from "node:os";
import { pathToFileURL } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { build } from "../../generator/run.ts";
import type { Model } from "../../generator/model/ir.ts";
import { emitTypes } from "../../generator/emit/types/emit-types.ts";
import { emitJsonSchema } from "../../generator/emit/json-schema/emit-json-schema.ts";
import { emitValidators } from "../../generator/emit/validators/emit-validators.ts";
import { INCOMPLETE_KEYWORD } from "../../generator/emit/json-schema/emit-json-schema.ts";

/** What a generated validator returns, seen from a test. */
export type Result = { ok: true; value: unknown } | { ok: false; issues: { path: string; code: string; message: string }[] };
export type Validate = (input: unknown) => Result;
export type Is = (input: unknown) => boolean;

/** The oracle: Ajv 2020 + ajv-formats (full), strict, all errors; only own properties count, as in SEMANTICS.md. */
export function oracle(schema: object, files: readonly object[] = []): (input: unknown) => boolean {
  const ajv = new Ajv2020.default({ allErrors: true, strict: true, ownProperties: true });
  addFormats.default(ajv);
  ajv.addKeyword(INCOMPLETE_KEYWORD); // the generated schemas' annotation of a table the saved page cuts short
  for (const f of files) ajv.addSchema(f);
  return ajv.compile(schema) as (input: unknown) => boolean;
}

export function modelOf(specsDir: string): Model {
  const built = build(specsDir);
  if (!built.model) throw new Error(built.diagnostics.map((d) => d.message).join("\n"));
  return built.model;
}

/** A generated package (types, JSON Schema, validators) in a temporary folder, removed after the file's tests. */
export interface TempPackage {
  readonly model: Model;
  readonly dir: string;
  readonly schema: (objectType: string) => object;
  readonly validators: Record<string, unknown>;
}

const made: string[] = [];

/** Removes the packages generatePackage made (call it from afterAll). */
export function removeTempPackages(): void {
  while (made.length) rmSync(made.pop()!, { recursive: true, force: true });
}

/** Emits the validators of a specs folder (or a model) and imports them, so a test runs the generated code itself. */
export async function generatePackage(source: string | Model): Promise<TempPackage> {
  const model = typeof source === "string" ? modelOf(source) : source;
  const dir = mkdtempSync(join(tmpdir(), "pango-validators-"));
  made.push(dir);
  for (const f of [...emitTypes(model), ...emitJsonSchema(model), ...emitValidators(model)]) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.contents);
  }
  const validators = (await import(pathToFileURL(join(dir, "validators/index.ts")).href)) as Record<string, unknown>;
  const schema = (objectType: string): object => JSON.parse(readFileSync(join(dir, `json-schema/${objectType}.schema.json`), "utf8")) as object;
  return { model, dir, schema, validators };
}

/** The committed JSON Schema of an object type (or of the ingestion request). */
export function committedSchema(name: string): object {
  return JSON.parse(readFileSync(`generated/json-schema/${name}.schema.json`, "utf8")) as object;
}
