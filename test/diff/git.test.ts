import { describe, expect, test, vi } from "vitest";

// diff loads TypeScript once per run (a second or two on a loaded machine) and type-checks both packages.
vi.setConfig({ testTimeout: 60_000 });
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { main } from "../../generator/cli.ts";
import { tempDir } from "../support/tmp.ts";
import { baseSpecs, field, spec, writeSet } from "./support.ts";

const BIN = resolve("generator/bin/pango-codegen.js");
/**
 * The package.version of the made-up api.yaml in every temporary repository below: unlike any real version, so the
 * tests also prove that the base's version is read from the repository's own api.yaml, never from this one's.
 */
const VERSION = "4.5.6";
const NEXT_MAJOR = "5.0.0";

function git(repo: string, ...args: string[]): string {
  return execFileSync("git", ["-c", "core.hooksPath=/dev/null", "-c", "commit.gpgsign=false", ...args], { cwd: repo, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

function edit(repo: string, file: string, from: string, to: string): void {
  const path = join(repo, "specs", file);
  const text = readFileSync(path, "utf8");
  if (!text.includes(from)) throw new Error(`${file} has no ${from}`);
  writeFileSync(path, text.replace(from, to));
}

/** A repository whose first commit holds the made-up base specs and whose second removes the enum value `new` of order `status`. */
function repoWithTwoCommits(): string {
  const repo = tempDir("pango-diff-git-");
  git(repo, "init", "-q", "-b", "main");
  git(repo, "config", "user.name", "Diff Test");
  git(repo, "config", "user.email", "diff-test@example.com");
  const set = baseSpecs();
  // A description without a value list, so editing the enum alone leaves the specs free of warnings.
  field(spec(set, "order"), "status").description = "Order status";
  set.api = { ...set.api, package: { name: "demo-schemas", version: VERSION } };
  writeSet(join(repo, "specs"), set);
  git(repo, "add", "specs");
  git(repo, "commit", "-q", "-m", "specs");
  edit(repo, "order.yaml", "enum:\n      - new\n      - paid\n", "enum:\n      - paid\n");
  git(repo, "commit", "-q", "-am", "drop status new");
  return repo;
}

async function run(argv: string[], cwd: string) {
  let out = "", err = "";
  const code = await main(["node", "pango-codegen", ...argv], { out: (s) => { out += s; }, err: (s) => { err += s; }, cwd });
  return { code, out, err };
}

describe("diff against a git revision", () => {
  test("diff --base HEAD~1 reads the previous commit's specs without checking it out", async () => {
    const repo = repoWithTwoCommits();
    const r = await run(["diff", "--base", "HEAD~1", "--json"], repo);
    expect(r.err).toBe("");
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out);
    expect(json.base).toEqual({ label: "HEAD~1", version: VERSION });
    expect(json.changes).toEqual([expect.objectContaining({ kind: "enum-values-removed", entity: "order", field: "status", producer: "breaking", file: "specs/order.yaml" })]);
    expect(json.bump).toBe("major");
    expect(git(repo, "status", "--porcelain")).toBe("");
  });

  test("the CLI binary run inside the repository prints the grouped report", () => {
    const repo = repoWithTwoCommits();
    let code = 0, out = "";
    try {
      out = execFileSync("node", [BIN, "diff", "--base", "HEAD~1"], { cwd: repo, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    } catch (e) {
      code = (e as { status: number }).status;
      out = (e as { stdout: string }).stdout;
    }
    expect(code).toBe(1);
    expect(out).toMatch(/^order$/mu);
    expect(out).toMatch(/BREAKING {2}specs\/order\.yaml:\d+:\d+ {2}status {2}enum-values-removed/u);
  });

  test("a removed field points at its line in the base revision", async () => {
    const repo = repoWithTwoCommits();
    const shipment = join(repo, "specs", "shipment.yaml");
    writeFileSync(shipment, readFileSync(shipment, "utf8").replace(/ {2}- name: carrier\n( {4}.*\n)+/u, ""));
    const r = await run(["diff", "--base", "HEAD", "--json"], repo);
    const removed = JSON.parse(r.out).changes.find((c: { kind: string }) => c.kind === "field-removed");
    expect(removed).toMatchObject({ field: "carrier", side: "base", file: "HEAD:specs/shipment.yaml" });
    const baseText = git(repo, "show", "HEAD:specs/shipment.yaml").split("\n");
    expect(baseText[removed.line - 1]).toContain("name: carrier");
  });

  test("a revision without specs/ exits 2 with a diagnostic", async () => {
    const repo = repoWithTwoCommits();
    const r = await run(["diff", "--base", "HEAD~1:specs"], repo);
    expect(r.code).toBe(2);
    const r2 = await run(["diff", "--base", git(repo, "commit-tree", "-m", "empty", git(repo, "mktree").trim()).trim()], repo);
    expect(r2.code).toBe(2);
    expect(r2.err).toContain("no-specs");
  });
});

describe("check --base", () => {
  test("warns and exits 1 when the specs broke since the base without a major bump, and passes once package.version has one", async () => {
    const repo = repoWithTwoCommits();
    const paths = ["--specs", join(repo, "specs"), "--out", join(repo, "generated")];
    expect((await run(["generate", "-q", ...paths], repo)).code).toBe(0);
    const warned = await run(["check", ...paths, "--base", "HEAD~1"], repo);
    expect(warned.code).toBe(1);
    expect(warned.err).toContain(`warning: the specs changed in a breaking way since HEAD~1 but package.version went ${VERSION} → ${VERSION}, not a major bump`);
    expect(warned.err).toMatch(/specs\/order\.yaml:\d+:\d+ order status enum-values-removed/u);

    edit(repo, "api.yaml", `version: ${VERSION}`, `version: ${NEXT_MAJOR}`);
    expect((await run(["generate", "-q", ...paths], repo)).code).toBe(0);
    const passed = await run(["check", ...paths, "--base", "HEAD~1"], repo);
    expect(passed.err).toBe("");
    expect(passed.code).toBe(0);
    expect(passed.out).toContain(`package.version ${NEXT_MAJOR} fits the changes since HEAD~1 (implied bump: major)`);
  });

  test("a compatible change needs no major bump", async () => {
    const repo = repoWithTwoCommits();
    const paths = ["--specs", join(repo, "specs"), "--out", join(repo, "generated")];
    // An optional field in a closed entity: compatible by the table and by the compiler (an added enum value
    // is not: the compiler finds exhaustive code over the union breaking, see compiler.test.ts).
    edit(repo, "shipment.yaml", "fields:\n", "fields:\n  - name: eta\n    docType: String\n    type: string\n");
    expect((await run(["generate", "-q", ...paths], repo)).code).toBe(0);
    const r = await run(["check", ...paths, "--base", "HEAD"], repo);
    expect(r.code).toBe(0);
    expect(r.out).toContain("implied bump: minor");
  });
});
