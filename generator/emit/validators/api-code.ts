import type { Model } from "../../model/ir.ts";
import { API_TABLES, CALLBACK, CALLBACK_RESULT } from "../../model/api-shapes.ts";
import { tableSchema } from "../json-schema/emit-json-schema.ts";
import { docComment } from "../escape.ts";
import { _, Code, join, name, COMMA } from "./code.ts";
import { collectorName, testerName } from "./field-checks.ts";
import { publicFunctions, tableCode } from "./table-code.ts";
import { schemaName } from "./standard-code.ts";

const NO_TABLES = new Map();
const NOT_OBJECT = _`typeof data !== "object" || data === null || Array.isArray(data)`;
const DATA_PATH = `/${CALLBACK.data.name}`;

/** The callback's collector and tester: `data` maps each refId to a result, checked at `/data/<refId>`. */
function callbackCode(): Code {
  const result = CALLBACK_RESULT;
  const c = CALLBACK;
  const what = `each result of \`${c.data.name}\``;
  return _`${new Code(docComment([`Reports every problem of a ${c.title} found at \`path\`.`]))}
function ${name(`collect${c.typeName}`)}(data: unknown, path: string, issues: ValidationIssue[], what: string): void {
  if (${NOT_OBJECT}) {
    add(issues, { path, code: "type", message: what + ${` must be an object (${c.title})`}, details: { expected: "object" } });
    return;
  }
  const v = ownFields(data)[${c.data.name}];
  if (v == null) add(issues, { path: path + ${DATA_PATH}, code: "required", message: ${`\`${c.data.name}\` is required`}, details: { blank: false } });
  else if (typeof v !== "object" || Array.isArray(v)) add(issues, { path: path + ${DATA_PATH}, code: "type", message: ${`\`${c.data.name}\` must be an object of results by refId`}, details: { expected: "object" } });
  else {
    const m = ownFields(v);
    for (const k in m) if (!${testerName(result)}(m[k])) ${collectorName(result)}(m[k], path + ${`${DATA_PATH}/`} + pointerToken(k), issues, ${what});
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
export function apiValidatorCode(): { imports: Code[]; body: Code } {
  const parts = API_TABLES.map((t) => tableCode(t, NO_TABLES));
  const c = CALLBACK;
  // The callback's exported pair is a table's: only its names and title are read.
  parts.push(callbackCode(), publicFunctions({ ...CALLBACK_RESULT, typeName: c.typeName, title: c.title, validateName: c.validateName, isName: c.isName }));
  const types = [...API_TABLES.map((t) => name(t.typeName)), name(c.typeName)];
  return { imports: [_`import type { ${join(types, COMMA)} } from "../types/api.js";`], body: join(parts, new Code("\n\n")) };
}

/** The JSON Schema of one API shape, standalone. */
function shapeJsonSchema(typeName: string): object {
  const base = { $schema: "https://json-schema.org/draft/2020-12/schema" };
  const table = API_TABLES.find((t) => t.typeName === typeName);
  if (table) return { ...base, ...tableSchema(table, "#/$defs/") };
  return {
    ...base, title: CALLBACK.title, description: CALLBACK.description, type: "object",
    properties: { [CALLBACK.data.name]: { description: CALLBACK.data.description, type: "object", additionalProperties: { $ref: `#/$defs/${CALLBACK_RESULT.typeName}` } } },
    required: [CALLBACK.data.name],
    $defs: { [CALLBACK_RESULT.typeName]: tableSchema(CALLBACK_RESULT, "#/$defs/") },
  };
}

/** The code of standard/api.ts: a Standard Schema object per API shape. */
export function apiStandardCode(_model: Model): { imports: Code[]; body: Code } {
  const all = [...API_TABLES.map((t) => ({ typeName: t.typeName, validateName: t.validateName, title: t.title })), { typeName: CALLBACK.typeName, validateName: CALLBACK.validateName, title: CALLBACK.title }];
  const imports = [
    _`import type { ${join(all.map((s) => name(s.typeName)), COMMA)} } from "../types/api.js";`,
    _`import { ${join(all.map((s) => name(s.validateName)), COMMA)} } from "../validators/api.js";`,
    _`import { standardResult, standardSchema, type StandardValidator } from "../runtime.js";`,
  ];
  const objects = all.map((s) => {
    const doc = docComment([`${s.title} as a Standard Schema V1, with its JSON Schema (draft 2020-12) behind \`~standard.jsonSchema\`.`]);
    return _`${new Code(doc)}\nexport const ${name(schemaName(s.typeName))}: StandardValidator<${name(s.typeName)}> = /* @__PURE__ */ standardSchema((value, options) => standardResult(${name(s.validateName)}, value, options), ${JSON.stringify(shapeJsonSchema(s.typeName))});`;
  });
  return { imports, body: join(objects, new Code("\n\n")) };
}

/** Every public name of the API shapes' validators and Standard Schema objects. */
export function apiExports(): { validators: Code[]; schemas: Code[] } {
  const all = [...API_TABLES, CALLBACK];
  return { validators: all.flatMap((t) => [name(t.validateName), name(t.isName)]), schemas: all.map((t) => name(schemaName(t.typeName))) };
}
