import type { FieldType, Format } from "../check/raw-spec.ts";
import type { PageLine, PageNote } from "./page-model.ts";

const TYPE_OF_WORD: Record<string, FieldType> = {
  string: "string", integer: "integer", long: "long", double: "double", float: "float", boolean: "boolean",
  timestamp: "timestamp", list: "list", array: "array", object: "object",
};
// "yyyy-MM-dd" (any number of y's: the doc writes "yyyyy-MM-dd") marks a Text field as a calendar date.
const DATE_PATTERN = /y{2,}-MM-dd/u;

/**
 * The normalised type of a Type word (SEMANTICS.md); a blank type is a string, Text with a date pattern a date; null
 * for a word none of the documentation's ("Varchar"), which says nothing of the type.
 */
export function typeOfWord(docType: string | null, description: string | null, example: string | null): FieldType | null {
  if (docType === null) return "string";
  const word = docType.toLowerCase();
  if (word === "text") return DATE_PATTERN.test(`${description ?? ""}\n${example ?? ""}`) ? "date" : "string";
  return TYPE_OF_WORD[word] ?? null;
}

// "Gender: male, female, undefined" / "Valid values: Changed | Created": a label without sentence punctuation, then values.
const INLINE_LIST = /^([^:.]+):\s*(.+)$/u;
const OPEN_LIST = /(,|\s)\s*\.{2,}$|,\.\.$|,\s*etc\.?$/iu;
const VALUE = /^[\p{L}\p{N}][\p{L}\p{N} _\-+/]*$/u;

// "Gender. Valid values: male, female": the list after a sentence, behind the words "Valid values".
const VALID_AFTER = /[.;]\s+valid values?:\s*(.+)$/iu;

// "Valid Values:" over one value per line (a page saved without blank lines or bullets).
const VALID_VALUES = /^valid values?:$/iu;
const TOKEN = /^[\p{L}\p{N}][\p{L}\p{N}_\-+/]*$/u;

/** The single-token lines that follow a "Valid Values:" line, up to the first other line. */
function plainValues(lines: readonly PageLine[]): string[] {
  const out: string[] = [];
  for (const l of lines) {
    if (!TOKEN.test(l.text)) break;
    out.push(l.text);
  }
  return out;
}

const DEFAULT = /^default:\s*(\S.*)$/iu;

/** The documented default ("Default: Created"), verbatim; null when the description states none. */
export function defaultOf(lines: readonly PageLine[]): string | null {
  for (const l of lines) {
    const m = DEFAULT.exec(l.text);
    if (m) return m[1]!.trim();
  }
  return null;
}

function listValues(rest: string): string[] | null {
  const values = (rest.includes("|") ? rest.split("|") : rest.split(",")).map((v) => v.trim());
  return values.every((v) => VALUE.test(v) && v.split(" ").length <= 3) ? values : null;
}

/** The enum a description states, in the doc's order; null when it states none or an open list (",.."). */
export function enumOf(lines: readonly PageLine[], notes: PageNote[]): string[] | null {
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.text;
    if (text.endsWith(":") && !/required/iu.test(text)) {
      const bullets = lines.slice(i + 1).filter((l) => l.text.startsWith("•")).map((l) => l.text.replace(/^•\s*/u, ""));
      if (bullets.length >= 2 && bullets.every((b) => VALUE.test(b) && b.split(" ").length <= 3)) return bullets;
      const plain = VALID_VALUES.test(text) ? plainValues(lines.slice(i + 1)) : [];
      if (plain.length >= 2) return plain;
      continue;
    }
    const after = VALID_AFTER.exec(text);
    const m = INLINE_LIST.exec(text) ?? (after ? ([text, "Valid values", after[1]!] as const) : null);
    if (!m || /required|default/iu.test(m[1]!)) continue;
    if (OPEN_LIST.test(m[2]!)) {
      notes.push({ line: lines[i]!.n, severity: "info", code: "open-list", message: `"${text}" ends with ",.." or "etc": read as examples of values, not an enum` });
      return null;
    }
    const values = listValues(m[2]!);
    if (values && (values.length >= 2 || /valid values?/iu.test(m[1]!))) return values;
  }
  return null;
}

/** The format a field's name makes unambiguous (SEMANTICS.md, Formats). */
export function formatOf(name: string): Format | null {
  if (name === "email" || /[a-z0-9]Email$/u.test(name)) return "email";
  if (name === "url" || /[a-z0-9]Url$/u.test(name)) return "uri";
  if (name === "countryAlphaCode2") return "country-alpha2";
  if (name === "countryAlphaCode3") return "country-alpha3";
  return null;
}

/** An explicit range SEMANTICS.md gives a field (timezoneGmt: the offsets that exist). */
export function rangeOf(name: string, type: FieldType): { minimum: number; maximum: number } | null {
  return name === "timezoneGmt" && type === "integer" ? { minimum: -12, maximum: 14 } : null;
}
