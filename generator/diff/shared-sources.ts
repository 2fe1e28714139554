import { posix } from "node:path";
import type { ts as TS } from "ts-morph";
import { InternalError } from "../util/assert.ts";

/**
 * Base and head of a diff are mostly the same files: a change to one entity leaves the runtime and the other
 * entities' types and validators byte-identical. Such a file is type-checked once: the head's other files import
 * the base's copy. The types it declares are then one declaration instead of two structurally equal ones, which
 * the checker compares at once; since the generated package declares nothing nominal (no class, enum or unique
 * symbol), identical declarations were mutually assignable before as well, so no probe can change its outcome.
 */

/** One module specifier of a file: where it sits in the text, and the package file it names. */
interface Specifier { readonly start: number; readonly text: string; readonly target: string }

/** `../runtime.js` from `types/order.ts` → `runtime.ts` (the generated files import each other by relative `.js` paths). */
function targetOf(from: string, specifier: string): string {
  return posix.normalize(posix.join(posix.dirname(from), specifier.replace(/\.js$/u, ".ts")));
}

/** The relative module specifiers of a file (imports and re-exports), found by TypeScript's pre-processing scanner. */
export function specifiersOf(ts: typeof TS, path: string, text: string): Specifier[] {
  const out: Specifier[] = [];
  for (const ref of ts.preProcessFile(text, true, false).importedFiles) {
    if (!ref.fileName.startsWith(".")) continue;
    // `pos` is the opening quote in TypeScript 5; the literal's text follows it.
    const start = [ref.pos + 1, ref.pos].find((i) => text.startsWith(ref.fileName, i) && /["']/u.test(text[i - 1] ?? ""));
    if (start === undefined) throw new InternalError(`compiler-check: cannot place the specifier ${ref.fileName} in ${path}`);
    out.push({ start, text: ref.fileName, target: targetOf(path, ref.fileName) });
  }
  return out;
}

/**
 * The files of `head` that can be the base's copy: byte-identical, and importing only such files (so every type
 * they reach is the same too). The entry stays the head's own, so its exports are read from the head package.
 */
export function sharedFiles(ts: typeof TS, base: ReadonlyMap<string, string>, head: ReadonlyMap<string, string>, entry: string): Set<string> {
  const shared = new Set([...head].filter(([p, text]) => p !== entry && base.get(p) === text).map(([p]) => p));
  const imports = new Map([...shared].map((p) => [p, specifiersOf(ts, p, head.get(p)!).map((s) => s.target)]));
  // Drop files that import a file of their own until none does: what remains is closed under imports.
  for (let changed = true; changed;) {
    changed = false;
    for (const p of shared) {
      if (imports.get(p)!.every((t) => shared.has(t))) continue;
      shared.delete(p);
      changed = true;
    }
  }
  return shared;
}

/** `text` (the file `path` of the package under `/<root>/`) with its imports of shared files pointing at `where` gives them. */
export function redirected(ts: typeof TS, root: string, path: string, text: string, where: (target: string) => string | null): string {
  let out = "", at = 0;
  for (const s of specifiersOf(ts, path, text)) {
    const copy = where(s.target);
    if (copy === null) continue;
    const rel = posix.relative(posix.dirname(`/${root}/${path}`), copy.replace(/\.ts$/u, ".js"));
    out += text.slice(at, s.start) + (rel.startsWith(".") ? rel : `./${rel}`);
    at = s.start + s.text.length;
  }
  return out + text.slice(at);
}
