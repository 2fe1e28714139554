import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { exampleMatchesFormat, isCalendarDate } from "../../generator/model/values.ts";
import { dateFormat, emailFormat, upperLetters, uriFormat } from "../../generated/runtime.ts";
import { makeAjv } from "../support/ajv.ts";

// The spec checker and the fixtures judge examples with generator/model; payloads are judged by the
// generated runtime and by Ajv. All three must draw the same line, or a doc example could pass the
// checker and fail the validators.
const ajv = makeAjv();
const ajvFormat = (format: string) => ajv.compile({ type: "string", format });
const pattern = (p: string) => ajv.compile({ type: "string", pattern: p });

const edge = [
  "", "a", "user@gmail.com", "a..b@x.io", "a.@x.io", ".a@x.io", "a@x", "a@-x.io", "A@B.CO", "a b@x.io", "email@domain.io",
  "https://domain.com/photo/pic1.png", "cdn.pango.example/x.png", "mailto:a@b", "http://[::1]/", "x:", "/rel", "ht tp://x",
  "2001-10-31", "2001-02-29", "2004-02-29", "1900-02-29", "2000-02-29", "2001-13-01", "2001-00-10", "2001-1-01", "２００１-10-31",
  "VN", "VNM", "vn", "V1", "ÀB",
];
const strings = fc.oneof(fc.constantFrom(...edge), fc.string({ unit: fc.constantFrom("a", "Z", "0", "9", "@", ".", "-", ":", "/", "_", " ", "%", "é"), maxLength: 14 }),
  fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([y, m, d]) => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`));

describe("one definition of each format", () => {
  it.each([
    ["email", (s: string) => exampleMatchesFormat("email", s), emailFormat, ajvFormat("email")],
    ["uri", (s: string) => exampleMatchesFormat("uri", s), uriFormat, ajvFormat("uri")],
    ["date", isCalendarDate, dateFormat, ajvFormat("date")],
    ["country-alpha2", (s: string) => exampleMatchesFormat("country-alpha2", s), (s: string) => upperLetters(s, 2), pattern("^[A-Z]{2}$")],
    ["country-alpha3", (s: string) => exampleMatchesFormat("country-alpha3", s), (s: string) => upperLetters(s, 3), pattern("^[A-Z]{3}$")],
  ] as const)("%s: the spec checker, the generated runtime and Ajv agree", (_name, checker, runtime, oracle) => {
    fc.assert(fc.property(strings, (s) => {
      const want = oracle(s);
      expect([checker(s), runtime(s)], JSON.stringify(s)).toEqual([want, want]);
    }), { numRuns: 3000, seed: 31 });
  });
});
