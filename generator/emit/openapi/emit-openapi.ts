import type { Entity, JsonValue, Model } from "../../model/ir.ts";
import { toYamlText } from "../../util/yaml-text.ts";
import { ingestionRequestName } from "../../model/naming.ts";
import { bannerLines, type OutputFile } from "../output-file.ts";
import { stableJson } from "../../util/text.ts";
import { invariant } from "../../util/assert.ts";
import { entityComponents, envelopeSchema, requestSchema, type Node } from "./entity-schemas.ts";
import { apiSchemas, ingestionSecurity, rateLimitHeader, securitySchemes } from "./api-schemas.ts";
import { paths, tags, webhooks } from "./operations.ts";

export const OPENAPI_VERSION = "3.1.0";

// Like the other emitters: the spec's display path depends on the working directory, output must not.
const specFile = (e: Entity): string => `specs/${e.objectType}.yaml`;

const LICENSE = { name: "MIT", identifier: "MIT" } as const;

/**
 * One serialisation for every YAML file: block style, no line folding, no anchors or aliases (a reader
 * must not need them), keys in insertion order.
 */
export function toYaml(value: unknown, banner: readonly string[]): string {
  return [...banner.map((l) => `# ${l}`), toYamlText(value as JsonValue)].join("\n");
}

function documentDescription(model: Model): string {
  return [
    bannerLines("specs/").join(" "),
    "The Pango CDP data ingestion API, from the Pango CDP technical documentation (Data Ingestion APIs: Customer, Data Ingestion, Authentication, Data Ingestion Callback). Entity schemas are transcribed from the documentation's field tables; where the tables leave a rule open, the answer is the one every artefact of this package implements (a required field is present, not `null` and not blank; an optional one may be `null`).",
    `**The server URL and the paths are not from the documentation**, which gives neither: \`${model.api.ingestionPath}\` and \`${model.api.authenticationPath}\` on \`${model.api.serverUrl}\` come from the hand-written \`specs/api.yaml\`. Set your organisation's.`,
    `Flow: call the authentication operation for a token; send batches of records with the data ingestion operation, with the \`${model.api.headers.token.name}\` and \`${model.api.headers.apiKey.name}\` headers; Pango reports each record's outcome to the partner's endpoint (webhook \`${model.api.callbackName}\`).`,
  ].join("\n\n");
}

const servers = (model: Model): Node[] => [{ url: model.api.serverUrl, description: model.api.serverDescription }];

function components(model: Model): Node {
  const schemas = [
    ...model.entities.flatMap(entityComponents),
    ...model.entities.map((e) => [ingestionRequestName(e.typeName), requestSchema(model, e)] as const),
    ["IngestionRequest", envelopeSchema(model)] as const,
    ...apiSchemas(model.shapes),
  ];
  // naming.ts claims every one of these names; two alike here would mean a claim is missing there.
  invariant(new Set(schemas.map(([name]) => name)).size === schemas.length, "two OpenAPI component schemas have the same name");
  return {
    schemas: Object.fromEntries(schemas),
    headers: { [model.api.rateLimits.header]: rateLimitHeader(model.api.rateLimits) },
    securitySchemes: securitySchemes(model.api.headers),
  };
}

/** The complete OpenAPI 3.1 document of the ingestion API. */
export function openApiDocument(model: Model): Node {
  return {
    openapi: OPENAPI_VERSION,
    info: { title: model.api.title, version: model.package.version, description: documentDescription(model), license: LICENSE },
    servers: servers(model),
    tags: tags(model),
    paths: paths(model),
    webhooks: webhooks(model),
    components: components(model),
    security: ingestionSecurity(model.api.headers),
  };
}

/** A document holding only one entity's schemas, to `$ref` from another OpenAPI document. */
export function fragmentDocument(model: Model, e: Entity): Node {
  return {
    openapi: OPENAPI_VERSION,
    info: {
      title: `${e.title}: schema fragment`,
      version: model.package.version,
      description: `The \`${e.objectType}\` entity's schemas, to reference from another OpenAPI 3.1 document as \`${e.objectType}.yaml#/components/schemas/${e.typeName}\`. ${bannerLines(specFile(e)).join(" ")}`,
      license: LICENSE,
    },
    servers: servers(model),
    // OpenAPI 3.1 allows a components-only document, but common tools (swagger-parser) refuse one without paths.
    paths: {},
    components: { schemas: Object.fromEntries(entityComponents(e)) },
  };
}

/** Emits openapi/openapi.yaml and .json (the whole API) and openapi/<object-type>.yaml (one entity each). */
export function emitOpenApi(model: Model): OutputFile[] {
  const doc = openApiDocument(model);
  const banner = bannerLines("specs/");
  return [
    { path: "openapi/openapi.yaml", contents: toYaml(doc, banner) },
    { path: "openapi/openapi.json", contents: stableJson(doc) },
    ...model.entities.map((e) => ({ path: `openapi/${e.objectType}.yaml`, contents: toYaml(fragmentDocument(model, e), bannerLines(specFile(e))) })),
  ];
}
