// A consumer of the installed package, as an ES module: types, validators, fixtures, the JSON Schema and
// the OpenAPI document.
import {
  CUSTOMER_IDENTITY_GENDER_VALUES, validateCustomerIdentity, validateIngestionRequest,
  type CustomerIdentity, type ValidationIssue,
} from "pango-cdp-schemas";
import { fixtures } from "pango-cdp-schemas/fixtures";
import identitySchema from "pango-cdp-schemas/json-schema/customer-identity.schema.json" with { type: "json" };
import openapi from "pango-cdp-schemas/openapi/openapi.json" with { type: "json" };

const person: CustomerIdentity = { customerId: "C-001", email: "an@example.com", fullName: "Nguyễn Văn An", gender: "male" };

// @ts-expect-error: the doc requires a phone or an e-mail, so the type refuses a record with neither
const noContact: CustomerIdentity = { customerId: "C-002", fullName: "Trần Thị Bình" };

const checked = validateCustomerIdentity({ ...noContact, gender: "Male" });
const issues: ValidationIssue[] = checked.ok ? [] : checked.issues;

console.log(JSON.stringify({
  genders: CUSTOMER_IDENTITY_GENDER_VALUES,
  valid: validateCustomerIdentity(person).ok,
  issues: issues.map((i) => `${i.path} ${i.code}`),
  request: validateIngestionRequest({ objectType: "customer-identity", source: "crm", entries: [person] }).ok,
  fixture: validateCustomerIdentity(fixtures["customer-identity"].example).ok,
  schema: identitySchema.title,
  openapi: openapi.openapi,
}));
