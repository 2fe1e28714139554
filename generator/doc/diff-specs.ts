import type { DraftField } from "./draft.ts";
import type { ErratumView, SpecView, TableView } from "./spec-view.ts";

export const CHANGE_KINDS = [
  "entity-added", "entity-removed", "title", "tags", "custom-fields", "table-added", "table-removed",
  "field-added", "field-removed", "field-order", "type", "required", "enum", "format", "range", "default", "description", "example", "table-ref", "rules",
  "incomplete",
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** One way the page differs from the spec; `spec` and `page` hold the two values (absent for additions/removals). */
export interface Change {
  readonly kind: ChangeKind;
  readonly table: string | null;
  readonly field: string | null;
  readonly spec?: unknown;
  readonly page?: unknown;
  /** Page line. */
  readonly line?: number;
  /** The spec line the change concerns: the field's entry, else its table's or entity's (absent for a new entity). */
  readonly specLine?: number;
}

/** A spec erratum met on the page: the doc still has the error the spec corrects, or the doc now says the correction. */
export interface ErratumStatus {
  readonly table: string | null;
  readonly field: string | null;
  readonly property: ErratumView["property"];
  readonly status: "corrected-by-spec" | "fixed-in-doc";
  readonly doc: string;
  readonly corrected: string | null;
  /** The erratum's line in the spec. */
  readonly specLine?: number;
}

export interface EntityDiff {
  readonly objectType: string;
  readonly title: string;
  /** The spec file (absent for an entity only the page has). */
  readonly file?: string;
  /** The page's heading line (absent for an entity only the spec has). */
  readonly line?: number;
  readonly status: "added" | "removed" | "changed" | "same";
  readonly changes: readonly Change[];
  readonly errata: readonly ErratumStatus[];
}

type Sink = { changes: Change[]; errata: ErratumStatus[] };

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Fields common to both sides that the page lists in another order (those outside a longest common subsequence). */
function movedFields(spec: readonly string[], page: readonly string[]): string[] {
  const inPage = new Set(page), inSpec = new Set(spec);
  const a = spec.filter((n) => inPage.has(n)), b = page.filter((n) => inSpec.has(n));
  // The table below is quadratic; beyond real table sizes, every field out of place counts as moved.
  if (a.length * b.length > 1_000_000) return b.filter((n, i) => a[i] !== n);
  const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const kept = new Set<string>();
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) { kept.add(a[i]!); i++; j++; } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) i++; else j++;
  }
  return b.filter((n) => !kept.has(n));
}

/** Compares one doc-text property, letting a spec erratum explain the difference. */
function docProperty(sink: Sink, table: string | null, errata: readonly ErratumView[], field: string | null, property: ErratumView["property"], specValue: string, pageValue: string, kind: ChangeKind, at: Lines): boolean {
  const e = errata.find((x) => x.field === field && x.property === property);
  const where = { ...(e?.line ? { specLine: e.line } : {}) };
  if (e && pageValue === specValue) sink.errata.push({ table, field, property, status: "corrected-by-spec", doc: e.doc, corrected: e.corrected, ...where });
  else if (e && pageValue === (e.corrected ?? "")) sink.errata.push({ table, field, property, status: "fixed-in-doc", doc: e.doc, corrected: e.corrected, ...where });
  else if (pageValue !== specValue) {
    sink.changes.push({ kind, table, field, spec: specValue, page: pageValue, ...lines(at) });
    return true;
  }
  return false;
}

/** Page and spec lines of a change, when known. */
interface Lines { readonly line?: number | undefined; readonly specLine?: number | undefined }
function lines(at: Lines): { line?: number; specLine?: number } {
  return { ...(at.line ? { line: at.line } : {}), ...(at.specLine ? { specLine: at.specLine } : {}) };
}

function compareField(sink: Sink, table: string | null, errata: readonly ErratumView[], s: DraftField, p: DraftField, where: Lines): void {
  const at = { table, field: s.name, ...lines(where) };
  const push = (kind: ChangeKind, spec: unknown, page: unknown): void => { if (!same(spec, page)) sink.changes.push({ kind, ...at, spec, page }); };
  const typeErratum = errata.find((e) => e.field === s.name && e.property === "docType");
  if (typeErratum) docProperty(sink, table, errata, s.name, "docType", s.docType ?? "", p.docType ?? "", "type", where);
  else push("type", { docType: s.docType, type: s.type }, { docType: p.docType, type: p.type });
  const mark = docProperty(sink, table, errata, s.name, "docRequired", s.docRequired ? "Yes" : "", p.docRequired ? "Yes" : "", "required", where);
  // The effective requirement follows the mark; report it on its own only when a rule changed it.
  if (!mark) push("required", s.required ?? false, p.required ?? false);
  // A description the spec corrects (a cut "Active, Delet") is where the spec's enum comes from: the page's cannot be compared.
  const corrected = errata.some((e) => e.field === s.name && e.property === "description" && e.doc === p.description);
  if (!corrected) push("enum", s.enum ?? null, p.enum ?? null);
  push("format", s.format ?? null, p.format ?? null);
  push("range", [s.minimum ?? null, s.maximum ?? null], [p.minimum ?? null, p.maximum ?? null]);
  push("default", s.default ?? null, p.default ?? null);
  docProperty(sink, table, errata, s.name, "description", s.description ?? "", p.description ?? "", "description", where);
  docProperty(sink, table, errata, s.name, "example", s.example ?? "", p.example ?? "", "example", where);
  // A type erratum (Object for a list) changes the table's kind, not which table.
  if (!typeErratum) push("table-ref", s.table ?? null, p.table ?? null);
}

/** The spec line after which a field the page added belongs: the entry of the spec field before it on the page, else the table's. */
function insertionLine(s: TableView, pNames: readonly string[], name: string): number | undefined {
  const specLines = s.specFieldLines ?? new Map<string, number>();
  for (let i = pNames.indexOf(name) - 1; i >= 0; i--) if (specLines.has(pNames[i]!)) return specLines.get(pNames[i]!);
  return s.specLine;
}

function compareTable(sink: Sink, table: string | null, s: TableView, p: TableView): void {
  const pLines = p.fieldLines, sLines = s.specFieldLines ?? new Map<string, number>();
  const at = (name: string | null, specLine = name === null ? s.specLine : sLines.get(name)): Lines => ({ line: name === null ? undefined : pLines.get(name), specLine });
  const sNames = s.fields.map((f) => f.name), pNames = p.fields.map((f) => f.name);
  const sSet = new Set(sNames), pByName = new Map(p.fields.map((f) => [f.name, f] as const));
  if (s.customFields !== p.customFields) sink.changes.push({ kind: "custom-fields", table, field: null, spec: s.customFields, page: p.customFields, ...lines(at(null)) });
  if ((s.incomplete?.after ?? null) !== (p.incomplete?.after ?? null)) sink.changes.push({ kind: "incomplete", table, field: null, spec: s.incomplete?.after ?? null, page: p.incomplete?.after ?? null, ...lines(at(null)) });
  for (const f of p.fields) if (!sSet.has(f.name)) sink.changes.push({ kind: "field-added", table, field: f.name, page: f, ...lines(at(f.name, insertionLine(s, pNames, f.name))) });
  for (const f of s.fields) if (!pByName.has(f.name)) sink.changes.push({ kind: "field-removed", table, field: f.name, spec: f, ...lines(at(f.name)) });
  const moved = movedFields(sNames, pNames);
  if (moved.length > 0) sink.changes.push({ kind: "field-order", table, field: null, spec: sNames.filter((n) => pByName.has(n)), page: pNames.filter((n) => sSet.has(n)), ...lines({ specLine: sLines.get(moved[0]!) ?? s.specLine }) });
  for (const sf of s.fields) {
    const pf = pByName.get(sf.name);
    if (pf) compareField(sink, table, s.errata, sf, pf, at(sf.name));
  }
  if (!same(s.rules, p.rules)) sink.changes.push({ kind: "rules", table, field: null, spec: s.rules, page: p.rules, ...lines(at(null)) });
}

function compareEntity(s: SpecView, p: SpecView): EntityDiff {
  const sink: Sink = { changes: [], errata: [] };
  const head = { line: p.line ?? undefined, specLine: s.specLine };
  const titleErratum = s.errata.find((e) => e.field === null && e.property === "title");
  if (titleErratum) docProperty(sink, null, s.errata, null, "title", s.title, p.title, "title", head);
  else if (s.title !== p.title) sink.changes.push({ kind: "title", table: null, field: null, spec: s.title, page: p.title, ...lines(head) });
  if (!same(s.tags, p.tags)) sink.changes.push({ kind: "tags", table: null, field: null, spec: s.tags, page: p.tags, ...lines(head) });
  compareTable(sink, null, s, p);
  const lastTable = s.tables[s.tables.length - 1]?.specLine ?? s.specLine;
  for (const t of p.tables) if (!s.tables.some((x) => x.title === t.title)) sink.changes.push({ kind: "table-added", table: t.title, field: null, ...lines({ specLine: lastTable }) });
  for (const t of s.tables) {
    const pt = p.tables.find((x) => x.title === t.title);
    if (pt) compareTable(sink, t.title, t, pt);
    else sink.changes.push({ kind: "table-removed", table: t.title, field: null, ...lines({ specLine: t.specLine }) });
  }
  return { objectType: s.objectType, title: s.title, ...(s.file ? { file: s.file } : {}), ...(p.line ? { line: p.line } : {}), status: sink.changes.length > 0 ? "changed" : "same", ...sink };
}

/** Compares the entities a page documents with the specs, entity by entity, in object-type order. */
export function diffSpecs(specs: readonly SpecView[], page: readonly SpecView[]): EntityDiff[] {
  const types = [...new Set([...specs, ...page].map((x) => x.objectType))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return types.map((t) => {
    const s = specs.find((x) => x.objectType === t), p = page.find((x) => x.objectType === t);
    if (s && p) return compareEntity(s, p);
    const only = (s ?? p)!;
    const where = { ...(s?.file ? { file: s.file } : {}), ...(p?.line ? { line: p.line } : {}) };
    return { objectType: t, title: only.title, ...where, status: s ? "removed" : "added", changes: [{ kind: s ? "entity-removed" : "entity-added", table: null, field: null, ...lines({ line: p?.line ?? undefined, specLine: s?.specLine }) }], errata: [] };
  });
}

/** Whether any entity differs in something a generated artefact is made from (erratum statuses do not count). */
export function differs(diffs: readonly EntityDiff[]): boolean {
  return diffs.some((d) => d.changes.length > 0);
}
