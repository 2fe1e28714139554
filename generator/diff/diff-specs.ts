import { compile } from "../pipeline.ts";
import { hasErrors, type Diagnostic } from "../check/diagnostics.ts";
import type { Model } from "../model/ir.ts";
import type { Change } from "./change.ts";
import { compareModels } from "./compare-model.ts";
import { bumpSuffices, impliedBump, versionBump, type Bump } from "./semver.ts";
import type { SpecSet } from "./spec-source.ts";
import type { CompilerVerdict } from "./compiler-check.ts";
import { withCompilerVerdict, type ExportChange } from "./reconcile.ts";

/** The outcome of comparing two spec sets that both compile. */
export interface SpecDiff {
  readonly base: { readonly label: string; readonly version: string };
  readonly head: { readonly label: string; readonly version: string };
  readonly changes: readonly Change[];
  /** The bump the changes call for. */
  readonly bump: Bump;
  /** The bump package.version actually made; null when it went down or is not x.y.z. */
  readonly versionBump: Bump | null;
  readonly versionSuffices: boolean;
  /** TypeScript's verdict on the exported names (set by `diffSpecSets`, which generates both packages). */
  readonly compiler?: CompilerVerdict;
  /** Exports of the main entry added, removed or changed (set with `compiler`). */
  readonly exports?: readonly ExportChange[];
}

/** Either side failed to compile: its diagnostics, labelled. */
export interface DiffFailure {
  readonly side: "base" | "head";
  readonly label: string;
  readonly diagnostics: readonly Diagnostic[];
}

/** Compares two compiled models. Pure. */
export function diffModels(base: Model, head: Model, labels: { base: string; head: string; apiFile?: string }): SpecDiff {
  const changes = compareModels(base, head, labels.apiFile);
  const bump = impliedBump(changes);
  const actual = versionBump(base.package.version, head.package.version);
  return {
    base: { label: labels.base, version: base.package.version },
    head: { label: labels.head, version: head.package.version },
    changes, bump, versionBump: actual, versionSuffices: bumpSuffices(actual, bump),
  };
}

/**
 * Compiles both spec sets and compares them, the consumer side decided by TypeScript's checker over both
 * generated packages; a side with spec errors yields its diagnostics instead.
 */
export function diffSpecSets(base: SpecSet, head: SpecSet): { diff: SpecDiff } | { failure: DiffFailure } {
  const sides = [["base", base], ["head", head]] as const;
  const models: Model[] = [];
  for (const [side, set] of sides) {
    const { diagnostics, model } = compile(set.files, set.apiFile);
    if (hasErrors(diagnostics) || !model) return { failure: { side, label: set.label, diagnostics } };
    models.push(model);
  }
  const d = diffModels(models[0]!, models[1]!, { base: base.label, head: head.label, apiFile: head.apiFile?.file });
  return { diff: withCompilerVerdict(d, models[0]!, models[1]!) };
}
