import { describe, expect, test } from "vitest";
import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import { diffModels } from "../../generator/diff/diff-specs.ts";
import { withCompilerVerdict } from "../../generator/diff/reconcile.ts";
import { PackageProject } from "../../generator/diff/compiler-check.ts";
import { formatJson, formatReport } from "../../generator/diff/report.ts";
import { formatDiff } from "../../generator/diff/formats.ts";
import { CHANGE_IDS, CHANGE_KINDS } from "../../generator/diff/change.ts";
import { baseSpecs, compileSet } from "./support.ts";
import { CASES } from "./cases.ts";

const project = new PackageProject();
const base = compileSet(baseSpecs());

function diffOf(edit: (s: ReturnType<typeof baseSpecs>) => void) {
  const set = baseSpecs();
  edit(set);
  const head = compileSet(set);
  return withCompilerVerdict(diffModels(base, head, { base: "base", head: "head" }), base, head, project);
}

const byName = (name: string) => CASES.find(([n]) => n === name)![1];

describe("stable ids", () => {
  test("every kind has its own id of the form PDnnn", () => {
    const ids = CHANGE_KINDS.map((k) => CHANGE_IDS[k]);
    expect(new Set(ids).size).toBe(CHANGE_KINDS.length);
    for (const id of ids) expect(id).toMatch(/^PD\d{3}$/u);
  });

  test("the README's table documents every id", () => {
    const readme = readFileSync("generator/diff/README.md", "utf8");
    expect(CHANGE_KINDS.filter((k) => !readme.includes(CHANGE_IDS[k]))).toEqual([]);
  });
});

describe("--format", () => {
  const d = diffOf(byName("enum value removed"));
  const id = CHANGE_IDS["enum-values-removed"];

  test("every format shows the id", () => {
    expect(formatReport(d)).toContain(`enum-values-removed [${id}]`);
    expect(JSON.parse(formatJson(d)).changes[0].id).toBe(id);
    for (const f of ["markdown", "github", "junit"] as const) expect(formatDiff(d, f)).toContain(id);
  });

  test("github: one workflow annotation per change, an error for a breaking one at its spec line", () => {
    expect(formatDiff(d, "github")).toMatch(new RegExp(`^::error file=specs/order\\.yaml,line=\\d+,col=\\d+,title=${id} enum-values-removed::order status: `, "mu"));
  });

  test("junit: a failing test case per breaking change, valid XML escaping", () => {
    const x = formatDiff(d, "junit");
    expect(x).toMatch(/<testsuites name="pango-codegen diff" tests="1" failures="1">/u);
    expect(x).toContain("<failure message=");
    expect(formatDiff(diffOf(byName("description edited")), "junit")).toMatch(/tests="1" failures="0"/u);
  });

  test("markdown: a table row per change", () => {
    expect(formatDiff(d, "markdown")).toMatch(new RegExp(`^\\| ${id} \\| \`enum-values-removed\` \\| order \\| status \\| breaking \\| breaking \\|`, "mu"));
  });
});

describe("the JSON output's schema", () => {
  const schema = JSON.parse(readFileSync("generator/diff/diff-report.schema.json", "utf8"));
  const validate = new Ajv2020.default({ strict: true, allErrors: true }).compile(schema);

  test.each(["no change", "enum taken off", "entity added", "ingestion path changed", "nested table renamed and narrowed"])("%s: the JSON validates", (name) => {
    const json = JSON.parse(formatJson(diffOf(byName(name))));
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
  }, 30_000);

  test("the schema rejects a change without an id", () => {
    const json = JSON.parse(formatJson(diffOf(byName("enum value removed"))));
    delete json.changes[0].id;
    expect(validate(json)).toBe(false);
  }, 30_000);
});
