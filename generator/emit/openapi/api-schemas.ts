import { NON_BLANK } from "../json-schema/emit-json-schema.ts";
import { ref, type Node } from "./entity-schemas.ts";

// Facts from ingestion-api-facts.md (the Data Ingestion, Authentication and Callback pages).
// Where the documentation gives no value, an example says it is illustrative.

export const RATE_LIMIT_HEADER = "X-Rate-Limit-Retry-After-Seconds";

export const RATE_LIMITS = [
  ["50", "1 second"], ["1,000", "1 minute"], ["5,000", "5 minutes"], ["50,000", "1 hour"], ["400,000", "24 hours"],
] as const;

/** A Markdown list of the documented rate limits. */
export function rateLimitText(): string {
  return RATE_LIMITS.map(([n, per]) => `- ${n} requests per ${per}`).join("\n");
}

const nonBlank = (description: string, example: string): Node => ({ description, type: "string", pattern: NON_BLANK, examples: [example] });

const ERROR_RESPONSE: Node = {
  title: "Error response",
  description: "The body of a 400 or 401 response. The documentation shows `success`, `errorCode` and `message`, and a `requestId` on some 400 responses; it lists no error codes beyond `MISSING_INFO`.",
  type: "object",
  properties: {
    success: { description: "`false` for an error.", type: "boolean", examples: [false] },
    errorCode: { description: "A machine-readable code, e.g. `MISSING_INFO`.", type: "string", examples: ["MISSING_INFO"] },
    message: { description: "What was wrong, e.g. \"Invalid value of: objectType\".", type: "string", examples: ["Invalid value of: objectType"] },
    requestId: { description: "The id of the request, on some 400 responses (\"Entity is empty\").", type: "string" },
  },
  required: ["success"],
};

const INGESTION_SUCCESS: Node = {
  title: "Data ingestion success response",
  description: "The body of a 200 response. The documentation gives the status code only; `success` is the flag every documented response body carries.",
  type: "object",
  properties: { success: { description: "`true` when the batch was accepted.", type: "boolean", examples: [true] } },
  required: ["success"],
};

const AUTHENTICATION_REQUEST: Node = {
  title: "Authentication request",
  type: "object",
  properties: {
    username: nonBlank("User name in Pango CDP.", "partner.integration"),
    apiKey: nonBlank("The API key that belongs to the username.", "ak_live_0123456789"),
    cdpGKey: nonBlank("The organisation's group key (32 hexadecimal characters in the documentation's examples).", "0123456789abcdef0123456789abcdef"),
  },
  required: ["username", "apiKey", "cdpGKey"],
};

const AUTHENTICATION_RESPONSE: Node = {
  title: "Authentication response",
  type: "object",
  properties: {
    success: { description: "`true` when authenticated.", type: "boolean", examples: [true] },
    status: { description: "`authenticated` on success.", type: "string", examples: ["authenticated"] },
    token: { description: "The token to send in the `TOKEN` header of data ingestion calls.", type: "string" },
    issuedAt: { description: "When the token was issued, in milliseconds since 1970-01-01 UTC.", type: "integer", examples: [1700000000000] },
    expiredAt: { description: "When the token expires, in milliseconds since 1970-01-01 UTC.", type: "integer", examples: [1700001800000] },
    expiredAfter: { description: "Seconds until the token expires.", type: "integer", examples: [1800] },
  },
  required: ["success", "status", "token", "issuedAt", "expiredAt", "expiredAfter"],
};

/** The callback contradiction, stated once and used in the schema and the webhook. */
export const ERROR_MESS_NOTE = "The documentation contradicts itself: its table names the error field `errorMessage`, while its sample spells it `errorMess`. Both are described here; a receiver should read either.";

const CALLBACK_RESULT: Node = {
  title: "Data ingestion callback result",
  description: `The outcome of one record. ${ERROR_MESS_NOTE}`,
  type: "object",
  properties: {
    status: { description: "200 when the record was stored; any other code is a failure (e.g. 101 with a \"Missing ...\" message).", type: "integer", examples: [200, 101] },
    cdpId: { description: "The record's id in Pango CDP, on success.", type: "string" },
    errorMessage: { description: "What went wrong, on failure (the table's spelling).", type: "string" },
    errorMess: { description: "What went wrong, on failure (the sample's spelling of `errorMessage`).", type: "string" },
  },
  required: ["status"],
};

const CALLBACK: Node = {
  title: "Data ingestion callback",
  description: "Sent by Pango to the partner's endpoint after an ingestion call.",
  type: "object",
  properties: {
    data: {
      description: "One key per record reference id (refId) sent in the ingestion call.",
      type: "object",
      additionalProperties: ref("IngestionCallbackResult"),
    },
  },
  required: ["data"],
};

/** The schemas the document defines beside the entities', by the names naming.ts reserves. */
export function apiSchemas(): [string, Node][] {
  return [
    ["IngestionSuccessResponse", INGESTION_SUCCESS],
    ["ErrorResponse", ERROR_RESPONSE],
    ["AuthenticationRequest", AUTHENTICATION_REQUEST],
    ["AuthenticationResponse", AUTHENTICATION_RESPONSE],
    ["IngestionCallback", CALLBACK],
    ["IngestionCallbackResult", CALLBACK_RESULT],
  ];
}

/** Security schemes: both headers are required on every data ingestion call. */
export function securitySchemes(): Node {
  return {
    TOKEN: { type: "apiKey", in: "header", name: "TOKEN", description: "The token returned by the authentication operation." },
    API_KEY: { type: "apiKey", in: "header", name: "API_KEY", description: "The API key that belongs to the username." },
  };
}

/** The rate-limit header, shared by every data ingestion response. */
export function rateLimitHeader(): Node {
  return {
    description: `Seconds to wait before retrying, sent when a rate limit is reached. The documented limits are:\n\n${rateLimitText()}\n\nThe documentation does not say which status code a rate-limited response has.`,
    schema: { type: "integer", minimum: 0 },
    example: 1,
  };
}
