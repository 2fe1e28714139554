import type { Field, Table } from "../../model/ir.ts";
import { InternalError } from "../../util/assert.ts";
import { docComment } from "../escape.ts";
import { _, Code, indent, join, name, AND, COMMA, NL, OR } from "./code.ts";
import { collectField, collectorName, presentTest, testField, testerName } from "./field-checks.ts";
import { notObjectSuffix, ruleMessage } from "./messages.ts";

const NOT_OBJECT = _`typeof data !== "object" || data === null || Array.isArray(data)`;
const FAIL = new Code("return false;");

function fieldsConst(t: Table): Code { return name(`fieldsOf${t.typeName}`); }

function byName(t: Table): ReadonlyMap<string, Field> {
  return new Map(t.fields.map((f) => [f.name, f]));
}

/** The condition under which one any-of rule holds: some group has all its fields present. */
function ruleHolds(t: Table, groups: readonly (readonly string[])[]): Code {
  const fields = byName(t);
  const field = (n: string): Field => {
    const f = fields.get(n);
    if (!f) throw new InternalError(`rule of ${t.title} names ${n}, which is not a field`);
    return f;
  };
  return join(groups.map((g) => (g.length === 1 ? presentTest(field(g[0]!)) : _`(${join(g.map((n) => presentTest(field(n))), AND)})`)), OR);
}

/** A switch that lets the table's own keys through: what falls out of it is an unknown key. */
function knownKeysSwitch(t: Table): Code {
  return _`switch (k) {\n${indent(join(t.fields.map((f) => _`case ${f.name}:`), NL))}\n    continue;\n}`;
}

/** The function that reports every problem of a table's object, in the order of the spec's fields, then rules, then unknown keys. */
function collector(t: Table, tables: ReadonlyMap<string, Table>): Code {
  const body: Code[] = [
    _`if (${NOT_OBJECT}) {\n  issues.push({ path, code: "type", message: what + ${notObjectSuffix(t)} });\n  return;\n}`,
    _`const o = ownFields(data);\nlet v: unknown;`,
    ...t.fields.map((f) => collectField(f, tables)),
    ...t.rules.map((r) => _`if (!(${ruleHolds(t, r.groups)})) issues.push({ path, code: "required_any", message: ${ruleMessage(r)} });`),
  ];
  if (!t.customFields) body.push(_`for (const k in o) {\n${indent(knownKeysSwitch(t))}\n  unknownField(issues, path, k, ${fieldsConst(t)}, ${t.title});\n}`);
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
  if (!t.customFields) body.push(_`for (const k in o) {\n${indent(knownKeysSwitch(t))}\n  return false;\n}`);
  body.push(_`return true;`);
  const doc = docComment([`Whether \`data\` is a valid ${t.title}: the collector's checks, stopping at the first problem.`]);
  return _`${new Code(doc)}\nexport function ${testerName(t)}(data: unknown): boolean {\n${indent(join(body, NL))}\n}`;
}

/** The exported pair: `validate...` (every issue) and `is...` (a fast boolean that agrees with it). */
function publicFunctions(t: Table): Code {
  const type = name(t.typeName);
  const validateDoc = docComment([`Validates a ${t.title}: \`ok\` with the input itself, or every problem with its JSON Pointer path, code and message. Never throws.`]);
  const isDoc = docComment([`Whether the input is a valid ${t.title}; agrees with \`${t.validateName}\` on every input and stops at the first problem.`]);
  return _`${new Code(validateDoc)}
export function ${name(t.validateName)}(input: unknown): ValidationResult<${type}> {
  try {
    // A valid input costs one pass of the tester and allocates nothing but the result; only an invalid one is collected.
    if (${testerName(t)}(input)) return { ok: true, value: input as ${type} };
    const issues: ValidationIssue[] = [];
    ${collectorName(t)}(input, "", issues, "the payload");
    return issues.length === 0 ? { ok: true, value: input as ${type} } : { ok: false, issues };
  } catch {
    return unreadable();
  }
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
  if (!t.customFields) parts.push(_`const ${fieldsConst(t)}: readonly string[] = [${join(t.fields.map((f) => _`${f.name}`), COMMA)}];`);
  parts.push(collector(t, tables), tester(t, tables), publicFunctions(t));
  return join(parts, new Code("\n\n"));
}
