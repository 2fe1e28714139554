import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { appendFileSync, cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { main } from "../../generator/cli.ts";
import { tempDir } from "../support/tmp.ts";

// A made-up repository (test/specs/valid), so nothing here depends on the real specs or the doc's data.
const SPEC = "test/specs/valid/purchase-order.yaml";

async function run(cwd: string, ...args: string[]) {
  let out = "", err = "";
  const code = await main(["node", "pango-codegen", ...args], { out: (s) => { out += s; }, err: (s) => { err += s; }, cwd });
  return { code, out, err };
}

function git(cwd: string, ...args: string[]): void {
  execFileSync("git", ["-c", "user.email=t@example.com", "-c", "user.name=t", "-c", "commit.gpgsign=false", ...args], { cwd, stdio: "ignore" });
}

/** A git repository holding specs/ (one made-up entity) and its generated/, committed. */
async function repo() {
  const root = tempDir();
  mkdirSync(join(root, "specs"));
  cpSync(SPEC, join(root, "specs/purchase-order.yaml"));
  const dirs = ["--specs", join(root, "specs"), "--out", join(root, "generated")];
  expect((await run(root, "generate", "-q", ...dirs)).code).toBe(0);
  git(root, "init", "-q");
  git(root, "add", "-A");
  git(root, "commit", "-qm", "init");
  return { root, dirs, spec: join(root, "specs/purchase-order.yaml") };
}

/** Adds an optional string field after the spec's `fields:` line; returns its line number. */
function addField(spec: string, name: string): number {
  const text = readFileSync(spec, "utf8");
  writeFileSync(spec, text.replace("fields:\n", `fields:\n  - name: ${name}\n    docType: String\n    type: string\n`));
  return text.split("\n").indexOf("fields:") + 2;
}

describe("check: what it says about each difference", () => {
  it("a spec changed without generate: names the spec change behind each stale file, and annotates the spec line", async () => {
    const { root, dirs, spec } = await repo();
    const line = addField(spec, "giftNote");
    const r = await run(root, "check", ...dirs);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/generated\/types\/purchase-order\.ts:\d+:1 error stale-file: stale: specs\/purchase-order\.yaml changed since the last generate \([0-9a-f]{12}\): purchase-order 'giftNote' field-added \(specs\/purchase-order\.yaml:\d+\); run npm run generate/);
    expect(r.err).not.toContain("hand-edited");
    const gh = await run(root, "check", ...dirs, "--format", "github");
    expect(gh.code).toBe(1);
    const lines = gh.out.trimEnd().split("\n");
    expect(lines.every((l) => /^::error file=[^,]+(,line=\d+,col=\d+)?,title=[a-z-]+::/.test(l))).toBe(true);
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^::error file=specs/purchase-order\\.yaml,line=${line},col=\\d+,title=not-generated::field-added: `)));
    expect(lines).toContainEqual(expect.stringMatching(/^::error file=generated\/types\/purchase-order\.ts,line=\d+,col=1,title=stale-file::/));
  }, 120_000);

  it("output stale while the specs are as they were at the last generate: says the generator changed, not the specs", async () => {
    const { root, dirs, spec } = await repo();
    // Output that the current generator would not write from these specs, as an older generator's would be:
    // generated from an edited spec, then committed beside the original spec.
    const original = readFileSync(spec, "utf8");
    addField(spec, "giftNote");
    expect((await run(root, "generate", "-q", ...dirs)).code).toBe(0);
    writeFileSync(spec, original);
    git(root, "commit", "-qam", "output of another generator");
    const r = await run(root, "check", ...dirs);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/generated\/types\/purchase-order\.ts:\d+:1 error stale-file: stale: the specs are as at the last generate \([0-9a-f]{12}\), so the generator or its templates changed; run /);
    expect(r.err).not.toContain("not-generated");
  }, 120_000);

  it("a hand edit under generated/: 'your edit will be lost: change the spec', told apart from stale specs", async () => {
    const { root, dirs } = await repo();
    appendFileSync(join(root, "generated/types/purchase-order.ts"), "// tweak\n");
    const r = await run(root, "check", ...dirs, "--format", "json");
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out);
    expect(report).toMatchObject({ command: "check", out: "generated", upToDate: false, stale: 1, missing: 0, orphaned: 0 });
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]).toMatchObject({ severity: "error", code: "hand-edited", file: "generated/types/purchase-order.ts", col: 1 });
    expect(report.findings[0].message).toBe("edited by hand after generate: your edit will be lost: change the spec (specs/purchase-order.yaml) instead, then run " + `npm run generate -- --specs ${dirs[1]} --out ${dirs[3]}`);
    const lines = readFileSync(join(root, "generated/types/purchase-order.ts"), "utf8").split("\n");
    expect(report.findings[0].line).toBe(lines.length - 1);
    expect(report.findings[0].detail).toContain("-// tweak");
  }, 120_000);

  it("shows every hunk of a file that changed in several places", async () => {
    const { root, dirs } = await repo();
    const file = join(root, "generated/types/purchase-order.ts");
    const lines = readFileSync(file, "utf8").split("\n");
    lines[3] += " // one", lines[lines.length - 3] += " // two";
    writeFileSync(file, lines.join("\n"));
    const r = await run(root, "check", ...dirs);
    const hunks = r.err.split("\n").filter((l) => /^@@ -\d+,\d+ \+\d+,\d+ @@$/.test(l));
    expect(hunks).toHaveLength(2);
    expect(r.err).toContain(`-${lines[3]}`);
    expect(r.err).toContain(`-${lines[lines.length - 3]}`);
  }, 120_000);

  it("generate and spec diagnostics take --format github and json too, with repository paths", async () => {
    const { root, dirs, spec } = await repo();
    writeFileSync(spec, readFileSync(spec, "utf8").replace("type: integer", "type: int"));
    const gh = await run(root, "generate", ...dirs, "--format", "github");
    expect(gh.code).toBe(2);
    expect(gh.out).toMatch(/^::error file=specs\/purchase-order\.yaml,line=\d+,col=\d+,title=unknown-type::type of field /m);
    const json = await run(root, "check", ...dirs, "--format", "json");
    expect(json.code).toBe(2);
    expect(JSON.parse(json.out).findings[0]).toMatchObject({ code: "unknown-type", file: "specs/purchase-order.yaml" });
    const bad = await run(root, "check", ...dirs, "--format", "xml");
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("text, github, json");
  }, 120_000);
});
