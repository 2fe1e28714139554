import { isMap, isScalar, isSeq, type Node, type Pair } from "yaml";
import type { Located, RawShape, RawShapeExample, RawShapeMap } from "./raw-spec.ts";
import { readField, readList, readNotes, type Reader } from "./read-spec.ts";

const SHAPE_KEYS = ["typeName", "title", "description", "notes", "open", "fields", "map", "examples"];
const MAP_KEYS = ["name", "description", "values"];

function readMap(r: Reader, pair: Pair<Node, Node | null> | undefined, what: string): RawShapeMap | null {
  if (!pair) return null;
  const m = r.map(pair.value, `map of ${what}`, MAP_KEYS, MAP_KEYS, r.pos(pair));
  if (!m) return null;
  const name = r.string(m.get("name"), `map name of ${what}`, { nonEmpty: true });
  const description = r.string(m.get("description"), `map description of ${what}`, { nonEmpty: true });
  const values = r.string(m.get("values"), `map values of ${what}`, { nonEmpty: true });
  if (!name?.value || !description?.value || !values?.value) return null;
  return { pos: r.pos(pair.value), name: name as Located<string>, description: description as Located<string>, values: values as Located<string> };
}

const EXAMPLE_KEYS = ["name", "summary", "description", "for", "value"];
const EXAMPLE_REQUIRED = ["name", "summary", "value"];

/** Named example records: `{name, summary, description?, for?, value}`, the value a mapping kept as the JSON it stands for. */
function readExamples(r: Reader, pair: Pair<Node, Node | null> | undefined, what: string): RawShapeExample[] {
  return (r.seq(pair, `examples of ${what}`) ?? []).flatMap((node, i): RawShapeExample[] => {
    const label = `example #${i + 1} of ${what}`;
    // A record written as the example itself (the format before examples had names): said once, with the new form.
    if (isMap(node) && node.items.length > 0 && node.items.every((p) => !(isScalar(p.key) && EXAMPLE_KEYS.includes(String(p.key.value))))) {
      r.report("missing-key", node, `${label} is a bare record; write it as { name, summary, value: { ...the record } }, with 'description' and 'for' if need be`);
      return [];
    }
    const m = r.map(node, label, EXAMPLE_KEYS, EXAMPLE_REQUIRED, node);
    if (!m) return [];
    const name = r.string(m.get("name"), `name of ${label}`, { nonEmpty: true });
    const summary = r.string(m.get("summary"), `summary of ${label}`, { nonEmpty: true });
    const description = m.has("description") ? r.string(m.get("description"), `description of ${label}`, { nonEmpty: true }) : null;
    const uses = r.strings(m.get("for"), `for of ${label}`) ?? [];
    const valuePair = m.get("value");
    const record = valuePair?.value;
    if (valuePair && !isMap(record)) r.report("wrong-type", record ?? valuePair, `value of ${label} must be a mapping (a whole record)`);
    if (!name?.value || !summary?.value || !isMap(record) || (description !== null && !description.value)) return [];
    return [{
      pos: r.pos(node), name: name as Located<string>, summary: summary as Located<string>, description: description as Located<string> | null,
      for: uses, value: { value: record.toJSON() as unknown, pos: r.pos(record) },
    }];
  });
}

function readShape(r: Reader, node: Node, index: number): RawShape | null {
  const m = r.map(node, `shape #${index + 1}`, SHAPE_KEYS, ["typeName", "title", "description"], node);
  if (!m) return null;
  const typeName = r.string(m.get("typeName"), `typeName of shape #${index + 1}`, { nonEmpty: true });
  const what = typeName?.value ? `shape '${typeName.value}'` : `shape #${index + 1}`;
  const title = r.string(m.get("title"), `title of ${what}`, { nonEmpty: true });
  const description = r.string(m.get("description"), `description of ${what}`, { nonEmpty: true });
  const shape: RawShape = {
    pos: r.pos(node), typeName: typeName as Located<string>, title: title as Located<string>, description: description as Located<string>,
    notes: readNotes(r, m.get("notes"), what),
    open: r.boolean(m.get("open"), `open of ${what}`),
    fields: m.has("fields") ? readList(r, m.get("fields"), `fields of ${what}`, readField) : null,
    map: readMap(r, m.get("map"), what),
    examples: readExamples(r, m.get("examples"), what),
  };
  // A shape is a table of fields or a map of another shape's records: one of the two, said where the shape starts.
  if (m.has("fields") === m.has("map")) r.report(m.has("map") ? "invalid-value" : "missing-key", node, `${what} must have either 'fields' (a table) or 'map' (records by key), not ${m.has("map") ? "both" : "neither"}`);
  if (m.has("map") && m.has("open")) r.report("not-applicable", m.get("open")!.key, `${what} is a map; 'open' applies to a table of fields (a map's object accepts other keys)`);
  return typeName?.value && title?.value && description?.value ? shape : null;
}

/** Reads api.yaml's `shapes` (its top-level pair): the API's shapes beside the entities. Null when the section is absent. */
export function readShapes(r: Reader, pair: Pair<Node, Node | null> | undefined): RawShape[] | null {
  if (!pair) return null;
  // Not a list: reported once here; no check of which shapes are missing would add anything.
  if (!isSeq(pair.value)) {
    r.seq(pair, "shapes");
    return null;
  }
  return readList(r, pair, "shapes", readShape);
}
