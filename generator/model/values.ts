import type { FieldType, Format } from "../check/raw-spec.ts";
import type { JsonValue } from "./ir.ts";
import { assertNever } from "../util/assert.ts";
import { ALPHA_PATTERNS, EMAIL, NOT_URI_FRAGMENT, URI } from "./formats.ts";

/** The integer ranges SEMANTICS.md gives each numeric type (inclusive). */
export const INT32 = { min: -2147483648, max: 2147483647 } as const;
export const SAFE_LONG = { min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER } as const;
export const TIMESTAMP = { min: -8.64e15, max: 8.64e15 } as const;

/** The range a numeric field has when the spec gives none; null for non-numeric and unbounded types. */
export function impliedRange(type: FieldType): { min: number; max: number } | null {
  switch (type) {
    case "integer": return INT32;
    case "long": return SAFE_LONG;
    case "timestamp": return TIMESTAMP;
    case "double": case "float": case "string": case "boolean": case "date": case "list": case "object": case "array": return null;
    default: return assertNever(type, "field type");
  }
}

export function isNumericType(type: FieldType): boolean {
  return type === "integer" || type === "long" || type === "timestamp" || type === "double" || type === "float";
}

/** A real calendar date written YYYY-MM-DD. */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(s);
  if (!m) return false;
  const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]!;
  return d <= days;
}

const ALPHA2 = new RegExp(ALPHA_PATTERNS["country-alpha2"], "u");
const ALPHA3 = new RegExp(ALPHA_PATTERNS["country-alpha3"], "u");

const FORMAT_TESTS: Record<Format, (s: string) => boolean> = {
  email: (s) => EMAIL.test(s),
  uri: (s) => NOT_URI_FRAGMENT.test(s) && URI.test(s),
  "country-alpha2": (s) => ALPHA2.test(s),
  "country-alpha3": (s) => ALPHA3.test(s),
};

/** Whether a string satisfies a format, exactly as the generated validators and Ajv decide it. */
export function exampleMatchesFormat(format: Format, s: string): boolean {
  return FORMAT_TESTS[format](s);
}

/**
 * Reads a doc example (text) as a JSON value of the field's type.
 * Returns { ok: false, why } when the text cannot be such a value.
 */
/** SEMANTICS.md "Types": an Array row with no nested table is an array of strings, as List is; its values read as a list's. */
export function valueTypeOf(type: FieldType, tableless: boolean): FieldType {
  return tableless && type === "array" ? "list" : type;
}

export function parseExample(type: FieldType, text: string, range: { min: number; max: number } | null): { ok: true; value: JsonValue | undefined } | { ok: false; why: string } {
  switch (type) {
    case "string":
      return { ok: true, value: text };
    case "date":
      return isCalendarDate(text) ? { ok: true, value: text } : { ok: false, why: "is not a calendar date written YYYY-MM-DD" };
    case "integer": case "long": case "timestamp": {
      if (!/^-?\d+$/u.test(text)) return { ok: false, why: "is not an integer" };
      const n = Number(text);
      if (range && (n < range.min || n > range.max)) return { ok: false, why: `is outside ${range.min} to ${range.max}` };
      return { ok: true, value: n };
    }
    case "double": case "float": {
      const n = Number(text);
      if (text.trim() === "" || !Number.isFinite(n)) return { ok: false, why: "is not a finite number" };
      if (range && (n < range.min || n > range.max)) return { ok: false, why: `is outside ${range.min} to ${range.max}` };
      return { ok: true, value: n };
    }
    case "boolean":
      return text === "true" || text === "false" ? { ok: true, value: text === "true" } : { ok: false, why: "is not true or false" };
    case "list": {
      let parsed: unknown;
      try { parsed = JSON.parse(text); } catch { return { ok: false, why: "is not a JSON array of strings" }; }
      return Array.isArray(parsed) && parsed.every((x) => typeof x === "string") ? { ok: true, value: parsed as string[] } : { ok: false, why: "is not a JSON array of strings" };
    }
    case "object": case "array":
      return { ok: true, value: undefined };
    default:
      return assertNever(type, "field type");
  }
}
