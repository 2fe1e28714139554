/** What the documentation importer reads from a page, before it becomes draft specs. */

/** One non-blank line of the page, without surrounding spaces, with its 1-based line number. */
export interface PageLine {
  readonly n: number;
  readonly text: string;
}

/** Something the importer could not read, or read by a rule the maintainer should confirm. */
export interface PageNote {
  readonly line: number;
  readonly severity: "error" | "warning" | "info";
  readonly code: string;
  readonly message: string;
}

/** One row of a field table: the Name cell, the optional Type and Required cells, then the remaining cells. */
export interface PageRow {
  readonly name: PageLine;
  readonly docType: PageLine | null;
  readonly docRequired: boolean;
  readonly description: string | null;
  readonly example: string | null;
  /** Lines of the Valid value / Description cell, in order (rule sentences are read from these). */
  readonly descriptionLines: readonly PageLine[];
  readonly exampleLine: PageLine | null;
  /** The row has no Name cell (a page saved without blank lines can lose one): `name` was derived, see `nameFrom`. */
  readonly nameFrom: string | null;
}

/** A field table under a heading: an entity's (with an object type) or a nested one. */
export interface PageTable {
  readonly title: string;
  readonly line: number;
  readonly objectType: string | null;
  readonly tags: readonly string[];
  readonly customFields: boolean;
  readonly rows: readonly PageRow[];
  /** The saved copy stops inside this table, after `after` (whose last cell may itself be cut) at page line `line`. */
  readonly incomplete: { readonly after: string; readonly note: string; readonly line: number } | null;
}

/** A page the importer refuses as a whole (no entity table, not text). */
export class DocPageError extends Error {
  override name = "DocPageError";
  constructor(message: string, readonly line: number | null = null) {
    super(message);
  }
}

/** `page.txt:12 warning code: message`, like the spec diagnostics. */
export function formatNote(file: string, note: PageNote): string {
  return `${file}:${note.line} ${note.severity} ${note.code}: ${note.message}`;
}
