import type { PageLine, PageNote, PageRow } from "./page-model.ts";

/** The Type column's words seen across the documentation (compared case-insensitively, kept verbatim). */
export const TYPE_WORDS = ["string", "integer", "long", "double", "float", "boolean", "timestamp", "text", "list", "array", "object"] as const;

const CUSTOM_FIELDS = /^custom fields?$/iu;
const RULE_SENTENCE = /\brequired\b/iu;
const BRACKET = /^\[.*\]$/u;
// A field name without a Type cell must look like the doc's field names (lower camel case) to start a row.
const UNTYPED_NAME = /^[a-z][A-Za-z0-9_]*$/u;

/** Whether a cell is one of the Type column's words. */
export function isTypeWord(text: string): boolean {
  return (TYPE_WORDS as readonly string[]).includes(text.toLowerCase());
}

const isYes = (t: string): boolean => /^yes$/iu.test(t);
const isBullet = (t: string): boolean => t.startsWith("•");
/** Letters and digits only, lower case: "ZipCode", "Zip code" and "zipCode" compare equal. */
export const squash = (t: string): string => t.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");

function isNameCell(t: string): boolean {
  return !/\s/u.test(t) && !isTypeWord(t) && !isYes(t) && !isBullet(t) && !BRACKET.test(t);
}

/** A row starts where a name cell is followed by a Type word or the Required mark. */
function isAnchor(units: readonly PageLine[], i: number): boolean {
  const next = units[i + 1]?.text;
  return isNameCell(units[i]!.text) && next !== undefined && (isTypeWord(next) || isYes(next));
}

/** A row without Type and Required cells: a field-like name followed by a description (not the previous row's own title). */
function isUntypedStart(units: readonly PageLine[], i: number, end: number, previousName: string | null): boolean {
  const t = units[i]!.text, next = units[i + 1];
  if (!UNTYPED_NAME.test(t) || i + 1 >= end || !next) return false;
  return /\s/u.test(next.text) && !isBullet(next.text) && (previousName === null || squash(previousName) !== squash(t));
}

/** The start index of every row: anchors first, then rows without a type found between them. */
function rowStarts(units: readonly PageLine[]): number[] {
  const anchors = units.map((_, i) => i).filter((i) => isAnchor(units, i));
  if (anchors[0] !== 0) anchors.unshift(0);
  const starts: number[] = [];
  anchors.forEach((a, k) => {
    starts.push(a);
    const end = anchors[k + 1] ?? units.length;
    let body = a + 1;
    if (body < end && isTypeWord(units[body]!.text)) body++;
    if (body < end && isYes(units[body]!.text)) body++;
    let previous = units[a]!.text;
    for (let i = body; i < end; i++) {
      if (isUntypedStart(units, i, end, previous)) { starts.push(i); previous = units[i]!.text; i++; }
    }
  });
  return starts;
}

/** Splits the cells after Type/Required into the description and the example (the last cell, when it reads as a value). */
function splitCells(name: string, cells: readonly PageLine[], notes: PageNote[]): { description: readonly PageLine[]; example: PageLine | null } {
  if (cells.length === 0) return { description: [], example: null };
  const last = cells[cells.length - 1]!;
  if (cells.length === 1) {
    // One cell: a value when it is a single token that is not the field's own name ("Active", "RS3"), else a description ("ZipCode").
    const value = BRACKET.test(last.text) || (!/\s/u.test(last.text) && !isBullet(last.text) && squash(last.text) !== squash(name));
    if (value) notes.push({ line: last.n, severity: "info", code: "single-cell", message: `the only cell of "${name}" is read as its example (one token, not the field's name)` });
    return value ? { description: [], example: last } : { description: cells, example: null };
  }
  const lastIsText = isBullet(last.text) || (RULE_SENTENCE.test(last.text) && /\s/u.test(last.text));
  return lastIsText ? { description: cells, example: null } : { description: cells.slice(0, -1), example: last };
}

function readRow(units: readonly PageLine[], from: number, to: number, notes: PageNote[]): PageRow {
  const name = units[from]!;
  let i = from + 1;
  const docType = i < to && isTypeWord(units[i]!.text) ? units[i++]! : null;
  const docRequired = i < to && isYes(units[i]!.text);
  if (docRequired) i++;
  const { description, example } = splitCells(name.text, units.slice(i, to), notes);
  if (!isNameCell(name.text)) notes.push({ line: name.n, severity: "error", code: "unreadable-row", message: `expected a field name, found "${name.text}"` });
  return {
    name, docType, docRequired,
    description: description.length > 0 ? description.map((l) => l.text).join("\n") : null,
    example: example?.text ?? null,
    descriptionLines: description, exampleLine: example,
  };
}

/** Reads a table's lines into rows; a "Custom Fields" line marks the table as accepting custom fields. */
export function readRows(lines: readonly PageLine[], notes: PageNote[]): { rows: PageRow[]; customFields: boolean } {
  const units = lines.filter((l) => !CUSTOM_FIELDS.test(l.text));
  const customFields = units.length !== lines.length;
  if (units.length === 0) return { rows: [], customFields };
  const starts = rowStarts(units);
  const rows = starts.map((s, k) => readRow(units, s, starts[k + 1] ?? units.length, notes));
  return { rows, customFields };
}
