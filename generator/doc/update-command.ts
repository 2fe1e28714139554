/**
 * `import-doc --update`: brings specs/ in step with the saved pages, in place, and says what changed per spec and
 * the semver bump `diff` gives for it. All or nothing: when the updated specs do not compile, nothing is written.
 */
import { existsSync, rmSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { displayPath, loadApiFile, loadSpecFiles, type SourceFile } from "../load/load-specs.ts";
import { readSpec } from "../check/read-spec.ts";
import { hasErrors } from "../check/diagnostics.ts";
import { printDiagnostics } from "../run.ts";
import { diffSpecSets } from "../diff/diff-specs.ts";
import { nextVersion, withPackageVersion } from "../diff/semver.ts";
import { viewOfSpec, type SpecView } from "./spec-view.ts";
import { updateSpecText } from "./update-spec.ts";
import { writeSpec } from "./write-spec.ts";
import type { ImportedPage } from "./import-page.ts";
import type { RuleCorrections } from "./rules.ts";

interface Io { out: (s: string) => void; err: (s: string) => void; cwd: string }

/** A page read for the update: its drafts, and how it is shown. */
export type PageReader = (page: string, corrections?: RuleCorrections) => { imported: ImportedPage; shown: string };

interface Loaded { readonly source: SourceFile; readonly view: SpecView | null }

/** Bad input for the update (a spec that does not read, a page missing): reported in one line, exit 2. */
export class UpdateInputError extends Error {}

function loadSpecs(dir: string, io: Io): Loaded[] {
  return loadSpecFiles(dir, io.cwd).map((source) => {
    if (source.text === null) throw new UpdateInputError(`${source.file}: not readable as UTF-8 text (${source.problem})`);
    const { spec, diagnostics } = readSpec(source.file, source.text);
    if (hasErrors(diagnostics) || !spec) {
      printDiagnostics(diagnostics, io.err);
      throw new UpdateInputError(`${source.file} has errors; fix the spec first (pango-codegen check)`);
    }
    return { source, view: viewOfSpec(spec) };
  });
}

interface Plan { readonly files: Map<string, { path: string; text: string }>; readonly removed: Map<string, string>; readonly log: string[] }

/** Updates, creates and removes specs for one page's drafts. */
function planPage(name: string, imported: ImportedPage, shown: string, specs: readonly Loaded[], dir: string, plan: Plan, cwd: string): void {
  const drafts = imported.specs.map((d) => ({ ...d, page: name }));
  for (const d of drafts) {
    const own = specs.find((s) => s.view?.objectType === d.objectType);
    if (own) {
      const current = plan.files.get(own.source.file)!;
      const { text, log } = updateSpecText(current.text, own.view!, d);
      plan.files.set(own.source.file, { ...current, text });
      if (log.lines.length > 0) plan.log.push(`${own.source.file}: updated from ${shown}`, ...log.lines.map((l) => `  ${l}`));
    } else {
      const path = join(dir, `${d.objectType}.yaml`);
      const file = displayPath(path, cwd);
      plan.files.set(file, { path, text: writeSpec(d, imported.suspects) });
      plan.log.push(`${file}: created from ${shown} (${d.fields.length} fields); check it like a draft`);
    }
  }
  for (const s of specs) {
    if (s.view?.page !== name || drafts.some((d) => d.objectType === s.view!.objectType)) continue;
    plan.files.delete(s.source.file);
    plan.removed.set(s.source.file, s.source.file);
    plan.log.push(`${s.source.file}: removed (${shown} no longer has <${s.view.objectType}>)`);
  }
}

/**
 * The rule errata of the specs read from `page`: a sentence the maintainer corrected is read as corrected, so the
 * rule it states survives the update (a wording the importer cannot read, or one naming fields by another word).
 */
export function ruleCorrections(views: readonly (SpecView | null)[], page: string): RuleCorrections {
  const out = new Map<string, string>();
  for (const view of views) {
    if (view?.page !== page) continue;
    for (const t of [view, ...view.tables]) for (const e of t.errata) if (e.property === "rule" && e.corrected !== null) out.set(e.doc, e.corrected);
  }
  return out;
}

/**
 * Runs the update: `pages` are page files (default: every page the specs name, in pages/ beside the specs).
 * Returns 0 (updated or already in step) or 2 (bad input, or updated specs that would not compile).
 */
export function updateSpecs(pages: readonly string[], specsDir: string, readPage: PageReader, io: Io, bump = false): number {
  const dir = resolve(io.cwd, specsDir);
  if (!existsSync(dir)) throw new UpdateInputError(`specs folder ${specsDir} does not exist`);
  const specs = loadSpecs(dir, io);
  const named = [...new Set(specs.map((s) => s.view?.page).filter((p): p is string => typeof p === "string"))].sort();
  const pageFiles = pages.length > 0 ? pages.map((p) => resolve(io.cwd, p)) : named.map((n) => join(dir, "..", "pages", n));
  if (pageFiles.length === 0) throw new UpdateInputError(`no spec in ${specsDir} names its page (\`page:\`); give the page files`);
  const plan: Plan = { files: new Map(specs.map((s) => [s.source.file, { path: resolve(io.cwd, s.source.file), text: s.source.text! }])), removed: new Map(), log: [] };
  for (const file of pageFiles) {
    const { imported, shown } = readPage(file, ruleCorrections(specs.map((s) => s.view), basename(file)));
    planPage(basename(file), imported, shown, specs, dir, plan, io.cwd);
  }
  const api = loadApiFile(dir, io.cwd);
  const base = { label: specsDir, files: specs.map((s) => s.source), apiFile: api };
  const headFiles = [...plan.files].map(([file, f]) => ({ file, text: f.text, problem: null, bytes: Buffer.byteLength(f.text) }) as SourceFile);
  const result = diffSpecSets(base, { label: `${specsDir} (updated)`, files: headFiles, apiFile: api });
  if ("failure" in result) {
    printDiagnostics(result.failure.diagnostics, io.err);
    io.err(`pango-codegen import-doc --update: the ${result.failure.side === "base" ? "current" : "updated"} specs have errors; nothing written\n`);
    return 2;
  }
  const changed = [...plan.files].filter(([file, f]) => specs.find((s) => s.source.file === file)?.source.text !== f.text);
  for (const [, f] of changed) writeFileSync(f.path, f.text);
  for (const file of plan.removed.keys()) rmSync(resolve(io.cwd, file));
  const d = result.diff;
  const version = d.base.version;
  const next = nextVersion(version, d.bump);
  if (bump && api && next !== version) writeFileSync(resolve(io.cwd, api.file), withPackageVersion(api.text!, next));
  const advice = d.bump === "none" ? "no version bump needed"
    : bump ? `package.version in ${api?.file ?? `${specsDir}/api.yaml`} set to ${next} (was ${version})` : `set package.version in ${api?.file ?? `${specsDir}/api.yaml`} to ${next}, now ${version} (or run with --bump)`;
  io.out(`pango-codegen import-doc --update: ${pageFiles.length} page${pageFiles.length === 1 ? "" : "s"}, ${changed.length} spec${changed.length === 1 ? "" : "s"} written, ${plan.removed.size} removed\n` +
    plan.log.map((l) => `${l}\n`).join("") +
    `diff: ${d.changes.length} change${d.changes.length === 1 ? "" : "s"} for the generated package; bump: ${d.bump}: ${advice}\n`);
  return 0;
}
