import type { PageLine, PageNote, PageRow } from "./page-model.ts";
import { editDistance } from "../util/text.ts";

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

/** An example value rather than a field name: five digits or more ("C09320932032"), or an e-mail address. */
const looksLikeValue = (t: string): boolean => (t.match(/\d/gu)?.length ?? 0) >= 5 || /^[^@\s]+@[^@\s]+\.[^@\s]+$/u.test(t);

/**
 * A row starts where a name cell is followed by a Type word or the Required mark. On a page saved without blank
 * lines, a row that lost its Name cell puts its Type word under the previous row's example: that value is no name.
 */
function isAnchor(units: readonly PageLine[], i: number): boolean {
  const next = units[i + 1]?.text;
  return isNameCell(units[i]!.text) && !looksLikeValue(units[i]!.text) && next !== undefined && (isTypeWord(next) || isYes(next));
}

/**
 * A row without Type and Required cells: a field-like name followed by a description (not the previous row's own
 * title, nor the name of a typed row: a page saved without blank lines breaks sentences that mention a field). A
 * description of one word counts when it is the field's own name ("state" / "State").
 */
function isUntypedStart(units: readonly PageLine[], i: number, end: number, previousName: string | null, typed: ReadonlySet<string>): boolean {
  const t = units[i]!.text, next = units[i + 1];
  if (!UNTYPED_NAME.test(t) || i + 1 >= end || !next || typed.has(t)) return false;
  const described = /\s/u.test(next.text) || (next.text !== t && namesField(next.text, t));
  return described && !isBullet(next.text) && (previousName === null || squash(previousName) !== squash(t));
}

/**
 * A word in the Type column's place that is none of the documentation's Type words ("Varchar", "DateTime", "Int32"): one
 * capitalised token right under a field-like name, not that field's own name (a description such as "ZipCode"), with
 * cells after it. Without this the row would be read as more lines of the row above.
 */
function isOddTypeWord(units: readonly PageLine[], i: number, end: number): boolean {
  if (i < 1 || i + 1 >= end) return false;
  const t = units[i]!.text, name = units[i - 1]!.text;
  return UNTYPED_NAME.test(name) && /^[A-Z][A-Za-z0-9]*$/u.test(t) && !isTypeWord(t) && !isYes(t) && !namesField(t, name);
}

/** A Type word that follows no name cell, with cells after it: a row whose Name cell was lost. */
function isNameless(units: readonly PageLine[], i: number): boolean {
  const next = units[i + 1]?.text;
  return i > 0 && isTypeWord(units[i]!.text) && !isAnchor(units, i - 1) && next !== undefined && !isTypeWord(next);
}

/** The start index of every row: anchors and rows without a name cell first, then rows without a type between them. */
function rowStarts(units: readonly PageLine[]): number[] {
  const anchors = units.map((_, i) => i).filter((i) => isAnchor(units, i) || isNameless(units, i));
  const typed = new Set(anchors.map((i) => units[i]!.text));
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
      const odd = !typed.has(units[i]!.text) && isOddTypeWord(units, i + 1, end);
      if (odd || isUntypedStart(units, i, end, previous, typed)) { starts.push(i); previous = units[i]!.text; i++; }
    }
  });
  return starts;
}

/** A token that is the field's own name, or that name with a letter or two lost ("otes" for "note"). */
function namesField(token: string, name: string): boolean {
  const a = squash(token), b = squash(name);
  return a === b || (b.length >= 4 && editDistance(a, b) <= 2);
}

/** A sentence of five words or more ending with a full stop: a paragraph of the description, not a value. */
const isSentence = (t: string): boolean => /\.$/u.test(t) && t.split(/\s+/u).length >= 5;

/** A cell in parentheses under another continues it ("098685xxxx" / "(Membership Id)") on a page without blank lines. */
const isAside = (t: string): boolean => /^\(.*\)$/u.test(t);

type Cells = { description: readonly PageLine[]; example: readonly PageLine[] };

/** Splits the cells after Type/Required into the description and the example (the last cell, when it reads as a value). */
function splitCells(name: string, cells: readonly PageLine[], notes: PageNote[]): Cells {
  if (cells.length === 0) return { description: [], example: [] };
  const last = cells[cells.length - 1]!;
  if (cells.length === 1) {
    // One cell: a value when it is a single token that is not the field's own name ("Active", "RS3"), else a description ("ZipCode").
    const value = BRACKET.test(last.text) || (!/\s/u.test(last.text) && !isBullet(last.text) && !namesField(last.text, name));
    if (value) notes.push({ line: last.n, severity: "info", code: "single-cell", message: `the only cell of "${name}" is read as its example (one token, not the field's name)` });
    return value ? { description: [], example: [last] } : { description: cells, example: [] };
  }
  if (isAside(last.text) && cells.length >= 3 && !isAside(cells[cells.length - 2]!.text)) {
    notes.push({ line: last.n, severity: "info", code: "continued-cell", message: `"${last.text}" is read as the second line of the example of "${name}"` });
    return { description: cells.slice(0, -2), example: cells.slice(-2) };
  }
  const lastIsText = isBullet(last.text) || (RULE_SENTENCE.test(last.text) && /\s/u.test(last.text)) || isSentence(last.text);
  return lastIsText ? { description: cells, example: [] } : { description: cells.slice(0, -1), example: [last] };
}

/** A name for a row whose Name cell is missing: the first word of its description ("Email address of an user" → email). */
function derivedName(description: readonly PageLine[]): string | null {
  const word = /^([A-Za-z][a-z0-9]*)\b/u.exec(description[0]?.text ?? "")?.[1];
  return word ? word.toLowerCase() : null;
}

/** Names a row that lost its Name cell after its description, and says so: never a silent guess. */
function nameOfNameless(typeLine: PageLine, previous: PageLine | undefined, description: readonly PageLine[], taken: ReadonlySet<string>, notes: PageNote[]): PageLine {
  const name = derivedName(description);
  const after = previous ? ` (after "${previous.text}", the previous row's last cell)` : "";
  if (name === null || taken.has(name)) {
    notes.push({ line: typeLine.n, severity: "error", code: "missing-name", message: `a row has no Name cell${after}: add the field's name on the line above line ${typeLine.n}` });
    return { n: typeLine.n, text: `(no name, line ${typeLine.n})` };
  }
  notes.push({ line: typeLine.n, severity: "warning", code: "missing-name", message: `a row has no Name cell${after}: drafted as "${name}" after its description "${description[0]!.text}"; confirm the name, and fix the page by adding it on the line above line ${typeLine.n}` });
  return { n: typeLine.n, text: name };
}

function readRow(units: readonly PageLine[], from: number, to: number, taken: ReadonlySet<string>, notes: PageNote[]): PageRow {
  const nameless = isNameless(units, from);
  let i = nameless ? from : from + 1;
  const odd = !nameless && i < to && isOddTypeWord(units, i, to);
  if (odd) notes.push({ line: units[i]!.n, severity: "warning", code: "unknown-type", message: `"${units[from]!.text}" has the Type word "${units[i]!.text}", which is none of the documentation's (${TYPE_WORDS.join(", ")}): the draft keeps it as docType and reads the field as a string; confirm it, or record a docType erratum` });
  const docType = i < to && (odd || isTypeWord(units[i]!.text)) ? units[i++]! : null;
  const docRequired = i < to && isYes(units[i]!.text);
  if (docRequired) i++;
  const cellName = nameless ? derivedName(units.slice(i, to)) ?? "" : units[from]!.text;
  const { description, example } = splitCells(cellName, units.slice(i, to), notes);
  const name = nameless ? nameOfNameless(units[from]!, units[from - 1], description, taken, notes) : units[from]!;
  if (!nameless && !isNameCell(name.text)) notes.push({ line: name.n, severity: "error", code: "unreadable-row", message: `expected a field name, found "${name.text}"` });
  return {
    name, docType, docRequired,
    description: description.length > 0 ? description.map((l) => l.text).join("\n") : null,
    example: example.length > 0 ? example.map((l) => l.text).join("\n") : null,
    descriptionLines: description, exampleLine: example[0] ?? null,
    nameFrom: nameless ? `the page has no Name cell for this row (page line ${units[from]!.n}); import-doc named it after its description` : null,
  };
}

/** Reads a table's lines into rows; a "Custom Fields" line marks the table as accepting custom fields. */
export function readRows(lines: readonly PageLine[], notes: PageNote[]): { rows: PageRow[]; customFields: boolean } {
  const units = lines.filter((l) => !CUSTOM_FIELDS.test(l.text));
  const customFields = units.length !== lines.length;
  if (units.length === 0) return { rows: [], customFields };
  const starts = rowStarts(units);
  const taken = new Set(starts.filter((s) => !isNameless(units, s)).map((s) => units[s]!.text));
  const rows = starts.map((s, k) => readRow(units, s, starts[k + 1] ?? units.length, taken, notes));
  return { rows, customFields };
}
