import type { SourcePos } from "../check/diagnostics.ts";

/**
 * What a change means to one audience, worst first. `warning` never forces a major bump: it marks
 * code that may need attention (an exhaustive switch) or a payload that may have relied on a custom field.
 */
export const IMPACTS = ["breaking", "warning", "compatible", "docs", "none"] as const;
export type Impact = (typeof IMPACTS)[number];

/** Every kind of change the diff reports; generator/diff/README.md gives each one's classification. */
export const CHANGE_KINDS = [
  "entity-added", "entity-removed", "custom-fields-withdrawn", "custom-fields-allowed", "tag-added", "tag-removed",
  "table-added", "table-removed", "table-renamed", "title-changed",
  "field-added", "field-removed", "field-renamed", "type-changed", "made-required", "made-optional",
  "enum-added", "enum-removed", "enum-values-added", "enum-values-removed",
  "range-narrowed", "range-widened", "format-added", "format-changed", "format-removed",
  "rule-added", "rule-tightened", "rule-loosened", "rule-removed", "rule-doc-changed",
  "description-changed", "example-changed", "doc-type-changed", "doc-required-changed", "errata-changed",
  "package-renamed", "api-path-changed", "api-info-changed", "entry-limit-narrowed", "entry-limit-widened", "api-header-changed",
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/**
 * The stable id of each kind, shown in every output and used by `.pango-diff-ignore.yaml`. Written out (not
 * derived from the order above) so that adding a kind never renumbers the others; a new kind takes the next number.
 */
export const CHANGE_IDS: Readonly<Record<ChangeKind, string>> = {
  "entity-added": "PD001", "entity-removed": "PD002", "custom-fields-withdrawn": "PD003", "custom-fields-allowed": "PD004",
  "tag-added": "PD005", "tag-removed": "PD006", "table-added": "PD007", "table-removed": "PD008", "table-renamed": "PD009",
  "title-changed": "PD010", "field-added": "PD011", "field-removed": "PD012", "field-renamed": "PD013", "type-changed": "PD014",
  "made-required": "PD015", "made-optional": "PD016", "enum-added": "PD017", "enum-removed": "PD018",
  "enum-values-added": "PD019", "enum-values-removed": "PD020", "range-narrowed": "PD021", "range-widened": "PD022",
  "format-added": "PD023", "format-changed": "PD024", "format-removed": "PD025", "rule-added": "PD026",
  "rule-tightened": "PD027", "rule-loosened": "PD028", "rule-removed": "PD029", "rule-doc-changed": "PD030",
  "description-changed": "PD031", "example-changed": "PD032", "doc-type-changed": "PD033", "doc-required-changed": "PD034",
  "errata-changed": "PD035", "package-renamed": "PD036", "api-path-changed": "PD037", "api-info-changed": "PD038",
  "entry-limit-narrowed": "PD039", "entry-limit-widened": "PD040", "api-header-changed": "PD041",
};

/** One classified difference between the base and the head spec sets. */
export interface Change {
  readonly kind: ChangeKind;
  /** Object type of the entity concerned; null for package and API facts. */
  readonly entity: string | null;
  /** Type name of the nested table concerned; null for the entity's own table. */
  readonly table: string | null;
  readonly field: string | null;
  /** Where to look: in the head for what exists there, in the base for what was removed. */
  readonly pos: SourcePos;
  readonly side: "base" | "head";
  /** Senders of payloads: can a payload valid before be invalid after? */
  readonly producer: Impact;
  /** Users of the generated types: can code that compiled before fail after? */
  readonly consumer: Impact;
  readonly message: string;
  /** Set when TypeScript's checker overrode the rule table's consumer impact: what it found. */
  readonly compiler?: string;
}

/** Where a change is found: the entity, the nested table and the field, if any. */
export interface Place {
  readonly entity: string | null;
  readonly table: string | null;
  readonly field: string | null;
}

/** Builds a change at a place. */
export function change(kind: ChangeKind, at: Place, where: { pos: SourcePos; side: "base" | "head" }, producer: Impact, consumer: Impact, message: string): Change {
  return { kind, entity: at.entity, table: at.table, field: at.field, pos: where.pos, side: where.side, producer, consumer, message };
}

/** The worse of two impacts. */
export function worst(a: Impact, b: Impact): Impact {
  return IMPACTS.indexOf(a) <= IMPACTS.indexOf(b) ? a : b;
}

/** The worst impact of a change on either audience. */
export function overall(c: Change): Impact {
  return worst(c.producer, c.consumer);
}

/** `'a', 'b'` for a message. */
export function quoteList(values: readonly string[]): string {
  return values.map((v) => JSON.stringify(v)).join(", ");
}
