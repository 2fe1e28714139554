import { diag, type Diagnostic } from "./diagnostics.ts";
import type { RawErratum, RawField } from "./raw-spec.ts";
import { enumOf, typeOfWord } from "../doc/infer.ts";
import { closest } from "../util/text.ts";

/** The type the doc's Type word stands for, by the importer's own reading; null for a word it does not know. */
function typeOfDocWord(field: RawField): string | null {
  // A word outside the doc's Type words says nothing this rule could contradict (null).
  return typeOfWord(field.docType.value, field.description?.value ?? null, field.example?.value ?? null);
}

/**
 * `docType: Long` with `type: string`: the transcription contradicts itself. "Text" may be a string or a
 * date. An erratum on `docType` excuses it (the doc's Type column is known to be wrong).
 */
export function checkDocType(field: RawField, errata: readonly RawErratum[], out: Diagnostic[]): void {
  const word = field.docType.value;
  const read = typeOfDocWord(field);
  const type = field.type.value;
  if (word === null || read === null || read === type) return;
  if (word.toLowerCase() === "text" && (type === "string" || type === "date")) return;
  // A docType erratum whose doc text misquotes the column is reported as erratum-mismatch: one report is enough.
  const excused = errata.some((e) => e.field?.value === field.name.value && e.property === "docType");
  if (excused) return;
  out.push(diag("doc-type-mismatch", field.docType.pos,
    `docType '${word}' of '${field.name.value}' reads as type ${read}, but its type is ${type}; fix 'type', or record an erratum (property: docType, doc: "${word}") if the doc's Type column is wrong`));
}

/** The value list the (corrected) description states, read as the doc importer reads it; null when none. */
function statedValues(description: string): string[] | null {
  const lines = description.split("\n").map((text, i) => ({ n: i + 1, text: text.trim() })).filter((l) => l.text !== "");
  return enumOf(lines, []);
}

/**
 * An enum that disagrees with the value list of its own description ("Maried" vs "Married", a value
 * missing or extra). The description after errata is compared, so a recorded doc typo is no finding.
 */
export function checkEnumAgainstDescription(field: RawField, description: string | null, out: Diagnostic[]): void {
  if (!field.enum || field.enum.values.length === 0 || description === null) return;
  const stated = statedValues(description);
  if (!stated) return;
  const inEnum = field.enum.values.map((v) => v.value);
  const missing = stated.filter((v) => !inEnum.includes(v));
  const extra = field.enum.values.filter((v) => !stated.includes(v.value));
  const name = field.name.value;
  for (const v of extra) {
    const like = closest(v.value, missing);
    out.push(diag("enum-description", v.pos, like
      ? `enum value '${v.value}' of '${name}' is '${like}' in its description; make them agree, or record an erratum on the description if the doc is wrong`
      : `enum value '${v.value}' of '${name}' is not in the value list of its description (${stated.join(", ")})`));
  }
  const unmatched = missing.filter((m) => !extra.some((v) => closest(v.value, missing) === m));
  if (unmatched.length > 0) {
    out.push(diag("enum-description", field.enum.pos, `the description of '${name}' lists ${unmatched.map((v) => `'${v}'`).join(", ")}, which its enum lacks`));
  }
}
