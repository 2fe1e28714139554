// The API's shapes beside the entities (authentication request and response, error response, ingestion success
// response, callback result), as IR tables: the one source the OpenAPI document, the types and the validators all
// read. Facts from pages/ingestion-api-facts.md; where the documentation gives no value, an example is illustrative.
import type { Field, FieldType, JsonValue, Table } from "./ir.ts";
import { impliedRange } from "./values.ts";

const POS = { file: "generator/model/api-shapes.ts", line: 1, col: 1 };

/** One documented field; `required` as SEMANTICS.md reads it (present, not null, not blank). */
function field(name: string, type: FieldType, required: boolean, description: string, example?: JsonValue): Field {
  const range = type === "string" || type === "boolean" ? null : impliedRange(type);
  const text = example === undefined ? null : String(example);
  return {
    kind: "field", pos: POS, name, docType: type, type, tableless: false, tableOpen: false, required, requiredBy: null, docRequired: required,
    description, example: text, exampleValue: example, doc: { description, example: text, docType: type }, default: null, defaultValue: undefined,
    enum: null, format: null, minimum: range?.min ?? null, maximum: range?.max ?? null, table: null, enumTypeName: null, enumConstName: null,
  };
}

/** An API shape: `open` ones (what Pango sends) accept keys the documentation does not list, as a JSON Schema object does by default. */
function shape(typeName: string, title: string, description: string, open: boolean, fields: Field[]): Table {
  return {
    kind: "table", pos: POS, title, typeName, validateName: `validate${typeName}`, isName: `is${typeName}`,
    customFields: false, incomplete: null, acceptsUnknownKeys: open, notes: [description], fields, rules: [], errata: [],
  };
}

/** The callback contradiction, stated once and used in the schema, the webhook and the validators' docs. */
export const ERROR_MESS_NOTE = "The documentation contradicts itself: its table names the error field `errorMessage`, while its sample spells it `errorMess`. Both are described here; a receiver should read either.";

export const INGESTION_SUCCESS = shape("IngestionSuccessResponse", "Data ingestion success response",
  "The body of a 200 response. The documentation gives the status code only; `success` is the flag every documented response body carries.", true, [
    field("success", "boolean", true, "`true` when the batch was accepted.", true),
  ]);

export const ERROR_RESPONSE = shape("ErrorResponse", "Error response",
  "The body of a 400 or 401 response. The documentation shows `success`, `errorCode` and `message`, and a `requestId` on some 400 responses; it lists no error codes beyond `MISSING_INFO`.", true, [
    field("success", "boolean", true, "`false` for an error.", false),
    field("errorCode", "string", false, "A machine-readable code, e.g. `MISSING_INFO`.", "MISSING_INFO"),
    field("message", "string", false, "What was wrong, e.g. \"Invalid value of: objectType\".", "Invalid value of: objectType"),
    field("requestId", "string", false, "The id of the request, on some 400 responses (\"Entity is empty\")."),
  ]);

export const AUTHENTICATION_REQUEST = shape("AuthenticationRequest", "Authentication request", "The body of the authentication call.", false, [
  field("username", "string", true, "User name in Pango CDP.", "partner.integration"),
  field("apiKey", "string", true, "The API key that belongs to the username.", "ak_live_0123456789"),
  field("cdpGKey", "string", true, "The organisation's group key (32 hexadecimal characters in the documentation's examples).", "0123456789abcdef0123456789abcdef"),
]);

export const AUTHENTICATION_RESPONSE = shape("AuthenticationResponse", "Authentication response", "The body of a successful authentication call.", true, [
  field("success", "boolean", true, "`true` when authenticated.", true),
  field("status", "string", true, "`authenticated` on success.", "authenticated"),
  field("token", "string", true, "The token to send in the `TOKEN` header of data ingestion calls.", "eyJhbGciOiJIUzI1NiJ9.illustrative"),
  field("issuedAt", "timestamp", true, "When the token was issued, in milliseconds since 1970-01-01 UTC.", 1700000000000),
  field("expiredAt", "timestamp", true, "When the token expires, in milliseconds since 1970-01-01 UTC.", 1700001800000),
  field("expiredAfter", "integer", true, "Seconds until the token expires.", 1800),
]);

export const CALLBACK_RESULT = shape("IngestionCallbackResult", "Data ingestion callback result", `The outcome of one record. ${ERROR_MESS_NOTE}`, true, [
  field("status", "integer", true, "200 when the record was stored; any other code is a failure (e.g. 101 with a \"Missing ...\" message).", 200),
  field("cdpId", "string", false, "The record's id in Pango CDP, on success.", "6412f0c2a1b2c3d4e5f60718"),
  field("errorMessage", "string", false, "What went wrong, on failure (the table's spelling)."),
  field("errorMess", "string", false, "What went wrong, on failure (the sample's spelling of `errorMessage`)."),
]);

/** The callback body: one result per record reference id (a map, not a table: its keys are the sender's refIds). */
export const CALLBACK = {
  typeName: "IngestionCallback", title: "Data ingestion callback", validateName: "validateIngestionCallback", isName: "isIngestionCallback",
  description: "Sent by Pango to the partner's endpoint after an ingestion call.",
  data: { name: "data", description: "One key per record reference id (refId) sent in the ingestion call.", result: CALLBACK_RESULT },
} as const;

/** Every table-shaped API shape, in the order the package emits them. */
export const API_TABLES: readonly Table[] = [INGESTION_SUCCESS, ERROR_RESPONSE, AUTHENTICATION_REQUEST, AUTHENTICATION_RESPONSE, CALLBACK_RESULT];

/** A shape's example: every field that has an example, with its example value. */
function exampleOf(t: Table): Record<string, JsonValue> {
  return Object.fromEntries(t.fields.filter((f) => f.exampleValue !== undefined).map((f) => [f.name, f.exampleValue!]));
}

/** Fixtures of the API shapes: valid examples, and invalid ones (each required field removed) with the issue expected. */
export function apiFixtures(): Record<string, { valid: JsonValue[]; invalid: { label: string; value: JsonValue; issues: { path: string; code: string }[] }[] }> {
  const out: ReturnType<typeof apiFixtures> = {};
  for (const t of API_TABLES) {
    const example = exampleOf(t);
    out[t.typeName] = {
      valid: [example],
      invalid: t.fields.filter((f) => f.required).map((f) => {
        const { [f.name]: _dropped, ...rest } = example;
        return { label: `${f.name} missing`, value: rest, issues: [{ path: `/${f.name}`, code: "required" }] };
      }),
    };
  }
  const stored = exampleOf(CALLBACK_RESULT);
  // The callback as the documentation's table spells it, and as its sample does (errorMess): both are valid.
  const failedTable = { status: 101, errorMessage: "Missing customerId" };
  const failedSample = { status: 101, errorMess: "Missing customerId" };
  out[CALLBACK.typeName] = {
    valid: [{ data: { "ref-1": stored, "ref-2": failedTable } }, { data: { "ref-1": stored, "ref-2": failedSample } }],
    invalid: [
      { label: "data missing", value: {}, issues: [{ path: "/data", code: "required" }] },
      { label: "a result without status", value: { data: { "ref/1": { errorMessage: "x" } } }, issues: [{ path: "/data/ref~11/status", code: "required" }] },
    ],
  };
  return out;
}
