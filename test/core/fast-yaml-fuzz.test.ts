import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { isMap, isScalar, isSeq, LineCounter, parseDocument, stringify, type Node } from "yaml";
import { fastYaml } from "../../generator/check/fast-yaml.ts";

/**
 * fastYaml against the `yaml` library on text nobody wrote by hand: random values as yaml.stringify writes
 * them in its several styles, and that text with random characters inserted, deleted or replaced. Whenever
 * fastYaml answers, the library must parse the text cleanly to the same nodes, offsets and line starts;
 * declining (null) is always allowed.
 */

function shape(n: unknown): unknown {
  if (isMap(n)) return { map: n.range?.[0], items: n.items.map((p) => [shape(p.key), shape(p.value)]) };
  if (isSeq(n)) return { seq: n.range?.[0], items: n.items.map(shape) };
  if (isScalar(n)) return { value: n.value, at: n.range?.[0] };
  return { other: String(n) };
}

/** Whether fastYaml read the text (true) or declined it (false); fails the test when it read it differently. */
function agreesOrDeclines(text: string): boolean {
  let fast: ReturnType<typeof fastYaml>;
  try {
    fast = fastYaml(text);
  } catch (e) {
    throw new Error(`fastYaml threw on ${JSON.stringify(text)}: ${String(e)}`);
  }
  if (!fast) return false;
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false, strict: true });
  const context = JSON.stringify(text);
  expect([...doc.errors, ...doc.warnings].map((e) => e.message), context).toEqual([]);
  expect(shape(fast.contents), context).toEqual(shape(doc.contents as Node));
  expect(fast.lines.lineStarts, context).toEqual(lines.lineStarts);
  return true;
}

// Strings that YAML reads as something else when written plain, and characters that end or change a scalar.
const tricky = fc.constantFrom("yes", "no", "null", "Null", "~", "true", "False", "1e3", "0x1F", "0o17", ".inf", "-.5", "+1", "1_000", "2001-12-14",
  "a: b", "a #b", "#c", "- x", "x-", "'q'", '"d"', "[x]", "{y}", "&a", "*b", "!t", "%p", "@r", "`t", "|", ">", "?", ":", ",", "é", "\t", " lead", "trail ", "", "multi\nline", "back\\slash");
const prose = fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9 ,.()'"/:-]{0,60}$/);
const word = fc.oneof({ arbitrary: prose, weight: 40 }, { arbitrary: tricky, weight: 1 }, { arbitrary: fc.string({ maxLength: 12 }), weight: 1 });
const scalar = fc.oneof({ arbitrary: word, weight: 6 }, fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: -1e5, max: 1e5 }).map((i) => i / 100), fc.boolean(), fc.constant(null)).map((x) => x);
const key = fc.oneof({ arbitrary: fc.stringMatching(/^[a-z][a-zA-Z0-9]{0,10}$/), weight: 60 }, { arbitrary: tricky, weight: 1 });
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: "small", withCrossShrink: true }, scalar, tie("list"), tie("map")),
  list: fc.array(tie("node"), { maxLength: 4 }),
  map: fc.dictionary(key, tie("node"), { minKeys: 1, maxKeys: 5 }),
})).map;
const options = fc.record({
  lineWidth: fc.constantFrom(0, 20, 40, 80),
  indent: fc.constantFrom(2, 4),
  indentSeq: fc.boolean(),
  defaultStringType: fc.constantFrom("PLAIN", "PLAIN", "PLAIN", "PLAIN", "PLAIN", "PLAIN", "QUOTE_DOUBLE", "QUOTE_SINGLE", "BLOCK_FOLDED", "BLOCK_LITERAL"),
  collectionStyle: fc.constantFrom("any", "any", "block", "block", "flow"),
}) as fc.Arbitrary<Parameters<typeof stringify>[2] & object>;
const edit = fc.record({ at: fc.nat(), del: fc.nat({ max: 3 }), ins: fc.oneof(fc.constantFrom(" ", "  ", "\n", "-", ":", "#", "'", '"', "[", "]", ",", "|", ">", "\t", "\\"), fc.string({ maxLength: 3 })) });

describe("fastYaml, fuzzed against the yaml library", () => {
  // Declining everything would pass vacuously: each test also requires fastYaml to have read a share of its texts.
  test("stringified random values: agrees or declines", () => {
    let read = 0;
    fc.assert(fc.property(value, options, (v, o) => { if (agreesOrDeclines(stringify(v, o))) read++; }), { numRuns: 3000 });
    expect(read).toBeGreaterThan(300);
  });

  test("the same text with random edits: agrees or declines", () => {
    let read = 0;
    fc.assert(fc.property(value, options, fc.array(edit, { minLength: 1, maxLength: 3 }), (v, o, edits) => {
      let text = stringify(v, o);
      for (const e of edits) { const at = e.at % (text.length + 1); text = text.slice(0, at) + e.ins + text.slice(at + e.del); }
      if (agreesOrDeclines(text)) read++;
    }), { numRuns: 3000 });
    expect(read).toBeGreaterThan(30);
  });
});
