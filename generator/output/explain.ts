import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { MANIFEST } from "../emit/package/emit-package.ts";
import type { Change } from "../diff/change.ts";
import { diffSpecSets } from "../diff/diff-specs.ts";
import { loadSpecSet } from "../diff/spec-source.ts";

/** The spec changes made since `generate` last wrote the output, and the commit that output came from. */
export interface SpecChanges {
  /** Short hash of the commit whose specs produced the output on disk. */
  readonly since: string;
  readonly changes: readonly Change[];
}

function git(args: readonly string[], cwd: string): string | null {
  try {
    return execFileSync("git", args, { cwd, stdio: ["ignore", "pipe", "ignore"], maxBuffer: 16 * 1024 * 1024 }).toString("utf8");
  } catch {
    return null;
  }
}

/**
 * Finds what changed in the specs since the output was generated: the last commit that changed the
 * manifest holds the specs the output came from, provided the manifest on disk is still that commit's
 * (the manifest records every file's hash, so it changes with every generate). Null when git cannot tell.
 */
export function specChangesSinceGenerate(out: string, specsDir: string, cwd: string): SpecChanges | null {
  const manifest = relative(cwd, resolve(cwd, out, MANIFEST)).split(sep).join("/");
  if (manifest.startsWith("..")) return null;
  const commit = git(["log", "-1", "--format=%H", "--", manifest], cwd)?.trim();
  if (!commit) return null;
  const committed = git(["show", `${commit}:./${manifest}`], cwd);
  let onDisk: string;
  try { onDisk = readFileSync(join(cwd, manifest), "utf8"); } catch { return null; }
  if (committed !== onDisk) return null;
  try {
    const result = diffSpecSets(loadSpecSet(commit, specsDir, cwd), loadSpecSet(specsDir, specsDir, cwd));
    return "diff" in result ? { since: commit.slice(0, 12), changes: result.diff.changes } : null;
  } catch {
    return null; // the commit's specs cannot be read or compiled: the report stays without the changes
  }
}
