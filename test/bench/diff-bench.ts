// Wall time of `diff` (a fresh process, as a user or CI runs it) at N = 6 entities, with a change that makes
// the compiler type-check both generated packages, against `check` on the same specs in the same run.
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

/** The same specs with an optional field added to the first one: every export is probed. */
function edited(dir: string): void {
  const first = readdirSync(dir).filter((x) => x !== "api.yaml").sort()[0]!;
  const text = readFileSync(join(dir, first), "utf8");
  writeFileSync(join(dir, first), text.replace(/^fields:\n/mu, "fields:\n  - name: benchExtraField\n    docType: String\n    type: string\n"));
}

export async function runDiffBench(runs = 5, n = 6): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), "pango-diff-bench-"));
  try {
    const base = specsOf(join(root, "base"), n);
    const head = specsOf(join(root, "specs"), n);
    edited(head);
    execFileSync(process.execPath, [BIN, "generate", "-q", "--specs", head, "--out", join(root, "generated")], { cwd: root });
    const diff: number[] = [], same: number[] = [], check: number[] = [];
    const load = loadavg()[0]!;
    timed([BIN, "diff", "--base", base, "--head", head], root);
    for (let r = 0; r < runs; r++) {
      // Interleaved, so all three see the same machine load.
      diff.push(timed([BIN, "diff", "--base", base, "--head", head], root));
      same.push(timed([BIN, "diff", "--base", head, "--head", head], root));
      check.push(timed([BIN, "check", "--specs", head, "--out", join(root, "generated")], root));
    }
    const [d, s, c] = [median(diff), median(same), median(check)];
    const spread = (xs: number[]) => `${fmtMs(Math.min(...xs))} – ${fmtMs(Math.max(...xs))}`;
    return [
      `## diff (cold processes, median of ${runs} runs, N = ${n} entities)`, "",
      "| | diff, one change (compiler runs) | diff, no change (compiler skipped) | check, same specs | diff / check |",
      "|---|---|---|---|---|",
      `| median | ${fmtMs(d)} | ${fmtMs(s)} | ${fmtMs(c)} | ${(d / c).toFixed(2)} |`,
      `| min – max | ${spread(diff)} | ${spread(same)} | ${spread(check)} | |`, "",
      // The machine may be shared: the load average says how much the figures can be trusted.
      `Load average (1 min) before and after: ${load.toFixed(2)}, ${loadavg()[0]!.toFixed(2)} on ${availableParallelism()} cores.`,
      `Goal (issue 13): diff under 3 s wall time at N = 6: ${d < 3000 ? "met" : "NOT met"} (${fmtMs(d)}).`,
    ].join("\n");
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
