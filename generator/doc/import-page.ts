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
import { pageLines, pageSections, type PageCut, type PageSection } from "./page-sections.ts";
import { readRows } from "./page-rows.ts";
import { draftSpecs, type DraftSpec } from "./draft.ts";
import type { RuleCorrections } from "./rules.ts";
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

/** Where a cut copy stops inside its last table, for the draft's `incomplete` and a warning with the page line. */
function incompleteAt(section: PageSection, rows: PageTable["rows"], cut: PageCut, notes: PageNote[]): PageTable["incomplete"] {
  const last = rows[rows.length - 1];
  if (!last) return null;
  const lastLine = section.units[section.units.length - 1]!;
  const note = `The saved copy of the page stops here, after page line ${cut.line} ("${lastLine.text}") in the row of ${last.name.text}, whose text may be cut; the rest of the table is unknown.`;
  notes.push({ line: cut.line, severity: "warning", code: "cut-copy", message: `the saved copy stops inside the table "${section.title}" after the row "${last.name.text}" (its last cell "${lastLine.text}" may be cut): the draft marks the table incomplete` });
  return { after: last.name.text, note, line: cut.line };
}

function readTable(section: PageSection, notes: PageNote[], cut: PageCut | null): PageTable {
  const { rows, customFields } = readRows(section.units, notes);
  for (const tag of section.tags) {
    if (!(TAGS as readonly string[]).includes(tag)) notes.push({ line: section.line, severity: "warning", code: "unknown-tag", message: `unknown tag [${tag}] is not kept` });
  }
  const tags = section.tags.filter((t) => (TAGS as readonly string[]).includes(t));
  const incomplete = cut && cut.headerLine === null ? incompleteAt(section, rows, cut, notes) : null;
  return { title: section.title, line: section.line, objectType: section.objectType, tags, customFields, rows, incomplete };
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

/**
 * Reads a documentation page exported as text (see customer.txt) into draft specs; `page` (the file name in
 * pages/) is recorded in each draft. Pure; throws DocPageError for a page with no entity table.
 */
export function importPage(text: string, page?: string, corrections?: RuleCorrections): ImportedPage {
  const notes: PageNote[] = [];
  const { sections, cut } = pageSections(pageLines(text), notes);
  const tables = sections.map((s, i) => readTable(s, notes, i === sections.length - 1 ? cut : null));
  if (!tables.some((t) => t.objectType !== null && t.rows.length > 0)) throw new DocPageError("the page has no entity table with rows");
  duplicates(tables, notes);
  const specs = draftSpecs(tables, notes, corrections).map((s) => (page === undefined ? s : { ...s, page }));
  const suspects = findSuspects(specs, notes);
  return { specs, notes: notes.sort(byLine), suspects, rows: tables.reduce((n, t) => n + t.rows.length, 0) };
}
