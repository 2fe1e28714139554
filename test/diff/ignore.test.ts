import { describe, expect, test, vi } from "vitest";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { main } from "../../generator/cli.ts";
import { parseIgnoreFile } from "../../generator/diff/ignore-file.ts";
import { tempDir } from "../support/tmp.ts";
import { baseSpecs, field, spec, writeSet } from "./support.ts";

// diff loads TypeScript once per run and type-checks both packages.
vi.setConfig({ testTimeout: 60_000 });

const TODAY = "2026-06-01";

describe(".pango-diff-ignore.yaml: reading", () => {
  test("a well-formed entry is read; expires in the future keeps it", () => {
    const r = parseIgnoreFile("i.yaml", "- id: PD020\n  entity: order\n  field: status\n  reason: agreed with the CRM team\n  expires: 2026-12-31\n", TODAY);
    expect(r.problems).toEqual([]);
    expect(r.entries).toEqual([{ id: "PD020", entity: "order", field: "status", reason: "agreed with the CRM team", expires: "2026-12-31", line: 1 }]);
  });

  test("malformed entries are errors at file:line:col", () => {
    const r = parseIgnoreFile("i.yaml", "- id: PD999\n  reason: x\n- id: PD020\n- id: PD020\n  reason: y\n  expires: soon\n  color: red\n", TODAY);
    expect(r.problems.map((p) => `${p.line}:${p.col} ${p.severity} ${p.message.split(";")[0]}`)).toEqual([
      "1:7 error unknown change id 'PD999'",
      "3:3 error an entry needs a reason: why this change is accepted",
      "7:3 error unknown key 'color'",
      "6:12 error expires 'soon' is not a date YYYY-MM-DD",
    ]);
  });

  test("broken YAML and a non-list are errors with a position", () => {
    expect(parseIgnoreFile("i.yaml", "- id: [PD020\n", TODAY).problems[0]).toMatchObject({ severity: "error", file: "i.yaml", line: expect.any(Number) });
    expect(parseIgnoreFile("i.yaml", "id: PD020\n", TODAY).problems[0]).toMatchObject({ severity: "error", line: 1, col: 1 });
  });

  test("an expired entry is a warning and accepts nothing", () => {
    const r = parseIgnoreFile("i.yaml", "- id: PD020\n  reason: old\n  expires: 2026-01-31\n", TODAY);
    expect(r.entries).toEqual([]);
    expect(r.problems).toEqual([{ severity: "warning", file: "i.yaml", line: 3, col: 12, message: expect.stringContaining("expired on 2026-01-31") }]);
  });
});

async function run(argv: string[], cwd: string) {
  let out = "", err = "";
  const code = await main(["node", "pango-codegen", ...argv], { out: (s) => { out += s; }, err: (s) => { err += s; }, cwd });
  return { code, out, err };
}

describe(".pango-diff-ignore.yaml: diff", () => {
  function repo(ignore: string | null): string {
    const dir = tempDir();
    writeSet(join(dir, "before"), baseSpecs());
    const head = baseSpecs();
    field(spec(head, "order"), "status").enum = ["paid"];
    writeSet(join(dir, "specs"), head);
    if (ignore !== null) writeFileSync(join(dir, ".pango-diff-ignore.yaml"), ignore);
    return dir;
  }

  test("an accepted change no longer fails the gate, and stderr says why", async () => {
    const r = await run(["diff", "--base", "before", "--format", "json"], repo("- id: PD020\n  entity: order\n  field: status\n  reason: the value was never sent\n"));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).changes).toEqual([]);
    expect(r.err).toContain("ignored PD020 enum-values-removed order status (.pango-diff-ignore.yaml:1: the value was never sent)");
  });

  test("an entry for another entity accepts nothing", async () => {
    const r = await run(["diff", "--base", "before"], repo("- id: PD020\n  entity: shipment\n  reason: not this one\n"));
    expect(r.code).toBe(1);
  });

  test("a malformed ignore file exits 2 with its position", async () => {
    const r = await run(["diff", "--base", "before"], repo("- id: PD020\n"));
    expect(r.code).toBe(2);
    expect(r.err).toContain(".pango-diff-ignore.yaml:1:3 error: an entry needs a reason");
  });
});
