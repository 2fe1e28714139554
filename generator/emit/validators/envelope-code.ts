import type { Entity, Model, Table } from "../../model/ir.ts";
import { allowsIgnoredUpdateCfs, envelopeFields, envelopeKeys, IGNORED_UPDATE_CFS_TAG } from "../../model/envelope.ts";
import { docComment } from "../escape.ts";
import { CUSTOM_PARAM } from "../types/emit-types.ts";
import { _, Code, indent, join, name, COMMA, NL } from "./code.ts";
import { checkField, checkTable, fieldPath } from "./field-checks.ts";

const NO_TABLES: ReadonlyMap<string, Table> = new Map();
const ENTRIES_PATH = fieldPath("entries");
const IGNORED_PATH = fieldPath("ignoredUpdateCfs");

function doc(text: string): Code { return new Code(docComment([text])); }

/** `switch (o.objectType)` with one case per entity; `body` says what to do with that entity. */
function perEntity(model: Model, body: (e: Entity) => Code): Code {
  const cases = model.entities.map((e) => _`case ${e.objectType}:\n${indent(body(e))}`);
  return _`switch (o.objectType) {\n${indent(join(cases, NL))}\n}`;
}

function untaggedCases(model: Model): Code {
  return join(model.entities.filter((e) => !allowsIgnoredUpdateCfs(e.tags)).map((e) => _`case ${e.objectType}:`), NL);
}

function collectEntries(model: Model): Code {
  const each = (e: Entity): Code => _`for (let i = 0; i < v.length; i++) ${checkTable(e, _`v[i]`, _`${ENTRIES_PATH} + "/" + i`, "each item of `entries`", "collect")}\nbreak;`;
  const { min, max } = model.api.entries;
  return _`v = o.entries;
if (v == null) add(issues, { path: ${ENTRIES_PATH}, code: "required", message: ${"`entries` is required"}, details: { blank: false } });
else if (!Array.isArray(v)) add(issues, { path: ${ENTRIES_PATH}, code: "type", message: ${"`entries` must be an array of entity objects"}, details: { expected: "array" } });
else {
  if (v.length < ${min}) add(issues, { path: ${ENTRIES_PATH}, code: "too_few", message: ${`\`entries\` must have at least ${min} ${min === 1 ? "entry" : "entries"}`}, details: { minimum: ${min}, actual: v.length } });
  else if (v.length > ${max}) add(issues, { path: ${ENTRIES_PATH}, code: "too_many", message: ${`\`entries\` may have at most ${max} entries`} + ", not " + v.length, details: { maximum: ${max}, actual: v.length } });
${indent(perEntity(model, each))}
}`;
}

function collectIgnored(model: Model): Code {
  const { ignoredUpdateCfs } = envelopeFields(model);
  const untagged = untaggedCases(model);
  if (untagged.text === "") return checkField(ignoredUpdateCfs, NO_TABLES, "collect");
  return _`switch (o.objectType) {
${indent(untagged)}
    if (o.ignoredUpdateCfs != null) add(issues, { path: ${IGNORED_PATH}, code: "not_allowed", message: ${`\`ignoredUpdateCfs\` is allowed only for entities tagged ${IGNORED_UPDATE_CFS_TAG}, not for `} + o.objectType, details: { requiresTag: ${IGNORED_UPDATE_CFS_TAG} } });
    break;
  default:
${indent(indent(checkField(ignoredUpdateCfs, NO_TABLES, "collect")))}
}`;
}

function collector(model: Model): Code {
  const f = envelopeFields(model);
  const body: Code[] = [
    _`if (typeof data !== "object" || data === null || Array.isArray(data)) {\n  add(issues, { path: "", code: "type", message: "the payload must be an object (an ingestion request)", details: { expected: "object" } });\n  return;\n}`,
    _`const o = ownFields(data);\nlet v: unknown;`,
    checkField(f.objectType, NO_TABLES, "collect"), ...f.strings.map((s) => checkField(s, NO_TABLES, "collect")), collectEntries(model), collectIgnored(model),
    _`for (const k in o) {\n  switch (k) {\n${indent(indent(join(envelopeKeys(model).map((k) => _`case ${k}:`), NL)))}\n      continue;\n  }\n  unknownField(issues, path, k, ${new Code("envelopeKeys")}, "an ingestion request");\n}`,
  ];
  return _`${doc("Reports every problem of an ingestion request found at `path` (the envelope, then each entry).")}\nexport function collectIngestionRequest(data: unknown, issues: ValidationIssue[], path: string): void {\n${indent(join(body, NL))}\n}`;
}

function tester(model: Model): Code {
  const f = envelopeFields(model);
  const each = (e: Entity): Code => _`for (let i = 0; i < v.length; i++) ${checkTable(e, _`v[i]`, ENTRIES_PATH, "", "test")}\nbreak;`;
  const untagged = untaggedCases(model);
  const body: Code[] = [
    _`if (typeof data !== "object" || data === null || Array.isArray(data)) return false;`,
    _`const o = ownFields(data);\nlet v: unknown;`,
    checkField(f.objectType, NO_TABLES, "test"), ...f.strings.map((s) => checkField(s, NO_TABLES, "test")),
    _`v = o.entries;\nif (!Array.isArray(v) || v.length < ${model.api.entries.min} || v.length > ${model.api.entries.max}) return false;`,
    perEntity(model, each),
    checkField(f.ignoredUpdateCfs, NO_TABLES, "test"),
    ...(untagged.text === "" ? [] : [_`switch (o.objectType) {\n${indent(untagged)}\n    if (o.ignoredUpdateCfs != null) return false;\n}`]),
    _`for (const k in o) {\n  switch (k) {\n${indent(indent(join(envelopeKeys(model).map((k) => _`case ${k}:`), NL)))}\n      continue;\n  }\n  return false;\n}`,
    _`return true;`,
  ];
  return _`function testIngestionRequest(data: unknown): boolean {\n${indent(join(body, NL))}\n}`;
}

function requestType(model: Model): Code {
  const members = model.entities.map((e) => {
    const ignored = allowsIgnoredUpdateCfs(e.tags) ? _`string[] | null | undefined` : _`null | undefined`;
    const entry = e.acceptsUnknownKeys ? _`${name(e.typeName)}<Custom>` : name(e.typeName);
    const strings = model.api.envelope.fields.map((f) => (f.required ? `${f.name}: string; ` : `${f.name}?: string | null | undefined; `)).join("");
    return _`  | { objectType: ${e.objectType}; ${new Code(strings)}entries: ${entry}[]; ignoredUpdateCfs?: ${ignored} }`;
  });
  const text = `The body of one ingestion call: a batch of ${model.api.entries.min} to ${model.api.entries.max} entities of one object type, discriminated by \`objectType\`. \`Custom\` types the custom fields of the entities that have them.`;
  return _`${doc(text)}\nexport type IngestionRequest<${new Code(CUSTOM_PARAM)}> =\n${join(members, NL)};`;
}

/** The code of validators/ingestion-request.ts: object types, the validators record, the envelope type and its validator. */
export function envelopeCode(model: Model): Code {
  const types = model.entities.map((e) => _`${e.objectType}`);
  const record = model.entities.map((e) => _`${e.objectType}: ${name(e.validateName)},`);
  return join([
    _`${doc("The object types the ingestion API accepts, one per entity, sorted.")}\nexport const OBJECT_TYPES = [${join(types, COMMA)}] as const;`,
    _`${doc("An entity's object type, the value of `objectType` in a request.")}\nexport type ObjectType = (typeof OBJECT_TYPES)[number];`,
    _`${doc("Whether a value is one of the object types (exact, case-sensitive), as every enum has its guard.")}\nexport function isObjectType(value: unknown): value is ObjectType {\n  return typeof value === "string" && (OBJECT_TYPES as readonly string[]).includes(value);\n}`,
    _`${doc("The validator of each entity, keyed by its object type.")}\nexport const validators = {\n${indent(join(record, NL))}\n} as const;`,
    requestType(model),
    _`const envelopeKeys: readonly string[] = [${join(envelopeKeys(model).map((k) => _`${k}`), COMMA)}];`,
    collector(model), tester(model),
    _`${doc("Validates an ingestion request: the envelope, then each entry with its entity's validator (issues at `/entries/<i>/...`). Never throws.")}
export function validateIngestionRequest(input: unknown, options?: ValidateOptions): ValidationResult<IngestionRequest> {
  return collected<IngestionRequest>(collectIngestionRequest, input, options);
}`,
    _`${doc("Whether the input is a valid ingestion request; agrees with `validateIngestionRequest` and stops at the first problem.")}
export function isIngestionRequest(input: unknown): input is IngestionRequest {
  try {
    return testIngestionRequest(input);
  } catch {
    return false;
  }
}`,
  ], new Code("\n\n"));
}
