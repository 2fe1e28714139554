import { InternalError } from "../util/assert.ts";

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/u;
const RESERVED_WORDS = new Set(
  ("break case catch class const continue debugger default delete do else enum export extends false finally for function if import in " +
    "instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package " +
    "private protected public await").split(" "),
);

/** A JavaScript/TypeScript string literal: JSON-quoted, with U+2028/U+2029 escaped too. */
export function str(value: string): string {
  return JSON.stringify(value).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

/** An identifier decided by the naming step; anything else is a generator bug. */
export function ident(name: string): string {
  if (!IDENTIFIER.test(name) || RESERVED_WORDS.has(name)) throw new InternalError(`not a safe identifier: ${JSON.stringify(name)}`);
  return name;
}

/** A property key: bare when it is a plain identifier, quoted otherwise. */
export function key(name: string): string {
  return IDENTIFIER.test(name) ? name : str(name);
}

/** Text made safe inside a `/** ... *\/` comment: no comment end, no stray line terminators. */
export function docText(text: string): string {
  return text
    .replace(/\*\//g, "*\\/")
    .replace(/\r\n?|[\u2028\u2029]/g, "\n");
}

/** A JSDoc block from lines of text (each line escaped), indented by `indent`. */
export function docComment(lines: readonly string[], indent = ""): string {
  const body = lines.flatMap((l) => docText(l).split("\n")).map((l) => (l === "" ? `${indent} *` : `${indent} * ${l}`));
  return `${indent}/**\n${body.join("\n")}\n${indent} */`;
}
