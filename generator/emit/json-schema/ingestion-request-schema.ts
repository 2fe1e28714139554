import type { Field, Model, Table } from "../../model/ir.ts";
import { allowsIgnoredUpdateCfs, envelopeFields, IGNORED_UPDATE_CFS_TAG } from "../../model/envelope.ts";
import { bannerLines } from "../output-file.ts";
import { entitySchema, fieldSchema, schemaId } from "./emit-json-schema.ts";

type Schema = ReturnType<typeof entitySchema>;

/** The envelope's own fields carry no errata, so they are annotated as a table without any. */
const ENVELOPE: Pick<Table, "errata"> = { errata: [] };

/** The schema of one of the envelope's own fields (model/envelope.ts), as the standalone schema and OpenAPI both give it. */
export function envelopeFieldSchema(f: Field, refBase: string): Schema {
  return fieldSchema(f, ENVELOPE as Table, refBase);
}

/** The `then` of one object type: entries are that entity, and `ignoredUpdateCfs` only where the tag allows it. */
function perObjectType(model: Model, objectType: string, tagged: boolean): Schema {
  const then: Schema = { properties: { entries: { type: "array", items: { $ref: schemaId(model, objectType) } } } };
  if (!tagged) (then.properties as Schema).ignoredUpdateCfs = { $comment: `not allowed: the entity is not tagged ${IGNORED_UPDATE_CFS_TAG}`, type: "null" };
  return { if: { properties: { objectType: { const: objectType } }, required: ["objectType"] }, then };
}

/**
 * The standalone JSON Schema of the ingestion request envelope (SEMANTICS.md, last section). The entity
 * schemas are embedded under $defs as resources with their own $id, so a validator compiles this file alone.
 * Each is embedded exactly as its own file states it (its `$schema` too): a validator that already holds the
 * entity's file under that $id (one Ajv instance for every schema of the package) finds the same schema again,
 * where a copy that differs by a keyword is "a reference that resolves to more than one schema".
 */
export function ingestionRequestSchema(model: Model): Schema {
  const f = envelopeFields(model);
  const defs = Object.fromEntries(model.entities.map((e) => [e.objectType, entitySchema(e, schemaId(model, e.objectType))]));
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: schemaId(model, "ingestion-request"),
    $comment: bannerLines("specs/").join(" "),
    title: "Ingestion request",
    description: `The body of one ingestion call: ${model.api.entries.min} to ${model.api.entries.max} entities of one object type.`,
    type: "object",
    properties: {
      objectType: envelopeFieldSchema(f.objectType, "#/$defs/"),
      ...Object.fromEntries(f.strings.map((s) => [s.name, envelopeFieldSchema(s, "#/$defs/")])),
      entries: { description: model.api.envelope.text.entries, type: "array", minItems: model.api.entries.min, maxItems: model.api.entries.max },
      ignoredUpdateCfs: envelopeFieldSchema(f.ignoredUpdateCfs, "#/$defs/"),
    },
    required: ["objectType", ...f.strings.filter((s) => s.required).map((s) => s.name), "entries"],
    additionalProperties: false,
    allOf: model.entities.map((e) => perObjectType(model, e.objectType, allowsIgnoredUpdateCfs(e.tags))),
    $defs: defs,
  };
}
