import type { OutputFile } from "../emit/output-file.ts";
import { MANIFEST } from "../emit/package/emit-package.ts";
import { readTree } from "./disk.ts";
import { contentHash, readManifestHashes } from "./manifest.ts";
import { unifiedDiff, type TextDiff } from "../util/diff.ts";

/**
 * Why a file differs, read from the hashes the manifest recorded at the last `generate`:
 * `hand-edit` the file changed after generate wrote it; `specs-changed` it is as generate wrote it but the
 * specs now produce something else; `unknown` no usable manifest (an old or missing one).
 */
export type StaleCause = "hand-edit" | "specs-changed" | "unknown";

export interface StaleFile { readonly path: string; readonly diff: TextDiff; readonly cause: StaleCause }
/** `deleted`: generate wrote it and it was removed by hand; `new`: the specs now produce it. */
export interface MissingFile { readonly path: string; readonly cause: "deleted" | "new" | "unknown" }
/** `no-longer-generated`: generate wrote it, the specs no longer produce it; `hand-added`: generate never wrote it. */
export interface OrphanedFile { readonly path: string; readonly cause: "no-longer-generated" | "hand-added" | "unknown" }

export interface Drift {
  readonly stale: StaleFile[];
  readonly missing: MissingFile[];
  readonly orphaned: OrphanedFile[];
}

/** Compares the files the specs produce with what is on disk, and says for each difference where it came from (`label`: the folder as diffs name it). */
export function findDrift(out: string, files: readonly OutputFile[], label = out): Drift {
  const disk = readTree(out);
  const recorded = readManifestHashes(out);
  const drift: Drift = { stale: [], missing: [], orphaned: [] };
  let manifestStale: StaleFile | null = null;
  for (const f of files) {
    const current = disk.get(f.path);
    disk.delete(f.path);
    const was = recorded?.get(f.path);
    if (current === undefined) {
      drift.missing.push({ path: f.path, cause: recorded === null ? "unknown" : was === undefined ? "new" : "deleted" });
    } else if (current !== f.contents) {
      const cause: StaleCause = was === undefined ? "unknown" : contentHash(current) === was ? "specs-changed" : "hand-edit";
      const stale = { path: f.path, diff: unifiedDiff(`${label}/${f.path}`, current, f.contents), cause };
      if (f.path === MANIFEST) manifestStale = stale;
      else drift.stale.push(stale);
    }
  }
  for (const path of disk.keys()) {
    drift.orphaned.push({ path, cause: recorded === null ? "unknown" : recorded.has(path) ? "no-longer-generated" : "hand-added" });
  }
  // The manifest holds every file's hash, so it is stale whenever another file is: report it only when alone.
  if (manifestStale && drift.stale.length + drift.missing.length + drift.orphaned.length === 0) drift.stale.push(manifestStale);
  return drift;
}

/** Whether anything differs. */
export function hasDrift(d: Drift): boolean {
  return d.stale.length + d.missing.length + d.orphaned.length > 0;
}
