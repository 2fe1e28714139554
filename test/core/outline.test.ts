import { describe, expect, test } from "vitest";
import { ts } from "ts-morph";
import { outline } from "../../generator/emit/api-surface/outline.ts";
import { build } from "../../generator/run.ts";

/** What `outline` must return: TypeScript's own parse finds the top-level function bodies, each replaced by `{}`. */
function reference(text: string): string {
  const sf = ts.createSourceFile("x.ts", text, ts.ScriptTarget.ES2022, false);
  const spans = sf.statements.filter(ts.isFunctionDeclaration).flatMap((d) => (d.body ? [[d.body.getStart(sf), d.body.end] as const] : []));
  let out = text;
  for (const [s, e] of [...spans].reverse()) out = out.slice(0, s) + "{}" + out.slice(e);
  return out;
}

describe("outline (function bodies emptied for the API surface)", () => {
  test("agrees with TypeScript's parser on every TypeScript file generated from the made-up specs", () => {
    const built = build("test/specs/made-up");
    const sources = built.files.filter((f) => f.path.endsWith(".ts"));
    expect(sources.length).toBeGreaterThan(5);
    let emptied = 0;
    for (const f of sources) {
      const got = outline(f.contents);
      expect(got, f.path).toBe(reference(f.contents));
      if (got !== f.contents) emptied++;
    }
    expect(emptied).toBeGreaterThan(0);
  });

  test.each([
    ["braces in strings, templates and regular expressions", 'export function f(a: string): boolean {\n  const s = "}{" + \'{\' + `${a}}` + `${`{${"}"}`}`;\n  return /[{}]\\}{2}/u.test(s) && a.length / 2 > 1;\n}\nexport function g(): void { return; }\n'],
    ["an object type as return type, a type predicate, an overload and async", "export function f(): { a: string } { return { a: \"}\" }; }\nexport function p(x: unknown): x is { b: 1 } { return true; }\nexport function o(a: string): string;\nexport function o(a: unknown): unknown { return a; }\nexport async function q(): Promise<void> { await 0; }\n"],
    ["function expressions in constants are kept (their text is the declaration)", "export const f = function () { return 1; };\nconst g = () => { return 2; };\nfunction h() { /* } */ return `}`; // }\n}\n"],
    ["regular expressions and divisions inside template expressions and after brackets", "export function f(a: number[], s: string): unknown {\n  const x = `${/[}]/u.test(s) ? 1 : 2}${a[0]! / 2}`;\n  if (s) { /[{]/.test(s); }\n  return (a.length) / 2 + x.length / a[1]!;\n}\nexport function g() {}\n"],
    ["generics with defaults and default parameters", "export function f<T extends { a: number } = { a: 1 }>(x: T = { a: 1 } as T, y = (() => 1)()): T { return x; }\n"],
  ])("%s", (_what, text) => {
    expect(outline(text)).toBe(reference(text));
  });

  test("returns the text unchanged when it cannot be lexed (an unterminated string or template, unbalanced brackets)", () => {
    for (const text of ['export function f() { return "x; }\n', "export function f() { return `x; }\n", "export function f() { return 1; }}\n", "export function f() { return 1;\n"]) {
      expect(outline(text)).toBe(text);
    }
  });
});
