import type { Entity, Field, Model, Table } from "../../model/ir.ts";
import { docComment, ident, key, str } from "../escape.ts";
import { jsBanner, type OutputFile } from "../output-file.ts";
import { Code, render } from "../templates.ts";
import { assertNever } from "../../util/assert.ts";

/**
 * The type parameter of a table open to custom fields: any object type whose properties are JSON values, an
 * interface too (a `Record<string, JsonValue>` constraint would refuse an interface, which has no index signature).
 */
export const CUSTOM_PARAM = "Custom extends { [K in keyof Custom]?: JsonValue } = {}";

/** The TypeScript type of a field's value (without null). */
export function valueType(f: Field): string {
  switch (f.type) {
    case "string": return f.enumTypeName ? ident(f.enumTypeName) : "string";
    case "date": return "string";
    case "integer": case "long": case "timestamp": case "double": case "float": return "number";
    case "boolean": return "boolean";
    // Mutable arrays: a value typed here must also fit the types other tools derive from the OpenAPI document.
    case "list": return "string[]";
    // A nested table open to unknown keys takes any of them here: its records may carry keys it does not list.
    case "object": return f.table === null ? "{ [key: string]: unknown }" : `${ident(f.table)}${f.tableOpen ? "<Record<string, JsonValue>>" : ""}`;
    case "array": return f.table === null ? "string[]" : `${ident(f.table)}${f.tableOpen ? "<Record<string, JsonValue>>" : ""}[]`;
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
  // `undefined` too: under exactOptionalPropertyTypes `x?: T` refuses an explicit undefined, which the validators accept as absent.
  const nullable = f.required ? "" : " | null | undefined";
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
      `${doc}\nexport type ${ident(f.enumTypeName!)} = (typeof ${ident(f.enumConstName!)})[number];\n` +
      `${docComment([`Whether a value is one of the valid values of \`${f.name}\` in ${t.title} (exact, case-sensitive).`])}\n` +
      `export function ${ident(`is${f.enumTypeName!}`)}(value: unknown): value is ${ident(f.enumTypeName!)} {\n` +
      `  return typeof value === "string" && (${ident(f.enumConstName!)} as readonly string[]).includes(value);\n}`;
  });
}

/** The declarations of one table: enums, the plain fields interface, and the type with its rules. */
function tableDecls(t: Table, objectType: string | null, kind = "a nested table"): string {
  const fieldsName = ident(`${t.typeName}Fields`);
  const lines = [`Fields of ${t.title}${objectType ? ` (object type \`${objectType}\`)` : ` (${kind})`}, each optional unless the doc requires it.`];
  if (t.customFields) lines.push("", "Custom fields: any other key is one of the organisation's custom fields (see the type's `Custom` parameter).");
  if (t.incomplete) lines.push("", `Incomplete: the saved doc page stops after \`${t.incomplete.after}\`; the rows after it are unknown, so any other key is accepted. ${t.incomplete.note}`);
  const props = t.fields.map((f) => property(f, t, "  "));
  const ruleDocs = t.rules.map((r) => `- ${r.groups.map((g) => g.join(" + ")).join(" or ")}: "${r.doc.join(" / ")}"`);
  const open = t.acceptsUnknownKeys
    ? ["", `Closed by default, so a misspelt field does not compile: name the ${t.customFields ? "organisation's custom fields" : "fields the saved page does not show"} in \`Custom\` (the validators accept any other key).`,
      `@typeParam Custom - the extra fields, e.g. \`${ident(t.typeName)}<{ customField01: string }>\``]
    : [];
  const typeDoc = docComment([t.title, ...(ruleDocs.length ? ["", "Conditional rules (encoded in the type):", ...ruleDocs] : []), ...open]);
  const unions = ruleUnions(t);
  const head = t.acceptsUnknownKeys ? `${ident(t.typeName)}<${CUSTOM_PARAM}>` : ident(t.typeName);
  return [
    ...enumDecls(t),
    // A type alias, not an interface: only an object type has the implicit index signature that lets a value fit the
    // open `{ [key: string]: unknown }` shapes other tools (openapi-typescript) derive from the schemas.
    `${docComment(lines)}\nexport type ${fieldsName} = {\n${props.join("\n")}\n};`,
    `${typeDoc}\nexport type ${head} = ${[fieldsName, ...(t.acceptsUnknownKeys ? ["Custom"] : []), ...unions].join(" & ")};`,
  ].join("\n\n");
}

function entityFile(e: Entity): OutputFile {
  const tables = [tableDecls(e, e.objectType), ...e.tables.map((t) => tableDecls(t, null))];
  const json = [e, ...e.tables].some((t) => t.acceptsUnknownKeys) ? ['import type { JsonValue } from "../runtime.js";'] : [];
  const body = [...json, ...tables].join("\n\n");
  return {
    path: `types/${e.objectType}.ts`,
    contents: render("types.ts.hbs", { banner: new Code(jsBanner(`specs/${e.objectType}.yaml`)), body: new Code(body) }),
  };
}

/** types/api.ts: the API's other shapes, declared as entity tables are, and the callback's map of results. */
function apiFile(model: Model): OutputFile {
  const { tables, callback: c } = model.shapes;
  const callback = `${docComment([c.title, "", c.description])}\nexport type ${ident(c.typeName)} = {\n` +
    `${docComment([c.data.description], "  ")}\n  ${key(c.data.name)}: { [refId: string]: ${ident(c.data.result.typeName)} };\n};`;
  const body = ['import type { JsonValue } from "../runtime.js";', ...tables.map((t) => tableDecls(t, null, `an API shape: ${t.notes.join(" ")}`)), callback].join("\n\n");
  return { path: "types/api.ts", contents: render("types.ts.hbs", { banner: new Code(jsBanner(model.shapes.file)), body: new Code(body) }) };
}

/** Emits `types/<object-type>.ts` for every entity, and `types/api.ts`. */
export function emitTypes(model: Model): OutputFile[] {
  return [...model.entities.map(entityFile), apiFile(model)];
}
