import { describe, expect, test } from "vitest";
import { ts } from "ts-morph";
import { outline } from "../../generator/emit/api-surface/outline.ts";
import { build } from "../../generator/run.ts";

/**
 * What `outline` must return, from TypeScript's own parse: every top-level function body replaced by `{}`, and
 * the initializer of every single-declarator variable statement that is unexported or annotated by ` 0` (up to its `;`).
 */
function reference(text: string): string {
  const sf = ts.createSourceFile("x.ts", text, ts.ScriptTarget.ES2022, false);
  const spans: [number, number, string][] = [];
  for (const st of sf.statements) {
    if (ts.isFunctionDeclaration(st) && st.body) spans.push([st.body.getStart(sf), st.body.end, "{}"]);
    if (!ts.isVariableStatement(st) || st.declarationList.declarations.length !== 1) continue;
    const d = st.declarationList.declarations[0]!;
    const exported = (ts.getModifiers(st) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (d.initializer && ts.isIdentifier(d.name) && (d.type || !exported)) spans.push([d.initializer.pos, st.end - 1, " 0"]);
  }
  let out = text;
  for (const [s, e, by] of spans.reverse()) out = out.slice(0, s) + by + out.slice(e);
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
    ["constants: annotated or unexported initializers go, an exported one without a type stays (it is printed)", 'export const a: Record<string, { b: 1 }> = JSON.parse("{\\"x;\\": 1}");\nconst b = { c: [1, 2] } as const;\nexport const c = { d: "e" } as const;\nexport declare const d: number;\nlet e: string, f = 2;\nexport const g: (x: number) => void = (x) => { void x; };\n'],
    ["generics with defaults and default parameters", "export function f<T extends { a: number } = { a: 1 }>(x: T = { a: 1 } as T, y = (() => 1)()): T { return x; }\n"],
  ])("%s", (_what, text) => {
    expect(outline(text)).toBe(reference(text));
  });

  test("returns the text unchanged when it cannot be lexed (a missing semicolon, an unterminated string or template, unbalanced brackets)", () => {
    for (const text of ['const a = 1\nexport function f() { return 1; }\n', 'export function f() { return "x; }\n', "export function f() { return `x; }\n", "export function f() { return 1; }}\n", "export function f() { return 1;\n"]) {
      expect(outline(text)).toBe(text);
    }
  });
});
