import Handlebars from "handlebars";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { docComment, ident, key, str } from "./escape.ts";

/** Marks text that is already code (built by an emitter); only such values may go into a template raw. */
export class Code {
  constructor(readonly text: string) {}
  toString(): string { return this.text; }
}

const hb = Handlebars.create();
hb.registerHelper("ident", (x: unknown) => ident(String(x)));
hb.registerHelper("str", (x: unknown) => str(String(x)));
hb.registerHelper("key", (x: unknown) => key(String(x)));
hb.registerHelper("doc", (x: unknown) => docComment(Array.isArray(x) ? x.map(String) : String(x).split("\n")));
// Markdown text on one line: punctuation that Markdown or HTML would interpret is backslash-escaped.
hb.registerHelper("text", (x: unknown) => String(x).replace(/[\r\n\u2028\u2029]+/g, " ").replace(/[\\`*_[\]<>|#]/g, "\\$&"));
hb.registerHelper("code", (x: unknown) => {
  if (!(x instanceof Code)) throw new Error(`template passed a plain string where code was expected: ${JSON.stringify(x)}`);
  return x.text;
});

// Joins strings (for building one value to escape); its output still goes through an escaper.
hb.registerHelper("concat", (...args: unknown[]) => args.slice(0, -1).map(String).join(""));

export const TEMPLATE_HELPERS = ["ident", "str", "key", "doc", "text", "code", "concat"] as const;
const templatesDir = fileURLToPath(new URL("../../templates/", import.meta.url));
const cache = new Map<string, Handlebars.TemplateDelegate>();

/** Fills a template of templates/ (compiled once per process; no HTML escaping, unknown helpers refused). */
export function render(name: string, data: object): string {
  let t = cache.get(name);
  if (!t) {
    t = hb.compile(readFileSync(templatesDir + name, "utf8"), { noEscape: true, strict: true, knownHelpersOnly: true, knownHelpers: Object.fromEntries(TEMPLATE_HELPERS.map((h) => [h, true])) });
    cache.set(name, t);
  }
  return t(data);
}

