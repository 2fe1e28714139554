// Loads the compiled generator (generator/dist/cli.cjs) with V8's code cache, which Node 20 does not keep by
// itself (module.enableCompileCache is Node 22): compiling the bundle's functions was ~0.1 s of a `check`.
// The cache is keyed by a hash of the bundle's bytes (V8 itself checks little more than the source length,
// so an edited bundle must never meet an old cache); it is written after a run that had none, best effort.
// Plain JavaScript, because it must work before anything is compiled.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Script } from "node:vm";

const DIST = fileURLToPath(new URL("../dist/", import.meta.url));
/** The bundle built by build.js: CommonJS, so that it can be compiled with a code cache through node:vm. */
export const BUNDLE = join(DIST, "cli.cjs");
const CACHE = /^cli-[0-9a-f]{16}\.v8cache$/u;

/** Removes every code cache of the bundle (build.js calls it before writing a new bundle's). */
export function removeBundleCaches() {
  let names = [];
  try { names = readdirSync(DIST); } catch { return; }
  for (const name of names) if (CACHE.test(name)) rmSync(join(DIST, name), { force: true });
}

function writeCache(script, file) {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, script.createCachedData());
    renameSync(tmp, file);
  } catch {
    rmSync(tmp, { force: true }); // a read-only install runs without a cache
  }
}

/** Runs the bundle; returns its exports and `saveCache`, which writes the code cache when there was none. */
export function loadBundle() {
  const source = readFileSync(BUNDLE, "utf8");
  const cacheFile = join(DIST, `cli-${createHash("sha1").update(source).digest("hex").slice(0, 16)}.v8cache`);
  let cachedData;
  try { cachedData = readFileSync(cacheFile); } catch { cachedData = undefined; }
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: BUNDLE, cachedData });
  const mod = { exports: {} };
  script.runInThisContext()(mod.exports, createRequire(BUNDLE), mod, BUNDLE, DIST);
  const missing = cachedData === undefined || script.cachedDataRejected === true;
  return { exports: mod.exports, saveCache: () => { if (missing) writeCache(script, cacheFile); } };
}
