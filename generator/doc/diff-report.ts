import type { Change, EntityDiff, ErratumStatus } from "./diff-specs.ts";

function show(v: unknown): string {
  if (v === "") return "(blank)";
  if (typeof v === "string") return JSON.stringify(v);
  if (Array.isArray(v) && v.every((x) => typeof x === "string")) return `[${v.join(", ")}]`;
  if (v && typeof v === "object" && "docType" in v && "type" in v) return `${(v as { docType: string | null }).docType ?? "(blank)"} (${(v as { type: string }).type})`;
  return JSON.stringify(v);
}

function where(c: { table: string | null; field: string | null }): string {
  return [c.table, c.field].filter((x) => x !== null && x !== "").join(" / ");
}

function changeLine(c: Change): string {
  const at = where(c), line = c.line ? ` (page line ${c.line})` : "";
  switch (c.kind) {
    case "entity-added": return `  + entity on the page, no spec${line}`;
    case "entity-removed": return "  - entity has a spec but is not on the page";
    case "table-added": return `  + nested table ${at}`;
    case "table-removed": return `  - nested table ${at}`;
    case "field-added": return `  + field ${at}${line}`;
    case "field-removed": return `  - field ${at}`;
    case "field-order": return `  ~ field order${at ? ` of ${at}` : ""}: spec ${show(c.spec)}\n                page ${show(c.page)}`;
    case "rules": return `  ~ conditional rules${at ? ` of ${at}` : ""}: spec ${show(c.spec)}\n                page ${show(c.page)}`;
    default: return `  ~ ${c.kind} of ${at || "the entity"}${line}: ${show(c.spec)} → ${show(c.page)}`;
  }
}

function erratumLine(e: ErratumStatus): string {
  const at = where(e) || "the entity";
  return e.status === "corrected-by-spec"
    ? `  = erratum: ${at} ${e.property} still reads ${show(e.doc)} on the page; the spec corrects it to ${show(e.corrected)}`
    : `  ! erratum fixed in the doc: ${at} ${e.property} now reads ${show(e.corrected)}; the erratum can be removed`;
}

/** The human-readable doc-diff report. */
export function formatDiff(diffs: readonly EntityDiff[], page: string, specs: string): string {
  const out: string[] = [];
  for (const d of diffs) {
    const summary = d.status === "same" ? "no drift" : d.status === "changed" ? `${d.changes.length} change${d.changes.length === 1 ? "" : "s"}` : d.status;
    out.push(`${d.objectType} (${d.title}): ${summary}`);
    out.push(...d.changes.map(changeLine), ...d.errata.map(erratumLine));
  }
  const changed = diffs.filter((d) => d.changes.length > 0);
  const total = changed.reduce((n, d) => n + d.changes.length, 0);
  out.push(changed.length === 0
    ? `doc-diff: ${page} matches ${specs}`
    : `doc-diff: ${page} differs from ${specs}: ${total} change${total === 1 ? "" : "s"} in ${changed.length} entit${changed.length === 1 ? "y" : "ies"}`);
  return out.join("\n") + "\n";
}
