import { describe, expect, test, vi } from "vitest";

// changelog runs diff, which loads TypeScript's checker over both generated packages: seconds per run on a busy machine.
vi.setConfig({ testTimeout: 120_000 });
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { main } from "../../generator/cli.ts";
import { mergeChangelog, sectionOf } from "../../generator/diff/changelog.ts";
import { change, type ChangeKind, type Impact } from "../../generator/diff/change.ts";
import { PRESERVED_FILES } from "../../generator/output/disk.ts";
import { tempDir } from "../support/tmp.ts";
import { baseSpecs, field, spec, writeSet, type SpecDoc } from "./support.ts";

type SpecSetDoc = { specs: SpecDoc[]; api: Record<string, unknown> };

async function run(argv: string[], cwd: string) {
  let out = "", err = "";
  const code = await main(["node", "pango-codegen", ...argv], { out: (s) => { out += s; }, err: (s) => { err += s; }, cwd });
  return { code, out, err };
}

function withVersion(set: SpecSetDoc, version: string): SpecSetDoc {
  return { ...set, api: { package: { name: "demo-schemas", version } } };
}

/** The head of the first release: a nested field made required (breaking), a new optional field, a reworded description. */
function release2(): SpecSetDoc {
  const set = withVersion(baseSpecs(), "2.0.0");
  Object.assign(field(spec(set, "order"), "quantity", "Order Item Entity"), { required: true, docRequired: true });
  spec(set, "shipment").fields.push({ name: "zaloId", docType: "String", type: "string", description: "Zalo Id", example: "z1" });
  field(spec(set, "shipment"), "carrier").description = "Carrier name";
  return set;
}

/** A repository folder holding `base/` (made-up specs at 1.0.0) and `specs/` (the head). */
function project(head: SpecSetDoc): string {
  const dir = tempDir("pango-changelog-");
  writeSet(join(dir, "base"), withVersion(baseSpecs(), "1.0.0"));
  writeSet(join(dir, "specs"), head);
  return dir;
}

describe("pango-codegen changelog", () => {
  test("writes the version's section with only the non-empty subsections, in a consumer's words; a second run changes nothing", async () => {
    const dir = project(release2());
    const first = await run(["changelog", "--base", "base"], dir);
    expect(first.err).toBe("");
    expect(first.code).toBe(0);
    const text = readFileSync(join(dir, "generated", "CHANGELOG.md"), "utf8");
    expect(text.startsWith("# Changelog\n\n")).toBe(true);
    expect(text).toContain("`demo-schemas`");
    expect(text).toContain("## [2.0.0]\n\n### Breaking\n\n- Order: `items[].quantity` is now required (PD015)\n");
    expect(text).toContain("### Added\n\n- Shipment: new optional field `zaloId` (PD011)\n");
    expect(text).toMatch(/### Docs\n\n(- .*\n)*- Shipment: `carrier`: description .* \(PD031\)\n/);
    expect(text).not.toContain("### Changed");
    expect(text).not.toContain("### Fixed");
    expect(text.indexOf("### Breaking")).toBeLessThan(text.indexOf("### Added"));
    expect(text.indexOf("### Added")).toBeLessThan(text.indexOf("### Docs"));
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);

    const second = await run(["changelog", "--base", "base"], dir);
    expect(second.code).toBe(0);
    expect(second.out).toContain("already has [2.0.0]");
    expect(readFileSync(join(dir, "generated", "CHANGELOG.md"), "utf8")).toBe(text);
  });

  test("names a field of the request envelope as the request type's, required or not as api.yaml says, at its api.yaml line", async () => {
    const head = withVersion(baseSpecs(), "2.0.0");
    head.api.envelope = { objectType: { description: "Which entity." }, batchId: { description: "A made-up batch id.", required: true }, note: { description: "A note." }, entries: { description: "The records." }, ignoredUpdateCfs: { description: "Custom fields to keep." } };
    const dir = project(head);
    expect((await run(["changelog", "--base", "base"], dir)).code).toBe(0);
    const text = readFileSync(join(dir, "generated", "CHANGELOG.md"), "utf8");
    expect(text).toContain("- Package: new required field `IngestionRequest.batchId` (PD011)\n");
    expect(text).toContain("- Package: new optional field `IngestionRequest.note` (PD011)\n");
    const diff = JSON.parse((await run(["diff", "--base", "base", "--json", "--fail-on", "none"], dir)).out) as { changes: { field: string; kind: string; file: string; line: number }[] };
    const added = diff.changes.find((c) => c.field === "batchId")!;
    const apiYaml = readFileSync(join(dir, "specs", "api.yaml"), "utf8").split("\n");
    expect(added).toMatchObject({ kind: "field-added", file: "specs/api.yaml" });
    expect(apiYaml[added.line - 1]).toMatch(/^\s*batchId:/u);
  });

  test("a new version adds its section above the older one, which stays as it was", async () => {
    const dir = project(release2());
    expect((await run(["changelog", "--base", "base"], dir)).code).toBe(0);
    const before = readFileSync(join(dir, "generated", "CHANGELOG.md"), "utf8");
    const older = before.slice(before.indexOf("## [2.0.0]"));
    cpSync(join(dir, "specs"), join(dir, "v2"), { recursive: true });
    const next = withVersion(release2(), "2.1.0");
    spec(next, "order").fields.push({ name: "coupon", docType: "String", type: "string", description: "Coupon code", example: "C10" });
    writeSet(join(dir, "specs"), next);
    expect((await run(["changelog", "--base", "v2"], dir)).code).toBe(0);
    const after = readFileSync(join(dir, "generated", "CHANGELOG.md"), "utf8");
    expect(after).toContain("## [2.1.0]\n\n");
    expect(after).toMatch(/- Order: new optional field `coupon` \(PD011\)\n/);
    expect(after.indexOf("## [2.1.0]")).toBeLessThan(after.indexOf("## [2.0.0]"));
    expect(after.endsWith(older)).toBe(true);
    expect(after.match(/^## \[/gm)).toHaveLength(2);
  });

  test("--base a git revision: the committed specs are the base", async () => {
    const dir = tempDir("pango-changelog-git-");
    const git = (...args: string[]) => execFileSync("git", ["-c", "core.hooksPath=/dev/null", "-c", "commit.gpgsign=false", "-c", "user.name=T", "-c", "user.email=t@example.com", ...args], { cwd: dir, stdio: "ignore" });
    git("init", "-q", "-b", "main");
    writeSet(join(dir, "specs"), withVersion(baseSpecs(), "1.0.0"));
    git("add", "specs");
    git("commit", "-q", "-m", "specs");
    writeSet(join(dir, "specs"), release2());
    const r = await run(["changelog", "--base", "HEAD"], dir);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, "generated", "CHANGELOG.md"), "utf8")).toContain("## [2.0.0]\n\n### Breaking\n\n- Order: `items[].quantity` is now required (PD015)\n");
  });

  test("no change between base and head: says so and writes nothing", async () => {
    const dir = project(withVersion(baseSpecs(), "1.0.0"));
    const r = await run(["changelog", "--base", "base"], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain("no change");
    expect(existsSync(join(dir, "generated", "CHANGELOG.md"))).toBe(false);
  });

  test("generate keeps CHANGELOG.md through its swap and check does not call it orphaned", async () => {
    expect(PRESERVED_FILES.has("CHANGELOG.md")).toBe(true);
    const dir = project(release2());
    // Absolute folders: generate writes --out relative to the process, not to the CLI's working directory.
    const folders = ["--specs", join(dir, "specs"), "--out", join(dir, "generated")];
    expect((await run(["generate", "--quiet", ...folders], dir)).code).toBe(0);
    const log = join(dir, "generated", "CHANGELOG.md");
    writeFileSync(log, "# Changelog\n\nhand-kept text\n");
    // A spec change makes generate rewrite files, so the output folder is swapped.
    const set = release2();
    field(spec(set, "order"), "note").description = "A free note";
    writeSet(join(dir, "specs"), set);
    const gen = await run(["generate", ...folders], dir);
    expect(gen.code).toBe(0);
    expect(gen.out).not.toContain("CHANGELOG.md");
    expect(readFileSync(log, "utf8")).toBe("# Changelog\n\nhand-kept text\n");
    const check = await run(["check", ...folders], dir);
    expect(check.out + check.err).not.toContain("CHANGELOG.md");
    expect(check.code).toBe(0);
  });
});

describe("mergeChangelog", () => {
  const header = "# Changelog\n\nheader\n";
  test("replaces the version's section in place and keeps the others in order", () => {
    const file = mergeChangelog(mergeChangelog(null, header, "1.0.0", "## [1.0.0]\n\nA\n"), header, "2.0.0", "## [2.0.0]\n\nB\n");
    expect(file).toBe("# Changelog\n\nheader\n\n## [2.0.0]\n\nB\n\n## [1.0.0]\n\nA\n");
    expect(mergeChangelog(file, header, "1.0.0", "## [1.0.0]\n\nC\n")).toBe("# Changelog\n\nheader\n\n## [2.0.0]\n\nB\n\n## [1.0.0]\n\nC\n");
    expect(mergeChangelog(file, header, "2.0.0", "## [2.0.0]\n\nB\n")).toBe(file);
  });
});

describe("sectionOf", () => {
  const at = { entity: "order", table: null, field: "status" };
  const pos = { pos: { file: "order.yaml", line: 1, col: 1 }, side: "head" as const };
  const of = (kind: ChangeKind, producer: Impact, consumer: Impact) => sectionOf(change(kind, at, pos, producer, consumer, "m"));
  test("follows the classification diff made: breaking for either audience first, then the kind", () => {
    expect(of("range-narrowed", "breaking", "none")).toBe("Breaking");
    expect(of("enum-values-added", "compatible", "breaking")).toBe("Breaking");
    expect(of("enum-values-added", "compatible", "warning")).toBe("Added");
    expect(of("errata-changed", "docs", "docs")).toBe("Fixed");
    expect(of("example-changed", "docs", "docs")).toBe("Docs");
    expect(of("range-widened", "compatible", "none")).toBe("Changed");
  });
});
