import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../generator/cli.ts";
import { CUSTOMER_PAGE, FROZEN_SCHEMA, PAGES_DIR, SPECS_DIR } from "./helpers.ts";
import { fileURLToPath } from "node:url";

const root = join(import.meta.dirname, "../..");
async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "", err = "";
  const code = await main(["node", "pango-codegen", ...args], { out: (s) => { out += s; }, err: (s) => { err += s; }, cwd: root });
  return { code, out, err };
}

describe("pango-codegen import-doc (CLI)", () => {
  it("writes one draft per entity, with the schema line relative to the output folder, and reports what needs a look", async () => {
    const out = mkdtempSync(join(tmpdir(), "import-doc-"));
    const r = await run(["import-doc", fileURLToPath(CUSTOMER_PAGE), "--out", out]);
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      "customer-identity-address.yaml", "customer-identity-email.yaml", "customer-identity-photo.yaml",
      "customer-identity.yaml", "customer-membership.yaml", "customer-relationship.yaml",
    ]);
    const schema = relative(out, join(root, "generator/spec/spec.schema.json")).split("\\").join("/");
    const email = readFileSync(join(out, "customer-identity-email.yaml"), "utf8");
    // The draft names its page; the frozen hand spec was written before specs named theirs.
    expect(email.replace("\npage: customer.txt\n", "\n")).toBe(readFileSync(new URL("customer-identity-email.yaml", SPECS_DIR), "utf8").replace(FROZEN_SCHEMA, schema));
    expect(email).toContain("\npage: customer.txt\nobjectType: customer-identity-email\n");
    expect(r.out).toMatch(/^pango-codegen import-doc: 6 entities, 116 rows from .*customer\.txt \(\d+ ms\)\n/u);
    expect(r.out).toContain("5 suspected errata");
    expect(r.err).toMatch(/customer\.txt:644 warning missing-type: "internalCompanyId" has no Type word/u);
  });

  it("replaces its own earlier draft, but refuses to overwrite a spec with errata (naming them) unless --force", async () => {
    const out = mkdtempSync(join(tmpdir(), "import-doc-"));
    const page = fileURLToPath(new URL("purchase-order.txt", PAGES_DIR));
    const target = join(out, "purchase-order.yaml");
    expect((await run(["import-doc", page, "--out", out])).code).toBe(0);
    const draft = readFileSync(target, "utf8");
    writeFileSync(target, draft.replace("Purchase Order Entity", "Old Title"));
    const again = await run(["import-doc", page, "--out", out]);
    expect(again).toMatchObject({ code: 0, err: expect.not.stringContaining("refusing") });
    expect(readFileSync(target, "utf8")).toBe(draft);
    const withErratum = `${draft}errata:\n  - field: orderId\n    property: example\n    doc: "x"\n    corrected: "y"\n    note: "made up"\n`;
    writeFileSync(target, withErratum);
    const refused = await run(["import-doc", page, "--out", out]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain("refusing to overwrite");
    expect(refused.err).toContain("purchase-order.yaml (1 erratum)");
    expect(readFileSync(target, "utf8")).toBe(withErratum);
    const forced = await run(["import-doc", page, "--out", out, "--force"]);
    expect(forced.code).toBe(0);
    expect(readFileSync(target, "utf8")).toBe(draft);
  });

  it("exits 2 and writes nothing for a page with no entity table", async () => {
    const out = mkdtempSync(join(tmpdir(), "import-doc-"));
    const page = join(out, "page.txt");
    writeFileSync(page, "Pango Help Center\n\nRelease notes\n\nWas this helpful?\n");
    const r = await run(["import-doc", page, "--out", join(out, "drafts")]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^error: .*page\.txt: the page has no entity table/mu);
    expect(readdirSync(out)).toEqual(["page.txt"]);
  });

  it("exits 2 and writes nothing when part of the page cannot be read, naming the line", async () => {
    const out = mkdtempSync(join(tmpdir(), "import-doc-"));
    const page = join(out, "page.txt");
    writeFileSync(page, "Thing Entity <thing>\n\nthingId\n\nString\n\ndetails\n\nObject\n\nDetails\n");
    const r = await run(["import-doc", page, "--out", join(out, "drafts")]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/page\.txt:7 error unknown-table: the Object field "details" names no nested table/u);
    expect(readdirSync(out)).toEqual(["page.txt"]);
  });
});
