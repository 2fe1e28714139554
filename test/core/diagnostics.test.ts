import { describe, expect, it } from "vitest";
import { compileTexts } from "../support/compile.ts";
import { compile } from "../../generator/pipeline.ts";
import { decodeSpec } from "../../generator/load/load-specs.ts";
import { DIAGNOSTIC_CODES, formatDiagnostic, type Diagnostic } from "../../generator/check/diagnostics.ts";
import { checkDocType } from "../../generator/check/doc-consistency.ts";
import type { RawErratum, RawField } from "../../generator/check/raw-spec.ts";

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
  ["circular-table", { files: { "demo-entity.yaml": spec("demo-entity", nested, "tables:\n" + table("Order Item Entity", "children", "        table: Order Item Entity\n").replace(/docType: String\n(\s+)type: string/, "docType: Array\n$1type: array")) }, want: ["specs/demo-entity.yaml:18:16 circular-table"] }],
  ["table-mismatch", { files: { "demo-entity.yaml": spec("demo-entity", field("name: items\ndocType: Array\ntype: array")) }, want: ["specs/demo-entity.yaml:10:11 table-mismatch"] }],
  ["not-applicable", { files: { "demo-entity.yaml": spec("demo-entity", field("name: yob\ndocType: integer\ntype: integer\nenum: [a]")) }, want: ["specs/demo-entity.yaml:11:11 not-applicable"] }],
  ["erratum-mismatch", { files: { "demo-entity.yaml": spec("demo-entity", "", 'errata:\n  - field: customerId\n    property: example\n    doc: "C1"\n    corrected: "C2"\n    note: typo\n') }, want: ["specs/demo-entity.yaml:9:5 erratum-mismatch"] }],
  ["doc-type-mismatch", { files: { "demo-entity.yaml": spec("demo-entity", field("name: memberId\ndocType: Long\ntype: string")) }, want: ["specs/demo-entity.yaml:9:14 doc-type-mismatch"] }],
  ["name-collision", { files: { "order-item.yaml": spec("order-item"), "purchase.yaml": spec("purchase", nested, "tables:\n" + table("Order Item Entity")) }, want: ["specs/purchase.yaml:13:12 name-collision"] }],
  ["invalid-name", { files: { "demo-entity.yaml": spec("demo-entity", nested, "tables:\n" + table("1st Item")).replace("table: Order Item Entity", "table: 1st Item") }, want: ["specs/demo-entity.yaml:13:12 invalid-name"] }],
  ["reserved-name", { files: { "validation-result.yaml": spec("validation-result") }, want: ["specs/validation-result.yaml:1:13 reserved-name"] }],
  ["file-name", { files: { "other.yaml": spec() }, want: ["specs/other.yaml:1:13 file-name"] }],
  ["encoding (BOM)", { files: { "demo-entity.yaml": "\uFEFF" + spec() }, want: ["specs/demo-entity.yaml:1:1 encoding"] }],
  ["api-spec", { files: { "demo-entity.yaml": spec() }, api: "package:\n  name: x\n  version: one\n", want: ["specs/api.yaml:3:12 api-spec"] }],
  ["api-spec (entry limits)", { files: { "demo-entity.yaml": spec() }, api: "entries:\n  min: 0\n  max: 50\n  most: 9\n", want: ["specs/api.yaml:2:8 api-spec", "specs/api.yaml:4:3 unknown-key"] }],
  ["api-spec (min above max)", { files: { "demo-entity.yaml": spec() }, api: "entries:\n  min: 60\n  max: 50\n", want: ["specs/api.yaml:2:3 api-spec"] }],
];

/** Codes whose severity is warning (heuristic checks): reported, the model still built. */
const warningCases: [string, Case][] = [
  ["enum-description (typo)", { files: { "demo-entity.yaml": spec("demo-entity", field('name: status\ndocType: String\ntype: string\ndescription: "Status: Single, Married"\nenum: [Single, Maried]')) }, want: ["specs/demo-entity.yaml:12:20 enum-description"] }],
  ["enum-description (missing and extra)", { files: { "demo-entity.yaml": spec("demo-entity", field('name: status\ndocType: String\ntype: string\ndescription: "Valid values: New | Open | Closed"\nenum: [New, Open, Archived]')) }, want: ["specs/demo-entity.yaml:12:11 enum-description", "specs/demo-entity.yaml:12:23 enum-description"] }],
];

describe("spec diagnostics: code, file, line and column", () => {
  it.each(cases)("%s", (_name, { files, api, want }) => {
    const { diagnostics, model } = compileTexts(files, api ?? null);
    expect(diagnostics.map((d) => `${d.file}:${d.line}:${d.col} ${d.code}`)).toEqual(want);
    expect(model).toBeNull();
  });

  it("covers every registered code with a failing spec", () => {
    const covered = new Set([...cases, ...warningCases].map(([n]) => n.split(" ")[0]));
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

  it.each(warningCases)("%s: a warning at the value or the enum; the model is still built", (_name, { files, want }) => {
    const { diagnostics, model } = compileTexts(files);
    expect(diagnostics.map((d) => `${d.file}:${d.line}:${d.col} ${d.code}`)).toEqual(want);
    expect(diagnostics.every((d) => d.severity === "warning")).toBe(true);
    expect(model).not.toBeNull();
  });

  it("names the doc's spelling of a misspelt enum value, and what is missing or extra", () => {
    const { diagnostics } = compileTexts({ "demo-entity.yaml": spec("demo-entity", field('name: status\ndocType: String\ntype: string\ndescription: "Status: Single, Married, Widowed"\nenum: [Single, Maried, Divorced]')) });
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      "specs/demo-entity.yaml:12:11 warning enum-description: the description of 'status' lists 'Widowed', which its enum lacks",
      "specs/demo-entity.yaml:12:20 warning enum-description: enum value 'Maried' of 'status' is 'Married' in its description; make them agree, or record an erratum on the description if the doc is wrong",
      "specs/demo-entity.yaml:12:28 warning enum-description: enum value 'Divorced' of 'status' is not in the value list of its description (Single, Married, Widowed)",
    ]);
  });

  it("a description erratum that corrects the doc's list settles the enum; a docType erratum excuses the Type word", () => {
    const errata = 'errata:\n  - field: status\n    property: description\n    doc: "Status: Single, Maried"\n    corrected: "Status: Single, Married"\n    note: typo in the doc\n';
    const typo = compileTexts({ "demo-entity.yaml": spec("demo-entity", field('name: status\ndocType: String\ntype: string\ndescription: "Status: Single, Maried"\nenum: [Single, Married]'), errata) });
    expect(typo.diagnostics).toEqual([]);
    // Through the reader: a docType erratum on an Object row that holds a list.
    const listed = (doc: string) => compileTexts({ "demo-entity.yaml": spec("demo-entity", nested.replace("docType: Array", "docType: Object"), "tables:\n" + table("Order Item Entity") + `errata:\n  - field: items\n    property: docType\n    doc: "${doc}"\n    corrected: "Array"\n    note: the rows are a list\n`) }).diagnostics;
    expect(listed("Object")).toEqual([]);
    expect(listed("Objects").map((d) => d.code)).toEqual(["erratum-mismatch"]);
    // And directly, on the rule itself.
    const pos = (line: number, col: number) => ({ file: "specs/demo-entity.yaml", line, col });
    const items: RawField = {
      pos: pos(8, 5), name: { value: "items", pos: pos(8, 11) }, docType: { value: "Object", pos: pos(9, 14) }, type: { value: "array", pos: pos(10, 11) },
      required: false, docRequired: false, description: null, example: null, enum: null, format: null, minimum: null, maximum: null, default: null, table: { value: "Order Item Entity", pos: pos(11, 12) },
    };
    const erratum = { pos: pos(20, 5), field: { value: "items", pos: pos(20, 12) }, property: "docType", doc: "Object", corrected: "Array", note: "the rows are a list" } as unknown as RawErratum;
    const found = (errata: RawErratum[]) => { const out: Diagnostic[] = []; checkDocType(items, errata, out); return out.map(formatDiagnostic); };
    expect(found([erratum])).toEqual([]);
    // An erratum that misquotes the column still claims the contradiction: erratum-mismatch reports it, once.
    expect(found([{ ...erratum, doc: "Objects" }])).toEqual([]);
    expect(found([{ ...erratum, property: "description" } as RawErratum])).toEqual([
      "specs/demo-entity.yaml:9:14 error doc-type-mismatch: docType 'Object' of 'items' reads as type object, but its type is array; fix 'type', or record an erratum (property: docType, doc: \"Object\") if the doc's Type column is wrong",
    ]);
  });

  it("a blank Type column contradicts no type; 'Text' may be a string or a date", () => {
    const { diagnostics } = compileTexts({ "demo-entity.yaml": spec("demo-entity", field("name: score\ndocType: null\ntype: integer") + field("name: note\ndocType: Text\ntype: string") + field("name: day\ndocType: Text\ntype: date")) });
    expect(diagnostics).toEqual([]);
  });

  it("a shape error does not hide the later passes: every problem of the file in one run", () => {
    const { diagnostics } = compileTexts({ "demo-entity.yaml": spec("demo-entity", field('name: yob\ndocType: integer\ntype: integer\nexample: "19x8"\nrequried: true') + field("name: memberId\ndocType: Long\ntype: string")) });
    expect(diagnostics.map((d) => `${d.file}:${d.line}:${d.col} ${d.code}`)).toEqual([
      "specs/demo-entity.yaml:11:14 example-type",
      "specs/demo-entity.yaml:12:5 unknown-key",
      "specs/demo-entity.yaml:14:14 doc-type-mismatch",
    ]);
  });

  it("YAML indentation mistakes get a hint that names the line and its columns", () => {
    const { diagnostics } = compileTexts({ "demo-entity.yaml": "objectType: demo-entity\ntitle: Demo\nfields:\n  - name: a\n     docType: String\n    type: string\n" });
    expect(diagnostics.length).toBeGreaterThan(0);
    for (const d of diagnostics) expect(`${d.file}:${d.line}:${d.col} ${d.code}`).toBe("specs/demo-entity.yaml:4:11 yaml-syntax");
    expect(diagnostics[0]!.message).toContain("(hint: check the indentation: line 5 starts in column 6 where the keys above it start in column 5;");
    const tab = compileTexts({ "demo-entity.yaml": "objectType: demo-entity\ntitle: Demo\nfields:\n  - name: a\n\tdocType: String\n" });
    expect(tab.diagnostics[0]!.message).toContain("hint: check the indentation: line 5 is indented with a tab;");
  });

  it("suggests the nearest field for a misspelt rule reference", () => {
    const { diagnostics } = compileTexts({ "demo-entity.yaml": spec("demo-entity", field("name: phone\ndocType: String\ntype: string"), 'rules:\n  - kind: all-of\n    fields: [phnoe]\n    doc: ["x"]\n') });
    expect(diagnostics[0]!.message).toContain("did you mean 'phone'?");
  });
});
