/**
 * import-doc --update: brings one hand spec in step with its page's draft, editing the spec's YAML document in
 * place (comments, key order, quoting and the maintainer's keys survive).
 *
 * What follows the page: fields (added, removed, reordered), Type/Required/description/example, and what is read
 * from a description (enum, default) when that description changed; rules when their sentences changed; tags,
 * custom fields, titles, nested tables and where a cut copy stops. What the maintainer added stays while the doc
 * still says what it corrects: errata (removed, with the doc's new text taken, once the doc text is gone), formats
 * and ranges, notes, the note of `incomplete`.
 */
import { isMap, isScalar, isSeq, parseDocument, Scalar, YAMLMap, YAMLSeq, type Document } from "yaml";
import type { DraftField, DraftSpec, DraftTable } from "./draft.ts";
import type { ErratumView, SpecView, TableView } from "./spec-view.ts";

const FIELD_KEYS = ["name", "docType", "type", "required", "docRequired", "description", "example", "enum", "format", "minimum", "maximum", "default", "table"] as const;
const TABLE_KEYS = ["page", "objectType", "title", "tags", "customFields", "incomplete", "notes", "fields", "rules", "errata", "tables"] as const;
const QUOTED = new Set(["description", "example", "default", "note", "doc"]);
const FLOW = new Set(["tags", "enum", "groups"]);

/** What an update did to one spec, in words, for the command's report. */
export interface UpdateLog {
  readonly lines: string[];
}

/** Where the doc property an erratum is about sits in a draft field. */
function docValue(f: DraftField, property: string): string {
  if (property === "docRequired") return f.docRequired ? "Yes" : "";
  if (property === "docType") return f.docType ?? "";
  if (property === "description") return f.description ?? "";
  if (property === "example") return f.example ?? "";
  return "";
}

/** A list written on one line, its inner lists too (`[[phone], [email]]`). */
function flow(node: YAMLSeq): void {
  node.flow = true;
  for (const item of node.items) if (isSeq(item)) item.flow = true;
}

/** Double quotes on every string of a list (the doc's sentences). */
function quoted(node: YAMLSeq): void {
  for (const item of node.items) if (isScalar(item)) item.type = Scalar.QUOTE_DOUBLE;
}

function styled(doc: Document, key: string, value: unknown): unknown {
  const node = doc.createNode(value);
  if (QUOTED.has(key) && isScalar(node) && typeof node.value === "string") node.type = Scalar.QUOTE_DOUBLE;
  if (FLOW.has(key) && isSeq(node)) flow(node);
  if (key === "doc" && isSeq(node)) quoted(node);
  if (isMap(node)) for (const pair of node.items) if (isScalar(pair.key) && isScalar(pair.value) && QUOTED.has(String(pair.key.value))) pair.value.type = Scalar.QUOTE_DOUBLE;
  // Rules as the hand specs write them: `groups: [[phone], [email]]`, `fields: [city, district]`, quoted sentences.
  if (key === "rules" && isSeq(node)) {
    for (const rule of node.items) {
      if (!isMap(rule)) continue;
      for (const pair of rule.items) {
        const k = isScalar(pair.key) ? String(pair.key.value) : "";
        if (isSeq(pair.value) && (k === "groups" || k === "fields")) flow(pair.value);
        if (isSeq(pair.value) && k === "doc") quoted(pair.value);
      }
    }
  }
  return node;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Sets (or deletes, for undefined) a key of a map, at its place in `order`, leaving an equal value's node untouched. */
function setKey(doc: Document, map: YAMLMap, key: string, value: unknown, order: readonly string[]): void {
  const current = map.get(key, true);
  if (value === undefined) {
    if (map.has(key)) map.delete(key);
    return;
  }
  const plain = current === undefined ? undefined : (current as { toJSON?: () => unknown }).toJSON?.() ?? (isScalar(current) ? current.value : current);
  if (map.has(key) && same(plain, value)) return;
  if (map.has(key)) {
    map.set(key, styled(doc, key, value));
    return;
  }
  const rank = order.indexOf(key);
  const at = map.items.findIndex((p) => isScalar(p.key) && order.indexOf(String(p.key.value)) > rank);
  const pair = doc.createPair(key, styled(doc, key, value));
  if (at < 0) map.items.push(pair);
  else map.items.splice(at, 0, pair);
}

/** The field's keys the page decides, given which errata stay and whether the description changed. */
function pageKeys(page: DraftField, spec: DraftField | undefined, kept: ReadonlySet<string>): Partial<Record<(typeof FIELD_KEYS)[number], unknown>> {
  const descriptionSame = spec !== undefined && (spec.description ?? "") === (page.description ?? "");
  const out: Partial<Record<(typeof FIELD_KEYS)[number], unknown>> = {
    docType: page.docType, type: page.type, required: page.required, docRequired: page.docRequired,
    description: page.description, example: page.example,
    // What a description says (values, a default) follows it only when it changed: an unchanged one keeps the maintainer's reading.
    enum: descriptionSame ? spec!.enum : page.enum, default: descriptionSame ? spec!.default : page.default,
    table: page.table,
  };
  if (spec === undefined) return { ...out, format: page.format, minimum: page.minimum, maximum: page.maximum };
  for (const p of kept) {
    if (p === "docType") Object.assign(out, { docType: spec.docType, type: spec.type, table: spec.table });
    if (p === "docRequired") Object.assign(out, { docRequired: spec.docRequired, required: spec.required });
    if (p === "description") Object.assign(out, { description: spec.description, enum: spec.enum, default: spec.default });
    if (p === "example") out.example = spec.example;
  }
  return out;
}

interface TableCtx { readonly doc: Document; readonly map: YAMLMap; readonly spec: TableView; readonly page: DraftTable; readonly label: string; readonly log: string[] }

/** Errata of the table: kept while the page still has the doc text they correct, else removed (said in the log). */
function settleErrata(ctx: TableCtx, pageFields: ReadonlyMap<string, DraftField>): Map<string, Set<string>> {
  const kept = new Map<string, Set<string>>();
  const seq = ctx.map.get("errata", true);
  const keep = (e: ErratumView): boolean => {
    const f = e.field === null ? null : pageFields.get(e.field);
    if (e.field !== null && !f) { ctx.log.push(`- erratum ${ctx.label}${e.field} ${e.property}: the field is gone from the page`); return false; }
    const now = e.property === "title" ? ctx.page.title : e.property === "rule" ? (pageSentences(ctx.page).includes(e.doc) ? e.doc : null) : docValue(f!, e.property);
    if (now === e.doc) {
      if (e.field !== null) kept.set(e.field, (kept.get(e.field) ?? new Set()).add(e.property));
      return true;
    }
    ctx.log.push(`- erratum ${ctx.label}${e.field ?? "title"} ${e.property}: the doc no longer reads ${JSON.stringify(e.doc)}${now === null ? "" : `; it now reads ${JSON.stringify(now)}, taken`}`);
    return false;
  };
  const verdicts = ctx.spec.errata.map(keep);
  if (isSeq(seq)) {
    seq.items = seq.items.filter((_, i) => verdicts[i] !== false);
    if (seq.items.length === 0) ctx.map.delete("errata");
  }
  return kept;
}

/**
 * The sentences a rule erratum may quote: those the table's rules were read from, and every line of its descriptions (a
 * sentence the importer could not read as a rule is still on the page, and an erratum may be what reads it).
 */
function pageSentences(t: DraftTable): string[] {
  return [...t.rules.flatMap((r) => [...r.doc]), ...t.fields.flatMap((f) => (f.description ?? "").split("\n"))];
}

function fieldNode(seq: YAMLSeq, name: string): YAMLMap | undefined {
  return seq.items.find((i): i is YAMLMap => isMap(i) && i.get("name") === name);
}

/** Brings one table (the entity's or a nested one) in step with the page's draft of it. */
function updateTable(ctx: TableCtx): void {
  const { doc, map, spec, page, label, log } = ctx;
  const pageFields = new Map(page.fields.map((f) => [f.name, f] as const));
  const specFields = new Map(spec.fields.map((f) => [f.name, f] as const));
  const kept = settleErrata(ctx, pageFields);
  const seq = map.get("fields", true);
  if (!isSeq(seq)) return;
  const items = page.fields.map((pf) => {
    const node = fieldNode(seq, pf.name) ?? (doc.createNode({ name: pf.name }) as YAMLMap);
    const sf = specFields.get(pf.name);
    const before = JSON.stringify(node.toJSON());
    for (const [key, value] of Object.entries(pageKeys(pf, sf, kept.get(pf.name) ?? new Set()))) setKey(doc, node, key, value, FIELD_KEYS);
    if (!sf) log.push(`+ field ${label}${pf.name}`);
    else if (JSON.stringify(node.toJSON()) !== before) log.push(`~ field ${label}${pf.name}: ${changedKeys(JSON.parse(before) as Record<string, unknown>, node.toJSON() as Record<string, unknown>)}`);
    return node;
  });
  for (const f of spec.fields) if (!pageFields.has(f.name)) log.push(`- field ${label}${f.name}`);
  const order = (xs: readonly { name: string }[]) => xs.map((f) => f.name).filter((n) => specFields.has(n) && pageFields.has(n)).join(",");
  if (order(spec.fields) !== order(page.fields)) log.push(`~ field order of ${label || "the entity"}`);
  seq.items = items;
  updateTableKeys(ctx);
}

function changedKeys(a: Record<string, unknown>, b: Record<string, unknown>): string {
  return FIELD_KEYS.filter((k) => !same(a[k], b[k])).join(", ");
}

/** Rules, custom fields and `incomplete` of a table. */
function updateTableKeys({ doc, map, spec, page, label, log }: TableCtx): void {
  const sentences = (rules: DraftTable["rules"]) => JSON.stringify(rules.flatMap((r) => [...r.doc]).sort());
  // Rules are read from sentences: the maintainer's rules stay while the page states the same sentences.
  if (sentences(spec.rules) !== sentences(page.rules)) {
    setKey(doc, map, "rules", page.rules.length > 0 ? page.rules : undefined, TABLE_KEYS);
    log.push(`~ rules of ${label || "the entity"}`);
  }
  if (spec.customFields !== page.customFields) {
    setKey(doc, map, "customFields", page.customFields ? true : undefined, TABLE_KEYS);
    log.push(`~ customFields of ${label || "the entity"}: ${page.customFields}`);
  }
  const after = page.incomplete?.after ?? null;
  if ((spec.incomplete?.after ?? null) !== after) {
    setKey(doc, map, "incomplete", page.incomplete ?? undefined, TABLE_KEYS);
    log.push(after === null ? `- incomplete of ${label || "the entity"}: the page's copy is no longer cut there` : `~ incomplete of ${label || "the entity"}: the copy stops after ${after}`);
  }
}

/** The entity's own keys (page, title, tags) and its nested tables. */
function updateEntity(doc: Document, root: YAMLMap, spec: SpecView, page: DraftSpec, log: string[]): void {
  if (page.page !== undefined && spec.page !== page.page) setKey(doc, root, "page", page.page, TABLE_KEYS);
  const titleErratum = spec.errata.some((e) => e.field === null && e.property === "title" && e.doc === page.title);
  if (!titleErratum && spec.title !== page.title) { setKey(doc, root, "title", page.title, TABLE_KEYS); log.push(`~ title: ${JSON.stringify(page.title)}`); }
  if (!same(spec.tags, page.tags)) { setKey(doc, root, "tags", page.tags.length > 0 ? page.tags : undefined, TABLE_KEYS); log.push(`~ tags: [${page.tags.join(", ")}]`); }
  updateTable({ doc, map: root, spec, page, label: "", log });
  const tables = root.get("tables", true);
  const nodes = isSeq(tables) ? tables.items.filter(isMap) : [];
  const out = page.tables.map((pt) => {
    const i = spec.tables.findIndex((t) => t.title === pt.title);
    if (i >= 0 && nodes[i]) {
      updateTable({ doc, map: nodes[i]!, spec: spec.tables[i]!, page: pt, label: `${pt.title} / `, log });
      return nodes[i]!;
    }
    log.push(`+ nested table ${pt.title}`);
    return styledTable(doc, pt);
  });
  for (const t of spec.tables) if (!page.tables.some((pt) => pt.title === t.title)) log.push(`- nested table ${t.title}`);
  setKey(doc, root, "tables", out.length > 0 ? out : undefined, TABLE_KEYS);
}

function styledTable(doc: Document, t: DraftTable): YAMLMap {
  const map = doc.createNode({ title: t.title, ...(t.customFields ? { customFields: true } : {}), ...(t.incomplete ? { incomplete: t.incomplete } : {}), fields: [] }) as YAMLMap;
  const empty: TableView = { title: t.title, customFields: t.customFields, fields: [], rules: [], errata: [], fieldLines: new Map(), incomplete: t.incomplete ?? null };
  updateTable({ doc, map, spec: empty, page: t, label: "", log: [] });
  return map;
}

/** Updates a hand spec's text from the page's draft of its entity; returns the new text and what changed. */
export function updateSpecText(text: string, spec: SpecView, page: DraftSpec): { text: string; log: UpdateLog } {
  const doc = parseDocument(text, { keepSourceTokens: false });
  const root = doc.contents;
  if (!isMap(root)) return { text, log: { lines: [] } };
  const log: string[] = [];
  updateEntity(doc, root, spec, page, log);
  const out = doc.toString({ lineWidth: 0, flowCollectionPadding: false, indentSeq: true, doubleQuotedAsJSON: true });
  return { text: out, log: { lines: out === text ? [] : log } };
}
