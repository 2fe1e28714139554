import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { INVALID_CASES } from "./invalid-cases.ts";
import { copyGenerated, hashTree, runBin, runMain, tempDir } from "./support.ts";

const CORPUS = "test/specs/invalid";

/** The diagnostic lines of the CLI's stderr, without the "error" severity word and the path prefix. */
function diagnosticLines(err: string, prefix: string): string[] {
  return err.split("\n").filter((l) => / error [a-z-]+: /u.test(l)).map((l) => l.replace(" error ", " ").replace(prefix, ""));
}

/** Each line of `got` must start with the wanted `<file>:<line>:<col> <code>: <message start>`, one for one. */
function expectDiagnostics(got: readonly string[], want: readonly string[]): void {
  expect(got.length, got.join("\n")).toBe(want.length);
  got.forEach((line, i) => expect(line.startsWith(want[i]!), `${line}\n  does not start with\n${want[i]}`).toBe(true));
}

let root: string, out: string, before: string, corpusBefore: string;
beforeAll(() => {
  root = tempDir("invalid");
  out = copyGenerated(root);
  before = hashTree(out);
  corpusBefore = hashTree(CORPUS);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** After a refused run: the output byte-for-byte as before, and nothing else beside it. */
function expectUntouched(extra: readonly string[] = []): void {
  expect(hashTree(out)).toBe(before);
  expect(readdirSync(root).sort()).toEqual(["generated", ...extra].sort());
}

describe("the malformed corpus", () => {
  it("has at least 30 cases, each with a folder and an expectation", () => {
    expect(INVALID_CASES.length).toBeGreaterThanOrEqual(30);
    expect(INVALID_CASES.map(([name]) => name).sort()).toEqual(readdirSync(CORPUS).sort());
  });

  it.each(INVALID_CASES)("%s: exact diagnostics, exit 2, output untouched", async (name, want) => {
    const r = await runMain(["generate", "--specs", `${CORPUS}/${name}`, "--out", out]);
    expect(r.code, r.err).toBe(2);
    expectDiagnostics(diagnosticLines(r.err, `${CORPUS}/${name}/`), want);
    expect(r.err).toContain(`nothing written: ${out} is unchanged`);
    expect(r.err).not.toMatch(/internal error|\n\s+at /u);
    expect(r.out).toBe("");
    expectUntouched();
  });

  it("leaves the corpus itself untouched (no stray files beside the specs)", () => {
    expect(hashTree(CORPUS)).toBe(corpusBefore);
  });
});

/** Cases too large, too binary or impossible to commit (an empty folder): written at test time. */
describe("malformed input written at test time", () => {
  const write = (files: Record<string, string | Buffer>): string => {
    const specs = join(root, "specs");
    rmSync(specs, { recursive: true, force: true });
    mkdirSync(specs);
    for (const [f, text] of Object.entries(files)) writeFileSync(join(specs, f), text);
    return specs;
  };
  const spec = (title: string, extra = "") => `objectType: widget\ntitle: ${title}\nfields:\n  - name: a\n    docType: String\n    type: string\n${extra}`;
  const cases: [string, Record<string, string | Buffer>, string[]][] = [
    ["10 MB of text", { "widget.yaml": spec("W", `    description: "${"x".repeat(10 * 1024 * 1024)}"\n`) }, ["widget.yaml:1:1 file-too-large: the file has 10485865 bytes"]],
    ["an empty specs folder", {}, [".:1:1 no-specs: no spec files (*.yaml) found"]],
    ["50 000 nested brackets", { "widget.yaml": spec("[".repeat(50_000) + "]".repeat(50_000)) }, ["widget.yaml:1:1 yaml-syntax: the file nests too deeply to parse"]],
    ["a BOM in the middle of a valid file's bytes", { "widget.yaml": Buffer.concat([Buffer.from(spec("W")), Buffer.from([0xff, 0xfe, 0x00])]) }, ["widget.yaml:1:1 encoding: the file is not valid UTF-8"]],
    ["a UTF-16 file", { "widget.yaml": Buffer.from("\ufeff" + spec("W"), "utf16le") }, ["widget.yaml:1:1 encoding: the file is not valid UTF-8"]],
  ];
  it.each(cases)("%s", async (_label, files, want) => {
    const specs = write(files);
    const r = await runMain(["generate", "--specs", specs, "--out", out], root);
    expect(r.code, r.err).toBe(2);
    expectDiagnostics(diagnosticLines(r.err, "specs/"), want);
    expectUntouched(["specs"]);
    rmSync(specs, { recursive: true, force: true });
  }, 30_000);
});

describe("the real bin on malformed specs (a child process: exit code, stderr, no stack trace)", () => {
  it.each(["yaml-unclosed-quote", "root-is-list", "not-utf8", "circular-tables"])("%s", (name) => {
    const want = INVALID_CASES.find(([n]) => n === name)![1];
    const r = runBin(["generate", "--specs", `${CORPUS}/${name}`, "--out", out]);
    expect(r.code, r.err).toBe(2);
    expectDiagnostics(diagnosticLines(r.err, `${CORPUS}/${name}/`), want);
    expect(r.err).not.toMatch(/internal error|\n\s+at /u);
    expectUntouched();
  }, 30_000);

  it("check on a malformed spec also exits 2 and writes nothing", () => {
    const r = runBin(["check", "--specs", `${CORPUS}/duplicate-key`, "--out", out]);
    expect(r.code, r.err).toBe(2);
    expect(r.err).toContain("duplicate-key");
    expectUntouched();
  }, 30_000);
});
