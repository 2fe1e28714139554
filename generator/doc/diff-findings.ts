/** doc-diff's findings: each names the spec file and line it concerns; `--fail-on` decides what is an error. */
import type { Finding } from "../report/findings.ts";
import type { Change, EntityDiff, ErratumStatus } from "./diff-specs.ts";

/** What fails doc-diff: drift (anything that changes an artefact), an erratum the doc has since fixed, both, or nothing. */
export const DOC_FAIL_ON = ["drift", "fixed-erratum", "any", "none"] as const;
export type DocFailOn = (typeof DOC_FAIL_ON)[number];

function show(v: unknown): string {
  if (v === "" || v === null || v === undefined) return "(blank)";
  if (typeof v === "string") return JSON.stringify(v);
  if (Array.isArray(v) && v.every((x) => typeof x === "string")) return `[${v.join(", ")}]`;
  if (v && typeof v === "object" && "docType" in v && "type" in v) return `${(v as { docType: string | null }).docType ?? "(blank)"} (${(v as { type: string }).type})`;
  return JSON.stringify(v);
}

function subject(d: EntityDiff, c: { table: string | null; field: string | null }): string {
  return [d.objectType, c.table, c.field].filter((x) => x !== null && x !== "").join(" / ");
}

function changeText(c: Change, page: string): string {
  const at = c.line ? ` (${page}:${c.line})` : "";
  switch (c.kind) {
    case "entity-added": return `on the page${at}, no spec`;
    case "entity-removed": return "has a spec but is not on the page";
    case "table-added": return "nested table on the page, not in the spec";
    case "table-removed": return "nested table in the spec, not on the page";
    case "field-added": return `field on the page${at}, not in the spec`;
    case "field-removed": return "field in the spec, not on the page";
    case "field-order": return `field order: spec ${show(c.spec)}, page ${show(c.page)}`;
    case "rules": return `conditional rules: spec ${show(c.spec)}, page ${show(c.page)}`;
    case "incomplete": return `the saved copy stops after ${show(c.page)}, the spec says after ${show(c.spec)}`;
    default: return `${c.kind}${at}: spec ${show(c.spec)}, page ${show(c.page)}`;
  }
}

function erratumText(e: ErratumStatus): string {
  return e.status === "corrected-by-spec"
    ? `erratum: ${e.property} still reads ${show(e.doc)} on the page; the spec corrects it to ${show(e.corrected)}`
    : `erratum fixed in the doc: ${e.property} now reads ${show(e.corrected)}; remove the erratum and take the doc's text (import-doc --update does)`;
}

/** One finding per change and per erratum met on the page, located in the spec (or on the page for an entity only it has). */
export function diffFindings(diffs: readonly EntityDiff[], page: string, failOn: DocFailOn): Finding[] {
  const driftFails = failOn === "drift" || failOn === "any";
  const fixedFails = failOn === "fixed-erratum" || failOn === "any";
  const out: Finding[] = [];
  for (const d of diffs) {
    for (const c of d.changes) {
      const onPageOnly = d.file === undefined;
      out.push({
        severity: driftFails ? "error" : "warning", code: `doc-${c.kind}`,
        file: onPageOnly ? page : d.file!, line: onPageOnly ? (c.line ?? null) : (c.specLine ?? null), col: null,
        message: `${subject(d, c)}: ${changeText(c, page)}`,
      });
    }
    for (const e of d.errata) {
      const severity = e.status === "corrected-by-spec" ? "notice" : fixedFails ? "error" : "warning";
      out.push({ severity, code: `erratum-${e.status}`, file: d.file ?? null, line: e.specLine ?? null, col: null, message: `${subject(d, e)}: ${erratumText(e)}` });
    }
  }
  return out;
}

/** Whether the diff fails the gate. */
export function failsDocGate(diffs: readonly EntityDiff[], failOn: DocFailOn): boolean {
  const drift = diffs.some((d) => d.changes.length > 0);
  const fixed = diffs.some((d) => d.errata.some((e) => e.status === "fixed-in-doc"));
  return failOn === "any" ? drift || fixed : failOn === "drift" ? drift : failOn === "fixed-erratum" ? fixed : false;
}
