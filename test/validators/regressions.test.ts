import { describe, expect, it } from "vitest";
import * as generated from "../../generated/validators/index.ts";
import { committedSchema, oracle } from "./support.ts";

// Edge cases where a validator and Ajv could part ways, each pinned with its expected verdict. The differential
// test found no disagreement on the final code; these keep the places it probes hardest from regressing.

type Result = { ok: boolean };
const identity = { customerId: "C1", phone: "0359685600", fullName: "Dee" };
const address = { customerId: "1", addressType: "Live", city: "Ho Chi Minh", district: "Tan Phu", address: "278 Hoa Binh" };
const photo = { customerId: "1", source: "Facebook", imageUrl: "https://domain.com/photo/pic1.png" };
const ajvIdentity = oracle(committedSchema("customer-identity"));
const ajvAddress = oracle(committedSchema("customer-identity-address"));
const ajvPhoto = oracle(committedSchema("customer-identity-photo"));
const ajvRequest = oracle(committedSchema("ingestion-request"));

describe.each<[string, (x: unknown) => Result, (x: unknown) => boolean, [string, unknown, boolean][]]>([
  ["customer-identity", generated.validateCustomerIdentity, ajvIdentity, [
    ["an e-mail with a trailing newline (`$` does not match before it)", { ...identity, email: "user@gmail.com\n" }, false],
    ["an e-mail without a dot in the domain (full mode needs one)", { ...identity, email: "user@localhost" }, false],
    ["an upper-case e-mail (the expression ignores case)", { ...identity, email: "USER@GMAIL.COM" }, true],
    ["29 February of a leap year, of a century and of a 400th year", { ...identity, dob2: "2000-02-29" }, true],
    ["29 February of a century that is no leap year", { ...identity, dob2: "1900-02-29" }, false],
    ["year 0000", { ...identity, dob2: "0000-01-01" }, true],
    ["a date with full-width digits", { ...identity, dob2: "２００１-01-01" }, false],
    ["a required string that is only an unpaired surrogate (not blank)", { ...identity, customerId: "\uD800" }, true],
    ["a required string of Unicode spaces (blank)", { ...identity, customerId: "\u00a0\u2028\u3000\ufeff" }, false],
    ["-0 as an integer", { ...identity, timezoneGmt: -0 }, true],
    ["an integer-valued double as an integer", { ...identity, yob: 1988.0 }, true],
    ["a Timestamp at the edge of a JavaScript Date", { ...identity, dob: -8.64e15 }, true],
    ["a field present but undefined (absent, as in JSON)", { ...identity, email: undefined, phone: "1" }, true],
    ["a rule met only by a blank string", { ...identity, phone: " ", email: null }, false],
    ["an own __proto__ custom field", JSON.parse('{"customerId":"C1","phone":"1","fullName":"A","__proto__":5}'), true],
  ]],
  ["customer-identity-address", generated.validateCustomerIdentityAddress, ajvAddress, [
    ["an own __proto__ key on a closed entity", JSON.parse('{"customerId":"1","addressType":"Live","city":"a","district":"b","address":"c","__proto__":{}}'), false],
    ["a lower-case country code", { ...address, countryAlphaCode2: "vn" }, false],
    ["a country code with a trailing newline", { ...address, countryAlphaCode3: "VNM\n" }, false],
    ["an unknown key whose value is undefined (still a key)", { ...address, extra: undefined }, false],
  ]],
  ["customer-identity-photo", generated.validateCustomerIdentityPhoto, ajvPhoto, [
    ["a URI with a scheme and a path only", { ...photo, imageUrl: "urn:isbn:0451450523" }, true],
    ["a word with a colon (a scheme, so a URI)", { ...photo, imageUrl: "a:b" }, true],
    ["a relative reference", { ...photo, imageUrl: "/photo/pic1.png" }, false],
    ["a URI with a space", { ...photo, imageUrl: "https://domain.com/my photo.png" }, false],
    ["a URI with an IPv6 host", { ...photo, imageUrl: "http://[::1]:80/x" }, true],
  ]],
  ["ingestion-request", generated.validateIngestionRequest, ajvRequest, [
    ["50 entries (the stricter of the doc's limits)", { objectType: "customer-identity", source: "CRM", entries: Array(50).fill(identity) }, true],
    ["51 entries", { objectType: "customer-identity", source: "CRM", entries: Array(51).fill(identity) }, false],
    ["ignoredUpdateCfs null on an untagged entity (null is no value)", { objectType: "customer-identity-photo", source: "CRM", entries: [photo], ignoredUpdateCfs: null }, true],
    ["an objectType that differs in case", { objectType: "Customer-Identity", source: "CRM", entries: [identity] }, false],
    ["an entry of another entity", { objectType: "customer-identity-photo", source: "CRM", entries: [identity] }, false],
  ]],
])("%s", (_name, validate, ajv, cases) => {
  it.each(cases)("%s", (_case, payload, valid) => {
    expect(validate(payload).ok).toBe(valid);
    expect(ajv(payload)).toBe(valid);
  });
});
