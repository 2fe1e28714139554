import type { OutputFile } from "../emit/output-file.ts";
import { readTree } from "./disk.ts";
import { unifiedDiff } from "../util/diff.ts";

export interface Drift {
  readonly stale: { path: string; diff: string }[];
  readonly missing: string[];
  readonly orphaned: string[];
}

/** Compares the files the specs produce with what is on disk. */
export function findDrift(out: string, files: readonly OutputFile[]): Drift {
  const disk = readTree(out);
  const drift: Drift = { stale: [], missing: [], orphaned: [] };
  for (const f of files) {
    const current = disk.get(f.path);
    if (current === undefined) drift.missing.push(f.path);
    else if (current !== f.contents) drift.stale.push({ path: f.path, diff: unifiedDiff(f.path, current, f.contents) });
    disk.delete(f.path);
  }
  drift.orphaned.push(...disk.keys());
  return drift;
}

export function hasDrift(d: Drift): boolean {
  return d.stale.length + d.missing.length + d.orphaned.length > 0;
}
