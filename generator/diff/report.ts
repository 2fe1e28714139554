import { IMPACTS, overall, type Change, type Impact } from "./change.ts";
import type { SpecDiff } from "./diff-specs.ts";
import { byCodePoint, stableJson } from "../util/text.ts";

const LABEL: Record<Impact, string> = { breaking: "BREAKING", warning: "WARNING", compatible: "compatible", docs: "docs", none: "none" };
const PACKAGE_GROUP = "package and API";

/** Where in an entity a change is: `field`, `Table.field`, `Table`, the entity itself, or the package. */
export function subject(c: Change): string {
  return [c.table, c.field].filter((x) => x !== null).join(".") || (c.entity === null ? "(package)" : "(entity)");
}

function groupOf(c: Change): string {
  return c.entity ?? PACKAGE_GROUP;
}

/** Changes grouped by entity (code-point order, package and API last), worst first within a group, else in spec order. */
export function grouped(changes: readonly Change[]): [string, Change[]][] {
  const groups = new Map<string, Change[]>();
  for (const c of changes) groups.set(groupOf(c), [...(groups.get(groupOf(c)) ?? []), c]);
  const rank = (c: Change): number => IMPACTS.indexOf(overall(c));
  return [...groups.entries()]
    .sort(([a], [b]) => (a === PACKAGE_GROUP ? 1 : b === PACKAGE_GROUP ? -1 : byCodePoint(a, b)))
    .map(([name, list]) => [name, list.map((c, i) => ({ c, i })).sort((x, y) => rank(x.c) - rank(y.c) || x.i - y.i).map((x) => x.c)]);
}

/** Counts of the changes by what they mean to each audience. */
export function summarize(changes: readonly Change[]): Record<"total" | "producerBreaking" | "consumerBreaking" | "warnings" | "compatible" | "docsOnly", number> {
  return {
    total: changes.length,
    producerBreaking: changes.filter((c) => c.producer === "breaking").length,
    consumerBreaking: changes.filter((c) => c.consumer === "breaking").length,
    warnings: changes.filter((c) => overall(c) === "warning").length,
    compatible: changes.filter((c) => overall(c) === "compatible").length,
    docsOnly: changes.filter((c) => overall(c) === "docs").length,
  };
}

function versionLine(d: SpecDiff): string {
  const moved = `package.version ${d.base.version} → ${d.head.version}`;
  if (d.versionSuffices) return `implied bump: ${d.bump}; ${moved} is enough`;
  const made = d.versionBump === null ? "does not go up" : d.versionBump === "none" ? "is unchanged" : `is only a ${d.versionBump} bump`;
  return `implied bump: ${d.bump}; ${moved} ${made}: make it at least a ${d.bump} bump`;
}

/** The human-readable report: one block per entity, each change with its spec line and what it means to producers and consumers. */
export function formatReport(d: SpecDiff): string {
  const lines = [`pango-codegen diff: ${d.base.label} → ${d.head.label}`];
  if (d.changes.length === 0) return [...lines, "no changes", versionLine(d)].join("\n") + "\n";
  lines.push("(producers send payloads; consumers compile against the generated types)");
  for (const [group, list] of grouped(d.changes)) {
    lines.push("", group);
    for (const c of list) {
      lines.push(`  ${LABEL[overall(c)]}  ${c.pos.file}:${c.pos.line}:${c.pos.col}  ${subject(c)}  ${c.kind} (producers: ${c.producer}, consumers: ${c.consumer})`);
      lines.push(`      ${c.message}`);
      if (c.compiler) lines.push(`      consumers: ${c.compiler}`);
    }
  }
  lines.push(...exportLines(d));
  const s = summarize(d.changes);
  lines.push("", `${s.total} change${s.total === 1 ? "" : "s"}: ${s.producerBreaking} breaking for producers, ${s.consumerBreaking} breaking for consumers, ${s.warnings} warning${s.warnings === 1 ? "" : "s"}, ${s.compatible} compatible, ${s.docsOnly} documentation only`);
  lines.push(versionLine(d));
  return lines.join("\n") + "\n";
}

/** The exported names the head adds, removes or changes, for the text report. */
function exportLines(d: SpecDiff): string[] {
  const list = d.exports ?? [];
  if (list.length === 0) return [];
  return ["", "exports of the main entry (generated/API.md; probes by TypeScript's checker)",
    ...list.map((e) => `  ${e.change.padEnd(7)}  ${e.name}  (${e.file})${e.failed.length ? `: code written against the base fails (${e.failed.join(", ")})` : ""}`)];
}

/** The report as JSON (stable key order), for CI. */
export function formatJson(d: SpecDiff): string {
  return stableJson({
    base: d.base, head: d.head, bump: d.bump, versionBump: d.versionBump, versionSuffices: d.versionSuffices,
    summary: summarize(d.changes),
    changes: grouped(d.changes).flatMap(([, list]) => list).map((c) => ({
      kind: c.kind, entity: c.entity, table: c.table, field: c.field, producer: c.producer, consumer: c.consumer,
      file: c.pos.file, line: c.pos.line, col: c.pos.col, side: c.side, message: c.message, compiler: c.compiler ?? null,
    })),
    exports: d.exports ?? [],
  });
}
