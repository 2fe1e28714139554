// The API's shapes beside the entities (authentication request and response, error response, ingestion success
// response, the callback and its result), lowered from api.yaml's `shapes` into IR tables: the one source the
// OpenAPI document, the types, the validators and the fixtures all read. Their fixtures are derived here too.
import type { RawShape } from "../check/raw-spec.ts";
import { MAP_SHAPE_NAME, shapeTable } from "../check/check-shapes.ts";
import type { ApiShapes, JsonValue, ShapeExample, Table } from "./ir.ts";
import { buildTable } from "./build-model.ts";
import { InternalError } from "../util/assert.ts";

/** Lowers checked shapes into the IR. `file`: where they were read from, as displayed. */
export function buildShapes(raw: readonly RawShape[], file: string): ApiShapes {
  const tables: Table[] = raw.filter((s) => s.map === null).map((s) => ({
    kind: "table", ...buildTable(shapeTable(s), s.typeName.value, new Map(), new Set()),
    // Open shapes (what Pango sends) accept keys the documentation does not list, as a JSON Schema object does by default.
    acceptsUnknownKeys: s.open,
  }));
  const c = raw.find((s) => s.typeName.value === MAP_SHAPE_NAME);
  const map = c?.map;
  const result = tables.find((t) => t.typeName === map?.values.value);
  if (!c || !map || !result) throw new InternalError(`the shapes passed the checker without a ${MAP_SHAPE_NAME} map of a table shape`);
  return {
    tables,
    callback: {
      typeName: c.typeName.value, title: c.title.value, description: [c.description.value, ...c.notes].join(" "),
      validateName: `validate${c.typeName.value}`, isName: `is${c.typeName.value}`,
      data: { name: map.name.value, description: map.description.value, result },
    },
    examples: Object.fromEntries(raw.filter((s) => s.examples.length > 0).map((s) => [s.typeName.value, s.examples.map((e): ShapeExample => ({
      name: e.name.value, summary: e.summary.value, description: e.description?.value ?? null, for: e.for.map((u) => u.value), value: e.value.value as JsonValue,
    }))])),
    file,
  };
}

/** The notes of a table shape after its description (a contradiction of the documentation, e.g. errorMessage/errorMess). */
export function shapeNotes(t: Table): readonly string[] {
  return t.notes.slice(1);
}

/** A shape's example record: every field that has an example, with its example value. */
export function exampleOf(t: Table): Record<string, JsonValue> {
  return Object.fromEntries(t.fields.filter((f) => f.exampleValue !== undefined).map((f) => [f.name, f.exampleValue!]));
}

/** A JSON Pointer token (RFC 6901). */
const token = (key: string): string => key.replace(/~/gu, "~0").replace(/\//gu, "~1");

type Fixtures = { valid: JsonValue[]; invalid: { label: string; value: JsonValue; issues: { path: string; code: string }[] }[] };

/** Fixtures of the API shapes: valid examples, and invalid ones (each required field removed) with the issue expected. */
export function apiFixtures(shapes: ApiShapes): Record<string, Fixtures> {
  const out: Record<string, Fixtures> = {};
  for (const t of shapes.tables) {
    const example = exampleOf(t);
    out[t.typeName] = {
      valid: [example, ...(shapes.examples[t.typeName] ?? []).map((e) => e.value)],
      invalid: t.fields.filter((f) => f.required).map((f) => {
        const { [f.name]: _dropped, ...rest } = example;
        return { label: `${f.name} missing`, value: rest, issues: [{ path: `/${token(f.name)}`, code: "required" }] };
      }),
    };
  }
  const c = shapes.callback;
  const stored = exampleOf(c.data.result);
  // Each further record of the result shape (a failure, as the table and as the sample spell its message) beside a stored one.
  const others = (shapes.examples[c.data.result.typeName] ?? []).map((e) => e.value);
  const key = token(c.data.name);
  out[c.typeName] = {
    valid: others.length === 0 ? [{ [c.data.name]: { "ref-1": stored } }] : others.map((o) => ({ [c.data.name]: { "ref-1": stored, "ref-2": o } })),
    invalid: [
      { label: `${c.data.name} missing`, value: {}, issues: [{ path: `/${key}`, code: "required" }] },
      // A refId with a `/` checks that the result's path escapes it.
      ...c.data.result.fields.filter((f) => f.required).map((f) => {
        const { [f.name]: _dropped, ...rest } = stored;
        return { label: `a result without ${f.name}`, value: { [c.data.name]: { "ref/1": rest } }, issues: [{ path: `/${key}/ref~11/${token(f.name)}`, code: "required" }] };
      }),
    ],
  };
  return out;
}
