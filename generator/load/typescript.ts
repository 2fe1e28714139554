import { readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire, Module } from "node:module";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { Script } from "node:vm";
import type * as TS from "typescript";

/**
 * TypeScript (the copy inside ts-morph, a dependency of the generator), loaded with V8's code cache.
 * Compiling its 9 MB of JavaScript takes ~0.15 s; with the cache that `npm run build:generator` writes, ~0.04 s.
 * `generate` and `check` no longer load it (the API surface is read by emit/api-surface/declarations.ts, with
 * TypeScript only for a form that reader does not know); `diff` does, for its compiler verdicts. Node 20 has no
 * compile cache of its own (module.enableCompileCache is Node 22).
 *
 * The cache is used only for the typescript.js it was made from (path, size and time recorded beside it):
 * V8 itself checks little more than the source's length.
 *
 * The module is put in require's cache under its own path, so ts-morph, when `diff` loads it later,
 * gets this same instance instead of compiling TypeScript a second time. A cache V8 rejects (another Node
 * version or flags) only costs the time it would have saved.
 */

/** Where the build keeps V8's code cache of TypeScript (beside the bundle; not committed). */
export const TS_CODE_CACHE = fileURLToPath(new URL("../dist/typescript.v8cache", import.meta.url));

const requireHere = createRequire(import.meta.url);

/** What identifies the typescript.js a cache was made from. */
function identity(file: string): string {
  const st = statSync(file);
  return JSON.stringify({ file, size: st.size, mtimeMs: st.mtimeMs });
}

/** The code cache, when it was made from this typescript.js. */
function readCache(file: string): Buffer | undefined {
  try {
    return readFileSync(`${TS_CODE_CACHE}.json`, "utf8") === identity(file) ? readFileSync(TS_CODE_CACHE) : undefined;
  } catch {
    return undefined;
  }
}

/** The path of the typescript.js that ts-morph itself requires. */
function typescriptPath(): string {
  const morph = requireHere.resolve("ts-morph");
  const common = createRequire(morph).resolve("@ts-morph/common");
  return createRequire(common).resolve("./typescript");
}

/** Compiles and runs typescript.js as require would, with `cachedData` when given; returns its script and exports. */
function evaluate(file: string, cachedData: Buffer | undefined): { script: Script; exports: typeof TS } {
  const cache = requireHere.cache;
  const wrapper = `(function (exports, require, module, __filename, __dirname) {${readFileSync(file, "utf8")}\n})`;
  const script = new Script(wrapper, { filename: file, cachedData });
  const mod = new Module(file) as Module & { filename: string; paths: string[]; loaded: boolean };
  mod.filename = file;
  mod.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(dirname(file));
  cache[file] = mod;
  try {
    (script.runInThisContext() as (...args: unknown[]) => void)(mod.exports, createRequire(file), mod, file, dirname(file));
  } catch (e) {
    delete cache[file];
    throw e;
  }
  mod.loaded = true;
  return { script, exports: mod.exports as typeof TS };
}

let loaded: typeof TS | null = null;
/** The script TypeScript was compiled from in this process, when this module compiled it. */
let compiled: Script | null = null;

/** TypeScript's compiler API, loaded once per process (from V8's code cache when the build made one). */
export function typescript(): typeof TS {
  if (loaded) return loaded;
  const file = typescriptPath();
  const cached = requireHere.cache[file];
  if (cached?.loaded) return (loaded = cached.exports as typeof TS);
  const { script, exports } = evaluate(file, readCache(file));
  compiled = script;
  return (loaded = exports);
}

/**
 * Writes the code cache (called by the build, after it ran a `check`): it holds the functions a run compiled
 * while parsing and printing, not only TypeScript's top level. When the run did not load TypeScript (the
 * surface's own reader knew every form), a small parse and print stand in.
 */
export function writeTypeScriptCodeCache(): void {
  const file = typescriptPath();
  if (!compiled) {
    const ts = typescript();
    const sf = ts.createSourceFile("warm.ts", "export interface A { readonly a?: string | null }\nexport type B<T = {}> = A & T;\nexport function f(x: unknown, o?: { a: 1 }): x is A {}\nexport const c: B = 1;\n", { languageVersion: ts.ScriptTarget.ES2022, jsDocParsingMode: ts.JSDocParsingMode.ParseNone });
    const printer = ts.createPrinter({ removeComments: true, newLine: ts.NewLineKind.LineFeed });
    for (const st of sf.statements) printer.printNode(ts.EmitHint.Unspecified, st, sf);
  }
  if (!compiled) return; // TypeScript was loaded by ts-morph, not here: nothing to cache
  writeFileSync(TS_CODE_CACHE, compiled.createCachedData());
  writeFileSync(`${TS_CODE_CACHE}.json`, identity(file));
}
