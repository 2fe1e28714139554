import { DocPageError, type PageLine, type PageNote } from "./page-model.ts";
import { isTypeWord } from "./page-rows.ts";

/** A heading with the lines of its table (header row removed), before rows are read. */
export interface PageSection {
  readonly title: string;
  readonly line: number;
  readonly objectType: string | null;
  readonly tags: readonly string[];
  readonly units: readonly PageLine[];
}

/** Where a saved copy stops when it has no page furniture after the content (a cut copy). */
export interface PageCut {
  /** The last line of the content. */
  readonly line: number;
  /** The line of a header row with no heading that the copy ends in, when it ends so. */
  readonly headerLine: number | null;
}

// The tag at the end of a heading line; the title is what precedes it (matched without backtracking over the title).
const HEADING_TAIL = /<([a-z][a-z0-9]*(?:-[a-z0-9]+)*)>(?:\s*\[([A-Za-z0-9_]+)\])?$/u;
/** Lines longer than this are no cell of a field table; refusing them keeps every pattern below linear in practice. */
export const MAX_LINE = 4000;
const CUSTOM_FIELDS = /^custom fields?$/iu;
const TAG_LINE = /^\[([A-Z][A-Z0-9_]*)\]$/u;
const BRACKET_REF = /^\[\s*([^\]]*?\S)\s*\]$/u;
// Page furniture that follows the content in an exported GitBook page.
const FURNITURE = [/^Previous.*Next/u, /^Last updated\b/u, /^Was this helpful\?$/u];
// Header cells in order; wording varies ("Valid Value / Description").
const HEADER_CELLS = [/^name$/iu, /^type$/iu, /^required$/iu, /^(valid values?\s*\/\s*)?description$/iu, /^examples?$/iu];

/** The page's non-blank lines, any line ending (LF, CRLF, CR), numbered from 1. */
export function pageLines(text: string): PageLine[] {
  const out: PageLine[] = [];
  text.replace(/^\uFEFF/u, "").split(/\r\n|\r|\n/u).forEach((raw, i) => {
    const t = raw.trim();
    if (t.length > MAX_LINE) throw new DocPageError(`the line has ${t.length} characters; a documentation page's lines have at most ${MAX_LINE}`, i + 1);
    if (t !== "") out.push({ n: i + 1, text: t });
  });
  return out;
}

/** How many header-row lines start at `i` (0 when none): at least Name and two more header words, in order. */
export function headerLength(lines: readonly PageLine[], i: number): number {
  let k = 0, matched = 0;
  for (const cell of HEADER_CELLS) {
    const line = lines[i + k];
    if (line && cell.test(line.text)) { k++; matched++; }
  }
  return matched >= 3 && HEADER_CELLS[0]!.test(lines[i]?.text ?? "") ? k : 0;
}

/** A heading like `Customer Identity Entity <customer-identity>` (not a bullet of the "On this page" list). */
export function readHeading(text: string): { title: string; objectType: string; tag: string | null } | null {
  const m = HEADING_TAIL.exec(text);
  const title = m ? text.slice(0, m.index).trim() : "";
  if (!m || title === "" || title.startsWith("•") || /[<>]/u.test(title)) return null;
  return { title, objectType: m[1]!, tag: m[2] ?? null };
}

/** Whether a table follows the heading at i: (after a tag line) a header row, or a name with a Type word or Yes. */
function startsTable(lines: readonly PageLine[], i: number): boolean {
  const j = lines[i + 1] && TAG_LINE.test(lines[i + 1]!.text) ? i + 2 : i + 1;
  return headerLength(lines, j) > 0 || tableFollows(lines, j);
}

/** The content between the first entity heading and the page furniture after it (the end of the copy when it has none). */
function contentBounds(lines: readonly PageLine[]): { start: number; end: number; cut: boolean } {
  // The first heading with a table under it: earlier ones are entries of an "On this page" list.
  const headings = lines.map((l, i) => (readHeading(l.text) ? i : -1)).filter((i) => i >= 0);
  const start = headings.find((i) => startsTable(lines, i)) ?? headings.find((i) => lines[i + 1] && !readHeading(lines[i + 1]!.text)) ?? -1;
  if (start < 0) throw new DocPageError("the page has no entity table: no heading like `Customer Identity Entity <customer-identity>` was found");
  const end = lines.findIndex((l, i) => i > start && FURNITURE.some((re) => re.test(l.text)));
  // An exported page always ends with its furniture; a copy without it was cut short.
  return end < 0 ? { start, end: lines.length, cut: true } : { start, end, cut: false };
}

/** Titles named by the bracket examples (`[ Order Item Entity ]`) of Object/Array rows: candidates for nested-table headings. */
function bracketTitles(lines: readonly PageLine[]): Set<string> {
  const titles = new Set<string>();
  lines.forEach((l, i) => {
    const m = BRACKET_REF.exec(l.text);
    if (!m || TAG_LINE.test(l.text)) return;
    // The row's Type cell is the nearest type word above the example (a row's cells are a few lines).
    let k = i - 1;
    while (k >= 0 && k > i - 50 && !isTypeWord(lines[k]!.text)) k--;
    if (k >= 0 && /^(object|array)$/iu.test(lines[k]!.text)) titles.add(m[1]!);
  });
  return titles;
}

/** A name cell followed by a Type word or the Required mark: the first row of a table without a header. */
function rowFollows(lines: readonly PageLine[], i: number): boolean {
  const second = lines[i + 1]?.text;
  return lines[i] !== undefined && second !== undefined && (isTypeWord(second) || /^yes$/iu.test(second));
}

/** A first row, or a "Custom Fields" row and then a first row (a nested table without a header row). */
function tableFollows(lines: readonly PageLine[], i: number): boolean {
  return rowFollows(lines, i) || (CUSTOM_FIELDS.test(lines[i]?.text ?? "") && rowFollows(lines, i + 1));
}

/** The start of a header row that a cut copy ends in (at least "Name" and "Type"), or -1. */
function trailingHeader(lines: readonly PageLine[]): number {
  for (let i = Math.max(0, lines.length - HEADER_CELLS.length); i < lines.length - 1; i++) {
    const tail = lines.slice(i);
    if (tail.every((l, k) => HEADER_CELLS[k]!.test(l.text))) return i;
  }
  return -1;
}

/**
 * Whether the line at i starts a nested table: a line over a header row, or a title that a bracket example
 * names with a first row under it (so that a cell equal to some bracketed text is not taken for a heading).
 */
function isSubHeading(lines: readonly PageLine[], i: number, titles: Set<string>): boolean {
  const text = lines[i]!.text;
  if (text.startsWith("•") || headerLength(lines, i) > 0) return false;
  return headerLength(lines, i + 1) > 0 || (titles.has(text) && tableFollows(lines, i + 1));
}

/**
 * Splits the content into headed sections; tags and the header row are taken off each. `cut` says where a copy
 * without page furniture stops; a header row it ends in (a table whose heading and rows are lost) is reported.
 */
export function pageSections(lines: readonly PageLine[], notes: PageNote[]): { sections: PageSection[]; cut: PageCut | null } {
  const bounds = contentBounds(lines);
  let content = lines.slice(bounds.start, bounds.end);
  let cut: PageCut | null = null;
  if (bounds.cut && content.length > 0) {
    const header = trailingHeader(content);
    const headerLine = header > 0 ? content[header]!.n : null;
    if (header > 0) {
      notes.push({ line: headerLine!, severity: "warning", code: "cut-copy", message: "the saved copy stops in the header row of a table with no heading: that table's title and rows are unknown, nothing is drafted for it" });
      content = content.slice(0, header);
    }
    cut = { line: content[content.length - 1]!.n, headerLine };
  }
  const titles = bracketTitles(content);
  const sections: { title: string; line: number; objectType: string | null; tags: string[]; units: PageLine[] }[] = [];
  for (let i = 0; i < content.length; i++) {
    const l = content[i]!;
    const h = readHeading(l.text);
    const current = sections[sections.length - 1];
    const tag = TAG_LINE.exec(l.text);
    if (!h && current && tag && current.units.length === 0) { current.tags.push(tag[1]!); continue; }
    if (h || !current || isSubHeading(content, i, titles)) {
      sections.push({ title: h ? h.title : l.text, line: l.n, objectType: h?.objectType ?? null, tags: h?.tag ? [h.tag] : [], units: [] });
      continue;
    }
    const header = current.units.length === 0 ? headerLength(content, i) : 0;
    if (header > 0) { i += header - 1; continue; }
    current.units.push(l);
  }
  for (const s of sections) {
    if (s.units.length === 0) notes.push({ line: s.line, severity: "error", code: "empty-table", message: `the heading "${s.title}" has no table rows under it` });
  }
  return { sections, cut };
}
