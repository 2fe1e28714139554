import type { Field, Model, Tag } from "./ir.ts";

/**
 * The ingestion request envelope (SEMANTICS.md, last section). It is not in the doc's entity tables, so
 * its facts live here, once, for every artefact that describes it (JSON Schema, validators); the entry
 * limits are in specs/api.yaml (model.api.entries), so that a change to them is a spec change.
 */

/** The only custom-field names the documentation shows (in its `ignoredUpdateCfs` examples). */
export const DOC_CUSTOM_FIELDS = ["customField01", "customFieldLong03"] as const;

/** The tag that allows `ignoredUpdateCfs` in a request for the entity. */
export const IGNORED_UPDATE_CFS_TAG: Tag = "SUPPORT_IGNORED_UPDATE_CFS";

const POS = { file: "SEMANTICS.md", line: 1, col: 1 } as const;

/**
 * What the documentation says of the envelope's keys, written once: every artefact that describes the envelope (JSON
 * Schema, OpenAPI, types, validators) takes its text from here, so they cannot say different things.
 */
export const ENVELOPE_TEXT = {
  objectType: "Which entity the entries are; each entity table's tag in angle brackets is its object type.",
  source: "Name of the system that owns the data, e.g. `CRM`, `POS`, `Ecommerce`. Required by the \"Payload Parameters\" table (the \"Request\" table leaves it blank).",
  jeConfigId: "Journey Event configuration id: when given, an event is generated for the ingested data.",
  jeEventKey: "Journey Event configuration key; same purpose as `jeConfigId`.",
  entries: "The records, each an entity of `objectType`. The documentation says \"Limit: [1- 50]\" and \"Size: 1-50 entities\" but also \"Max: 100 records / 1 request\"; the limits here are specs/api.yaml's (`entries`).",
  ignoredUpdateCfs: `Names of custom fields NOT to overwrite on records that already exist; only for entities tagged ${IGNORED_UPDATE_CFS_TAG}.`,
} as const;

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
  return {
    objectType: field("objectType", "string", true, ENVELOPE_TEXT.objectType, model.entities.map((e) => e.objectType), "OBJECT_TYPES"),
    strings: [
      field("source", "string", true, ENVELOPE_TEXT.source, null, null, "CRM"),
      field("jeConfigId", "string", false, ENVELOPE_TEXT.jeConfigId),
      field("jeEventKey", "string", false, ENVELOPE_TEXT.jeEventKey),
    ],
    ignoredUpdateCfs: field("ignoredUpdateCfs", "list", false, ENVELOPE_TEXT.ignoredUpdateCfs),
  };
}

/** Whether a request for the entity may carry `ignoredUpdateCfs`. */
export function allowsIgnoredUpdateCfs(tags: readonly Tag[]): boolean {
  return tags.includes(IGNORED_UPDATE_CFS_TAG);
}
