import type { PageLine, PageNote, PageRow } from "./page-model.ts";
import { squash } from "./page-rows.ts";

export type DraftRule =
  | { readonly kind: "any-of"; readonly groups: readonly (readonly string[])[]; readonly doc: readonly string[] }
  | { readonly kind: "all-of"; readonly fields: readonly string[]; readonly doc: readonly string[] };

// "Phone Required if Email is missing", "Required if customerEmail and customerPhone are missed.", and the same in
// other words: "Phone number; required when Email is not provided", "customerPhone is required if customerEmail is absent".
const ANY_OF = /^(?:(.+?)(?:\s*[;,:\u2013-]\s*|\s+(?:is|are)\s+|\s+))?required (?:if|when) (.+?) (?:is|are) (?:missing|missed|not provided|not given|not set|absent|empty)\.?$/iu;
// "Required at least: City, District and Address"
const ALL_OF = /^required at least:?\s*(.+?)\.?$/iu;

interface Sentence { readonly field: string; readonly alternatives: readonly string[]; readonly doc: string }

/** A rule sentence that names fields by another word ("Email" for customerEmail): a candidate `rule` erratum. */
export interface RuleByOtherWord { readonly field: string; readonly doc: string; readonly line: number; readonly names: readonly string[] }

/** The one field whose name ends with the word ("Email" → customerEmail), as a sentence may shorten it. */
function bySuffix(item: string, names: ReadonlyMap<string, string>): string | undefined {
  const key = squash(item);
  if (key.length < 3) return undefined;
  const hits = [...names].filter(([k]) => k.endsWith(key));
  return hits.length === 1 ? hits[0]![1] : undefined;
}

/**
 * Resolves a doc phrase like "First and Last name" or "customerEmail and customerPhone" to field names:
 * each item is matched to a field name ignoring case and spaces; an item that matches nothing borrows the
 * last item's final word ("First" + "name").
 */
function resolveList(phrase: string, names: ReadonlyMap<string, string>, shortened?: string[]): string[] | null {
  const items = phrase.split(/\s*,\s*|\s+(?:and|or)\s+/iu).filter((s) => s !== "");
  const last = items[items.length - 1] ?? "";
  const tail = last.includes(" ") ? last.slice(last.lastIndexOf(" ")) : "";
  const find = (item: string): string | undefined => names.get(squash(item));
  const out: string[] = [];
  for (const item of items) {
    let name = find(item) ?? (tail ? find(item + tail) : undefined);
    if (!name && shortened) {
      name = bySuffix(item, names);
      if (name) shortened.push(`"${item}" → ${name}`);
    }
    if (!name) return null;
    out.push(name);
  }
  return out;
}

function unreadable(line: PageLine, notes: PageNote[], why: string): void {
  notes.push({ line: line.n, severity: "warning", code: "unread-condition", message: `"${line.text}": ${why}; no rule was made from it` });
}

/**
 * Rule errata a spec already records, by the doc's sentence: the corrected sentence is what is read, the doc's stays the
 * rule's `doc` (as the spec quotes it). Empty for a first import.
 */
export type RuleCorrections = ReadonlyMap<string, string>;

function readSentences(rows: readonly PageRow[], notes: PageNote[], byOtherWord: RuleByOtherWord[], corrections: RuleCorrections): { anyOf: Sentence[]; allOf: { fields: string[]; doc: string }[] } {
  // By squashed name; the first row wins, as a duplicate row is reported elsewhere.
  const names = new Map<string, string>();
  for (const r of [...rows].reverse()) names.set(squash(r.name.text), r.name.text);
  const anyOf: Sentence[] = [], allOf: { fields: string[]; doc: string }[] = [];
  for (const row of rows) {
    for (const line of row.descriptionLines) {
      const said = corrections.get(line.text) ?? line.text;
      const any = ANY_OF.exec(said), all = ALL_OF.exec(said);
      if (any) {
        const shortened: string[] = [];
        const alternatives = resolveList(any[2]!, names, shortened);
        // A subject of several words names the field by its first ("Phone number" in the row of phone).
        const subject = any[1] ? resolveList(any[1], names, shortened) ?? resolveList(/^\S+/u.exec(any[1])![0], names, shortened) : [row.name.text];
        if (!alternatives) unreadable(line, notes, `"${any[2]}" does not name fields of this table`);
        else if (subject?.length !== 1 || subject[0] !== row.name.text || alternatives.includes(row.name.text)) unreadable(line, notes, `the sentence is in the row of "${row.name.text}" but does not read as a condition on it`);
        else {
          anyOf.push({ field: row.name.text, alternatives, doc: line.text });
          if (shortened.length > 0) {
            byOtherWord.push({ field: row.name.text, doc: line.text, line: line.n, names: shortened });
            notes.push({ line: line.n, severity: "warning", code: "rule-other-word", message: `"${line.text}" names fields by another word (${shortened.join(", ")}); the rule is drafted on those fields: confirm it and record a \`rule\` erratum` });
          }
        }
      } else if (all) {
        const fields = resolveList(all[1]!, names);
        if (fields) allOf.push({ fields, doc: line.text });
        else unreadable(line, notes, `"${all[1]}" does not name fields of this table`);
      } else if (/\brequired\b/iu.test(line.text)) unreadable(line, notes, "a requirement in words the importer does not know");
    }
  }
  return { anyOf, allOf };
}

/** Fields linked by sentences (each set in the order of the table), with the sentences about them. */
function components(sentences: readonly Sentence[], order: readonly string[]): { fields: string[]; sentences: Sentence[] }[] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) { const up = parent.get(parent.get(r)!)!; parent.set(r, up); r = up; }
    return r;
  };
  for (const s of sentences) {
    for (const m of [s.field, ...s.alternatives]) if (!parent.has(m)) parent.set(m, m);
    for (const m of s.alternatives) parent.set(find(m), find(s.field));
  }
  const byRoot = new Map<string, { fields: string[]; sentences: Sentence[] }>();
  for (const f of order) {
    if (!parent.has(f)) continue;
    const c = byRoot.get(find(f)) ?? { fields: [], sentences: [] };
    c.fields.push(f);
    byRoot.set(find(f), c);
  }
  for (const s of sentences) byRoot.get(find(s.field))!.sentences.push(s);
  return [...byRoot.values()];
}

/**
 * One any-of rule per set of linked fields. Fields whose sentences name the same alternatives form one group
 * ("First Name / Last Name required if Full name is missing" → [firstName, lastName]); a field without a
 * sentence joins the fields it is named together with. A sentence whose alternatives are not all the other
 * groups is reported.
 */
function anyOfRules(sentences: readonly Sentence[], order: readonly string[], notes: PageNote[], lineOf: (f: string) => number): DraftRule[] {
  return components(sentences, order).map(({ fields, sentences: own }) => {
    const subject = new Map<string, Sentence>(), namedBy = new Map<string, string[]>();
    for (const s of own) {
      if (!subject.has(s.field)) subject.set(s.field, s);
      for (const a of s.alternatives) namedBy.set(a, [...(namedBy.get(a) ?? []), s.field]);
    }
    const keyOf = (f: string): string => {
      const s = subject.get(f);
      return s ? "alt:" + [...new Set(s.alternatives)].sort().join(",") : "joint:" + [...(namedBy.get(f) ?? [])].sort().join(",");
    };
    const groups = new Map<string, string[]>(), groupOf = new Map<string, string[]>();
    for (const f of fields) {
      const g = groups.get(keyOf(f)) ?? [];
      g.push(f);
      groups.set(keyOf(f), g);
      groupOf.set(f, g);
    }
    for (const s of own) {
      const mine = groupOf.get(s.field)!, alts = new Set(s.alternatives);
      if (alts.size === fields.length - mine.length && [...alts].every((a) => groupOf.get(a) !== mine)) continue;
      const shown: string[] = [];
      for (let i = 0; i < fields.length && shown.length < 10; i++) if (groupOf.get(fields[i]!) !== mine) shown.push(fields[i]!);
      const count = fields.length - mine.length;
      const others = shown.join(", ") + (count > shown.length ? `, … (${count} fields)` : "");
      notes.push({ line: lineOf(s.field), severity: "warning", code: "rule-mismatch", message: `"${s.doc}" names ${s.alternatives.join(", ")}, but the linked sentences make the alternatives ${others}` });
    }
    return { kind: "any-of", groups: [...groups.values()], doc: [...new Set(own.map((s) => s.doc))] } as const;
  });
}

function firstField(r: DraftRule): string {
  return r.kind === "any-of" ? r.groups[0]![0]! : r.fields[0]!;
}

/** The conditional rules a table's descriptions state, the fields an any-of rule makes conditional, and sentences naming fields by another word. */
export function readRules(rows: readonly PageRow[], notes: PageNote[], corrections: RuleCorrections = new Map()): { rules: DraftRule[]; conditional: Set<string>; byOtherWord: RuleByOtherWord[] } {
  const order = rows.map((r) => r.name.text);
  const byOtherWord: RuleByOtherWord[] = [];
  const { anyOf, allOf } = readSentences(rows, notes, byOtherWord, corrections);
  const lines = new Map([...rows].reverse().map((r) => [r.name.text, r.name.n] as const));
  const lineOf = (f: string): number => lines.get(f)!;
  const rules: DraftRule[] = anyOfRules(anyOf, order, notes, lineOf);
  const seen = new Map<string, { fields: string[]; doc: string[] }>();
  for (const a of allOf) {
    const key = a.fields.join("\u0000");
    const r = seen.get(key) ?? { fields: a.fields, doc: [] };
    if (!r.doc.includes(a.doc)) r.doc.push(a.doc);
    seen.set(key, r);
  }
  for (const r of seen.values()) rules.push({ kind: "all-of", fields: r.fields, doc: r.doc });
  const conditional = new Set(rules.flatMap((r) => (r.kind === "any-of" ? r.groups.flat() : [])));
  return { rules, conditional, byOtherWord };
}
