// A YAML serialiser for JSON values, for the large generated documents (OpenAPI). The `yaml` package
// builds a node tree before printing and took most of the generator's time on large spec sets; JSON
// values need none of its features (no comments, anchors, tags or folding), so this prints block
// YAML directly. test/core/yaml-text.test.ts proves `yaml.parse(toYamlText(v))` equals `v` for any
// JSON value. Strings are plain only when unmistakably strings; everything else is double-quoted.
import type { JsonValue } from "../model/ir.ts";

// Plain scalars limited to text no YAML 1.1 or 1.2 reader takes for anything but a string.
const PLAIN = /^[A-Za-z][A-Za-z0-9 _.,()/'-]*$/u;
const SPECIAL = /^(?:true|false|null|yes|no|on|off|y|n)$/iu;
// Characters a YAML double-quoted scalar may not hold as they are (C0 is escaped by JSON already).
const UNPRINTABLE = /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/gu;

function quoted(s: string): string {
  return JSON.stringify(s).replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

// Multi-line text reads best as a literal block; only text a `|-` block keeps exactly qualifies.
const NOT_LITERAL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]|(?:^|\n)[ \t]|\n$/u;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function str(s: string, pad: string): string {
  if (PLAIN.test(s) && !SPECIAL.test(s) && !s.endsWith(" ")) return s;
  if (s.includes("\n") && !NOT_LITERAL.test(s) && !LONE_SURROGATE.test(s)) {
    return `|-${s.split("\n").map((line) => (line === "" ? "\n" : `\n${pad}  ${line}`)).join("")}`;
  }
  return quoted(s);
}

const KEY = /^[A-Za-z_$/][A-Za-z0-9_$./-]*$/u;

function key(k: string): string {
  return KEY.test(k) && !SPECIAL.test(k) ? k : quoted(k);
}

/** The one-line form of a scalar or an empty collection; null for a collection that needs a block. */
function inline(v: JsonValue, pad: string): string | null {
  if (v === null) return "null";
  if (typeof v === "boolean") return String(v);
  if (typeof v === "number") return JSON.stringify(v);
  if (typeof v === "string") return str(v, pad);
  if (Array.isArray(v)) return v.length === 0 ? "[]" : null;
  return Object.keys(v).length === 0 ? "{}" : null;
}

function block(v: JsonValue, pad: string, out: string[]): void {
  if (Array.isArray(v)) {
    for (const item of v as JsonValue[]) {
      const one = inline(item, pad);
      if (one !== null) { out.push(`${pad}- ${one}`); continue; }
      const first = out.length;
      block(item, `${pad}  `, out);
      out[first] = `${pad}- ${out[first]!.slice(pad.length + 2)}`;
    }
    return;
  }
  for (const [k, item] of Object.entries(v as { [key: string]: JsonValue })) {
    const one = inline(item, pad);
    if (one !== null) out.push(`${pad}${key(k)}: ${one}`);
    else { out.push(`${pad}${key(k)}:`); block(item, `${pad}  `, out); }
  }
}

/** Block-style YAML of a JSON value, keys in insertion order, ending with a newline. */
export function toYamlText(value: JsonValue): string {
  const one = inline(value, "");
  if (one !== null) return `${one}\n`;
  const out: string[] = [];
  block(value, "", out);
  return `${out.join("\n")}\n`;
}
