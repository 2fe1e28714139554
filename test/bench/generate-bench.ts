// Wall time of `generate` and `check` (fresh processes, as a user runs them) for 6 entities
// and for a synthetic set of 300 made from them, against json-schema-to-typescript on the same schemas.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { writeNewFiles } from "../../generator/output/parallel-write.ts";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parse, stringify } from "yaml";
import { median, fmtMs } from "./stats.ts";

const BIN = join(process.cwd(), "generator/bin/pango-codegen.js");
const PEER = join(process.cwd(), "test/bench/jstt-peer.mjs");
const TSX_START = join(process.cwd(), "test/bench/tsx-start.mjs");

function timed(args: string[], allowExit1 = false): number {
  const start = performance.now();
  try {
    execFileSync(process.execPath, args, { stdio: "pipe" });
  } catch (e) {
    if (!(allowExit1 && (e as { status?: number }).status === 1)) throw e;
  }
  return performance.now() - start;
}

type Yaml = Record<string, unknown>;

/** A real spec cloned under a new object type, its nested tables renamed too (their generated names are global). */
function cloneSpec(text: string, objectType: string, suffix: string): string {
  const spec = parse(text) as Yaml;
  const tables = (spec.tables ?? []) as Yaml[];
  const renamed = new Map(tables.map((t) => [t.title as string, `${t.title as string} ${suffix}`]));
  for (const table of [spec, ...tables]) {
    for (const f of (table.fields ?? []) as Yaml[]) if (typeof f.table === "string" && renamed.has(f.table)) f.table = renamed.get(f.table);
    for (const e of (table.errata ?? []) as Yaml[]) if (e.property === "title" && table !== spec) { e.doc = renamed.get(e.doc as string) ?? e.doc; }
  }
  for (const t of tables) t.title = renamed.get(t.title as string);
  return stringify({ ...spec, objectType });
}

/** A specs folder of n entities: the real specs, cloned under new object types. */
export function syntheticSpecs(root: string, n: number): string {
  const dir = join(root, `specs-${n}`);
  mkdirSync(dir, { recursive: true });
  const real = readdirSync("specs").filter((f) => f.endsWith(".yaml") && f !== "api.yaml").sort();
  for (let i = 0; i < n; i++) {
    const file = real[i % real.length]!;
    const objectType = file.replace(/\.yaml$/, "");
    const text = readFileSync(join("specs", file), "utf8");
    const clone = i < real.length ? objectType : `${objectType}-x${i}`;
    writeFileSync(join(dir, `${clone}.yaml`), i < real.length ? text : cloneSpec(text, clone, `X${i}`));
  }
  cpSync("specs/api.yaml", join(dir, "api.yaml"));
  return dir;
}

/** The bin must run the build of the sources as they are (a stale build would fall back to tsx and measure that). */
function assertFreshBuild(): void {
  const r = execFileSync(process.execPath, ["--input-type=module", "-e", "import { buildIsFresh } from './generator/bin/build-stamp.js'; process.stdout.write(String(buildIsFresh()))"]).toString();
  if (r !== "true") throw new Error("the compiled generator is out of date: run `npm run build:generator` before `npm run bench`");
}

/** The median, then the range of the runs: the machine is shared, so the spread says how far to trust a ratio. */
function cell(xs: readonly number[]): string {
  return `${fmtMs(median(xs))} (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`;
}

/** Per-run ratios a[i]/b[i] of interleaved runs: their median and range (same load for both sides of each pair). */
function ratios(a: readonly number[], b: readonly number[]): string {
  const r = a.map((x, i) => x / b[i]!);
  return `${median(r).toFixed(2)} (${Math.min(...r).toFixed(2)}–${Math.max(...r).toFixed(2)})`;
}

/** Every file under `dir`, read into memory: the output a run of generate wrote. */
function filesUnder(dir: string): [string, string][] {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())
    .map((e) => { const path = join(e.parentPath, e.name); return [path.slice(dir.length + 1), readFileSync(path, "utf8")]; });
}

/**
 * What creating `files` alone costs: the generator's own writer (the one `generate` uses) writing them from memory
 * into a fresh folder, in this process. No generate can take less than this plus a process start; on a file system
 * where creating a file is slow, it is most of a large run.
 */
function writeOnly(files: readonly [string, string][], dest: string): number {
  const start = performance.now();
  writeNewFiles(files.map(([rel, text]) => [join(dest, rel), text] as const));
  const ms = performance.now() - start;
  rmSync(dest, { recursive: true, force: true });
  return ms;
}

const load = (): string => loadavg().map((l) => l.toFixed(2)).join(" ");

/** Runs the generate/check benchmark; returns its Markdown table. */
export async function runGenerateBench(runs = Number(process.env.BENCH_RUNS ?? 5)): Promise<string> {
  assertFreshBuild();
  const root = mkdtempSync(join(tmpdir(), "pango-bench-"));
  const lines = [
    `## generate / check (cold processes, median (min–max) of ${runs} interleaved runs; compiled bin against the tsx start of the same CLI)`, "",
    `Load average at start: ${load()}.`, "",
    "| entities | files | generate | check | check, tsx start | check / tsx start | json-schema-to-typescript (types only) | generate / peer | writing the files alone | writing alone / peer |",
    "|---|---|---|---|---|---|---|---|---|---|",
  ];
  try {
    // BENCH_SIZES=6 (or 300) runs one size while iterating; the goals are stated for both.
    for (const n of (process.env.BENCH_SIZES ?? "6,300").split(",").map(Number)) {
      const specs = syntheticSpecs(root, n);
      const gen: number[] = [], chk: number[] = [], tsx: number[] = [], peer: number[] = [], write: number[] = [];
      timed([BIN, "generate", "-q", "--specs", specs, "--out", join(root, "warm")]);
      const files = filesUnder(join(root, "warm"));
      for (let r = 0; r < runs; r++) {
        const out = join(root, `out-${n}-${r}`);
        gen.push(timed([BIN, "generate", "-q", "--specs", specs, "--out", out]));
        // Interleaved, so both starts see the same machine load.
        chk.push(timed([BIN, "check", "--specs", specs, "--out", out]));
        tsx.push(timed([TSX_START, "check", "--specs", specs, "--out", out]));
        peer.push(timed([PEER, join(out, "json-schema")]));
        write.push(writeOnly(files, join(root, `write-${n}-${r}`)));
        rmSync(out, { recursive: true, force: true });
      }
      lines.push(`| ${n} | ${files.length.toLocaleString("en-US")} | ${cell(gen)} | ${cell(chk)} | ${cell(tsx)} | ${ratios(chk, tsx)} | ${cell(peer)} | ${ratios(gen, peer)} | ${cell(write)} | ${ratios(write, peer)} |`);
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  lines.push("", `Load average at end: ${load()}. Ratios are the median (min–max) of the per-run ratios of interleaved runs.`);
  lines.push("", "Goals (issue 11): check at 6 entities ≤ 0.45 of the tsx start; generate at 300 entities ≤ 0.5 of the peer.");
  lines.push("", "\"Writing the files alone\" is generate's own writer creating the same files from memory, in the bench's process: a floor under generate. Where it is near or above half the peer, the generate goal cannot be met by computing faster.");
  return lines.join("\n");
}
