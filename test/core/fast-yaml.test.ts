import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { isMap, isScalar, isSeq, LineCounter, parseDocument, stringify, type Node } from "yaml";
import { documentOf, fastYaml } from "../../generator/check/fast-yaml.ts";
import { MADE_UP_SHAPES } from "../support/made-up-shapes.ts";

/**
 * fastYaml reads the plain YAML of specs without the `yaml` library's parser; the library stays the oracle:
 * wherever fastYaml gives a result, the library parses the text without error or warning to the same values,
 * node kinds, start offsets and line starts. Elsewhere fastYaml must decline (null).
 */

/** A node's kind, value and start offset, with its children's. */
function shape(n: unknown): unknown {
  if (isMap(n)) return { map: n.range?.[0], items: n.items.map((p) => [shape(p.key), shape(p.value)]) };
  if (isSeq(n)) return { seq: n.range?.[0], items: n.items.map(shape) };
  if (isScalar(n)) return { value: n.value, at: n.range?.[0] };
  return { other: String(n) };
}

/** Whether fastYaml agreed with the library (true), or declined (false); fails on a disagreement. */
function agrees(text: string, what: string): boolean {
  const fast = fastYaml(text);
  if (!fast) return false;
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false, strict: true });
  expect([...doc.errors, ...doc.warnings].map((e) => e.message), what).toEqual([]);
  expect(shape(fast.contents), what).toEqual(shape(doc.contents as Node));
  expect(fast.lines.lineStarts, what).toEqual(lines.lineStarts);
  return true;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? yamlFiles(p) : f.endsWith(".yaml") ? [p] : [];
  });
}

describe("fastYaml", () => {
  test("agrees with the library on every spec of the repository and of the tests, and reads the real ones itself", () => {
    const real = yamlFiles("specs");
    expect(real.filter((f) => agrees(readFileSync(f, "utf8"), f)).length).toBeGreaterThan(real.length / 2);
    for (const f of yamlFiles("test/specs")) agrees(readFileSync(f, "utf8"), f);
  });

  test("agrees with the library on the specs as yaml.stringify writes them (folded strings, block scalars)", () => {
    let read = 0;
    for (const f of yamlFiles("specs")) {
      const value = parseDocument(readFileSync(f, "utf8")).toJS() as unknown;
      for (const lineWidth of [40, 80, 0]) if (agrees(stringify(value, { lineWidth }), `${f} at ${lineWidth}`)) read++;
    }
    expect(read).toBeGreaterThan(0);
  });

  test.each([
    ["scalars", 'a: text with spaces, commas (and) "quotes"\nb: -12\nc: 3.25\nd: true\ne: false\nf: null\ng: "7"\nh: \'it\'\'s\'\ni: yes\nj: 0\nk: "\\u00e9\\t\\"x\\\\"\n'],
    ["nesting", "top:\n  - name: a\n    enum: [x, \"y\", 3, [[z], []]]\n    groups:\n    - - p\n      - q\n    - [r]\n  -\n    name: b\n# comment\nlast: []\n"],
    ["folded quoted and plain lines", 'a: "one\n  two\n\n  three "\nb: plain\n  continued\n  again\nc: \'single\n  folded\'\n'],
    ["flow mappings", "a:\n  - {status: 101, message: Missing customerId}\n  - [{b: \"x\", c: [1, 2], d: {}}]\nb: {}\n"],
    ["block scalars", "a: |-\n  line one\n    indented\n\n  after blank\nb: >-\n  folded\n  text\n\n  para\nc: |\n  kept\n\nd: x\n"],
  ])("%s", (what, text) => {
    expect(agrees(text, what)).toBe(true);
  });

  // A made-up api.yaml in the plain style the fast reader takes (every key read-api.ts reads), so the check below
  // cannot pass by declining; the real one is checked too whenever the fast reader takes it (its style is the
  // maintainer's: a flow mapping over lines is valid YAML that the reader leaves to the library).
  const MADE_UP_API = [
    "package: {name: widgets, version: 2.3.4}", "title: Widget API", "server:", "  url: https://widgets.example/api", "  description: \"Made up: no server.\"",
    "paths:", "  ingestion: /ingest", "  authentication: /auth", "callbackName: widgetCallback", "entries:", "  min: 1", "  max: 9",
    "rateLimits:", "  header: Retry-In", "  limits:", "    - {requests: 1000, per: 1 blink}", "headers:", "  token: {name: X-Pass, description: A made-up pass.}",
    "  apiKey: {name: X-Who, description: A made-up key.}", "  callback:", "    - {name: X-Sig, description: \"A made-up: signature.\"}",
  ].join("\n") + "\n" + MADE_UP_SHAPES;

  test.each([["a made-up api.yaml", MADE_UP_API, true], ["specs/api.yaml", readFileSync("specs/api.yaml", "utf8"), false]])("%s read through documentOf gives the library's values and nodes by path", (_what, text, mustRead) => {
    const fast = fastYaml(text);
    if (mustRead) expect(fast).not.toBeNull();
    if (!fast) return;
    const doc = parseDocument(text, { uniqueKeys: true, strict: true });
    const mine = documentOf(fast.contents);
    expect(mine.toJS()).toEqual(doc.toJS());
    for (const path of [["package", "version"], ["paths", "ingestion"], ["server", "url"], ["callbackName"], ["entries"], ["rateLimits"], ["headers", "callback"], ["shapes"]]) {
      expect(shape(mine.getIn(path, true)), path.join(".")).toEqual(shape(doc.getIn(path, true)));
    }
  });

  test.each([
    ["a duplicate key", "a: 1\na: 2\n"],
    ["a tab", "a:\t1\n"],
    ["a second document", "a: 1\n---\nb: 2\n"],
    ["an anchor and alias", "a: &x 1\nb: *x\n"],
    ["a tag", "a: !!str 1\n"],
    ["a trailing comment", "a: 1 # one\n"],
    ["an empty value", "a:\nb: 1\n"],
    ["a flow mapping over lines", "a: {b: 1,\n  c: 2}\n"],
    ["a flow mapping's key without a space", "a: {b:1}\n"],
    ["numbers in other notations", "a: 1e3\n"],
    ["a bad indentation", "a:\n  b: 1\n c: 2\n"],
    ["an unterminated string", 'a: "open\n'],
    ["a carriage return", "a: 1\r\nb: 2\r\n"],
    ["absurd nesting", `a: ${"[".repeat(20000)}${"]".repeat(20000)}\n`],
  ])("declines %s (left to the library)", (_what, text) => {
    expect(fastYaml(text)).toBeNull();
  });
});
