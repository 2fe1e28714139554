import type { RawErratum, RawField, RawRule, RawSpec, RawTable } from "../check/raw-spec.ts";
import type { DraftField, DraftRule, DraftSpec, DraftTable } from "./draft.ts";

/** A doc erratum the spec records, without source positions. */
export interface ErratumView {
  readonly field: string | null;
  readonly property: RawErratum["property"];
  readonly doc: string;
  readonly corrected: string | null;
  /** The erratum's line in the spec (spec side). */
  readonly line?: number;
}

/** A table as both sides of doc-diff see it: the draft shape, plus the spec's errata. */
export interface TableView extends DraftTable {
  readonly errata: readonly ErratumView[];
  /** Spec side: the line of the table (its `title`, or the entity's `objectType`) and of each field entry. */
  readonly specLine?: number;
  readonly specFieldLines?: ReadonlyMap<string, number>;
}

export interface SpecView extends TableView {
  readonly objectType: string;
  readonly tags: readonly string[];
  readonly tables: readonly TableView[];
  /** The heading's page line (the page side only). */
  readonly line: number | null;
  /** The spec file, as read (the spec side only). */
  readonly file?: string;
  /** The saved page named by `page:` (spec side) or read (page side). */
  readonly page?: string;
}

function fieldView(f: RawField): DraftField {
  return {
    name: f.name.value, docType: f.docType.value, type: f.type.value,
    ...(f.required ? { required: true } : {}),
    ...(f.docRequired ? { docRequired: true } : {}),
    ...(f.description ? { description: f.description.value } : {}),
    ...(f.example ? { example: f.example.value } : {}),
    ...(f.enum ? { enum: f.enum.values.map((v) => v.value) } : {}),
    ...(f.format ? { format: f.format.value } : {}),
    ...(f.minimum ? { minimum: f.minimum.value } : {}),
    ...(f.maximum ? { maximum: f.maximum.value } : {}),
    ...(f.default ? { default: f.default.value } : {}),
    // A valid spec names a table for every object/array field, or writes `table: null` (a list of strings, any object).
    ...(f.table ? { table: f.table.value } : f.type.value === "array" || f.type.value === "object" ? { table: null } : {}),
  };
}

function ruleView(r: RawRule): DraftRule {
  return r.kind === "any-of"
    ? { kind: "any-of", groups: r.groups.map((g) => g.map((x) => x.value)), doc: r.doc }
    : { kind: "all-of", fields: r.fields.map((x) => x.value), doc: r.doc };
}

function tableView(t: RawTable, line: number): TableView {
  return {
    title: t.title.value, customFields: t.customFields, fields: t.fields.map(fieldView), rules: t.rules.map(ruleView), fieldLines: new Map(),
    errata: t.errata.map((e) => ({ field: e.field?.value ?? null, property: e.property, doc: e.doc, corrected: e.corrected, line: e.pos.line })),
    incomplete: t.incomplete ? { after: t.incomplete.after.value, note: t.incomplete.note } : null,
    specLine: line, specFieldLines: new Map(t.fields.map((f) => [f.name.value, f.pos.line] as const)),
  };
}

/** A hand spec as doc-diff compares it. */
export function viewOfSpec(spec: RawSpec): SpecView {
  return {
    ...tableView(spec, spec.objectType.pos.line), objectType: spec.objectType.value, tags: spec.tags,
    tables: spec.tables.map((t) => tableView(t, t.title.pos.line)), line: null, file: spec.file,
    ...(spec.page ? { page: spec.page.value } : {}),
  };
}

/** An imported draft as doc-diff compares it (a page records no errata). */
export function viewOfDraft(spec: DraftSpec): SpecView {
  return { ...spec, errata: [], tables: spec.tables.map((t) => ({ ...t, errata: [] })), line: spec.line };
}
