import type { Field, Table } from "../../model/ir.ts";
import { InternalError } from "../../util/assert.ts";
import { docComment } from "../escape.ts";
import { _, Code, indent, join, name, AND, COMMA, NL, OR } from "./code.ts";
import { checkField, collectorName, lit, onProblem, presentTest, prototypeKey, readField, testerName, type Mode } from "./field-checks.ts";
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

/** One pass over the object's keys that puts each field's value in its local (a wide table's collector); the keys are told apart by length first. */
function enumerateFields(t: Table): Code {
  const at = local(t);
  const byLength = new Map<number, Field[]>();
  for (const f of t.fields) byLength.set(f.name.length, [...(byLength.get(f.name.length) ?? []), f]);
  const take = (f: Field): Code => _`if (k === ${f.name}) { ${at(f)} = ${prototypeKey(f.name) ? readField(f.name) : _`o[k]`}; continue; }`;
  const cases = [...byLength].sort(([a], [b]) => a - b).map(([length, fs]) => _`case ${length}:\n${indent(join(fs.map(take), NL))}\n  break;`);
  const after = t.acceptsUnknownKeys ? [] : [_`unknownKey = true;`];
  const why = new Code("// Each field's value, read in one pass over the keys: a wide table's payloads fill few of its fields, in many shapes.");
  return _`${why}\nlet keys = 0;\nfor (const k in o) {\n${indent(join([_`keys++;`, _`switch (k.length) {\n${indent(join(cases, NL))}\n}`, ...after], NL))}\n}`;
}

/**
 * A table wider than this is read by its collector in one pass over the payload's keys; a narrower one by name.
 * A read by name costs little while the collector meets payloads of one shape, but several times more once it has
 * met many (each read then looks its shape up); the pass costs a few comparisons per key present. A wide table's
 * payloads fill a fraction of its fields and come in many shapes, so the pass wins there (customer-identity, 44
 * fields, about half present: `validate` ~40% faster on valid and on invalid payloads); a narrow table's payloads
 * fill most of it (an order, 29 fields: ~15% faster by name). Measured with `npm run bench -- validate`.
 */
const ENUMERATE_ABOVE = 32;

/**
 * Whether a wide table's collector, when its pass over the keys missed a key (`missedKeys`), reads the fields by name
 * through the runtime's `fieldsByName` (a copy of the payload it passes over the same way) rather than through a
 * by-name read of each field in its own code: always, but for a table with a field named like a key of
 * Object.prototype (read as an own property only).
 */
function rereadsByCopy(t: Table): boolean {
  return t.fields.length > ENUMERATE_ABOVE && !t.fields.some((f) => prototypeKey(f.name));
}

/**
 * The object's fields (`o`): the object itself when it is a plain object, else its own properties (`ownFields`, which
 * also takes a null-prototype object as it is). Reading `constructor` first lets the optimising compiler learn the
 * object's shapes from this function's own feedback and fold the prototype check into a shape check; alone,
 * Object.getPrototypeOf is a builtin call per object, about a quarter of the time of an order of 20 items
 * (`npm run bench -- validate`). An object whose `constructor` is not Object's (a class instance, a null prototype,
 * a `constructor` key) takes the exact path.
 */
const OWN_FIELDS = _`const o = (data as Record<string, unknown>).constructor === Object && Object.getPrototypeOf(data) === Object.prototype ? (data as Record<string, unknown>) : ownFields(data);`;

/**
 * A table's checks in one mode: its fields in the spec's order, then its rules, then unknown keys. The tester
 * (`test` mode) returns false at the first problem; the collector (`collect` mode) reports every problem: `validate...`
 * runs it alone (one pass, valid or not), and a table nested in another is collected only when its tester rejects it. The tester reads each field by name; it is a function of its own so that it
 * stays small (inlined where its table is nested) and its reads meet only the shapes of payloads valid so far.
 */
function checks(t: Table, tables: ReadonlyMap<string, Table>, mode: Mode): Code {
  const notObject = mode === "test" ? FAIL : _`{\n  add(issues, { path, code: "type", message: what + ${notObjectSuffix(t)}, details: { expected: "object" } });\n  return;\n}`;
  const enumerate = mode === "collect" && t.fields.length > ENUMERATE_ABOVE;
  const at = local(t);
  const body: Code[] = [_`if (${NOT_OBJECT}) ${notObject}`, OWN_FIELDS];
  if (enumerate) {
    body.push(locals(t));
    if (!t.acceptsUnknownKeys) body.push(_`let unknownKey = false;`);
    // Decided before any issue is reported, so the call by name reports every problem (the copy keeps unknown keys).
    const why = new Code("// The pass missed a key (a non-enumerable own property) that the tester, reading by name, saw: read the fields by name too.");
    if (rereadsByCopy(t)) {
      body.push(enumerateFields(t));
      body.push(_`${why}\nif (!byName && missedKeys(o, keys)) return ${collectorName(t)}(fieldsByName(o, ${fieldsConst(t)}), issues, path, what, true);`);
    } else {
      const reads = [...t.fields.map((f) => _`${at(f)} = ${readField(f.name)};`), ...(t.acceptsUnknownKeys ? [] : [_`unknownKey = true;`])];
      body.push(_`if (byName) {\n${indent(join(reads, NL))}\n} else {\n${indent(enumerateFields(t))}\n  ${why}\n  if (missedKeys(o, keys)) return ${collectorName(t)}(data, issues, path, what, true);\n}`);
    }
  }
  body.push(_`let v: unknown;`,
    ...t.fields.map((f) => (enumerate ? checkField(f, tables, mode, at(f)) : checkField(f, tables, mode))),
    ...t.rules.map((r, i) => _`if (!(${enumerate ? ruleHolds(t, r.groups, at) : ruleHolds(t, r.groups)})) ${onProblem(mode, _`add(issues, { path, code: "required_any", message: ${ruleMessage(r)}, details: ${ruleDetails(t, i)} });`)}`));
  if (!t.acceptsUnknownKeys) body.push(_`${enumerate ? _`if (unknownKey) ` : _``}for (const k in o) {\n${indent(knownKeysSwitch(t))}\n  ${onProblem(mode, _`unknownField(issues, path, k, ${fieldsConst(t)}, ${t.title});`)}\n}`);
  if (mode === "test") {
    body.push(_`return true;`);
    const doc = docComment([`Whether \`data\` is a valid ${t.title}: the collector's checks, stopping at the first problem.`]);
    return _`${new Code(doc)}\nexport function ${testerName(t)}(data: unknown): boolean {\n${indent(join(body, NL))}\n}`;
  }
  const doc = docComment([`Reports every problem of a ${t.title} found at \`path\`; \`what\` names it in messages.`]);
  return _`${new Code(doc)}\nexport function ${collectorName(t)}(data: unknown, issues: ValidationIssue[], path: string, what: string${enumerate ? _`, byName = false` : _``}): void {\n${indent(join(body, NL))}\n}`;
}

/** The exported pair: `validate...` (every issue) and `is...` (a fast boolean that agrees with it). */
export function publicFunctions(t: Table): Code {
  const type = name(t.typeName);
  const validateDoc = docComment([`Validates a ${t.title}: \`ok\` with the input itself, or its problems (at most \`options.maxIssues\`, default 100) with JSON Pointer path, code, message and details. Never throws.`,
    ...(t.incomplete ? ["", `Incomplete: the saved doc page stops after \`${t.incomplete.after}\`, so keys not listed are accepted. ${t.incomplete.note}`] : [])]);
  const isDoc = docComment([`Whether the input is a valid ${t.title}; agrees with \`${t.validateName}\` on every input and stops at the first problem.`]);
  return _`${new Code(validateDoc)}
export function ${name(t.validateName)}(input: unknown, options?: ValidateOptions): ValidationResult<${type}> {
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

/** All the code of one table: its known keys (closed tables), rule details, collector, tester and public functions. */
export function tableCode(t: Table, tables: ReadonlyMap<string, Table>): Code {
  const parts: Code[] = [];
  if (!t.acceptsUnknownKeys || rereadsByCopy(t)) parts.push(_`const ${fieldsConst(t)}: readonly string[] = [${join(t.fields.map((f) => _`${f.name}`), COMMA)}];`);
  parts.push(...t.rules.map((r, i) => _`const ${ruleDetails(t, i)} = ${lit({ groups: r.groups })};`));
  parts.push(checks(t, tables, "collect"), checks(t, tables, "test"), publicFunctions(t));
  return join(parts, new Code("\n\n"));
}
