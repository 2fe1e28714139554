import { Option, type Command } from "commander";
import { printDiagnostics } from "../run.ts";
import { loadSpecSet, SpecSourceError } from "./spec-source.ts";
import { diffSpecSets, type SpecDiff } from "./diff-specs.ts";
import { formatJson, formatReport, subject } from "./report.ts";
import { CHANGE_IDS } from "./change.ts";
import { DIFF_FORMATS, formatDiff, type DiffFormat } from "./formats.ts";
import { applyIgnores, IGNORE_FILE, readIgnoreFile } from "./ignore-file.ts";
import { bumpSuffices, impliedBump, nextVersion, versionBump, withPackageVersion } from "./semver.ts";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { API_SPEC_FILE } from "../check/read-api.ts";

/** What the CLI gives a command: where to print, and the working directory. */
export interface DiffIo { out: (s: string) => void; err: (s: string) => void; cwd: string }

/** Exit codes, as the other commands use them: 0 fine, 1 the diff fails the gate, 2 unreadable or invalid specs. */
export const DIFF_EXIT = { ok: 0, failed: 1, specErrors: 2 } as const;

export const FAIL_ON = ["breaking", "any", "none"] as const;
export type FailOn = (typeof FAIL_ON)[number];

/** Whether a diff fails the gate `--fail-on` sets. */
export function failsGate(d: SpecDiff, failOn: FailOn): boolean {
  if (failOn === "none") return false;
  if (failOn === "any") return d.changes.length > 0;
  return d.changes.some((c) => c.producer === "breaking" || c.consumer === "breaking");
}

/** Loads and compares base and head; prints diagnostics and returns null when either side cannot be compared. */
export function computeDiff(base: string, head: string, specsDir: string, io: DiffIo): SpecDiff | null {
  try {
    const result = diffSpecSets(loadSpecSet(base, specsDir, io.cwd), loadSpecSet(head, specsDir, io.cwd));
    if ("diff" in result) return result.diff;
    printDiagnostics(result.failure.diagnostics, io.err);
    io.err(`pango-codegen diff: the ${result.failure.side} specs (${result.failure.label}) have errors; nothing compared\n`);
    return null;
  } catch (e) {
    if (!(e instanceof SpecSourceError)) throw e;
    io.err(`error: ${e.message}\n`);
    return null;
  }
}

/**
 * Drops the changes `.pango-diff-ignore.yaml` accepts (saying how many, and why, on stderr); null when the
 * file is malformed (its errors printed at file:line:col). An expired entry is a warning and accepts nothing.
 */
export function withIgnores(d: SpecDiff, io: DiffIo, today: string): SpecDiff | null {
  const { entries, problems } = readIgnoreFile(io.cwd, today);
  for (const p of problems) io.err(`${p.file}:${p.line}:${p.col} ${p.severity}: ${p.message}\n`);
  if (problems.some((p) => p.severity === "error")) return null;
  const { kept, ignored } = applyIgnores(d.changes, entries);
  for (const { change, entry } of ignored) io.err(`ignored ${CHANGE_IDS[change.kind]} ${change.kind} ${change.entity ?? "package"} ${subject(change)} (${IGNORE_FILE}:${entry.line}: ${entry.reason})\n`);
  if (ignored.length === 0) return d;
  const bump = impliedBump(kept);
  return { ...d, changes: kept, bump, versionSuffices: bumpSuffices(d.versionBump, bump) };
}

/**
 * `--bump`: sets package.version in the head's api.yaml to the base's version raised by the bump the changes call
 * for, unless the head's version already covers it (then nothing is written). Says what it did on stderr, so a JSON
 * report stays JSON; returns the diff as the head now stands, or null (exit 2) when there is no api.yaml to set.
 */
function applyBump(d: SpecDiff, head: string, io: DiffIo): SpecDiff | null {
  const file = join(head, API_SPEC_FILE);
  const path = resolve(io.cwd, file);
  if (!existsSync(path)) {
    io.err(`error: --bump sets package.version in ${file}, which does not exist\n`);
    return null;
  }
  if (d.versionSuffices) {
    io.err(`pango-codegen diff --bump: package.version ${d.head.version} already covers the ${d.bump === "none" ? "absence of changes" : `${d.bump} bump`} since ${d.base.label}; ${file} unchanged\n`);
    return d;
  }
  const next = nextVersion(d.base.version, d.bump);
  writeFileSync(path, withPackageVersion(readFileSync(path, "utf8"), next));
  io.err(`pango-codegen diff --bump: package.version ${d.head.version} → ${next} in ${file} (${d.bump === "none" ? "no change" : `a ${d.bump} bump`} since ${d.base.label}, ${d.base.version})\n`);
  const actual = versionBump(d.base.version, next);
  return { ...d, head: { ...d.head, version: next }, versionBump: actual, versionSuffices: bumpSuffices(actual, d.bump) };
}

/** Runs `diff`: prints the report (text or JSON) and returns the exit code the gate asks for. */
export function runDiff(opts: { base: string; head: string; json?: boolean; format?: DiffFormat; failOn: FailOn; bump?: boolean; today?: string }, io: DiffIo): number {
  // In a git revision the specs are read from specs/, where the repository keeps them.
  const computed = computeDiff(opts.base, opts.head, "specs", io);
  if (!computed) return DIFF_EXIT.specErrors;
  const ignored = withIgnores(computed, io, opts.today ?? new Date().toISOString().slice(0, 10));
  const d = ignored && opts.bump ? applyBump(ignored, opts.head, io) : ignored;
  if (!d) return DIFF_EXIT.specErrors;
  const format = opts.json ? "json" : opts.format ?? "text";
  io.out(format === "json" ? formatJson(d) : format === "text" ? formatReport(d) : formatDiff(d, format));
  return failsGate(d, opts.failOn) ? DIFF_EXIT.failed : DIFF_EXIT.ok;
}

/** Registers `diff --base <ref|folder> [--head <folder>] [--json] [--fail-on ...] [--bump]` on the CLI. */
export function registerDiff(program: Command, io: DiffIo, setCode: (code: number) => void): void {
  program.command("diff").description("classify the changes between two versions of the specs, and the semver bump they imply")
    .requiredOption("--base <ref|folder>", "the specs before: a folder, or a git revision (its specs/ folder, read without checkout)")
    .option("--head <folder>", "the specs after", "specs")
    .option("--json", "print the report as JSON (the same as --format json)")
    .addOption(new Option("--format <format>", "text, markdown, json (schema: generator/diff/diff-report.schema.json), github (workflow annotations) or junit").choices(DIFF_FORMATS).default("text"))
    .addOption(new Option("--fail-on <level>", "exit 1 on: breaking (for producers or consumers), any change, or none").choices(FAIL_ON).default("breaking"))
    .option("--bump", "set package.version in <head>/api.yaml to the version the changes since --base call for, unless it already does")
    .action((opts) => { setCode(runDiff(opts, io)); });
}

/**
 * For `check --base <ref>`: warns when the specs changed in a breaking way since `base` and package.version did not
 * get a major bump. Returns 1 then (so CI holds the line), 2 when a side cannot be compared, else 0.
 */
export function checkAgainstBase(base: string, specsDir: string, io: DiffIo): number {
  const d = computeDiff(base, specsDir, specsDir, io);
  if (!d) return DIFF_EXIT.specErrors;
  if (d.bump !== "major" || d.versionBump === "major") {
    io.out(`pango-codegen check: package.version ${d.head.version} fits the changes since ${base} (implied bump: ${d.bump})\n`);
    return DIFF_EXIT.ok;
  }
  const breaking = d.changes.filter((c) => c.producer === "breaking" || c.consumer === "breaking");
  const list = breaking.map((c) => `  ${c.pos.file}:${c.pos.line}:${c.pos.col} ${c.entity ?? "package"} ${subject(c)} ${c.kind} [${CHANGE_IDS[c.kind]}]: ${c.message}\n`).join("");
  io.err(`warning: the specs changed in a breaking way since ${base} but package.version went ${d.base.version} → ${d.head.version}, not a major bump; set package.version in ${specsDir}/api.yaml\n${list}`);
  return DIFF_EXIT.failed;
}
