import { diag, type Diagnostic, type SourcePos } from "./diagnostics.ts";
import type { FieldType, RawShape, RawTable } from "./raw-spec.ts";
import { checkTable } from "./check-specs.ts";
import { OPENAPI_SCHEMA_NAMES } from "../model/naming.ts";
import { closest } from "../util/text.ts";
import { assertNever } from "../util/assert.ts";

/** The shapes api.yaml defines: the OpenAPI operations and the package refer to each by this name. */
export const API_SHAPE_NAMES: readonly string[] = OPENAPI_SCHEMA_NAMES.filter((n) => n !== "IngestionRequest");
/** The one shape that is a map (the callback: results by refId); every other is a table of fields. */
export const MAP_SHAPE_NAME = "IngestionCallback";

/**
 * The operation responses whose bodies are shapes, and each one's shape: what an example's `for` may name. The OpenAPI
 * operations read their response schemas from here too, so the two cannot disagree.
 */
export const RESPONSE_SHAPES: Readonly<Record<string, string>> = {
  "ingestion 200": "IngestionSuccessResponse",
  "ingestion 400": "ErrorResponse",
  "ingestion 401": "ErrorResponse",
  "authentication 200": "AuthenticationResponse",
  "authentication 400": "ErrorResponse",
};

/** A shape of fields as the table checker reads it: no custom fields, rules or errata. */
export function shapeTable(s: RawShape): RawTable {
  return { pos: s.pos, title: s.title, customFields: false, incomplete: null, notes: [s.description.value, ...s.notes], fields: s.fields ?? [], rules: [], errata: [] };
}

/** Whether a JSON value (an example record's) has a field type's JSON type; ranges and formats are the validators' part. */
function hasType(type: FieldType, v: unknown): boolean {
  switch (type) {
    case "string": case "date": return typeof v === "string";
    case "integer": case "long": case "timestamp": return Number.isInteger(v);
    case "double": case "float": return typeof v === "number";
    case "boolean": return typeof v === "boolean";
    case "list": return Array.isArray(v) && v.every((x) => typeof x === "string");
    case "array": return Array.isArray(v);
    case "object": return typeof v === "object" && v !== null && !Array.isArray(v);
    default: return assertNever(type, "field type");
  }
}

/** An example record of a table shape: its keys are fields (unless the shape is open), typed, with every required field. */
function checkExample(s: RawShape, value: unknown, pos: SourcePos, out: Diagnostic[]): void {
  const record = value as Record<string, unknown>;
  const fields = s.fields ?? [];
  const byName = new Map(fields.map((f) => [f.name.value, f]));
  for (const [k, v] of Object.entries(record)) {
    const f = byName.get(k);
    if (!f && !s.open) out.push(diag("unknown-field", pos, `an example of '${s.typeName.value}' has the key '${k}', which is not one of its fields, and the shape is not open`));
    else if (f && v !== null && !hasType(f.type.value, v)) out.push(diag("example-type", pos, `an example of '${s.typeName.value}' gives '${k}' the value ${JSON.stringify(v)}, which is not of type ${f.type.value}`));
  }
  for (const f of fields) {
    const v = record[f.name.value];
    if (f.required && (v === undefined || v === null || (typeof v === "string" && v.trim() === ""))) out.push(diag("missing-key", pos, `an example of '${s.typeName.value}' lacks its required field '${f.name.value}'`));
  }
}

function checkTableShape(s: RawShape, out: Diagnostic[]): void {
  checkTable(shapeTable(s), new Set(), out);
  for (const f of s.fields ?? []) {
    // The package declares no enum types for the API's shapes (their names are not checked against the entities').
    if (f.enum) out.push(diag("not-applicable", f.enum.pos, `'${f.name.value}' of shape '${s.typeName.value}' has an enum; an API shape's fields take none (state the values in its description)`));
  }
  const names = new Map<string, SourcePos>();
  for (const e of s.examples) {
    checkExample(s, e.value.value, e.value.pos, out);
    // The name keys the example in the OpenAPI document's `examples` maps.
    const first = names.get(e.name.value);
    if (first) out.push(diag("name-collision", e.name.pos, `shape '${s.typeName.value}' already has an example named '${e.name.value}' (line ${first.line})`));
    else names.set(e.name.value, e.name.pos);
    if (!EXAMPLE_NAME.test(e.name.value)) out.push(diag("invalid-value", e.name.pos, `example name '${e.name.value}' must be letters and digits, starting with a letter (it keys the example in the OpenAPI document)`));
    const seen = new Set<string>();
    for (const use of e.for) {
      const shape = RESPONSE_SHAPES[use.value];
      if (shape === undefined) {
        const hint = closest(use.value, Object.keys(RESPONSE_SHAPES));
        out.push(diag("invalid-value", use.pos, `'${use.value}' is not an operation response${hint ? ` (did you mean '${hint}'?)` : ""}; 'for' takes ${Object.keys(RESPONSE_SHAPES).map((k) => `"${k}"`).join(", ")}`));
      } else if (shape !== s.typeName.value) out.push(diag("invalid-value", use.pos, `${use.value} responds with '${shape}', not '${s.typeName.value}': give this example on '${shape}'`));
      else if (seen.has(use.value)) out.push(diag("invalid-value", use.pos, `'${use.value}' is listed twice in 'for'`));
      seen.add(use.value);
    }
  }
}

const EXAMPLE_NAME = /^[A-Za-z][A-Za-z0-9]*$/u;

/** Which shapes are defined: each known name once, all of them, the callback a map of a table shape's records. */
function checkShapeNames(shapes: readonly RawShape[], at: SourcePos, out: Diagnostic[]): void {
  const seen = new Map<string, RawShape>();
  for (const s of shapes) {
    const name = s.typeName.value;
    const first = seen.get(name);
    if (first) out.push(diag("duplicate-table", s.typeName.pos, `shape '${name}' is already defined at line ${first.typeName.pos.line}`));
    else if (!API_SHAPE_NAMES.includes(name)) {
      const hint = closest(name, API_SHAPE_NAMES);
      out.push(diag("invalid-value", s.typeName.pos, `unknown shape '${name}'${hint ? ` (did you mean '${hint}'?)` : ""}; the API's shapes are ${API_SHAPE_NAMES.join(", ")}`));
    } else seen.set(name, s);
  }
  const missing = API_SHAPE_NAMES.filter((n) => !seen.has(n));
  if (missing.length > 0) out.push(diag("missing-key", at, `shapes lacks ${missing.join(", ")}: the OpenAPI operations and the package refer to every shape`));
  for (const s of seen.values()) {
    const isMap = s.map !== null;
    if (isMap !== (s.typeName.value === MAP_SHAPE_NAME) && (s.map !== null || s.fields !== null)) {
      out.push(diag("invalid-value", s.typeName.pos, isMap ? `shape '${s.typeName.value}' must be a table of fields; only ${MAP_SHAPE_NAME} is a map` : `shape '${MAP_SHAPE_NAME}' must be a map (records by refId), not a table of fields`));
    }
    if (!s.map) continue;
    const target = seen.get(s.map.values.value);
    if (!target || target.map) out.push(diag("unknown-table", s.map.values.pos, `the map of '${s.typeName.value}' holds records of '${s.map.values.value}', which is not a table shape of 'shapes'`));
  }
}

/** Checks the meaning of api.yaml's shapes (their YAML shape was checked while reading). `at`: where `shapes` is written. */
export function checkShapes(shapes: readonly RawShape[], at: SourcePos): Diagnostic[] {
  const out: Diagnostic[] = [];
  checkShapeNames(shapes, at, out);
  for (const s of shapes) {
    if (s.map) {
      if (s.examples.length > 0) out.push(diag("not-applicable", s.examples[0]!.pos, `shape '${s.typeName.value}' is a map; give examples on the shape of its records`));
    } else if (s.fields) checkTableShape(s, out);
  }
  return out;
}
