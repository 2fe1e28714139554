import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { compile } from "../../generator/pipeline.ts";
import { loadApiFile, loadSpecFiles } from "../../generator/load/load-specs.ts";
import { emitDocs } from "../../generator/emit/docs/emit-docs.ts";
import { importPage } from "../../generator/doc/import-page.ts";
import type { Model } from "../../generator/model/ir.ts";
import { customerPage, SPECS_DIR } from "./helpers.ts";

function modelOf(files: Parameters<typeof compile>[0], api: Parameters<typeof compile>[1] = null): Model {
  const { diagnostics, model } = compile(files, api);
  expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return model!;
}

const specsDir = fileURLToPath(SPECS_DIR);
const model = modelOf(loadSpecFiles(specsDir, process.cwd()), loadApiFile(specsDir, process.cwd()));
const files = new Map(emitDocs(model).map((f) => [f.path, f.contents]));

/** The cells of a Markdown table row, unescaped back to the doc's text. */
function cells(row: string): string[] {
  return row.slice(2, -2).split(/ ?(?<!\\)\| ?/u).map((c) =>
    c.replace(/^(`+)(.*)\1$/u, (_m, _f: string, inner: string) => (/^ .* $/u.test(inner) ? inner.slice(1, -1) : inner)).replace(/<br>/gu, "\n").replace(/\\(.)/gu, "$1").replace(/&lt;/gu, "<").replace(/&gt;/gu, ">").replace(/&amp;/gu, "&"));
}

function fieldRows(page: string): string[] {
  const lines = page.split("\n");
  const start = lines.indexOf("| Name | Type | Required | Valid value / Description | Example |");
  expect(lines[start + 1]).toBe("|---|---|---|---|---|");
  const end = lines.findIndex((l, i) => i > start + 1 && !l.startsWith("|"));
  return lines.slice(start + 2, end);
}

describe("Markdown field tables (generated/docs)", () => {
  it("writes one page per entity and a README linking each", () => {
    expect([...files.keys()].sort()).toEqual(["docs/README.md", ...model.entities.map((e) => `docs/${e.objectType}.md`)].sort());
    for (const e of model.entities) expect(files.get("docs/README.md")).toContain(`[\`${e.objectType}\`](./${e.objectType}.md) | ${e.title} | ${e.fields.length} |`);
  });

  it("shows the documentation's own cells: importing customer.txt gives back every row of every page", () => {
    const drafts = importPage(customerPage()).specs;
    for (const d of drafts) {
      const rows = fieldRows(files.get(`docs/${d.objectType}.md`)!).map(cells);
      expect(rows).toEqual(d.fields.map((f) => [f.name, f.docType ?? "", f.docRequired ? "Yes" : "", f.description ?? "", f.example ?? ""]));
    }
  });

  it("lists the conditional rules and the errata with their corrections", () => {
    const page = files.get("docs/customer-relationship.md")!;
    expect(page).toContain("- Always required: `customerId`, `relationshipId`, `relationship`\n");
    expect(page).toContain("- At least one of: `fullName`; or `firstName` and `lastName`. From: \"Full name required if First and Last name are missing\"");
    expect(page).toContain("| `lastName` | Required | (blank) | Yes | firstName is marked Yes");
    expect(files.get("docs/customer-identity-address.md")).toContain("- All required: `city`, `district`, `address`. From: \"Required at least: City, District and Address\"");
    expect(files.get("docs/customer-identity-email.md")).not.toContain("## Errata");
  });

  it("keeps hostile doc text inside its cell and literal", () => {
    const text = [
      "objectType: odd-thing", "title: \"Odd <b>Thing</b> | Entity\"", "fields:",
      "  - name: \"a|b`c\"", "    docType: String", "    type: string",
      "    description: \"pipe | star *x* <script>alert(1)</script>\\nsecond line [link](http://x)\"", "    example: \"`tick` & <i>\"",
    ].join("\n") + "\n";
    const page = emitDocs(modelOf([{ file: "specs/odd-thing.yaml", text, problem: null, bytes: text.length }])).find((f) => f.path === "docs/odd-thing.md")!.contents;
    const [row] = fieldRows(page);
    expect(cells(row!)).toEqual(["a|b`c", "String", "", "pipe | star *x* <script>alert(1)</script>\nsecond line [link](http://x)", "`tick` & <i>"]);
    expect(page).not.toMatch(/<script>|<b>|<i>/u);
    expect(page).toContain("# Odd &lt;b&gt;Thing&lt;/b&gt; \\| Entity `<odd-thing>`");
  });

  it("shows a nested table under its own heading, linked from the field that holds it", () => {
    const text = [
      "objectType: order", "title: Order Entity", "fields:",
      "  - name: items", "    docType: Array", "    type: array", "    description: \"Items\"", "    table: Order Item Entity",
      "tables:", "  - title: Order Item Entity", "    fields:", "      - name: sku", "        docType: String", "        type: string", "        required: true", "        docRequired: true",
    ].join("\n") + "\n";
    const page = emitDocs(modelOf([{ file: "specs/order.yaml", text, problem: null, bytes: text.length }])).find((f) => f.path === "docs/order.md")!.contents;
    expect(page).toContain("| `items` | Array | | Items | [Order Item Entity](#order-item-entity) |");
    expect(page).toContain("\n## Order Item Entity\n\n| Name | Type | Required | Valid value / Description | Example |\n|---|---|---|---|---|\n| `sku` | String | Yes | | |\n");
  });
});
