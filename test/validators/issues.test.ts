import { afterAll, describe, expect, it } from "vitest";
import * as real from "../../generated/validators/index.ts";
import { fixtures, ingestionRequestFixtures } from "../../generated/fixtures/index.ts";
import { address, card, email, patron, patrons, type Result } from "./made-up.ts";
import { modelOf, removeTempPackages } from "./support.ts";

// Table tests of the generated validators: each code, paths (JSON Pointer escaping), messages and suggestions.
// The subject is the made-up patron specs (test/specs/made-up/patron*.yaml, compiled in memory), so no record here
// names a field of the documentation; the committed package is checked over every entity its specs define.

afterAll(removeTempPackages);

const p = await patrons();
const pairs = (r: Result): string[] => (r.ok ? [] : r.issues.map((i) => `${i.path} ${i.code}`));
const messages = (r: Result): string[] => (r.ok ? [] : r.issues.map((i) => i.message));
const request = (objectType: string, entries: unknown[], extra: object = {}) => ({ objectType, source: "CRM", entries, ...extra });
const validatePatron = p.validate("patron"), validateAddress = p.validate("patron-address");
const validateEmail = p.validate("patron-email"), validateCard = p.validate("patron-card");

describe("each issue code, at its path", () => {
  it.each<[string, { given: unknown; validate: (x: unknown) => Result; want: string[] }]>([
    ["type: a string field given a number", { given: { ...patron, origin: 5 }, validate: validatePatron, want: ["/origin type"] }],
    ["type: an integer given 1.5, NaN, Infinity or a numeric string", { given: { ...patron, bornYear: 1.5, utcOffset: NaN, bornAt: Infinity, joinedAt: "5000" }, validate: validatePatron, want: ["/utcOffset type", "/bornAt type", "/bornYear type", "/joinedAt type"] }],
    ["type: a boolean given 1", { given: { ...email, preferred: 1 }, validate: validateEmail, want: ["/preferred type"] }],
    ["type: a list with a non-string item, at the item's path", { given: { ...patron, aliases: ["mai", 5, null] }, validate: validatePatron, want: ["/aliases/1 type", "/aliases/2 type"] }],
    ["type: the payload itself not an object", { given: [patron], validate: validatePatron, want: [" type"] }],
    ["required: missing, null and blank", { given: { patronId: " \t", kind: null, town: "\u3000", quarter: "x", street: "y" }, validate: validateAddress, want: ["/patronId required", "/kind required", "/town required"] }],
    ["required: a field present but undefined counts as missing", { given: { ...card, imageUrl: undefined }, validate: validateCard, want: ["/imageUrl required"] }],
    ["required_any: neither mobile nor mail; neither displayName nor given and family name", { given: { patronId: "P1", mobile: " ", givenName: "Mai" }, validate: validatePatron, want: [" required_any", " required_any"] }],
    ["required_any: a null or wrongly typed field does not satisfy a rule", { given: { patronId: "P1", mobile: null, mail: 5, displayName: "A" }, validate: validatePatron, want: ["/mail type", " required_any"] }],
    ["enum: exact and case-sensitive", { given: { ...patron, colour: "Red", plan: "basic" }, validate: validatePatron, want: ["/colour enum", "/plan enum"] }],
    ["format: e-mail, calendar date", { given: { ...patron, mail: "user@gmail", bornOn: "2001-02-29" }, validate: validatePatron, want: ["/mail format", "/bornOn format"] }],
    ["format: country codes are upper-case letters", { given: { ...address, countryAlpha2: "vn", countryAlpha3: "VN" }, validate: validateAddress, want: ["/countryAlpha2 format", "/countryAlpha3 format"] }],
    ["format: a URI must be absolute", { given: { ...card, imageUrl: "card/1.png" }, validate: validateCard, want: ["/imageUrl format"] }],
    ["range: a ranged integer, int32, Long and Timestamp bounds", { given: { ...patron, utcOffset: 15, bornYear: 2 ** 31, bornAt: 8.64e15 + 1 }, validate: validatePatron, want: ["/utcOffset range", "/bornAt range", "/bornYear range"] }],
    ["range: a Long past 2^53 - 1", { given: { ...card, points: 2 ** 53 }, validate: validateCard, want: ["/points range"] }],
    ["unknown_field: on a closed entity, with RFC 6901 escaping", { given: { ...email, "a/b~c": 1, mailKnd: "x" }, validate: validateEmail, want: ["/a~1b~0c unknown_field", "/mailKnd unknown_field"] }],
  ])("%s", (_name, { given, validate, want }) => {
    expect(pairs(validate(given))).toEqual(want);
  });

  it.each<[string, { given: unknown; want: string[] }]>([
    ["too_few: no entries", { given: request("patron", []), want: ["/entries too_few"] }],
    ["too_many: 51 entries, each still checked", { given: request("patron", [...Array(50).fill(patron), { patronId: "P2" }]), want: ["/entries too_many", "/entries/50 required_any", "/entries/50 required_any"] }],
    ["not_allowed: ignoredUpdateCfs on an untagged entity", { given: request("patron-email", [email], { ignoredUpdateCfs: ["customField01"] }), want: ["/ignoredUpdateCfs not_allowed"] }],
    ["ignoredUpdateCfs allowed on a tagged entity, its items checked", { given: request("patron", [patron], { ignoredUpdateCfs: ["customField01", 3] }), want: ["/ignoredUpdateCfs/1 type"] }],
    ["entry problems at /entries/<i>/<field>", { given: request("patron-address", [address, { ...address, patronId: null, "x/y": 1 }]), want: ["/entries/1/patronId required", "/entries/1/x~1y unknown_field"] }],
    ["an entry that is not an object", { given: request("patron-card", [card, "card"]), want: ["/entries/1 type"] }],
    ["envelope fields: unknown objectType, blank source, jeConfigId not a string, unknown key", { given: { objectType: "patrons", source: " ", jeConfigId: 7, entries: [patron], entry: [] }, want: ["/objectType enum", "/source required", "/jeConfigId type", "/entry unknown_field"] }],
    ["envelope: missing objectType, source and entries", { given: {}, want: ["/objectType required", "/source required", "/entries required"] }],
    ["envelope: not an object", { given: "patron", want: [" type"] }],
  ])("envelope %s", (_name, { given, want }) => {
    expect(pairs(p.validateRequest(given))).toEqual(want);
    expect(p.isRequest(given)).toBe(want.length === 0);
  });
});

describe("order, messages and suggestions", () => {
  it("reports in the order of the spec's fields, then rules, then unknown keys, whatever the key order of the input", () => {
    const given = { zzz: 1, status: "active", patronId: 5, kind: "Work", utcOffset: 99 };
    expect(pairs(validateAddress(given))).toEqual([
      "/utcOffset range", "/patronId type", "/town required", "/quarter required", "/street required", "/status enum", "/zzz unknown_field",
    ]);
  });

  it("quotes the spec's sentences for a conditional rule, and for a field an all-of rule requires", () => {
    expect(messages(validatePatron({ patronId: "P1", displayName: "A" }))).toEqual([
      "`mobile` or `mail` must be present: \"Mobile required if Mail is missing\" / \"Mail required if Mobile is missing\"",
    ]);
    expect(messages(validatePatron({ patronId: "P1", mobile: "1" }))[0]).toBe(
      "`displayName` or all of `givenName` and `familyName` must be present: \"Display name required if Given and Family name are missing\" / \"Given name required if Display name is missing\" / \"Family name required if Display name is missing\"",
    );
    expect(messages(validateAddress({ ...address, town: " " }))).toEqual(["`town` is required and must not be blank: \"Required at least: Town, Quarter and Street\""]);
  });

  it("names the field and the rejected value, and suggests the value meant", () => {
    expect(messages(validatePatron({ ...patron, colour: "Red" }))).toEqual(["`colour` must be one of `red`, `green`, `blue`, not \"Red\" (did you mean `red`?)"]);
    expect(messages(validatePatron({ ...patron, utcOffset: -13 }))).toEqual(["`utcOffset` must be between -12 and 14"]);
    expect(messages(validatePatron({ ...patron, mail: "x" }))).toEqual(["`mail` must be an e-mail address"]);
  });

  it.each([
    ["a typo", "mailKnd", "mailKind"],
    ["a case slip", "PATRONID", "patronId"],
    ["a missing letter", "preferrd", "preferred"],
  ])("suggests the nearest field name for %s", (_name, key, meant) => {
    const r = validateEmail({ ...email, [key]: "x" });
    expect(messages(r)).toEqual([`"${key}" is not a field of Patron Mail Entity; did you mean \`${meant}\`?`]);
  });

  it("suggests nothing when no field is close", () => {
    expect(messages(validateEmail({ ...email, colour: "blue" }))).toEqual(["\"colour\" is not a field of Patron Mail Entity"]);
  });

  it("keeps a huge unknown key out of the message and still answers", () => {
    const key = "k".repeat(100_000);
    const r = validateEmail({ ...email, [key]: 1 });
    expect(pairs(r)).toEqual([`/${key} unknown_field`]);
    expect(messages(r)[0]!.length).toBeLessThan(200);
  });
});

describe("the validators record and object types", () => {
  it("has one validator per object type, the same functions as the named exports (made-up and committed packages)", () => {
    const made = p.pkg.validators as { OBJECT_TYPES: readonly string[]; validators: Record<string, unknown> };
    expect(made.OBJECT_TYPES).toEqual(["patron", "patron-address", "patron-card", "patron-email"]);
    expect(Object.keys(made.validators)).toEqual([...made.OBJECT_TYPES]);
    expect(made.validators["patron"]).toBe(validatePatron);
    expect(made.validators["patron-address"]).toBe(validateAddress);
    const committed = real as unknown as Record<string, unknown>;
    const model = modelOf("specs");
    expect(Object.keys(real.validators)).toEqual(model.entities.map((e) => e.objectType));
    expect([...real.OBJECT_TYPES]).toEqual(model.entities.map((e) => e.objectType));
    for (const e of model.entities) expect((real.validators as Record<string, unknown>)[e.objectType], e.objectType).toBe(committed[e.validateName]);
  });

  it("accepts a valid record of every entity and returns the input itself", () => {
    const samples: Record<string, object> = { "patron": patron, "patron-address": address, "patron-email": email, "patron-card": card };
    for (const t of ["patron", "patron-address", "patron-email", "patron-card"]) {
      const result = p.validate(t)(samples[t]);
      expect(result, t).toEqual({ ok: true, value: samples[t] });
      expect(result.ok && result.value).toBe(samples[t]);
      expect(p.validateRequest(request(t, [samples[t]])).ok, t).toBe(true);
    }
    expect(p.is("patron")(patron) && p.is("patron-address")(address)).toBe(true);
  });

  it("the committed package accepts each entity's own doc example record", () => {
    for (const t of real.OBJECT_TYPES) {
      const sample = fixtures[t].example as object;
      const result = (real.validators[t] as (x: unknown) => Result)(sample);
      expect(result, t).toEqual({ ok: true, value: sample });
      // The envelope's other fields as the committed package's own request fixtures give them (api.yaml decides which).
      const { entries: _entries, ...envelope } = ingestionRequestFixtures.valid.find((r) => r.objectType === t && r.ignoredUpdateCfs == null)!;
      expect(real.validateIngestionRequest({ ...envelope, entries: [sample] }).ok, t).toBe(true);
    }
  });
});
