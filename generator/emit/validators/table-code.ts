import type { Field, Table } from "../../model/ir.ts";
import { InternalError } from "../../util/assert.ts";
import { docComment } from "../escape.ts";
import { _, Code, indent, join, name, AND, COMMA, NL, OR } from "./code.ts";
import { collectField, collectorName, lit, presentTest, prototypeKey, readField, testField, testerName } from "./field-checks.ts";
import { notObjectSuffix, ruleMessage } from "./messages.ts";

const NOT_OBJECT = _`typeof data !== "object" || data === null || Array.isArray(data)`;
const FAIL = new Code("return false;");

function fieldsConst(t: Table): Code { return name(`fieldsOf${t.typeName}`); }

/** The module constant holding the details of the table's i-th rule: static data, built once rather than per issue. */
function ruleDetails(t: Table, i: number): Code { return name(`rule${i}Of${t.typeName}`); }

function byName(t: Table): ReadonlyMap<string, Field> {
  return new Map(t.fields.map((f) => [f.name, f]));
}

/** The condition under which one any-of rule holds: some group has all its fields present (`value` gives a field's value, by default read from `o`). */
function ruleHolds(t: Table, groups: readonly (readonly string[])[], value?: (f: Field) => Code): Code {
  const fields = byName(t);
  const present = (n: string): Code => {
    const f = fields.get(n);
    if (!f) throw new InternalError(`rule of ${t.title} names ${n}, which is not a field`);
    return value ? presentTest(f, value(f)) : presentTest(f);
  };
  return join(groups.map((g) => (g.length === 1 ? present(g[0]!) : _`(${join(g.map(present), AND)})`)), OR);
}

/** A switch that lets the table's own keys through: what falls out of it is an unknown key. */
function knownKeysSwitch(t: Table): Code {
  return _`switch (k) {\n${indent(join(t.fields.map((f) => _`case ${f.name}:`), NL))}\n    continue;\n}`;
}

/** The collector's local holding a field's value (fields are numbered in the spec's order). */
function local(t: Table): (f: Field) => Code {
  const index = new Map(t.fields.map((f, i) => [f, i]));
  return (f) => name(`f${index.get(f)!}`);
}

/** The declaration of the collector's locals, a few to a line. */
function locals(t: Table): Code {
  const at = local(t);
  const lines: Code[] = [];
  for (let i = 0; i < t.fields.length; i += 8) lines.push(join(t.fields.slice(i, i + 8).map((f) => _`${at(f)}: unknown`), COMMA));
  return _`let ${join(lines, new Code(",\n  "))};`;
}

/**
 * One pass over the object's keys that puts each field's value in its local. An invalid payload arrives in many
 * shapes, so reading every field by name would make each read megamorphic; the enumeration reads by the shape's
 * own cache. The keys are told apart by length first, so a key costs a few comparisons.
 */
function readFields(t: Table): Code {
  const at = local(t);
  const byLength = new Map<number, Field[]>();
  for (const f of t.fields) byLength.set(f.name.length, [...(byLength.get(f.name.length) ?? []), f]);
  const take = (f: Field): Code => _`if (k === ${f.name}) { ${at(f)} = ${prototypeKey(f.name) ? readField(f.name) : _`o[k]`}; continue; }`;
  const cases = [...byLength].sort(([a], [b]) => a - b).map(([length, fs]) => _`case ${length}:\n${indent(join(fs.map(take), NL))}\n  break;`);
  const after = t.acceptsUnknownKeys ? [] : [_`unknownKey = true;`];
  const why = new Code("// Each field's value, read in one pass over the keys: by name, every read would meet the many shapes of invalid payloads.");
  return _`${why}\nfor (const k in o) {\n${indent(join([_`switch (k.length) {\n${indent(join(cases, NL))}\n}`, ...after], NL))}\n}`;
}

/**
 * The checks of every field and rule on the locals. The collector runs only on an object its tester rejected; when
 * these checks find nothing, the problem is in a property the enumeration does not show (not enumerable, or
 * inherited), so the fields are read again by name, as the tester reads them, and checked once more.
 */
function checkFields(t: Table, tables: ReadonlyMap<string, Table>): Code {
  const at = local(t);
  const checks: Code[] = [
    _`let v: unknown;`,
    ...t.fields.map((f) => collectField(f, tables, at(f))),
    ...t.rules.map((r, i) => _`if (!(${ruleHolds(t, r.groups, at)})) add(issues, { path, code: "required_any", message: ${ruleMessage(r)}, details: ${ruleDetails(t, i)} });`),
  ];
  if (t.fields.length === 0) return join(checks, NL);
  const found = t.acceptsUnknownKeys ? _`issues.length > start` : _`issues.length > start || unknownKey`;
  const why = new Code("// Nothing found, yet the tester rejected the object: a field hides from the enumeration (not enumerable, or inherited); read the fields by name, as the tester does.");
  checks.push(_`if (byName || ${found}) break;`, why, ...t.fields.map((f) => _`${at(f)} = ${readField(f.name)};`));
  return _`const start = issues.length;\nfor (let byName = false; ; byName = true) {\n${indent(join(checks, NL))}\n}`;
}

/** The function that reports every problem of a table's object, in the order of the spec's fields, then rules, then unknown keys. */
function collector(t: Table, tables: ReadonlyMap<string, Table>): Code {
  const body: Code[] = [
    _`if (${NOT_OBJECT}) {\n  add(issues, { path, code: "type", message: what + ${notObjectSuffix(t)}, details: { expected: "object" } });\n  return;\n}`,
    _`const o = ownFields(data);`,
  ];
  if (t.fields.length > 0) body.push(locals(t));
  if (!t.acceptsUnknownKeys) body.push(_`let unknownKey = false;`);
  if (t.fields.length > 0 || !t.acceptsUnknownKeys) body.push(readFields(t));
  body.push(checkFields(t, tables));
  if (!t.acceptsUnknownKeys) body.push(_`if (unknownKey) for (const k in o) {\n${indent(knownKeysSwitch(t))}\n  unknownField(issues, path, k, ${fieldsConst(t)}, ${t.title});\n}`);
  const doc = docComment([`Reports every problem of a ${t.title} found at \`path\`; \`what\` names it in messages.`]);
  return _`${new Code(doc)}\nexport function ${collectorName(t)}(data: unknown, path: string, issues: ValidationIssue[], what: string): void {\n${indent(join(body, NL))}\n}`;
}

/** The collector's boolean twin: the same checks, returning false at the first problem. */
function tester(t: Table, tables: ReadonlyMap<string, Table>): Code {
  const body: Code[] = [
    _`if (${NOT_OBJECT}) return false;`,
    _`const o = ownFields(data);\nlet v: unknown;`,
    ...t.fields.map((f) => testField(f, tables, FAIL)),
    ...t.rules.map((r) => _`if (!(${ruleHolds(t, r.groups)})) return false;`),
  ];
  if (!t.acceptsUnknownKeys) body.push(_`for (const k in o) {\n${indent(knownKeysSwitch(t))}\n  return false;\n}`);
  body.push(_`return true;`);
  const doc = docComment([`Whether \`data\` is a valid ${t.title}: the collector's checks, stopping at the first problem.`]);
  return _`${new Code(doc)}\nexport function ${testerName(t)}(data: unknown): boolean {\n${indent(join(body, NL))}\n}`;
}

/** The exported pair: `validate...` (every issue) and `is...` (a fast boolean that agrees with it). */
export function publicFunctions(t: Table): Code {
  const type = name(t.typeName);
  const validateDoc = docComment([`Validates a ${t.title}: \`ok\` with the input itself, or its problems (at most \`options.maxIssues\`, default 100) with JSON Pointer path, code, message and details. Never throws.`,
    ...(t.incomplete ? ["", `Incomplete: the saved doc page stops after \`${t.incomplete.after}\`, so keys not listed are accepted. ${t.incomplete.note}`] : [])]);
  const isDoc = docComment([`Whether the input is a valid ${t.title}; agrees with \`${t.validateName}\` on every input and stops at the first problem.`]);
  return _`${new Code(validateDoc)}
export function ${name(t.validateName)}(input: unknown, options?: ValidateOptions): ValidationResult<${type}> {
  try {
    // A valid input costs one pass of the tester and allocates nothing but the result; only an invalid one is collected.
    if (${testerName(t)}(input)) return { ok: true, value: input as ${type} };
  } catch {
    return unreadable();
  }
  return collected<${type}>(${collectorName(t)}, input, options);
}

${new Code(isDoc)}
export function ${name(t.isName)}(input: unknown): input is ${type} {
  try {
    return ${testerName(t)}(input);
  } catch {
    return false;
  }
}`;
}

/** All the code of one table: its known keys (closed tables), collector, tester and public functions. */
export function tableCode(t: Table, tables: ReadonlyMap<string, Table>): Code {
  const parts: Code[] = [];
  if (!t.acceptsUnknownKeys) parts.push(_`const ${fieldsConst(t)}: readonly string[] = [${join(t.fields.map((f) => _`${f.name}`), COMMA)}];`);
  parts.push(...t.rules.map((r, i) => _`const ${ruleDetails(t, i)} = ${lit({ groups: r.groups })};`));
  parts.push(collector(t, tables), tester(t, tables), publicFunctions(t));
  return join(parts, new Code("\n\n"));
}
