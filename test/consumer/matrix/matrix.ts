// Compiled under each TypeScript `module` setting a CommonJS or ESM consumer may use, then run with Node: the main
// entry, the fixtures subpath and a per-entity subpath resolve, type-check and work.
import { OBJECT_TYPES, CustomerIdentitySchema, isObjectType, validateCustomerIdentity, type CustomerIdentity } from "pango-cdp-schemas";
import { fixtures } from "pango-cdp-schemas/fixtures";
import { validateCustomerIdentity as deepValidate } from "pango-cdp-schemas/entities/customer-identity";

const person: CustomerIdentity = fixtures["customer-identity"].example;
const [documented] = OBJECT_TYPES;
const inputs: string[] = [documented, "not an object type"];
// The package's own invalid record, so a doc change never makes it stale.
const checked = CustomerIdentitySchema["~standard"].validate(fixtures["customer-identity"].invalid[0]?.record);
// Under exactOptionalPropertyTypes an optional field still takes an explicit undefined, as the validators do.
// The record is the package's own fixture, so a doc change never makes it stale.
const optional: CustomerIdentity = { ...person, email: undefined };

console.log(JSON.stringify({
  valid: validateCustomerIdentity(person).ok,
  deep: deepValidate({}).ok,
  same: deepValidate === validateCustomerIdentity,
  guard: inputs.map((s) => isObjectType(s)),
  optional: validateCustomerIdentity(optional).ok,
  standard: checked instanceof Promise || checked.issues === undefined ? [] : checked.issues.map((i) => i.path),
}));
