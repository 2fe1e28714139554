import { EMAIL, NOT_URI_FRAGMENT, URI } from "../../model/formats.ts";
import type { Entity, Model, Table } from "../../model/ir.ts";
import { jsBanner, type OutputFile } from "../output-file.ts";
import { render } from "../templates.ts";
import { _, Code, join, name, COMMA, NL } from "./code.ts";
import { collectorName, testerName } from "./field-checks.ts";
import { tableCode } from "./table-code.ts";
import { envelopeCode } from "./envelope-code.ts";
import { entityStandardCode, requestStandardCode, schemaName } from "./standard-code.ts";
import { apiExports, apiStandardCode, apiValidatorCode } from "./api-code.ts";

/** The helpers of runtime.ts a generated file may call; each file imports those its code uses. */
const RUNTIME_HELPERS = ["ownFields", "nonBlank", "present", "emailFormat", "uriFormat", "dateFormat", "upperLetters", "enumIssue", "unknownField", "unreadable", "add", "collected", "missedKeys", "fieldsByName", "pointerToken", "typeIssue", "requiredIssue", "rangeIssue", "formatIssue"];

function runtimeImports(body: Code): Code[] {
  const used = RUNTIME_HELPERS.filter((h) => new RegExp(`\\b${h}[(<]`, "u").test(body.text));
  return [
    _`import type { ${new Code(/\bJsonValue\b/u.test(body.text) ? "JsonValue, " : "")}ValidateOptions, ValidationIssue, ValidationResult } from "../runtime.js";`,
    _`import { ${join(used.map(name), COMMA)} } from "../runtime.js";`,
  ];
}

/** Text made safe for a `//` comment: a line terminator would end the comment. */
function oneLine(text: string): Code {
  return new Code(text.replace(/[\r\n\u2028\u2029]+/gu, " "));
}

function file(path: string, source: string, summary: string, imports: Code[], body: Code): OutputFile {
  return { path, contents: render("validator.ts.hbs", { banner: new Code(jsBanner(source)), summary: oneLine(summary), imports, body }) };
}

function entityFile(e: Entity): OutputFile {
  const tables: readonly Table[] = [e, ...e.tables];
  const byType = new Map(e.tables.map((t) => [t.typeName, t]));
  const body = join(tables.map((t) => tableCode(t, byType)), new Code("\n\n"));
  const from = `../types/${e.objectType}.js`;
  const types = _`import type { ${join(tables.map((t) => name(t.typeName)), COMMA)} } from ${from};`;
  const consts = tables.flatMap((t) => t.fields.flatMap((f) => (f.enumConstName ? [name(f.enumConstName)] : [])));
  const imports = consts.length > 0 ? [types, _`import { ${join(consts, COMMA)} } from ${from};`] : [types];
  return file(`validators/${e.objectType}.ts`, `specs/${e.objectType}.yaml`, `Runtime validators of ${e.title} (object type ${e.objectType}).`, [...imports, ...runtimeImports(body)], body);
}

function envelopeFile(model: Model): OutputFile {
  const body = envelopeCode(model);
  const imports = model.entities.flatMap((e) => [
    _`import type { ${name(e.typeName)} } from ${`../types/${e.objectType}.js`};`,
    _`import { ${join([name(e.validateName), collectorName(e), testerName(e)], COMMA)} } from ${`./${e.objectType}.js`};`,
  ]);
  return file("validators/ingestion-request.ts", "specs/", "The ingestion request envelope (SEMANTICS.md, last section) and the validators of every entity by object type.", [...imports, ...runtimeImports(body)], body);
}

function standardFiles(model: Model): OutputFile[] {
  const summary = "Standard Schema V1 objects of every table: the validators, their key-path issues and their JSON Schema.";
  return [
    ...model.entities.map((e) => {
      const { imports, body } = entityStandardCode(model, e);
      return file(`standard/${e.objectType}.ts`, `specs/${e.objectType}.yaml`, summary, imports, body);
    }),
    (() => {
      const { imports, body } = requestStandardCode(model);
      return file("standard/ingestion-request.ts", "specs/", summary, imports, body);
    })(),
    (() => {
      const { imports, body } = apiStandardCode(model);
      return file("standard/api.ts", model.shapes.file, summary, imports, body);
    })(),
  ];
}

/** validators/api.ts: the authentication request and response, the error and success responses, the callback. */
function apiFile(model: Model): OutputFile {
  const { imports, body } = apiValidatorCode(model);
  return file("validators/api.ts", model.shapes.file, "Runtime validators of the API's other shapes: authentication, responses and the ingestion callback.", [...imports, ...runtimeImports(body)], body);
}

/** validators/index.ts: the public surface (the internal collectors and runtime helpers stay private). */
function indexFile(model: Model): OutputFile {
  const lines = model.entities.map((e) => {
    const names = [e, ...e.tables].flatMap((t) => [name(t.validateName), name(t.isName)]);
    const schemas = [e, ...e.tables].map((t) => name(schemaName(t.typeName)));
    return _`export { ${join(names, COMMA)} } from ${`./${e.objectType}.js`};\nexport { ${join(schemas, COMMA)} } from ${`../standard/${e.objectType}.js`};`;
  });
  lines.push(
    _`export { OBJECT_TYPES, isObjectType, validators, validateIngestionRequest, isIngestionRequest } from "./ingestion-request.js";`,
    _`export type { ObjectType, IngestionRequest } from "./ingestion-request.js";`,
    _`export { IngestionRequestSchema } from "../standard/ingestion-request.js";`,
    _`export { ${join(apiExports(model).validators, COMMA)} } from "./api.js";`,
    _`export { ${join(apiExports(model).schemas, COMMA)} } from "../standard/api.js";`,
    _`export { DEFAULT_MAX_ISSUES } from "../runtime.js";`,
    _`export { pathKeys } from "../runtime.js";`,
    _`export type { JsonValue, ExpectedType, IssueCode, IssueDetails, StandardIssue, StandardValidator, ValidateOptions, ValidationIssue, ValidationResult } from "../runtime.js";`,
    _`export type { StandardJSONSchemaV1, StandardSchemaV1, StandardTypedV1 } from "../standard-schema.js";`,
  );
  return { path: "validators/index.ts", contents: render("validator.ts.hbs", { banner: new Code(jsBanner("specs/")), summary: oneLine("The validators' public surface: every entity's validate/is pair, the request envelope, the result types."), imports: [], body: join(lines, NL) }) };
}

/** Emits runtime.ts, standard-schema.ts, validators/<object-type>.ts for every entity, validators/ingestion-request.ts, standard/*.ts and validators/index.ts. */
export function emitValidators(model: Model): OutputFile[] {
  return [
    { path: "runtime.ts", contents: render("runtime.ts.hbs", {
      banner: new Code(jsBanner("pango-codegen's validator emitter")),
      // RegExp#toString is the literal; the expressions are the generator's own constants, never spec text.
      email: new Code(String(EMAIL)), uri: new Code(String(URI)), notUriFragment: new Code(String(NOT_URI_FRAGMENT)),
      vendor: model.package.name,
    }) },
    { path: "standard-schema.ts", contents: render("standard-schema.ts.hbs", { banner: new Code(jsBanner("@standard-schema/spec 1.1.0")) }) },
    ...model.entities.map(entityFile),
    envelopeFile(model),
    apiFile(model),
    ...standardFiles(model),
    indexFile(model),
  ];
}
