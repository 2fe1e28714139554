import { decodeSpec, type SourceFile } from "./load/load-specs.ts";
import { diag, hasErrors, sortDiagnostics, type Diagnostic } from "./check/diagnostics.ts";
import { readSpec } from "./check/read-spec.ts";
import { defaultShapes, readApiSpec } from "./check/read-api.ts";
import { withIndentationHints } from "./check/yaml-hints.ts";
import { checkSpecs } from "./check/check-specs.ts";
import { checkNames } from "./model/naming.ts";
import { buildModel, DEFAULT_API, DEFAULT_PACKAGE } from "./model/build-model.ts";
import { buildShapes } from "./model/api-shapes.ts";
import type { Model } from "./model/ir.ts";
import type { RawShape, RawSpec } from "./check/raw-spec.ts";
import { EMITTERS } from "./emit/registry.ts";
import { emitPackage } from "./emit/package/emit-package.ts";
import { manifestFile } from "./output/manifest.ts";
import { emitApiSurface } from "./emit/api-surface/emit-api-surface.ts";
import type { OutputFile } from "./emit/output-file.ts";
import { byCodePoint, normalizeText } from "./util/text.ts";
import { InternalError } from "./util/assert.ts";

export { decodeSpec };

const UNREADABLE = { bom: "the file starts with a UTF-8 byte order mark; save it as UTF-8 without BOM", "not-utf8": "the file is not valid UTF-8", "too-large": "" } as const;

function readAll(files: readonly SourceFile[], out: Diagnostic[], incomplete: Set<RawSpec>): RawSpec[] {
  const specs: RawSpec[] = [];
  for (const f of files) {
    if (f.problem === "too-large") { out.push(diag("file-too-large", { file: f.file, line: 1, col: 1 }, `the file has ${f.bytes} bytes; a spec may have at most 1000000`)); continue; }
    if (f.problem) { out.push(diag("encoding", { file: f.file, line: 1, col: 1 }, UNREADABLE[f.problem])); continue; }
    const { spec, partial, diagnostics } = readSpec(f.file, f.text!);
    out.push(...withIndentationHints(diagnostics, f.text!));
    // A spec with shape errors still goes through the later passes (every problem in one run); the model is never built from it.
    if (spec) specs.push(spec);
    else if (partial) { specs.push(partial); incomplete.add(partial); }
  }
  return specs;
}

/** load ▶ check ▶ model: specs to IR, or every diagnostic found. Pure. */
export function compile(files: readonly SourceFile[], apiFile: SourceFile | null = null): { diagnostics: Diagnostic[]; model: Model | null } {
  const diagnostics: Diagnostic[] = [];
  if (files.length === 0) diagnostics.push(diag("no-specs", { file: ".", line: 1, col: 1 }, "no spec files (*.yaml) found"));
  const incomplete = new Set<RawSpec>();
  const specs = readAll(files, diagnostics, incomplete);
  diagnostics.push(...checkSpecs(specs, incomplete), ...checkNames(specs));
  let pkg = DEFAULT_PACKAGE, api = DEFAULT_API, shapes = null as RawShape[] | null;
  if (apiFile?.problem) diagnostics.push(diag("encoding", { file: apiFile.file, line: 1, col: 1 }, UNREADABLE[apiFile.problem] || "the file is too large"));
  else if (apiFile) ({ pkg, api, shapes } = pushing(readApiSpec(apiFile.file, apiFile.text!), diagnostics));
  const sorted = sortDiagnostics(diagnostics);
  if (hasErrors(sorted)) return { diagnostics: sorted, model: null };
  // Banners name specs/api.yaml as they name specs/<object-type>.yaml, wherever the folder is.
  const shapeModel = shapes ? buildShapes(shapes, "specs/api.yaml") : buildShapes(defaultShapes(), "generator/spec/default-shapes.yaml");
  return { diagnostics: sorted, model: buildModel(specs, pkg, api, shapeModel) };
}

function pushing<T extends { diagnostics: Diagnostic[] }>(result: T, out: Diagnostic[]): T {
  out.push(...result.diagnostics);
  return result;
}

/** model ▶ emit: every output file, normalised (UTF-8, LF, one final newline), sorted, with the manifest. Pure. */
export function emit(model: Model): OutputFile[] {
  const emitted = [...EMITTERS.flatMap((e) => e.emit(model)), ...emitPackage(model, EMITTERS)];
  const files = [...emitted, emitApiSurface(model, emitted)]
    .map((f) => ({ path: f.path, contents: normalizeText(f.contents) }))
    .sort((a, b) => byCodePoint(a.path, b.path));
  const seen = new Set<string>();
  for (const f of files) {
    if (seen.has(f.path)) throw new InternalError(`two emitters produced ${f.path}`);
    seen.add(f.path);
  }
  return [...files, manifestFile(files)].sort((a, b) => byCodePoint(a.path, b.path));
}
