import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { importPage } from "../../generator/doc/import-page.ts";
import { writeSpec } from "../../generator/doc/write-spec.ts";
import { DocPageError } from "../../generator/doc/page-model.ts";
import { parse } from "yaml";
import { customerPage } from "./helpers.ts";

const lines = customerPage().split("\n");
const contentStart = lines.findIndex((l) => l === "Customer Identity Entity <customer-identity>");
// Cells that steer the row reader: type words, the Required mark, headings, tags, bracket references, furniture.
const TOKENS = ["", "Yes", "String", "Object", "Array", "Text", "Custom Fields", "[ Order Item Entity ]", "Order Item Entity", "[SUPPORT_IGNORED_UPDATE_CFS]",
  "Thing Entity <thing>", "  • child", "Required if email is missing", "Gender: a, b", "Name", "Type", "x".repeat(50), "PreviousANextB", "<>", "a|b", "\"quoted\": yes"];

describe("import-doc on damaged pages", () => {
  it("either reads the page or refuses it with a DocPageError; notes point at real lines; drafts serialise to YAML", () => {
    const edit = fc.array(fc.record({ at: fc.nat({ max: lines.length - contentStart - 1 }), del: fc.nat({ max: 6 }), put: fc.constantFrom(...TOKENS) }), { maxLength: 12 });
    fc.assert(fc.property(edit, (edits) => {
      const page = [...lines];
      for (const e of edits) page.splice(contentStart + e.at, e.del, e.put);
      let result: ReturnType<typeof importPage>;
      try {
        result = importPage(page.join("\n"));
      } catch (err) {
        expect(err).toBeInstanceOf(DocPageError);
        return;
      }
      for (const n of result.notes) expect(n.line >= 1 && n.line <= page.length, `note line ${n.line}`).toBe(true);
      for (const s of result.specs) expect((parse(writeSpec(s, result.suspects)) as { objectType: string }).objectType).toBe(s.objectType);
    }), { numRuns: 60, seed: 20261128 });
  }, 120_000);

  it("reports a field listed twice and an object type used twice, with lines", () => {
    const page = "A Entity <a>\n\nid\n\nString\n\nId\n\nid\n\nString\n\nAgain\n\nB Entity <a>\n\nx\n\nString\n";
    const { notes } = importPage(page);
    expect(notes.filter((n) => n.severity === "error").map((n) => [n.line, n.code])).toEqual([[9, "duplicate-field"], [15, "duplicate-entity"]]);
  });

  it("refuses an overlong line instead of matching patterns against it", () => {
    expect(() => importPage(`A Entity <a>\n\nid\n\nString\n\n${"a ".repeat(5000)}\n`)).toThrow(/the line has 9999 characters/u);
  });
});
