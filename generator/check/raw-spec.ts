import type { SourcePos } from "./diagnostics.ts";

/** A value read from a spec, with where it was written. */
export interface Located<T> {
  readonly value: T;
  readonly pos: SourcePos;
}

export const FIELD_TYPES = ["string", "integer", "long", "double", "float", "boolean", "timestamp", "date", "list", "object", "array"] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const FORMATS = ["email", "uri", "country-alpha2", "country-alpha3"] as const;
export type Format = (typeof FORMATS)[number];

export const TAGS = ["SUPPORT_IGNORED_UPDATE_CFS"] as const;
export type Tag = (typeof TAGS)[number];

/**
 * What an erratum corrects: a cell of a row (`docType`, `description`, `example`, `docRequired`), the table's
 * `title`, or a conditional `rule` whose doc sentence names fields by another word.
 */
export const ERRATUM_PROPERTIES = ["description", "example", "docRequired", "title", "docType", "rule"] as const;
export type ErratumProperty = (typeof ERRATUM_PROPERTIES)[number];

export interface RawField {
  readonly pos: SourcePos;
  readonly name: Located<string>;
  readonly docType: Located<string | null>;
  readonly type: Located<FieldType>;
  readonly required: boolean;
  readonly docRequired: boolean;
  readonly description: Located<string> | null;
  readonly example: Located<string> | null;
  readonly enum: { readonly pos: SourcePos; readonly values: readonly Located<string>[] } | null;
  readonly format: Located<Format> | null;
  readonly minimum: Located<number> | null;
  readonly maximum: Located<number> | null;
  /** The nested table's title; value null when the spec writes `table: null` (the doc names none); null when omitted. */
  readonly table: Located<string | null> | null;
  /** The documented default, verbatim ("Default: Created"). */
  readonly default: Located<string> | null;
}

/** Whether the spec writes `table: null`: an Array row with no nested table (a list of strings, SEMANTICS.md). */
export function isTableless(f: RawField): boolean {
  return f.table !== null && f.table.value === null;
}

export type RawRule =
  | { readonly kind: "any-of"; readonly pos: SourcePos; readonly groups: readonly (readonly Located<string>[])[]; readonly doc: readonly string[] }
  | { readonly kind: "all-of"; readonly pos: SourcePos; readonly fields: readonly Located<string>[]; readonly doc: readonly string[] };

export interface RawErratum {
  readonly pos: SourcePos;
  readonly field: Located<string> | null;
  readonly property: ErratumProperty;
  readonly doc: string;
  readonly corrected: string | null;
  readonly note: string;
}

/** Where the saved copy of the page stops inside a table. */
export interface RawIncomplete {
  readonly pos: SourcePos;
  readonly after: Located<string>;
  readonly note: string;
}

export interface RawTable {
  readonly pos: SourcePos;
  readonly title: Located<string>;
  readonly customFields: boolean;
  readonly incomplete: RawIncomplete | null;
  /** A maintainer's notes on how the table was read (decisions where the doc is unclear). */
  readonly notes: readonly string[];
  readonly fields: readonly RawField[];
  readonly rules: readonly RawRule[];
  readonly errata: readonly RawErratum[];
}

/** A spec file as written, checked for shape but not yet for meaning. */
export interface RawSpec extends RawTable {
  readonly file: string;
  /** The saved page in `pages/` the spec was transcribed from. */
  readonly page: Located<string> | null;
  readonly objectType: Located<string>;
  readonly tags: readonly Tag[];
  readonly tables: readonly RawTable[];
}

/** An API shape's map: one key (`name`) whose value maps any key (a refId) to a record of the shape `values`. */
export interface RawShapeMap {
  readonly pos: SourcePos;
  readonly name: Located<string>;
  readonly description: Located<string>;
  readonly values: Located<string>;
}

/** One of the API's other shapes in api.yaml's `shapes`: a table of fields, or a map of records of another shape. */
export interface RawShape {
  readonly pos: SourcePos;
  readonly typeName: Located<string>;
  readonly title: Located<string>;
  readonly description: Located<string>;
  /** Further notes, stated after the description wherever it is (a contradiction of the documentation). */
  readonly notes: readonly string[];
  /** Accepts keys it does not list (what Pango sends); only a table shape. */
  readonly open: boolean;
  /** Null when the shape writes no `fields` (a map shape). */
  readonly fields: readonly RawField[] | null;
  readonly map: RawShapeMap | null;
  /** Whole valid records beyond the one its field examples make, e.g. a failure beside a success. */
  readonly examples: readonly RawShapeExample[];
}

/**
 * A named example record of a table shape: the package's fixtures hold it, and the OpenAPI document shows it for
 * each operation response its `for` names (a result shape's examples, in the callback's body).
 */
export interface RawShapeExample {
  readonly pos: SourcePos;
  readonly name: Located<string>;
  readonly summary: Located<string>;
  readonly description: Located<string> | null;
  /** Operation responses ("ingestion 400"), each located. */
  readonly for: readonly Located<string>[];
  /** The record (a mapping), located where it is written. */
  readonly value: Located<unknown>;
}
