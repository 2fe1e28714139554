import type { AnyOfRule, Field, Table } from "../../model/ir.ts";
import { assertNever } from "../../util/assert.ts";

/** How a message names a field: its key, verbatim, in backticks. */
export function label(f: Field): string {
  return `\`${f.name}\``;
}

function quoteDocs(doc: readonly string[]): string {
  return doc.map((d) => `"${d}"`).join(" / ");
}

/** What a value of the field's type is, as the end of "must be ...". */
function typeWords(f: Field, tableTitle: string | null): string {
  switch (f.type) {
    case "string": return "a string";
    case "date": return "a string (a date written YYYY-MM-DD)";
    case "integer": return "an integer";
    case "long": return "an integer (Long)";
    case "timestamp": return "an integer number of milliseconds since 1970-01-01 UTC (Timestamp)";
    case "double": case "float": return "a finite number";
    case "boolean": return "true or false";
    case "list": return "an array of strings";
    case "object": return tableTitle === null ? "a JSON object" : `an object (${tableTitle})`;
    case "array": return `an array of objects (${tableTitle})`;
    default: return assertNever(f.type, "field type");
  }
}

export function typeMessage(f: Field, tableTitle: string | null): string {
  return `${label(f)} must be ${typeWords(f, tableTitle)}`;
}

export function itemTypeMessage(f: Field): string {
  return `each item of ${label(f)} must be a string`;
}

/** Missing or null; for an all-of rule, the doc's sentence says why. */
export function requiredMessage(f: Field): string {
  return `${label(f)} is required${f.requiredBy ? `: ${quoteDocs(f.requiredBy)}` : ""}`;
}

export function blankMessage(f: Field): string {
  return `${label(f)} is required and must not be blank${f.requiredBy ? `: ${quoteDocs(f.requiredBy)}` : ""}`;
}

export function rangeMessage(f: Field): string {
  if (f.minimum !== null && f.maximum !== null) return `${label(f)} must be between ${f.minimum} and ${f.maximum}`;
  return f.minimum !== null ? `${label(f)} must be at least ${f.minimum}` : `${label(f)} must be at most ${f.maximum}`;
}

export function formatMessage(f: Field): string {
  switch (f.format) {
    case "email": return `${label(f)} must be an e-mail address`;
    case "uri": return `${label(f)} must be an absolute URI`;
    case "country-alpha2": return `${label(f)} must be two upper-case letters (ISO 3166-1 alpha-2 country code)`;
    case "country-alpha3": return `${label(f)} must be three upper-case letters (ISO 3166-1 alpha-3 country code)`;
    case "date": return `${label(f)} must be a real calendar date written YYYY-MM-DD`;
    case null: return `${label(f)} is malformed`;
    default: return assertNever(f.format, "format");
  }
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
