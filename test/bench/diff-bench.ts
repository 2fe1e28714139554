// Wall time of `diff` (a fresh process, as a user or CI runs it) at N = 6 entities, with a change that makes
// the compiler type-check both generated packages (one it accepts, one breaking), against `check` on the same specs
// in the same run.
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fmtMs, median } from "./stats.ts";

const BIN = join(process.cwd(), "generator/bin/pango-codegen.js");

function timed(args: string[], cwd: string): number {
  const start = performance.now();
  try {
    execFileSync(process.execPath, args, { stdio: "pipe", cwd });
  } catch (e) {
    if ((e as { status?: number }).status !== 1) throw e;
  }
  return performance.now() - start;
}

/** The first n real specs (api.yaml with them) in `dir`. */
function specsOf(dir: string, n: number): string {
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync("specs").filter((x) => x.endsWith(".yaml") && x !== "api.yaml").sort().slice(0, n)) cpSync(join("specs", f), join(dir, f));
  cpSync("specs/api.yaml", join(dir, "api.yaml"));
  return dir;
}

/** The same specs with a field added to the first one: optional (every probe compiles) or required (one fails). */
function edited(dir: string, required: boolean): void {
  const first = readdirSync(dir).filter((x) => x !== "api.yaml").sort()[0]!;
  const text = readFileSync(join(dir, first), "utf8");
  const extra = `  - name: benchExtraField\n    docType: String\n    type: string\n${required ? "    required: true\n" : ""}`;
  writeFileSync(join(dir, first), text.replace(/^fields:\n/mu, `fields:\n${extra}`));
}

/** The table of medians and spreads, with the load the figures were taken under. */
function table(runs: number, n: number, cols: [string, number[]][], load: number): string {
  const spread = (xs: number[]) => `${fmtMs(Math.min(...xs))} – ${fmtMs(Math.max(...xs))}`;
  const check = median(cols.at(-1)![1]);
  const diffs = cols.slice(0, 2).map(([, xs]) => median(xs));
  return [
    `## diff (cold processes, median of ${runs} runs, N = ${n} entities)`, "",
    `| | ${cols.map(([name]) => name).join(" | ")} | diff / check (one change) |`,
    `|---|${cols.map(() => "---|").join("")}---|`,
    `| median | ${cols.map(([, xs]) => fmtMs(median(xs))).join(" | ")} | ${(diffs[0]! / check).toFixed(2)} |`,
    `| min – max | ${cols.map(([, xs]) => spread(xs)).join(" | ")} | |`, "",
    // The machine may be shared: the load average says how much the figures can be trusted.
    `Load average (1 min) before and after: ${load.toFixed(2)}, ${loadavg()[0]!.toFixed(2)} on ${availableParallelism()} cores.`,
    `Goal (issue 13): diff under 3 s wall time at N = 6: ${Math.max(...diffs) < 3000 ? "met" : "NOT met"} (${diffs.map(fmtMs).join(", ")}).`,
  ].join("\n");
}

/** Runs the diff benchmark and returns its Markdown table. */
export async function runDiffBench(runs = 5, n = 6): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), "pango-diff-bench-"));
  try {
    const base = specsOf(join(root, "base"), n);
    const head = specsOf(join(root, "specs"), n);
    const breaking = specsOf(join(root, "breaking"), n);
    edited(head, false);
    edited(breaking, true);
    execFileSync(process.execPath, [BIN, "generate", "-q", "--specs", head, "--out", join(root, "generated")], { cwd: root });
    const runsOf: [string, string[]][] = [
      ["diff, one change (compiler runs)", ["diff", "--base", base, "--head", head]],
      ["diff, one breaking change (a probe fails)", ["diff", "--base", base, "--head", breaking]],
      ["diff, no change (compiler skipped)", ["diff", "--base", head, "--head", head]],
      ["check, same specs", ["check", "--specs", head, "--out", join(root, "generated")]],
    ];
    const cols: [string, number[]][] = runsOf.map(([name]) => [name, []]);
    const load = loadavg()[0]!;
    timed([BIN, ...runsOf[0]![1]], root);
    // Interleaved, so every column sees the same machine load.
    for (let r = 0; r < runs; r++) runsOf.forEach(([, args], i) => cols[i]![1].push(timed([BIN, ...args], root)));
    return table(runs, n, cols, load);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
