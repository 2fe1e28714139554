import { existsSync, lstatSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { MANIFEST } from "../emit/package/emit-package.ts";

/** Folders inside the output that the generator never owns, reads or removes (build output, installs). */
export const UNOWNED = new Set(["dist", "node_modules"]);

/**
 * Top-level files of the output that another command writes (`pango-codegen changelog`): `generate` keeps them
 * through its swap and `check` does not call them orphaned. The one named exception to "the generator owns generated/".
 */
export const PRESERVED_FILES = new Set(["CHANGELOG.md"]);

/** Every owned-or-stray file under `dir` (relative, forward slashes), skipping UNOWNED top-level folders. */
export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (abs: string, rel: string): void => {
    for (const name of readdirSync(abs)) {
      if (rel === "" && (UNOWNED.has(name) || PRESERVED_FILES.has(name))) continue;
      const childAbs = join(abs, name);
      const childRel = rel === "" ? name : `${rel}/${name}`;
      if (lstatSync(childAbs).isDirectory()) walk(childAbs, childRel);
      else out.push(childRel);
    }
  };
  walk(dir, "");
  return out.sort();
}

/** Reads the files currently on disk, as text, keyed by relative path. */
export function readTree(dir: string): Map<string, string> {
  return new Map(listFiles(dir).map((p) => [p, readFileSync(join(dir, p), "utf8")]));
}

/** Whether a folder may be used as output: absent, empty, or made by the generator (has its manifest). */
export function isOwnedOrEmpty(dir: string): boolean {
  if (!existsSync(dir)) return true;
  if (!lstatSync(dir).isDirectory()) return false;
  const entries = readdirSync(dir);
  return entries.every((e) => PRESERVED_FILES.has(e)) || entries.includes(MANIFEST);
}
