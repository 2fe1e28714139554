import { resolve, parse as parsePath, relative, isAbsolute } from "node:path";
import { existsSync, statSync } from "node:fs";
import { loadApiFile, loadSpecFiles } from "./load/load-specs.ts";
import { compile, emit } from "./pipeline.ts";
import { formatDiagnostic, type Diagnostic } from "./check/diagnostics.ts";
import type { OutputFile } from "./emit/output-file.ts";
import type { Model } from "./model/ir.ts";
import { Refused } from "./util/assert.ts";
import { repoRoot } from "./output/paths.ts";
import { formatFindings, type ReportFormat } from "./report/findings.ts";
import { diagnosticFinding } from "./check/diagnostics.ts";

export interface Built {
  readonly diagnostics: Diagnostic[];
  readonly model: Model | null;
  readonly files: OutputFile[];
}

/** load ▶ check ▶ model ▶ emit, from a specs folder: the in-memory file set that `generate` writes and `check` compares. */
export function build(specsDir: string, cwd = process.cwd()): Built {
  if (!existsSync(resolve(cwd, specsDir)) || !statSync(resolve(cwd, specsDir)).isDirectory()) throw new Refused(`specs folder ${specsDir} does not exist`);
  // Spec paths in diagnostics are relative to the repository root, as CI annotations need.
  const root = repoRoot(cwd), dir = resolve(cwd, specsDir);
  const { diagnostics, model } = compile(loadSpecFiles(dir, root), loadApiFile(dir, root));
  return { diagnostics, model, files: model ? emit(model) : [] };
}

function inside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}

/** Refuses output folders whose replacement would delete something outside what the generator makes. */
export function checkOutputFolder(out: string, specsDir: string, cwd: string): void {
  const o = resolve(out);
  if (parsePath(o).root === o) throw new Refused(`refusing to use the file-system root ${o} as output`);
  if (inside(resolve(cwd), o)) throw new Refused(`refusing to use ${out}: it contains the working directory`);
  if (inside(resolve(specsDir), o) || inside(o, resolve(specsDir))) throw new Refused(`refusing to use ${out}: it overlaps the specs folder ${specsDir}`);
}

/** Prints diagnostics: compiler-style lines and a count (text), one annotation each (github), or one JSON document. */
export function printDiagnostics(list: readonly Diagnostic[], write: (s: string) => void, format: ReportFormat = "text"): void {
  if (format !== "text") {
    if (list.length > 0 || format === "json") write(formatFindings(list.map(diagnosticFinding), format));
    return;
  }
  for (const d of list) write(formatDiagnostic(d) + "\n");
  const errors = list.filter((d) => d.severity === "error").length;
  if (list.length > 0) write(`${errors} error${errors === 1 ? "" : "s"}, ${list.length - errors} warning${list.length - errors === 1 ? "" : "s"}\n`);
}
