import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { OutputFile } from "../emit/output-file.ts";
import { MANIFEST } from "../emit/package/emit-package.ts";
import { stableJson } from "../util/text.ts";

/**
 * sha1 of a file's text as generated: the manifest keeps it so `check` can tell a hand edit from stale specs.
 * It detects edits, it guards nothing; sha1 (as git uses) costs a third of sha256 on 300 entities' 30 MB.
 */
export function contentHash(text: string): string {
  return createHash("sha1").update(text, "utf8").digest("hex");
}

/**
 * The manifest: marks the folder as the generator's and records the hash of every file it wrote. A file
 * whose bytes no longer match its recorded hash was edited after `generate`. Pure (no clock, no paths).
 */
export function manifestFile(files: readonly OutputFile[]): OutputFile {
  const hashes = Object.fromEntries(files.map((f) => [f.path, contentHash(f.contents)]));
  const manifest = { generator: "pango-codegen", note: "Files this folder holds that pango-codegen owns, with the sha1 of each as generated; do not edit.", files: hashes };
  return { path: MANIFEST, contents: stableJson(manifest) };
}

/** The hashes the manifest on disk recorded at the last `generate`; null when absent, unreadable or of the old list form. */
export function readManifestHashes(out: string): Map<string, string> | null {
  let parsed: unknown;
  try { parsed = JSON.parse(readFileSync(join(out, MANIFEST), "utf8")); } catch { return null; }
  const files = (parsed as { files?: unknown } | null)?.files;
  if (files === null || typeof files !== "object" || Array.isArray(files)) return null;
  const entries = Object.entries(files as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === "string");
  return new Map(entries);
}
