import type { ApiHeaders, ApiShapes, RateLimits, Table } from "../../model/ir.ts";
import { tableSchema } from "../json-schema/emit-json-schema.ts";
import { ref, type Node } from "./entity-schemas.ts";

// The rate limits and their header are api.yaml's `rateLimits` (model.api.rateLimits), from the Data Ingestion page.

/** A count with thousands separators, as the documentation writes it ("1,000"); the same on every machine and locale. */
function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/gu, ",");
}

/** A Markdown list of the documented rate limits. */
export function rateLimitText(limits: RateLimits): string {
  return limits.limits.map(({ requests, per }) => `- ${grouped(requests)} requests per ${per}`).join("\n");
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

/** Security schemes: both credential headers (api.yaml `headers`) are required on every data ingestion call. */
export function securitySchemes(headers: ApiHeaders): Node {
  return Object.fromEntries([headers.token, headers.apiKey].map((h) => [h.name, { type: "apiKey", in: "header", name: h.name, description: h.description }]));
}

/** The security requirement of a data ingestion call: both credential headers. */
export function ingestionSecurity(headers: ApiHeaders): Node[] {
  return [{ [headers.token.name]: [], [headers.apiKey.name]: [] }];
}

/** The rate-limit header, shared by every data ingestion response. */
export function rateLimitHeader(limits: RateLimits): Node {
  return {
    description: `Seconds to wait before retrying, sent when a rate limit is reached. The documented limits are:\n\n${rateLimitText(limits)}\n\nThe documentation does not say which status code a rate-limited response has.`,
    schema: { type: "integer", minimum: 0 },
    example: 1,
  };
}
