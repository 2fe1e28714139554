import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { importPage } from "../../generator/doc/import-page.ts";
import { writeSpec } from "../../generator/doc/write-spec.ts";
import { DocPageError } from "../../generator/doc/page-model.ts";
import { compile } from "../../generator/pipeline.ts";
import { parse } from "yaml";
import { PAGES_DIR } from "./helpers.ts";

const page = (name: string): string => readFileSync(new URL(name, PAGES_DIR), "utf8");

describe("import-doc on synthetic pages", () => {
  it("reads a purchase order page (Double, Float, Long, Boolean, Object, Array, two nested tables) into the checked-in spec", () => {
    const { specs, notes, suspects } = importPage(page("purchase-order.txt"));
    const want = readFileSync(new URL("../specs/valid/purchase-order.yaml", import.meta.url), "utf8");
    expect(specs).toHaveLength(1);
    expect(writeSpec(specs[0]!, suspects, "../../../generator/spec/spec.schema.json")).toBe(want);
    expect(notes.filter((n) => n.severity !== "info")).toEqual([]);
  });

  it("writes a draft the spec checker accepts when the page has no suspect values", () => {
    const { specs, suspects } = importPage(page("purchase-order.txt"));
    const text = writeSpec(specs[0]!, suspects);
    const { diagnostics, model } = compile([{ file: "specs/purchase-order.yaml", text, problem: null, bytes: text.length }]);
    expect(diagnostics).toEqual([]);
    expect(model!.entities[0]!.tables.map((t) => t.title)).toEqual(["Shipping Address Entity", "Order Item Entity"]);
  });

  describe("constructs.txt", () => {
    const { specs, notes, suspects } = importPage(page("constructs.txt"));
    const spec = specs[0]!;
    const field = (name: string) => spec.fields.find((f) => f.name === name)!;

    it("takes the tag from the heading line and the Custom Fields row from the end of the table", () => {
      expect({ objectType: spec.objectType, title: spec.title, tags: spec.tags, customFields: spec.customFields })
        .toEqual({ objectType: "order-event", title: "Order Event Entity", tags: ["SUPPORT_IGNORED_UPDATE_CFS"], customFields: true });
    });

    it.each([
      ["eventId", { docType: "string", type: "string", required: true, docRequired: true }],
      ["quantity", { docType: "Integer", type: "integer" }],
      ["amount", { docType: "Double", type: "double", example: "12.5" }],
      ["ratio", { docType: "Float", type: "float" }],
      ["points", { docType: "Long", type: "long" }],
      ["happenedOn", { docType: "Text", type: "date" }],
      ["note", { docType: "Text", type: "string" }],
      ["tags", { docType: "List", type: "list", example: "[\"sale\"]" }],
      ["operatorCode", { docType: null, type: "string", description: "Operator code of the store" }],
      ["contactEmail", { format: "email" }],
      ["payload", { docType: "Object", type: "object", table: "Event Payload" }],
      ["lines", { docType: "Array", type: "array", table: "Event Line Entity", required: true }],
    ])("types %s", (name, want) => {
      expect(field(name)).toMatchObject(want);
    });

    it.each([
      ["eventType", ["Changed", "Created"]],
      ["channel", ["web", "app", "store"]],
      ["priority", ["low", "high"]],
    ])("reads the enum of %s", (name, values) => {
      expect(field(name).enum).toEqual(values);
    });

    it("keeps bullet lines with their bullet, joined by single line breaks", () => {
      expect(field("channel").description).toBe("Channel of the event:\n• web\n• app\n• store");
    });

    it("reads an open list (',..') as no enum", () => {
      expect(field("tags").enum).toBeUndefined();
    });

    it("reads nested tables with and without a header row", () => {
      expect(spec.tables.map((t) => [t.title, t.fields.map((f) => f.name)])).toEqual([
        ["Event Payload", ["source"]],
        ["Event Line Entity", ["sku", "quantity"]],
      ]);
      expect(spec.tables[1]!.fields[0]).toMatchObject({ name: "sku", required: true });
    });

    it("suspects examples that do not fit the type or the enum, with page lines", () => {
      expect(suspects.map((s) => [s.field, s.property, s.doc, s.line])).toEqual([
        ["quantity", "example", "two", 47],
        ["happenedOn", "example", "2024-02-30", 79],
        ["priority", "example", "urgent", 107],
      ]);
    });

    it("reports a requirement it cannot read and a row without a type, never guessing silently", () => {
      expect(notes.filter((n) => n.severity === "warning" && n.code !== "suspect-erratum").map((n) => [n.line, n.code])).toEqual([
        [103, "missing-type"],
        [119, "unread-condition"],
      ]);
      expect(spec.rules).toEqual([]);
    });
  });
});

describe("the draft writer", () => {
  it("writes any field name and doc text so that YAML reads them back unchanged", () => {
    // Names are single tokens (a cell with spaces is no field name), but any characters YAML gives meaning to.
    const names = ["true", "null", "123", "a:b", "a:", "-x", "#x", "x#y", "'q'", "\"dq\"", "Đệ", "{b}", "*ref", "&anchor", "@at", "`tick`", "%p", "!tag", "|pipe", ">fold", "?q"];
    const page = "Odd Entity <odd>\n\n" + names.map((n, i) => `${n}\n\nString\n\nText ${i}: "quoted" \\ back\u2028sep\n\nv${i}\n`).join("\n");
    const { specs, notes } = importPage(page);
    expect(notes.filter((n) => n.code === "unreadable-row")).toEqual([]);
    const back = parse(writeSpec(specs[0]!, [])) as { fields: { name: string; description: string; example: string }[] };
    expect(back.fields.map((f) => f.name)).toEqual(names);
    expect(back.fields.map((f) => [f.description, f.example])).toEqual(names.map((_n, i) => [`Text ${i}: "quoted" \\ back\u2028sep`, `v${i}`]));
  });
});

describe("import-doc refuses what it cannot read", () => {
  it("a page with no entity table is an error", () => {
    expect(() => importPage("Pango Help Center\n\nSome article\n\nWas this helpful?\n")).toThrow(DocPageError);
    expect(() => importPage("Pango Help Center\n\nSome article\n")).toThrow(/no entity table/u);
  });

  it("a heading without rows is an error", () => {
    expect(() => importPage("Thing Entity <thing>\n\nName\nType\nRequired\nDescription\nExample\n\nLast updated today\n")).toThrow(/no entity table with rows/u);
  });

  it("a table that does not start with a field name is reported with its line", () => {
    const { notes } = importPage("Thing Entity <thing>\n\nThis table lists things.\n\nthingId\n\nString\n\nYes\n\nThe id\n");
    expect(notes).toContainEqual(expect.objectContaining({ line: 3, severity: "error", code: "unreadable-row" }));
  });

  it("an Object row naming no nested table is reported with its line", () => {
    const { notes } = importPage("Thing Entity <thing>\n\nthingId\n\nString\n\ndetails\n\nObject\n\nDetails of the thing\n");
    expect(notes).toContainEqual(expect.objectContaining({ line: 7, severity: "error", code: "unknown-table" }));
  });

  it("a bracketed example whose text is also a cell does not start a nested table", () => {
    const { specs } = importPage("Thing Entity <thing>\n\nstatus\n\nString\n\nStatus\n\n[ Active ]\n\nmode\n\nString\n\nMode\n\nActive\n\nlevel\n\nString\n");
    expect(specs[0]!.fields.map((f) => [f.name, f.example ?? null])).toEqual([["status", "[ Active ]"], ["mode", "Active"], ["level", null]]);
    expect(specs[0]!.tables).toEqual([]);
  });

  it("reads a condition in other words: 'when', 'not provided', a subject of several words or with 'is'", () => {
    const page = (phone: string, email: string) => `Thing Entity <thing>\n\nphone\n\nString\n\nYes\n\n${phone}\n\nemail\n\nString\n\nYes\n\n${email}\n`;
    const usual = importPage(page("Phone Required if Email is missing", "Email Required if Phone is missing")).specs[0]!;
    const reworded: [string, string][] = [
      ["Phone number; required when Email is not provided", "Email address; required when Phone is not provided"],
      ["phone is required if email is absent", "email is required when phone is not given."],
    ];
    for (const [phone, email] of reworded) {
      const { notes, specs } = importPage(page(phone, email));
      expect(notes.filter((n) => n.code === "unread-condition"), phone).toEqual([]);
      expect(specs[0]!.rules.map((r) => ({ ...r, doc: [] })), phone).toEqual(usual.rules.map((r) => ({ ...r, doc: [] })));
      expect(specs[0]!.rules.flatMap((r) => r.doc)).toEqual([phone, email]);
      // Conditional, as with the usual wording: neither field is required on its own.
      expect(specs[0]!.fields.map((f) => f.required ?? false)).toEqual([false, false]);
    }
  });

  it("reads a value list behind 'Valid values:' after a sentence as the enum, as at the start of a line", () => {
    const page = (d: string) => `Thing Entity <thing>\n\ngender\n\nString\n\n${d}\n\nmale\n`;
    for (const d of ["Gender. Valid values: male, female, other", "Gender of the customer; valid values: male | female | other"]) {
      expect(importPage(page(d)).specs[0]!.fields[0]!.enum, d).toEqual(["male", "female", "other"]);
    }
    expect(importPage(page("Gender: male, female, other")).specs[0]!.fields[0]!.enum).toEqual(["male", "female", "other"]);
    expect(importPage(page("Gender of the customer")).specs[0]!.fields[0]!.enum).toBeUndefined();
  });

  it("a condition about another row's field is reported, not turned into a rule", () => {
    const { notes, specs } = importPage("Thing Entity <thing>\n\nphone\n\nString\n\nEmail required if Phone is missing\n\nemail\n\nString\n\nEmail\n");
    expect(notes).toContainEqual(expect.objectContaining({ line: 7, code: "unread-condition" }));
    expect(specs[0]!.rules).toEqual([]);
  });

  it("a condition naming fields the table lacks is reported, not turned into a rule", () => {
    const { notes, specs } = importPage("Thing Entity <thing>\n\nphone\n\nString\n\nYes\n\nPhone Required if Fax is missing\n\n0123\n");
    expect(notes).toContainEqual(expect.objectContaining({ line: 9, code: "unread-condition" }));
    expect(specs[0]!.rules).toEqual([]);
    expect(specs[0]!.fields[0]).toMatchObject({ required: true, docRequired: true });
  });
});
