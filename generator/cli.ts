import { Command, CommanderError } from "commander";
import { build, checkOutputFolder, printDiagnostics } from "./run.ts";
import { writeOutput } from "./output/write-output.ts";
import { findDrift, hasDrift } from "./output/check-output.ts";
import { hasErrors } from "./check/diagnostics.ts";
import { InternalError, Refused } from "./util/assert.ts";
import { registerDocCommands } from "./doc/cli-commands.ts";
import { checkAgainstBase, registerDiff } from "./diff/cli-command.ts";

/** Exit codes: 0 done/clean, 1 drift, 2 spec errors or refused input, 3 internal error. */
export const EXIT = { ok: 0, drift: 1, specErrors: 2, internal: 3 } as const;

interface Io { out: (s: string) => void; err: (s: string) => void; cwd: string }

/** Up to 8 names on one line, so the summary stays on one screen. */
function names(list: readonly string[], max = 8): string {
  return list.length > max ? `${list.slice(0, max).join(", ")}, … ${list.length - max} more` : list.join(", ");
}

/** Up to 20 lines of a file list, so the summary stays on one screen. */
function listed(lines: readonly string[], max = 20): string {
  const shown = lines.slice(0, max).map((l) => `  ${l}\n`).join("");
  return lines.length > max ? `${shown}  … and ${lines.length - max} more\n` : shown;
}

function generate(opts: { specs: string; out: string; quiet?: boolean }, io: Io): number {
  const started = performance.now();
  checkOutputFolder(opts.out, opts.specs, io.cwd);
  const built = build(opts.specs, io.cwd);
  printDiagnostics(built.diagnostics, io.err);
  if (hasErrors(built.diagnostics) || !built.model) {
    io.err(`nothing written: ${opts.out} is unchanged\n`);
    return EXIT.specErrors;
  }
  const s = writeOutput(opts.out, built.files);
  if (!opts.quiet) {
    const ms = Math.round(performance.now() - started);
    io.out(
      `pango-codegen generate: ${built.model.entities.length} entities (${names(built.model.entities.map((e) => e.objectType))})\n` +
      `  ${s.written.length} written, ${s.unchanged.length} unchanged, ${s.removed.length} removed in ${opts.out} (${ms} ms)\n` +
      listed([...s.written.map((p) => `+ ${p}`), ...s.removed.map((p) => `- ${p}`)]),
    );
  }
  return EXIT.ok;
}

function check(opts: { specs: string; out: string }, io: Io): number {
  const built = build(opts.specs, io.cwd);
  printDiagnostics(built.diagnostics, io.err);
  if (hasErrors(built.diagnostics)) return EXIT.specErrors;
  const drift = findDrift(opts.out, built.files);
  if (!hasDrift(drift)) {
    io.out(`pango-codegen check: ${opts.out} is up to date with ${opts.specs} (${built.files.length} files)\n`);
    return EXIT.ok;
  }
  const lines = [`pango-codegen check: ${opts.out} is out of date with ${opts.specs}`];
  for (const s of drift.stale) lines.push(`stale: ${s.path}`, s.diff);
  for (const p of drift.missing) lines.push(`missing: ${p}`);
  for (const p of drift.orphaned) lines.push(`orphaned: ${p} (no longer generated)`);
  lines.push(`${drift.stale.length} stale, ${drift.missing.length} missing, ${drift.orphaned.length} orphaned`, "fix: npm run generate" + (opts.out !== "generated" || opts.specs !== "specs" ? ` -- --specs ${opts.specs} --out ${opts.out}` : ""));
  io.err(lines.join("\n") + "\n");
  return EXIT.drift;
}

/** Parses argv, runs a command and returns the exit code. Never throws. */
export async function main(argv: readonly string[], io: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s), cwd: process.cwd() }): Promise<number> {
  let code: number = EXIT.ok;
  const program = new Command("pango-codegen")
    .description("Generate types, validators, JSON Schema, OpenAPI and fixtures from the Pango CDP specs.")
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err });
  program.command("generate").description("write generated/ from specs/ (only changed files; all or nothing)")
    .option("--specs <dir>", "folder of entity specs", "specs").option("--out <dir>", "output folder", "generated").option("-q, --quiet", "print nothing on success")
    .action((opts) => { code = generate(opts, io); });
  program.command("check").description("compare generated/ with what specs/ produce; exit 1 on drift")
    .option("--specs <dir>", "folder of entity specs", "specs").option("--out <dir>", "output folder", "generated")
    .option("--base <ref>", "also exit 1 when the specs changed in a breaking way since this git revision (or folder) without a major bump of package.version")
    .action((opts) => { code = Math.max(check(opts, io), opts.base ? checkAgainstBase(opts.base, opts.specs, io) : EXIT.ok); });
  registerDiff(program, io, (c) => { code = c; });
  registerDocCommands(program, io, (c) => { code = c; });
  try {
    await program.parseAsync([...argv], { from: "node" });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.specErrors;
    if (e instanceof Refused) { io.err(`error: ${e.message}\n`); return EXIT.specErrors; }
    const what = e instanceof InternalError ? e.message : e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    io.err(`internal error (a bug in pango-codegen, not in your specs): ${what}\n${e instanceof Error && e.stack ? e.stack.split("\n").slice(1, 4).join("\n") + "\n" : ""}`);
    return EXIT.internal;
  }
}
