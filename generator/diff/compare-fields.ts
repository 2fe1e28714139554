import type { Field, Table } from "../model/ir.ts";
import { change, worst, type Change, type Impact, type Place } from "./change.ts";
import { compareValues, type RenamedTables } from "./compare-values.ts";
import { compareFieldDocs } from "./compare-docs.ts";

const requiredWhy = (f: Field): string => (f.requiredBy ? ` ("${f.requiredBy.join(" / ")}")` : "");

function addedImpact(f: Field, base: Table): { producer: Impact; consumer: Impact; why: string } {
  if (f.required) return { producer: "breaking", consumer: "breaking", why: `required${requiredWhy(f)}: a payload without it is rejected now` };
  // In a table open to custom fields, the key may already have been sent as a custom field of any value.
  if (base.customFields) return { producer: "warning", consumer: "warning", why: "optional; a custom field of this name, if anyone sent one, is now checked against its type" };
  return { producer: "compatible", consumer: "compatible", why: "optional" };
}

function removedImpact(head: Table): { producer: Impact; why: string } {
  return head.customFields
    ? { producer: "compatible", why: "its key is accepted as a custom field now" }
    : { producer: "breaking", why: "a payload that sends it is rejected now (unknown field)" };
}

function presenceChange(b: Field, h: Field, at: Place): Change[] {
  if (b.required === h.required) return [];
  const where = { pos: h.pos, side: "head" as const };
  return h.required
    ? [change("made-required", at, where, "breaking", "breaking", `optional → required${requiredWhy(h)}: a payload without it is rejected now, and code that builds the type without it no longer compiles`)]
    : [change("made-optional", at, where, "compatible", "breaking", `required → optional${requiredWhy(b) ? ` (was${requiredWhy(b)})` : ""}: code that reads it must now handle absence and null`)];
}

/** A removed and an added field of the same type and description: reported once, as a rename. */
function findRenames(removed: Field[], added: Field[]): [Field, Field][] {
  const pairs: [Field, Field][] = [];
  for (const r of [...removed]) {
    const a = added.find((x) => x.type === r.type && x.table === r.table && r.description !== null && x.description === r.description);
    if (!a) continue;
    pairs.push([r, a]);
    removed.splice(removed.indexOf(r), 1);
    added.splice(added.indexOf(a), 1);
  }
  return pairs;
}

/** Compares the fields of one table, matched by name (a rename is a removal and an addition, shown together). */
export function compareFields(base: Table, head: Table, place: Omit<Place, "field">, renamed: RenamedTables = new Map()): Change[] {
  const baseByName = new Map(base.fields.map((f) => [f.name, f]));
  const headNames = new Set(head.fields.map((f) => f.name));
  const added = head.fields.filter((f) => !baseByName.has(f.name));
  const removed = base.fields.filter((f) => !headNames.has(f.name));
  const out: Change[] = [];
  for (const [r, a] of findRenames(removed, added)) {
    const producer = worst(removedImpact(head).producer, addedImpact(a, base).producer);
    out.push(change("field-renamed", { ...place, field: a.name }, { pos: a.pos, side: "head" }, producer, "breaking", `renamed from ${JSON.stringify(r.name)}: code that names it no longer compiles${producer === "breaking" ? ", and payloads with the old key are rejected" : ""}`));
  }
  for (const h of head.fields) {
    const at = { ...place, field: h.name };
    const b = baseByName.get(h.name);
    if (!b) {
      if (!added.includes(h)) continue;
      const i = addedImpact(h, base);
      out.push(change("field-added", at, { pos: h.pos, side: "head" }, i.producer, i.consumer, `field added, ${i.why}`));
      continue;
    }
    out.push(...compareValues(b, h, at, renamed), ...presenceChange(b, h, at), ...compareFieldDocs(b, h, at));
  }
  for (const r of removed) {
    const i = removedImpact(head);
    out.push(change("field-removed", { ...place, field: r.name }, { pos: r.pos, side: "base" }, i.producer, "breaking", `field removed: ${i.why}; code that names it no longer compiles`));
  }
  return out;
}
