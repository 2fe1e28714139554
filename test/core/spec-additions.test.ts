import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import { parse } from "yaml";
import { compileTexts, emit } from "../support/compile.ts";
import { formatDiagnostic } from "../../generator/check/diagnostics.ts";
import type { Model } from "../../generator/model/ir.ts";

// The spec-format additions (page, incomplete, notes, default, `table: null`, docType and rule errata), on made-up specs.

const head = `page: demo.txt
objectType: demo-entity
title: Demo Entity
`;
const f = (lines: string): string => lines.split("\n").map((l, i) => (i === 0 ? `  - ${l}` : `    ${l}`)).join("\n") + "\n";
const contact = f("name: contactPhone\ndocType: String\ntype: string\ndescription: \"Phone Required if Email is missing\"") +
  f("name: contactEmail\ndocType: String\ntype: string\ndescription: \"Email Required if Phone is missing\"");
const good = `${head}incomplete: { after: status, note: "The copy stops inside this row." }
notes: ["Read with care."]
fields:
${contact}${f("name: condition\ndocType: String\ntype: string\ndefault: Created\nenum: [Changed, Created]")}${f("name: labels\ndocType: Array\ntype: array\ntable: null")}${f("name: extra\ndocType: Object\ntype: object\ntable: null")}${f("name: items\ndocType: Object\ntype: array\ntable: Line Entity")}${f("name: status\ndocType: String\ntype: string\ndescription: \"Record Status: Active, Delet\"")}rules:
  - kind: any-of
    groups: [[contactPhone], [contactEmail]]
    doc: ["Phone Required if Email is missing", "Email Required if Phone is missing"]
errata:
  - field: contactPhone
    property: rule
    doc: "Phone Required if Email is missing"
    corrected: "contactPhone is required if contactEmail is missing"
    note: "The fields are contactPhone and contactEmail."
  - field: items
    property: docType
    doc: Object
    corrected: Array
    note: "A list of lines."
tables:
  - title: Line Entity
    incomplete: { after: sku, note: "Cut after sku." }
    fields:
${f("name: sku\ndocType: String\ntype: string").replace(/^/gmu, "    ")}`;

function model(text: string): Model {
  const r = compileTexts({ "demo-entity.yaml": text });
  if (!r.model) throw new Error(r.diagnostics.map(formatDiagnostic).join("\n"));
  return r.model;
}

function diagnostics(text: string): string[] {
  return compileTexts({ "demo-entity.yaml": text }).diagnostics.map((d) => `${d.line}:${d.col} ${d.code}`);
}

describe("spec-format additions in the IR", () => {
  const m = model(good);
  const e = m.entities[0]!;
  const byName = new Map(e.fields.map((x) => [x.name, x]));

  it("keeps the page, the notes and where each incomplete table stops; an incomplete table accepts unknown keys", () => {
    expect(e.page).toBe("demo.txt");
    expect(e.notes).toEqual(["Read with care."]);
    expect(e.incomplete).toEqual({ after: "status", note: "The copy stops inside this row." });
    expect([e.acceptsUnknownKeys, e.customFields]).toEqual([true, false]);
    expect(e.tables[0]!.incomplete).toEqual({ after: "sku", note: "Cut after sku." });
    expect(e.tables[0]!.acceptsUnknownKeys).toBe(true);
  });

  it("types a tableless Array as a list of strings and a tableless Object as any object", () => {
    expect(byName.get("labels")).toMatchObject({ type: "list", tableless: true, table: null, docType: "Array" });
    expect(byName.get("extra")).toMatchObject({ type: "object", tableless: true, table: null });
    expect(byName.get("items")).toMatchObject({ type: "array", tableless: false, table: "Line" });
  });

  it("keeps the default verbatim and typed, and corrects the doc type while keeping the doc's word", () => {
    expect(byName.get("condition")).toMatchObject({ default: "Created", defaultValue: "Created", required: false });
    expect(byName.get("items")).toMatchObject({ docType: "Array", doc: { docType: "Object" } });
  });

  it("says so in every artefact: JSON Schema default and x-pango-incomplete, OpenAPI, types, docs", () => {
    const files = new Map(emit(m).map((x) => [x.path, x.contents]));
    const schema = JSON.parse(files.get("json-schema/demo-entity.schema.json")!);
    expect(schema.additionalProperties).toBe(true);
    expect(schema["x-pango-incomplete"]).toEqual({ after: "status", note: "The copy stops inside this row." });
    expect(schema.description).toContain("stops after `status`");
    expect(schema.$defs.Line["x-pango-incomplete"].after).toBe("sku");
    expect(schema.properties.condition.default).toBe("Created");
    expect(schema.properties.labels).toMatchObject({ type: ["array", "null"], items: { type: "string" } });
    expect(schema.properties.extra).toMatchObject({ type: ["object", "null"] });
    const openapi = parse(files.get("openapi/openapi.yaml")!);
    expect(openapi.components.schemas.DemoEntity.description).toContain("stops after `status`");
    expect(openapi.components.schemas.DemoEntity["x-pango-incomplete"].after).toBe("status");
    expect(files.get("types/demo-entity.ts")).toContain("Incomplete: the saved doc page stops after `status`");
    expect(files.get("types/demo-entity.ts")).toContain("@defaultValue \"Created\"");
    expect(files.get("docs/demo-entity.md")).toContain("stops after `status`");
    expect(files.get("docs/demo-entity.md")).toContain("| `items` | Object |");
  });

  it("the JSON Schema means it: unknown keys pass, a wrong default-typed value fails", () => {
    const files = new Map(emit(m).map((x) => [x.path, x.contents]));
    const ajv = new Ajv2020.default({ strict: false });
    const check = ajv.compile(JSON.parse(files.get("json-schema/demo-entity.schema.json")!));
    expect(check({ contactEmail: "a@b.io", notInThePage: 1, items: [{ sku: "S", cut: true }], extra: { any: [1] } })).toBe(true);
    expect(check({ contactEmail: "a@b.io", extra: [] })).toBe(false);
    expect(check({ contactEmail: "a@b.io", labels: [1] })).toBe(false);
  });
});

describe("diagnostics for misused additions", () => {
  const cases: [string, string, string[]][] = [
    ["a default outside the enum", good.replace("default: Created", "default: Deleted"), ["18:14 invalid-value"]],
    ["a default that is not the type's", `${head}fields:\n${f("name: n\ndocType: integer\ntype: integer\ndefault: seven")}`, ["8:14 invalid-value"]],
    ["a default on a nested table", `${head}fields:\n${f("name: n\ndocType: Object\ntype: object\ntable: null\ndefault: x")}`, ["9:14 not-applicable"]],
    ["incomplete.after naming no field", good.replace("after: status", "after: statuz"), ["4:22 unknown-field"]],
    ["incomplete.after naming a field that is not the last", good.replace("after: status", "after: labels"), ["4:22 invalid-value"]],
    ["an array with no table key", `${head}fields:\n${f("name: tags\ndocType: Array\ntype: array")}`, ["7:11 table-mismatch"]],
    ["a rule erratum whose sentence is not in the description", good.replace('doc: "Phone Required if Email is missing"\n    corrected', 'doc: "Phone is required"\n    corrected'), ["41:5 erratum-mismatch"]],
    ["a docType erratum that does not quote the Type column", good.replace("doc: Object", "doc: Array"), ["46:5 erratum-mismatch"]],
    ["a page that is a path", good.replace("page: demo.txt", "page: ../pages/demo.txt"), ["1:7 invalid-value"]],
    ["an incomplete without a note", good.replace(', note: "The copy stops inside this row."', ""), ["4:13 missing-key"]],
  ];
  it.each(cases)("%s", (_what, text, want) => {
    expect(diagnostics(text)).toEqual(want);
  });
});

describe("spec.schema.json", () => {
  const schema = JSON.parse(readFileSync("generator/spec/spec.schema.json", "utf8"));
  const ajv = new Ajv2020.default({ strict: false });
  const valid = ajv.compile(schema);
  it("accepts the additions and rejects a duplicate enum value", () => {
    expect(valid(parse(good)), JSON.stringify(valid.errors)).toBe(true);
    expect(valid(parse(good.replace("enum: [Changed, Created]", "enum: [Created, Created]")))).toBe(false);
  });
});
