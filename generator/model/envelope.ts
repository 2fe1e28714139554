import type { EnvelopeKey, Field, Model, Tag } from "./ir.ts";

/**
 * The ingestion request envelope (SEMANTICS.md, last section). It is not in the doc's entity tables: its fields'
 * meanings are SEMANTICS.md's (here, once, for every artefact that describes it), while what the documentation says
 * of them and the entry limits are in specs/api.yaml (model.api.envelope and model.api.entries), so that a change to
 * them is a spec change.
 */

/** The fields of the ingestion request's envelope, in the documentation's order. */
export const ENVELOPE_KEYS: readonly EnvelopeKey[] = ["objectType", "source", "jeConfigId", "jeEventKey", "entries", "ignoredUpdateCfs"];

/** The only custom-field names the documentation shows (in its `ignoredUpdateCfs` examples). */
export const DOC_CUSTOM_FIELDS = ["customField01", "customFieldLong03"] as const;

/** The tag that allows `ignoredUpdateCfs` in a request for the entity. */
export const IGNORED_UPDATE_CFS_TAG: Tag = "SUPPORT_IGNORED_UPDATE_CFS";

const POS = { file: "SEMANTICS.md", line: 1, col: 1 } as const;

function field(name: string, type: Field["type"], required: boolean, description: string, values: readonly string[] | null = null, valuesConst: string | null = null, example: string | null = null): Field {
  return {
    kind: "field", pos: POS, name, docType: type === "list" ? "array of strings" : "string", type, tableless: false, tableOpen: false, required, requiredBy: null, docRequired: required,
    description, example, exampleValue: example ?? undefined, default: null, defaultValue: undefined,
    doc: { description, example: null, docType: type === "list" ? "array of strings" : "string" }, enum: values, format: null,
    minimum: null, maximum: null, table: null, enumTypeName: null, enumConstName: valuesConst,
  };
}

/** The envelope's own fields, in the documentation's order; `entries` (between jeEventKey and ignoredUpdateCfs) is not a plain field. */
export function envelopeFields(model: Model): { objectType: Field; strings: readonly Field[]; ignoredUpdateCfs: Field } {
  const text = model.api.envelope;
  return {
    objectType: field("objectType", "string", true, text.objectType, model.entities.map((e) => e.objectType), "OBJECT_TYPES"),
    strings: [
      field("source", "string", true, text.source, null, null, "CRM"),
      field("jeConfigId", "string", false, text.jeConfigId),
      field("jeEventKey", "string", false, text.jeEventKey),
    ],
    ignoredUpdateCfs: field("ignoredUpdateCfs", "list", false, text.ignoredUpdateCfs),
  };
}

/** Whether a request for the entity may carry `ignoredUpdateCfs`. */
export function allowsIgnoredUpdateCfs(tags: readonly Tag[]): boolean {
  return tags.includes(IGNORED_UPDATE_CFS_TAG);
}
