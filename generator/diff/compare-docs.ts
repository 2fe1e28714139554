import type { Erratum, Field, Table } from "../model/ir.ts";
import { change, type Change, type ChangeKind, type Place } from "./change.ts";

const text = (s: string | null): string => (s === null ? "(none)" : JSON.stringify(s));

/** Documentation a field carries: description, example, the doc's type word and Required column. Never breaks anyone. */
export function compareFieldDocs(b: Field, h: Field, at: Place): Change[] {
  const where = { pos: h.pos, side: "head" as const };
  const facts: [ChangeKind, string, string | null, string | null][] = [
    ["description-changed", "description", b.description, h.description],
    ["example-changed", "example", b.example, h.example],
    ["doc-type-changed", "doc type", b.docType, h.docType],
    ["doc-required-changed", "doc Required column", b.docRequired ? "Yes" : null, h.docRequired ? "Yes" : null],
    // Only while it stays required; otherwise made-required or made-optional says it.
    ["rule-doc-changed", "doc sentence that makes it required", b.required && h.required ? (b.requiredBy?.join(" / ") ?? null) : null, b.required && h.required ? (h.requiredBy?.join(" / ") ?? null) : null],
  ];
  return facts
    .filter(([, , before, after]) => before !== after)
    .map(([kind, what, before, after]) => change(kind, at, where, "docs", "docs", `${what} ${text(before)} → ${text(after)}`));
}

const erratumKey = (e: Erratum): string => JSON.stringify([e.field, e.property]);
const sameErratum = (a: Erratum, b: Erratum): boolean => a.doc === b.doc && a.corrected === b.corrected && a.note === b.note;

/** Errata notes and the table's title: documentation only. */
export function compareTableDocs(base: Table, head: Table, at: Place): Change[] {
  const out: Change[] = [];
  if (base.title !== head.title) out.push(change("title-changed", at, { pos: head.pos, side: "head" }, "docs", "docs", `title ${text(base.title)} → ${text(head.title)}`));
  const before = new Map(base.errata.map((e) => [erratumKey(e), e]));
  const after = new Set(head.errata.map(erratumKey));
  for (const e of head.errata) {
    const old = before.get(erratumKey(e));
    if (old && sameErratum(old, e)) continue;
    const what = old ? `edited (corrected ${text(old.corrected)} → ${text(e.corrected)})` : `added (corrected to ${text(e.corrected)})`;
    out.push(change("errata-changed", { ...at, field: e.field }, { pos: e.pos, side: "head" }, "docs", "docs", `erratum on the ${e.property} ${what}: ${e.note}`));
  }
  for (const e of base.errata) {
    if (!after.has(erratumKey(e))) out.push(change("errata-changed", { ...at, field: e.field }, { pos: e.pos, side: "base" }, "docs", "docs", `erratum on the ${e.property} removed: ${e.note}`));
  }
  return out;
}
