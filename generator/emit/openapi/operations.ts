import type { Model, Table } from "../../model/ir.ts";
import { ref, requestExample, type Node } from "./entity-schemas.ts";
import { ingestionSecurity, rateLimitText } from "./api-schemas.ts";
import { exampleOf, shapeNotes } from "../../model/api-shapes.ts";
import { RESPONSE_SHAPES } from "../../check/check-shapes.ts";
import { InternalError } from "../../util/assert.ts";

export const TAGS = {
  ingestion: "Data Ingestion",
  authentication: "Authentication",
  callback: "Data Ingestion Callback",
} as const;

/** The document's tags, each with what the documentation page covers. */
export function tags(model: Model): Node[] {
  return [
    { name: TAGS.authentication, description: `Obtain the token that data ingestion calls send in the \`${model.api.headers.token.name}\` header.` },
    { name: TAGS.ingestion, description: "Send batches of records of one entity type to Pango CDP." },
    { name: TAGS.callback, description: "What Pango sends back to the partner once the records of an ingestion call are processed." },
  ];
}

const json = (schema: Node, examples: Node): Node => ({ "application/json": { schema, examples } });

const example = (summary: string, value: unknown, description?: string): Node =>
  description === undefined ? { summary, value } : { summary, description, value };

const rateLimited = (model: Model, description: string, body: Node): Node => ({
  description,
  headers: { [model.api.rateLimits.header]: { $ref: `#/components/headers/${model.api.rateLimits.header}` } },
  content: body,
});

/** A table shape of the model by type name. */
function shapeNamed(model: Model, typeName: string): Table {
  const t = model.shapes.tables.find((x) => x.typeName === typeName);
  if (!t) throw new InternalError(`no table shape ${typeName}`);
  return t;
}

/**
 * An operation response's body: its shape, with the examples api.yaml gives it (the shape's examples whose `for`
 * names the response), or, when none does, the record the shape's field examples make.
 */
function responseBody(model: Model, response: string): Node {
  const shape = RESPONSE_SHAPES[response];
  if (shape === undefined) throw new InternalError(`no shape for the response ${response}`);
  const named = (model.shapes.examples[shape] ?? []).filter((e) => e.for.includes(response));
  const t = shapeNamed(model, shape);
  const examples = named.length > 0
    ? Object.fromEntries(named.map((e) => [e.name, example(e.summary, e.value, e.description ?? undefined)]))
    : { example: example(t.title, exampleOf(t), "The record the shape's field examples make.") };
  return json(ref(shape), examples);
}

function ingestionResponses(model: Model): Node {
  return {
    200: rateLimited(model, "Success: the batch was accepted.", responseBody(model, "ingestion 200")),
    400: rateLimited(model, "Error: the request is invalid.", responseBody(model, "ingestion 400")),
    401: rateLimited(model, `Error: not authenticated (the \`${model.api.headers.token.name}\` and \`${model.api.headers.apiKey.name}\` headers). The documentation gives no more than the status code.`, responseBody(model, "ingestion 401")),
  };
}

function ingestionOperation(model: Model): Node {
  return {
    tags: [TAGS.ingestion],
    summary: "Ingest a batch of records",
    description: [
      `Ingests ${model.api.entries.min} to ${model.api.entries.max} records of one entity type, named by \`objectType\`. Send the \`${model.api.headers.token.name}\` (from the authentication operation) and \`${model.api.headers.apiKey.name}\` headers, and \`Content-type: application/json\`.`,
      `Rate limits, reported through the \`${model.api.rateLimits.header}\` response header (seconds to wait before retrying):\n\n${rateLimitText(model.api.rateLimits)}`,
      `The outcome of each record is reported later through the \`${model.api.callbackName}\` webhook.`,
    ].join("\n\n"),
    operationId: "ingestData",
    parameters: [{
      name: "initData", in: "query", required: false,
      description: "`true` for data \"in init stage\", as the documentation puts it.",
      schema: { type: "boolean", default: false },
    }],
    requestBody: {
      required: true,
      content: json(ref("IngestionRequest"), Object.fromEntries(model.entities.map((e) => [e.objectType, example(`A ${e.objectType} batch`, requestExample(model, e), "The entity's example record from the documentation (errata corrected, required gaps filled).")]))),
    },
    responses: ingestionResponses(model),
    security: ingestionSecurity(model.api.headers),
  };
}

function authenticationOperation(model: Model): Node {
  const illustrative = "Illustrative values; the documentation masks its own.";
  const request = shapeNamed(model, "AuthenticationRequest");
  return {
    tags: [TAGS.authentication],
    summary: "Authenticate",
    description: "Exchanges a user name, its API key and the organisation's group key for a token.",
    operationId: "authenticate",
    requestBody: {
      required: true,
      content: json(ref("AuthenticationRequest"), { credentials: example("Credentials", exampleOf(request), illustrative) }),
    },
    responses: {
      200: { description: "Authenticated.", content: responseBody(model, "authentication 200") },
      400: { description: "Error: missing credentials or organisation.", content: responseBody(model, "authentication 400") },
    },
    // The authentication call is what obtains the token, so it needs none.
    security: [],
  };
}

/**
 * The callback's examples: each example of its result shape (a failure, as the table and as the sample spell its
 * message) beside a stored record (the result's field examples), under illustrative refIds.
 */
function callbackExamples(model: Model): Node {
  const { name, result } = model.shapes.callback.data;
  const stored = exampleOf(result);
  const others = model.shapes.examples[result.typeName] ?? [];
  if (others.length === 0) return { stored: example(result.title, { [name]: { "REF-0001": stored } }, "Reference ids are illustrative.") };
  return Object.fromEntries(others.map((e) => [e.name, example(e.summary, { [name]: { "REF-0001": stored, "REF-0002": e.value } }, [e.description, "Reference ids are illustrative."].filter((x) => x !== null).join(" "))]));
}

function callbackOperation(model: Model): Node {
  return {
    tags: [TAGS.callback],
    summary: "Receive the results of an ingestion call",
    // The result shape's notes (the errorMessage / errorMess contradiction) are stated where a receiver reads first.
    description: ["Pango sends `POST` with a JSON body to an endpoint of the partner's choosing, one key per record reference id sent in the ingestion call. Status 200 means stored; other codes are failures.", ...shapeNotes(model.shapes.callback.data.result)].join("\n\n"),
    operationId: model.api.callbackName,
    parameters: [
      ...model.api.headers.callback.map((h) => ({ name: h.name, in: "header", required: false, description: h.description, schema: { type: "string" } })),
    ],
    requestBody: {
      required: true,
      content: json(ref(model.shapes.callback.typeName), callbackExamples(model)),
    },
    responses: {
      200: { description: "The partner received the results. The documentation does not describe the partner's response." },
    },
    // Pango, not the partner, is the caller; the callback's headers (api.yaml `headers.callback`) are its credentials.
    security: [],
  };
}

/** The paths object: data ingestion and authentication, at the paths specs/api.yaml sets. */
export function paths(model: Model): Node {
  return {
    [model.api.authenticationPath]: { post: authenticationOperation(model) },
    [model.api.ingestionPath]: { post: ingestionOperation(model) },
  };
}

/** The webhooks object: the callback Pango sends to the partner. */
export function webhooks(model: Model): Node {
  return { [model.api.callbackName]: { post: callbackOperation(model) } };
}
