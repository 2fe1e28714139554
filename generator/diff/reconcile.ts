import type { Model } from "../model/ir.ts";
import type { Change, Impact } from "./change.ts";
import { breaksConsumers, PackageProject, type CompilerVerdict } from "./compiler-check.ts";
import type { OutputFile } from "../emit/output-file.ts";
import { sourcesOf, surfaceOf } from "../emit/api-surface/surface.ts";
import type { SpecDiff } from "./diff-specs.ts";
import { emitTypeScript, isCheckedSource } from "./package-sources.ts";
import { impliedBump, bumpSuffices } from "./semver.ts";

/**
 * Kinds the compiler cannot see: the package name is the import specifier (the probes import by path),
 * and the ingestion path lives in the OpenAPI document, not in a type. Their table verdict stands.
 */
const OUTSIDE_THE_COMPILER = new Set(["package-renamed", "api-path-changed"]);
/** Consumer impacts the compiler can move: documentation and "no effect" never reach a type. */
const TYPED: ReadonlySet<Impact> = new Set(["breaking", "warning", "compatible"]);

/** The entity (object type) a generated file belongs to, or "package" for the shared ones. */
export function scopeOf(file: string, objectTypes: ReadonlySet<string>): string {
  const m = /^(?:types|validators|standard|entities)\/([^/]+)\.ts$/u.exec(file);
  return m && objectTypes.has(m[1]!) ? m[1]! : "package";
}

/** Where the compiler found code that compiled against the base and fails against the head. */
export function failingScopes(v: CompilerVerdict, objectTypes: ReadonlySet<string>): Set<string> {
  return new Set(v.exports.filter(breaksConsumers).map((e) => scopeOf(e.file, objectTypes)));
}

/**
 * The consumer impact of each change, with the compiler's verdict winning over the rule table. A break
 * is attributed to the changes of the entity whose exports fail; a break only in the shared exports
 * (the request union, the object-type list) to every entity's changes when no entity's own exports fail.
 * Where a scope breaks and the table already calls one of its changes breaking, the others keep their
 * table verdict; where the compiler finds no break, no change of a visible kind stays breaking.
 */
export function reconcile(changes: readonly Change[], v: CompilerVerdict, objectTypes: ReadonlySet<string>): Change[] {
  const failing = failingScopes(v, objectTypes);
  const entityFails = [...failing].some((s) => s !== "package");
  const breaksAt = (c: Change) => (c.entity !== null && failing.has(c.entity)) || (failing.has("package") && (!entityFails || c.entity === null));
  const visible = (c: Change) => !OUTSIDE_THE_COMPILER.has(c.kind) && TYPED.has(c.consumer);
  const explained = new Set(changes.filter((c) => visible(c) && c.consumer === "breaking" && breaksAt(c)).map((c) => c.entity));
  return changes.map((c) => {
    if (!visible(c)) return c;
    if (breaksAt(c) && c.consumer !== "breaking" && !explained.has(c.entity)) return overridden(c, "breaking", v);
    if (!breaksAt(c) && c.consumer === "breaking") return overridden(c, "compatible", v);
    return c;
  });
}

function overridden(c: Change, consumer: Impact, v: CompilerVerdict): Change {
  const failed = v.exports.filter(breaksConsumers).map((e) => e.name);
  const why = consumer === "breaking"
    ? `the compiler: code written against the base fails against the head (${failed.slice(0, 4).join(", ")}${failed.length > 4 ? ", …" : ""})`
    : "the compiler: every probe of the exported names compiles";
  return { ...c, consumer, compiler: why };
}

/** Generates both packages' TypeScript in memory and returns the diff with the compiler's consumer verdicts. */
export function withCompilerVerdict(d: SpecDiff, base: Model, head: Model, project?: PackageProject): SpecDiff & { compiler: CompilerVerdict; exports: ExportChange[] } {
  const [b, h] = [emitTypeScript(base), emitTypeScript(head)];
  // Identical TypeScript sources need no compiler (every export is kept and every probe compiles) nor surface.
  const same = sameSources(b, h);
  const verdict = same ? UNCHANGED : (() => {
    const p = project ?? new PackageProject();
    p.addPackage("base", b);
    p.addPackage("head", h, "base");
    return p.compare("base", "head");
  })();
  const changes = reconcile(d.changes, verdict, new Set([...base.entities, ...head.entities].map((e) => e.objectType)));
  const bump = impliedBump(changes);
  return { ...d, changes, bump, versionSuffices: bumpSuffices(d.versionBump, bump), compiler: verdict, exports: same ? [] : exportChanges(b, h, verdict) };
}

const typescriptOf = (files: readonly OutputFile[]) => files.filter((f) => isCheckedSource(f.path));

function sameSources(a: readonly OutputFile[], b: readonly OutputFile[]): boolean {
  const [x, y] = [typescriptOf(a), typescriptOf(b)];
  return x.length === y.length && x.every((f, i) => f.path === y[i]!.path && f.contents === y[i]!.contents);
}

/** The verdict on identical packages, reached without the compiler: nothing added, removed or failing. */
const UNCHANGED: CompilerVerdict = { exports: [], breaks: false };

/** An export of the main entry the head adds, removes or declares differently, with the compiler's probes that failed. */
export interface ExportChange {
  readonly name: string;
  readonly file: string;
  readonly change: "added" | "removed" | "changed";
  readonly base: string | null;
  readonly head: string | null;
  readonly failed: readonly string[];
}

/** The main entry's surface (generated/API.md) compared by name and declaration. */
export function exportChanges(b: readonly OutputFile[], h: readonly OutputFile[], v: CompilerVerdict): ExportChange[] {
  const [before, after] = [surfaceOf(sourcesOf(b), "index.ts"), surfaceOf(sourcesOf(h), "index.ts")];
  const byName = new Map(after.map((e) => [e.name, e]));
  const failed = new Map(v.exports.map((e) => [e.name, e.failed]));
  const out: ExportChange[] = [];
  for (const e of before) {
    const now = byName.get(e.name);
    if (!now) out.push({ name: e.name, file: e.file, change: "removed", base: e.declaration, head: null, failed: [] });
    else if (now.declaration !== e.declaration) out.push({ name: e.name, file: now.file, change: "changed", base: e.declaration, head: now.declaration, failed: failed.get(e.name) ?? [] });
  }
  const had = new Set(before.map((e) => e.name));
  for (const e of after) if (!had.has(e.name)) out.push({ name: e.name, file: e.file, change: "added", base: null, head: e.declaration, failed: [] });
  return out.sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
}
