import { diag, type Diagnostic, type SourcePos } from "../check/diagnostics.ts";
import type { RawSpec } from "../check/raw-spec.ts";

/** Splits any text into ASCII words: diacritics folded (ệ → e, đ → d), everything else a separator. */
export function words(text: string): string[] {
  const folded = text.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D");
  return folded
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/u)
    .filter((w) => w.length > 0);
}

export function pascalCase(text: string): string {
  return words(text).map((w) => w[0]!.toUpperCase() + w.slice(1)).join("");
}

export function screamingCase(text: string): string {
  return words(text).map((w) => w.toUpperCase()).join("_");
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/u;

/** Schema names the OpenAPI document defines beside the entities' own (generator/emit/openapi). */
export const OPENAPI_SCHEMA_NAMES = [
  "IngestionRequest", "IngestionSuccessResponse", "ErrorResponse", "AuthenticationRequest", "AuthenticationResponse",
  "IngestionCallback", "IngestionCallbackResult",
] as const;

/** Names the generated package itself defines or relies on: a generated type must not shadow them. */
export const RESERVED_NAMES = new Set([
  "ValidationResult", "ValidationIssue", "IssueCode", "IngestionRequest", "ObjectType", "OBJECT_TYPES", "validators", "isObjectType",
  "validateIngestionRequest", "isIngestionRequest", "schemas", "fixtures", "ENTITIES",
  "ingestionRequestFixtures", "FixtureIssue", "InvalidRecordFixture", "EntityFixtures", "InvalidRequestFixture", "IngestionRequestFixtures",
  "Array", "ReadonlyArray", "Record", "Partial", "Readonly", "Object", "String", "Number", "Boolean", "Date", "JSON", "Math", "Symbol",
  "Error", "Map", "Set", "Promise", "Function", "RegExp", "BigInt", "Infinity", "NaN", "undefined", "Exclude", "Extract", "Pick", "Omit",
  ...OPENAPI_SCHEMA_NAMES,
]);

/** The OpenAPI schema name of an entity's ingestion request (CustomerIdentity → CustomerIdentityIngestionRequest). */
export function ingestionRequestName(typeName: string): string {
  return `${typeName}IngestionRequest`;
}

/** The type name a nested table gets from its title ("Order Item Entity" → OrderItem). */
export function tableTypeName(title: string): string {
  return pascalCase(title.replace(/\s+entity\s*$/iu, ""));
}

interface Claim { readonly name: string; readonly pos: SourcePos; readonly what: string }

/** Decides every generated name once and reports invalid, reserved and colliding ones. */
export function checkNames(specs: readonly RawSpec[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const claims = new Map<string, Claim>();
  const claim = (name: string, pos: SourcePos, what: string): void => {
    if (!IDENTIFIER.test(name)) {
      out.push(diag("invalid-name", pos, `${what} would be named '${name}', which is not an identifier; use letters or digits that start with a letter`));
      return;
    }
    if (RESERVED_NAMES.has(name)) {
      out.push(diag("reserved-name", pos, `${what} would be named '${name}', which the generated package reserves`));
      return;
    }
    const first = claims.get(name);
    if (first) {
      out.push(diag("name-collision", pos, `${what} would be named '${name}', like ${first.what} (${first.pos.file}:${first.pos.line}:${first.pos.col}); rename one of them`));
      return;
    }
    claims.set(name, { name, pos, what });
  };
  const objectTypes = new Set<string>();
  for (const spec of specs) {
    // A duplicated object type is reported by the checker; its names would only repeat that.
    if (objectTypes.has(spec.objectType.value)) continue;
    objectTypes.add(spec.objectType.value);
    const typeName = pascalCase(spec.objectType.value);
    claim(typeName, spec.objectType.pos, `entity '${spec.objectType.value}'`);
    if (IDENTIFIER.test(typeName)) claim(ingestionRequestName(typeName), spec.objectType.pos, `the OpenAPI ingestion request of entity '${spec.objectType.value}'`);
    const titles = new Set<string>([spec.title.value]);
    const distinct = spec.tables.filter((t) => !titles.has(t.title.value) && titles.add(t.title.value));
    const tables = [{ t: spec, name: typeName, what: `entity '${spec.objectType.value}'` }, ...distinct.map((t) => ({ t, name: tableTypeName(t.title.value), what: `nested table '${t.title.value}'` }))];
    for (const { t, name, what } of tables) {
      if (t !== spec) claim(name, t.title.pos, what);
      // The types emitter declares <Type>Fields beside <Type>; claimed here so a table named "X Fields" is refused
      // (only when <Type> itself was granted, so one collision is not reported twice).
      if (claims.get(name)?.what === what) claim(`${name}Fields`, t === spec ? spec.objectType.pos : t.title.pos, `the fields interface of ${what}`);
      for (const f of t.fields) {
        if (!f.enum || f.type.value !== "string") continue;
        const enumType = name + pascalCase(f.name.value);
        claim(enumType, f.name.pos, `the enum of '${f.name.value}' in ${what}`);
        claim(`${screamingCase(enumType)}_VALUES`, f.name.pos, `the enum values of '${f.name.value}' in ${what}`);
      }
    }
  }
  return out;
}
