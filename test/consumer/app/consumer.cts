// The same package from CommonJS: require() loads its CommonJS build, with its own declarations.
import pango = require("pango-cdp-schemas");
import identitySchema = require("pango-cdp-schemas/json-schema/customer-identity.schema.json");
import fx = require("pango-cdp-schemas/fixtures");

const person: pango.CustomerIdentity = fx.fixtures["customer-identity"].example;

// @ts-expect-error: "Male" is not one of the enum's values (they are exact and case-sensitive)
const wrongGender: pango.CustomerIdentityGender = "Male";

console.log(JSON.stringify({
  valid: pango.validateCustomerIdentity(person).ok,
  invalid: pango.validateCustomerIdentity({ ...person, gender: wrongGender }).ok,
  schema: identitySchema.title,
}));
