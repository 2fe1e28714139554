import { describe, expect, it } from "vitest";
import { compileTexts } from "../support/compile.ts";
import { compile } from "../../generator/pipeline.ts";
import { decodeSpec } from "../../generator/load/load-specs.ts";
import { DIAGNOSTIC_CODES, formatDiagnostic } from "../../generator/check/diagnostics.ts";

/** A minimal valid spec; `fields` are appended to its field list, `tail` after it. */
const spec = (objectType = "demo-entity", fields = "", tail = "", title = "Demo Entity") => `objectType: ${objectType}
title: ${title}
fields:
  - name: customerId
    docType: String
    type: string
    required: true
${fields}${tail}`;

const field = (lines: string) => lines.split("\n").map((l, i) => (i === 0 ? `  - ${l}` : `    ${l}`)).join("\n") + "\n";
const table = (title: string, fieldName = "sku", extra = "") => `  - title: ${title}
    fields:
      - name: ${fieldName}
        docType: String
        type: string
${extra}`;
const nested = `  - name: items
    docType: Array
    type: array
    table: Order Item Entity
`;

type Case = { files: Record<string, string>; api?: string; want: string[] };
const cases: [string, Case][] = [
  ["yaml-syntax", { files: { "demo-entity.yaml": "objectType: demo-entity\ntitle: [unclosed\n" }, want: ["specs/demo-entity.yaml:3:1 yaml-syntax"] }],
  ["duplicate-key", { files: { "demo-entity.yaml": "objectType: demo-entity\ntitle: A\ntitle: B\nfields: []\n" }, want: ["specs/demo-entity.yaml:3:1 duplicate-key"] }],
  ["unknown-key", { files: { "demo-entity.yaml": spec("demo-entity", "    requried: true\n") }, want: ["specs/demo-entity.yaml:8:5 unknown-key"] }],
  ["missing-key", { files: { "demo-entity.yaml": spec("demo-entity", field("name: x\ntype: string")) }, want: ["specs/demo-entity.yaml:8:5 missing-key"] }],
  ["wrong-type", { files: { "demo-entity.yaml": spec("demo-entity", field("name: yob\ndocType: integer\ntype: integer\nexample: 1988")) }, want: ["specs/demo-entity.yaml:11:14 wrong-type"] }],
  ["invalid-value", { files: { "demo-entity.yaml": spec("demo-entity", field("name: mail\ndocType: String\ntype: string\nformat: e-mail")) }, want: ["specs/demo-entity.yaml:11:13 invalid-value"] }],
  ["unknown-type", { files: { "demo-entity.yaml": spec("demo-entity", field("name: x\ndocType: Str\ntype: str")) }, want: ["specs/demo-entity.yaml:10:11 unknown-type"] }],
  ["duplicate-field", { files: { "demo-entity.yaml": spec("demo-entity", field("name: customerId\ndocType: String\ntype: string")) }, want: ["specs/demo-entity.yaml:8:11 duplicate-field"] }],
  ["duplicate-object-type", { files: { "demo-entity.yaml": spec(), "demo-entity.yml": spec() }, want: ["specs/demo-entity.yml:1:13 duplicate-object-type"] }],
  ["duplicate-enum-value", { files: { "demo-entity.yaml": spec("demo-entity", field("name: gender\ndocType: String\ntype: string\nenum: [male, female, male]")) }, want: ["specs/demo-entity.yaml:11:26 duplicate-enum-value"] }],
  ["enum-example", { files: { "demo-entity.yaml": spec("demo-entity", field('name: gender\ndocType: String\ntype: string\nexample: "Male"\nenum: [male, female]')) }, want: ["specs/demo-entity.yaml:11:14 enum-example"] }],
  ["example-type", { files: { "demo-entity.yaml": spec("demo-entity", field('name: yob\ndocType: integer\ntype: integer\nexample: "19x8"')) }, want: ["specs/demo-entity.yaml:11:14 example-type"] }],
  ["unknown-field (rule)", { files: { "demo-entity.yaml": spec("demo-entity", "", 'rules:\n  - kind: any-of\n    groups: [[customerId], [phnoe]]\n    doc: ["Phone required"]\n') }, want: ["specs/demo-entity.yaml:10:29 unknown-field"] }],
  ["unknown-table", { files: { "demo-entity.yaml": spec("demo-entity", nested) }, want: ["specs/demo-entity.yaml:11:12 unknown-table"] }],
  ["duplicate-table", { files: { "demo-entity.yaml": spec("demo-entity", nested, "tables:\n" + table("Order Item Entity") + table("Order Item Entity")) }, want: ["specs/demo-entity.yaml:18:12 duplicate-table"] }],
  ["circular-table", { files: { "demo-entity.yaml": spec("demo-entity", nested, "tables:\n" + table("Order Item Entity", "children", "        table: Order Item Entity\n").replace(/type: string/, "type: array")) }, want: ["specs/demo-entity.yaml:18:16 circular-table"] }],
  ["table-mismatch", { files: { "demo-entity.yaml": spec("demo-entity", field("name: items\ndocType: Array\ntype: array")) }, want: ["specs/demo-entity.yaml:10:11 table-mismatch"] }],
  ["not-applicable", { files: { "demo-entity.yaml": spec("demo-entity", field("name: yob\ndocType: integer\ntype: integer\nenum: [a]")) }, want: ["specs/demo-entity.yaml:11:11 not-applicable"] }],
  ["erratum-mismatch", { files: { "demo-entity.yaml": spec("demo-entity", "", 'errata:\n  - field: customerId\n    property: example\n    doc: "C1"\n    corrected: "C2"\n    note: typo\n') }, want: ["specs/demo-entity.yaml:9:5 erratum-mismatch"] }],
  ["name-collision", { files: { "order-item.yaml": spec("order-item"), "purchase.yaml": spec("purchase", nested, "tables:\n" + table("Order Item Entity")) }, want: ["specs/purchase.yaml:13:12 name-collision"] }],
  ["invalid-name", { files: { "demo-entity.yaml": spec("demo-entity", nested, "tables:\n" + table("1st Item")).replace("table: Order Item Entity", "table: 1st Item") }, want: ["specs/demo-entity.yaml:13:12 invalid-name"] }],
  ["reserved-name", { files: { "validation-result.yaml": spec("validation-result") }, want: ["specs/validation-result.yaml:1:13 reserved-name"] }],
  ["file-name", { files: { "other.yaml": spec() }, want: ["specs/other.yaml:1:13 file-name"] }],
  ["encoding (BOM)", { files: { "demo-entity.yaml": "\uFEFF" + spec() }, want: ["specs/demo-entity.yaml:1:1 encoding"] }],
  ["api-spec", { files: { "demo-entity.yaml": spec() }, api: "package:\n  name: x\n  version: one\n", want: ["specs/api.yaml:3:12 api-spec"] }],
  ["api-spec (entry limits)", { files: { "demo-entity.yaml": spec() }, api: "entries:\n  min: 0\n  max: 50\n  most: 9\n", want: ["specs/api.yaml:2:8 api-spec", "specs/api.yaml:4:3 unknown-key"] }],
  ["api-spec (min above max)", { files: { "demo-entity.yaml": spec() }, api: "entries:\n  min: 60\n  max: 50\n", want: ["specs/api.yaml:2:3 api-spec"] }],
];

describe("spec diagnostics: code, file, line and column", () => {
  it.each(cases)("%s", (_name, { files, api, want }) => {
    const { diagnostics, model } = compileTexts(files, api ?? null);
    expect(diagnostics.map((d) => `${d.file}:${d.line}:${d.col} ${d.code}`)).toEqual(want);
    expect(model).toBeNull();
  });

  it("covers every registered code with a failing spec", () => {
    const covered = new Set(cases.map(([n]) => n.split(" ")[0]));
    const special = ["encoding", "file-too-large", "no-specs"];
    const missing = Object.keys(DIAGNOSTIC_CODES).filter((c) => !covered.has(c) && !special.includes(c));
    expect(missing).toEqual([]);
  });

  it("reports invalid UTF-8, oversized files and an empty folder", () => {
    const bad = decodeSpec("specs/a.yaml", new Uint8Array([0x6f, 0x3a, 0x20, 0xff, 0xfe, 0x0a]));
    const big = decodeSpec("specs/b.yaml", new Uint8Array(1_000_001).fill(0x61));
    expect(compile([bad, big]).diagnostics.map((d) => `${d.file}:${d.line}:${d.col} ${d.code}`)).toEqual(["specs/a.yaml:1:1 encoding", "specs/b.yaml:1:1 file-too-large"]);
    expect(compile([]).diagnostics.map((d) => d.code)).toEqual(["no-specs"]);
  });

  it("reports every problem of every file at once, sorted like a compiler", () => {
    const { diagnostics } = compileTexts({
      "b-entity.yaml": spec("b-entity", field("name: x\ndocType: Str\ntype: str") + "    requried: true\n"),
      "a-entity.yaml": spec("a-entity", field('name: yob\ndocType: integer\ntype: integer\nexample: "x"')),
    });
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      "specs/a-entity.yaml:11:14 error example-type: example 'x' of 'yob' is not an integer, as type integer requires; record an erratum if the doc is wrong",
      "specs/b-entity.yaml:10:11 error unknown-type: type of field 'x' is 'str', which is not one of string, integer, long, double, float, boolean, timestamp, date, list, object, array (did you mean 'string'?)",
      "specs/b-entity.yaml:11:5 error unknown-key: unknown key 'requried' in field #2 (did you mean 'required'?); allowed: name, docType, type, required, docRequired, description, example, default, enum, format, minimum, maximum, table",
    ]);
  });

  it("suggests the nearest field for a misspelt rule reference", () => {
    const { diagnostics } = compileTexts({ "demo-entity.yaml": spec("demo-entity", field("name: phone\ndocType: String\ntype: string"), 'rules:\n  - kind: all-of\n    fields: [phnoe]\n    doc: ["x"]\n') });
    expect(diagnostics[0]!.message).toContain("did you mean 'phone'?");
  });
});
