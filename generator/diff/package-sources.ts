import type { Model } from "../model/ir.ts";
import { EMITTERS } from "../emit/registry.ts";
import { emitPackage } from "../emit/package/emit-package.ts";
import type { OutputFile } from "../emit/output-file.ts";
import { byCodePoint, normalizeText } from "../util/text.ts";

/** Whether a generated file is TypeScript the compiler check reads: fixtures data aside, the main entry does not reach it. */
export function isCheckedSource(path: string): boolean {
  return path.endsWith(".ts") && !path.startsWith("fixtures/");
}

/**
 * The TypeScript sources of the package `emit` would write (fixtures aside), as `emit` writes them, without the
 * other artefacts: `diff` compiles these twice per run, and JSON Schema, OpenAPI, docs, fixtures and API.md (which
 * parses every file, fixtures included) would cost it about a second for nothing. Only the emitters the main
 * entry re-exports write TypeScript it reaches; the package emitter adds index.ts and the entity entry points.
 */
export function emitTypeScript(model: Model): OutputFile[] {
  const reached = EMITTERS.filter((e) => e.exports(model).length > 0);
  return [...reached.flatMap((e) => e.emit(model)), ...emitPackage(model, EMITTERS)]
    .filter((f) => isCheckedSource(f.path))
    .map((f) => ({ path: f.path, contents: normalizeText(f.contents) }))
    .sort((a, b) => byCodePoint(a.path, b.path));
}
