import { describe, expect, it } from "vitest";
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import ts from "typescript";
import { compileTexts, emit } from "../support/compile.ts";
import { tempDir } from "../support/tmp.ts";

// Type-level tests of the generated package, against made-up specs (never the documentation's data): the
// package is generated in memory from test/specs/types/, the probes in test/types/probes/ are compiled
// against it with the TypeScript API, and every line's diagnostics are compared with what the probe states.

const ROOT = process.cwd();
const SPECS = join(ROOT, "test/specs/types");
const PROBES = join(ROOT, "test/types/probes");
// `// @ts-expect-error TS2322,TS2353 `text` why`: the next line fails with exactly these codes, one message containing the text.
const DIRECTIVE = /^\s*\/\/ @ts-expect-error\b(.*)$/u;
const STATED = /^ (TS\d+(?:,TS\d+)*) `([^`]+)` \S/u;

interface Expected { readonly codes: number[]; readonly text: string }
interface LineResult { readonly line: string; readonly codes: number[] }

/** The expectations a probe states, by 1-based line number; a directive that states no code is an error. */
function expectations(source: string, name: string): Map<number, Expected> {
  const out = new Map<number, Expected>();
  source.split("\n").forEach((l, i) => {
    const d = DIRECTIVE.exec(l);
    if (!d) return;
    const m = STATED.exec(d[1]!);
    if (!m) throw new Error(`${name}:${i + 1}: @ts-expect-error must state its codes and a message text in backquotes: ${l.trim()}`);
    out.set(i + 2, { codes: m[1]!.split(",").map((c) => Number(c.slice(2))), text: m[2]! });
  });
  return out;
}

/** The package generated from the made-up specs, written under `root/out`, with the probes beside it. */
function project(): { root: string; probes: string[] } {
  const texts = Object.fromEntries(readdirSync(SPECS).sort().map((n) => [n, readFileSync(join(SPECS, n), "utf8")]));
  const { model, diagnostics } = compileTexts(texts);
  if (!model) throw new Error(diagnostics.map((d) => d.message).join("\n"));
  const root = tempDir("pango-type-probes-");
  for (const f of emit(model)) {
    mkdirSync(dirname(join(root, "out", f.path)), { recursive: true });
    writeFileSync(join(root, "out", f.path), f.contents);
  }
  writeFileSync(join(root, "package.json"), JSON.stringify({ name: "probes", private: true, type: "module" }));
  // The dev dependencies the probes import (@standard-schema/spec, Hono), as this repository installed them.
  symlinkSync(join(ROOT, "node_modules"), join(root, "node_modules"), "dir");
  const probes = readdirSync(PROBES).filter((n) => n.endsWith(".probe.ts")).sort();
  // The directives become plain comments, so tsc reports the error each one would have swallowed.
  for (const p of probes) writeFileSync(join(root, p), readFileSync(join(PROBES, p), "utf8").replace(/@ts-expect-error\b/gu, "expected-error"));
  return { root, probes };
}

/** Every diagnostic of the probes and the package they import, under the root tsconfig's strictness plus `extra`. */
function compileProbes(root: string, files: string[], extra: ts.CompilerOptions): readonly ts.Diagnostic[] {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true, noUncheckedIndexedAccess: true, noEmit: true, skipLibCheck: true, lib: ["lib.es2022.d.ts"],
    types: ["node"], typeRoots: [join(ROOT, "node_modules/@types")], ...extra,
  };
  return ts.getPreEmitDiagnostics(ts.createProgram(files.map((f) => join(root, f)), options));
}

/** Per line of one probe: the sorted distinct codes tsc reported on it and the flattened messages (lines with none left out). */
function actualLines(diags: readonly ts.Diagnostic[], file: string): Map<number, { codes: number[]; messages: string[] }> {
  const out = new Map<number, { codes: number[]; messages: string[] }>();
  for (const d of diags.filter((x) => x.file?.fileName.endsWith(`/${file}`))) {
    const line = d.file!.getLineAndCharacterOfPosition(d.start ?? 0).line + 1;
    const entry = out.get(line) ?? { codes: [], messages: [] };
    if (!entry.codes.includes(d.code)) entry.codes.push(d.code);
    entry.messages.push(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    out.set(line, entry);
  }
  for (const e of out.values()) e.codes.sort((a, b) => a - b);
  return out;
}

const CONFIGS: [string, ts.CompilerOptions][] = [
  ["strict", {}],
  // Optional fields accept an explicit `undefined` (the validator does) under this option too.
  ["strict + exactOptionalPropertyTypes", { exactOptionalPropertyTypes: true }],
];

describe("the generated types, probed line by line (made-up specs)", () => {
  it.each(CONFIGS)("%s: plain lines compile; each expected-error line fails with the codes and message it states", (_name, extra) => {
    const { root, probes } = project();
    const diags = compileProbes(root, probes, extra);
    // The generated package itself compiles cleanly under the same options.
    const elsewhere = diags.filter((d) => !probes.some((p) => d.file?.fileName.endsWith(`/${p}`)));
    expect(elsewhere.map((d) => `${d.file?.fileName ?? ""}: TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`)).toEqual([]);
    for (const p of probes) {
      const source = readFileSync(join(PROBES, p), "utf8");
      const lines = source.split("\n");
      const expected = expectations(source, p);
      expect(expected.size, `${p} states no expected error`).toBeGreaterThan(0);
      const actual = actualLines(diags, p);
      const at = (n: number): LineResult => ({ line: `${p}:${n}: ${lines[n - 1]!.trim()}`, codes: actual.get(n)?.codes ?? [] });
      const numbers = [...new Set([...expected.keys(), ...actual.keys()])].sort((a, b) => a - b);
      expect(numbers.map(at)).toEqual(numbers.map((n) => ({ line: at(n).line, codes: expected.get(n)?.codes ?? [] })));
      // Right codes, and the message names what the line is about (the field, the value).
      const unexplained = [...expected].filter(([n, e]) => !actual.get(n)!.messages.some((m) => m.includes(e.text)));
      expect(unexplained.map(([n, e]) => `${p}:${n}: no message mentions ${e.text}:\n${actual.get(n)!.messages.join("\n")}`)).toEqual([]);
    }
  }, 120_000);
});
