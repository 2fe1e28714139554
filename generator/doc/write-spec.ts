import { Document, isMap, isScalar, isSeq, Scalar, visit } from "yaml";
import type { DraftSpec, DraftTable } from "./draft.ts";
import type { Suspect } from "./suspects.ts";

// Doc text is always double-quoted, as in the hand specs, so that no value ("7", "true", "null") changes type.
const QUOTED_KEYS = new Set(["description", "example", "default", "note"]);
// Short lists are written inline: `enum: [male, female]`, `groups: [[phone], [email]]`.
const FLOW_KEYS = new Set(["tags", "enum", "groups", "fields"]);

function tableObject(t: DraftTable): Record<string, unknown> {
  return {
    title: t.title,
    ...(t.customFields ? { customFields: true } : {}),
    ...(t.incomplete ? { incomplete: t.incomplete } : {}),
    fields: t.fields,
    ...(t.rules.length > 0 ? { rules: t.rules } : {}),
  };
}

function specObject(spec: DraftSpec): Record<string, unknown> {
  return {
    ...(spec.page !== undefined ? { page: spec.page } : {}),
    objectType: spec.objectType,
    title: spec.title,
    ...(spec.tags.length > 0 ? { tags: spec.tags } : {}),
    ...(spec.customFields ? { customFields: true } : {}),
    ...(spec.incomplete ? { incomplete: spec.incomplete } : {}),
    fields: spec.fields,
    ...(spec.rules.length > 0 ? { rules: spec.rules } : {}),
    ...(spec.tables.length > 0 ? { tables: spec.tables.map(tableObject) } : {}),
  };
}

/** Applies the hand specs' style: quoted doc text, inline short lists (but a table's `fields` stays a block). */
function styleNodes(doc: Document): void {
  visit(doc, {
    Pair(_, pair) {
      const k = isScalar(pair.key) ? String(pair.key.value) : "";
      if (QUOTED_KEYS.has(k) && isScalar(pair.value) && typeof pair.value.value === "string") pair.value.type = Scalar.QUOTE_DOUBLE;
      if (FLOW_KEYS.has(k) && isSeq(pair.value) && !pair.value.items.some((i) => isMap(i))) pair.value.flow = true;
      if (k === "doc" && isSeq(pair.value)) for (const item of pair.value.items) if (isScalar(item)) item.type = Scalar.QUOTE_DOUBLE;
    },
  });
}

function suspectComment(suspects: readonly Suspect[]): string | null {
  if (suspects.length === 0) return null;
  const lines = suspects.map((s) => ` - ${s.table ? `${s.table} / ` : ""}${s.field} ${s.property} (page line ${s.line}): ${s.why}`);
  return [" Suspected errata found by import-doc: confirm each and record it under `errata:` with the correction.", ...lines].join("\n");
}

/** Writes each remark as a comment above its field's entry (`# import-doc: ...`), so a guess is never silent. */
function remarkNodes(doc: Document, spec: DraftSpec): void {
  const tables = [spec as DraftTable, ...spec.tables];
  const seqs = [doc.getIn(["fields"]), ...spec.tables.map((_, i) => doc.getIn(["tables", i, "fields"]))];
  tables.forEach((t, k) => {
    const seq = seqs[k];
    if (!t.remarks || t.remarks.size === 0 || !isSeq(seq)) return;
    seq.items.forEach((item, i) => {
      const remark = t.remarks!.get(t.fields[i]!.name);
      if (remark && isMap(item)) item.commentBefore = ` import-doc: ${remark}; confirm before use`;
    });
  });
}

/**
 * Serialises a draft spec like the hand specs: the yaml-language-server line first, keys in the spec format's
 * order, doc text double-quoted; candidate errata as a closing comment (a correction needs a human).
 */
export function writeSpec(spec: DraftSpec, suspects: readonly Suspect[], schemaPath = "../generator/spec/spec.schema.json"): string {
  const doc = new Document(specObject(spec));
  styleNodes(doc);
  remarkNodes(doc, spec);
  // On the first key rather than the document, so that no blank line follows it.
  const first = isMap(doc.contents) ? doc.contents.items[0] : undefined;
  if (first && isScalar(first.key)) first.key.commentBefore = ` yaml-language-server: $schema=${schemaPath}`;
  const comment = suspectComment(suspects.filter((s) => s.objectType === spec.objectType));
  if (comment) doc.comment = comment;
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false, indentSeq: true, doubleQuotedAsJSON: true });
}
