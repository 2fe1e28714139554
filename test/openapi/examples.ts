import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { INCOMPLETE_KEYWORD } from "../../generator/emit/json-schema/emit-json-schema.ts";

/** One example found in an OpenAPI document, and the schema (by JSON Pointer) it must satisfy. */
export interface ExampleCase {
  readonly at: string;
  readonly schema: string;
  readonly value: unknown;
}

type Obj = { [key: string]: unknown };
const isObj = (x: unknown): x is Obj => typeof x === "object" && x !== null && !Array.isArray(x);
const segment = (k: string): string => k.replace(/~/g, "~0").replace(/\//g, "~1");

/** Resolves a local `$ref` to an Example Object (`#/components/examples/...`). */
function deref(doc: Obj, node: unknown): unknown {
  if (!isObj(node) || typeof node.$ref !== "string") return node;
  let cur: unknown = doc;
  for (const s of node.$ref.replace(/^#\//, "").split("/")) cur = isObj(cur) ? cur[s.replace(/~1/g, "/").replace(/~0/g, "~")] : undefined;
  return cur;
}

/**
 * Every example of the document: a schema's `examples` array (checked against that schema), and a
 * media type's, parameter's or header's `example` / `examples` map (checked against its `schema`).
 */
export function collectExamples(doc: Obj): ExampleCase[] {
  const out: ExampleCase[] = [];
  const walk = (node: unknown, ptr: string): void => {
    if (Array.isArray(node)) { node.forEach((x, i) => walk(x, `${ptr}/${i}`)); return; }
    if (!isObj(node)) return;
    if (Array.isArray(node.examples)) node.examples.forEach((value, i) => out.push({ at: `${ptr}/examples/${i}`, schema: ptr, value }));
    if (isObj(node.schema)) {
      if ("example" in node) out.push({ at: `${ptr}/example`, schema: `${ptr}/schema`, value: node.example });
      if (isObj(node.examples)) {
        for (const [name, ex] of Object.entries(node.examples)) {
          const resolved = deref(doc, ex);
          out.push({ at: `${ptr}/examples/${segment(name)}`, schema: `${ptr}/schema`, value: isObj(resolved) ? resolved.value : undefined });
        }
      }
    }
    for (const [k, v] of Object.entries(node)) if (k !== "examples" && k !== "example") walk(v, `${ptr}/${segment(k)}`);
  };
  walk(doc, "");
  return out;
}

const DOC_ID = "urn:pango-codegen:openapi";

/** The fields of the OpenAPI Object (3.1.0, section 4.8.1): Ajv compiles the document root, which holds them. */
const OPENAPI_OBJECT_FIELDS = ["openapi", "info", "jsonSchemaDialect", "servers", "paths", "webhooks", "components", "security", "tags", "externalDocs"];

/**
 * Ajv 2020 + ajv-formats in strict mode, holding the document so that any schema in it can be
 * compiled by pointer. Ajv compiles the root of a document it resolves a pointer in, so the
 * OpenAPI Object's fields are declared as annotation keywords (they validate nothing). So is
 * `discriminator`, OpenAPI's own schema keyword: `oneOf` already enforces what it names, and
 * Ajv's built-in discriminator support refuses `mapping`. Every other keyword stays strict.
 */
export function documentValidator(doc: Obj): (schemaPointer: string, value: unknown) => { valid: boolean; errors: string } {
  // As test/support/ajv.ts, plus ownProperties: field names such as `valueOf` must not find Object.prototype's.
  const ajv = new Ajv2020.default({ allErrors: true, strict: true, ownProperties: true });
  addFormats.default(ajv);
  ajv.addKeyword(INCOMPLETE_KEYWORD); // the generated schemas' annotation of a table the saved page cuts short
  for (const keyword of [...OPENAPI_OBJECT_FIELDS, "discriminator"]) ajv.addKeyword({ keyword });
  ajv.addSchema(doc, DOC_ID);
  return (schemaPointer, value) => {
    const uri = `${DOC_ID}#${schemaPointer.split("/").map(encodeURIComponent).join("/")}`;
    const validate = ajv.getSchema(uri);
    if (!validate) throw new Error(`no schema at ${schemaPointer}`);
    const valid = validate(value) as boolean;
    return { valid, errors: JSON.stringify(validate.errors ?? []) };
  };
}
