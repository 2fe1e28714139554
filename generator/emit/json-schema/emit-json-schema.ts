import type { Entity, Field, JsonValue, Model, Table } from "../../model/ir.ts";
import type { OutputFile } from "../output-file.ts";
import { bannerLines } from "../output-file.ts";
import { stableJson } from "../../util/text.ts";
import { assertNever } from "../../util/assert.ts";
import { ALPHA_PATTERNS } from "../../model/formats.ts";
import { ingestionRequestSchema } from "./ingestion-request-schema.ts";

type Schema = { [key: string]: JsonValue | Schema | (Schema | JsonValue)[] | undefined };

/** A non-blank string: at least one non-whitespace character (SEMANTICS.md, "Presence"). */
export const NON_BLANK = "\\S";

const FORMAT_KEYWORDS: Record<"email" | "uri" | "date", string> = { email: "email", uri: "uri", date: "date" };

/** The JSON Schema type and constraints of a field's value, without null. `defs` is where nested tables live. */
export function valueSchema(f: Field, refBase: string): Schema {
  switch (f.type) {
    case "string": case "date": {
      const s: Schema = { type: "string" };
      if (f.enum) s.enum = [...f.enum];
      if (f.format === "country-alpha2" || f.format === "country-alpha3") s.pattern = ALPHA_PATTERNS[f.format];
      else if (f.format) s.format = FORMAT_KEYWORDS[f.format];
      return s;
    }
    case "integer": case "long": case "timestamp": case "double": case "float": {
      const s: Schema = { type: f.type === "double" || f.type === "float" ? "number" : "integer" };
      if (f.minimum !== null) s.minimum = f.minimum;
      if (f.maximum !== null) s.maximum = f.maximum;
      return s;
    }
    case "boolean": return { type: "boolean" };
    case "list": return { type: "array", items: { type: "string" } };
    case "object": return f.table === null ? { type: "object" } : { $ref: `${refBase}${f.table}` };
    case "array": return { type: "array", items: { $ref: `${refBase}${f.table}` } };
    default: return assertNever(f.type, "field type");
  }
}

/** The annotation a field carries: the doc's description and example, and its type word in a comment. */
function annotations(f: Field, t: Table): Schema {
  const a: Schema = {};
  if (f.description !== null) a.description = f.description;
  if (f.exampleValue !== undefined) a.examples = [f.exampleValue];
  if (f.defaultValue !== undefined) a.default = f.defaultValue;
  const notes = [`doc type: ${f.docType ?? "(blank)"}`];
  if (f.docRequired) notes.push("doc Required: Yes");
  if (f.tableless) notes.push("the doc names no nested table");
  for (const e of t.errata) if (e.field === f.name) notes.push(`erratum (${e.property}): doc says ${JSON.stringify(e.doc)}, corrected to ${JSON.stringify(e.corrected)}: ${e.note}`);
  a.$comment = notes.join("; ");
  return a;
}

/** A field's full schema: its value, or null when optional; required strings must be non-blank. */
export function fieldSchema(f: Field, t: Table, refBase: string): Schema {
  const value = valueSchema(f, refBase);
  if (f.required) {
    if (value.type === "string") value.pattern ??= NON_BLANK;
    return { ...annotations(f, t), ...value };
  }
  if (typeof value.type === "string") {
    const s: Schema = { ...annotations(f, t), ...value, type: [value.type, "null"] };
    if (Array.isArray(value.enum)) s.enum = [...value.enum, null];
    return s;
  }
  return { ...annotations(f, t), anyOf: [value, { type: "null" }] };
}

/** "Present" in a conditional rule: not absent, not null, and for a string not blank. */
function presentSchema(f: Field): Schema {
  return f.type === "string" || f.type === "date" ? { type: "string", pattern: NON_BLANK } : { not: { type: "null" } };
}

/** The object schema of a table (entity or nested): properties, required, rules, unknown keys. */
export function tableSchema(t: Table, refBase: string): Schema {
  const byName = new Map(t.fields.map((f) => [f.name, f]));
  const s: Schema = { title: t.title, type: "object" };
  s.properties = Object.fromEntries(t.fields.map((f) => [f.name, fieldSchema(f, t, refBase)])) as Schema;
  const required = t.fields.filter((f) => f.required).map((f) => f.name);
  if (required.length > 0) s.required = required;
  if (t.rules.length > 0) {
    s.allOf = t.rules.map((r) => ({
      description: r.doc.join(" / "),
      // `unevaluatedProperties: true` changes nothing for a validator (a branch never closes the object), but says so
      // to tools that close every subschema listing `properties` outside an allOf unless told otherwise
      // (openapi-typescript's lint, through Redocly 1's `defaultUnevaluatedProperties: false`), which would
      // otherwise reject every valid example.
      anyOf: r.groups.map((g) => ({
        required: [...g],
        properties: Object.fromEntries(g.map((n) => [n, presentSchema(byName.get(n)!)])) as Schema,
        unevaluatedProperties: true,
      })),
    }));
  }
  s.additionalProperties = t.acceptsUnknownKeys;
  if (t.incomplete) {
    s.description = incompleteText(t.incomplete);
    s[INCOMPLETE_KEYWORD] = { after: t.incomplete.after, note: t.incomplete.note };
  }
  return s;
}

/** The annotation keyword that marks a table the saved doc page cuts short (an Ajv user declares it: `ajv.addKeyword`). */
export const INCOMPLETE_KEYWORD = "x-pango-incomplete";

/** How every artefact says that a table is incomplete (SEMANTICS.md, "Tables that our saved page cuts short"). */
export function incompleteText(inc: NonNullable<Table["incomplete"]>): string {
  return `Incomplete: the saved documentation page stops after \`${inc.after}\`; the rows after it are unknown, so keys not listed here are accepted. ${inc.note}`;
}

/** The standalone JSON Schema 2020-12 document of an entity, with nested tables under $defs. */
export function entitySchema(e: Entity, id: string): Schema {
  const s: Schema = {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: id,
    $comment: bannerLines(`specs/${e.objectType}.yaml`).join(" "),
    ...tableSchema(e, "#/$defs/"),
  };
  if (e.tables.length > 0) s.$defs = Object.fromEntries(e.tables.map((t) => [t.typeName, tableSchema(t, "#/$defs/")])) as Schema;
  return s;
}

export function schemaId(model: Model, objectType: string): string {
  return `https://schemas.pango-cdp.invalid/${model.package.name}/${objectType}.schema.json`;
}

/** Emits `json-schema/<object-type>.schema.json` for every entity, and the request envelope's schema. */
export function emitJsonSchema(model: Model): OutputFile[] {
  return [
    ...model.entities.map((e) => ({ path: `json-schema/${e.objectType}.schema.json`, contents: stableJson(entitySchema(e, schemaId(model, e.objectType))) })),
    { path: "json-schema/ingestion-request.schema.json", contents: stableJson(ingestionRequestSchema(model)) },
  ];
}
