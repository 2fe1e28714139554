import type { SourcePos } from "../check/diagnostics.ts";
import type { FieldType, Format, Tag, ErratumProperty } from "../check/raw-spec.ts";

export type { FieldType, Format, Tag, ErratumProperty, SourcePos };

export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** One field of a table: the doc's facts verbatim, and the effective constraints every artefact implements. */
export interface Field {
  readonly kind: "field";
  readonly pos: SourcePos;
  /** The property key, verbatim (may be any string; emitters quote it). */
  readonly name: string;
  /** The doc's Type column as written; null when blank. */
  readonly docType: string | null;
  readonly type: FieldType;
  /** Must be present, not null and (for strings) not blank. */
  readonly required: boolean;
  /** Doc sentences of an all-of rule that makes the field required, when that is why. */
  readonly requiredBy: readonly string[] | null;
  /** The doc's Required column says Yes. */
  readonly docRequired: boolean;
  /** Description and example after errata; the `doc` ones are verbatim. */
  readonly description: string | null;
  readonly example: string | null;
  /** The example as a JSON value of the field's type; undefined when there is none or it is a table reference. */
  readonly exampleValue: JsonValue | undefined;
  readonly doc: { readonly description: string | null; readonly example: string | null };
  readonly enum: readonly string[] | null;
  readonly format: Format | "date" | null;
  /** Effective inclusive range for numeric types (explicit or implied by the type); null for non-numbers. */
  readonly minimum: number | null;
  readonly maximum: number | null;
  /** For object/array fields: the nested table's type name. */
  readonly table: string | null;
  /** Names decided by the naming step, for enum fields. */
  readonly enumTypeName: string | null;
  readonly enumConstName: string | null;
}

/** "At least one group has all its fields present." */
export interface AnyOfRule {
  readonly kind: "any-of";
  readonly pos: SourcePos;
  readonly groups: readonly (readonly string[])[];
  readonly doc: readonly string[];
}

export interface Erratum {
  readonly kind: "erratum";
  readonly pos: SourcePos;
  readonly field: string | null;
  readonly property: ErratumProperty;
  readonly doc: string;
  readonly corrected: string | null;
  readonly note: string;
}

/** A table of fields: an entity's own, or a nested one. */
export interface Table {
  readonly kind: "table" | "entity";
  readonly pos: SourcePos;
  readonly title: string;
  readonly typeName: string;
  readonly validateName: string;
  readonly isName: string;
  readonly customFields: boolean;
  readonly fields: readonly Field[];
  readonly rules: readonly AnyOfRule[];
  readonly errata: readonly Erratum[];
}

export interface Entity extends Table {
  readonly kind: "entity";
  readonly objectType: string;
  readonly tags: readonly Tag[];
  /** Nested tables, in the order the spec lists them. */
  readonly tables: readonly Table[];
  /** Source spec file, as displayed. */
  readonly file: string;
}

export interface PackageInfo {
  readonly name: string;
  readonly version: string;
}

export interface ApiInfo {
  readonly title: string;
  readonly serverUrl: string;
  readonly serverDescription: string;
  readonly ingestionPath: string;
  readonly authenticationPath: string;
  readonly callbackName: string;
  /** How many entries one ingestion request carries (inclusive). */
  readonly entries: { readonly min: number; readonly max: number };
}

export interface Model {
  readonly kind: "model";
  /** Sorted by object type (code point). */
  readonly entities: readonly Entity[];
  readonly package: PackageInfo;
  readonly api: ApiInfo;
}
