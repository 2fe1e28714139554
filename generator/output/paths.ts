import { existsSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";

/** The repository around `cwd` (the nearest folder with a `.git`), or `cwd` itself outside one. */
export function repoRoot(cwd: string): string {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (existsSync(join(dir, ".git"))) return dir;
    if (dirname(dir) === dir) return resolve(cwd);
  }
}

/** `path` (relative to `cwd`) as reports name it: relative to the repository root, `/`-separated. */
export function repoPath(path: string, cwd: string, root = repoRoot(cwd)): string {
  const abs = resolve(cwd, path);
  const rel = relative(root, abs);
  if (rel === "") return ".";
  // Outside the repository (a temp folder) the path climbs with "..", as spec diagnostics do (load-specs displayPath).
  return isAbsolute(rel) ? abs : rel.split(sep).join("/");
}
