import { describe, expect, test } from "vitest";
import { build } from "../../generator/run.ts";
import { entryPoints } from "../../generator/emit/api-surface/emit-api-surface.ts";
import { fastSurfaceOf, sourcesOf, surfaceOf, surfaceWithTypeScript } from "../../generator/emit/api-surface/surface.ts";
import { statementsOf, Unsupported } from "../../generator/emit/api-surface/declarations.ts";

/**
 * The API surface is read without TypeScript (declarations.ts); TypeScript's parser and printer stay the
 * oracle: on every entry point of the packages generated from the real and the made-up specs, and on
 * hand-written sources, the fast reading must give byte-equal declarations, or refuse (Unsupported).
 */
describe("the surface read without TypeScript", () => {
  test.each(["specs", "test/specs/made-up", "test/specs/valid", "test/specs/types", "test/specs/hostile"])("equals TypeScript's on every entry point generated from %s", (dir) => {
    const built = build(dir);
    const sources = sourcesOf(built.files);
    const entries = entryPoints(built.model!);
    expect(entries.length).toBeGreaterThan(2);
    for (const [, file] of entries) {
      const fast = fastSurfaceOf(sources, file);
      expect(fast.length, file).toBeGreaterThan(0);
      expect(fast, file).toEqual(surfaceWithTypeScript(sources, file));
    }
  }, 60_000);

  const one = (text: string) => new Map([["index.ts", text]]);

  test.each([
    ["type forms", 'export type A<T extends object = {}> = keyof typeof x | readonly string[] | (A & B)[] | A & B | { [K in keyof T]?: T[K] } | (() => void) | ((a?: string, ...b: C[]) => a is string) | X.Y<Z>["k"];\n'],
    ["conditional and infer", "export type H<T> = T extends (infer U)[] ? U : T extends Array<infer V> ? V : never;\n"],
    ["leading operators and multi-line unions", "export type U =\n  | { a: 1 }\n  | { b: 2; c?: string };\nexport type I = & A & B;\n"],
    ["interfaces", 'export interface I<T = unknown> extends X.Y<T>, Z {\n  /** doc */\n  readonly [k: string]: T;\n  (a: T): void;\n  m?<U>(u: U): U;\n  "quoted-key"?: 1.5,\n  readonly [KEY]?: true\n}\nexport interface E {}\n'],
    ["strings are escaped again from their value", "export type S = \"it's\" | \"a\\u00e9\\x41\\0\\\\\" | \"é😀\" | \"tab\\tq\\\"\" | 1.50 | 1e3 | 100 | -1;\n"],
    ["functions: bodies, overloads, async, predicates", "export function f(a: string): string;\nexport function f(a: unknown): unknown { return /}/u.test(String(a)) ? `}${a}` : a; }\nexport async function g<T>(x: T): Promise<T> { return x; }\nexport function h(x: unknown): asserts x is string {}\nexport declare function d(): void;\n"],
    ["parameters with keyword-literal defaults", "export function f(a: string, b = false, c = null, d: boolean | undefined = undefined): void { void a; }\nexport function g(x = true) { return x; }\n"],
    ["constants: typed, literal, layout of object and array literals", 'export const a: Readonly<Record<string, { b: 1 }>> = JSON.parse("{}");\nexport const b = ["x", "y"] as const;\nexport const c = {\n  "k-1": v as unknown as T,\n  k2: [\n    1, 2,\n  ],\n  k3: {}, k4: [],\n} as const;\nexport const d = { a: 1,\n b: [{ q: 1,\n}] } as const;\nexport const e = -1, f = 2.50;\nexport declare const g: number;\nconst hidden = { x: 1 };\n'],
    ["statements without semicolons", "export type A = B\nexport const c = 1\nexport interface I { a: 1 }\n"],
    ["re-exports", 'export * from "./a.js";\nexport { x as y, type T } from "./a.js";\nexport type { U } from "./a.js";\n'],
  ])("%s", (_what, text) => {
    const files = text.includes("./a.js") ? new Map([...one(text), ["a.ts", "export const x: number = 1;\nexport type T = 1;\nexport interface U { u: T }\n"]]) : one(text);
    expect(fastSurfaceOf(files, "index.ts")).toEqual(surfaceWithTypeScript(files, "index.ts"));
  });

  test("refuses what it does not read, and the surface is then TypeScript's", () => {
    for (const text of [
      "export enum E { A }\n",
      "export type T = `a${string}`;\n",
      "export type T = [a: string, b?: number];\n",
      "export const f = (x: number) => x;\n",
      "export function f(x = 1): number { return x; }\n",
      "export function f(x = false || y): boolean { return x; }\n",
      "export type S = 'single-quoted';\n",
      'export function f() { return "x; }\n',
    ]) {
      expect(() => fastSurfaceOf(one(text), "index.ts"), text).toThrow(Unsupported);
      if (!text.includes("enum") && !text.includes('"x;')) expect(surfaceOf(one(text), "index.ts")).toEqual(surfaceWithTypeScript(one(text), "index.ts"));
    }
    // An unexported namespace or an unwanted exported one is skipped, not refused.
    expect(statementsOf("declare namespace N { const a: 1; }\nexport interface I { a: 1 }\n").map((s) => s.kind)).toEqual(["decl"]);
  });
});
