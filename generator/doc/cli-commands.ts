import type { Command } from "commander";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { decodeSpec, displayPath, listSpecFiles } from "../load/load-specs.ts";
import { readSpec } from "../check/read-spec.ts";
import { formatDiagnostic, hasErrors } from "../check/diagnostics.ts";
import { DocPageError, formatNote } from "./page-model.ts";
import { importPage, type ImportedPage } from "./import-page.ts";
import { writeSpec } from "./write-spec.ts";
import { viewOfDraft, viewOfSpec, type SpecView } from "./spec-view.ts";
import { diffSpecs, differs } from "./diff-specs.ts";
import { formatDiff } from "./diff-report.ts";

interface Io { out: (s: string) => void; err: (s: string) => void; cwd: string }

const OK = 0, DIFFERS = 1, BAD_INPUT = 2;

/** Bad input for these commands: reported in one line, exit 2. */
class InputError extends Error {}

/** Imports a page; notes go to stderr (all of them, or only errors when `errorsOnly`). */
function readPage(page: string, io: Io, errorsOnly = false): { imported: ImportedPage; shown: string } {
  const path = resolve(io.cwd, page);
  if (!existsSync(path)) throw new InputError(`page ${page} does not exist`);
  const decoded = decodeSpec(displayPath(path, io.cwd), readFileSync(path));
  if (decoded.text === null) throw new InputError(`page ${page} is not UTF-8 text without BOM, under 1 MB (${decoded.problem})`);
  try {
    const imported = importPage(decoded.text);
    for (const n of imported.notes) if (!errorsOnly || n.severity === "error") io.err(formatNote(decoded.file, n) + "\n");
    if (imported.notes.some((n) => n.severity === "error")) throw new InputError(`${decoded.file}: parts of the page could not be read (errors above)`);
    return { imported, shown: decoded.file };
  } catch (e) {
    if (e instanceof DocPageError) throw new InputError(`${decoded.file}${e.line ? `:${e.line}` : ""}: ${e.message}`);
    throw e;
  }
}

function importDoc(page: string, opts: { out: string; force?: boolean }, io: Io): number {
  const started = performance.now();
  const { imported, shown } = readPage(page, io);
  const outDir = resolve(io.cwd, opts.out);
  const schema = relative(outDir, fileURLToPath(new URL("../spec/spec.schema.json", import.meta.url))).split(sep).join("/");
  const files = imported.specs.map((s) => ({ path: join(outDir, `${s.objectType}.yaml`), text: writeSpec(s, imported.suspects, schema, basename(page)) }));
  const clobbered = files.filter((f) => existsSync(f.path) && readFileSync(f.path, "utf8") !== f.text);
  if (clobbered.length > 0 && !opts.force) {
    throw new InputError(`refusing to overwrite ${clobbered.map((f) => displayPath(f.path, io.cwd)).join(", ")} (a hand spec keeps errata a draft does not have); use --force, or import into another folder and compare with doc-diff`);
  }
  mkdirSync(outDir, { recursive: true });
  for (const f of files) writeFileSync(f.path, f.text);
  const ms = Math.round(performance.now() - started);
  io.out(`pango-codegen import-doc: ${imported.specs.length} entities, ${imported.rows} rows from ${shown} (${ms} ms)\n` +
    files.map((f) => `  + ${displayPath(f.path, io.cwd)}\n`).join("") +
    (imported.suspects.length > 0 ? `  ${imported.suspects.length} suspected errata: see the comments at the end of the drafts\n` : ""));
  return OK;
}

/** The specs of a folder, each with the saved page it names (`page:`), null when it names none. */
function loadViews(dir: string, io: Io): { view: SpecView; page: string | null }[] {
  const path = resolve(io.cwd, dir);
  if (!existsSync(path)) throw new InputError(`specs folder ${dir} does not exist`);
  const views: { view: SpecView; page: string | null }[] = [];
  for (const file of listSpecFiles(path)) {
    const src = decodeSpec(displayPath(file, io.cwd), readFileSync(file));
    if (src.text === null) throw new InputError(`${src.file}: not readable as UTF-8 text (${src.problem})`);
    const { spec, diagnostics } = readSpec(src.file, src.text);
    for (const d of diagnostics) io.err(formatDiagnostic(d) + "\n");
    if (hasErrors(diagnostics) || !spec) throw new InputError(`${src.file} has errors; fix the spec first (pango-codegen check)`);
    views.push({ view: viewOfSpec(spec), page: spec.page?.value ?? null });
  }
  return views;
}

function docDiff(page: string, opts: { specs: string; json?: boolean; partial?: boolean }, io: Io): number {
  const { imported, shown } = readPage(page, io, true);
  const onPage = new Set(imported.specs.map((s) => s.objectType));
  // A page that documents only some entities (one page per topic) says nothing about the others.
  const all = loadViews(opts.specs, io);
  // Specs come from several saved pages: compare those of the page(s) this one is a copy of (named like it, or
  // sharing an entity with it), and any spec that names no page.
  const pages = new Set([basename(page), ...all.filter((s) => s.page !== null && onPage.has(s.view.objectType)).map((s) => s.page!)]);
  const specs = all.filter((s) => s.page === null || pages.has(s.page)).map((s) => s.view).filter((v) => !opts.partial || onPage.has(v.objectType));
  const diffs = diffSpecs(specs, imported.specs.map(viewOfDraft));
  const drift = differs(diffs);
  if (opts.json) io.out(JSON.stringify({ page: shown, specs: opts.specs, differs: drift, entities: diffs }, null, 2) + "\n");
  else io.out(formatDiff(diffs, shown, opts.specs));
  return drift ? DIFFERS : OK;
}

function guarded(io: Io, setCode: (code: number) => void, run: () => number): void {
  try {
    setCode(run());
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    io.err(`error: ${e.message}\n`);
    setCode(BAD_INPUT);
  }
}

/** Adds `import-doc` and `doc-diff` to the CLI (exit codes: 0 ok, 1 the page differs, 2 bad input). */
export function registerDocCommands(program: Command, io: Io, setCode: (code: number) => void): void {
  program.command("import-doc").description("read a documentation page (exported as text) into draft specs, one per entity")
    .argument("<page>", "the page as text, like docs/customer.txt")
    .option("--out <dir>", "folder for the drafts", "specs-draft").option("--force", "overwrite specs that differ")
    .action((page: string, opts: { out: string; force?: boolean }) => guarded(io, setCode, () => importDoc(page, opts, io)));
  program.command("doc-diff").description("compare a documentation page with the specs; exit 1 when the doc has moved ahead")
    .argument("<page>", "the page as text")
    .option("--specs <dir>", "folder of entity specs", "specs").option("--json", "machine-readable report")
    .option("--partial", "the page documents only some entities: specs it has no heading for are not reported as removed")
    .action((page: string, opts: { specs: string; json?: boolean; partial?: boolean }) => guarded(io, setCode, () => docDiff(page, opts, io)));
}
