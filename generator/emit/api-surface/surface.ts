import type * as TS from "typescript";
import type { OutputFile } from "../output-file.ts";
// TypeScript comes with ts-morph (a dependency of the generator); loaded only when the fallback runs, from V8's code cache.
import { typescript } from "../../load/typescript.ts";
import { outline } from "./outline.ts";
import { statementsOf, Unsupported, type Statement } from "./declarations.ts";

/**
 * The exported surface of a generated package, read from its TypeScript sources: by declarations.ts (no
 * TypeScript: loading it and parsing with it were ~40% of a `check`), or, for a form that reader does not
 * know, with TypeScript's parser and printer (no type checker: a program would cost seconds on every generate).
 * `export *` and `export { a } from` are followed to the declaring file; each name gets its kind and its
 * declaration as a consumer sees it: comments and function bodies dropped, a constant's type annotation
 * instead of its value.
 */

/** One exported name of an entry point. */
export interface SurfaceEntry {
  readonly name: string;
  readonly kind: "interface" | "type" | "function" | "const" | "namespace" | "class" | "enum";
  /** The declaration without comments or bodies, on one line where it fits. */
  readonly declaration: string;
  /** The file (relative to the package root) that declares it. */
  readonly file: string;
}

/**
 * The names an entry point (e.g. `index.ts`) exports, sorted by name: read without TypeScript when every
 * file it reaches is in the forms declarations.ts knows (the generated ones are), else with TypeScript.
 */
export function surfaceOf(files: ReadonlyMap<string, string>, entry: string): SurfaceEntry[] {
  try {
    return fastSurfaceOf(files, entry);
  } catch (e) {
    if (!(e instanceof Unsupported)) throw e;
    return surfaceWithTypeScript(files, entry);
  }
}

const byName = (a: SurfaceEntry, b: SurfaceEntry): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** The surface read with TypeScript's parser and printed with its printer (the fallback, and the oracle of the tests). */
export function surfaceWithTypeScript(files: ReadonlyMap<string, string>, entry: string): SurfaceEntry[] {
  const out = new Map<string, SurfaceEntry>();
  collect(files, entry, null, out, new Set());
  return [...out.values()].sort(byName);
}

/** The surface read by declarations.ts; throws `Unsupported` when a file has a form it does not know. */
export function fastSurfaceOf(files: ReadonlyMap<string, string>, entry: string): SurfaceEntry[] {
  const out = new Map<string, SurfaceEntry>();
  collectFast(files, entry, null, out, new Set());
  return [...out.values()].sort(byName);
}

/** The statements of each file last read, by path (a text compared by identity first: most are the very string read before). */
const read = new Map<string, { readonly text: string; readonly statements: Statement[] }>();

function statements(files: ReadonlyMap<string, string>, path: string): Statement[] {
  const text = files.get(path);
  if (text === undefined) throw new Error(`api-surface: ${path} is re-exported but not generated`);
  const known = read.get(path);
  if (known && known.text === text) return known.statements;
  const sts = statementsOf(text);
  if (read.size > 5000) read.clear();
  read.set(path, { text, statements: sts });
  return sts;
}

/** `collect`, over declarations.ts's statements: the same walk, the same first-declaration-wins order. */
function collectFast(files: ReadonlyMap<string, string>, path: string, names: Map<string, string> | null, out: Map<string, SurfaceEntry>, seen: Set<string>): void {
  for (const st of statements(files, path)) {
    if (st.kind === "star") {
      const target = resolve(path, st.from);
      const key = `${target}*${names ? [...names].join(",") : ""}`;
      if (!seen.has(key)) { seen.add(key); collectFast(files, target, names, out, seen); }
    } else if (st.kind === "named") {
      const wanted = new Map<string, string>();
      for (const [exported, local] of st.names) if (!names || names.has(exported)) wanted.set(local, names?.get(exported) ?? exported);
      if (wanted.size > 0) collectFast(files, resolve(path, st.from), wanted, out, seen);
    } else {
      const as = names ? names.get(st.name) : st.name;
      if (as === undefined || out.has(as)) continue;
      if (st.kind === "other") throw new Unsupported(`exported ${st.name}`);
      out.set(as, { name: as, kind: st.decl, declaration: st.text, file: path });
    }
  }
}

const parsed = new Map<string, TS.SourceFile>();

function parse(files: ReadonlyMap<string, string>, path: string): TS.SourceFile {
  const text = files.get(path);
  if (text === undefined) throw new Error(`api-surface: ${path} is re-exported but not generated`);
  const key = `${path}\n${text}`;
  let sf = parsed.get(key);
  if (!sf) {
    // Bodies emptied first: the report prints signatures, and the validators' bodies were most of the parse.
    // Should emptying ever leave text that does not parse, the whole text is parsed instead.
    // JSDoc is not parsed either: the printer drops comments.
    const options = { languageVersion: typescript().ScriptTarget.ES2022, jsDocParsingMode: typescript().JSDocParsingMode.ParseNone };
    sf = typescript().createSourceFile(path, outline(text), options, false);
    if ((sf as TS.SourceFile & { parseDiagnostics?: readonly unknown[] }).parseDiagnostics?.length) sf = typescript().createSourceFile(path, text, options, false);
    if (parsed.size > 500) parsed.clear();
    parsed.set(key, sf);
  }
  return sf;
}

/** `./types/order.js` from `index.ts` → `types/order.ts`. */
function resolve(from: string, specifier: string): string {
  const parts = from.split("/").slice(0, -1);
  for (const seg of specifier.replace(/\.js$/u, ".ts").split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== ".") parts.push(seg);
  }
  return parts.join("/");
}

/** Adds the exports of `path` (only `names` when given, mapped to their exported names) to `out`. */
function collect(files: ReadonlyMap<string, string>, path: string, names: Map<string, string> | null, out: Map<string, SurfaceEntry>, seen: Set<string>): void {
  const t = typescript();
  const sf = parse(files, path);
  for (const st of sf.statements) {
    if (t.isExportDeclaration(st) && st.moduleSpecifier && t.isStringLiteral(st.moduleSpecifier)) {
      const target = resolve(path, st.moduleSpecifier.text);
      if (!st.exportClause) {
        const key = `${target}*${names ? [...names].join(",") : ""}`;
        if (!seen.has(key)) { seen.add(key); collect(files, target, names, out, seen); }
      } else if (t.isNamedExports(st.exportClause)) {
        const wanted = new Map<string, string>();
        for (const el of st.exportClause.elements) {
          const exported = el.name.text, local = (el.propertyName ?? el.name).text;
          if (!names || names.has(exported)) wanted.set(local, names?.get(exported) ?? exported);
        }
        if (wanted.size > 0) collect(files, target, wanted, out, seen);
      }
      continue;
    }
    for (const d of declarations(st)) {
      const as = names ? names.get(d.name) : d.name;
      // Printed only when wanted: a validators file declares many exports, of which index.ts re-exports two.
      if (as !== undefined && !out.has(as)) out.set(as, { name: as, kind: d.kind, declaration: d.print(), file: path });
    }
  }
}

let shared: TS.Printer | null = null;
const printer = () => (shared ??= typescript().createPrinter({ removeComments: true, newLine: typescript().NewLineKind.LineFeed }));

/** An exported declaration found in a statement, and how to print it. */
interface Found { readonly name: string; readonly kind: SurfaceEntry["kind"]; readonly print: () => string }

/** The exported declarations of one top-level statement, each printable as a consumer sees it. */
function declarations(st: TS.Statement): Found[] {
  const t = typescript();
  const exported = t.canHaveModifiers(st) && (t.getModifiers(st) ?? []).some((m) => m.kind === t.SyntaxKind.ExportKeyword);
  if (!exported) return [];
  const sf = st.getSourceFile();
  const print = (n: TS.Node) => printer().printNode(t.EmitHint.Unspecified, n, sf).replace(/^export (declare )?/u, "");
  const as = (kind: SurfaceEntry["kind"], name: string, node: TS.Node): Found => ({ name, kind, print: () => print(node) });
  if (t.isInterfaceDeclaration(st)) return [as("interface", st.name.text, st)];
  if (t.isTypeAliasDeclaration(st)) return [as("type", st.name.text, st)];
  if (t.isModuleDeclaration(st)) return [as("namespace", st.name.text, st)];
  if (t.isEnumDeclaration(st)) return [as("enum", st.name.text, st)];
  if (t.isFunctionDeclaration(st) && st.name) {
    const name = st.name.text;
    return [{ name, kind: "function", print: () => print(t.factory.updateFunctionDeclaration(st, st.modifiers, st.asteriskToken, st.name, st.typeParameters, st.parameters, st.type, undefined)) }];
  }
  if (t.isVariableStatement(st)) {
    return st.declarationList.declarations.filter((d) => t.isIdentifier(d.name)).map((d) => ({
      name: (d.name as TS.Identifier).text, kind: "const" as const,
      print: () => `const ${print(d.type ? t.factory.updateVariableDeclaration(d, d.name, undefined, d.type, undefined) : d)}`,
    }));
  }
  throw new Error(`api-surface: an exported ${t.SyntaxKind[st.kind]} in ${sf.fileName} has no surface form`);
}

/** The TypeScript files of a package, by path. */
export function sourcesOf(files: readonly OutputFile[]): Map<string, string> {
  return new Map(files.filter((f) => f.path.endsWith(".ts")).map((f) => [f.path, f.contents]));
}
