import { createRequire } from "node:module";

// jsdiff is loaded on the first diff (its CommonJS build, synchronously): a clean `check` never pays for it.
type StructuredPatch = typeof import("diff").structuredPatch;
let structuredPatchFn: StructuredPatch | null = null;
function structuredPatch(...args: Parameters<StructuredPatch>): ReturnType<StructuredPatch> {
  structuredPatchFn ??= (createRequire(import.meta.url)("diff") as typeof import("diff")).structuredPatch;
  return structuredPatchFn(...args);
}

/** A unified diff of two texts, every hunk kept, plus the first line (1-based, in `before`) that differs. */
export interface TextDiff {
  /** `--- … +++ … @@ … @@` text, capped at `maxLines` lines. */
  readonly text: string;
  readonly hunks: number;
  /** First changed line of the old text (where a reviewer should look); 1 when the old text is empty. */
  readonly firstLine: number;
}

/**
 * Diffs `before` (on disk) against `after` (what the specs produce) with jsdiff, a maintained Myers
 * implementation: real hunks with context, so a one-field edit that touches seven places shows seven.
 */
export function unifiedDiff(path: string, before: string, after: string, maxLines = 120, context = 3): TextDiff {
  const patch = structuredPatch(path, path, before, after, "on disk", "generated", { context });
  const lines = [`--- ${path} (on disk)`, `+++ ${path} (generated)`];
  for (const h of patch.hunks) lines.push(`@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@`, ...h.lines);
  const first = patch.hunks[0];
  const offset = first ? first.lines.findIndex((l) => l.startsWith("-") || l.startsWith("+")) : 0;
  const firstLine = first ? Math.max(1, first.oldStart + first.lines.slice(0, Math.max(0, offset)).filter((l) => !l.startsWith("+")).length) : 1;
  const text = lines.length > maxLines ? [...lines.slice(0, maxLines), `… ${lines.length - maxLines} more diff lines`].join("\n") : lines.join("\n");
  return { text, hunks: patch.hunks.length, firstLine };
}
