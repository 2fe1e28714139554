import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Command } from "commander";
import { compile } from "../pipeline.ts";
import type { Model } from "../model/ir.ts";
import { loadSpecSet } from "./spec-source.ts";
import { computeDiff, DIFF_EXIT, withIgnores, type DiffIo } from "./cli-command.ts";
import { CHANGELOG_FILE, changelogHeader, changelogSection, mergeChangelog } from "./changelog.ts";

/** Both sides compiled again for names (titles, nested table paths); computeDiff has already proved they compile. */
function models(base: string, specs: string, cwd: string): { base: Model; head: Model } {
  const one = (ref: string): Model => {
    const set = loadSpecSet(ref, "specs", cwd);
    return compile(set.files, set.apiFile).model!;
  };
  return { base: one(base), head: one(specs) };
}

/**
 * Runs `changelog`: writes the section for the head's package.version into `<out>/CHANGELOG.md` from the same
 * change list `diff` prints (ignore file applied). No change: says so and writes nothing. Exit codes as `diff`.
 */
export function runChangelog(opts: { base: string; specs: string; out: string; today?: string }, io: DiffIo): number {
  const computed = computeDiff(opts.base, opts.specs, "specs", io);
  if (!computed) return DIFF_EXIT.specErrors;
  const d = withIgnores(computed, io, opts.today ?? new Date().toISOString().slice(0, 10));
  if (!d) return DIFF_EXIT.specErrors;
  const m = models(opts.base, opts.specs, io.cwd);
  const section = changelogSection(d, m);
  if (section === null) {
    io.out(`pango-codegen changelog: no change between ${opts.base} and ${opts.specs}; ${CHANGELOG_FILE} not written\n`);
    return DIFF_EXIT.ok;
  }
  const out = resolve(io.cwd, opts.out);
  const path = join(out, CHANGELOG_FILE);
  const existing = existsSync(path) ? readFileSync(path, "utf8") : null;
  const next = mergeChangelog(existing, changelogHeader(m.head.package.name), d.head.version, section);
  if (next === existing) {
    io.out(`pango-codegen changelog: ${opts.out}/${CHANGELOG_FILE} already has [${d.head.version}] as written\n`);
    return DIFF_EXIT.ok;
  }
  mkdirSync(out, { recursive: true });
  // Written beside and renamed: a killed run leaves the old file whole.
  writeFileSync(`${path}.tmp`, next);
  renameSync(`${path}.tmp`, path);
  io.out(`pango-codegen changelog: wrote [${d.head.version}] (${d.changes.length} changes) to ${opts.out}/${CHANGELOG_FILE}\n`);
  return DIFF_EXIT.ok;
}

/** Registers `changelog --base <ref|folder> [--specs specs] [--out generated]` on the CLI. */
export function registerChangelog(program: Command, io: DiffIo, setCode: (code: number) => void): void {
  program.command("changelog").description("add the section for package.version to generated/CHANGELOG.md, from the changes `diff` finds since the base")
    .requiredOption("--base <ref|folder>", "the specs before: a folder, or a git revision (its specs/ folder, read without checkout)")
    .option("--specs <dir>", "the specs after", "specs").option("--out <dir>", "output folder", "generated")
    .action((opts) => { setCode(runChangelog(opts, io)); });
}
