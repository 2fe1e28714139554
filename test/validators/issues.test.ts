import { describe, expect, it } from "vitest";
import {
  OBJECT_TYPES, isCustomerIdentity, isCustomerIdentityAddress, isIngestionRequest, validateCustomerIdentity, validateCustomerIdentityAddress,
  validateCustomerIdentityEmail, validateCustomerIdentityPhoto, validateCustomerMembership, validateIngestionRequest, validators,
} from "../../generated/validators/index.ts";
import { fixtures } from "../../generated/fixtures/index.ts";

// Table tests of the generated validators: each code, paths (JSON Pointer escaping), messages and suggestions.

type Issue = { path: string; code: string; message: string };
type Result = { ok: true; value: unknown } | { ok: false; issues: Issue[] };
const pairs = (r: Result): string[] => (r.ok ? [] : r.issues.map((i) => `${i.path} ${i.code}`));
const messages = (r: Result): string[] => (r.ok ? [] : r.issues.map((i) => i.message));

const identity = { customerId: "C120901341", phone: "0359685600", fullName: "Nguyễn Minh Đệ" };
const address = { customerId: "00000000001", addressType: "Hometown", city: "Ho Chi Minh", district: "Tan Phu", address: "278 Hoa Binh" };
const email = { customerId: "00000000001", email: "email@gmail.com", emailType: "Business" };
const photo = { customerId: "00000000001", source: "Facebook", imageUrl: "https://domain.com/photo/pic1.png" };
const membership = { customerId: "C110000001", membershipId: "0359677xxx", membershipIssuedAt: 1584507164000 };
const request = (objectType: string, entries: unknown[], extra: object = {}) => ({ objectType, source: "CRM", entries, ...extra });

describe("each issue code, at its path", () => {
  it.each<[string, { given: unknown; validate: (x: unknown) => Result; want: string[] }]>([
    ["type: a string field given a number", { given: { ...identity, systemName: 5 }, validate: validateCustomerIdentity, want: ["/systemName type"] }],
    ["type: an integer given 1.5, NaN, Infinity or a numeric string", { given: { ...identity, yob: 1.5, timezoneGmt: NaN, dob: Infinity, createdAt: "5000" }, validate: validateCustomerIdentity, want: ["/timezoneGmt type", "/dob type", "/yob type", "/createdAt type"] }],
    ["type: a boolean given 1", { given: { ...email, primary: 1 }, validate: validateCustomerIdentityEmail, want: ["/primary type"] }],
    ["type: a list with a non-string item, at the item's path", { given: { ...identity, nickNames: ["dee", 5, null] }, validate: validateCustomerIdentity, want: ["/nickNames/1 type", "/nickNames/2 type"] }],
    ["type: the payload itself not an object", { given: [identity], validate: validateCustomerIdentity, want: [" type"] }],
    ["required: missing, null and blank", { given: { customerId: " \t", addressType: null, city: "\u3000", district: "x", address: "y" }, validate: validateCustomerIdentityAddress, want: ["/customerId required", "/addressType required", "/city required"] }],
    ["required: a field present but undefined counts as missing", { given: { ...photo, imageUrl: undefined }, validate: validateCustomerIdentityPhoto, want: ["/imageUrl required"] }],
    ["required_any: neither phone nor email; neither fullName nor first and last name", { given: { customerId: "C1", phone: " ", firstName: "Minh" }, validate: validateCustomerIdentity, want: [" required_any", " required_any"] }],
    ["required_any: a null or wrongly typed field does not satisfy a rule", { given: { customerId: "C1", phone: null, email: 5, fullName: "A" }, validate: validateCustomerIdentity, want: ["/email type", " required_any"] }],
    ["enum: exact and case-sensitive", { given: { ...identity, gender: "Male", maritalStatus: "single" }, validate: validateCustomerIdentity, want: ["/gender enum", "/maritalStatus enum"] }],
    ["format: e-mail, calendar date", { given: { ...identity, email: "user@gmail", dob2: "2001-02-29" }, validate: validateCustomerIdentity, want: ["/email format", "/dob2 format"] }],
    ["format: country codes are upper-case letters", { given: { ...address, countryAlphaCode2: "vn", countryAlphaCode3: "VN" }, validate: validateCustomerIdentityAddress, want: ["/countryAlphaCode2 format", "/countryAlphaCode3 format"] }],
    ["format: a URI must be absolute", { given: { ...photo, imageUrl: "photo/pic1.png" }, validate: validateCustomerIdentityPhoto, want: ["/imageUrl format"] }],
    ["range: timezoneGmt, int32, Long and Timestamp bounds", { given: { ...identity, timezoneGmt: 15, yob: 2 ** 31, dob: 8.64e15 + 1 }, validate: validateCustomerIdentity, want: ["/timezoneGmt range", "/dob range", "/yob range"] }],
    ["range: a Long past 2^53 - 1", { given: { ...membership, earnPoint: 2 ** 53 }, validate: validateCustomerMembership, want: ["/earnPoint range"] }],
    ["unknown_field: on a closed entity, with RFC 6901 escaping", { given: { ...email, "a/b~c": 1, emailTyp: "x" }, validate: validateCustomerIdentityEmail, want: ["/a~1b~0c unknown_field", "/emailTyp unknown_field"] }],
  ])("%s", (_name, { given, validate, want }) => {
    expect(pairs(validate(given))).toEqual(want);
  });

  it.each<[string, { given: unknown; want: string[] }]>([
    ["too_few: no entries", { given: request("customer-identity", []), want: ["/entries too_few"] }],
    ["too_many: 51 entries, each still checked", { given: request("customer-identity", [...Array(50).fill(identity), { customerId: "C2" }]), want: ["/entries too_many", "/entries/50 required_any", "/entries/50 required_any"] }],
    ["not_allowed: ignoredUpdateCfs on an untagged entity", { given: request("customer-identity-email", [email], { ignoredUpdateCfs: ["customField01"] }), want: ["/ignoredUpdateCfs not_allowed"] }],
    ["ignoredUpdateCfs allowed on a tagged entity, its items checked", { given: request("customer-identity", [identity], { ignoredUpdateCfs: ["customField01", 3] }), want: ["/ignoredUpdateCfs/1 type"] }],
    ["entry problems at /entries/<i>/<field>", { given: request("customer-identity-address", [address, { ...address, customerId: null, "x/y": 1 }]), want: ["/entries/1/customerId required", "/entries/1/x~1y unknown_field"] }],
    ["an entry that is not an object", { given: request("customer-identity-photo", [photo, "photo"]), want: ["/entries/1 type"] }],
    ["envelope fields: unknown objectType, blank source, jeConfigId not a string, unknown key", { given: { objectType: "customer", source: " ", jeConfigId: 7, entries: [identity], entry: [] }, want: ["/objectType enum", "/source required", "/jeConfigId type", "/entry unknown_field"] }],
    ["envelope: missing objectType, source and entries", { given: {}, want: ["/objectType required", "/source required", "/entries required"] }],
    ["envelope: not an object", { given: "customer-identity", want: [" type"] }],
  ])("envelope %s", (_name, { given, want }) => {
    expect(pairs(validateIngestionRequest(given))).toEqual(want);
    expect(isIngestionRequest(given)).toBe(want.length === 0);
  });
});

describe("order, messages and suggestions", () => {
  it("reports in the order of the spec's fields, then rules, then unknown keys, whatever the key order of the input", () => {
    const given = { zzz: 1, recordStatus: "active", customerId: 5, addressType: "Work", timezoneGmt: 99 };
    expect(pairs(validateCustomerIdentityAddress(given))).toEqual([
      "/timezoneGmt range", "/customerId type", "/city required", "/district required", "/address required", "/recordStatus enum", "/zzz unknown_field",
    ]);
  });

  it("quotes the doc's sentences for a conditional rule, and for a field an all-of rule requires", () => {
    expect(messages(validateCustomerIdentity({ customerId: "C1", fullName: "A" }))).toEqual([
      "`phone` or `email` must be present: \"Phone Required if Email is missing\" / \"Email Required if Phone is missing\"",
    ]);
    expect(messages(validateCustomerIdentity({ customerId: "C1", phone: "1" }))[0]).toBe(
      "`fullName` or all of `firstName` and `lastName` must be present: \"Full name required if First and Last name are missing\" / \"First Name required if Full name is missing\" / \"Last Name required if Full name is missing\"",
    );
    expect(messages(validateCustomerIdentityAddress({ ...address, city: " " }))).toEqual(["`city` is required and must not be blank: \"Required at least: City, District and Address\""]);
  });

  it("names the field and the rejected value, and suggests the value meant", () => {
    expect(messages(validateCustomerIdentity({ ...identity, gender: "Male" }))).toEqual(["`gender` must be one of `male`, `female`, `undefined`, not \"Male\" (did you mean `male`?)"]);
    expect(messages(validateCustomerIdentity({ ...identity, timezoneGmt: -13 }))).toEqual(["`timezoneGmt` must be between -12 and 14"]);
    expect(messages(validateCustomerIdentity({ ...identity, email: "x" }))).toEqual(["`email` must be an e-mail address"]);
  });

  it.each([
    ["a typo", "emailTyp", "emailType"],
    ["a case slip", "CUSTOMERID", "customerId"],
    ["a missing letter", "primry", "primary"],
  ])("suggests the nearest field name for %s", (_name, key, meant) => {
    const r = validateCustomerIdentityEmail({ ...email, [key]: "x" });
    expect(messages(r)).toEqual([`"${key}" is not a field of Customer Email Entity; did you mean \`${meant}\`?`]);
  });

  it("suggests nothing when no field is close", () => {
    expect(messages(validateCustomerIdentityEmail({ ...email, colour: "blue" }))).toEqual(["\"colour\" is not a field of Customer Email Entity"]);
  });

  it("keeps a huge unknown key out of the message and still answers", () => {
    const key = "k".repeat(100_000);
    const r = validateCustomerIdentityEmail({ ...email, [key]: 1 });
    expect(pairs(r)).toEqual([`/${key} unknown_field`]);
    expect(messages(r)[0]!.length).toBeLessThan(200);
  });
});

describe("the validators record and object types", () => {
  it("has one validator per object type, the same functions as the named exports", () => {
    expect(Object.keys(validators)).toEqual([...OBJECT_TYPES]);
    expect(validators["customer-identity"]).toBe(validateCustomerIdentity);
    expect(validators["customer-identity-address"]).toBe(validateCustomerIdentityAddress);
  });

  it("accepts a valid record of every entity and returns the input itself", () => {
    const samples: Record<string, object> = {
      "customer-identity": identity, "customer-identity-address": address, "customer-identity-email": email, "customer-identity-photo": photo,
      "customer-membership": membership, "customer-relationship": { customerId: "C1", relationshipId: "R1", relationship: "father", firstName: "A", lastName: "B" },
    };
    for (const t of OBJECT_TYPES) {
      // Entities without a hand-written sample use the package's own doc example record.
      samples[t] ??= fixtures[t].example as object;
      const result = (validators[t] as (x: unknown) => Result)(samples[t]);
      expect(result, t).toEqual({ ok: true, value: samples[t] });
      expect(result.ok && result.value).toBe(samples[t]);
      expect(validateIngestionRequest(request(t, [samples[t]])).ok, t).toBe(true);
    }
    expect(isCustomerIdentity(identity) && isCustomerIdentityAddress(address)).toBe(true);
  });
});
