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
  /** The doc's Type column after errata (a `docType` erratum corrects `Object` for a list); `doc.docType` is verbatim. */
  readonly docType: string | null;
  /**
   * The effective type. An `array` row whose doc names no nested table (`table: null`) is `list` here (an array of
   * strings, SEMANTICS.md "Types"); an `object` one stays `object` with `table` null: a JSON object with any keys.
   */
  readonly type: FieldType;
  /** The spec writes `table: null`: an Array/Object row for which the doc names no nested table. */
  readonly tableless: boolean;
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
  readonly doc: { readonly description: string | null; readonly example: string | null; readonly docType: string | null };
  /** The documented default, verbatim, and as a JSON value of the field's type (documentation only: never filled in). */
  readonly default: string | null;
  readonly defaultValue: JsonValue | undefined;
  readonly enum: readonly string[] | null;
  readonly format: Format | "date" | null;
  /** Effective inclusive range for numeric types (explicit or implied by the type); null for non-numbers. */
  readonly minimum: number | null;
  readonly maximum: number | null;
  /** For object/array fields: the nested table's type name; null for a tableless object (any keys). */
  readonly table: string | null;
  /** The nested table accepts unknown keys (its `acceptsUnknownKeys`), so its records may carry keys it does not list. */
  readonly tableOpen: boolean;
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

export interface Incomplete {
  /** The last field the saved copy shows (its text may itself be cut). */
  readonly after: string;
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
  /** The doc's table has a "Custom Fields" row. */
  readonly customFields: boolean;
  /** The saved copy stops inside this table after the row `after`: the rows after it are unknown. */
  readonly incomplete: Incomplete | null;
  /** Unknown keys are accepted (any JSON value): the table has custom fields, or its copy is incomplete. */
  readonly acceptsUnknownKeys: boolean;
  /** A maintainer's notes on how the table was read. */
  readonly notes: readonly string[];
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
  /** The saved page (in `pages/`) the spec was transcribed from; null for specs that name none. */
  readonly page: string | null;
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
  /** The documented rate limits of data ingestion, and the response header that reports them. */
  readonly rateLimits: RateLimits;
  /** The headers the documentation names: data ingestion's two credentials, and what the callback carries. */
  readonly headers: ApiHeaders;
  /** The ingestion request's envelope as the documentation describes it (api.yaml `envelope`). */
  readonly envelope: Envelope;
}

/** The envelope fields whose structure SEMANTICS.md gives: which entity, its records, the custom fields not to overwrite. */
export type StructuralEnvelopeKey = "objectType" | "entries" | "ignoredUpdateCfs";

/** One of the envelope's other fields: a string, required or not (`source`, `jeConfigId`, …). */
export interface EnvelopeField {
  /** Where api.yaml writes it; null for the generator's defaults (a specs folder whose api.yaml has no `envelope`). */
  readonly pos: SourcePos | null;
  readonly name: string;
  readonly description: string;
  readonly required: boolean;
  readonly example: string | null;
}

/**
 * api.yaml's `envelope`: the request body's fields in the documentation's order, as every artefact that describes the
 * envelope states them. The structural fields' meanings are SEMANTICS.md's; the others are strings, as written.
 */
export interface Envelope {
  /** The description of each structural field. */
  readonly text: Readonly<Record<StructuralEnvelopeKey, string>>;
  /** The other fields, in the documentation's order (between objectType and entries). */
  readonly fields: readonly EnvelopeField[];
  /**
   * The custom-field names the documentation shows (its `ignoredUpdateCfs` example; api.yaml
   * `envelope.ignoredUpdateCfs.example`): the `ignoredUpdateCfs` examples and the fixtures' custom fields use them.
   */
  readonly customFields: readonly string[];
}

/** A request header the documentation names. */
export interface ApiHeader {
  readonly name: string;
  readonly description: string;
}

/** api.yaml's `headers`. */
export interface ApiHeaders {
  /** Carries the authentication operation's token on every data ingestion call (a security scheme, required). */
  readonly token: ApiHeader;
  /** Carries the user's API key on every data ingestion call (a security scheme, required). */
  readonly apiKey: ApiHeader;
  /** What Pango's callback carries, each optional, in the documentation's order. */
  readonly callback: readonly ApiHeader[];
}

/** api.yaml's `rateLimits`: the header (seconds to wait before retrying) and each limit, as the documentation lists them. */
export interface RateLimits {
  readonly header: string;
  readonly limits: readonly { readonly requests: number; readonly per: string }[];
}

/** The callback: one key (`data`) whose object maps each refId to a record of a table shape. */
export interface MapShape {
  readonly typeName: string;
  readonly title: string;
  readonly description: string;
  readonly validateName: string;
  readonly isName: string;
  readonly data: { readonly name: string; readonly description: string; readonly result: Table };
}

/** A named example record of a table shape (api.yaml): in the fixtures, and in the OpenAPI responses `for` names. */
export interface ShapeExample {
  /** Keys the example in the OpenAPI document's `examples` maps. */
  readonly name: string;
  readonly summary: string;
  readonly description: string | null;
  /** The operation responses that show it ("ingestion 400"); a result shape's examples show in the callback's body. */
  readonly for: readonly string[];
  readonly value: JsonValue;
}

/** The API's shapes beside the entities (api.yaml's `shapes`): authentication, responses, the callback. */
export interface ApiShapes {
  /** The table shapes, in api.yaml's order; `notes` starts with the shape's description. */
  readonly tables: readonly Table[];
  readonly callback: MapShape;
  /** Whole valid records of a table shape beyond its field examples, by type name, in api.yaml's order. */
  readonly examples: Readonly<Record<string, readonly ShapeExample[]>>;
  /** The file the shapes were read from, as displayed (banners name it). */
  readonly file: string;
}

export interface Model {
  readonly kind: "model";
  /** Sorted by object type (code point). */
  readonly entities: readonly Entity[];
  readonly package: PackageInfo;
  readonly api: ApiInfo;
  readonly shapes: ApiShapes;
}
