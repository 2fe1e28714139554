import type { Entity, Field, Model, Table } from "../../model/ir.ts";
import { docComment, ident, key, str } from "../escape.ts";
import { jsBanner, type OutputFile } from "../output-file.ts";
import { Code, render } from "../templates.ts";
import { assertNever } from "../../util/assert.ts";

/** The TypeScript type of a field's value (without null). */
export function valueType(f: Field): string {
  switch (f.type) {
    case "string": return f.enumTypeName ? ident(f.enumTypeName) : "string";
    case "date": return "string";
    case "integer": case "long": case "timestamp": case "double": case "float": return "number";
    case "boolean": return "boolean";
    case "list": return "readonly string[]";
    case "object": return f.table === null ? "{ readonly [key: string]: unknown }" : ident(f.table);
    case "array": return `readonly ${ident(f.table!)}[]`;
    default: return assertNever(f.type, "field type");
  }
}

/** The doc comment of a field: description, the doc's own type word and Required mark, example, errata. */
export function fieldDoc(f: Field, table: Table, indent: string): string {
  const lines: string[] = [];
  if (f.description) lines.push(...f.description.split("\n"));
  if (lines.length > 0) lines.push("");
  lines.push(`Doc type: ${f.docType === null ? "(blank)" : `\`${f.docType}\``}${f.docRequired ? " · Doc Required: Yes" : ""}`);
  if (f.required) lines.push(f.requiredBy ? `Required: "${f.requiredBy.join(" / ")}"` : "Required.");
  for (const r of table.rules) if (r.groups.some((g) => g.includes(f.name))) lines.push(`Conditionally required: "${r.doc.join(" / ")}"`);
  if (f.format) lines.push(`Format: ${f.format}`);
  if (f.minimum !== null || f.maximum !== null) lines.push(`Range: ${f.minimum ?? "-∞"} to ${f.maximum ?? "∞"}`);
  for (const e of table.errata) if (e.field === f.name) lines.push(`Erratum (${e.property}): the doc says ${JSON.stringify(e.doc)}; corrected to ${JSON.stringify(e.corrected)}. ${e.note}`);
  if (f.default !== null) lines.push(`@defaultValue ${JSON.stringify(f.defaultValue ?? f.default)} (documented; not filled in)`);
  if (f.exampleValue !== undefined) lines.push(`@example ${JSON.stringify(f.exampleValue)}`);
  else if (f.example !== null) lines.push(`@example ${f.example}`);
  return docComment(lines, indent);
}

function property(f: Field, table: Table, indent: string): string {
  const opt = f.required ? "" : "?";
  const nullable = f.required ? "" : " | null";
  return `${fieldDoc(f, table, indent)}\n${indent}${key(f.name)}${opt}: ${valueType(f)}${nullable};`;
}

/** The rule groups as a union of required-property shapes, one per any-of rule. */
function ruleUnions(t: Table): string[] {
  const byName = new Map(t.fields.map((f) => [f.name, f]));
  return t.rules.map((r) => {
    const members = r.groups.map((g) => `{ ${g.map((n) => `${key(n)}: ${valueType(byName.get(n)!)}`).join("; ")} }`);
    return `(\n  | ${members.join("\n  | ")}\n)`;
  });
}

function enumDecls(t: Table): string[] {
  return t.fields.filter((f) => f.enum && f.enumTypeName && f.enumConstName).map((f) => {
    const doc = docComment([`Valid values of \`${f.name}\` in ${t.title}${f.description ? `: ${f.description}` : ""}`]);
    return `${doc}\nexport const ${ident(f.enumConstName!)} = [${f.enum!.map(str).join(", ")}] as const;\n` +
      `${doc}\nexport type ${ident(f.enumTypeName!)} = (typeof ${ident(f.enumConstName!)})[number];`;
  });
}

/** The declarations of one table: enums, the plain fields interface, and the type with its rules. */
function tableDecls(t: Table, objectType: string | null): string {
  const fieldsName = ident(`${t.typeName}Fields`);
  const lines = [`Fields of ${t.title}${objectType ? ` (object type \`${objectType}\`)` : " (a nested table)"}, each optional unless the doc requires it.`];
  if (t.customFields) lines.push("", "Custom fields: any other key is one of the organisation's custom fields.");
  if (t.incomplete) lines.push("", `Incomplete: the saved doc page stops after \`${t.incomplete.after}\`; the rows after it are unknown, so any other key is accepted. ${t.incomplete.note}`);
  const props = t.fields.map((f) => property(f, t, "  "));
  if (t.acceptsUnknownKeys) props.push(`  /** ${t.customFields ? "A custom field of the organisation." : "A field the saved doc page does not show (the table is incomplete)."} */\n  [customField: string]: unknown;`);
  const ruleDocs = t.rules.map((r) => `- ${r.groups.map((g) => g.join(" + ")).join(" or ")}: "${r.doc.join(" / ")}"`);
  const typeDoc = docComment([t.title, ...(ruleDocs.length ? ["", "Conditional rules (encoded in the type):", ...ruleDocs] : [])]);
  const unions = ruleUnions(t);
  return [
    ...enumDecls(t),
    `${docComment(lines)}\nexport interface ${fieldsName} {\n${props.join("\n")}\n}`,
    `${typeDoc}\nexport type ${ident(t.typeName)} = ${[fieldsName, ...unions].join(" & ")};`,
  ].join("\n\n");
}

function entityFile(e: Entity): OutputFile {
  const body = [tableDecls(e, e.objectType), ...e.tables.map((t) => tableDecls(t, null))].join("\n\n");
  return {
    path: `types/${e.objectType}.ts`,
    contents: render("types.ts.hbs", { banner: new Code(jsBanner(`specs/${e.objectType}.yaml`)), body: new Code(body) }),
  };
}

/** Emits `types/<object-type>.ts` for every entity. */
export function emitTypes(model: Model): OutputFile[] {
  return model.entities.map(entityFile);
}
