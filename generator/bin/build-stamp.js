// The compiled generator's freshness: a hash of every generator/**/*.ts (path and bytes), written beside the
// bundle by `npm run build:generator` and compared by the bin at start, so an out-of-date bundle never runs.
// Plain JavaScript, because it must work before anything is compiled.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const GENERATOR = fileURLToPath(new URL("..", import.meta.url));
const STAMP = join(GENERATOR, ".build-stamp");

function sources() {
  return readdirSync(GENERATOR, { recursive: true }).filter((f) => f.endsWith(".ts")).map((f) => f.split("\\").join("/")).sort();
}

/** The hash of the generator's TypeScript sources (paths and bytes), in a fixed order. */
export function fingerprint(files = sources()) {
  const h = createHash("sha1");
  for (const f of files) h.update(f).update("\0").update(readFileSync(join(GENERATOR, f))).update("\0");
  return h.digest("hex");
}

/** A cheaper hash of paths, sizes and modification times: equal means unchanged, without reading a file. */
function statPrint(files) {
  const h = createHash("sha1");
  for (const f of files) { const st = statSync(join(GENERATOR, f)); h.update(`${f}\0${st.size}\0${st.mtimeMs}\0`); }
  return h.digest("hex");
}

/** Whether the compiled JavaScript was built from the sources as they are now (times first; bytes when times moved). */
export function buildIsFresh() {
  let stamp;
  try { stamp = JSON.parse(readFileSync(STAMP, "utf8")); } catch { return false; }
  const files = sources();
  return stamp.stat === statPrint(files) || stamp.content === fingerprint(files);
}

/** Records that the bundle was built from the sources as they are now (called by build.js after a build). */
export function writeStamp() {
  const files = sources();
  writeFileSync(STAMP, JSON.stringify({ content: fingerprint(files), stat: statPrint(files) }) + "\n");
}
