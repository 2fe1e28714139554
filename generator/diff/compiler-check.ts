import { createRequire } from "node:module";
import type { Project, SourceFile } from "ts-morph";
import type { OutputFile } from "../emit/output-file.ts";
import { isCheckedSource } from "./package-sources.ts";
import { redirected, sharedFiles } from "./shared-sources.ts";

/**
 * The consumer side of `diff`, decided by TypeScript's own checker: the base and head packages sit in
 * one in-memory ts-morph project, and a probe file states, for every name the package's main entry
 * exports, what code written against the base does with it. A probe that does not compile is code that
 * compiled before and fails after.
 */

/** What a probe asks of one exported name. */
export type ProbeKind =
  /** `const h: Head.X = base` — values built for the base type (payloads a consumer writes) still type-check. */
  | "base-to-head"
  /** `const b: Base.X = head` — values the head gives (validator results) still fit code written for the base. */
  | "head-to-base"
  /** `keyof Base.X` fits `keyof Head.X` — every property code reads still exists. */
  | "keys-kept"
  /** `const v: typeof Base.x = Head.x` — the function or constant still has a compatible signature. */
  | "value-compatible";

/** One exported name of the main entry and what became of it. */
export interface ExportVerdict {
  readonly name: string;
  /** Where the base (or, for an added name, the head) declares it, relative to the package root. */
  readonly file: string;
  readonly status: "added" | "removed" | "kept";
  /** The probes that failed (empty for an added name or a compatible one). */
  readonly failed: readonly ProbeKind[];
  /** The compiler's first message for a failed probe, for the report. */
  readonly message: string | null;
}

/** The compiler's verdict on a whole base → head upgrade. */
export interface CompilerVerdict {
  readonly exports: readonly ExportVerdict[];
  /** True when some code that compiled against the base fails against the head. */
  readonly breaks: boolean;
}

interface ExportInfo {
  file: string; type: boolean; value: boolean; typeArgs: number;
  /** The declaration's node (absolute path and offset): two packages' names that share it are one type. */
  at: string;
}

type TsMorph = typeof import("ts-morph");
let tsMorph: TsMorph | null = null;

/** ts-morph (with TypeScript) is loaded on first use only, so commands that do not diff start fast. */
function loadTsMorph(): TsMorph {
  tsMorph ??= createRequire(import.meta.url)("ts-morph") as TsMorph;
  return tsMorph;
}

/** An in-memory project holding generated packages under `/<root>/`, type-checked together. Load once per run. */
export class PackageProject {
  readonly project: Project;
  private probes = 0;
  /** Per package: each file's text and the absolute path of the copy the compiler reads. */
  private readonly packages = new Map<string, Map<string, { text: string; at: string }>>();

  constructor() {
    const { Project, ts } = loadTsMorph();
    this.project = new Project({
      useInMemoryFileSystem: true,
      compilerOptions: {
        target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler,
        strict: true, noEmit: true, skipLibCheck: true, lib: ["lib.es2022.d.ts"], types: [],
      },
    });
  }

  /**
   * Adds a generated package's TypeScript files (fixtures data aside: the main entry does not reach it) under
   * `/<root>/`. With `sameAs` (a package added before), the files identical to that package's, with all they
   * import, are not added again: this package's other files import those copies (shared-sources.ts says why
   * no verdict changes).
   */
  addPackage(root: string, files: readonly OutputFile[], sameAs?: string): void {
    const { ts } = loadTsMorph();
    const texts = new Map(files.filter((f) => isCheckedSource(f.path)).map((f) => [f.path, f.contents]));
    const base = sameAs === undefined ? undefined : this.packages.get(sameAs);
    if (sameAs !== undefined && !base) throw new Error(`compiler-check: no package ${sameAs} to share files with`);
    const shared = base ? sharedFiles(ts, new Map([...base].map(([p, f]) => [p, f.text])), texts, "index.ts") : new Set<string>();
    const where = (target: string) => (shared.has(target) ? base!.get(target)!.at : null);
    const added = new Map<string, { text: string; at: string }>();
    for (const [path, text] of texts) {
      const at = where(path) ?? `/${root}/${path}`;
      added.set(path, { text, at });
      if (!shared.has(path)) this.project.createSourceFile(at, shared.size > 0 ? redirected(ts, root, path, text, where) : text, { overwrite: true });
    }
    this.packages.set(root, added);
  }

  /** The names a package's main entry exports, each with the file (relative to the package) that declares it. */
  exportsOf(root: string, entry = "index.ts"): Map<string, ExportInfo> {
    const out = new Map<string, ExportInfo>();
    const source = this.project.getSourceFileOrThrow(`/${root}/${entry}`);
    for (const [name, decls] of source.getExportedDeclarations()) {
      const d = decls[0]!;
      const kind = d.getKindName();
      const type = /Interface|TypeAlias|Class|Enum/u.test(kind);
      const value = !/Interface|TypeAlias/u.test(kind);
      const params = "getTypeParameters" in d && typeof d.getTypeParameters === "function" ? (d.getTypeParameters() as { getDefault(): unknown }[]) : [];
      // A file shared with another package sits under that one's root, at the same path inside the package.
      out.set(name, { file: d.getSourceFile().getFilePath().replace(/^\/[^/]+\//u, ""), type, value, typeArgs: params.length, at: `${d.getSourceFile().getFilePath()}:${d.getStart()}` });
    }
    return out;
  }

  /** Compares the packages under `/<base>/` and `/<head>/` with probe statements; one probe file per call. */
  compare(base: string, head: string): CompilerVerdict {
    const b = this.exportsOf(base), h = this.exportsOf(head);
    // Generic types are instantiated with one plain record type, so a type parameter that appears or goes shows.
    const lines: string[] = [`import * as B from "./${base}/index.js";`, `import * as H from "./${head}/index.js";`, "type P = { p: string };"];
    const probeAt: { name: string; kind: ProbeKind }[] = [];
    const add = (name: string, kind: ProbeKind, text: string) => { probeAt[lines.length] = { name, kind }; lines.push(text); };
    for (const [name, info] of [...b].sort(([x], [y]) => (x < y ? -1 : 1))) {
      if (!h.has(name)) continue;
      // A name both packages take from one shared file is the same declaration: every probe compares a type with itself.
      if (h.get(name)!.at === info.at) continue;
      if (info.type) {
        const args = info.typeArgs > 0 ? `<${Array(info.typeArgs).fill("P").join(", ")}>` : "";
        const T = (side: string) => `${side}.${name}${args}`;
        add(name, "base-to-head", `{ const b = null! as ${T("B")}; const h: ${T("H")} = b; void h; }`);
        add(name, "head-to-base", `{ const h = null! as ${T("H")}; const b: ${T("B")} = h; void b; }`);
        add(name, "keys-kept", `{ const k = null! as keyof ${T("B")}; const kh: keyof ${T("H")} = k; void kh; }`);
      }
      if (info.value) add(name, "value-compatible", `{ const v: typeof B.${name} = H.${name}; void v; }`);
    }
    const failures = this.failedProbes(`/probe-${this.probes++}.ts`, lines, probeAt);
    return verdictOf(b, h, failures);
  }

  /** Type-checks the probe file and returns, per exported name, the probes whose line has an error. */
  private failedProbes(path: string, lines: string[], probeAt: { name: string; kind: ProbeKind }[]): Map<string, { kinds: ProbeKind[]; message: string }> {
    const file: SourceFile = this.project.createSourceFile(path, lines.join("\n"), { overwrite: true });
    const failures = new Map<string, { kinds: ProbeKind[]; message: string }>();
    try {
      for (const d of this.project.getProgram().getSemanticDiagnostics(file)) {
        const line = d.getLineNumber();
        const probe = line === undefined ? undefined : probeAt[line - 1];
        if (!probe) throw new Error(`compiler-check: unexpected error outside the probes: ${flatten(d.getMessageText())}`);
        const seen = failures.get(probe.name) ?? { kinds: [], message: flatten(d.getMessageText()) };
        if (!seen.kinds.includes(probe.kind)) seen.kinds.push(probe.kind);
        failures.set(probe.name, seen);
      }
    } finally {
      this.project.removeSourceFile(file);
    }
    return failures;
  }
}

function verdictOf(
  b: Map<string, { file: string }>, h: Map<string, { file: string }>, failures: Map<string, { kinds: ProbeKind[]; message: string }>,
): CompilerVerdict {
  const exports: ExportVerdict[] = [];
  for (const [name, info] of b) {
    if (!h.has(name)) { exports.push({ name, file: info.file, status: "removed", failed: [], message: null }); continue; }
    const f = failures.get(name);
    exports.push({ name, file: info.file, status: "kept", failed: f?.kinds ?? [], message: f?.message ?? null });
  }
  for (const [name, info] of h) if (!b.has(name)) exports.push({ name, file: info.file, status: "added", failed: [], message: null });
  exports.sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
  return { exports, breaks: exports.some((e) => e.status === "removed" || e.failed.length > 0) };
}

function flatten(m: string | { getMessageText(): string; getNext(): unknown[] | undefined }): string {
  return typeof m === "string" ? m : m.getMessageText();
}

/** Whether an export verdict breaks code written against the base. */
export function breaksConsumers(e: ExportVerdict): boolean {
  return e.status === "removed" || e.failed.length > 0;
}
