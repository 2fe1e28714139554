import type { Entity, Erratum, Field, Model, Table } from "../../model/ir.ts";
import { bannerLines, type OutputFile } from "../output-file.ts";
import { Code, render } from "../templates.ts";
import { cell, codeSpan, inline, table } from "./markdown.ts";

/** The documentation's own columns, so a maintainer can hold the page beside the published one. */
const COLUMNS = ["Name", "Type", "Required", "Valid value / Description", "Example"];

function fieldRow(f: Field, tableLink: (title: string) => string): string[] {
  const example = f.table !== null && f.doc.example === null ? tableLink(f.table) : cell(f.doc.example);
  return [codeSpan(f.name), cell(f.doc.docType), f.docRequired ? "Yes" : "", cell(f.doc.description), example];
}

function rulesSection(t: Table): string[] {
  const lines = t.rules.map((r) => `- At least one of: ${r.groups.map((g) => g.map(codeSpan).join(" and ")).join("; or ")}. From: ${r.doc.map((d) => `"${inline(d)}"`).join(", ")}`);
  // all-of rules live on the fields (requiredBy); one line per doc sentence.
  const bySentence = new Map<string, string[]>();
  for (const f of t.fields) for (const s of f.requiredBy ?? []) bySentence.set(s, [...(bySentence.get(s) ?? []), f.name]);
  for (const [s, names] of bySentence) lines.push(`- All required: ${names.map(codeSpan).join(", ")}. From: "${inline(s)}"`);
  const always = t.fields.filter((f) => f.required && f.requiredBy === null).map((f) => codeSpan(f.name));
  if (always.length > 0) lines.unshift(`- Always required: ${always.join(", ")}`);
  return lines;
}

const COLUMN_OF: Record<Erratum["property"], string> = {
  description: "Valid value / Description", example: "Example", docRequired: "Required", title: "Title", docType: "Type", rule: "Conditional rule",
};

function errataSection(t: Table): string {
  if (t.errata.length === 0) return "";
  const rows = t.errata.map((e) => [e.field === null ? "(entity)" : codeSpan(e.field), COLUMN_OF[e.property], cell(e.doc) || "(blank)", e.corrected === null ? "(dropped)" : cell(e.corrected) || "(blank)", cell(e.note)]);
  return table(["Field", "Column", "The doc says", "The artefacts use", "Why"], rows);
}

/** The same words as every artefact's (incompleteText), with the field name as a code span. */
function incompleteLine(inc: NonNullable<Table["incomplete"]>): string {
  return `Incomplete: the saved documentation page stops after ${codeSpan(inc.after)}; the rows after it are unknown, so keys not listed here are accepted. ${inline(inc.note)}`;
}

/** Documented defaults: documentation only, never filled in by the validators (SEMANTICS.md "Types"). */
function defaultsLine(t: Table): Code | null {
  const withDefault = t.fields.filter((f) => f.default !== null);
  if (withDefault.length === 0) return null;
  return new Code(`Documented defaults (not filled in by the validators): ${withDefault.map((f) => `${codeSpan(f.name)} = ${codeSpan(f.default!)}`).join(", ")}`);
}

function tableData(t: Table, heading: string, tableLink: (title: string) => string): object {
  return {
    heading: new Code(heading),
    fields: new Code(table(COLUMNS, t.fields.map((f) => fieldRow(f, tableLink)))),
    customFields: t.customFields,
    incomplete: t.incomplete ? new Code(incompleteLine(t.incomplete)) : null,
    defaults: defaultsLine(t),
    notes: t.notes.map((n) => new Code(`- ${inline(n)}`)),
    rules: rulesSection(t).map((l) => new Code(l)),
    errata: new Code(errataSection(t)),
    hasErrata: t.errata.length > 0,
  };
}

function entityPage(e: Entity): OutputFile {
  const nestedTitle = (typeName: string): string => e.tables.find((t) => t.typeName === typeName)?.title ?? typeName;
  const anchor = (title: string): string => title.toLowerCase().replace(/[^\p{L}\p{N} -]/gu, "").replace(/ /gu, "-");
  const tableLink = (typeName: string): string => `[${inline(nestedTitle(typeName))}](#${anchor(nestedTitle(typeName))})`;
  const contents = render("docs-entity.md.hbs", {
    banner: new Code(`<!-- ${bannerLines(`specs/${e.objectType}.yaml`).join(" ").replace(/--/gu, "- -")} -->`),
    title: new Code(`${inline(e.title)} ${codeSpan(`<${e.objectType}>`)}`),
    tags: e.tags.length > 0 ? new Code(`Tags: ${e.tags.map(codeSpan).join(", ")}`) : null,
    own: tableData(e, "", tableLink),
    tables: e.tables.map((t) => tableData(t, inline(t.title), tableLink)),
  });
  return { path: `docs/${e.objectType}.md`, contents };
}

function readme(model: Model): OutputFile {
  // Where the saved page cuts a table short: "after `x`" for the entity, "<table>: after `x`" for a nested one.
  const cut = (e: Entity): string => [e, ...e.tables].filter((t) => t.incomplete).map((t) => `${t === e ? "" : `${inline(t.title)}: `}after ${codeSpan(t.incomplete!.after)}`).join("; ");
  const rows = model.entities.map((e) => [`[${codeSpan(e.objectType)}](./${e.objectType}.md)`, inline(e.title), String(e.fields.length), e.customFields ? "yes" : "no", String(e.errata.length + e.tables.reduce((n, t) => n + t.errata.length, 0)), cut(e)]);
  const contents = render("docs-readme.md.hbs", {
    banner: new Code(`<!-- ${bannerLines("specs/").join(" ")} -->`),
    index: new Code(table(["Object type", "Title", "Fields", "Custom fields", "Errata", "Saved page stops"], rows)),
  });
  return { path: "docs/README.md", contents };
}

/** Markdown field tables, one page per entity in the documentation's columns, and an index linking them. */
export function emitDocs(model: Model): OutputFile[] {
  return [...model.entities.map(entityPage), readme(model)];
}
