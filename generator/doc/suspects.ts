import type { ErratumProperty } from "../check/raw-spec.ts";
import { exampleMatchesFormat, parseExample, valueTypeOf } from "../model/values.ts";
import { editDistance } from "../util/text.ts";
import type { DraftField, DraftSpec, DraftTable } from "./draft.ts";
import type { PageNote } from "./page-model.ts";

/** A doc value that looks wrong: a candidate erratum for the maintainer to confirm and correct. */
export interface Suspect {
  readonly objectType: string;
  /** The nested table's title, or null for the entity's own table. */
  readonly table: string | null;
  readonly field: string;
  readonly property: ErratumProperty;
  readonly doc: string;
  readonly line: number;
  readonly why: string;
}

/** What the checks look up across the whole page, indexed once (a page may have thousands of rows). */
interface PageIndex {
  /** Enum value → the first entity field listing it. */
  readonly enumOwner: ReadonlyMap<string, { objectType: string; field: DraftField }>;
  /** Field name → how many entities give each description. */
  readonly descriptions: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

type Check = (f: DraftField, t: DraftTable, spec: DraftSpec, index: PageIndex) => { property: ErratumProperty; why: string } | null;

function indexPage(specs: readonly DraftSpec[]): PageIndex {
  const enumOwner = new Map<string, { objectType: string; field: DraftField }>();
  const descriptions = new Map<string, Map<string, number>>();
  for (const s of specs) {
    for (const g of s.fields) {
      for (const v of g.enum ?? []) if (!enumOwner.has(v)) enumOwner.set(v, { objectType: s.objectType, field: g });
      if (g.description === undefined) continue;
      const counts = descriptions.get(g.name) ?? new Map<string, number>();
      counts.set(g.description, (counts.get(g.description) ?? 0) + 1);
      descriptions.set(g.name, counts);
    }
  }
  return { enumOwner, descriptions };
}

function exampleFitsType(f: DraftField): { property: ErratumProperty; why: string } | null {
  // A nested table's row has no example of its own; an Array row without one (table: null) is a list of strings.
  if (f.example === undefined || (f.table !== undefined && f.table !== null)) return null;
  const range = f.minimum !== undefined && f.maximum !== undefined ? { min: f.minimum, max: f.maximum } : null;
  const parsed = parseExample(valueTypeOf(f.type, f.table === null), f.example, range);
  if (!parsed.ok) return { property: "example", why: `the example ${parsed.why} (type ${f.docType ?? "blank"})` };
  if (f.enum && !f.enum.includes(f.example)) return { property: "example", why: `the example is not one of the values ${f.enum.join(", ")}` };
  if (f.format && !exampleMatchesFormat(f.format, f.example)) return { property: "example", why: `the example is not a valid ${f.format}` };
  return null;
}

/** An example equal to another entity's enum value, where nothing in this entity has that value ("male" as a district). */
const exampleLooksCopied: Check = (f, t, spec, index) => {
  if (f.example === undefined || f.enum || f.type !== "string") return null;
  const source = index.enumOwner.get(f.example);
  if (!source || source.field.name === f.name || spec.fields.concat(t.fields).some((g) => g.enum?.includes(f.example!))) return null;
  return { property: "example", why: `the example is a value of ${source.objectType}.${source.field.name} (${source.field.enum!.join(", ")}); copied by mistake?` };
};

/** A field of a conditional group without the Required mark while its group partners have it (lastName beside firstName). */
const requiredMarkMissing: Check = (f, t) => {
  if (f.docRequired) return null;
  for (const r of t.rules) {
    if (r.kind !== "any-of") continue;
    const group = r.groups.find((g) => g.includes(f.name));
    const marked = group?.filter((n) => t.fields.find((g) => g.name === n)?.docRequired);
    if (group && group.length > 1 && marked && marked.length > 0) return { property: "docRequired", why: `the Required column is blank, but ${marked.join(", ")} of the same group is marked Yes` };
  }
  return null;
};

/** A description that differs by a typo from what most entities say for a field of the same name ("PnagoCDP"). */
const descriptionTypo: Check = (f, _t, _spec, index) => {
  const counts = f.description === undefined ? undefined : index.descriptions.get(f.name);
  // Many different descriptions mean the field is not one shared field (and comparing them all would be slow).
  if (f.description === undefined || !counts || counts.size > 20) return null;
  const mine = counts.get(f.description) ?? 0;
  for (const [text, n] of counts) {
    const d = text === f.description ? 0 : editDistance(text, f.description);
    if (n > mine && d > 0 && d <= 3) return { property: "description", why: `differs by ${d} character${d === 1 ? "" : "s"} from the description most entities give ${f.name}: "${text}"` };
  }
  return null;
};

/** An Object row whose description says it holds a list ("List of Items in Order"): the Type column likely means Array. */
const objectHoldsList: Check = (f) => {
  if (f.type !== "object" || !/^list of\b/iu.test(f.description ?? "")) return null;
  return { property: "docType", why: `the Type column says ${f.docType}, but the description says "${f.description}": an Array?` };
};

const CHECKS: readonly Check[] = [exampleFitsType, exampleLooksCopied, requiredMarkMissing, descriptionTypo, objectHoldsList];

/** Text of the doc a suspect is about. */
function docText(property: ErratumProperty, f: DraftField): string {
  if (property === "docRequired") return "";
  if (property === "docType") return f.docType ?? "";
  return property === "example" ? f.example! : f.description!;
}

/** Every candidate erratum of the drafts, and a note for each (and for every row without a Type word). */
export function findSuspects(specs: readonly DraftSpec[], notes: PageNote[]): Suspect[] {
  const out: Suspect[] = [];
  const index = indexPage(specs);
  for (const spec of specs) {
    for (const t of [spec as DraftTable, ...spec.tables]) {
      for (const f of t.fields) {
        const line = t.fieldLines.get(f.name)!;
        if (f.docType === null) notes.push({ line, severity: "warning", code: "missing-type", message: `"${f.name}" has no Type word; the draft says docType: null (a string)` });
        for (const check of CHECKS) {
          const hit = check(f, t, spec, index);
          if (!hit) continue;
          const doc = docText(hit.property, f);
          out.push({ objectType: spec.objectType, table: t === spec ? null : t.title, field: f.name, property: hit.property, doc, line, why: hit.why });
          notes.push({ line, severity: "warning", code: "suspect-erratum", message: `${f.name}: ${hit.why}` });
        }
      }
      for (const r of t.byOtherWord ?? []) {
        out.push({ objectType: spec.objectType, table: t === spec ? null : t.title, field: r.field, property: "rule", doc: r.doc, line: r.line, why: `the sentence names fields by another word (${r.names.join(", ")})` });
      }
    }
  }
  return out;
}
