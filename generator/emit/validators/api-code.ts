import type { ApiShapes, Model } from "../../model/ir.ts";
import { tableSchema } from "../json-schema/emit-json-schema.ts";
import { docComment } from "../escape.ts";
import { _, Code, join, name, COMMA } from "./code.ts";
import { collectorName, collectorOf, testerName } from "./field-checks.ts";
import { publicFunctions, tableCode } from "./table-code.ts";
import { schemaName } from "./standard-code.ts";

const NO_TABLES = new Map();
const NOT_OBJECT = _`typeof data !== "object" || data === null || Array.isArray(data)`;

/** The callback's collector and tester: `data` maps each refId to a result, checked at `/data/<refId>`. */
function callbackCode(shapes: ApiShapes): Code {
  const c = shapes.callback;
  const result = c.data.result;
  const DATA_PATH = `/${c.data.name.replace(/~/gu, "~0").replace(/\//gu, "~1")}`;
  const what = `each result of \`${c.data.name}\``;
  return _`${new Code(docComment([`Reports every problem of a ${c.title} found at \`path\`.`]))}
export function ${name(collectorOf(c.typeName))}(data: unknown, issues: ValidationIssue[], path: string, what: string): void {
  if (${NOT_OBJECT}) {
    add(issues, { path, code: "type", message: what + ${` must be an object (${c.title})`}, details: { expected: "object" } });
    return;
  }
  const v = ownFields(data)[${c.data.name}];
  if (v == null) add(issues, { path: path + ${DATA_PATH}, code: "required", message: ${`\`${c.data.name}\` is required`}, details: { blank: false } });
  else if (typeof v !== "object" || Array.isArray(v)) add(issues, { path: path + ${DATA_PATH}, code: "type", message: ${`\`${c.data.name}\` must be an object of results by refId`}, details: { expected: "object" } });
  else {
    const m = ownFields(v);
    for (const k in m) if (!${testerName(result)}(m[k])) ${collectorName(result)}(m[k], issues, path + ${`${DATA_PATH}/`} + pointerToken(k), ${what});
  }
}

${new Code(docComment([`Whether \`data\` is a valid ${c.title}.`]))}
function ${name(`test${c.typeName}`)}(data: unknown): boolean {
  if (${NOT_OBJECT}) return false;
  const v = ownFields(data)[${c.data.name}];
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const m = ownFields(v);
  for (const k in m) if (!${testerName(result)}(m[k])) return false;
  return true;
}`;
}

/** The code of validators/api.ts: the API shapes' validators, the same generated checks as an entity table's. */
export function apiValidatorCode(model: Model): { imports: Code[]; body: Code } {
  const shapes = model.shapes;
  const parts = shapes.tables.map((t) => tableCode(t, NO_TABLES));
  const c = shapes.callback;
  // The callback's exported pair is a table's: only its names and title are read.
  parts.push(callbackCode(shapes), publicFunctions({ ...c.data.result, typeName: c.typeName, title: c.title, validateName: c.validateName, isName: c.isName }));
  const types = [...shapes.tables.map((t) => name(t.typeName)), name(c.typeName)];
  return { imports: [_`import type { ${join(types, COMMA)} } from "../types/api.js";`], body: join(parts, new Code("\n\n")) };
}

/** The JSON Schema of one API shape, standalone. */
function shapeJsonSchema(shapes: ApiShapes, typeName: string): object {
  const base = { $schema: "https://json-schema.org/draft/2020-12/schema" };
  const table = shapes.tables.find((t) => t.typeName === typeName);
  if (table) return { ...base, ...tableSchema(table, "#/$defs/") };
  const c = shapes.callback;
  return {
    ...base, title: c.title, description: c.description, type: "object",
    properties: { [c.data.name]: { description: c.data.description, type: "object", additionalProperties: { $ref: `#/$defs/${c.data.result.typeName}` } } },
    required: [c.data.name],
    $defs: { [c.data.result.typeName]: tableSchema(c.data.result, "#/$defs/") },
  };
}

/** The code of standard/api.ts: a Standard Schema object per API shape. */
export function apiStandardCode(model: Model): { imports: Code[]; body: Code } {
  const { tables, callback } = model.shapes;
  const all = [...tables, callback].map((t) => ({ typeName: t.typeName, validateName: t.validateName, title: t.title }));
  const imports = [
    _`import type { ${join(all.map((s) => name(s.typeName)), COMMA)} } from "../types/api.js";`,
    _`import { ${join(all.map((s) => name(collectorOf(s.typeName))), COMMA)} } from "../validators/api.js";`,
    _`import { standardResult, standardSchema, type StandardValidator } from "../runtime.js";`,
  ];
  const objects = all.map((s) => {
    const doc = docComment([`${s.title} as a Standard Schema V1, with its JSON Schema (draft 2020-12) behind \`~standard.jsonSchema\`.`]);
    return _`${new Code(doc)}\nexport const ${name(schemaName(s.typeName))}: StandardValidator<${name(s.typeName)}> = /* @__PURE__ */ standardSchema((value, options) => standardResult(${name(collectorOf(s.typeName))}, value, options), ${JSON.stringify(shapeJsonSchema(model.shapes, s.typeName))});`;
  });
  return { imports, body: join(objects, new Code("\n\n")) };
}

/** Every public name of the API shapes' validators and Standard Schema objects. */
export function apiExports(model: Model): { validators: Code[]; schemas: Code[] } {
  const all = [...model.shapes.tables, model.shapes.callback];
  return { validators: all.flatMap((t) => [name(t.validateName), name(t.isName)]), schemas: all.map((t) => name(schemaName(t.typeName))) };
}
