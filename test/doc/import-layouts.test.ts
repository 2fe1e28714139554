import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { importPage, type ImportedPage } from "../../generator/doc/import-page.ts";
import { writeSpec } from "../../generator/doc/write-spec.ts";
import type { DraftSpec, DraftTable } from "../../generator/doc/draft.ts";
import { LAYOUTS_DIR } from "./helpers.ts";

// Frozen copies of the saved pages (test/doc/frozen/pages): each exercises a layout pages/README.md lists.
const read = (name: string): ImportedPage => importPage(readFileSync(new URL(name, LAYOUTS_DIR), "utf8"), name);
const field = (t: DraftTable, name: string) => t.fields.find((f) => f.name === name)!;
const notesOf = (p: ImportedPage, code: string) => p.notes.filter((n) => n.code === code).map((n) => [n.line, n.severity]);
const lineOf = (page: string, text: string): number => readFileSync(new URL(page, LAYOUTS_DIR), "utf8").split("\n").indexOf(text) + 1;

describe("import-doc reads every layout of the saved pages", () => {
  it("the tag on its own line (lead.txt) and on the heading line (custom-model.txt)", () => {
    for (const name of ["lead.txt", "custom-model.txt"]) {
      const spec = read(name).specs[0]!;
      expect(spec.tags).toEqual(["SUPPORT_IGNORED_UPDATE_CFS"]);
      expect(spec.title).not.toContain("<");
    }
  });

  it("every draft carries the page it was read from", () => {
    const p = read("user-activity.txt");
    expect(p.specs.map((s) => s.page)).toEqual(["user-activity.txt", "user-activity.txt"]);
    expect(writeSpec(p.specs[0]!, p.suspects)).toMatch(/^page: user-activity\.txt\nobjectType: customer-product-activity\n/mu);
  });

  it("a nested table whose heading is followed directly by its Custom Fields row (transaction.txt)", () => {
    const order = read("transaction.txt").specs[0]!;
    expect(order.tables.map((t) => [t.title, t.customFields, t.fields[0]!.name])).toEqual([["Order Item Entity", true, "productSku"]]);
    expect(field(order, "items")).toMatchObject({ docType: "Object", type: "object", table: "Order Item Entity", required: true });
  });

  it("a nested table heading followed directly by its first row (meta-data.txt)", () => {
    const survey = read("meta-data.txt").specs[0]!;
    expect(survey.tables.map((t) => [t.title, t.customFields, t.fields.length])).toEqual([["Survey Question Entity", false, 7]]);
  });

  it("an Array row with no nested table is a list of strings (table: null), said in a note", () => {
    const p = read("custom-model.txt");
    expect(field(p.specs[0]!, "tags")).toMatchObject({ docType: "Array", type: "array", table: null, description: "List of Tags" });
    expect(notesOf(p, "array-of-strings")).toEqual([[lineOf("custom-model.txt", "tags"), "info"]]);
    expect(writeSpec(p.specs[0]!, [])).toContain("  - name: tags\n    docType: Array\n    type: array\n    description: \"List of Tags\"\n    table: null\n");
  });

  it("an Array row whose example is a bracketed list of values is no table reference (user-event.txt)", () => {
    const spec = read("user-event.txt").specs[0]!;
    expect(field(spec, "eventLabels")).toMatchObject({ type: "array", table: null, example: "[ “type”, “source: 123” ]" });
  });

  it("an Array row with no nested table whose example is no JSON array of strings is a suspected erratum, as a List row's is", () => {
    const p = read("user-event.txt");
    const lists = p.specs[0]!.fields.filter((f) => f.type === "array" && f.table === null && f.example !== undefined && !f.example.startsWith("[\""));
    expect(lists.length).toBeGreaterThan(0);
    expect(p.suspects.filter((s) => s.property === "example").map((s) => s.field)).toEqual(expect.arrayContaining(lists.map((f) => f.name)));
    expect(notesOf(p, "suspect-erratum")).toEqual(expect.arrayContaining(lists.map((f) => [lineOf("user-event.txt", f.name), "warning"])));
  });

  it("a Type word none of the doc's, and a row without Type described by its own name, each start a row and are reported", () => {
    // A made-up page: were these two rows read as more lines of the rows above, state and ward would vanish silently.
    const lines = ["Gadget Entity <gadget>", "", "Name", "Type", "Required", "Valid value / Description", "Example", "",
      "gadgetId", "", "String", "", "Yes", "", "Gadget Id", "", "G-1", "",
      "state", "", "State", "",
      "ward", "", "Varchar", "", "Ward", "", "Hiep Tan", "",
      "color", "", "String", "", "Color: red, blue", "", "red", "", "Last updated 2 years ago", ""];
    const p = importPage(lines.join("\n"), "gadget.txt");
    expect(p.specs[0]!.fields.map((f) => [f.name, f.docType, f.type, f.description, f.example])).toEqual([
      ["gadgetId", "String", "string", "Gadget Id", "G-1"],
      ["state", null, "string", "State", undefined],
      ["ward", "Varchar", "string", "Ward", "Hiep Tan"],
      ["color", "String", "string", "Color: red, blue", "red"],
    ]);
    const at = (text: string) => lines.indexOf(text) + 1;
    expect(p.notes.filter((n) => n.code === "missing-type" || n.code === "unknown-type").map((n) => [n.line, n.severity, n.code])).toEqual([
      [at("state"), "warning", "missing-type"], [at("Varchar"), "warning", "unknown-type"],
    ]);
    expect(p.notes.find((n) => n.code === "unknown-type")!.message).toMatch(/"ward" has the Type word "Varchar", which is none of the documentation's/u);
  });

  it("'Valid values: A | B', values one per line under 'Valid Values:', and 'Default: X'", () => {
    const spec = read("user-event.txt").specs[0]!;
    expect(field(spec, "condition")).toMatchObject({ enum: ["Changed", "Created"], default: "Created", example: "Changed" });
    expect(field(spec, "channel").enum).toEqual(["Online", "Offline", "None"]);
    expect(field(spec, "eventCtg").enum).toEqual(["CampaignBehaviour", "UserIdentity", "UserInteraction", "Transaction", "CustomerService", "Other"]);
    expect(writeSpec(spec, [])).toContain("    enum: [Changed, Created]\n    default: \"Created\"\n");
  });

  describe("a page saved without blank lines or header row (user-event.txt)", () => {
    const p = read("user-event.txt");
    const spec = p.specs[0]!;

    it("reads one row per field, a field named inside a wrapped sentence starting none", () => {
      const names = spec.fields.map((f) => f.name);
      expect(new Set(names).size).toBe(names.length);
      expect(names.filter((n) => n === "eventAt")).toHaveLength(1);
      expect(field(spec, "eventAt")).toMatchObject({ docType: "Timestamp", required: true });
      expect(field(spec, "condition").description).toContain("\neventAt\n");
      expect(p.notes.filter((n) => n.severity === "error")).toEqual([]);
    });

    it("drafts the row whose Name cell is missing under a name taken from its description, with a warning and a comment", () => {
      const typeLine = lineOf("user-event.txt", "Email address of an user") - 1;
      expect(spec.fields.map((f) => f.name).slice(spec.fields.findIndex((f) => f.name === "customerId"), -4)).toEqual(["customerId", "email", "phone"]);
      expect(field(spec, "customerId").example).toBe("C09320932032");
      expect(field(spec, "email")).toMatchObject({ docType: "String", description: "Email address of an user", example: "email@bytetech.io", format: "email" });
      const note = p.notes.find((n) => n.code === "missing-name")!;
      expect(note).toMatchObject({ line: typeLine, severity: "warning" });
      expect(note.message).toContain(`drafted as "email"`);
      expect(note.message).toContain(`line ${typeLine}`);
      expect(writeSpec(spec, [])).toContain(`  # import-doc: the page has no Name cell for this row (page line ${typeLine})`);
    });

    it("warns where two cells ran together (an enum value glued to the word before it), keeping the page's text", () => {
      const line = readFileSync(new URL("user-event.txt", LAYOUTS_DIR), "utf8").split("\n").findIndex((l) => /[a-z]Created\b/u.test(l)) + 1;
      expect(line).toBeGreaterThan(0);
      expect(notesOf(p, "run-together")).toEqual([[line, "warning"]]);
      expect(read("customer.txt").notes.filter((n) => n.code === "run-together")).toEqual([]);
    });

    it("keeps a cell in parentheses with the cell above it", () => {
      expect(field(spec, "sourceId").example).toBe("098685xxxx\n(Membership Id)");
    });
  });

  describe("a copy that stops inside a table", () => {
    it("inside a nested table: the table is incomplete after its last row, with a warning on the last line", () => {
      const p = read("transaction.txt");
      const items = p.specs[0]!.tables[0]!;
      const last = readFileSync(new URL("transaction.txt", LAYOUTS_DIR), "utf8").trimEnd().split("\n").length;
      expect(items.incomplete).toEqual({ after: items.fields[items.fields.length - 1]!.name, note: expect.stringContaining(`page line ${last}`) });
      expect(p.specs[0]!.incomplete).toBeNull();
      expect(notesOf(p, "cut-copy")).toEqual([[last, "warning"]]);
    });

    it("inside a description: no enum is read from the cut line (lead.txt: 'Active, Delet')", () => {
      const p = read("lead.txt");
      const spec = p.specs[0]!;
      expect(spec.incomplete).toMatchObject({ after: "recordStatus" });
      expect(field(spec, "recordStatus")).toMatchObject({ description: "Record Status: Active, Delet" });
      expect(field(spec, "recordStatus").enum).toBeUndefined();
      const text = writeSpec(spec, p.suspects);
      expect((parse(text) as { incomplete: unknown }).incomplete).toEqual({ after: "recordStatus", note: spec.incomplete!.note });
    });

    it("in the header row of a table with no heading (meta-data.txt): nothing drafted for it, the table before stays complete", () => {
      const p = read("meta-data.txt");
      expect(p.specs.map((s) => [s.objectType, s.incomplete])).toEqual([["meta-survey", null], ["meta-form-marketing", null]]);
      expect(field(p.specs[1]!, "recordStatus")).toMatchObject({ example: "Active", enum: ["Active", "Deleted"] });
      expect(notesOf(p, "cut-copy")).toEqual([[lastIndexOf("meta-data.txt", "Name"), "warning"]]);
    });

    it("a complete page (with its furniture) is never marked incomplete", () => {
      const specs: DraftSpec[] = [...read("customer.txt").specs, ...read("user-event.txt").specs];
      expect(specs.flatMap((s) => [s.incomplete, ...s.tables.map((t) => t.incomplete)]).every((x) => x === null)).toBe(true);
    });
  });

  it("a rule naming fields by another word is drafted on the fields it means and suspected as a `rule` erratum", () => {
    const p = read("user-activity.txt");
    expect(p.specs[0]!.rules).toEqual([{ kind: "any-of", groups: [["customerPhone"], ["customerEmail"]], doc: ["Phone Required if Email is missing", "Email Required if Phone is missing"] }]);
    expect(p.suspects.filter((s) => s.property === "rule").map((s) => [s.field, s.doc])).toEqual([
      ["customerPhone", "Phone Required if Email is missing"], ["customerEmail", "Email Required if Phone is missing"],
    ]);
  });

  it("an Object row described as a list is suspected as a `docType` erratum", () => {
    const p = read("transaction.txt");
    expect(p.suspects.filter((s) => s.property === "docType").map((s) => [s.field, s.doc])).toEqual([["items", "Object"]]);
  });
});

function lastIndexOf(page: string, text: string): number {
  return readFileSync(new URL(page, LAYOUTS_DIR), "utf8").split("\n").lastIndexOf(text) + 1;
}
