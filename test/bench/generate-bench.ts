// Wall time of `generate` and `check` (fresh processes, as a user runs them) for the six real entities
// and for a synthetic set of 300 made from them, against json-schema-to-typescript on the same schemas.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { median, fmtMs } from "./stats.ts";

const BIN = join(process.cwd(), "generator/bin/pango-codegen.js");
const PEER = join(process.cwd(), "test/bench/jstt-peer.ts");

function timed(args: string[], allowExit1 = false): number {
  const start = performance.now();
  try {
    execFileSync(process.execPath, args, { stdio: "pipe" });
  } catch (e) {
    if (!(allowExit1 && (e as { status?: number }).status === 1)) throw e;
  }
  return performance.now() - start;
}

/** A specs folder of n entities: the real specs, cloned under new object types. */
function syntheticSpecs(root: string, n: number): string {
  const dir = join(root, `specs-${n}`);
  mkdirSync(dir, { recursive: true });
  const real = readdirSync("specs").filter((f) => f.endsWith(".yaml") && f !== "api.yaml").sort();
  for (let i = 0; i < n; i++) {
    const file = real[i % real.length]!;
    const objectType = file.replace(/\.yaml$/, "");
    const clone = i < real.length ? objectType : `${objectType}-x${i}`;
    const text = readFileSync(join("specs", file), "utf8").replace(`objectType: ${objectType}`, `objectType: ${clone}`);
    writeFileSync(join(dir, `${clone}.yaml`), text);
  }
  cpSync("specs/api.yaml", join(dir, "api.yaml"));
  return dir;
}

export async function runGenerateBench(runs = 5): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), "pango-bench-"));
  const lines = ["## generate / check (cold processes, median of " + runs + " runs)", "", "| entities | generate | check | json-schema-to-typescript (types only) | generate / peer |", "|---|---|---|---|---|"];
  try {
    for (const n of [6, 300]) {
      const specs = syntheticSpecs(root, n);
      const gen: number[] = [], chk: number[] = [], peer: number[] = [];
      timed([BIN, "generate", "-q", "--specs", specs, "--out", join(root, "warm")]);
      for (let r = 0; r < runs; r++) {
        const out = join(root, `out-${n}-${r}`);
        gen.push(timed([BIN, "generate", "-q", "--specs", specs, "--out", out]));
        chk.push(timed([BIN, "check", "--specs", specs, "--out", out]));
        peer.push(timed(["--import", "tsx", PEER, join(out, "json-schema")]));
        rmSync(out, { recursive: true, force: true });
      }
      const [g, c, p] = [median(gen), median(chk), median(peer)];
      lines.push(`| ${n} | ${fmtMs(g)} | ${fmtMs(c)} | ${fmtMs(p)} | ${(g / p).toFixed(2)} |`);
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  return lines.join("\n");
}
