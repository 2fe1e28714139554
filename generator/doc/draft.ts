import type { FieldType, Format } from "../check/raw-spec.ts";
import type { PageNote, PageRow, PageTable } from "./page-model.ts";
import { defaultOf, enumOf, formatOf, rangeOf, typeOfWord } from "./infer.ts";
import { readRules, type DraftRule, type RuleByOtherWord, type RuleCorrections } from "./rules.ts";
import { squash } from "./page-rows.ts";

/** A field as the spec format writes it (keys in the hand specs' order; absent keys are left out). */
export interface DraftField {
  readonly name: string;
  readonly docType: string | null;
  readonly type: FieldType;
  readonly required?: true;
  readonly docRequired?: true;
  readonly description?: string;
  readonly example?: string;
  readonly enum?: readonly string[];
  readonly format?: Format;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly default?: string;
  /** null: an Array row naming no nested table (a list of strings). */
  readonly table?: string | null;
}

export interface DraftTable {
  readonly title: string;
  readonly customFields: boolean;
  readonly fields: readonly DraftField[];
  readonly rules: readonly DraftRule[];
  /** The saved copy stops inside this table after `after` (SEMANTICS.md, tables a saved page cuts short). */
  readonly incomplete?: { readonly after: string; readonly note: string } | null;
  /** Page line of each field's Name cell, for messages (not written to the spec). */
  readonly fieldLines: ReadonlyMap<string, number>;
  /** What a maintainer must confirm about a field, written as a comment above it (a name the page lacks). */
  readonly remarks?: ReadonlyMap<string, string>;
  /** Rule sentences that name fields by another word (candidate `rule` errata). */
  readonly byOtherWord?: readonly RuleByOtherWord[];
}

/** One entity's draft spec, with the page line of its heading for messages. */
export interface DraftSpec extends DraftTable {
  readonly objectType: string;
  /** The saved page's file name in pages/ (when the page was read from a file). */
  readonly page?: string;
  readonly tags: readonly string[];
  readonly tables: readonly DraftTable[];
  readonly line: number;
}

export type { DraftRule };

const TABLE_REF = /^\[\s*(.+?)\s*\]$/u;
const QUOTED_ITEM = /^["“”']/u;

/**
 * The nested table an Object/Array row refers to: the title its example names in brackets, else the nested
 * table named like the field ("shippingAddress" → "Shipping Address Entity"); anything else is reported.
 */
function tableRef(row: PageRow, nested: readonly string[], notes: PageNote[]): string | null | undefined {
  const bracket = row.example ? TABLE_REF.exec(row.example)?.[1] : undefined;
  // `[ "type", "source: 123" ]` is an example list of values, not a table's title.
  const named = bracket !== undefined && !QUOTED_ITEM.test(bracket) ? bracket : undefined;
  const title = named ?? nested.find((t) => squash(t.replace(/\s+(entity|table)$/iu, "")) === squash(row.name.text));
  if (title && nested.includes(title)) return title;
  if (!named && row.docType?.text.toLowerCase() === "array") {
    notes.push({ line: row.name.n, severity: "info", code: "array-of-strings", message: `the Array field "${row.name.text}" names no nested table: read as a list of strings (table: null)` });
    return null;
  }
  const why = named ? `names the table "${named}", which the page does not have under this entity` : "names no nested table (an example like `[ Order Item Entity ]` or a table titled after the field)";
  notes.push({ line: row.name.n, severity: "error", code: "unknown-table", message: `the ${row.docType?.text} field "${row.name.text}" ${why}` });
  return named;
}

/** A value of the field's enum glued to the word before it ("is changedCreated"): two cells that ran together on the page. */
function runTogether(row: PageRow, values: readonly string[], notes: PageNote[]): void {
  for (const line of row.descriptionLines) {
    const glued = values.find((v) => /^[A-Z]/u.test(v) && new RegExp(`[a-z]${v.replace(/[^\p{L}\p{N}]/gu, "")}(?![\\p{L}\\p{N}])`, "u").test(line.text));
    if (glued) notes.push({ line: line.n, severity: "warning", code: "run-together", message: `"${line.text}": "${glued}" is glued to the word before it; two cells may have run together (the draft keeps the text as the page has it)` });
  }
}

function draftField(row: PageRow, conditional: ReadonlySet<string>, nested: readonly string[], notes: PageNote[], cutLine: number | null): DraftField {
  const name = row.name.text;
  const docType = row.docType?.text ?? null;
  // A Type word none of the doc's (reported as unknown-type by the page reader) is read as a string, as a blank one is.
  const type = typeOfWord(docType, row.description, row.example) ?? "string";
  // The line a cut copy stops in may be cut itself ("Active, Delet"): no value is read from it.
  const lines = row.descriptionLines.filter((l) => l.n !== cutLine);
  const values = type === "string" ? enumOf(lines, notes) : null;
  const fallback = defaultOf(lines);
  if (values) runTogether(row, values, notes);
  const format = type === "string" ? formatOf(name) : null;
  const range = rangeOf(name, type);
  const ref = type === "object" || type === "array" ? tableRef(row, nested, notes) : undefined;
  return {
    name, docType, type,
    ...(row.docRequired && !conditional.has(name) ? { required: true } : {}),
    ...(row.docRequired ? { docRequired: true } : {}),
    ...(row.description !== null ? { description: row.description } : {}),
    ...(row.example !== null ? { example: row.example } : {}),
    ...(values ? { enum: values } : {}),
    ...(format ? { format } : {}),
    ...(range ?? {}),
    ...(fallback !== null ? { default: fallback } : {}),
    ...(ref !== undefined ? { table: ref } : {}),
  };
}

/** Turns one page table into the spec format's fields and rules. */
export function draftTable(table: PageTable, nested: readonly string[], notes: PageNote[], corrections: RuleCorrections = new Map()): DraftTable {
  const { rules, conditional, byOtherWord } = readRules(table.rows, notes, corrections);
  const fieldLines = new Map(table.rows.map((r) => [r.name.text, r.name.n] as const));
  const remarks = new Map(table.rows.filter((r) => r.nameFrom !== null).map((r) => [r.name.text, r.nameFrom!] as const));
  const cutLine = table.incomplete?.line ?? null;
  const fields = table.rows.map((r) => draftField(r, conditional, nested, notes, cutLine));
  const incomplete = table.incomplete ? { after: table.incomplete.after, note: table.incomplete.note } : null;
  return { title: table.title, customFields: table.customFields, fields, rules, incomplete, fieldLines, remarks, byOtherWord };
}

/** Groups page tables into entities: each entity table takes the nested tables that follow it. */
export function draftSpecs(tables: readonly PageTable[], notes: PageNote[], corrections: RuleCorrections = new Map()): DraftSpec[] {
  const specs: DraftSpec[] = [];
  let current: { head: PageTable; nested: PageTable[] } | null = null;
  const flush = (): void => {
    if (!current) return;
    const nested = current.nested.map((t) => t.title);
    const own = draftTable(current.head, nested, notes, corrections);
    specs.push({ ...own, objectType: current.head.objectType!, tags: current.head.tags, tables: current.nested.map((t) => draftTable(t, nested, notes, corrections)), line: current.head.line });
  };
  for (const t of tables) {
    if (t.objectType !== null) { flush(); current = { head: t, nested: [] }; }
    else if (current) current.nested.push(t);
  }
  flush();
  return specs;
}
