import type { Finding } from "../report/findings.ts";
import type { Change } from "../diff/change.ts";
import type { Drift, MissingFile, OrphanedFile, StaleFile } from "./check-output.ts";
import type { SpecChanges } from "./explain.ts";

/** What the report needs besides the drift: how to name files, which spec makes which entity, and the fix. */
export interface DriftContext {
  /** The output folder relative to the repository root (`generated`). */
  readonly outLabel: string;
  /** Object type → its spec file, relative to the repository root. */
  readonly specOf: ReadonlyMap<string, string>;
  /** The spec changes since the last generate, when git can tell. */
  readonly changes: SpecChanges | null;
  /** The command that brings the output up to date. */
  readonly fix: string;
}

/** The entity a generated file belongs to (`types/customer-identity.ts` → customer-identity); null for shared files. */
export function entityOfFile(path: string, objectTypes: ReadonlySet<string>): string | null {
  const base = path.split("/").pop()!;
  const stem = base.slice(0, base.indexOf(".") === -1 ? base.length : base.indexOf("."));
  return objectTypes.has(stem) ? stem : null;
}

function changeText(c: Change): string {
  return `${c.entity ?? "package"}${c.field ? ` '${c.field}'` : ""} ${c.kind} (${c.pos.file}:${c.pos.line})`;
}

/** The changes behind one file: the entity's own, or all of them for a file every entity feeds. */
function changesBehind(path: string, ctx: DriftContext): readonly Change[] {
  if (!ctx.changes) return [];
  const entity = entityOfFile(path, new Set(ctx.specOf.keys()));
  return entity === null ? ctx.changes.changes : ctx.changes.changes.filter((c) => c.entity === entity);
}

function listed(changes: readonly Change[]): string {
  return changes.slice(0, 3).map(changeText).join("; ") + (changes.length > 3 ? `; … ${changes.length - 3} more` : "");
}

/**
 * "specs/x.yaml changed since the last generate (a1b2c3): field-added …", naming at most three changes; when git
 * shows the specs unchanged, the generator or its templates changed; without git, either may have.
 */
function why(path: string, ctx: DriftContext): string {
  const entity = entityOfFile(path, new Set(ctx.specOf.keys()));
  const spec = entity === null ? "the specs" : ctx.specOf.get(entity)!;
  if (!ctx.changes) return `${spec} or the generator changed since the last generate`;
  const { since, changes } = ctx.changes;
  if (changes.length === 0) return `the specs are as at the last generate (${since}), so the generator or its templates changed`;
  const behind = changesBehind(path, ctx);
  if (behind.length === 0) return `other specs changed since the last generate (${since}): ${listed(changes)}`;
  return `${spec} changed since the last generate (${since}): ${listed(behind)}`;
}

function specHint(path: string, ctx: DriftContext): string {
  const entity = entityOfFile(path, new Set(ctx.specOf.keys()));
  return entity === null ? "the specs" : `the spec (${ctx.specOf.get(entity)})`;
}

function staleFinding(s: StaleFile, ctx: DriftContext): Finding {
  const file = `${ctx.outLabel}/${s.path}`;
  const at = { file, line: s.diff.firstLine, col: 1, detail: s.diff.text };
  switch (s.cause) {
    case "hand-edit":
      return { severity: "error", code: "hand-edited", ...at, message: `edited by hand after generate: your edit will be lost: change ${specHint(s.path, ctx)} instead, then run ${ctx.fix}` };
    case "specs-changed":
      return { severity: "error", code: "stale-file", ...at, message: `stale: ${why(s.path, ctx)}; run ${ctx.fix}` };
    case "unknown":
      return { severity: "error", code: "stale-file", ...at, message: `stale: differs from what the specs produce (${s.diff.hunks} hunk${s.diff.hunks === 1 ? "" : "s"}); run ${ctx.fix} (an edit made by hand here will be lost: change the spec instead)` };
  }
}

function missingFinding(m: MissingFile, ctx: DriftContext): Finding {
  const file = `${ctx.outLabel}/${m.path}`;
  const message = m.cause === "deleted" ? `missing: deleted after generate; run ${ctx.fix} to restore it`
    : m.cause === "new" ? `missing: ${why(m.path, ctx)}; run ${ctx.fix}`
    : `missing; run ${ctx.fix}`;
  return { severity: "error", code: "missing-file", file, line: null, col: null, message };
}

function orphanedFinding(o: OrphanedFile, ctx: DriftContext): Finding {
  const file = `${ctx.outLabel}/${o.path}`;
  const message = o.cause === "hand-added" ? `orphaned: added by hand; ${ctx.outLabel}/ holds only what the specs produce, and ${ctx.fix} removes it`
    : `orphaned: no longer generated${o.cause === "no-longer-generated" ? ` (${why(o.path, ctx)})` : ""}; run ${ctx.fix} to remove it`;
  return { severity: "error", code: "orphaned-file", file, line: null, col: null, message };
}

/** One finding per spec change not yet generated, at its spec line, so a pull request annotates the spec itself. */
function changeFindings(ctx: DriftContext): Finding[] {
  return (ctx.changes?.changes ?? []).map((c) => {
    const inHead = c.side === "head";
    const file = inHead ? c.pos.file : (c.entity !== null ? ctx.specOf.get(c.entity) ?? null : null);
    return {
      severity: "error", code: "not-generated", file, line: inHead ? c.pos.line : null, col: inHead ? c.pos.col : null,
      message: `${c.kind}: ${c.message}; ${ctx.outLabel}/ does not have this change yet: run ${ctx.fix}`,
    } satisfies Finding;
  });
}

/** Every drift as findings: stale files (with their diff), missing and orphaned files, then the spec changes behind them. */
export function driftFindings(drift: Drift, ctx: DriftContext): Finding[] {
  const files = [
    ...drift.stale.map((s) => staleFinding(s, ctx)),
    ...drift.missing.map((m) => missingFinding(m, ctx)),
    ...drift.orphaned.map((o) => orphanedFinding(o, ctx)),
  ];
  const specsChanged = drift.stale.some((s) => s.cause === "specs-changed") || drift.missing.some((m) => m.cause === "new") || drift.orphaned.some((o) => o.cause === "no-longer-generated");
  return specsChanged ? [...files, ...changeFindings(ctx)] : files;
}
