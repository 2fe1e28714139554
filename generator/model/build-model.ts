import { isTableless, type RawField, type RawSpec, type RawTable } from "../check/raw-spec.ts";
import { effectiveText } from "../check/check-specs.ts";
import type { AnyOfRule, ApiInfo, ApiShapes, Entity, Erratum, Field, Model, PackageInfo, Table } from "./ir.ts";
import { pascalCase, screamingCase, tableTypeName } from "./naming.ts";
import { impliedRange, parseExample, valueTypeOf } from "./values.ts";
import { byCodePoint } from "../util/text.ts";
import { InternalError } from "../util/assert.ts";

/** A parsed text (example or default) that the checker already accepted. */
function parsedValue(f: RawField, type: Field["type"], text: string | null, range: { min: number; max: number } | null, what: string): Field["exampleValue"] {
  if (text === null) return undefined;
  const parsed = parseExample(type, text, range);
  if (!parsed.ok) throw new InternalError(`${what} of ${f.name.value} passed the checker but does not parse`);
  return parsed.value;
}

/** The docType after a `docType` erratum. */
function effectiveDocType(f: RawField, table: RawTable): string | null {
  const fix = table.errata.find((e) => e.field?.value === f.name.value && e.property === "docType");
  return fix ? fix.corrected : f.docType.value;
}

function buildField(f: RawField, table: RawTable, typeName: string, requiredBy: readonly string[] | null, tableNames: ReadonlyMap<string, string>, openTables: ReadonlySet<string>): Field {
  const tableless = isTableless(f);
  const type = valueTypeOf(f.type.value, tableless);
  const implied = impliedRange(type);
  const minimum = f.minimum?.value ?? implied?.min ?? null;
  const maximum = f.maximum?.value ?? implied?.max ?? null;
  const example = effectiveText(f, table.errata, "example");
  const range = minimum !== null && maximum !== null ? { min: minimum, max: maximum } : null;
  const enumTypeName = f.enum ? typeName + pascalCase(f.name.value) : null;
  return {
    kind: "field", pos: f.pos, name: f.name.value, docType: effectiveDocType(f, table), type, tableless,
    required: f.required || requiredBy !== null, requiredBy, docRequired: f.docRequired,
    description: effectiveText(f, table.errata, "description"), example, exampleValue: parsedValue(f, type, example, range, "example"),
    doc: { description: f.description?.value ?? null, example: f.example?.value ?? null, docType: f.docType.value },
    default: f.default?.value ?? null, defaultValue: parsedValue(f, type, f.default?.value ?? null, range, "default"),
    enum: f.enum ? f.enum.values.map((v) => v.value) : null,
    format: type === "date" ? "date" : (f.format?.value ?? null),
    minimum: type === "double" || type === "float" ? (f.minimum?.value ?? null) : minimum,
    maximum: type === "double" || type === "float" ? (f.maximum?.value ?? null) : maximum,
    table: f.table?.value ? (tableNames.get(f.table.value) ?? null) : null,
    tableOpen: f.table?.value ? openTables.has(f.table.value) : false,
    enumTypeName, enumConstName: enumTypeName ? `${screamingCase(enumTypeName)}_VALUES` : null,
  };
}

/** Lowers one table (an entity's own, a nested one, or an API shape's) into the IR. */
export function buildTable(t: RawTable, typeName: string, tableNames: ReadonlyMap<string, string>, openTables: ReadonlySet<string>): Omit<Table, "kind"> {
  const requiredBy = new Map<string, string[]>();
  const rules: AnyOfRule[] = [];
  for (const r of t.rules) {
    // An all-of rule makes each field required; it is lowered here, keeping the doc sentence for messages.
    if (r.kind === "all-of") for (const f of r.fields) requiredBy.set(f.value, [...(requiredBy.get(f.value) ?? []), ...r.doc]);
    else rules.push({ kind: "any-of", pos: r.pos, groups: r.groups.map((g) => g.map((x) => x.value)), doc: r.doc });
  }
  const errata: Erratum[] = t.errata.map((e) => ({ kind: "erratum", pos: e.pos, field: e.field?.value ?? null, property: e.property, doc: e.doc, corrected: e.corrected, note: e.note }));
  const titleFix = errata.find((e) => e.property === "title");
  return {
    pos: t.pos, title: titleFix?.corrected ?? t.title.value, typeName, validateName: `validate${typeName}`, isName: `is${typeName}`,
    customFields: t.customFields, rules, errata, notes: t.notes,
    incomplete: t.incomplete ? { after: t.incomplete.after.value, note: t.incomplete.note } : null,
    acceptsUnknownKeys: t.customFields || t.incomplete !== null,
    fields: t.fields.map((f) => buildField(f, t, typeName, requiredBy.get(f.name.value) ?? null, tableNames, openTables)),
  };
}

function buildEntity(spec: RawSpec): Entity {
  const typeName = pascalCase(spec.objectType.value);
  const tableNames = new Map(spec.tables.map((t) => [t.title.value, tableTypeName(t.title.value)]));
  const open = new Set(spec.tables.filter((t) => t.customFields || t.incomplete !== null).map((t) => t.title.value));
  return {
    kind: "entity", ...buildTable(spec, typeName, tableNames, open), objectType: spec.objectType.value, tags: spec.tags, file: spec.file, page: spec.page?.value ?? null,
    tables: spec.tables.map((t) => ({ kind: "table", ...buildTable(t, tableNames.get(t.title.value)!, tableNames, open) })),
  };
}

export const DEFAULT_PACKAGE: PackageInfo = { name: "pango-cdp-schemas", version: "0.0.0" };
export const DEFAULT_API: ApiInfo = {
  title: "Pango CDP Data Ingestion API",
  serverUrl: "https://cdp.pango.example/api",
  serverDescription: "Placeholder: the documentation gives no server URL.",
  ingestionPath: "/data-ingestion",
  authenticationPath: "/authentication",
  callbackName: "dataIngestionCallback",
  // The doc states "Limit: [1- 50]" and "Size: 1-50 entities", and once "Max: 100"; SEMANTICS.md holds 1 to 50.
  entries: { min: 1, max: 50 },
  // The Data Ingestion page's limits (ingestion-api-facts.md), for a specs folder whose api.yaml states none.
  rateLimits: {
    header: "X-Rate-Limit-Retry-After-Seconds",
    limits: [{ requests: 50, per: "1 second" }, { requests: 1000, per: "1 minute" }, { requests: 5000, per: "5 minutes" }, { requests: 50000, per: "1 hour" }, { requests: 400000, per: "24 hours" }],
  },
  // The headers the Data Ingestion and Callback pages name, likewise.
  headers: {
    token: { name: "TOKEN", description: "The token returned by the authentication operation." },
    apiKey: { name: "API_KEY", description: "The API key that belongs to the username." },
    callback: [
      { name: "ApiKey", description: "The API key the partner sent." },
      { name: "Checksum", description: "Required when `ApiKey` is present: computed from the sorted list of refIds and the key." },
    ],
  },
  // The Data Ingestion page's body fields, likewise.
  envelope: {
    text: {
      objectType: "Which entity the entries are; each entity table's tag in angle brackets is its object type.",
      entries: "The records, each an entity of `objectType`. The documentation says \"Limit: [1- 50]\" and \"Size: 1-50 entities\" but also \"Max: 100 records / 1 request\"; the limits here are specs/api.yaml's (`entries`).",
      ignoredUpdateCfs: "Names of custom fields NOT to overwrite on records that already exist; only for entities tagged SUPPORT_IGNORED_UPDATE_CFS.",
    },
    fields: [
      { pos: null, name: "source", required: true, example: "CRM", description: "Name of the system that owns the data, e.g. `CRM`, `POS`, `Ecommerce`. Required by the \"Payload Parameters\" table (the \"Request\" table leaves it blank)." },
      { pos: null, name: "jeConfigId", required: false, example: null, description: "Journey Event configuration id: when given, an event is generated for the ingested data." },
      { pos: null, name: "jeEventKey", required: false, example: null, description: "Journey Event configuration key; same purpose as `jeConfigId`." },
    ],
    customFields: ["customField01", "customFieldLong03"],
  },
};

/** Lowers checked specs into the IR. Only called when the checker found no error. */
export function buildModel(specs: readonly RawSpec[], pkg: PackageInfo, api: ApiInfo, shapes: ApiShapes): Model {
  const entities = specs.map(buildEntity).sort((a, b) => byCodePoint(a.objectType, b.objectType));
  return { kind: "model", entities, package: pkg, api, shapes };
}
