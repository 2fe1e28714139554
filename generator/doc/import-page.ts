/**
 * import-doc: a documentation page exported as text (like docs/customer.txt) to draft specs.
 *
 * How the page is read, by its structure rather than by the Customer page's fields:
 * - Content starts at the first heading `Title <object-type>` with a table under it (earlier ones belong to an
 *   "On this page" list) and ends at the page furniture ("Previous…Next", "Last updated", "Was this helpful?").
 * - A table is the lines under a heading: an optional tag line, an optional header row, then one cell per
 *   non-blank line. A nested table is a heading over a header row, or a title an Object/Array row names in
 *   brackets with a first row under it.
 * - A row starts at a name followed by a Type word or "Yes"; a lower-camel-case name followed by a sentence
 *   starts a row without a type. After Name, Type and Required, the last cell is the example unless it is a
 *   bullet or a rule sentence; a single cell is the example only when it is one token other than the field's
 *   own name ("Active", "RS3"; not "ZipCode").
 * - Enums, formats, ranges and conditional rules are inferred in infer.ts and rules.ts; values that look
 *   wrong become suspects (suspects.ts). Whatever cannot be read is a note with its page line.
 */
import { DocPageError, type PageNote, type PageTable } from "./page-model.ts";
import { pageLines, pageSections, type PageSection } from "./page-sections.ts";
import { readRows } from "./page-rows.ts";
import { draftSpecs, type DraftSpec } from "./draft.ts";
import { findSuspects, type Suspect } from "./suspects.ts";
import { TAGS } from "../check/raw-spec.ts";

/** What importing one documentation page gives: one draft spec per entity, and what needs a human look. */
export interface ImportedPage {
  readonly specs: readonly DraftSpec[];
  readonly notes: readonly PageNote[];
  /** Doc values that look wrong (candidate errata); the draft keeps the doc's text, as the hand specs do. */
  readonly suspects: readonly Suspect[];
  readonly rows: number;
}

function readTable(section: PageSection, notes: PageNote[]): PageTable {
  const { rows, customFields } = readRows(section.units, notes);
  for (const tag of section.tags) {
    if (!(TAGS as readonly string[]).includes(tag)) notes.push({ line: section.line, severity: "warning", code: "unknown-tag", message: `unknown tag [${tag}] is not kept` });
  }
  const tags = section.tags.filter((t) => (TAGS as readonly string[]).includes(t));
  return { title: section.title, line: section.line, objectType: section.objectType, tags, customFields, rows };
}

/** Two rows of one table, or two entities, with the same name cannot both become spec entries. */
function duplicates(tables: readonly PageTable[], notes: PageNote[]): void {
  const types = new Map<string, number>();
  for (const t of tables) {
    const seen = new Set<string>();
    for (const r of t.rows) {
      if (seen.has(r.name.text)) notes.push({ line: r.name.n, severity: "error", code: "duplicate-field", message: `"${r.name.text}" appears twice in "${t.title}"` });
      seen.add(r.name.text);
    }
    if (t.objectType === null) continue;
    const first = types.get(t.objectType);
    if (first !== undefined) notes.push({ line: t.line, severity: "error", code: "duplicate-entity", message: `<${t.objectType}> is already the object type of the heading on line ${first}` });
    else types.set(t.objectType, t.line);
  }
}

function byLine(a: PageNote, b: PageNote): number {
  return a.line - b.line || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

/** Reads a documentation page exported as text (see customer.txt) into draft specs. Pure; throws DocPageError for a page with no entity table. */
export function importPage(text: string): ImportedPage {
  const notes: PageNote[] = [];
  const tables = pageSections(pageLines(text), notes).map((s) => readTable(s, notes));
  if (!tables.some((t) => t.objectType !== null && t.rows.length > 0)) throw new DocPageError("the page has no entity table with rows");
  duplicates(tables, notes);
  const specs = draftSpecs(tables, notes);
  const suspects = findSuspects(specs, notes);
  return { specs, notes: notes.sort(byLine), suspects, rows: tables.reduce((n, t) => n + t.rows.length, 0) };
}
