import Handlebars from "handlebars";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
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
const OPTIONS = { noEscape: true, strict: true, knownHelpersOnly: true, knownHelpers: Object.fromEntries(TEMPLATE_HELPERS.map((h) => [h, true])) };

/**
 * Templates precompiled by the build (generator/dist/templates.json), by a hash of their text: compiling them
 * at every start cost ~40 ms of a `check`. A template edited since the build has another hash and is compiled
 * here as before.
 */
const PRECOMPILED = fileURLToPath(new URL("../dist/templates.json", import.meta.url));
let precompiled: Record<string, string> | null = null;

const textHash = (text: string): string => createHash("sha1").update(text).digest("hex");

function compiled(name: string): Handlebars.TemplateDelegate {
  const text = readFileSync(templatesDir + name, "utf8");
  if (precompiled === null) {
    try { precompiled = JSON.parse(readFileSync(PRECOMPILED, "utf8")) as Record<string, string>; } catch { precompiled = {}; }
  }
  const spec = precompiled[textHash(text)];
  // The spec is the build's own output of Handlebars.precompile: JavaScript source of an object.
  return spec === undefined ? hb.compile(text, OPTIONS) : hb.template(new Function(`return ${spec};`)() as Parameters<typeof hb.template>[0]);
}

/** Fills a template of templates/ (compiled once per process; no HTML escaping, unknown helpers refused). */
export function render(name: string, data: object): string {
  let t = cache.get(name);
  if (!t) {
    t = compiled(name);
    cache.set(name, t);
  }
  return t(data);
}

/** Precompiles every template into generator/dist/templates.json (called by the build). */
export function writeTemplateCache(): void {
  const out: Record<string, string> = {};
  for (const name of readdirSync(templatesDir).filter((n) => n.endsWith(".hbs")).sort()) {
    const text = readFileSync(templatesDir + name, "utf8");
    out[textHash(text)] = hb.precompile(text, OPTIONS) as unknown as string;
  }
  writeFileSync(PRECOMPILED, JSON.stringify(out) + "\n");
}

