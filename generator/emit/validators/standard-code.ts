import type { Entity, Model, Table } from "../../model/ir.ts";
import { entitySchema, schemaId, tableSchema } from "../json-schema/emit-json-schema.ts";
import { ingestionRequestSchema } from "../json-schema/ingestion-request-schema.ts";
import { docComment } from "../escape.ts";
import { _, Code, join, name, COMMA } from "./code.ts";
import { collectorOf } from "./field-checks.ts";

/** The name of a table's Standard Schema object: `CustomerIdentitySchema`. */
export function schemaName(typeName: string): string {
  return `${typeName}Schema`;
}

/** A nested table's standalone JSON Schema: the table, with every table of its entity under $defs (it may refer to them). */
function nestedSchema(e: Entity, t: Table): object {
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    ...tableSchema(t, "#/$defs/"),
    $defs: Object.fromEntries(e.tables.map((n) => [n.typeName, tableSchema(n, "#/$defs/")])),
  };
}

/** One Standard Schema object: the validator, and its JSON Schema kept as JSON text (parsed afresh for each caller). */
function standardObject(typeName: string, validateName: string, title: string, schema: object): Code {
  const doc = docComment([
    `${title} as a Standard Schema V1 (https://standardschema.dev): \`${validateName}\` behind \`~standard.validate\`, with issue paths as key`,
    "segments, and the generated JSON Schema (draft 2020-12) behind `~standard.jsonSchema` (Standard JSON Schema V1).",
  ]);
  return _`${new Code(doc)}\nexport const ${name(schemaName(typeName))}: StandardValidator<${name(typeName)}> = /* @__PURE__ */ standardSchema((value, options) => standardResult(${name(collectorOf(typeName))}, value, options), ${JSON.stringify(schema)});`;
}

/** The code of standard/<object-type>.ts: one Standard Schema object per table of the entity. */
export function entityStandardCode(model: Model, e: Entity): { imports: Code[]; body: Code } {
  const tables: readonly Table[] = [e, ...e.tables];
  const imports = [
    _`import type { ${join(tables.map((t) => name(t.typeName)), COMMA)} } from ${`../types/${e.objectType}.js`};`,
    _`import { ${join(tables.map((t) => name(collectorOf(t.typeName))), COMMA)} } from ${`../validators/${e.objectType}.js`};`,
    _`import { standardResult, standardSchema, type StandardValidator } from "../runtime.js";`,
  ];
  const objects = tables.map((t) => standardObject(t.typeName, t.validateName, t.title, t === e ? entitySchema(e, schemaId(model, e.objectType)) : nestedSchema(e, t)));
  return { imports, body: join(objects, new Code("\n\n")) };
}

/** The code of standard/ingestion-request.ts. */
export function requestStandardCode(model: Model): { imports: Code[]; body: Code } {
  const imports = [
    _`import { collectIngestionRequest, type IngestionRequest } from "../validators/ingestion-request.js";`,
    _`import { standardResult, standardSchema, type StandardValidator } from "../runtime.js";`,
  ];
  return { imports, body: standardObject("IngestionRequest", "validateIngestionRequest", "An ingestion request", ingestionRequestSchema(model)) };
}
