import type { Table } from "../../model/ir.ts";
import { API_TABLES, CALLBACK, CALLBACK_RESULT, ERROR_MESS_NOTE } from "../../model/api-shapes.ts";
import { tableSchema } from "../json-schema/emit-json-schema.ts";
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

/** An API shape's schema: the same JSON Schema an entity table gets, with the shape's description. */
function shapeSchema(t: Table): Node {
  const { title, ...rest } = tableSchema(t, "#/components/schemas/");
  return { title, description: t.notes.join("\n\n"), ...rest };
}

export { ERROR_MESS_NOTE };

const CALLBACK_NODE: Node = {
  title: CALLBACK.title,
  description: CALLBACK.description,
  type: "object",
  properties: {
    [CALLBACK.data.name]: { description: CALLBACK.data.description, type: "object", additionalProperties: ref(CALLBACK.data.result.typeName) },
  },
  required: [CALLBACK.data.name],
};

/** The schemas the document defines beside the entities', by the names naming.ts reserves. */
export function apiSchemas(): [string, Node][] {
  return [
    ...API_TABLES.filter((t) => t !== CALLBACK_RESULT).map((t) => [t.typeName, shapeSchema(t)] as [string, Node]),
    [CALLBACK.typeName, CALLBACK_NODE],
    [CALLBACK_RESULT.typeName, shapeSchema(CALLBACK_RESULT)],
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
