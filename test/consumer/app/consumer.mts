// A consumer of the installed package, as an ES module: types, validators, fixtures, the JSON Schema and
// the OpenAPI document. The records are the package's own fixtures: valid ones, and invalid ones with the
// issues a validator reports for each.
import {
  OBJECT_TYPES, validateCustomerIdentity, validateIngestionRequest,
  type CustomerIdentity, type ValidationIssue,
} from "pango-cdp-schemas";
import { fixtures, ingestionRequestFixtures } from "pango-cdp-schemas/fixtures";
import identitySchema from "pango-cdp-schemas/json-schema/customer-identity.schema.json" with { type: "json" };
import openapi from "pango-cdp-schemas/openapi/openapi.json" with { type: "json" };

const { example, invalid } = fixtures["customer-identity"];
const person: CustomerIdentity = example;
// A request's other fields (source, …) as the package's own request fixtures give them.
const { entries: _entries, ...envelope } = ingestionRequestFixtures.valid.find((r) => r.objectType === "customer-identity" && !r.ignoredUpdateCfs)!;

// @ts-expect-error: entity types are closed, so a misspelt field name does not compile
export const typo: CustomerIdentity = { ...person, emial: "an@example.com" };

const issuesOf = (record: unknown): ValidationIssue[] => {
  const checked = validateCustomerIdentity(record);
  return checked.ok ? [] : checked.issues;
};

console.log(JSON.stringify({
  objectTypes: OBJECT_TYPES,
  valid: validateCustomerIdentity(person).ok,
  issues: invalid.map((f) => issuesOf(f.record).map((i) => `${i.path} ${i.code}`)),
  request: validateIngestionRequest({ ...envelope, objectType: "customer-identity", entries: [person] }).ok,
  schema: identitySchema.title,
  openapi: openapi.openapi,
}));
