import type { Envelope, EnvelopeField, Field, Model, StructuralEnvelopeKey, Tag } from "./ir.ts";

/**
 * The ingestion request envelope (SEMANTICS.md, last section). It is not in the doc's entity tables: its fields'
 * structure is SEMANTICS.md's (here, once, for every artefact that describes it), while what the documentation says
 * of its fields, which plain string fields it has, and the entry limits are in specs/api.yaml (model.api.envelope and
 * model.api.entries), so that a change to them is a spec change.
 */

/** The envelope's table name where diff and the changelog place its fields (the request type's name). */
export const ENVELOPE_TABLE = "IngestionRequest";

/** The envelope fields whose structure SEMANTICS.md gives; api.yaml describes them and may add plain string fields. */
export const STRUCTURAL_ENVELOPE_KEYS: readonly StructuralEnvelopeKey[] = ["objectType", "entries", "ignoredUpdateCfs"];

/** Every field of the envelope, in the documentation's order: objectType, the plain fields, entries, ignoredUpdateCfs. */
export function envelopeKeys(model: Model): string[] {
  return ["objectType", ...model.api.envelope.fields.map((f) => f.name), "entries", "ignoredUpdateCfs"];
}

/** The tag that allows `ignoredUpdateCfs` in a request for the entity. */
export const IGNORED_UPDATE_CFS_TAG: Tag = "SUPPORT_IGNORED_UPDATE_CFS";

const POS = { file: "SEMANTICS.md", line: 1, col: 1 } as const;

function field(name: string, type: Field["type"], required: boolean, description: string, values: readonly string[] | null = null, valuesConst: string | null = null, example: string | null = null, exampleValue: Field["exampleValue"] = example ?? undefined): Field {
  return {
    kind: "field", pos: POS, name, docType: type === "list" ? "array of strings" : "string", type, tableless: false, tableOpen: false, required, requiredBy: null, docRequired: required,
    description, example, exampleValue, default: null, defaultValue: undefined,
    doc: { description, example: null, docType: type === "list" ? "array of strings" : "string" }, enum: values, format: null,
    minimum: null, maximum: null, table: null, enumTypeName: null, enumConstName: valuesConst,
  };
}

/** The envelope's own fields, in the documentation's order; `entries` (between the strings and ignoredUpdateCfs) is not a plain field. */
export function envelopeFields(model: Model): { objectType: Field; strings: readonly Field[]; ignoredUpdateCfs: Field } {
  const { text, fields, customFields } = model.api.envelope;
  return {
    objectType: field("objectType", "string", true, text.objectType, model.entities.map((e) => e.objectType), "OBJECT_TYPES"),
    strings: fields.map((f) => field(f.name, "string", f.required, f.description, null, null, f.example)),
    ignoredUpdateCfs: field("ignoredUpdateCfs", "list", false, text.ignoredUpdateCfs, null, null, JSON.stringify(customFields), [...customFields]),
  };
}

/** A value of a plain envelope field for examples and fixtures: its example, or an illustrative string naming it. */
function envelopeValue(f: EnvelopeField): string {
  return f.example ?? `illustrative-${f.name}`;
}

/**
 * An envelope of `objectType` for examples and fixtures: the plain fields (the required ones, or `all`) at their values,
 * then `entries`, then with `ignoredUpdateCfs` the custom-field names the documentation shows.
 */
export function exampleEnvelope<E>(envelope: Envelope, objectType: string, entries: E, opts: { all?: boolean; ignoredUpdateCfs?: boolean } = {}): { [key: string]: string | string[] | E } {
  const out: { [key: string]: string | string[] | E } = { objectType };
  for (const f of envelope.fields) if (opts.all || f.required) out[f.name] = envelopeValue(f);
  out.entries = entries;
  if (opts.ignoredUpdateCfs) out.ignoredUpdateCfs = [...envelope.customFields];
  return out;
}

/** Whether a request for the entity may carry `ignoredUpdateCfs`. */
export function allowsIgnoredUpdateCfs(tags: readonly Tag[]): boolean {
  return tags.includes(IGNORED_UPDATE_CFS_TAG);
}
