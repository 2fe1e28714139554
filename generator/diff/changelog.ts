import { CHANGE_IDS, overall, type Change, type ChangeKind } from "./change.ts";
import type { SpecDiff } from "./diff-specs.ts";
import type { Entity, Field, Model, Table } from "../model/ir.ts";
import { grouped } from "./report.ts";
import { ENVELOPE_TABLE } from "../model/envelope.ts";

/** The changelog's file name inside the output folder (generator/output preserves it: PRESERVED_FILES). */
export const CHANGELOG_FILE = "CHANGELOG.md";

/** Keep a Changelog subsections, in the order they are written. */
export const SECTIONS = ["Breaking", "Added", "Changed", "Fixed", "Docs"] as const;
export type Section = (typeof SECTIONS)[number];

const ADDED: ReadonlySet<ChangeKind> = new Set(["entity-added", "table-added", "field-added", "tag-added", "enum-values-added", "custom-fields-allowed"]);

/**
 * The subsection of a change, from the classification `diff` made (compiler-reconciled; never re-classified):
 * breaking for either audience first, then additions, fixed errata, documentation-only, the rest.
 */
export function sectionOf(c: Change): Section {
  if (c.producer === "breaking" || c.consumer === "breaking") return "Breaking";
  if (ADDED.has(c.kind)) return "Added";
  if (c.kind === "errata-changed") return "Fixed";
  return overall(c) === "docs" ? "Docs" : "Changed";
}

/** An entity as a consumer names it: its title without a trailing "Entity". */
function entityName(e: Entity): string {
  return e.title.replace(/\s+Entit(y|ies)$/i, "") || e.objectType;
}

/** The path of a nested table from its entity: `items[]`, `address`, `items[].options[]`; null when unreachable. */
function tablePath(e: Entity, typeName: string, seen = new Set<string>()): string | null {
  const tables: readonly Table[] = [e, ...e.tables];
  for (const t of tables) {
    if (seen.has(t.typeName)) continue;
    const via = t.fields.find((f: Field) => f.table === typeName);
    if (!via) continue;
    const step = `${via.name}${via.type === "array" ? "[]" : ""}`;
    if (t === e) return step;
    const parent = tablePath(e, t.typeName, new Set([...seen, typeName]));
    return parent === null ? null : `${parent}.${step}`;
  }
  return null;
}

/** Looks an entity up by object type in the head, else in the base (for what was removed). */
function findEntity(models: { base: Model; head: Model }, objectType: string | null, side: "base" | "head"): Entity | undefined {
  const order = side === "base" ? [models.base, models.head] : [models.head, models.base];
  for (const m of order) { const e = m.entities.find((x) => x.objectType === objectType); if (e) return e; }
  return undefined;
}

/** `items[].price`, `items[]` or `zaloId`: where a change is, from the entity. */
function where(e: Entity | undefined, c: Change): string | null {
  if (c.table === null) return c.field;
  const path = (e && tablePath(e, c.table)) ?? c.table;
  return c.field === null ? path : `${path}.${c.field}`;
}

function fieldRequired(models: { base: Model; head: Model }, c: Change): boolean {
  const e = findEntity(models, c.entity, "head");
  // A change under the package with a table is a field of the request envelope or of one of api.yaml's shapes.
  if (c.entity === null && c.table === ENVELOPE_TABLE) return models.head.api.envelope.fields.find((f) => f.name === c.field)?.required ?? false;
  const table = c.entity === null ? models.head.shapes.tables.find((t) => t.typeName === c.table) : c.table === null ? e : e?.tables.find((t) => t.typeName === c.table);
  return table?.fields.find((f) => f.name === c.field)?.required ?? false;
}

/** One bullet's text, in a consumer's words, without the id. */
function phrase(c: Change, models: { base: Model; head: Model }): string {
  const e = findEntity(models, c.entity, c.side);
  const who = c.entity === null ? "Package" : e ? entityName(e) : c.entity;
  const at = where(e, c);
  const code = at === null ? null : `\`${at}\``;
  switch (c.kind) {
    case "entity-added": return `${who}: new entity (object type \`${c.entity}\`)`;
    case "entity-removed": return `${who}: entity removed (object type \`${c.entity}\`)`;
    case "field-added": return `${who}: new ${fieldRequired(models, c) ? "required" : "optional"} field ${code}`;
    case "field-removed": return `${who}: field ${code} removed`;
    case "made-required": return `${who}: ${code} is now required`;
    case "made-optional": return `${who}: ${code} is now optional`;
    default: return `${who}: ${code === null ? "" : `${code}: `}${c.message}`;
  }
}

/** The `## [version]` section for a diff, or null when there is no change. Pure and deterministic. */
export function changelogSection(d: SpecDiff, models: { base: Model; head: Model }): string | null {
  if (d.changes.length === 0) return null;
  const bySection = new Map<Section, string[]>();
  for (const [, list] of grouped(d.changes)) {
    for (const c of list) {
      const s = sectionOf(c);
      bySection.set(s, [...(bySection.get(s) ?? []), `- ${phrase(c, models)} (${CHANGE_IDS[c.kind]})`]);
    }
  }
  const parts = SECTIONS.filter((s) => bySection.has(s)).map((s) => `### ${s}\n\n${bySection.get(s)!.join("\n")}\n`);
  return `## [${d.head.version}]\n\n${parts.join("\n")}`;
}

/** The header paragraph on top of the file; rewritten on every run. */
export function changelogHeader(packageName: string): string {
  return `# Changelog\n\nAll notable changes to \`${packageName}\` for code that uses its types and validators, newest first.\n` +
    "The format follows [Keep a Changelog](https://keepachangelog.com/en/1.1.0/) and the package follows semantic versioning.\n" +
    "Each entry ends with the stable id of its kind of change (see `pango-codegen diff`). Written by `pango-codegen changelog`.\n";
}

function versionKey(v: string): number[] {
  return v.split(/[.-]/).slice(0, 3).map((x) => Number.parseInt(x, 10) || 0);
}

function newer(a: string, b: string): boolean {
  const [x, y] = [versionKey(a), versionKey(b)];
  for (let i = 0; i < 3; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) > (y[i] ?? 0);
  return false;
}

/**
 * The changelog with `section` for `version`: replaced in place when the file has it, else inserted above the
 * first older section; older sections kept as they are, the header rewritten. Idempotent.
 */
export function mergeChangelog(existing: string | null, header: string, version: string, section: string): string {
  const chunks = (existing ?? "").split(/^(?=## \[)/m).filter((c) => c.startsWith("## ["));
  const sections = chunks.map((c) => ({ version: /^## \[([^\]]*)\]/.exec(c)![1]!, text: `${c.trimEnd()}\n` }));
  const at = sections.findIndex((s) => s.version === version);
  if (at >= 0) sections[at] = { version, text: section };
  else {
    const before = sections.findIndex((s) => newer(version, s.version));
    sections.splice(before < 0 ? sections.length : before, 0, { version, text: section });
  }
  return [header, ...sections.map((s) => s.text)].join("\n");
}
