import fc from "fast-check";
import type { Entity, EnvelopeField, Field, Model, Table } from "../../generator/model/ir.ts";

// Payload generators drawn from the IR: valid records, valid records with mutations (the ways real
// payloads go wrong), and arbitrary JSON. Used by the differential test against Ajv.

type Rec = Record<string, unknown>;

const EMAILS = ["user@gmail.com", "a.b-c+tag@sub.domain.io", "x@y.co", "Ng.Minh@Example.COM"];
const URIS = ["https://domain.com/photo/pic1.png", "http://a.b/c?d=e#f", "ftp://files.example.org/x", "urn:isbn:0451450523"];
/** Strings every artefact treats the same way but that trip naive code: blanks, lone surrogates, non-ASCII. */
const AWKWARD = ["", " ", "\t\n", "\u00a0", "\u3000", "\ufeff", "\u2028", "\uD800", "a\uDC00b", "Nguyễn Minh Đệ", "~/", "0", "null"];
/** Values of every JSON type (and a few JavaScript-only ones) for retyping a field. */
const RETYPES: unknown[] = [5, 1.5, -0, 0, "5000", "true", true, false, [], ["x"], [1], {}, { a: 1 }, NaN, Infinity, -Infinity, 1e308, 2 ** 53, -(2 ** 31) - 1, "\uD800"];

/** A date string, real or not: the edge of each month and leap years included. */
const dateString = fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
  .map(([y, m, d]) => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);

const validDate = fc.date({ min: new Date("0001-01-01T00:00:00Z"), max: new Date("9999-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

function stringArb(f: Field, present: boolean): fc.Arbitrary<string> {
  if (f.enum) return fc.constantFrom(...f.enum);
  switch (f.format) {
    case "email": return fc.oneof(fc.constantFrom(...EMAILS), fc.emailAddress());
    case "uri": return fc.oneof(fc.constantFrom(...URIS), fc.webUrl());
    case "country-alpha2": return fc.stringMatching(/^[A-Z]{2}$/);
    case "country-alpha3": return fc.stringMatching(/^[A-Z]{3}$/);
    case "date": return validDate;
    case null: break;
  }
  const text = fc.oneof(fc.string({ minLength: 1 }), fc.string({ unit: "binary", minLength: 1 }), fc.constantFrom(...AWKWARD.slice(8)));
  return present ? text.filter((s) => /\S/u.test(s)) : fc.oneof(text, fc.constantFrom(...AWKWARD));
}

/** A valid value of a field (non-blank when `present`, as a required field or a rule needs). */
export function validValue(f: Field, tables: ReadonlyMap<string, Table>, present: boolean): fc.Arbitrary<unknown> {
  switch (f.type) {
    case "string": case "date": return stringArb(f, present);
    case "integer": case "long": case "timestamp": {
      const min = f.minimum ?? -(2 ** 53 - 1), max = f.maximum ?? 2 ** 53 - 1;
      return fc.oneof(fc.integer({ min: Math.max(min, -1e6), max: Math.min(max, 1e6) }), fc.constantFrom(min, max, 0, -0), fc.double({ min, max, noNaN: true }).map(Math.trunc));
    }
    case "double": case "float": return fc.double({ noNaN: true, noDefaultInfinity: true, min: f.minimum ?? undefined, max: f.maximum ?? undefined });
    case "boolean": return fc.boolean();
    case "list": return fc.array(fc.string(), { maxLength: 4 });
    // An Object row the doc names no table for (`table: null`) takes any JSON object.
    case "object": return f.table === null ? fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }) : validRecord(tables.get(f.table)!, tables);
    case "array": return fc.array(validRecord(tables.get(f.table!)!, tables), { maxLength: 3 });
  }
}

/** Field names that some rule group needs present. */
function ruleFields(t: Table): Set<string> {
  return new Set(t.rules.flatMap((r) => r.groups.flat()));
}

/** A valid record of a table: required fields present, optional ones absent, null or valid, one group of each rule met. */
export function validRecord(t: Table, tables: ReadonlyMap<string, Table>): fc.Arbitrary<Rec> {
  const inRule = ruleFields(t);
  const loose = Object.fromEntries(t.fields.map((f) => [f.name, f.required ? validValue(f, tables, true) : fc.option(validValue(f, tables, false), { nil: null, freq: 4 })]));
  const full = Object.fromEntries(t.fields.filter((f) => inRule.has(f.name)).map((f) => [f.name, validValue(f, tables, true)]));
  // Custom fields, or (on a table the saved page cuts short) the keys of rows after the cut.
  const extras = t.acceptsUnknownKeys ? fc.dictionary(fc.constantFrom("customField01", "customFieldLong03", "__proto__", "constructor", "toString", "x/y~z"), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 2 }) : fc.constant({});
  const groups = fc.array(fc.nat(), { minLength: t.rules.length, maxLength: t.rules.length });
  return fc.tuple(fc.record(loose, { requiredKeys: t.fields.filter((f) => f.required).map((f) => f.name) }), fc.record(full), groups, extras).map(([rec, present, picks, extra]) => {
    const out = Object.create(Object.getPrototypeOf(rec) as object | null) as Rec;
    for (const [k, v] of [...Object.entries(extra), ...Object.entries(rec)]) put(out, k, v);
    t.rules.forEach((r, i) => {
      for (const n of r.groups[picks[i]! % r.groups.length]!) put(out, n, present[n]);
    });
    return out;
  });
}

type Mutation = (rec: Rec) => void;

/** Sets an own property, even `__proto__` (an assignment would change the prototype instead). */
function put(r: Rec, k: string, v: unknown): void {
  Object.defineProperty(r, k, { value: v, enumerable: true, writable: true, configurable: true });
}

function nearMiss(name: string, how: number): string {
  switch (how % 4) {
    case 0: return name.slice(0, -1);
    case 1: return name.toLowerCase() === name ? name.toUpperCase() : name.toLowerCase();
    case 2: return name + "s";
    default: return name.slice(1);
  }
}

/** Edits that turn a well-formed string into one a format may or may not accept: where format checks differ, they differ here. */
const STRING_EDITS: readonly ((s: string, i: number, c: string) => string)[] = [
  (s) => ` ${s}`, (s) => `${s} `, (s) => `${s}\n`, (s) => `\n${s}`, (s) => s.toUpperCase(), (s) => s.toLowerCase(),
  (s, i, c) => s.slice(0, i % (s.length + 1)) + c + s.slice(i % (s.length + 1)),
  (s, i) => s.slice(0, i % (s.length + 1)) + s.slice((i % (s.length + 1)) + 1),
  (s, i, c) => s.replace(/[@.:/-]/gu, (m) => (i % 2 === 0 ? c : m + m)),
];

/** A value near a format's edge: a valid one edited, a known tricky one, or any string. */
function formatNearMiss(x: Field, tables: ReadonlyMap<string, Table>): fc.Arbitrary<[string, unknown]> {
  const edited = fc.tuple(validValue(x, tables, true) as fc.Arbitrary<string>, fc.nat({ max: STRING_EDITS.length - 1 }), fc.nat(), fc.constantFrom(" ", "\t", "\n", "@", ".", "-", "_", "%", "é", "\uD800", "A", "z", "0", "/", ":", "#"))
    .map(([v, e, i, c]) => STRING_EDITS[e]!(v, i, c));
  const tricky = fc.constantFrom("2001-02-29", "2000-02-29", "1900-02-29", "2001-04-31", "2001-1-01", "vn", "VNM", "VN", "not an email", "a@b", "https:", "/relative", "mailto:x@y.z", "a:b", "//host/x", "x@-y.com", "x..y@z.com");
  return fc.oneof({ weight: 4, arbitrary: edited }, { weight: 1, arbitrary: tricky }, { weight: 1, arbitrary: dateString }, { weight: 1, arbitrary: fc.string() }).map((v) => [x.name, v]);
}

/** One way a field goes wrong, as real payloads do. */
function fieldMutation(t: Table, tables: ReadonlyMap<string, Table>): fc.Arbitrary<Mutation> {
  const f = fc.constantFrom(...t.fields);
  const nested = t.fields.filter((x) => x.table !== null);
  const options: fc.Arbitrary<Mutation>[] = [
    f.map((x) => (r: Rec) => { delete r[x.name]; }),
    f.map((x) => (r: Rec) => { r[x.name] = null; }),
    fc.tuple(f, fc.constantFrom(...RETYPES)).map(([x, v]) => (r: Rec) => { r[x.name] = v; }),
    fc.tuple(f, fc.constantFrom(...AWKWARD.slice(0, 7))).map(([x, v]) => (r: Rec) => { r[x.name] = v; }),
    fc.tuple(f, fc.nat()).map(([x, i]) => (r: Rec) => { r[nearMiss(x.name, i)] = r[x.name] ?? "x"; }),
    fc.tuple(fc.string(), fc.jsonValue({ maxDepth: 1 })).map(([k, v]) => (r: Rec) => put(r, k, v)),
    fc.constantFrom("__proto__", "constructor", "hasOwnProperty").map((k) => (r: Rec) => put(r, k, "x")),
  ];
  const enums = t.fields.filter((x) => x.enum);
  if (enums.length) options.push(fc.tuple(fc.constantFrom(...enums), fc.boolean()).map(([x, up]) => (r: Rec) => { const v = x.enum![0]!; r[x.name] = up ? v.toUpperCase() : v[0]!.toUpperCase() === v[0] ? v.toLowerCase() : v[0]!.toUpperCase() + v.slice(1); }));
  const formatted = t.fields.filter((x) => x.format !== null);
  if (formatted.length) options.push(fc.constantFrom(...formatted).chain((x) => formatNearMiss(x, tables)).map(([name, v]) => (r: Rec) => { r[name] = v; }));
  const numbers = t.fields.filter((x) => x.minimum !== null || x.maximum !== null);
  if (numbers.length) options.push(fc.tuple(fc.constantFrom(...numbers), fc.integer({ min: -2, max: 2 }), fc.boolean()).map(([x, d, low]) => (r: Rec) => { r[x.name] = (low ? x.minimum ?? 0 : x.maximum ?? 0) + d; }));
  if (nested.length) options.push(fc.tuple(fc.constantFrom(...nested), fc.nat()).chain(([x, i]) => fieldMutation(tables.get(x.table!)!, tables).map((m) => (r: Rec) => {
    const v = r[x.name];
    const target = Array.isArray(v) ? v[i % Math.max(1, v.length)] : v;
    if (target !== null && typeof target === "object") m(target as Rec);
  })));
  return fc.oneof(...options);
}

/** A copy that keeps the prototype (null or not) and copies nested records, so mutations never touch the original. */
function deepCopy<T>(v: T): T {
  if (Array.isArray(v)) return v.map(deepCopy) as T;
  if (v === null || typeof v !== "object") return v;
  const out = Object.create(Object.getPrototypeOf(v) as object | null) as Rec;
  for (const k of Object.keys(v)) put(out, k, deepCopy((v as Rec)[k]));
  return out as T;
}

/** A valid record with one to four mutations applied. */
export function mutatedRecord(t: Table, tables: ReadonlyMap<string, Table>): fc.Arbitrary<Rec> {
  return fc.tuple(validRecord(t, tables), fc.array(fieldMutation(t, tables), { minLength: 1, maxLength: 4 })).map(([rec, ms]) => {
    const copy = deepCopy(rec);
    for (const m of ms) m(copy);
    return copy;
  });
}

export function tablesOf(e: Entity): ReadonlyMap<string, Table> {
  return new Map(e.tables.map((t) => [t.typeName, t]));
}

/** Any payload for an entity: valid, mutated, arbitrary JSON, or arbitrary JavaScript values. */
export function payload(e: Entity): fc.Arbitrary<unknown> {
  const tables = tablesOf(e);
  const keys = fc.constantFrom(...e.fields.map((f) => f.name), "zzz", "__proto__");
  return fc.oneof(
    { weight: 3, arbitrary: validRecord(e, tables) },
    { weight: 10, arbitrary: mutatedRecord(e, tables) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    { weight: 1, arbitrary: fc.dictionary(keys, fc.jsonValue({ maxDepth: 1 })) },
    { weight: 1, arbitrary: fc.anything({ maxDepth: 2, withNullPrototype: true, withBoxedValues: true, withDate: true, withMap: true, withSet: true, withSparseArray: true, withTypedArray: true, withObjectString: true }) },
  );
}

/** Envelopes of one entity's object type: mostly valid, with envelope and entry mutations. */
/** A plain envelope field's value: mostly a string (its example where the spec gives one), now and then not one. */
function envelopeString(f: EnvelopeField): fc.Arbitrary<unknown> {
  const strings = f.example === null ? fc.string() : fc.oneof({ weight: 3, arbitrary: fc.constant<unknown>(f.example) }, { weight: 1, arbitrary: fc.string() });
  return fc.oneof({ weight: 12, arbitrary: strings }, { weight: 1, arbitrary: fc.constantFrom<unknown>(...AWKWARD, null, 7, false) });
}

function envelopeOf(e: Entity, types: readonly string[], fields: readonly EnvelopeField[]): fc.Arbitrary<unknown> {
  const tables = tablesOf(e);
  const valid = validRecord(e, tables);
  const entries = fc.oneof(
    { weight: 6, arbitrary: fc.array(fc.oneof({ weight: 6, arbitrary: valid }, { weight: 1, arbitrary: payload(e) }), { minLength: 1, maxLength: 4 }) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(0, 49, 50, 51), valid).map(([n, one]) => Array.from({ length: n }, () => one)) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(null, "x", {}, 5) },
  );
  const shape: Record<string, fc.Arbitrary<unknown>> = {
    objectType: fc.oneof({ weight: 12, arbitrary: fc.constant<unknown>(e.objectType) }, { weight: 1, arbitrary: fc.constantFrom<unknown>(...types, e.objectType.toUpperCase(), "", null, 5) }),
    // The envelope's other fields, as api.yaml gives them.
    ...Object.fromEntries(fields.map((f) => [f.name, envelopeString(f)])),
    entries,
    ignoredUpdateCfs: fc.oneof({ weight: 4, arbitrary: fc.array(fc.string(), { maxLength: 3 }) }, { weight: 1, arbitrary: fc.constantFrom<unknown>(null, ["customField01", 5], "customField01") }),
  };
  const base = fc.record(shape, { requiredKeys: ["objectType", ...fields.filter((f) => f.required).map((f) => f.name), "entries"] }).chain((r) =>
    // Mostly leave ignoredUpdateCfs out where the entity does not allow it, so valid envelopes stay common.
    fc.nat(3).map((n) => {
      if (!e.tags.includes("SUPPORT_IGNORED_UPDATE_CFS") && n !== 0) delete (r as Rec).ignoredUpdateCfs;
      return r;
    }));
  const dropped = fc.constantFrom("objectType", ...fields.filter((f) => f.required).map((f) => f.name), "entries");
  const edits = fc.oneof({ weight: 10, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom("entry", "objecttype", "extra") }, { weight: 1, arbitrary: dropped.map((k) => `-${k}`) });
  return fc.tuple(base, edits).map(([r, edit]) => {
    if (edit === undefined) return r;
    const out: Rec = { ...r };
    if (edit.startsWith("-")) delete out[edit.slice(1)];
    else out[edit] = 1;
    return out;
  });
}

/** Any ingestion request: envelopes of each entity (valid and mutated), and arbitrary JSON. */
export function envelope(model: Model): fc.Arbitrary<unknown> {
  const types = model.entities.map((e) => e.objectType);
  const perEntity = model.entities.map((e) => ({ weight: 2, arbitrary: envelopeOf(e, types, model.api.envelope.fields) }));
  return fc.oneof(...perEntity, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) });
}
