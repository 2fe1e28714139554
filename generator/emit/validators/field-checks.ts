import type { Field, Table } from "../../model/ir.ts";
import { assertNever, InternalError } from "../../util/assert.ts";
import { _, Code, indent, join, name, prop, AND, COMMA, NL, OR } from "./code.ts";
import * as msg from "./messages.ts";

/** The names generated functions use for a table: the tester answers yes or no, the collector reports every issue. */
export function testerName(t: Table): Code { return name(`test${t.typeName}`); }
/** The name of the collector of the table or shape named `typeName` (what its Standard Schema object runs). */
export function collectorOf(typeName: string): string { return `collect${typeName}`; }
export function collectorName(t: Table): Code { return name(collectorOf(t.typeName)); }

/** What generated checks do on a problem: `test` returns false at once; `collect` reports it and goes on. */
export type Mode = "test" | "collect";

const FAIL = new Code("return false;");

/** What generated code does on a problem whose issue `report` states: a statement (a block when it has several lines). */
export function onProblem(mode: Mode, report: Code): Code {
  if (mode === "test") return FAIL;
  return report.text.includes("\n") ? _`{\n${indent(report)}\n}` : report;
}

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

/** A field's JSON Pointer reference token with its leading slash ("/customerId"), escaped (RFC 6901) when the code is generated. */
export function fieldToken(fieldName: string): string {
  return "/" + fieldName.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** The JSON Pointer of a field below `path`. */
export function fieldPath(fieldName: string): Code {
  return _`path + ${fieldToken(fieldName)}`;
}

/** The JSON Pointer of an item of a list or array field below `path`, `i` its index. */
function itemPath(fieldName: string): Code {
  return _`path + ${fieldToken(fieldName) + "/"} + i`;
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
 * A scalar field's issue through a runtime helper: the object's path, the field's pointer token and the message are
 * literals here, so reporting builds no string at run time; the helper adds the code and details.
 */
function report(helper: string, f: Field, message: string, ...args: Code[]): Code {
  return _`${new Code(helper)}(issues, path, ${fieldToken(f.name)}, ${message}${new Code(args.map((a) => `, ${a.text}`).join(""))});`;
}

/** A `type` issue of a scalar field. */
function typeIssue(f: Field): Code {
  return report("typeIssue", f, msg.typeMessage(f, null), _`${f.type}`);
}

/** A `required` issue: the field is missing or null, or (`blank`) a blank string. */
export function requiredIssue(f: Field, blank: boolean): Code {
  return report("requiredIssue", f, msg.requiredMessage(f, blank), _`${blank}`);
}

/** The details of a `type` issue: the expected type, in the spec's words. */
export function expected(type: string): Code {
  return lit({ expected: type });
}

const FORMAT_TESTS: Record<NonNullable<Field["format"]>, Code> = {
  email: _`!emailFormat(v)`, uri: _`!uriFormat(v)`, date: _`!dateFormat(v)`,
  "country-alpha2": _`!upperLetters(v, ${2})`, "country-alpha3": _`!upperLetters(v, ${3})`,
};

function stringSteps(f: Field): Step[] {
  const steps: Step[] = [{ fails: _`typeof v !== "string"`, report: typeIssue(f) }];
  if (f.required) steps.push({ fails: _`!nonBlank(v)`, report: requiredIssue(f, true) });
  if (f.enum) {
    // The values, for the suggestion, come from the constant the types module exports, so nothing is allocated per issue.
    const values = f.enumConstName ? name(f.enumConstName) : _`[${join(f.enum.map((e) => _`${e}`), COMMA)}]`;
    steps.push({ fails: join(f.enum.map((e) => _`v !== ${e}`), AND), compound: true, report: report("enumIssue", f, msg.enumMessage(f), _`v`, values) });
  }
  if (f.format) steps.push({ fails: FORMAT_TESTS[f.format], report: report("formatIssue", f, msg.formatMessage(f), _`${f.format!}`) });
  return steps;
}

function numberSteps(f: Field): Step[] {
  const isInt = f.type !== "double" && f.type !== "float";
  const steps: Step[] = [{ fails: isInt ? _`typeof v !== "number" || !Number.isInteger(v)` : _`typeof v !== "number" || !Number.isFinite(v)`, compound: true, report: typeIssue(f) }];
  const bounds: Code[] = [];
  if (f.minimum !== null) bounds.push(_`v < ${f.minimum}`);
  if (f.maximum !== null) bounds.push(_`v > ${f.maximum}`);
  if (bounds.length > 0) steps.push({ fails: join(bounds, OR), compound: bounds.length > 1, report: report("rangeIssue", f, msg.rangeMessage(f), _`${f.minimum}`, _`${f.maximum}`) });
  return steps;
}

/** The checks of a scalar field's value, in the order they are reported; null for lists and tables. */
function scalarSteps(f: Field): Step[] | null {
  switch (f.type) {
    case "string": case "date": return stringSteps(f);
    case "integer": case "long": case "timestamp": case "double": case "float": return numberSteps(f);
    case "boolean": return [{ fails: _`typeof v !== "boolean"`, report: typeIssue(f) }];
    case "list": case "object": case "array": return null;
    default: return assertNever(f.type, "field type");
  }
}

function tableOf(f: Field, tables: ReadonlyMap<string, Table>): Table {
  const t = f.table === null ? undefined : tables.get(f.table);
  if (!t) throw new InternalError(`field ${f.name} refers to a table the model does not have`);
  return t;
}

/** The statements that check a present (not null) list or table value (`v`). */
function compoundChecks(f: Field, path: Code, tables: ReadonlyMap<string, Table>, mode: Mode): Code {
  const notArray = _`if (!Array.isArray(v)) ${onProblem(mode, push(path, "type", msg.typeMessage(f, f.table), expected(f.type)))}`;
  if (f.type === "list") return _`${notArray}\nelse for (let i = 0; i < v.length; i++) if (typeof v[i] !== "string") ${onProblem(mode, push(itemPath(f.name), "type", msg.itemTypeMessage(f), expected("string")))}`;
  if (f.type === "object" && f.table === null) return _`if (typeof v !== "object" || Array.isArray(v)) ${onProblem(mode, push(path, "type", msg.typeMessage(f, null), expected("object")))}`;
  const t = tableOf(f, tables);
  if (f.type === "object") return checkTable(t, V, path, msg.label(f), mode);
  return _`${notArray}\nelse for (let i = 0; i < v.length; i++) ${checkTable(t, _`v[i]`, itemPath(f.name), `each item of ${msg.label(f)}`, mode)}`;
}

/** Checks a table value: tested first, so a valid one costs one test (and no path is built for it); only an invalid one is collected. */
export function checkTable(t: Table, value: Code, path: Code, what: string, mode: Mode): Code {
  return _`if (!${testerName(t)}(${value})) ${onProblem(mode, _`${collectorName(t)}(${value}, issues, ${path}, ${what});`)}`;
}

/**
 * The checks of one field, in the given mode: the condition that the value is wrong comes first, so a valid value costs
 * that test alone; under it, the issue of the first check that fails (the last check needs no condition of its own:
 * one of them fails). The value is read by name, an own property (`undefined` when absent).
 */
export function checkField(f: Field, tables: ReadonlyMap<string, Table>, mode: Mode, value: Code = readField(f.name)): Code {
  const path = fieldPath(f.name);
  const head = _`v = ${value};`;
  const required = requiredIssue(f, false);
  const steps = scalarSteps(f);
  if (steps) {
    const fails = join(steps.map(operand), OR);
    const wrong = f.required ? _`v == null || ${fails}` : _`v != null && ${steps.length === 1 ? fails : _`(${fails})`}`;
    const chain: Step[] = f.required ? [{ fails: _`v == null`, report: required }, ...steps] : steps;
    const report = chain.length === 1 ? chain[0]!.report
      : join(chain.map((s, i) => (i === 0 ? _`if (${s.fails}) ${s.report}` : i < chain.length - 1 ? _`else if (${s.fails}) ${s.report}` : _`else ${s.report}`)), NL);
    return _`${head}\nif (${wrong}) ${onProblem(mode, report)}`;
  }
  const checks = compoundChecks(f, path, tables, mode);
  if (f.required) return _`${head}\nif (v == null) ${onProblem(mode, required)}\nelse {\n${indent(checks)}\n}`;
  return _`${head}\nif (v != null) {\n${indent(checks)}\n}`;
}

/** "Present" in a conditional rule: not absent, not null, and for a string not blank; `v` is the field's value (by default, read here). */
export function presentTest(f: Field, v: Code = readField(f.name)): Code {
  return f.type === "string" || f.type === "date" ? _`present(${v})` : _`${v} != null`;
}
