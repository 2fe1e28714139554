import { Code } from "../templates.ts";
import { ident, str } from "../escape.ts";
import { InternalError } from "../../util/assert.ts";

export { Code };

/** What may be put into generated code: Code goes in raw, every other value as a literal. */
export type Arg = Code | string | number | boolean | null;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/u;

/** A value as a JavaScript literal; only a Code value is inserted as it is. */
function literal(a: Arg): string {
  if (a instanceof Code) return a.text;
  if (typeof a === "string") return str(a);
  if (typeof a === "number") {
    // NaN and Infinity have no literal; a spec bound that is one is a generator bug, not a user's mistake.
    if (!Number.isFinite(a)) throw new InternalError(`no literal for the number ${a}`);
    return Object.is(a, -0) ? "-0" : String(a);
  }
  return String(a);
}

/**
 * Builds code from a template: `_\`if (${v} === ${"x"})\`` quotes "x" but inserts the Code `v` raw,
 * so a hostile string from a spec can at worst produce invalid code, never run.
 */
export function _(strings: TemplateStringsArray, ...args: readonly Arg[]): Code {
  let out = strings[0]!;
  for (let i = 0; i < args.length; i++) out += literal(args[i]!) + strings[i + 1]!;
  return new Code(out);
}

/** An identifier decided by the naming step (checked by `ident`). */
export function name(n: string): Code {
  return new Code(ident(n));
}

/** A property read: `o.key` when the key is an identifier, `o["key"]` otherwise. */
export function prop(obj: Code, key: string): Code {
  return new Code(IDENTIFIER.test(key) ? `${obj.text}.${key}` : `${obj.text}[${str(key)}]`);
}

/** Joins pieces of code with a separator that is itself code. */
export function join(parts: readonly Code[], separator: Code): Code {
  return new Code(parts.map((p) => p.text).join(separator.text));
}

/** Code indented by one two-space step (blank lines stay empty). */
export function indent(c: Code): Code {
  return new Code(c.text.split("\n").map((l) => (l === "" ? l : `  ${l}`)).join("\n"));
}

export const NL = new Code("\n");
export const OR = new Code(" || ");
export const AND = new Code(" && ");
export const COMMA = new Code(", ");
