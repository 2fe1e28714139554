import { resolve } from "node:path";
import { build, checkOutputFolder, printDiagnostics } from "../run.ts";
import { writeOutput, type WriteSummary } from "./write-output.ts";
import { findDrift, hasDrift } from "./check-output.ts";
import { driftFindings } from "./drift-report.ts";
import { repoPath, repoRoot } from "./paths.ts";
import { diagnosticFinding, hasErrors } from "../check/diagnostics.ts";
import { formatFindings, type Finding, type ReportFormat } from "../report/findings.ts";
import type { Model } from "../model/ir.ts";

/** Exit codes: 0 done/clean, 1 drift, 2 spec errors or refused input, 3 internal error. */
export const EXIT = { ok: 0, drift: 1, specErrors: 2, internal: 3 } as const;

/** Where a command prints, and the folder it runs in. */
export interface Io { out: (s: string) => void; err: (s: string) => void; cwd: string }

export interface OutputOptions { specs: string; out: string; quiet?: boolean; format?: ReportFormat }

/** Up to 8 names on one line, so the summary stays on one screen. */
function names(list: readonly string[], max = 8): string {
  return list.length > max ? `${list.slice(0, max).join(", ")}, … ${list.length - max} more` : list.join(", ");
}

/** Up to 20 lines of a file list, so the summary stays on one screen. */
function listed(lines: readonly string[], max = 20): string {
  const shown = lines.slice(0, max).map((l) => `  ${l}\n`).join("");
  return lines.length > max ? `${shown}  … and ${lines.length - max} more\n` : shown;
}

function summaryText(model: Model, s: WriteSummary, outLabel: string, ms: number): string {
  return `pango-codegen generate: ${model.entities.length} entities (${names(model.entities.map((e) => e.objectType))})\n` +
    `  ${s.written.length} written, ${s.unchanged.length} unchanged, ${s.removed.length} removed in ${outLabel} (${ms} ms)\n` +
    // Removals first: they are rarer and more surprising than rewrites, so the 20-line cap never hides them.
    listed([...s.removed.map((p) => `- ${outLabel}/${p}`), ...s.written.map((p) => `+ ${outLabel}/${p}`)]);
}

/** `generate`: writes the output when the specs have no errors; returns the exit code. */
export function runGenerate(opts: OutputOptions, io: Io): number {
  const started = performance.now();
  const format = opts.format ?? "text";
  const outLabel = repoPath(opts.out, io.cwd);
  checkOutputFolder(opts.out, opts.specs, io.cwd);
  const built = build(opts.specs, io.cwd);
  if (hasErrors(built.diagnostics) || !built.model) {
    printDiagnostics(built.diagnostics, format === "text" ? io.err : io.out, format);
    io.err(`nothing written: ${opts.out} is unchanged\n`);
    return EXIT.specErrors;
  }
  // --out follows the working directory the command was given, as --specs does (not the process directory).
  const s = writeOutput(resolve(io.cwd, opts.out), built.files);
  const ms = Math.round(performance.now() - started);
  if (format === "json") {
    const findings = built.diagnostics.map(diagnosticFinding);
    io.out(formatFindings(findings, "json", { command: "generate", out: outLabel, entities: built.model.entities.map((e) => e.objectType), written: s.written, unchanged: s.unchanged.length, removed: s.removed }));
  } else {
    printDiagnostics(built.diagnostics, format === "text" ? io.err : io.out, format);
    if (!opts.quiet) io.out(summaryText(built.model, s, outLabel, ms));
  }
  return EXIT.ok;
}

/** The command that regenerates this output. */
function fixCommand(opts: OutputOptions): string {
  return "npm run generate" + (opts.out !== "generated" || opts.specs !== "specs" ? ` -- --specs ${opts.specs} --out ${opts.out}` : "");
}

/** `check`: compares the output with what the specs produce; returns the exit code. */
export async function runCheck(opts: OutputOptions, io: Io): Promise<number> {
  const format = opts.format ?? "text";
  const built = build(opts.specs, io.cwd);
  const diagnostics = built.diagnostics.map(diagnosticFinding);
  if (hasErrors(built.diagnostics) || !built.model) {
    printDiagnostics(built.diagnostics, format === "text" ? io.err : io.out, format);
    return EXIT.specErrors;
  }
  const root = repoRoot(io.cwd);
  const outLabel = repoPath(opts.out, io.cwd, root);
  const drift = findDrift(resolve(io.cwd, opts.out), built.files, outLabel);
  const specsChanged = drift.stale.some((s) => s.cause === "specs-changed") || drift.missing.some((m) => m.cause === "new");
  // The spec diff (git, a second compile) is loaded only when there is drift to explain: a clean check starts fast.
  const changes = specsChanged ? (await import("./explain.ts")).specChangesSinceGenerate(opts.out, opts.specs, io.cwd) : null;
  const findings: Finding[] = hasDrift(drift) ? driftFindings(drift, {
    outLabel, fix: fixCommand(opts), changes,
    specOf: new Map(built.model.entities.map((e) => [e.objectType, e.file])),
  }) : [];
  const counts = { stale: drift.stale.length, missing: drift.missing.length, orphaned: drift.orphaned.length };
  if (format === "json") {
    io.out(formatFindings([...diagnostics, ...findings], "json", { command: "check", out: outLabel, upToDate: !hasDrift(drift), files: built.files.length, ...counts }));
  } else if (format === "github") {
    io.out(formatFindings([...diagnostics, ...findings], "github"));
  } else {
    printDiagnostics(built.diagnostics, io.err);
    if (!hasDrift(drift)) io.out(`pango-codegen check: ${outLabel} is up to date with ${repoPath(opts.specs, io.cwd, root)} (${built.files.length} files)\n`);
    else io.err(`pango-codegen check: ${outLabel} is out of date with ${repoPath(opts.specs, io.cwd, root)}\n${formatFindings(findings, "text")}` +
      `${counts.stale} stale, ${counts.missing} missing, ${counts.orphaned} orphaned\nfix: ${fixCommand(opts)}\n`);
  }
  return hasDrift(drift) ? EXIT.drift : EXIT.ok;
}
