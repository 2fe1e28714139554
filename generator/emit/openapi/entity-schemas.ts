import type { Entity, Field, JsonValue, Model } from "../../model/ir.ts";
import { incompleteText, tableSchema } from "../json-schema/emit-json-schema.ts";
import { envelopeFieldSchema } from "../json-schema/ingestion-request-schema.ts";
import { ingestionRequestName } from "../../model/naming.ts";
import { allowsIgnoredUpdateCfs, envelopeFields, exampleEnvelope, IGNORED_UPDATE_CFS_TAG } from "../../model/envelope.ts";
// The same example record as the fixtures' `example`, so the two artefacts show one record.
import { docExampleRecord as exampleRecord } from "../fixtures/valid-records.ts";

/** A JSON/YAML object under construction; serialised once, never templated. */
export type Node = { [key: string]: unknown };

/** OpenAPI 3.1 schemas are JSON Schema 2020-12, so the JSON Schema emitter's objects serve as they are. */
export const REF_BASE = "#/components/schemas/";

export const ref = (name: string): Node => ({ $ref: `${REF_BASE}${name}` });


const isTagged = (e: Entity): boolean => allowsIgnoredUpdateCfs(e.tags);

function entityDescription(e: Entity): string {
  const lines = [`The \`${e.objectType}\` entity, transcribed from the documentation's "${e.title}" table.`];
  lines.push(e.customFields
    ? "Keys not listed here are the organisation's custom fields and may hold any JSON value."
    : e.incomplete ? "Keys not listed here are accepted (any JSON value): the table is incomplete."
    : "Keys not listed here are rejected: the table has no Custom Fields row.");
  if (e.incomplete) lines.push(incompleteText(e.incomplete));
  if (isTagged(e)) lines.push(`Tagged \`${IGNORED_UPDATE_CFS_TAG}\`: its ingestion requests may carry \`ignoredUpdateCfs\`.`);
  lines.push("An optional field may be absent or `null`; a required string must contain a non-whitespace character.");
  return lines.join("\n\n");
}

/** The component schemas of one entity: its own (with its example record) and its nested tables'. */
export function entityComponents(e: Entity): [string, Node][] {
  const own = withoutDefaults(tableSchema(e, REF_BASE));
  // The entity's description (which says when the table is incomplete) replaces the table schema's own.
  const entity: Node = { title: own.title, description: "", ...own, examples: [exampleRecord(e)] };
  entity.description = entityDescription(e);
  return [[e.typeName, entity], ...e.tables.map((t): [string, Node] => [t.typeName, withoutDefaults(tableSchema(t, REF_BASE))])];
}

/**
 * A documented default stays in the field's description only: OpenAPI tools read `default` as "the server fills it
 * in" (openapi-typescript makes such a field non-optional), while SEMANTICS.md keeps it optional and unfilled.
 */
function withoutDefaults(schema: Node): Node {
  const props = schema.properties as Record<string, Node> | undefined;
  if (!props) return schema;
  // Object.fromEntries defines keys (a field named __proto__ stays a key, not a prototype).
  return { ...schema, properties: Object.fromEntries(Object.entries(props).map(([k, { default: _documented, ...rest }]) => [k, rest])) };
}

function ignoredUpdateCfs(e: Entity, field: Field): Node {
  if (isTagged(e)) return envelopeFieldSchema(field, REF_BASE);
  // `null` means "no value", as for every optional field; a list is what the untagged entity refuses.
  return { description: `Not allowed (other than \`null\`, which means no value): the \`${e.objectType}\` entity is not tagged \`${IGNORED_UPDATE_CFS_TAG}\`.`, type: "null" };
}

/**
 * The request body that ingests a batch of one entity's records (SEMANTICS.md, "The ingestion request envelope"). Its
 * fields are the envelope's (model/envelope.ts), described as the standalone JSON Schema describes them.
 */
export function requestSchema(model: Model, e: Entity): Node {
  const f = envelopeFields(model), entries = model.api.entries;
  return {
    title: `${e.objectType} ingestion request`,
    description: `A batch of ${entries.min} to ${entries.max} \`${e.objectType}\` records.`,
    type: "object",
    properties: {
      objectType: { description: f.objectType.description, type: "string", const: e.objectType },
      ...Object.fromEntries(f.strings.map((s) => [s.name, envelopeFieldSchema(s, REF_BASE)])),
      entries: { description: model.api.envelope.text.entries, type: "array", minItems: entries.min, maxItems: entries.max, items: ref(e.typeName) },
      ignoredUpdateCfs: ignoredUpdateCfs(e, f.ignoredUpdateCfs),
    },
    required: ["objectType", ...f.strings.filter((s) => s.required).map((s) => s.name), "entries"],
    additionalProperties: false,
  };
}

/** The envelope: one request schema per object type, told apart by `objectType`. */
export function envelopeSchema(model: Model): Node {
  const names = model.entities.map((e) => [e.objectType, ingestionRequestName(e.typeName)] as const);
  return {
    title: "Data ingestion request",
    description: "One call ingests a batch of records of one entity type, named by `objectType`.",
    oneOf: names.map(([, name]) => ref(name)),
    discriminator: { propertyName: "objectType", mapping: Object.fromEntries(names.map(([t, name]) => [t, `${REF_BASE}${name}`])) },
  };
}

/** A valid request example per object type: the entity's example record as the only entry. */
export function requestExample(model: Model, e: Entity): JsonValue {
  return exampleEnvelope(model.api.envelope, e.objectType, [exampleRecord(e)], { ignoredUpdateCfs: isTagged(e) });
}
