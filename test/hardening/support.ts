import { createHash } from "node:crypto";
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, symlinkSync, lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../generator/cli.ts";

/** The repository root (tests run from it; every relative path below is from here). */
export const ROOT = process.cwd();
export const BIN = join(ROOT, "generator/bin/pango-codegen.js");

/** A fresh folder under the OS temp dir, named for the test that owns it. */
export function tempDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `pango-${label}-`));
}

/**
 * A hash of a whole tree: every path, its kind and its bytes (symlinks by target), so any added, removed,
 * renamed or changed file changes it. Hidden files count: stray `.pango-*` files must show up.
 */
export function hashTree(dir: string): string {
  const h = createHash("sha256");
  if (!existsSync(dir)) return "absent";
  const walk = (abs: string, rel: string): void => {
    for (const name of readdirSync(abs).sort()) {
      const a = join(abs, name), r = `${rel}/${name}`, st = lstatSync(a);
      if (st.isDirectory()) { h.update(`d ${r}\0`); walk(a, r); }
      else if (st.isSymbolicLink()) h.update(`l ${r} ${readlinkSync(a)}\0`);
      else h.update(`f ${r} ${st.size}\0`).update(readFileSync(a)).update("\0");
    }
  };
  walk(dir, "");
  return h.digest("hex");
}

/** Copies the committed generated/ into `parent/name` (a stand-in the tests may break). */
export function copyGenerated(parent: string, name = "generated"): string {
  const out = join(parent, name);
  cpSync(join(ROOT, "generated"), out, { recursive: true, filter: (src) => !/[\\/](dist|node_modules)$/u.test(src) });
  return out;
}

export interface Ran { readonly code: number; readonly out: string; readonly err: string }

/** Runs the CLI in-process (`main(argv, io)`), capturing what it prints. */
export async function runMain(args: readonly string[], cwd = ROOT): Promise<Ran> {
  let out = "", err = "";
  const code = await main(["node", "pango-codegen", ...args], { out: (s) => { out += s; }, err: (s) => { err += s; }, cwd });
  return { code, out, err };
}

/** Runs the real bin in a child process and waits for it. */
export function runBin(args: readonly string[], cwd = ROOT, env: NodeJS.ProcessEnv = {}, bin = BIN): Ran {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, env: { ...process.env, ...env }, encoding: "utf8", timeout: 120_000 });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

/** Starts the real bin without waiting (for kill and concurrency tests). */
export function startBin(args: readonly string[], cwd = ROOT, env: NodeJS.ProcessEnv = {}, bin = BIN) {
  return spawn(process.execPath, [bin, ...args], { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
}

/**
 * A copy of the generator's code (generator/, templates/, package.json; node_modules linked) under `parent`,
 * returning its bin. Tests that compare many child-process runs byte for byte use it, so that an edit to the
 * working tree during the test cannot make two runs differ.
 */
export function frozenGenerator(parent: string): string {
  const dir = join(parent, "frozen-generator");
  mkdirSync(dir, { recursive: true });
  for (const part of ["generator", "templates", "package.json"]) cpSync(join(ROOT, part), join(dir, part), { recursive: true });
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  return join(dir, "generator/bin/pango-codegen.js");
}
