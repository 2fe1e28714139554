import { afterAll, describe, expect, it } from "vitest";
import { address, card, patron, patrons } from "./made-up.ts";
import { oracle, removeTempPackages } from "./support.ts";

// Edge cases where a validator and Ajv could part ways, each pinned with its expected verdict. The differential
// test found no disagreement on the final code; these keep the places it probes hardest from regressing.
// The subject is the made-up patron specs (test/specs/made-up/patron*.yaml), generated in memory: the validators
// and, for Ajv, the JSON Schema of the same package.

afterAll(removeTempPackages);

type Result = { ok: boolean };
const p = await patrons();
const ajvOf = (objectType: string) => oracle(p.pkg.schema(objectType));

describe.each<[string, (x: unknown) => Result, (x: unknown) => boolean, [string, unknown, boolean][]]>([
  ["patron", p.validate("patron"), ajvOf("patron"), [
    ["an e-mail with a trailing newline (`$` does not match before it)", { ...patron, mail: "user@gmail.com\n" }, false],
    ["an e-mail without a dot in the domain (full mode needs one)", { ...patron, mail: "user@localhost" }, false],
    ["an upper-case e-mail (the expression ignores case)", { ...patron, mail: "USER@GMAIL.COM" }, true],
    ["29 February of a leap year, of a century and of a 400th year", { ...patron, bornOn: "2000-02-29" }, true],
    ["29 February of a century that is no leap year", { ...patron, bornOn: "1900-02-29" }, false],
    ["year 0000", { ...patron, bornOn: "0000-01-01" }, true],
    ["a date with full-width digits", { ...patron, bornOn: "２００１-01-01" }, false],
    ["a required string that is only an unpaired surrogate (not blank)", { ...patron, patronId: "\uD800" }, true],
    ["a required string of Unicode spaces (blank)", { ...patron, patronId: "\u00a0\u2028\u3000\ufeff" }, false],
    ["-0 as an integer", { ...patron, utcOffset: -0 }, true],
    ["an integer-valued double as an integer", { ...patron, bornYear: 1988.0 }, true],
    ["a Timestamp at the edge of a JavaScript Date", { ...patron, bornAt: -8.64e15 }, true],
    ["a field present but undefined (absent, as in JSON)", { ...patron, mail: undefined, mobile: "1" }, true],
    ["a rule met only by a blank string", { ...patron, mobile: " ", mail: null }, false],
    ["an own __proto__ custom field", JSON.parse('{"patronId":"P1","mobile":"1","displayName":"A","__proto__":5}'), true],
  ]],
  ["patron-address", p.validate("patron-address"), ajvOf("patron-address"), [
    ["an own __proto__ key on a closed entity", JSON.parse('{"patronId":"1","kind":"Home","town":"a","quarter":"b","street":"c","__proto__":{}}'), false],
    ["a lower-case country code", { ...address, countryAlpha2: "vn" }, false],
    ["a country code with a trailing newline", { ...address, countryAlpha3: "VNM\n" }, false],
    ["an unknown key whose value is undefined (still a key)", { ...address, extra: undefined }, false],
  ]],
  ["patron-card", p.validate("patron-card"), ajvOf("patron-card"), [
    ["a URI with a scheme and a path only", { ...card, imageUrl: "urn:isbn:0451450523" }, true],
    ["a word with a colon (a scheme, so a URI)", { ...card, imageUrl: "a:b" }, true],
    ["a relative reference", { ...card, imageUrl: "/card/1.png" }, false],
    ["a URI with a space", { ...card, imageUrl: "https://example.com/my card.png" }, false],
    ["a URI with an IPv6 host", { ...card, imageUrl: "http://[::1]:80/x" }, true],
  ]],
  ["ingestion-request", p.validateRequest, ajvOf("ingestion-request"), [
    ["50 entries (the maximum api.yaml sets)", { objectType: "patron", source: "CRM", entries: Array(50).fill(patron) }, true],
    ["51 entries", { objectType: "patron", source: "CRM", entries: Array(51).fill(patron) }, false],
    ["ignoredUpdateCfs null on an untagged entity (null is no value)", { objectType: "patron-card", source: "CRM", entries: [card], ignoredUpdateCfs: null }, true],
    ["an objectType that differs in case", { objectType: "Patron", source: "CRM", entries: [patron] }, false],
    ["an entry of another entity", { objectType: "patron-card", source: "CRM", entries: [patron] }, false],
  ]],
])("%s", (_name, validate, ajv, cases) => {
  it.each(cases)("%s", (_case, payload, valid) => {
    expect(validate(payload).ok).toBe(valid);
    expect(ajv(payload)).toBe(valid);
  });
});
