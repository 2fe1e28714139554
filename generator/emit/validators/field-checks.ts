import type { Field, Table } from "../../model/ir.ts";
import { assertNever, InternalError } from "../../util/assert.ts";
import { _, Code, indent, join, name, prop, AND, COMMA, OR } from "./code.ts";
import * as msg from "./messages.ts";

/** The names generated functions use for a table: the collector reports every issue, the tester answers yes or no. */
export function collectorName(t: Table): Code { return name(`collect${t.typeName}`); }
export function testerName(t: Table): Code { return name(`test${t.typeName}`); }

const V = new Code("v");
const O = new Code("o");

/** Object.prototype's own keys: a payload field so named must not be read from the prototype. */
const PROTOTYPE_KEYS = new Set(["__proto__", "__defineGetter__", "__defineSetter__", "__lookupGetter__", "__lookupSetter__", "constructor",
  "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable", "toLocaleString", "toString", "valueOf"]);

/** Whether a field is named like a key of Object.prototype, so reading it must ask for an own property. */
export function prototypeKey(fieldName: string): boolean {
  return PROTOTYPE_KEYS.has(fieldName);
}

/** Reads a field of `o` as an own property (`undefined` when absent). */
export function readField(fieldName: string): Code {
  return prototypeKey(fieldName) ? _`(Object.hasOwn(o, ${fieldName}) ? ${prop(O, fieldName)} : undefined)` : prop(O, fieldName);
}

/** The JSON Pointer of a field below `path`: the token is escaped (RFC 6901) when the code is generated. */
export function fieldPath(fieldName: string): Code {
  return _`path + ${"/" + fieldName.replace(/~/g, "~0").replace(/\//g, "~1")}`;
}

/** One check of a value known to be present: the condition under which it fails (`compound` when it has a top-level ||), and the issue it reports. */
interface Step { readonly fails: Code; readonly compound?: boolean; readonly report: Code }

/** A step's condition as one operand of && or ||. */
function operand(s: Step): Code {
  return s.compound ? _`(${s.fails})` : s.fails;
}

/** A JSON value as a literal (the issue details: spec names and numbers, quoted by JSON.stringify). */
export function lit(value: unknown): Code {
  return new Code(JSON.stringify(value));
}

/** Code that reports one issue through the runtime's `add` (which stops the search at the cap). */
export function push(path: Code, code: string, message: string | Code, details: Code): Code {
  const m = message instanceof Code ? message : _`${message}`;
  return _`add(issues, { path: ${path}, code: ${code}, message: ${m}, details: ${details} });`;
}

/**
 * The base path a field path was built on: the runtime's issue helpers take the object's path and the field's name,
 * and build the pointer and the message themselves (one short call per check keeps the validators small).
 */
function base(fieldPathCode: Code): Code {
  if (!fieldPathCode.text.startsWith("path + ")) throw new InternalError(`not a field path: ${fieldPathCode.text}`);
  return new Code("path");
}

/** A `type` issue of a scalar field, through the runtime helper (the message comes from the same words). */
function typeIssue(f: Field, path: Code): Code {
  return _`typeIssue(issues, ${base(path)}, ${f.name}, ${f.type});`;
}

/** The details of a `type` issue: the expected type, in the spec's words. */
export function expected(type: string): Code {
  return lit({ expected: type });
}

const FORMAT_TESTS: Record<NonNullable<Field["format"]>, Code> = {
  email: _`!emailFormat(v)`, uri: _`!uriFormat(v)`, date: _`!dateFormat(v)`,
  "country-alpha2": _`!upperLetters(v, ${2})`, "country-alpha3": _`!upperLetters(v, ${3})`,
};

function stringSteps(f: Field, path: Code): Step[] {
  const steps: Step[] = [{ fails: _`typeof v !== "string"`, report: typeIssue(f, path) }];
  if (f.required) steps.push({ fails: _`!nonBlank(v)`, report: _`requiredIssue(issues, ${base(path)}, ${f.name}, true, ${msg.requiredWhy(f)});` });
  if (f.enum) {
    // The values, for the suggestion, come from the constant the types module exports, so nothing is allocated per issue.
    const values = f.enumConstName ? name(f.enumConstName) : _`[${join(f.enum.map((e) => _`${e}`), COMMA)}]`;
    steps.push({ fails: join(f.enum.map((e) => _`v !== ${e}`), AND), compound: true, report: _`enumIssue(issues, ${base(path)}, ${f.name}, ${msg.enumMessage(f)}, v, ${values});` });
  }
  if (f.format) steps.push({ fails: FORMAT_TESTS[f.format], report: _`formatIssue(issues, ${base(path)}, ${f.name}, ${f.format!});` });
  return steps;
}

function numberSteps(f: Field, path: Code): Step[] {
  const isInt = f.type !== "double" && f.type !== "float";
  const steps: Step[] = [{ fails: isInt ? _`typeof v !== "number" || !Number.isInteger(v)` : _`typeof v !== "number" || !Number.isFinite(v)`, compound: true, report: typeIssue(f, path) }];
  const bounds: Code[] = [];
  if (f.minimum !== null) bounds.push(_`v < ${f.minimum}`);
  if (f.maximum !== null) bounds.push(_`v > ${f.maximum}`);
  if (bounds.length > 0) steps.push({ fails: join(bounds, OR), compound: bounds.length > 1, report: _`rangeIssue(issues, ${base(path)}, ${f.name}, ${f.minimum}, ${f.maximum});` });
  return steps;
}

/** The checks of a scalar field's value, in the order they are reported; null for lists and tables. */
function scalarSteps(f: Field, path: Code): Step[] | null {
  switch (f.type) {
    case "string": case "date": return stringSteps(f, path);
    case "integer": case "long": case "timestamp": case "double": case "float": return numberSteps(f, path);
    case "boolean": return [{ fails: _`typeof v !== "boolean"`, report: typeIssue(f, path) }];
    case "list": case "object": case "array": return null;
    default: return assertNever(f.type, "field type");
  }
}

function tableOf(f: Field, tables: ReadonlyMap<string, Table>): Table {
  const t = f.table === null ? undefined : tables.get(f.table);
  if (!t) throw new InternalError(`field ${f.name} refers to a table the model does not have`);
  return t;
}

/** Collect mode: the statements that report the problems of a present (not null) list or table value. */
function compoundChecks(f: Field, path: Code, tables: ReadonlyMap<string, Table>): Code {
  const notArray = _`if (!Array.isArray(v)) ${push(path, "type", msg.typeMessage(f, f.table), expected(f.type))}`;
  if (f.type === "list") return _`${notArray}\nelse for (let i = 0; i < v.length; i++) if (typeof v[i] !== "string") ${push(_`${path} + "/" + i`, "type", msg.itemTypeMessage(f), expected("string"))}`;
  if (f.type === "object" && f.table === null) return _`if (typeof v !== "object" || Array.isArray(v)) ${push(path, "type", msg.typeMessage(f, null), expected("object"))}`;
  const t = tableOf(f, tables);
  if (f.type === "object") return collectTable(t, V, path, msg.label(f));
  return _`${notArray}\nelse for (let i = 0; i < v.length; i++) ${collectTable(t, _`v[i]`, _`${path} + "/" + i`, `each item of ${msg.label(f)}`)}`;
}

/** Collects the problems of a table value: the tester first, so a valid one costs no more than a check. */
export function collectTable(t: Table, value: Code, path: Code, what: string): Code {
  return _`if (!${testerName(t)}(${value})) ${collectorName(t)}(${value}, ${path}, issues, ${what});`;
}

/** Collect mode: every problem of one field, reported at its path; `value` is where its value was read to (by default, read here). */
export function collectField(f: Field, tables: ReadonlyMap<string, Table>, value: Code = readField(f.name)): Code {
  const path = fieldPath(f.name);
  const head = _`v = ${value};`;
  const steps = scalarSteps(f, path);
  // An optional field with a single check reads best as one condition.
  if (!f.required && steps?.length === 1) return _`${head}\nif (v != null && ${operand(steps[0]!)}) ${steps[0]!.report}`;
  const checks = steps ? join(steps.map((s) => _`if (${s.fails}) ${s.report}`), new Code("\nelse ")) : compoundChecks(f, path, tables);
  if (f.required) return _`${head}\nif (v == null) ${_`requiredIssue(issues, ${base(path)}, ${f.name}, false, ${msg.requiredWhy(f)});`}\nelse {\n${indent(checks)}\n}`;
  return _`${head}\nif (v != null) {\n${indent(checks)}\n}`;
}

/** Test mode: exits with `fail` (code that returns) as soon as the field is wrong. */
export function testField(f: Field, tables: ReadonlyMap<string, Table>, fail: Code): Code {
  const head = _`v = ${readField(f.name)};`;
  const steps = scalarSteps(f, fieldPath(f.name)); // the reports are not used: test mode only exits
  if (steps) {
    const fails = join(steps.map(operand), OR);
    return f.required ? _`${head}\nif (v == null || ${fails}) ${fail}` : _`${head}\nif (v != null && ${steps.length === 1 ? fails : _`(${fails})`}) ${fail}`;
  }
  const body = f.type === "list" ? _`if (!Array.isArray(v)) ${fail}\nfor (let i = 0; i < v.length; i++) if (typeof v[i] !== "string") ${fail}`
    : f.type === "object" && f.table === null ? _`if (typeof v !== "object" || Array.isArray(v)) ${fail}`
    : f.type === "object" ? _`if (!${testerName(tableOf(f, tables))}(v)) ${fail}`
    : _`if (!Array.isArray(v)) ${fail}\nfor (let i = 0; i < v.length; i++) if (!${testerName(tableOf(f, tables))}(v[i])) ${fail}`;
  return f.required ? _`${head}\nif (v == null) ${fail}\n${body}` : _`${head}\nif (v != null) {\n${indent(body)}\n}`;
}

/** "Present" in a conditional rule: not absent, not null, and for a string not blank; `v` is the field's value (by default, read here). */
export function presentTest(f: Field, v: Code = readField(f.name)): Code {
  return f.type === "string" || f.type === "date" ? _`present(${v})` : _`${v} != null`;
}
