import { diag, type Diagnostic } from "./diagnostics.ts";
import { isTableless, type RawErratum, type RawField, type RawSpec, type RawTable } from "./raw-spec.ts";
import { exampleMatchesFormat, impliedRange, isNumericType, parseExample, valueTypeOf } from "../model/values.ts";
import { closest } from "../util/text.ts";
import { checkDocType, checkEnumAgainstDescription } from "./doc-consistency.ts";
import { assertNever } from "../util/assert.ts";

/** The example text after errata (null when an erratum drops it). */
export function effectiveText(field: RawField, errata: readonly RawErratum[], property: "example" | "description"): string | null {
  const fix = errata.find((e) => e.field?.value === field.name.value && e.property === property);
  if (fix) return fix.corrected;
  return field[property]?.value ?? null;
}

function checkField(f: RawField, table: RawTable, tableTitles: ReadonlySet<string> | null, out: Diagnostic[]): void {
  const name = f.name.value;
  const type = f.type.value;
  const values = f.enum?.values ?? [];
  const seen = new Set<string>();
  for (const v of values) {
    if (seen.has(v.value)) out.push(diag("duplicate-enum-value", v.pos, `enum of '${name}' lists '${v.value}' twice`));
    seen.add(v.value);
  }
  if (f.enum && type !== "string") out.push(diag("not-applicable", f.enum.pos, `'${name}' has type ${type}; only string fields take an enum`));
  if (f.format && type !== "string") out.push(diag("not-applicable", f.format.pos, `'${name}' has type ${type}; format applies to string fields only`));
  for (const bound of [f.minimum, f.maximum]) {
    if (bound && !isNumericType(type)) out.push(diag("not-applicable", bound.pos, `'${name}' has type ${type}; minimum and maximum apply to numbers only`));
  }
  if (f.minimum && f.maximum && f.minimum.value > f.maximum.value) out.push(diag("invalid-value", f.minimum.pos, `minimum of '${name}' (${f.minimum.value}) is above its maximum (${f.maximum.value})`));
  const nested = type === "object" || type === "array";
  if (nested && !f.table) out.push(diag("table-mismatch", f.type.pos, `'${name}' has type ${type} but names no nested table ('table:'; write 'table: null' when the doc names none)`));
  if (!nested && f.table) out.push(diag("table-mismatch", f.table.pos, `'${name}' has type ${type}; only object and array fields hold a nested table`));
  if (nested && f.table?.value != null && tableTitles && !tableTitles.has(f.table.value)) {
    const hint = closest(f.table.value, [...tableTitles]);
    out.push(diag("unknown-table", f.table.pos, `'${name}' names the nested table '${f.table.value}', which 'tables' does not define${hint ? ` (did you mean '${hint}'?)` : ""}`));
  }
  checkDefault(f, out);
  checkDocType(f, table.errata, out);
  checkEnumAgainstDescription(f, effectiveText(f, table.errata, "description"), out);
  const example = effectiveText(f, table.errata, "example");
  if (example === null || !f.example) return;
  const at = f.example.pos;
  const fixed = example !== f.example.value ? " (as corrected by its erratum)" : "";
  if (f.enum && type === "string" && !values.some((v) => v.value === example)) {
    out.push(diag("enum-example", at, `example '${example}'${fixed} of '${name}' is not one of its enum values: ${values.map((v) => v.value).join(", ")}; record an erratum if the doc is wrong`));
    return;
  }
  const explicit = f.minimum || f.maximum ? { min: f.minimum?.value ?? -Infinity, max: f.maximum?.value ?? Infinity } : null;
  // An Array row with no nested table holds strings: its example reads as a list's (the model parses it so).
  const parsed = parseExample(valueTypeOf(type, isTableless(f)), example, explicit ?? impliedRange(type));
  if (!parsed.ok) {
    out.push(diag("example-type", at, `example '${example}'${fixed} of '${name}' ${parsed.why}, as type ${type} requires; record an erratum if the doc is wrong`));
  } else if (f.format && !exampleMatchesFormat(f.format.value, example)) {
    out.push(diag("example-type", at, `example '${example}'${fixed} of '${name}' is not a valid ${f.format.value}`));
  }
}

/** A documented default must be a value the field accepts: its type, range, enum and format. */
function checkDefault(f: RawField, out: Diagnostic[]): void {
  const d = f.default;
  if (!d) return;
  const name = f.name.value, type = f.type.value;
  if (type === "object" || type === "array") {
    out.push(diag("not-applicable", d.pos, `'${name}' has type ${type}; a default applies to scalar and list fields only`));
    return;
  }
  const values = f.enum?.values.map((v) => v.value) ?? null;
  if (values && !values.includes(d.value)) {
    out.push(diag("invalid-value", d.pos, `default '${d.value}' of '${name}' is not one of its enum values: ${values.join(", ")}`));
    return;
  }
  const explicit = f.minimum || f.maximum ? { min: f.minimum?.value ?? -Infinity, max: f.maximum?.value ?? Infinity } : null;
  const parsed = parseExample(type, d.value, explicit ?? impliedRange(type));
  if (!parsed.ok) out.push(diag("invalid-value", d.pos, `default '${d.value}' of '${name}' ${parsed.why}, as type ${type} requires`));
  else if (f.format && !exampleMatchesFormat(f.format.value, d.value)) out.push(diag("invalid-value", d.pos, `default '${d.value}' of '${name}' is not a valid ${f.format.value}`));
}

/** `incomplete.after` names the last row the saved copy shows: a field of the table, and its last one. */
function checkIncomplete(table: RawTable, out: Diagnostic[]): void {
  const inc = table.incomplete;
  if (!inc) return;
  const names = table.fields.map((f) => f.name.value);
  if (!names.includes(inc.after.value)) {
    const hint = closest(inc.after.value, names);
    out.push(diag("unknown-field", inc.after.pos, `incomplete.after names '${inc.after.value}', which is not a field of '${table.title.value}'${hint ? ` (did you mean '${hint}'?)` : ""}`));
  } else if (names[names.length - 1] !== inc.after.value) {
    out.push(diag("invalid-value", inc.after.pos, `incomplete.after names '${inc.after.value}', but '${table.title.value}' lists fields after it; the copy stops after its last row '${names[names.length - 1]}'`));
  }
}

/** What the field keeps for an erratum's property, as the erratum's `doc` must quote it. */
function keptText(f: RawField, property: Exclude<RawErratum["property"], "title" | "rule">): string {
  switch (property) {
    case "docRequired": return f.docRequired ? "Yes" : "";
    case "docType": return f.docType.value ?? "";
    case "description": case "example": return f[property]?.value ?? "";
    default: return assertNever(property, "erratum property");
  }
}

/** A rule erratum quotes a sentence of the field's description that one of the table's rules is read from. */
function checkRuleErratum(e: RawErratum, f: RawField, table: RawTable, out: Diagnostic[]): void {
  const description = f.description?.value ?? "";
  if (!description.includes(e.doc)) {
    out.push(diag("erratum-mismatch", e.pos, `rule erratum's doc text ${JSON.stringify(e.doc)} is not in the description '${f.name.value}' keeps: ${JSON.stringify(description)}`));
  } else if (!table.rules.some((r) => r.doc.includes(e.doc))) {
    out.push(diag("erratum-mismatch", e.pos, `rule erratum's doc text ${JSON.stringify(e.doc)} is quoted by no rule of '${table.title.value}'; add the rule it corrects`));
  }
}

/**
 * Checks one table: its fields, rules and errata.
 * `partial`: the spec had shape errors and lost the parts that failed to read, so checks that would only
 * repeat that loss (no fields, a reference to a dropped field or table) are left out; the rest still run.
 */
export function checkTable(table: RawTable, tableTitles: ReadonlySet<string>, out: Diagnostic[], partial = false): void {
  if (table.fields.length === 0 && !partial) out.push(diag("missing-key", table.pos, `table '${table.title.value}' has no fields`));
  const byName = new Map<string, RawField>();
  for (const f of table.fields) {
    const first = byName.get(f.name.value);
    if (first) out.push(diag("duplicate-field", f.name.pos, `field '${f.name.value}' is already defined at line ${first.name.pos.line}`));
    else byName.set(f.name.value, f);
    checkField(f, table, partial ? null : tableTitles, out);
  }
  checkIncomplete(table, out);
  const names = [...byName.keys()];
  const known = (ref: { value: string; pos: import("./diagnostics.ts").SourcePos }, what: string): void => {
    if (byName.has(ref.value) || partial) return;
    const hint = closest(ref.value, names);
    out.push(diag("unknown-field", ref.pos, `${what} names '${ref.value}', which is not a field of '${table.title.value}'${hint ? ` (did you mean '${hint}'?)` : ""}`));
  };
  for (const rule of table.rules) {
    for (const ref of rule.kind === "any-of" ? rule.groups.flat() : rule.fields) known(ref, `an ${rule.kind} rule`);
  }
  const erratumKeys = new Set<string>();
  for (const e of table.errata) {
    // A field's description may hold several rule sentences, each with its own erratum.
    const key = `${e.field?.value ?? ""}\u0000${e.property}${e.property === "rule" ? `\u0000${e.doc}` : ""}`;
    if (erratumKeys.has(key)) out.push(diag("invalid-value", e.pos, `a second erratum for the ${e.property} of '${e.field?.value ?? table.title.value}'`));
    erratumKeys.add(key);
    if (e.property === "title") {
      if (e.field) out.push(diag("invalid-value", e.field.pos, "a title erratum concerns the table, not a field; remove 'field'"));
      else if (e.doc !== table.title.value) out.push(diag("erratum-mismatch", e.pos, `erratum's doc text '${e.doc}' is not the title '${table.title.value}'`));
      continue;
    }
    if (!e.field) { out.push(diag("missing-key", e.pos, `an erratum on a ${e.property} must name its 'field'`)); continue; }
    known(e.field, "an erratum");
    const f = byName.get(e.field.value);
    if (!f) continue;
    if (e.property === "rule") { checkRuleErratum(e, f, table, out); continue; }
    const kept = keptText(f, e.property);
    if (kept !== e.doc) out.push(diag("erratum-mismatch", e.pos, `erratum's doc text ${JSON.stringify(e.doc)} differs from the ${e.property} '${f.name.value}' keeps: ${JSON.stringify(kept)}`));
  }
}

/** Finds a cycle among nested tables (a table that contains itself through its fields). */
function checkCycles(spec: RawSpec, out: Diagnostic[]): void {
  const tables = new Map(spec.tables.map((t) => [t.title.value, t]));
  const state = new Map<string, "visiting" | "done">();
  const visit = (t: RawTable, path: string[]): void => {
    state.set(t.title.value, "visiting");
    for (const f of t.fields) {
      const ref = f.table?.value;
      const next = ref ? tables.get(ref) : undefined;
      if (!ref || !next) continue;
      if (state.get(ref) === "visiting") {
        out.push(diag("circular-table", f.table!.pos, `nested tables contain each other: ${[...path, ref].join(" → ")}`));
      } else if (!state.has(ref)) visit(next, [...path, ref]);
    }
    state.set(t.title.value, "done");
  };
  visit(spec, [spec.title.value]);
  for (const t of spec.tables) if (!state.has(t.title.value)) visit(t, [t.title.value]);
}

/** Checks the meaning of every spec (shape was checked while reading): references, examples, duplicates. `partial`: specs read with shape errors. */
export function checkSpecs(specs: readonly RawSpec[], partial: ReadonlySet<RawSpec> = new Set()): Diagnostic[] {
  const out: Diagnostic[] = [];
  const byType = new Map<string, RawSpec>();
  for (const spec of specs) {
    const objectType = spec.objectType.value;
    const first = byType.get(objectType);
    if (first) out.push(diag("duplicate-object-type", spec.objectType.pos, `object type '${objectType}' is already declared in ${first.file}`));
    else byType.set(objectType, spec);
    const base = spec.file.split("/").pop()!;
    if (base !== `${objectType}.yaml` && base !== `${objectType}.yml`) out.push(diag("file-name", spec.objectType.pos, `a spec of object type '${objectType}' must be named ${objectType}.yaml, not ${base}`));
    const titles = new Map<string, RawTable>();
    for (const t of spec.tables) {
      const prev = titles.get(t.title.value);
      if (prev || t.title.value === spec.title.value) out.push(diag("duplicate-table", t.title.pos, `nested table title '${t.title.value}' is already used in this spec`));
      else titles.set(t.title.value, t);
    }
    const titleSet = new Set(titles.keys());
    checkTable(spec, titleSet, out, partial.has(spec));
    for (const t of spec.tables) checkTable(t, titleSet, out, partial.has(spec));
    checkCycles(spec, out);
  }
  return out;
}
