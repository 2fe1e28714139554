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

export const ERRATUM_PROPERTIES = ["description", "example", "docRequired", "title"] as const;
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
  readonly table: Located<string> | null;
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

export interface RawTable {
  readonly pos: SourcePos;
  readonly title: Located<string>;
  readonly customFields: boolean;
  readonly fields: readonly RawField[];
  readonly rules: readonly RawRule[];
  readonly errata: readonly RawErratum[];
}

/** A spec file as written, checked for shape but not yet for meaning. */
export interface RawSpec extends RawTable {
  readonly file: string;
  readonly objectType: Located<string>;
  readonly tags: readonly Tag[];
  readonly tables: readonly RawTable[];
}
