import type { ApiHeaders, Entity, Envelope, EnvelopeField, Model, RateLimits, Table } from "../model/ir.ts";
import type { SourcePos } from "../check/diagnostics.ts";
import { change, type Change, type Place } from "./change.ts";
import { compareFields } from "./compare-fields.ts";
import { ENVELOPE_TABLE, STRUCTURAL_ENVELOPE_KEYS } from "../model/envelope.ts";
import { compareRules } from "./compare-rules.ts";
import { compareTableDocs } from "./compare-docs.ts";
import type { RenamedTables } from "./compare-values.ts";

function customFieldsChange(base: Table, head: Table, at: Place): Change[] {
  if (base.customFields === head.customFields) return [];
  const where = { pos: head.pos, side: "head" as const };
  return head.customFields
    ? [change("custom-fields-allowed", at, where, "compatible", "compatible", "custom fields accepted now (unknown keys were rejected)")]
    : [change("custom-fields-withdrawn", at, where, "breaking", "breaking", "custom fields withdrawn: a payload with any key the table does not list is rejected now, and the type loses its index signature")];
}

/** Everything about one table: custom fields, fields, conditional rules, title and errata. */
function compareTable(base: Table, head: Table, place: Omit<Place, "field">, renamed: RenamedTables): Change[] {
  const at = { ...place, field: null };
  return [...customFieldsChange(base, head, at), ...compareFields(base, head, place, renamed), ...compareRules(base, head, at), ...compareTableDocs(base, head, at)];
}

/** Nested tables whose title (so type name) changed: the same field refers to the old one in the base and to the new one in the head. */
function renamedTables(base: Entity, head: Entity): Map<string, string> {
  const baseNames = new Set(base.tables.map((t) => t.typeName));
  const headNames = new Set(head.tables.map((t) => t.typeName));
  const refs = (e: Entity): Map<string, string> => new Map([e, ...e.tables].flatMap((t) => t.fields.filter((f) => f.table !== null).map((f) => [`${t.typeName}\u0000${f.name}`, f.table!] as const)));
  const baseRefs = refs(base);
  const out = new Map<string, string>();
  for (const [key, to] of refs(head)) {
    const from = baseRefs.get(key);
    if (from && !headNames.has(from) && !baseNames.has(to) && ![...out.values()].includes(to)) out.set(from, to);
  }
  return out;
}

function compareNested(base: Entity, head: Entity, renamed: RenamedTables): Change[] {
  const entity = head.objectType;
  const baseByName = new Map(base.tables.map((t) => [t.typeName, t]));
  const oldName = new Map([...renamed].map(([from, to]) => [to, from]));
  const out: Change[] = [];
  for (const h of head.tables) {
    const from = oldName.get(h.typeName);
    const b = baseByName.get(from ?? h.typeName);
    const at = { entity, table: h.typeName, field: null };
    // A nested table is only reachable through a field, whose own change says what producers feel.
    if (!b) out.push(change("table-added", at, { pos: h.pos, side: "head" }, "none", "compatible", `nested table ${h.typeName} added`));
    else {
      if (from) out.push(change("table-renamed", at, { pos: h.pos, side: "head" }, "none", "breaking", `nested table ${from} renamed ${h.typeName} (its title changed): code that names the old type no longer compiles`));
      out.push(...compareTable(b, h, { entity, table: h.typeName }, renamed));
    }
  }
  const kept = new Set([...head.tables.map((t) => t.typeName), ...renamed.keys()]);
  for (const b of base.tables) {
    if (!kept.has(b.typeName)) out.push(change("table-removed", { entity, table: b.typeName, field: null }, { pos: b.pos, side: "base" }, "none", "breaking", `nested table ${b.typeName} removed: code that names its type no longer compiles`));
  }
  return out;
}

function compareTags(base: Entity, head: Entity): Change[] {
  const at = { entity: head.objectType, table: null, field: null };
  const where = { pos: head.pos, side: "head" as const };
  const out: Change[] = [];
  for (const t of head.tags) if (!base.tags.includes(t)) out.push(change("tag-added", at, where, "compatible", "compatible", `tag ${t} added`));
  for (const t of base.tags) {
    if (!head.tags.includes(t)) out.push(change("tag-removed", at, where, "breaking", "breaking", `tag ${t} removed: a request that sends ignoredUpdateCfs for this object type is rejected now`));
  }
  return out;
}

function compareEntity(base: Entity, head: Entity): Change[] {
  const renamed = renamedTables(base, head);
  return [...compareTags(base, head), ...compareTable(base, head, { entity: head.objectType, table: null }, renamed), ...compareNested(base, head, renamed)];
}

function compareFacts(base: Model, head: Model, apiFile: string): Change[] {
  const at = { entity: null, table: null, field: null };
  const where = { pos: { file: apiFile, line: 1, col: 1 }, side: "head" as const };
  const out: Change[] = [];
  if (base.package.name !== head.package.name) out.push(change("package-renamed", at, where, "none", "breaking", `package ${base.package.name} → ${head.package.name}: imports of the old name no longer resolve`));
  for (const key of ["ingestionPath", "authenticationPath"] as const) {
    // Payloads stay valid (a warning for producers, who must send them elsewhere); the OpenAPI document's operations move.
    if (base.api[key] !== head.api[key]) out.push(change("api-path-changed", at, where, "warning", "breaking", `${key} ${base.api[key]} → ${head.api[key]}: requests to the old path fail, and clients built from the OpenAPI document must be regenerated`));
  }
  const [b, h] = [base.api.entries, head.api.entries];
  if (h.min > b.min || h.max < b.max) {
    out.push(change("entry-limit-narrowed", at, where, "breaking", "none", `entries per request ${b.min}-${b.max} → ${h.min}-${h.max}: a batch valid before can be rejected now`));
  } else if (h.min < b.min || h.max > b.max) {
    out.push(change("entry-limit-widened", at, where, "compatible", "none", `entries per request ${b.min}-${b.max} → ${h.min}-${h.max}`));
  }
  for (const key of ["title", "serverUrl", "serverDescription", "callbackName"] as const) {
    if (base.api[key] !== head.api[key]) out.push(change("api-info-changed", at, where, "docs", "docs", `${key} ${JSON.stringify(base.api[key])} → ${JSON.stringify(head.api[key])}`));
  }
  // The rate limits are stated in the OpenAPI document only; no payload or type depends on them.
  const [rb, rh] = [base.api.rateLimits, head.api.rateLimits];
  if (rb.header !== rh.header) out.push(change("api-info-changed", at, where, "docs", "docs", `rate-limit header ${rb.header} → ${rh.header}`));
  if (JSON.stringify(rb.limits) !== JSON.stringify(rh.limits)) out.push(change("api-info-changed", at, where, "docs", "docs", `rate limits ${limitsText(rb)} → ${limitsText(rh)}`));
  return [...out, ...compareHeaders(base.api.headers, head.api.headers, at, where), ...compareEnvelope(base.api.envelope, head.api.envelope, where)];
}

/**
 * The headers: a credential or callback header renamed, added or removed changes what a call must send or a
 * receiver reads (payloads stay valid: a warning for producers, as a path change is); a description, the docs.
 */
function compareHeaders(b: ApiHeaders, h: ApiHeaders, at: Place, where: { pos: SourcePos; side: "head" }): Change[] {
  const out: Change[] = [];
  const names = (x: ApiHeaders, k: "token" | "apiKey" | "callback"): string => (k === "callback" ? x.callback.map((c) => c.name).join(", ") : x[k].name);
  const texts = (x: ApiHeaders): string => JSON.stringify([x.token.description, x.apiKey.description, x.callback.map((c) => [c.name, c.description])]);
  for (const k of ["token", "apiKey", "callback"] as const) {
    if (names(b, k) !== names(h, k)) out.push(change("api-header-changed", at, where, "warning", "breaking", `headers.${k} ${names(b, k) || "(none)"} → ${names(h, k) || "(none)"}: calls and receivers must use the new header names, and clients built from the OpenAPI document must be regenerated`));
  }
  if (out.length === 0 && texts(b) !== texts(h)) out.push(change("api-info-changed", at, where, "docs", "docs", "a header's description changed"));
  return out;
}

/**
 * The envelope (api.yaml `envelope`), placed under the package as the request's table: a structural field's description
 * is the docs; a plain string field added, removed or made (not) required changes what a request must carry and what
 * its type requires, as an entity's field does (the compiler then decides the consumer side).
 */
function compareEnvelope(b: Envelope, h: Envelope, where: { pos: SourcePos; side: "head" }): Change[] {
  const place = { entity: null, table: ENVELOPE_TABLE };
  const at = (f: EnvelopeField, side: "base" | "head") => ({ pos: f.pos ?? where.pos, side });
  const out: Change[] = [];
  for (const key of STRUCTURAL_ENVELOPE_KEYS) {
    if (b.text[key] !== h.text[key]) out.push(change("description-changed", { ...place, field: key }, where, "docs", "docs", "description changed"));
  }
  // The custom-field names of ignoredUpdateCfs's example: examples and fixtures, never a type.
  const names = (e: Envelope): string => JSON.stringify(e.customFields);
  if (names(b) !== names(h)) out.push(change("example-changed", { ...place, field: "ignoredUpdateCfs" }, where, "docs", "docs", `example ${names(b)} → ${names(h)}`));
  const before = new Map(b.fields.map((f) => [f.name, f]));
  for (const f of h.fields) {
    const spot = { ...place, field: f.name }, was = before.get(f.name), here = at(f, "head");
    if (!was) {
      out.push(f.required
        ? change("field-added", spot, here, "breaking", "breaking", "field added, required: a request without it is rejected now, and code that builds the type without it no longer compiles")
        : change("field-added", spot, here, "compatible", "compatible", "field added, optional"));
      continue;
    }
    if (was.required !== f.required) {
      out.push(f.required
        ? change("made-required", spot, here, "breaking", "breaking", "optional → required: a request without it is rejected now, and code that builds the type without it no longer compiles")
        : change("made-optional", spot, here, "compatible", "breaking", "required → optional: code that reads it must now handle absence and null"));
    }
    if (was.description !== f.description) out.push(change("description-changed", spot, here, "docs", "docs", "description changed"));
    if (was.example !== f.example) out.push(change("example-changed", spot, here, "docs", "docs", `example ${JSON.stringify(was.example)} → ${JSON.stringify(f.example)}`));
  }
  const now = new Set(h.fields.map((f) => f.name));
  for (const f of b.fields) {
    if (!now.has(f.name)) out.push(change("field-removed", { ...place, field: f.name }, at(f, "base"), "breaking", "breaking", "field removed: a request that carries it is rejected now (the envelope accepts no other key), and code that names it no longer compiles"));
  }
  return out;
}

const limitsText = (r: RateLimits): string => r.limits.map((l) => `${l.requests}/${l.per}`).join(", ");

/** A shape's named examples as a comparable text: they are fixtures and OpenAPI example bodies, never a type. */
const examplesText = (model: Model, typeName: string): string => JSON.stringify(model.shapes.examples[typeName] ?? []);

/**
 * The API's shapes (api.yaml `shapes`): each table shape compared as a table is, placed under the package (entity null,
 * the shape's type name as the table). The set of shapes is fixed by the checker, so none is added or removed.
 */
function compareShapes(base: Model, head: Model): Change[] {
  const byName = new Map(base.shapes.tables.map((t) => [t.typeName, t]));
  const tables = head.shapes.tables.flatMap((h) => {
    const b = byName.get(h.typeName);
    const at = { entity: null, table: h.typeName };
    if (!b) return [];
    const examples = examplesText(base, h.typeName) === examplesText(head, h.typeName) ? []
      : [change("api-info-changed", { ...at, field: null }, { pos: h.pos, side: "head" as const }, "docs", "docs", `the examples of ${h.typeName} changed (fixtures and OpenAPI example bodies)`)];
    return [...openChange(b, h, { ...at, field: null }), ...compareTable(b, h, at, new Map()), ...examples];
  });
  const [b, h] = [base.shapes.callback, head.shapes.callback];
  if (b.data.name === h.data.name) return tables;
  const at = { entity: null, table: h.typeName, field: h.data.name };
  return [...tables, change("field-renamed", at, { pos: h.data.result.pos, side: "head" }, "breaking", "breaking", `renamed from ${JSON.stringify(b.data.name)}: a callback with the old key is rejected now, and code that names it no longer compiles`)];
}

/** A shape opened or closed (`open`): the custom-field kinds, whose meaning (unknown keys accepted or not) it shares. */
function openChange(base: Table, head: Table, at: Place): Change[] {
  if (base.acceptsUnknownKeys === head.acceptsUnknownKeys) return [];
  const where = { pos: head.pos, side: "head" as const };
  return head.acceptsUnknownKeys
    ? [change("custom-fields-allowed", at, where, "compatible", "compatible", `${head.typeName} is open now: keys it does not list are accepted (they were rejected)`)]
    : [change("custom-fields-withdrawn", at, where, "breaking", "breaking", `${head.typeName} is closed now: a body with a key it does not list is rejected, and its type loses the Custom parameter`)];
}

/** Every change from base to head, entity by entity (object-type order), then package and API facts. Pure. */
export function compareModels(base: Model, head: Model, apiFile = "specs/api.yaml"): Change[] {
  const baseByType = new Map(base.entities.map((e) => [e.objectType, e]));
  const headTypes = new Set(head.entities.map((e) => e.objectType));
  const out: Change[] = [];
  for (const h of head.entities) {
    const b = baseByType.get(h.objectType);
    const at = { entity: h.objectType, table: null, field: null };
    if (b) out.push(...compareEntity(b, h));
    else out.push(change("entity-added", at, { pos: h.pos, side: "head" }, "compatible", "warning", `entity ${h.typeName} added (a switch over the object types that was exhaustive is not any more)`));
  }
  for (const b of base.entities) {
    if (!headTypes.has(b.objectType)) out.push(change("entity-removed", { entity: b.objectType, table: null, field: null }, { pos: b.pos, side: "base" }, "breaking", "breaking", `entity ${b.typeName} removed: payloads of object type '${b.objectType}' are rejected now, and code that names its types no longer compiles`));
  }
  return [...out, ...compareShapes(base, head), ...compareFacts(base, head, apiFile)];
}
