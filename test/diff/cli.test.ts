import { describe, expect, test } from "vitest";
import { mkdirSync, writeFileSync } from "node:fs";
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
