import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parse } from "yaml";
import { readFileSync, readdirSync } from "node:fs";
import { toYamlText } from "../../generator/util/yaml-text.ts";
import type { JsonValue } from "../../generator/model/ir.ts";

const roundTrip = (v: unknown) => parse(toYamlText(v as JsonValue), { uniqueKeys: false });
// JSON semantics are the reference: -0 is written 0, as JSON.stringify does.
const asJson = (v: unknown) => JSON.parse(JSON.stringify(v));

describe("toYamlText", () => {
  it("parses back to the same value for any JSON value (any Unicode, any key)", () => {
    const text = fc.string({ unit: "binary", maxLength: 12 });
    const value = fc.letrec((tie) => ({
      v: fc.oneof({ depthSize: "small" }, fc.constant(null), fc.boolean(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), text,
        fc.array(tie("v"), { maxLength: 4 }), fc.dictionary(text, tie("v"), { maxKeys: 4 })),
    })).v;
    fc.assert(fc.property(value, (v) => { expect(roundTrip(v)).toEqual(asJson(v)); }), { numRuns: 3000, seed: 20261128 });
  });

  it("parses back multi-line and tricky text exactly (literal blocks and their fallbacks)", () => {
    const tricky = fc.string({ unit: fc.constantFrom("\n", " ", "\t", "#", ":", "-", "a", "é", "\u2028", "\ud800", "\udc00", "|", '"', "'", "\r"), maxLength: 16 });
    fc.assert(fc.property(fc.dictionary(tricky, fc.oneof(tricky, fc.array(tricky, { maxLength: 3 }))), (v) => { expect(roundTrip(v)).toEqual(asJson(v)); }), { numRuns: 3000, seed: 7 });
  });

  it.each([
    ["words that YAML would read as something else", ["true", "No", "null", "~", "on", "Y", "1.5", "0x1F", "-", "- a", "a: b", "a #b", "@x", "`x`", "'", "", " lead", "trail "]],
    ["keys of OpenAPI documents", { "200": 1, "/data-ingestion": 2, $ref: 3, "application/json": 4, "X-Rate-Limit-Retry-After-Seconds": 5, yes: 6, "a b": 7 }],
    ["nested collections in lists", [[1, [2, []]], [{ a: [{}] }], { b: { c: [null] } }]],
    ["line and paragraph separators, BOM, C1 controls", ["a\u2028b\u2029c", "\ufeffx", "\u0085\u009f\u007f", "line\nbreak\ttab", "\ud800"]],
    ["multi-line text as literal blocks, in maps and lists", { d: "Customer Id.\nRequired if x.\n\n• child", l: ["a\nb", { k: "c\n\nd #e" }], edge: ["a\n b", "a\n", "\na", "a \nb", "x\n\ud800"] }],
  ])("%s", (_name, v) => {
    expect(roundTrip(v)).toEqual(asJson(v));
  });

  it("writes plain text plainly and quotes what needs it", () => {
    expect(toYamlText({ title: "Customer Identity Entity", type: "string", examples: ["true", "C120901341"], count: 7, e: [] })).toBe(
      'title: Customer Identity Entity\ntype: string\nexamples:\n  - "true"\n  - C120901341\ncount: 7\ne: []\n',
    );
    expect(toYamlText({ description: "Customer Id.\n\nRequired if missed.", list: ["a\nb"] })).toBe("description: |-\n  Customer Id.\n\n  Required if missed.\nlist:\n  - |-\n    a\n    b\n");
  });

  it("agrees with the JSON twin of every generated OpenAPI YAML file", () => {
    expect(parse(readFileSync("generated/openapi/openapi.yaml", "utf8"))).toEqual(JSON.parse(readFileSync("generated/openapi/openapi.json", "utf8")));
    for (const f of readdirSync("generated/openapi").filter((n) => n.endsWith(".yaml"))) expect(() => parse(readFileSync(`generated/openapi/${f}`, "utf8"))).not.toThrow();
  });
});
