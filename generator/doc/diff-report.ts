import type { EntityDiff } from "./diff-specs.ts";

/** The last line of a text report: whether the page matches, or how much differs. */
export function summaryLine(diffs: readonly EntityDiff[], page: string, specs: string): string {
  const changed = diffs.filter((d) => d.changes.length > 0);
  const total = changed.reduce((n, d) => n + d.changes.length, 0);
  const fixed = diffs.reduce((n, d) => n + d.errata.filter((e) => e.status === "fixed-in-doc").length, 0);
  const errata = fixed > 0 ? `; ${fixed} errat${fixed === 1 ? "um" : "a"} fixed in the doc` : "";
  return changed.length === 0
    ? `doc-diff: ${page} matches ${specs} (${diffs.length} entit${diffs.length === 1 ? "y" : "ies"})${errata}`
    : `doc-diff: ${page} differs from ${specs}: ${total} change${total === 1 ? "" : "s"} in ${changed.length} entit${changed.length === 1 ? "y" : "ies"}${errata}`;
}
