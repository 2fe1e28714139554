import { describe, expect, test, vi } from "vitest";

// diff loads TypeScript once per run (a second or two on a loaded machine) and type-checks both packages.
vi.setConfig({ testTimeout: 60_000 });
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import { main } from "../../generator/cli.ts";
import { tempDir } from "../support/tmp.ts";
import { baseSpecs, field, spec, writeSet, type SpecDoc } from "./support.ts";

type Set = ReturnType<typeof baseSpecs>;

function edited(edit: (s: Set) => void): Set {
  const s = baseSpecs();
  edit(s);
  return s;
}

async function run(argv: string[], cwd: string) {
  let out = "", err = "";
  const code = await main(["node", "pango-codegen", ...argv], { out: (s) => { out += s; }, err: (s) => { err += s; }, cwd });
  return { code, out, err };
}

const removeStatusNew = (s: Set) => { field(spec(s, "order"), "status").enum = ["paid"]; };
const editNote = (s: Set) => { field(spec(s, "order"), "note").description = "A free note"; };

describe("pango-codegen diff between folders", () => {
  test("a breaking change exits 1 by default and the report names entity, field and line", async () => {
    const dir = tempDir();
    writeSet(join(dir, "before"), baseSpecs());
    writeSet(join(dir, "specs"), edited(removeStatusNew));
    const r = await run(["diff", "--base", "before"], dir);
    expect(r.err).toBe("");
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^order$/mu);
    expect(r.out).toMatch(/BREAKING {2}specs\/order\.yaml:\d+:\d+ {2}status {2}enum-values-removed/u);
    expect(r.out).toContain("implied bump: major");
  });

  test.each([["breaking", 0], ["any", 1], ["none", 0]] as const)("a documentation-only change with --fail-on %s exits %i", async (failOn, want) => {
    const dir = tempDir();
    const head = writeSet(join(dir, "after"), edited(editNote));
    const r = await run(["diff", "--base", writeSet(join(dir, "before"), baseSpecs()), "--head", head, "--fail-on", failOn], dir);
    expect(r.code).toBe(want);
    expect(r.out).toContain("description-changed");
  });

  test("--json prints the report as JSON", async () => {
    const dir = tempDir();
    writeSet(join(dir, "before"), baseSpecs());
    writeSet(join(dir, "specs"), edited(removeStatusNew));
    const r = await run(["diff", "--base", "before", "--json", "--fail-on", "none"], dir);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.bump).toBe("major");
    expect(json.changes).toEqual([expect.objectContaining({ kind: "enum-values-removed", entity: "order", field: "status", producer: "breaking", consumer: "breaking", file: "specs/order.yaml" })]);
  });

  test("an unknown --fail-on level is refused", async () => {
    const dir = tempDir();
    writeSet(join(dir, "specs"), baseSpecs());
    const r = await run(["diff", "--base", "specs", "--fail-on", "sometimes"], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain("Allowed choices are breaking, any, none");
  });

  test("a base with spec errors exits 2 with its diagnostics and compares nothing", async () => {
    const dir = tempDir();
    const broken = edited((s) => { (spec(s, "order").fields as SpecDoc["fields"]).push({ name: "x", docType: "String", type: "strnig" }); });
    writeSet(join(dir, "before"), broken);
    writeSet(join(dir, "specs"), baseSpecs());
    const r = await run(["diff", "--base", "before"], dir);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toMatch(/before\/order\.yaml:\d+:\d+ error unknown-type: .*'strnig'/u);
    expect(r.err).toContain("the base specs (before) have errors; nothing compared");
  });

  test("a base that is neither a folder nor a revision exits 2", async () => {
    const dir = tempDir();
    writeSet(join(dir, "specs"), baseSpecs());
    const r = await run(["diff", "--base", "no-such-thing"], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('"no-such-thing" is neither a folder nor a git revision');
  });

  test("a base that looks like an option is not passed to git", async () => {
    const dir = tempDir();
    writeSet(join(dir, "specs"), baseSpecs());
    const r = await run(["diff", "--base=--output=x"], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('"--output=x" is neither a folder nor a git revision');
  });
});

describe("pango-codegen diff --bump: package.version follows the changes since the base", () => {
  // A set whose api.yaml carries a comment, so the edit is seen to keep the maintainer's text.
  const withComment = (dir: string, set: Set, version: string) => {
    const head = writeSet(dir, { ...set, api: { package: { name: "pango-cdp-schemas", version } } });
    writeFileSync(join(head, "api.yaml"), `# kept\n${readFileSync(join(head, "api.yaml"), "utf8")}`);
    return head;
  };
  const version = (head: string) => /version: (\S+)/u.exec(readFileSync(join(head, "api.yaml"), "utf8"))![1];

  test.each([
    ["a breaking change", removeStatusNew, "1.4.2", "2.0.0", "major"],
    ["a documentation-only change", editNote, "1.4.2", "1.4.3", "patch"],
  ] as const)("%s raises the base's version by the implied bump, keeping the file's comments", async (_name, edit, base, want, bump) => {
    const dir = tempDir();
    writeSet(join(dir, "before"), { ...baseSpecs(), api: { package: { name: "pango-cdp-schemas", version: base } } });
    const head = withComment(join(dir, "specs"), edited(edit), base);
    const r = await run(["diff", "--base", "before", "--bump", "--json", "--fail-on", "none"], dir);
    expect(r.code).toBe(0);
    expect(version(head)).toBe(want);
    expect(readFileSync(join(head, "api.yaml"), "utf8")).toMatch(/^# kept\n/u);
    expect(r.err).toContain(`package.version ${base} → ${want} in specs/api.yaml (a ${bump} bump since before, ${base})`);
    // The report is the head as it now stands, and stays JSON (the notice went to stderr).
    expect(JSON.parse(r.out)).toMatchObject({ bump, head: { version: want }, versionSuffices: true });
  });

  test("a version that already covers the bump is left as it is, and a second run changes nothing", async () => {
    const dir = tempDir();
    writeSet(join(dir, "before"), baseSpecs());
    const head = withComment(join(dir, "specs"), edited(editNote), "1.1.0");
    const text = readFileSync(join(head, "api.yaml"), "utf8");
    const r = await run(["diff", "--base", "before", "--bump"], dir);
    expect(r.code).toBe(0);
    expect(r.err).toContain("package.version 1.1.0 already covers the patch bump since before; specs/api.yaml unchanged");
    expect(readFileSync(join(head, "api.yaml"), "utf8")).toBe(text);
  });

  test("a head folder without api.yaml exits 2 and writes nothing", async () => {
    const dir = tempDir();
    writeSet(join(dir, "before"), baseSpecs());
    const head = writeSet(join(dir, "after"), edited(editNote));
    rmSync(join(head, "api.yaml"));
    const r = await run(["diff", "--base", "before", "--head", "after", "--bump"], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain("--bump sets package.version in after/api.yaml, which does not exist");
    expect(existsSync(join(head, "api.yaml"))).toBe(false);
  });
});
