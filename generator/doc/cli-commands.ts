import { Option, type Command } from "commander";
import { parse } from "yaml";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join, relative, resolve, sep } from "node:path";
import { ruleCorrections, updateSpecs, UpdateInputError } from "./update-command.ts";
import { fileURLToPath } from "node:url";
import { decodeSpec, displayPath, listSpecFiles } from "../load/load-specs.ts";
import { readSpec } from "../check/read-spec.ts";
import { formatDiagnostic, hasErrors } from "../check/diagnostics.ts";
import { DocPageError, formatNote } from "./page-model.ts";
import { importPage, type ImportedPage } from "./import-page.ts";
import { writeSpec } from "./write-spec.ts";
import { viewOfDraft, viewOfSpec, type SpecView } from "./spec-view.ts";
import { diffSpecs, differs } from "./diff-specs.ts";
import { summaryLine } from "./diff-report.ts";
import { diffFindings, DOC_FAIL_ON, failsDocGate, type DocFailOn } from "./diff-findings.ts";
import { formatFindings, parseReportFormat, type ReportFormat } from "../report/findings.ts";
import type { EntityDiff } from "./diff-specs.ts";
import type { RuleCorrections } from "./rules.ts";

interface Io { out: (s: string) => void; err: (s: string) => void; cwd: string }

const OK = 0, DIFFERS = 1, BAD_INPUT = 2;

/** Bad input for these commands: reported in one line, exit 2. */
class InputError extends Error {}

/** Imports a page; notes go to stderr (all of them, or only errors when `errorsOnly`). */
function readPage(page: string, io: Io, errorsOnly = false, corrections?: RuleCorrections): { imported: ImportedPage; shown: string } {
  const path = resolve(io.cwd, page);
  if (!existsSync(path)) throw new InputError(`page ${page} does not exist`);
  const decoded = decodeSpec(displayPath(path, io.cwd), readFileSync(path));
  if (decoded.text === null) throw new InputError(`page ${page} is not UTF-8 text without BOM, under 1 MB (${decoded.problem})`);
  try {
    const imported = importPage(decoded.text, undefined, corrections);
    for (const n of imported.notes) if (!errorsOnly || n.severity === "error") io.err(formatNote(decoded.file, n) + "\n");
    if (imported.notes.some((n) => n.severity === "error")) throw new InputError(`${decoded.file}: parts of the page could not be read (errors above)`);
    return { imported, shown: decoded.file };
  } catch (e) {
    if (e instanceof DocPageError) throw new InputError(`${decoded.file}${e.line ? `:${e.line}` : ""}: ${e.message}`);
    throw e;
  }
}

/** What an existing file in the output folder has that a draft would lose: errata and notes (a draft has neither). */
function maintainerAdditions(text: string): string[] {
  type Table = { errata?: unknown; notes?: unknown; tables?: unknown };
  let spec: Table | null;
  try {
    spec = parse(text) as Table | null;
  } catch {
    return ["a file import-doc cannot read as YAML"];
  }
  if (!spec || typeof spec !== "object") return [];
  const tables = [spec, ...(Array.isArray(spec.tables) ? (spec.tables as Table[]) : [])];
  const count = (x: unknown): number => (Array.isArray(x) ? x.length : 0);
  const errata = tables.reduce((n, t) => n + count(t?.errata), 0);
  const notes = tables.reduce((n, t) => n + count(t?.notes), 0);
  return [...(errata > 0 ? [`${errata} errat${errata === 1 ? "um" : "a"}`] : []), ...(notes > 0 ? [`${notes} note${notes === 1 ? "" : "s"}`] : [])];
}

function importDoc(pages: readonly string[], opts: { out: string; force?: boolean; update?: boolean; bump?: boolean; specs: string }, io: Io): number {
  if (opts.update) {
    try {
      return updateSpecs(pages, opts.specs, (p, corrections) => readPage(p, io, false, corrections), io, Boolean(opts.bump));
    } catch (e) {
      if (e instanceof UpdateInputError) throw new InputError(e.message);
      throw e;
    }
  }
  if (pages.length !== 1) throw new InputError("give one page (or --update, for every page the specs name)");
  const page = pages[0]!;
  const started = performance.now();
  const { imported, shown } = readPage(page, io);
  const outDir = resolve(io.cwd, opts.out);
  const schema = relative(outDir, fileURLToPath(new URL("../spec/spec.schema.json", import.meta.url))).split(sep).join("/");
  const files = imported.specs.map((s) => ({ path: join(outDir, `${s.objectType}.yaml`), text: writeSpec({ ...s, page: basename(page) }, imported.suspects, schema) }));
  // A file holding only what a draft holds (an earlier draft) is replaced; one with errata or notes would lose them.
  const clobbered = files.map((f) => ({ f, lost: existsSync(f.path) ? maintainerAdditions(readFileSync(f.path, "utf8")) : [] })).filter((c) => c.lost.length > 0);
  if (clobbered.length > 0 && !opts.force) {
    const what = clobbered.map((c) => `${displayPath(c.f.path, io.cwd)} (${c.lost.join(", ")})`).join(", ");
    throw new InputError(`refusing to overwrite ${what}: a draft has none of these; use --update to bring the specs in step with the page and keep them, or --force to replace them`);
  }
  mkdirSync(outDir, { recursive: true });
  for (const f of files) writeFileSync(f.path, f.text);
  const ms = Math.round(performance.now() - started);
  io.out(`pango-codegen import-doc: ${imported.specs.length} entities, ${imported.rows} rows from ${shown} (${ms} ms)\n` +
    files.map((f) => `  + ${displayPath(f.path, io.cwd)}\n`).join("") +
    (imported.suspects.length > 0 ? `  ${imported.suspects.length} suspected errata: see the comments at the end of the drafts\n` : ""));
  return OK;
}

function loadViews(dir: string, io: Io): SpecView[] {
  const path = resolve(io.cwd, dir);
  if (!existsSync(path)) throw new InputError(`specs folder ${dir} does not exist`);
  const views: SpecView[] = [];
  for (const file of listSpecFiles(path)) {
    const src = decodeSpec(displayPath(file, io.cwd), readFileSync(file));
    if (src.text === null) throw new InputError(`${src.file}: not readable as UTF-8 text (${src.problem})`);
    const { spec, diagnostics } = readSpec(src.file, src.text);
    for (const d of diagnostics) io.err(formatDiagnostic(d) + "\n");
    if (hasErrors(diagnostics) || !spec) throw new InputError(`${src.file} has errors; fix the spec first (pango-codegen check)`);
    views.push(viewOfSpec(spec));
  }
  return views;
}

interface DocDiffOpts { specs: string; json?: boolean; partial?: boolean; all?: boolean; format: string; failOn: DocFailOn }

/** Compares one page with the specs (all of them, or with `partial` those the page has a heading for). */
function comparePage(page: string, views: readonly SpecView[], partial: boolean, io: Io): { shown: string; diffs: EntityDiff[] } {
  const { imported, shown } = readPage(page, io, true, ruleCorrections(views, basename(page)));
  const onPage = new Set(imported.specs.map((s) => s.objectType));
  // Specs come from several saved pages: compare those of the page this one is a copy of (named like it, or sharing
  // an entity with it), and any spec that names no page.
  const pages = new Set([basename(page), ...views.filter((v) => v.page !== undefined && onPage.has(v.objectType)).map((v) => v.page!)]);
  // A page that documents only some entities (one page per topic) says nothing about the others.
  const specs = views.filter((v) => v.page === undefined || pages.has(v.page)).filter((v) => !partial || onPage.has(v.objectType));
  return { shown, diffs: diffSpecs(specs, imported.specs.map(viewOfDraft)) };
}

/** With `--all`: every page the specs name (`page:`, in pages/ beside the specs folder) against the specs naming it. */
function compareAllPages(specsDir: string, views: readonly SpecView[], io: Io): { shown: string; diffs: EntityDiff[] }[] {
  const pagesDir = join(resolve(io.cwd, specsDir), "..", "pages");
  const unnamed = views.filter((v) => !v.page);
  if (unnamed.length > 0) throw new InputError(`--all needs every spec to name its page; ${unnamed.map((v) => v.file ?? v.objectType).join(", ")} ha${unnamed.length === 1 ? "s" : "ve"} no \`page:\``);
  const pages = [...new Set(views.map((v) => v.page!))].sort();
  return pages.map((name) => comparePage(join(pagesDir, name), views.filter((v) => v.page === name), true, io));
}

function docDiff(page: string | undefined, opts: DocDiffOpts, io: Io): number {
  const format = parseFormat(opts.json ? "json" : opts.format);
  const views = loadViews(opts.specs, io);
  if ((page === undefined) !== Boolean(opts.all)) throw new InputError("give a page, or --all for every page the specs name");
  const results = page === undefined ? compareAllPages(opts.specs, views, io) : [comparePage(page, views, Boolean(opts.partial), io)];
  const findings = results.flatMap((r) => diffFindings(r.diffs, r.shown, opts.failOn));
  const diffs = results.flatMap((r) => r.diffs);
  const fails = failsDocGate(diffs, opts.failOn);
  const summary = results.map((r) => summaryLine(r.diffs, r.shown, opts.specs));
  if (format === "json") io.out(formatFindings(findings, "json", { pages: results.map((r) => r.shown), specs: opts.specs, differs: differs(diffs), fails, entities: diffs }));
  else io.out(formatFindings(findings, format) + (format === "text" ? summary.map((l) => l + "\n").join("") : ""));
  return fails ? DIFFERS : OK;
}

function parseFormat(value: string): ReportFormat {
  try {
    return parseReportFormat(value);
  } catch (e) {
    throw new InputError((e as Error).message);
  }
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
  program.command("import-doc").description("read a documentation page (exported as text) into draft specs, one per entity; with --update, bring specs/ in step with the saved pages in place")
    .argument("[pages...]", "the page as text, like pages/customer.txt (with --update: default every page the specs name)")
    .option("--out <dir>", "folder for the drafts", "specs-draft").option("--force", "overwrite specs that have errata or notes")
    .option("--update", "update the specs in --specs from their pages in place, keeping errata (while the doc still has their text), formats, ranges, notes; prints the changes and the semver bump")
    .option("--specs <dir>", "with --update: folder of entity specs", "specs")
    .option("--bump", "with --update: also set package.version in api.yaml to the version the changes call for")
    .action((pages: string[], opts: { out: string; force?: boolean; update?: boolean; bump?: boolean; specs: string }) => guarded(io, setCode, () => importDoc(pages, opts, io)));
  program.command("doc-diff").description("compare a documentation page (or, with --all, every page the specs name) with the specs; exit 1 when the doc has moved ahead")
    .argument("[page]", "the page as text")
    .option("--all", "every page in pages/ that a spec names with `page:`, each against the specs naming it")
    .option("--specs <dir>", "folder of entity specs", "specs")
    .option("--partial", "the page documents only some entities: specs it has no heading for are not reported as removed")
    .option("--format <format>", "text, github (workflow annotations on the spec lines) or json", "text").option("--json", "same as --format json")
    .addOption(new Option("--fail-on <what>", "exit 1 on: drift (anything that changes an artefact), fixed-erratum (an erratum the doc has since fixed), any, or none").choices(DOC_FAIL_ON).default("drift"))
    .action((page: string | undefined, opts: DocDiffOpts) => guarded(io, setCode, () => docDiff(page, opts, io)));
}
