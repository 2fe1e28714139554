import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { main } from "../../generator/cli.ts";
import { compileTexts } from "../support/compile.ts";
import { CUSTOMER_PAGE, LAYOUTS_DIR, mutate, SPECS_DIR } from "./helpers.ts";

const IDENTITY = "Customer Identity Entity <customer-identity>\n";
const API = "# made-up API facts for the test\npackage:\n  name: demo-schemas\n  version: 2.3.4 # kept comment\ntitle: Demo\nserver:\n  url: https://demo.example/api\npaths:\n  ingestion: /in\n  authentication: /auth\ncallbackName: cb\n";

/** A repository-like folder: the frozen Customer specs (naming their page, with a maintainer's comment), a made-up api.yaml, the frozen page. */
function workspace(): string {
  const root = mkdtempSync(join(tmpdir(), "import-update-"));
  cpSync(new URL(".", SPECS_DIR), join(root, "specs"), { recursive: true });
  for (const name of readdirSync(join(root, "specs"))) {
    const path = join(root, "specs", name);
    writeFileSync(path, readFileSync(path, "utf8").replace("\nobjectType:", "\npage: customer.txt\nobjectType:").replace("  - name: yob\n", "  # maintainer: yob kept as the doc says\n  - name: yob\n"));
  }
  writeFileSync(join(root, "specs", "api.yaml"), API);
  cpSync(CUSTOMER_PAGE, join(root, "pages", "customer.txt"));
  return root;
}

async function run(root: string, args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "", err = "";
  const code = await main(["node", "pango-codegen", ...args], { out: (s) => { out += s; }, err: (s) => { err += s; }, cwd: root });
  return { code, out, err };
}

const spec = (root: string, name: string): string => readFileSync(join(root, "specs", name), "utf8");
const editPage = (root: string, edit: (page: string) => string): void => {
  const path = join(root, "pages", "customer.txt");
  writeFileSync(path, edit(readFileSync(path, "utf8")));
};
function compiles(root: string): void {
  const texts = Object.fromEntries(readdirSync(join(root, "specs")).filter((n) => n !== "api.yaml").map((n) => [n, spec(root, n)]));
  expect(compileTexts(texts).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
}

describe("import-doc --update", () => {
  it("changes nothing when the specs are in step with their page, and says so", async () => {
    const root = workspace();
    const before = readdirSync(join(root, "specs")).map((n) => spec(root, n));
    const r = await run(root, ["import-doc", "--update"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("1 page, 0 specs written, 0 removed\n");
    expect(r.out).toContain("bump: none");
    expect(readdirSync(join(root, "specs")).map((n) => spec(root, n))).toEqual(before);
  });

  it("an optional field and an enum value added: edits in place, keeps comments and errata, says what changed and the bump diff gives", async () => {
    const root = workspace();
    editPage(root, (p) => mutate(mutate(p, IDENTITY, "religious\n", "loyaltyTier\n\nString\n\nLoyalty tier\n\nGold\n\nreligious\n"), IDENTITY, "Gender: male, female, undefined", "Gender: male, female, other, undefined"));
    const before = spec(root, "customer-identity.yaml");
    const r = await run(root, ["import-doc", "--update"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("specs/customer-identity.yaml: updated from pages/customer.txt\n  ~ field gender: description, enum\n  + field loyaltyTier\n");
    // diff's compiler verdict: a grown enum union breaks consumers' exhaustive code, so the bump is major.
    expect(r.out).toMatch(/bump: major: set package.version in specs\/api.yaml to 3\.0\.0, now 2\.3\.4/u);
    const after = spec(root, "customer-identity.yaml");
    expect(after).toContain("  # maintainer: yob kept as the doc says\n  - name: yob\n");
    expect(after).toContain("  - name: loyaltyTier\n    docType: String\n    type: string\n    description: \"Loyalty tier\"\n    example: \"Gold\"\n  - name: religious\n");
    expect(after).toContain("    enum: [male, female, other, undefined]\n");
    // Only the changed lines differ: everything else (errata, formats, ranges, quoting) is the maintainer's text.
    const removed = before.split("\n").filter((l) => !after.split("\n").includes(l));
    expect(removed).toEqual(["    description: \"Gender: male, female, undefined\"", "    enum: [male, female, undefined]"]);
    compiles(root);
  });

  it("a rule reworded: follows the new sentences, keeps the rule's groups and the spec's style, a patch", async () => {
    const root = workspace();
    editPage(root, (p) => mutate(mutate(p, IDENTITY, "Phone Required if Email is missing", "Phone number; required when Email is not provided"), IDENTITY, "Email Required if Phone is missing", "Email address; required when Phone is not provided"));
    const before = spec(root, "customer-identity.yaml");
    const r = await run(root, ["import-doc", "--update"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("  ~ rules of the entity\n");
    expect(r.out).toMatch(/bump: patch/u);
    const after = spec(root, "customer-identity.yaml");
    // Only the sentences changed: the groups keep their flow style, the sentences their quotes.
    const changed = (a: string, b: string) => a.split("\n").filter((l) => !b.split("\n").includes(l));
    expect(changed(after, before).filter((l) => !l.includes("required when"))).toEqual([]);
    expect(changed(before, after).filter((l) => !l.includes("Required if"))).toEqual([]);
    expect(after).toContain('    groups: [[phone], [email]]\n    doc:\n      - "Phone number; required when Email is not provided"\n');
    compiles(root);
  });

  it("reads a rule sentence as its rule erratum corrects it: a wording it cannot read keeps its rule, in update and doc-diff", async () => {
    const root = workspace();
    const odd = "Phone is needed unless Email is given";
    editPage(root, (p) => mutate(p, IDENTITY, "Phone Required if Email is missing", odd));
    const path = join(root, "specs", "customer-identity.yaml");
    // The spec as the maintainer left it after the page changed: the new sentence, the rule kept through an erratum.
    writeFileSync(path, spec(root, "customer-identity.yaml").replaceAll('"Phone Required if Email is missing"', `"${odd}"`).replace("\nerrata:\n", `\nerrata:\n  - field: phone\n    property: rule\n    doc: "${odd}"\n    corrected: "Phone Required if Email is missing"\n    note: "Made up: the sentence in the words the importer reads."\n`));
    const before = spec(root, "customer-identity.yaml");
    // The erratum's corrected sentence is what the update reads: the rule stays, nothing to write, no bump.
    const r = await run(root, ["import-doc", "--update"]);
    expect(r.code).toBe(0);
    expect(r.out).not.toContain("no longer reads");
    expect(r.out).toContain("1 page, 0 specs written, 0 removed\n");
    expect(r.out).toContain("bump: none");
    expect(spec(root, "customer-identity.yaml")).toBe(before);
    // And doc-diff, reading the page the same way, finds the spec in step with it.
    const d = await run(root, ["doc-diff", "--all", "--fail-on", "any"]);
    expect(d.out + d.err).not.toMatch(/doc-rules|doc-required/u);
    expect(d.code).toBe(0);
  });

  it("a typo fixed that an erratum covered: removes the erratum, takes the doc's text and says so", async () => {
    const root = workspace();
    const erratumDoc = (parse(spec(root, "customer-identity.yaml")) as { errata: { field: string; doc: string; corrected: string; property: string }[] }).errata.find((e) => e.property === "description")!;
    editPage(root, (p) => mutate(p, IDENTITY, erratumDoc.doc, erratumDoc.corrected));
    const r = await run(root, ["import-doc", "--update"]);
    expect(r.out).toContain(`- erratum ${erratumDoc.field} description: the doc no longer reads ${JSON.stringify(erratumDoc.doc)}; it now reads ${JSON.stringify(erratumDoc.corrected)}, taken`);
    const after = parse(spec(root, "customer-identity.yaml")) as { fields: { name: string; description?: string }[]; errata: { field: string }[] };
    expect(after.fields.find((f) => f.name === erratumDoc.field)!.description).toBe(erratumDoc.corrected);
    expect(after.errata.map((e) => e.field)).not.toContain(erratumDoc.field);
    expect(after.errata.length).toBeGreaterThan(0);
    compiles(root);
    expect((await run(root, ["doc-diff", "pages/customer.txt", "--fail-on", "any"])).code).toBe(0);
  });

  it("a field made required: a major bump, applied to api.yaml with --bump (its comments kept)", async () => {
    const root = workspace();
    editPage(root, (p) => mutate(p, IDENTITY, "customerGroup\n\nString\n", "customerGroup\n\nString\n\nYes\n"));
    const r = await run(root, ["import-doc", "--update", "--bump"]);
    expect(r.out).toContain("  ~ field customerGroup: required, docRequired\n");
    expect(r.out).toContain("bump: major: package.version in specs/api.yaml set to 3.0.0 (was 2.3.4)");
    expect(spec(root, "api.yaml")).toBe(API.replace("2.3.4", "3.0.0"));
    expect((await run(root, ["diff", "--base", join(workspace(), "specs"), "--json", "--fail-on", "none"])).out).toContain("\"bump\": \"major\"");
  });

  it("a row removed and a new entity table: drops the field (and its errata), creates the new spec, and runs again to no change", async () => {
    const root = workspace();
    const identity = parse(spec(root, "customer-identity.yaml")) as { errata: { field: string }[] };
    const gone = identity.errata[0]!.field;
    editPage(root, (p) => {
      const at = p.indexOf(IDENTITY);
      const row = new RegExp(`\\n${gone}\\n\\n[^]*?\\n\\n(?=[a-z][A-Za-z0-9]*\\n\\n(String|Text|integer|Long|Timestamp|Object|List)\\n)`, "u");
      const cut = p.slice(0, at) + p.slice(at).replace(row, "\n");
      return cut.replace("PreviousUser", "Customer Device Entity <customer-device> [SUPPORT_IGNORED_UPDATE_CFS]\n\ndeviceId\n\nString\n\nYes\n\nDevice Id\n\nD-1\n\nPreviousUser");
    });
    const r = await run(root, ["import-doc", "--update"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`  - erratum ${gone} `);
    expect(r.out).toContain(`  - field ${gone}\n`);
    expect(r.out).toContain("specs/customer-device.yaml: created from pages/customer.txt (1 fields)");
    expect(r.out).toContain("bump: major");
    const device = parse(spec(root, "customer-device.yaml")) as Record<string, unknown>;
    expect(device).toMatchObject({ page: "customer.txt", objectType: "customer-device", tags: ["SUPPORT_IGNORED_UPDATE_CFS"] });
    expect((parse(spec(root, "customer-identity.yaml")) as { fields: { name: string }[] }).fields.map((f) => f.name)).not.toContain(gone);
    compiles(root);
    const again = await run(root, ["import-doc", "--update"]);
    expect(again.out).toContain("0 specs written, 0 removed");
  });

  it("an entity gone from its page removes its spec; a broken update writes nothing", async () => {
    const root = workspace();
    editPage(root, (p) => p.slice(0, p.lastIndexOf("Customer Photo Entity <customer-identity-photo>")) + p.slice(p.indexOf("PreviousUser")));
    const r = await run(root, ["import-doc", "--update"]);
    expect(r.out).toContain("specs/customer-identity-photo.yaml: removed (pages/customer.txt no longer has <customer-identity-photo>)");
    expect(existsSync(join(root, "specs", "customer-identity-photo.yaml"))).toBe(false);
    const broken = workspace();
    writeFileSync(join(broken, "specs", "customer-identity.yaml"), spec(broken, "customer-identity.yaml").replace("type: integer", "type: int"));
    const before = spec(broken, "customer-identity.yaml");
    expect((await run(broken, ["import-doc", "--update"])).code).toBe(2);
    expect(spec(broken, "customer-identity.yaml")).toBe(before);
  });

  it("keeps a docType erratum while the page still says Object, and marks where a cut copy stops", async () => {
    const root = workspace();
    cpSync(new URL("transaction.txt", LAYOUTS_DIR), join(root, "pages", "transaction.txt"));
    expect((await run(root, ["import-doc", "--update", "pages/transaction.txt"])).code).toBe(0);
    const path = join(root, "specs", "order.yaml");
    const hand = readFileSync(path, "utf8").replace("  - name: items\n    docType: Object\n    type: object\n", "  - name: items\n    docType: Object\n    type: array\n") +
      "errata:\n  - field: items\n    property: docType\n    doc: Object\n    corrected: Array\n    note: \"A list of items.\"\n";
    writeFileSync(path, hand);
    const r = await run(root, ["import-doc", "--update", "pages/transaction.txt"]);
    expect(r.out).toContain("0 specs written");
    expect(readFileSync(path, "utf8")).toBe(hand);
    expect(parse(hand)).toMatchObject({ tables: [{ title: "Order Item Entity", incomplete: { after: "imageLink" } }] });
  });
});

describe("doc-diff --all (what CI runs on every saved page)", () => {
  it("passes when every page is in step, and names the spec line when a page moved without its specs", async () => {
    const root = workspace();
    expect((await run(root, ["doc-diff", "--all"])).code).toBe(0);
    editPage(root, (p) => mutate(p, IDENTITY, "yob\n\ninteger\n", "yob\n\nLong\n"));
    const r = await run(root, ["doc-diff", "--all", "--format", "github"]);
    expect(r.code).toBe(1);
    const line = spec(root, "customer-identity.yaml").split("\n").indexOf("  - name: yob") + 1;
    expect(r.out).toContain(`::error file=specs/customer-identity.yaml,line=${line},title=doc-type::customer-identity / yob: type (pages/customer.txt:`);
  });

  it("refuses (exit 2) when a spec names no page, saying which", async () => {
    const root = workspace();
    writeFileSync(join(root, "specs", "customer-identity-email.yaml"), spec(root, "customer-identity-email.yaml").replace("page: customer.txt\n", ""));
    const r = await run(root, ["doc-diff", "--all"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("specs/customer-identity-email.yaml has no `page:`");
  });
});
