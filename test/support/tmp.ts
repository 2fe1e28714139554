import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createHash } from "node:crypto";
import { afterEach } from "vitest";

const made: string[] = [];
afterEach(() => {
  while (made.length) rmSync(made.pop()!, { recursive: true, force: true });
});

/** A fresh temporary folder, removed after the test. */
export function tempDir(prefix = "pango-test-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** A temporary copy of a folder of the repository (e.g. specs). */
export function copyOf(dir: string): string {
  const target = join(tempDir(), dir.split("/").pop()!);
  cpSync(dir, target, { recursive: true });
  return target;
}

/** Every file under a folder, relative path → contents, in code-point order. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (abs: string, rel: string): void => {
    for (const name of readdirSync(abs).sort()) {
      const a = join(abs, name), r = rel ? `${rel}/${name}` : name;
      if (statSync(a).isDirectory()) walk(a, r);
      else out[r] = readFileSync(a, "utf8");
    }
  };
  walk(dir, "");
  return out;
}

/** A hash of a folder's whole tree (paths and bytes). */
export function treeHash(dir: string): string {
  const h = createHash("sha256");
  for (const [p, c] of Object.entries(snapshot(dir))) h.update(p).update("\0").update(c).update("\0");
  return h.digest("hex");
}
