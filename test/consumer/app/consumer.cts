// The same package from CommonJS: require() loads its CommonJS build, with its own declarations.
import pango = require("pango-cdp-schemas");
import identitySchema = require("pango-cdp-schemas/json-schema/customer-identity.schema.json");
import fx = require("pango-cdp-schemas/fixtures");

const person: pango.CustomerIdentity = fx.fixtures["customer-identity"].example;

// @ts-expect-error: an enum type takes only the documented values, exactly as written
const wrongType: pango.ObjectType = "not an object type";

console.log(JSON.stringify({
  valid: pango.validateCustomerIdentity(person).ok,
  invalid: pango.validateIngestionRequest({ objectType: wrongType, entries: [person] }).ok,
  schema: identitySchema.title,
}));
