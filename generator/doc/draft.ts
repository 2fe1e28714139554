import type { FieldType, Format } from "../check/raw-spec.ts";
import type { PageNote, PageRow, PageTable } from "./page-model.ts";
import { enumOf, formatOf, rangeOf, typeOfWord } from "./infer.ts";
import { readRules, type DraftRule } from "./rules.ts";
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
  readonly table?: string;
}

export interface DraftTable {
  readonly title: string;
  readonly customFields: boolean;
  readonly fields: readonly DraftField[];
  readonly rules: readonly DraftRule[];
  /** Page line of each field's Name cell, for messages (not written to the spec). */
  readonly fieldLines: ReadonlyMap<string, number>;
}

/** One entity's draft spec, with the page line of its heading for messages. */
export interface DraftSpec extends DraftTable {
  readonly objectType: string;
  readonly tags: readonly string[];
  readonly tables: readonly DraftTable[];
  readonly line: number;
}

export type { DraftRule };

const TABLE_REF = /^\[\s*(.+?)\s*\]$/u;

/**
 * The nested table an Object/Array row refers to: the title its example names in brackets, else the nested
 * table named like the field ("shippingAddress" → "Shipping Address Entity"); anything else is reported.
 */
function tableRef(row: PageRow, nested: readonly string[], notes: PageNote[]): string | undefined {
  const named = row.example ? TABLE_REF.exec(row.example)?.[1] : undefined;
  const title = named ?? nested.find((t) => squash(t.replace(/\s+(entity|table)$/iu, "")) === squash(row.name.text));
  if (title && nested.includes(title)) return title;
  const why = named ? `names the table "${named}", which the page does not have under this entity` : "names no nested table (an example like `[ Order Item Entity ]` or a table titled after the field)";
  notes.push({ line: row.name.n, severity: "error", code: "unknown-table", message: `the ${row.docType?.text} field "${row.name.text}" ${why}` });
  return named;
}

function draftField(row: PageRow, conditional: ReadonlySet<string>, nested: readonly string[], notes: PageNote[]): DraftField {
  const name = row.name.text;
  const docType = row.docType?.text ?? null;
  const type = typeOfWord(docType, row.description, row.example);
  const values = type === "string" ? enumOf(row.descriptionLines, notes) : null;
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
    ...(ref ? { table: ref } : {}),
  };
}

/** Turns one page table into the spec format's fields and rules. */
export function draftTable(table: PageTable, nested: readonly string[], notes: PageNote[]): DraftTable {
  const { rules, conditional } = readRules(table.rows, notes);
  const fieldLines = new Map(table.rows.map((r) => [r.name.text, r.name.n] as const));
  return { title: table.title, customFields: table.customFields, fields: table.rows.map((r) => draftField(r, conditional, nested, notes)), rules, fieldLines };
}

/** Groups page tables into entities: each entity table takes the nested tables that follow it. */
export function draftSpecs(tables: readonly PageTable[], notes: PageNote[]): DraftSpec[] {
  const specs: DraftSpec[] = [];
  let current: { head: PageTable; nested: PageTable[] } | null = null;
  const flush = (): void => {
    if (!current) return;
    const nested = current.nested.map((t) => t.title);
    const own = draftTable(current.head, nested, notes);
    specs.push({ ...own, objectType: current.head.objectType!, tags: current.head.tags, tables: current.nested.map((t) => draftTable(t, nested, notes)), line: current.head.line });
  };
  for (const t of tables) {
    if (t.objectType !== null) { flush(); current = { head: t, nested: [] }; }
    else if (current) current.nested.push(t);
  }
  flush();
  return specs;
}
