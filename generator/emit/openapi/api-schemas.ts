import type { ApiShapes, Table } from "../../model/ir.ts";
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

/** An API shape's schema: the same JSON Schema an entity table gets, with the shape's description and notes. */
function shapeSchema(t: Table): Node {
  const { title, ...rest } = tableSchema(t, "#/components/schemas/");
  return { title, description: t.notes.join(" "), ...rest };
}

/** The callback's schema: `data` maps each refId to a result. */
function callbackNode(shapes: ApiShapes): Node {
  const c = shapes.callback;
  return {
    title: c.title,
    description: c.description,
    type: "object",
    properties: { [c.data.name]: { description: c.data.description, type: "object", additionalProperties: ref(c.data.result.typeName) } },
    required: [c.data.name],
  };
}

/** The schemas the document defines beside the entities' (api.yaml's shapes), by the names naming.ts reserves. */
export function apiSchemas(shapes: ApiShapes): [string, Node][] {
  const result = shapes.callback.data.result;
  return [
    ...shapes.tables.filter((t) => t !== result).map((t) => [t.typeName, shapeSchema(t)] as [string, Node]),
    [shapes.callback.typeName, callbackNode(shapes)],
    [result.typeName, shapeSchema(result)],
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
