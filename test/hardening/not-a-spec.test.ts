import { describe, expect, it, vi } from "vitest";
import fc from "fast-check";
import { stringify } from "yaml";
import { compile, emit } from "../../generator/pipeline.ts";
import { decodeSpec } from "../../generator/load/load-specs.ts";
import { DIAGNOSTIC_CODES } from "../../generator/check/diagnostics.ts";
import { InternalError } from "../../generator/util/assert.ts";
import { runMain } from "./support.ts";

// Lets one test make the pipeline fail the way a generator bug would, to see how the CLI reports it.
const fault = vi.hoisted(() => ({ error: null as unknown }));
vi.mock("../../generator/pipeline.ts", async (original) => {
  const real = await original<typeof import("../../generator/pipeline.ts")>();
  return { ...real, emit: (m: Parameters<typeof real.emit>[0]) => { if (fault.error) throw fault.error; return real.emit(m); } };
});

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** A small valid spec, as data: the starting point every mutation breaks in one place. */
const BASE: Json = {
  objectType: "widget", title: "Widget Entity", customFields: true,
  fields: [
    { name: "widgetId", docType: "String", type: "string", required: true, example: "W1" },
    { name: "size", docType: "Integer", type: "integer", minimum: 0, maximum: 9, example: "3" },
    { name: "color", docType: "String", type: "string", enum: ["red", "blue"], example: "red" },
    { name: "part", docType: "Object", type: "object", table: "Part Entity" },
  ],
  rules: [{ kind: "any-of", groups: [["size"], ["color"]], doc: ["Size or color"] }],
  tables: [{ title: "Part Entity", fields: [{ name: "partId", docType: "String", type: "string" }] }],
};

/** Every path (list of keys and indexes) in a JSON value. */
function paths(v: Json, at: (string | number)[] = []): (string | number)[][] {
  const here = [at];
  if (Array.isArray(v)) return here.concat(...v.map((x, i) => paths(x, [...at, i])));
  if (v && typeof v === "object") return here.concat(...Object.entries(v).map(([k, x]) => paths(x, [...at, k])));
  return here;
}

function replaceAt(v: Json, path: readonly (string | number)[], value: Json): Json {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  const copy = (Array.isArray(v) ? [...v] : { ...(v as object) }) as Record<string | number, Json>;
  copy[head!] = replaceAt(copy[head!]!, rest, value);
  return copy as Json;
}

/** Compiles one spec text; the property: never a throw, every diagnostic well-formed, emit never throws. */
function compilesWithoutCrash(text: string): void {
  const r = compile([decodeSpec("specs/widget.yaml", new TextEncoder().encode(text))]);
  for (const d of r.diagnostics) {
    expect(Object.keys(DIAGNOSTIC_CODES)).toContain(d.code);
    expect(d.file).toBe("specs/widget.yaml");
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.col).toBeGreaterThanOrEqual(1);
  }
  expect(r.model === null).toBe(r.diagnostics.some((d) => d.severity === "error"));
  if (r.model) expect(emit(r.model).length).toBeGreaterThan(0);
}

describe("valid YAML that is not a spec", () => {
  it("the unmutated base spec compiles (so the mutations below start from valid input)", () => {
    const r = compile([decodeSpec("specs/widget.yaml", new TextEncoder().encode(stringify(BASE)))]);
    expect(r.diagnostics).toEqual([]);
  });

  it("any JSON value as a whole file: diagnostics, never a crash", () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => compilesWithoutCrash(stringify(v))), { seed: 5, numRuns: 300 });
  }, 60_000);

  it("the base spec with any one value replaced by any JSON value: diagnostics or a model that emits", () => {
    const all = paths(BASE);
    const mutation = fc.record({ path: fc.constantFrom(...all), value: fc.jsonValue({ maxDepth: 3 }) });
    fc.assert(fc.property(mutation, ({ path, value }) => compilesWithoutCrash(stringify(replaceAt(BASE, path, value as Json)))), { seed: 5, numRuns: 500 });
  }, 60_000);

  it("any text at all: diagnostics, never a crash", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 200 }), (s) => compilesWithoutCrash(s)), { seed: 5, numRuns: 300 });
  }, 60_000);
});

describe("internal errors are reported as such, distinct from spec errors", () => {
  it.each([
    ["an internal assertion", new InternalError("two emitters produced types/x.ts"), "internal error (a bug in pango-codegen, not in your specs): two emitters produced types/x.ts"],
    ["an unexpected exception", new TypeError("x is undefined"), "internal error (a bug in pango-codegen, not in your specs): TypeError: x is undefined"],
  ])("%s: exit 3 and a message that blames the generator", async (_label, error, message) => {
    fault.error = error;
    try {
      const r = await runMain(["check"]);
      expect(r.code).toBe(3);
      expect(r.err.startsWith(message)).toBe(true);
      expect(r.err).not.toMatch(/ error [a-z-]+: /u);
    } finally {
      fault.error = null;
    }
  });

  it("a spec error is exit 2 and never says internal error", async () => {
    const r = await runMain(["check", "--specs", "test/specs/invalid/root-is-list"]);
    expect(r.code).toBe(2);
    expect(r.err).not.toContain("internal error");
  });
});
