import type { AnyOfRule, Field, Table } from "../../model/ir.ts";
import { assertNever } from "../../util/assert.ts";

/** How a message names a field: its key, verbatim, in backticks. */
export function label(f: Field): string {
  return `\`${f.name}\``;
}

function quoteDocs(doc: readonly string[]): string {
  return doc.map((d) => `"${d}"`).join(" / ");
}

/** What a value of a scalar or list type is, as the end of "must be ...". */
export const TYPE_WORDS: Readonly<Record<string, string>> = {
  string: "a string", date: "a string (a date written YYYY-MM-DD)", integer: "an integer", long: "an integer (Long)",
  timestamp: "an integer number of milliseconds since 1970-01-01 UTC (Timestamp)", double: "a finite number", float: "a finite number",
  boolean: "true or false", list: "an array of strings",
};

/** What a value of the field's type is, as the end of "must be ...". */
function typeWords(f: Field, tableTitle: string | null): string {
  switch (f.type) {
    case "object": return tableTitle === null ? "a JSON object" : `an object (${tableTitle})`;
    case "array": return `an array of objects (${tableTitle})`;
    default: return TYPE_WORDS[f.type] ?? assertNever(f.type as never, "field type");
  }
}

/** What a formatted string must be, as the end of "must be ...". */
export const FORMAT_WORDS: Readonly<Record<string, string>> = {
  email: "an e-mail address", uri: "an absolute URI",
  "country-alpha2": "two upper-case letters (ISO 3166-1 alpha-2 country code)", "country-alpha3": "three upper-case letters (ISO 3166-1 alpha-3 country code)",
  date: "a real calendar date written YYYY-MM-DD",
};

/** The doc sentences an all-of rule gives for a required field, as the end of its message ("" when none). */
export function requiredWhy(f: Field): string {
  return f.requiredBy ? `: ${quoteDocs(f.requiredBy)}` : "";
}

export function typeMessage(f: Field, tableTitle: string | null): string {
  return `${label(f)} must be ${typeWords(f, tableTitle)}`;
}

/** A required field missing or null, or (`blank`) a blank string; an all-of rule's doc sentences end it. */
export function requiredMessage(f: Field, blank: boolean): string {
  return `${label(f)} is required${blank ? " and must not be blank" : ""}${requiredWhy(f)}`;
}

/** A number outside the field's bounds (JavaScript's own number-to-string, as in the bounds' literals). */
export function rangeMessage(f: Field): string {
  const { minimum, maximum } = f;
  const words = minimum !== null && maximum !== null ? `between ${minimum} and ${maximum}` : minimum !== null ? `at least ${minimum}` : `at most ${maximum}`;
  return `${label(f)} must be ${words}`;
}

/** A string without the field's format. */
export function formatMessage(f: Field): string {
  return `${label(f)} must be ${FORMAT_WORDS[f.format!]}`;
}

export function itemTypeMessage(f: Field): string {
  return `each item of ${label(f)} must be a string`;
}

/** The start of an enum message; the runtime adds the rejected value and a suggestion. */
export function enumMessage(f: Field): string {
  return `${label(f)} must be one of ${f.enum!.map((v) => `\`${v}\``).join(", ")}`;
}

/** An unmet any-of rule: which fields would satisfy it, and the doc's sentences. */
export function ruleMessage(r: AnyOfRule): string {
  const groups = r.groups.map((g) => (g.length === 1 ? `\`${g[0]}\`` : `all of ${g.map((n) => `\`${n}\``).join(" and ")}`));
  const which = groups.length === 1 ? groups[0]! : `${groups.slice(0, -1).join(", ")} or ${groups[groups.length - 1]}`;
  return `${which} must be present: ${quoteDocs(r.doc)}`;
}

/** What a non-object is reported as, for a table at `what` ("the payload", "`shippingAddress`"). */
export function notObjectSuffix(t: Table): string {
  return ` must be an object (${t.title})`;
}
