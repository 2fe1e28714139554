import type { Model } from "../../model/ir.ts";
import { ref, requestExample, type Node } from "./entity-schemas.ts";
import { RATE_LIMIT_HEADER, rateLimitText } from "./api-schemas.ts";
import { exampleOf, shapeNotes } from "../../model/api-shapes.ts";

export const TAGS = {
  ingestion: "Data Ingestion",
  authentication: "Authentication",
  callback: "Data Ingestion Callback",
} as const;

/** The document's tags, each with what the documentation page covers. */
export function tags(): Node[] {
  return [
    { name: TAGS.authentication, description: "Obtain the token that data ingestion calls send in the `TOKEN` header." },
    { name: TAGS.ingestion, description: "Send batches of records of one entity type to Pango CDP." },
    { name: TAGS.callback, description: "What Pango sends back to the partner once the records of an ingestion call are processed." },
  ];
}

const json = (schema: Node, examples: Node): Node => ({ "application/json": { schema, examples } });

const example = (summary: string, value: unknown, description?: string): Node =>
  description === undefined ? { summary, value } : { summary, description, value };

const rateLimited = (description: string, body: Node): Node => ({
  description,
  headers: { [RATE_LIMIT_HEADER]: { $ref: `#/components/headers/${RATE_LIMIT_HEADER}` } },
  content: body,
});

function ingestionResponses(): Node {
  return {
    200: rateLimited("Success: the batch was accepted.", json(ref("IngestionSuccessResponse"), { accepted: example("Accepted", { success: true }, "Illustrative: the documentation gives the status code only.") })),
    400: rateLimited("Error: the request is invalid.", json(ref("ErrorResponse"), {
      invalidObjectType: example("Invalid object type", { success: false, errorCode: "MISSING_INFO", message: "Invalid value of: objectType" }),
      entityIsEmpty: example("No entries", { success: false, message: "Entity is empty", requestId: "9f1c2d3e-0000-4000-8000-000000000001" }, "The documentation quotes the message and says the body carries a `requestId`; the id here is illustrative."),
    })),
    401: rateLimited("Error: not authenticated (the `TOKEN` and `API_KEY` headers). The documentation gives no more than the status code.", json(ref("ErrorResponse"), {
      unauthorized: example("Not authenticated", { success: false }, "Illustrative: the documentation gives the status code only."),
    })),
  };
}

function ingestionOperation(model: Model): Node {
  return {
    tags: [TAGS.ingestion],
    summary: "Ingest a batch of records",
    description: [
      `Ingests ${model.api.entries.min} to ${model.api.entries.max} records of one entity type, named by \`objectType\`. Send the \`TOKEN\` (from the authentication operation) and \`API_KEY\` headers, and \`Content-type: application/json\`.`,
      `Rate limits, reported through the \`${RATE_LIMIT_HEADER}\` response header (seconds to wait before retrying):\n\n${rateLimitText()}`,
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
      content: json(ref("IngestionRequest"), Object.fromEntries(model.entities.map((e) => [e.objectType, example(`A ${e.objectType} batch`, requestExample(e), "The entity's example record from the documentation (errata corrected, required gaps filled).")]))),
    },
    responses: ingestionResponses(),
    security: [{ TOKEN: [], API_KEY: [] }],
  };
}

function authenticationOperation(model: Model): Node {
  const illustrative = "Illustrative values; the documentation masks its own.";
  const request = model.shapes.tables.find((t) => t.typeName === "AuthenticationRequest")!;
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
      200: { description: "Authenticated.", content: json(ref("AuthenticationResponse"), { authenticated: example("Authenticated", { success: true, status: "authenticated", token: "eyJhbGciOiJIUzI1NiJ9.example", issuedAt: 1700000000000, expiredAt: 1700001800000, expiredAfter: 1800 }, illustrative) }) },
      400: { description: "Error: missing credentials or organisation.", content: json(ref("ErrorResponse"), {
        missingCredentials: example("Missing credentials", { success: false, errorCode: "MISSING_INFO", message: "Username and ApiKey are required" }),
        noOrganization: example("Unknown organisation", { success: false, errorCode: "MISSING_INFO", message: "Organization Context is not set" }),
      }) },
    },
    // The authentication call is what obtains the token, so it needs none.
    security: [],
  };
}

function callbackOperation(model: Model): Node {
  return {
    tags: [TAGS.callback],
    summary: "Receive the results of an ingestion call",
    // The result shape's notes (the errorMessage / errorMess contradiction) are stated where a receiver reads first.
    description: ["Pango sends `POST` with a JSON body to an endpoint of the partner's choosing, one key per record reference id sent in the ingestion call. Status 200 means stored; other codes are failures.", ...shapeNotes(model.shapes.callback.data.result)].join("\n\n"),
    operationId: model.api.callbackName,
    parameters: [
      { name: "ApiKey", in: "header", required: false, description: "The API key the partner sent.", schema: { type: "string" } },
      { name: "Checksum", in: "header", required: false, description: "Required when `ApiKey` is present: computed from the sorted list of refIds and the key.", schema: { type: "string" } },
    ],
    requestBody: {
      required: true,
      content: json(ref("IngestionCallback"), {
        asTheTableNamesIt: example("Results, as the table names them", { data: { "REF-0001": { status: 200, cdpId: "6554a1f0c2e8" }, "REF-0002": { status: 101, errorMessage: "Missing customerId" } } }, "Reference ids and values are illustrative."),
        asTheSampleSpellsIt: example("A failure, as the sample spells it", { data: { "REF-0003": { status: 101, errorMess: "Missing customerId" } } }, "The documentation's sample spells the error field `errorMess`."),
      }),
    },
    responses: {
      200: { description: "The partner received the results. The documentation does not describe the partner's response." },
    },
    // Pango, not the partner, is the caller; the `ApiKey` and `Checksum` headers are its credentials.
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
