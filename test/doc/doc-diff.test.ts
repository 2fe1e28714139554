import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importPage } from "../../generator/doc/import-page.ts";
import { viewOfDraft } from "../../generator/doc/spec-view.ts";
import { diffSpecs, differs, type Change, type EntityDiff } from "../../generator/doc/diff-specs.ts";
import { main } from "../../generator/cli.ts";
import { readFileSync } from "node:fs";
import { customerPage, handSpecs, handSpecsIn, mutate, PAGES_DIR, SPECS_DIR } from "./helpers.ts";

const FROZEN_SPECS = "test/doc/frozen/specs";
const frozenLines = (file: string): string[] => readFileSync(new URL(file, SPECS_DIR), "utf8").split("\n");
/** 1-based line of a frozen spec's line, found by its text (never a pinned number). */
const frozenLine = (file: string, text: string): number => frozenLines(file).indexOf(text) + 1;
/** The name of the field listed before `name` in a frozen spec. */
function frozenFieldBefore(file: string, name: string): string {
  const names = frozenLines(file).filter((l) => l.startsWith("  - name: ")).map((l) => l.slice(10));
  return names[names.indexOf(name) - 1]!;
}

const specs = [...handSpecs().values()].map((h) => h.view);
const diff = (page: string): EntityDiff[] => diffSpecs(specs, importPage(page).specs.map(viewOfDraft));
const changesOf = (diffs: EntityDiff[], objectType: string) => diffs.find((d) => d.objectType === objectType)!.changes;
const IDENTITY = "Customer Identity Entity <customer-identity>\n";
const page = customerPage();

describe("doc-diff classifies what moved in the documentation", () => {
  it("finds no drift between customer.txt and specs/, and lists the errata the specs correct", () => {
    const diffs = diff(page);
    expect(differs(diffs)).toBe(false);
    expect(diffs.map((d) => d.status)).toEqual(["same", "same", "same", "same", "same", "same"]);
    expect(diffs.flatMap((d) => d.errata.map((e) => `${d.objectType} ${e.field} ${e.property} ${e.status}`))).toEqual([
      "customer-identity nickNames example corrected-by-spec",
      "customer-identity dob2 example corrected-by-spec",
      "customer-identity apartmentCode description corrected-by-spec",
      "customer-identity-address district example corrected-by-spec",
      "customer-membership timezoneGmt description corrected-by-spec",
      "customer-relationship lastName docRequired corrected-by-spec",
    ]);
  });

  it("a row added", () => {
    const changed = mutate(page, IDENTITY, "religious\n", "loyaltyTier\n\nString\n\nLoyalty tier\n\nGold\n\nreligious\n");
    const changes = changesOf(diff(changed), "customer-identity");
    expect(changes).toEqual([expect.objectContaining({ kind: "field-added", field: "loyaltyTier", table: null, line: 788 })]);
  });

  it("a row removed", () => {
    const changed = mutate(page, IDENTITY, "religious\n\nString\n\nRelate to Religion\n\n", "");
    expect(changesOf(diff(changed), "customer-identity")).toEqual([expect.objectContaining({ kind: "field-removed", field: "religious" })]);
  });

  it("a row retyped", () => {
    const changed = mutate(page, IDENTITY, "yob\n\ninteger\n", "yob\n\nLong\n");
    expect(changesOf(diff(changed), "customer-identity")).toEqual([
      expect.objectContaining({ kind: "type", field: "yob", spec: { docType: "integer", type: "integer" }, page: { docType: "Long", type: "long" } }),
    ]);
  });

  it("an enum value added (the description says it, so the description changes too)", () => {
    const changed = mutate(page, IDENTITY, "Gender: male, female, undefined", "Gender: male, female, other, undefined");
    const changes = changesOf(diff(changed), "customer-identity");
    expect(changes.map((c) => [c.kind, c.field])).toEqual([["enum", "gender"], ["description", "gender"]]);
    expect(changes[0]).toMatchObject({ spec: ["male", "female", "undefined"], page: ["male", "female", "other", "undefined"] });
    expect(changesOf(diff(changed), "customer-relationship")).toEqual([]);
  });

  it("a row made required", () => {
    const changed = mutate(page, IDENTITY, "customerGroup\n\nString\n", "customerGroup\n\nString\n\nYes\n");
    expect(changesOf(diff(changed), "customer-identity")).toEqual([
      expect.objectContaining({ kind: "required", field: "customerGroup", spec: "", page: "Yes" }),
    ]);
  });

  it("rows reordered", () => {
    const moved = mutate(page, IDENTITY, "state\n\nString\n\nState\n\n", "");
    const changed = mutate(moved, IDENTITY, "city\n\nString\n\nCity\n\nHo Chi Minh\n\n", "city\n\nString\n\nCity\n\nHo Chi Minh\n\nstate\n\nString\n\nState\n\n");
    const changes = changesOf(diff(changed), "customer-identity");
    expect(changes).toEqual([expect.objectContaining({ kind: "field-order" })]);
    expect((changes[0]!.spec as string[]).slice(20, 23)).toEqual(["country", "state", "city"]);
    expect((changes[0]!.page as string[]).slice(20, 23)).toEqual(["country", "city", "state"]);
  });

  it("an example and a description changed", () => {
    const changed = mutate(mutate(page, IDENTITY, "Customer Group\n\nVIP", "Customer Group\n\nGOLD"), IDENTITY, "Year of birth", "Year of birth (4 digits)");
    expect(changesOf(diff(changed), "customer-identity").map((c) => [c.kind, c.field, c.spec, c.page])).toEqual([
      ["example", "customerGroup", "VIP", "GOLD"],
      ["description", "yob", "Year of birth", "Year of birth (4 digits)"],
    ]);
  });

  it("an entity removed and an entity added", () => {
    const start = page.lastIndexOf("Customer Photo Entity <customer-identity-photo>"), end = page.indexOf("PreviousUser");
    const changed = page.slice(0, start) + "Customer Device Entity <customer-device>\n\ndeviceId\n\nString\n\nYes\n\nDevice Id\n\nD-1\n\n" + page.slice(end);
    const diffs = diff(changed);
    expect(diffs.filter((d) => d.status !== "same").map((d) => [d.objectType, d.status, d.changes.map((c) => c.kind)])).toEqual([
      ["customer-device", "added", ["entity-added"]],
      ["customer-identity-photo", "removed", ["entity-removed"]],
    ]);
  });

  it("an erratum the doc has fixed is not drift, and is reported as removable", () => {
    const changed = mutate(page, IDENTITY, "Apartement code", "Apartment code");
    const d = diff(changed).find((x) => x.objectType === "customer-identity")!;
    expect(d.changes).toEqual([]);
    expect(d.errata).toContainEqual(expect.objectContaining({ field: "apartmentCode", property: "description", status: "fixed-in-doc" }));
  });

  it("a spec errata row whose doc text moved elsewhere is drift", () => {
    const changed = mutate(page, IDENTITY, "Apartement code", "Apartment number");
    expect(changesOf(diff(changed), "customer-identity")).toEqual([expect.objectContaining({ kind: "description", field: "apartmentCode", spec: "Apartement code", page: "Apartment number" })]);
  });
});

describe("doc-diff on nested tables", () => {
  const po = readFileSync(new URL("purchase-order.txt", PAGES_DIR), "utf8");
  const poSpecs = [...handSpecsIn(new URL("../specs/valid/", import.meta.url)).values()].map((h) => h.view);
  const diffPo = (text: string): readonly Change[] => diffSpecs(poSpecs, importPage(text).specs.map(viewOfDraft))[0]!.changes;

  it("finds no drift between the purchase order page and its spec", () => {
    expect(diffPo(po)).toEqual([]);
  });

  it("names the nested table of a change", () => {
    const changed = mutate(mutate(po, "Order Item Entity\n\nsku", "weight\n\nFloat\n", "weight\n\nDouble\n"), "Shipping Address Entity\n\nName", "ward\n\nString\n\nWard\n\nBen Nghe\n\n", "");
    expect(diffPo(changed).map((c) => [c.kind, c.table, c.field])).toEqual([
      ["field-removed", "Shipping Address Entity", "ward"],
      ["type", "Order Item Entity", "weight"],
    ]);
  });

  it("reports a nested table the page no longer has", () => {
    const changed = mutate(po, "Order Item Entity\n\nsku", "Order Item Entity\n\n", "Order Line Entity\n\n").replace("[ Order Item Entity ]", "[ Order Line Entity ]");
    expect(diffPo(changed).map((c) => [c.kind, c.table, c.field])).toEqual([
      ["example", null, "items"],
      ["table-ref", null, "items"],
      ["table-added", "Order Line Entity", null],
      ["table-removed", "Order Item Entity", null],
    ]);
  });
});

describe("pango-codegen doc-diff (CLI)", () => {
  const run = async (args: string[]) => {
    let out = "", err = "";
    const code = await main(["node", "pango-codegen", ...args, "--specs", FROZEN_SPECS], { out: (s) => { out += s; }, err: (s) => { err += s; }, cwd: join(import.meta.dirname, "../..") });
    return { code, out, err };
  };
  const dir = mkdtempSync(join(tmpdir(), "doc-diff-"));
  const write = (name: string, text: string): string => { const p = join(dir, name); writeFileSync(p, text); return p; };

  it("exits 0 when the page matches the specs, listing the errata the specs still correct at their spec lines", async () => {
    const r = await run(["doc-diff", write("same.txt", page)]);
    expect(r.code).toBe(0);
    const erratumLine = frozenLine("customer-identity.yaml", "  - field: dob2");
    expect(r.out).toContain(`${FROZEN_SPECS}/customer-identity.yaml:${erratumLine} notice erratum-corrected-by-spec: customer-identity / dob2: erratum: example still reads`);
    expect(r.out).toMatch(/matches test\/doc\/frozen\/specs \(6 entities\)\n$/u);
  });

  it("names the spec file and line of every change: the field's entry, or the entry a new field follows", async () => {
    const added = mutate(page, IDENTITY, "religious\n", "loyaltyTier\n\nString\n\nLoyalty tier\n\nGold\n\nreligious\n");
    const retyped = mutate(added, IDENTITY, "yob\n\ninteger\n", "yob\n\nLong\n");
    const r = await run(["doc-diff", write("moved.txt", retyped)]);
    expect(r.code).toBe(1);
    const spec = `${FROZEN_SPECS}/customer-identity.yaml`;
    const before = frozenFieldBefore("customer-identity.yaml", "religious");
    expect(r.out).toContain(`${spec}:${frozenLine("customer-identity.yaml", `  - name: ${before}`)} error doc-field-added: customer-identity / loyaltyTier: field on the page (`);
    expect(r.out).toContain(`${spec}:${frozenLine("customer-identity.yaml", "  - name: yob")} error doc-type: customer-identity / yob`);
    expect(r.out).toMatch(/differs from test\/doc\/frozen\/specs: 2 changes in 1 entity\n$/u);
  });

  it("--format github annotates the spec lines; --fail-on chooses what fails", async () => {
    const fixed = write("fixed.txt", mutate(page, IDENTITY, "Apartement code", "Apartment code"));
    const gh = await run(["doc-diff", fixed, "--format", "github"]);
    expect(gh.code).toBe(0);
    const line = frozenLine("customer-identity.yaml", "  - field: apartmentCode");
    expect(gh.out).toContain(`::warning file=${FROZEN_SPECS}/customer-identity.yaml,line=${line},title=erratum-fixed-in-doc::customer-identity / apartmentCode: erratum fixed in the doc`);
    expect(gh.out.split("\n").filter((l) => l !== "").every((l) => l.startsWith("::"))).toBe(true);
    expect((await run(["doc-diff", fixed, "--fail-on", "fixed-erratum"])).code).toBe(1);
    expect((await run(["doc-diff", fixed, "--fail-on", "any"])).code).toBe(1);
    const retyped = write("retyped.txt", mutate(page, IDENTITY, "yob\n\ninteger\n", "yob\n\nLong\n"));
    expect((await run(["doc-diff", retyped, "--fail-on", "fixed-erratum"])).code).toBe(0);
    expect((await run(["doc-diff", retyped, "--fail-on", "none"])).code).toBe(0);
    expect((await run(["doc-diff", retyped, "--format", "yaml"])).code).toBe(2);
  });

  it("exits 1 with a JSON report when the documentation moved ahead", async () => {
    const r = await run(["doc-diff", write("ahead.txt", mutate(page, IDENTITY, "yob\n\ninteger\n", "yob\n\nLong\n")), "--json"]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as { differs: boolean; entities: EntityDiff[] };
    expect(report.differs).toBe(true);
    expect(report.entities.find((e) => e.objectType === "customer-identity")!.changes).toEqual([expect.objectContaining({ kind: "type", field: "yob" })]);
  });

  it("with --partial, a page documenting some entities does not report the others as removed", async () => {
    const start = page.lastIndexOf("Customer Membership Entity <customer-membership>");
    const onlyTwo = page.slice(0, start) + page.slice(page.indexOf("PreviousUser"));
    const full = await run(["doc-diff", write("two.txt", onlyTwo)]);
    expect(full.code).toBe(1);
    expect(full.out).toContain(`${FROZEN_SPECS}/customer-identity-photo.yaml:${frozenLine("customer-identity-photo.yaml", "objectType: customer-identity-photo")} error doc-entity-removed: customer-identity-photo: has a spec but is not on the page\n`);
    const partial = await run(["doc-diff", write("two.txt", onlyTwo), "--partial", "--json"]);
    expect(partial.code).toBe(0);
    expect((JSON.parse(partial.out) as { entities: EntityDiff[] }).entities.map((e) => e.objectType)).toEqual(["customer-identity", "customer-relationship"]);
    expect((JSON.parse(partial.out) as { findings: { file: string; line: number }[] }).findings.every((f) => f.file.startsWith(FROZEN_SPECS) && f.line > 0)).toBe(true);
  });

  it("exits 2 for a page with no entity table, or a page that does not exist", async () => {
    const r = await run(["doc-diff", write("empty.txt", "Pango Help Center\n\nNothing here\n")]);
    expect(r).toMatchObject({ code: 2, out: "" });
    expect(r.err).toContain("no entity table");
    expect((await run(["doc-diff", join(dir, "missing.txt")])).code).toBe(2);
  });
});
