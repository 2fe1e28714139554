// Jest in its default CommonJS mode, with no configuration: require() resolves the package's CommonJS build.
const { validateCustomerIdentity, CustomerIdentitySchema } = require("pango-cdp-schemas");
const { fixtures } = require("pango-cdp-schemas/fixtures");

test("validates the fixtures and reports key paths through Standard Schema", () => {
  expect(validateCustomerIdentity(fixtures["customer-identity"].example).ok).toBe(true);
  for (const bad of fixtures["customer-identity"].invalid) {
    expect(validateCustomerIdentity(bad.record).ok).toBe(false);
  }
  const [bad] = fixtures["customer-identity"].invalid;
  const result = CustomerIdentitySchema["~standard"].validate(bad.record);
  expect(result.issues.map((i) => i.pointer)).toEqual(bad.issues.map((i) => i.path));
});
