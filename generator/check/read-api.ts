import { readFileSync } from "node:fs";
import { isMap, isScalar, type LineCounter, type Document, type Node, type Pair } from "yaml";
import { readYaml } from "./fast-yaml.ts";
import { diag, type Diagnostic } from "./diagnostics.ts";
import { closest } from "../util/text.ts";
import type { ApiHeader, ApiInfo, Envelope, EnvelopeField, PackageInfo, StructuralEnvelopeKey } from "../model/ir.ts";
import { STRUCTURAL_ENVELOPE_KEYS } from "../model/envelope.ts";
import type { Located, RawShape } from "./raw-spec.ts";
import { DEFAULT_API, DEFAULT_PACKAGE } from "../model/build-model.ts";
import { Reader } from "./read-spec.ts";
import { readShapes } from "./read-shapes.ts";
import { checkShapes } from "./check-shapes.ts";
import { InternalError } from "../util/assert.ts";

/** The file in a specs folder that holds package and API facts instead of an entity. */
export const API_SPEC_FILE = "api.yaml";

const TOP_KEYS = ["package", "title", "server", "paths", "callbackName", "entries", "rateLimits", "headers", "envelope", "shapes"];

const STRING_KEYS: Record<string, readonly string[]> = {
  package: ["name", "version"],
  server: ["url", "description"],
  paths: ["ingestion", "authentication"],
};

const LITERAL_PATH = /^(?:\/[A-Za-z0-9._~-]+)+$/u;
const SERVER_URL = /^https?:\/\/[^\s/?#]+(?:\/[^\s?#]*[^\s/?#])?$/u;
const CALLBACK_NAME = /^[A-Za-z][A-Za-z0-9._-]*$/u;
// An HTTP field name (RFC 9110 token).
const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/u;
// A credential header also names its OpenAPI security scheme, and the rate-limit header its component: their keys allow less.
const SCHEME_NAME = /^[A-Za-z0-9._-]+$/u;

/** Reads specs/api.yaml: the package's name and version, and the API facts the documentation does not give. */
export function readApiSpec(file: string, text: string): { pkg: PackageInfo; api: ApiInfo; shapes: RawShape[] | null; diagnostics: Diagnostic[] } {
  // Plain YAML is read by fastYaml (as a spec is); anything else, and every YAML error, by the library.
  const { doc, lines } = readYaml(text);
  const diagnostics: Diagnostic[] = [];
  const at = (node: unknown) => {
    const range = (node as Node | undefined)?.range;
    const { line, col } = lines.linePos(range ? range[0] : 0);
    return { file, line, col };
  };
  // Warnings count too, as in a spec: an unresolved tag would otherwise pass silently as a plain string.
  for (const e of [...doc.errors, ...doc.warnings]) {
    const p = lines.linePos(e.pos[0]);
    diagnostics.push(diag(e.code === "DUPLICATE_KEY" ? "duplicate-key" : "yaml-syntax", { file, line: p.line, col: p.col }, e.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/u, "")));
  }
  const fail = { pkg: DEFAULT_PACKAGE, api: DEFAULT_API, shapes: null, diagnostics };
  if (diagnostics.length > 0) return fail;
  if (!isMap(doc.contents)) {
    diagnostics.push(diag("api-spec", at(doc.contents), "api.yaml must be a mapping with package, title, server, paths and callbackName"));
    return fail;
  }
  const get = (path: string[]): string | null => {
    const value = doc.getIn(path);
    if (value === undefined) return null;
    if (typeof value !== "string" || value.trim() === "") {
      diagnostics.push(diag("api-spec", at(doc.getIn(path, true)), `${path.join(".")} must be a non-empty string`));
      return null;
    }
    return value;
  };
  for (const key of Object.keys(doc.toJS() as object)) {
    if (TOP_KEYS.includes(key)) continue;
    const hint = closest(key, TOP_KEYS);
    diagnostics.push(diag("unknown-key", at(doc.getIn([key], true)), `unknown key '${key}' in api.yaml${hint ? ` (did you mean '${hint}'?)` : ""}; allowed: ${TOP_KEYS.join(", ")}`));
  }
  for (const [group, keys] of Object.entries(STRING_KEYS)) {
    const node = doc.getIn([group]);
    if (node === undefined) continue;
    if (!isMap(node)) { diagnostics.push(diag("api-spec", at(node), `${group} must be a mapping of ${keys.join(", ")}`)); continue; }
    for (const item of node.items) {
      const k = String((item.key as { value?: unknown }).value);
      if (!keys.includes(k)) diagnostics.push(diag("unknown-key", at(item.key), `unknown key '${k}' in ${group}; allowed: ${keys.join(", ")}`));
    }
  }
  const version = get(["package", "version"]);
  if (version !== null && !/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/u.test(version)) diagnostics.push(diag("api-spec", at(doc.getIn(["package", "version"], true)), `package.version '${version}' is not a semantic version (1.2.3)`));
  for (const p of ["ingestion", "authentication"]) {
    const v = get(["paths", p]);
    if (v !== null && !v.startsWith("/")) diagnostics.push(diag("api-spec", at(doc.getIn(["paths", p], true)), `paths.${p} must start with '/'`));
    // The OpenAPI document uses the path as a key: a parameter, query or trailing slash would make it invalid or lint errors.
    else if (v !== null && !LITERAL_PATH.test(v)) diagnostics.push(diag("api-spec", at(doc.getIn(["paths", p], true)), `paths.${p} '${v}' must be a literal path such as /data-ingestion: segments of letters, digits and -._~, no {parameter}, query or trailing slash`));
  }
  if (doc.getIn(["paths", "ingestion"]) === doc.getIn(["paths", "authentication"]) && doc.getIn(["paths", "ingestion"]) !== undefined) diagnostics.push(diag("api-spec", at(doc.getIn(["paths", "authentication"], true)), "paths.authentication must differ from paths.ingestion: each is its own operation"));
  const url = doc.getIn(["server", "url"]);
  if (typeof url === "string" && url.trim() !== "" && !SERVER_URL.test(url)) diagnostics.push(diag("api-spec", at(doc.getIn(["server", "url"], true)), `server.url '${url}' must be an absolute http(s) URL without a trailing slash, query or fragment`));
  const callback = doc.getIn(["callbackName"]);
  if (typeof callback === "string" && callback.trim() !== "" && !CALLBACK_NAME.test(callback)) diagnostics.push(diag("api-spec", at(doc.getIn(["callbackName"], true)), `callbackName '${callback}' must be letters, digits and -._ starting with a letter (it names the webhook and its operationId)`));
  const shapes = readShapeSection(file, doc, lines, diagnostics);
  // The sections read with the spec reader (its key checks, hints and wording).
  const facts = new Reader(file, lines);
  return {
    shapes,
    pkg: { name: get(["package", "name"]) ?? DEFAULT_PACKAGE.name, version: version ?? DEFAULT_PACKAGE.version },
    api: {
      title: get(["title"]) ?? DEFAULT_API.title,
      serverUrl: get(["server", "url"]) ?? DEFAULT_API.serverUrl,
      serverDescription: get(["server", "description"]) ?? DEFAULT_API.serverDescription,
      ingestionPath: get(["paths", "ingestion"]) ?? DEFAULT_API.ingestionPath,
      authenticationPath: get(["paths", "authentication"]) ?? DEFAULT_API.authenticationPath,
      callbackName: get(["callbackName"]) ?? DEFAULT_API.callbackName,
      entries: readEntries(facts, doc),
      rateLimits: readRateLimits(facts, doc),
      headers: readHeaders(facts, doc),
      envelope: readEnvelope(facts, doc),
    },
    diagnostics: [...diagnostics, ...facts.diagnostics],
  };
}

/**
 * `entries: { min, max }`: how many records one ingestion request carries (integers, 1 ≤ min ≤ max ≤ 100000); a
 * limit not written, or no `entries` at all, is SEMANTICS.md's (1 to 50).
 */
function readEntries(r: Reader, doc: Document): ApiInfo["entries"] {
  const pair = pairOf(doc, "entries");
  if (!pair) return DEFAULT_API.entries;
  const m = r.map(pair.value, "entries", ["min", "max"], [], r.pos(pair));
  if (!m) return DEFAULT_API.entries;
  const limit = (key: "min" | "max"): number => {
    const n = r.number(m.get(key), `entries.${key}`);
    if (n === null) return DEFAULT_API.entries[key];
    if (Number.isInteger(n.value) && n.value >= 1 && n.value <= 100_000) return n.value;
    r.report("api-spec", n.pos, `entries.${key} must be an integer from 1 to 100000`);
    return DEFAULT_API.entries[key];
  };
  const limits = { min: limit("min"), max: limit("max") };
  if (limits.min > limits.max) r.report("api-spec", pair.value, `entries.min (${limits.min}) is above entries.max (${limits.max})`);
  return limits;
}

/** The pair of a top-level key of api.yaml, if written. */
export function pairOf(doc: Document, key: string): Pair<Node, Node | null> | undefined {
  return isMap(doc.contents) ? (doc.contents.items as Pair<Node, Node | null>[]).find((p) => isScalar(p.key) && p.key.value === key) : undefined;
}

/** A string that must also match `pattern` (`rule` says how), or null with a diagnostic. */
function matching(r: Reader, pair: Pair<Node, Node | null> | undefined, what: string, pattern: RegExp, rule: string): Located<string> | null {
  const s = r.string(pair, what, { nonEmpty: true });
  if (!s?.value) return null;
  if (pattern.test(s.value)) return s as Located<string>;
  r.report("invalid-value", s.pos, `${what} '${s.value}' must be ${rule}`);
  return null;
}

const HEADER_RULE = "an HTTP header name (letters, digits and !#$%&'*+.^_`|~-)";

/**
 * `rateLimits: { header, limits: [{ requests, per }] }`: the documented limits of data ingestion and the response
 * header that reports them, stated in the ingestion operation's description and the header's; defaults to the doc's.
 */
function readRateLimits(r: Reader, doc: Document): ApiInfo["rateLimits"] {
  const pair = pairOf(doc, "rateLimits");
  if (!pair) return DEFAULT_API.rateLimits;
  const m = r.map(pair.value, "rateLimits", ["header", "limits"], ["header", "limits"], r.pos(pair));
  if (!m) return DEFAULT_API.rateLimits;
  // The header is also the key of its OpenAPI component, which allows less than HTTP does.
  const header = matching(r, m.get("header"), "rateLimits.header", SCHEME_NAME, "an HTTP header name that can also key an OpenAPI component (letters, digits and ._-)");
  const items = r.seq(m.get("limits"), "rateLimits.limits");
  if (items?.length === 0) r.report("invalid-value", m.get("limits")!.value, "rateLimits.limits must list at least one { requests, per }");
  const limits = (items ?? []).flatMap((node, i) => {
    const what = `rateLimits.limits #${i + 1}`;
    const lm = r.map(node, what, ["requests", "per"], ["requests", "per"], node);
    const requests = lm ? r.number(lm.get("requests"), `${what}: requests`) : null;
    if (requests && (!Number.isInteger(requests.value) || requests.value < 1)) r.report("invalid-value", requests.pos, `${what}: requests must be a positive integer`);
    const per = lm ? r.string(lm.get("per"), `${what}: per (the period as the documentation words it, e.g. "1 minute")`, { nonEmpty: true }) : null;
    return requests && Number.isInteger(requests.value) && requests.value >= 1 && per?.value ? [{ requests: requests.value, per: per.value }] : [];
  });
  return { header: header?.value ?? DEFAULT_API.rateLimits.header, limits: limits.length > 0 ? limits : DEFAULT_API.rateLimits.limits };
}

/** One `{ name, description }` of `headers`; null (with diagnostics) when it is not one. */
function readHeader(r: Reader, node: unknown, what: string, name: RegExp, rule: string): Located<ApiHeader> | null {
  const m = r.map(node, what, ["name", "description"], ["name", "description"], node as Node);
  if (!m) return null;
  const n = matching(r, m.get("name"), `${what}.name`, name, rule);
  const d = r.string(m.get("description"), `${what}.description`, { nonEmpty: true });
  return n && d?.value ? { value: { name: n.value, description: d.value }, pos: n.pos } : null;
}

/**
 * `headers: { token, apiKey, callback: [...] }`, each header `{ name, description }`: the two credentials every data
 * ingestion call sends (the OpenAPI security schemes) and the callback's optional headers; defaults to the doc's.
 * Header names are compared ignoring case, as HTTP does.
 */
function readHeaders(r: Reader, doc: Document): ApiInfo["headers"] {
  const pair = pairOf(doc, "headers");
  if (!pair) return DEFAULT_API.headers;
  const m = r.map(pair.value, "headers", ["token", "apiKey", "callback"], ["token", "apiKey", "callback"], r.pos(pair));
  if (!m) return DEFAULT_API.headers;
  const scheme = "an HTTP header name that can also name a security scheme (letters, digits and ._-)";
  const token = m.has("token") ? readHeader(r, m.get("token")!.value, "headers.token", SCHEME_NAME, scheme) : null;
  const apiKey = m.has("apiKey") ? readHeader(r, m.get("apiKey")!.value, "headers.apiKey", SCHEME_NAME, scheme) : null;
  if (token && apiKey && token.value.name.toLowerCase() === apiKey.value.name.toLowerCase()) r.report("invalid-value", apiKey.pos, "headers.apiKey must differ from headers.token (HTTP header names ignore case)");
  const seen = new Set<string>();
  const callback = (r.seq(m.get("callback"), "headers.callback") ?? []).flatMap((node, i) => {
    const h = readHeader(r, node, `headers.callback #${i + 1}`, HEADER_NAME, HEADER_RULE);
    if (h && seen.has(h.value.name.toLowerCase())) r.report("invalid-value", h.pos, `headers.callback names '${h.value.name}' twice (HTTP header names ignore case)`);
    if (h) seen.add(h.value.name.toLowerCase());
    return h ? [h.value] : [];
  });
  return { token: token?.value ?? DEFAULT_API.headers.token, apiKey: apiKey?.value ?? DEFAULT_API.headers.apiKey, callback: m.has("callback") ? callback : DEFAULT_API.headers.callback };
}

// A plain envelope field is a property of the request type and of every request schema: an identifier keeps it plain.
const ENVELOPE_FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/u;

/**
 * `envelope: { objectType: {description}, source: {description, required, example}, …, entries: {…}, ignoredUpdateCfs:
 * {…} }`: the request body's fields in the documentation's order, as every artefact that describes the envelope states
 * them. objectType, entries and ignoredUpdateCfs have the structure SEMANTICS.md gives them and take a description
 * (one not written keeps the page's text), ignoredUpdateCfs also an example (the custom-field names the documentation
 * shows); every other key is a string field of the body, required or not, with an optional example. Without
 * `envelope`, the Data Ingestion page's fields.
 */
function readEnvelope(r: Reader, doc: Document): Envelope {
  const pair = pairOf(doc, "envelope");
  if (!pair) return DEFAULT_API.envelope;
  // Not a mapping: the Reader's own wording ("envelope must be a mapping, found …").
  if (!isMap(pair.value)) {
    r.map(pair.value, "envelope", [], [], r.pos(pair));
    return DEFAULT_API.envelope;
  }
  const text: Record<StructuralEnvelopeKey, string> = { ...DEFAULT_API.envelope.text };
  const fields: EnvelopeField[] = [];
  let customFields = DEFAULT_API.envelope.customFields;
  for (const item of pair.value.items as Pair<Node, Node | null>[]) {
    const name = isScalar(item.key) ? item.key.value : undefined;
    if (typeof name !== "string") {
      r.report("wrong-type", item.key, "keys of envelope must be strings (field names)");
      continue;
    }
    const what = `envelope.${name}`;
    const structural = (STRUCTURAL_ENVELOPE_KEYS as readonly string[]).includes(name);
    const allowed = name === "ignoredUpdateCfs" ? ["description", "example"] : structural ? ["description"] : ["description", "required", "example"];
    const m = r.map(item.value, what, allowed, ["description"], r.pos(item));
    const description = m ? r.string(m.get("description"), `${what}.description`, { nonEmpty: true }) : null;
    if (structural) {
      if (description?.value) text[name as StructuralEnvelopeKey] = description.value;
      if (m?.has("example")) customFields = customFieldNames(r, m.get("example")!, `${what}.example`) ?? customFields;
      continue;
    }
    if (!ENVELOPE_FIELD_NAME.test(name) || name in Object.prototype) {
      r.report("invalid-value", item.key, `envelope field '${name}' must be letters, digits and _, not starting with a digit and not a key of Object.prototype (it names a property of the request type)`);
      continue;
    }
    const example = m?.has("example") ? r.string(m.get("example"), `${what}.example`, { nonEmpty: true }) : null;
    if (m && description?.value) fields.push({ pos: r.pos(item.key), name, description: description.value, required: r.boolean(m.get("required"), `${what}.required`), example: example?.value ?? null });
  }
  return { text, fields, customFields };
}

/**
 * `envelope.ignoredUpdateCfs.example`: the custom-field names the documentation shows. They become keys of the
 * fixtures' records, so each must be a plain property name, once; null (reported) when one is not.
 */
function customFieldNames(r: Reader, pair: Pair<Node, Node | null>, what: string): string[] | null {
  const before = r.diagnostics.length, seen = new Set<string>();
  const items = r.strings(pair, what);
  if (items === null) return null;
  if (items.length === 0 && r.diagnostics.length === before) r.report("invalid-value", pair.value ?? pair, `${what} must name at least one custom field`);
  for (const { value, pos } of items) {
    if (!ENVELOPE_FIELD_NAME.test(value) || value in Object.prototype) r.report("invalid-value", pos, `${what}: '${value}' must be letters, digits and _, not starting with a digit and not a key of Object.prototype (it is a custom field's name)`);
    else if (seen.has(value)) r.report("invalid-value", pos, `${what} names '${value}' twice`);
    seen.add(value);
  }
  return r.diagnostics.length === before ? items.map((i) => i.value) : null;
}

/** `shapes`: the API's shapes beside the entities, read and checked as entity fields are; null when absent. */
function readShapeSection(file: string, doc: Document, lines: LineCounter, diagnostics: Diagnostic[]): RawShape[] | null {
  const r = new Reader(file, lines);
  const shapes = readShapes(r, pairOf(doc, "shapes"));
  diagnostics.push(...r.diagnostics);
  if (shapes === null) return null;
  diagnostics.push(...checkShapes(shapes, r.pos(doc.getIn(["shapes"], true) as Node)));
  return shapes;
}

const DEFAULT_SHAPES_FILE = "generator/spec/default-shapes.yaml";
let defaults: RawShape[] | null = null;

/**
 * The shapes of a specs folder whose api.yaml has no `shapes` (or that has no api.yaml): the generator's copy of
 * the documented ones, so a made-up specs folder still gets a complete package. specs/api.yaml states its own.
 */
export function defaultShapes(): RawShape[] {
  if (defaults) return defaults;
  // The bundle (generator/dist/cli.js) sits one folder below generator/, as this module does: the URL resolves alike.
  const text = readFileSync(new URL("../spec/default-shapes.yaml", import.meta.url), "utf8");
  const read = readApiSpec(DEFAULT_SHAPES_FILE, text);
  if (read.diagnostics.length > 0 || !read.shapes) throw new InternalError(`${DEFAULT_SHAPES_FILE} is invalid: ${read.diagnostics.map((d) => `${d.line}:${d.col} ${d.message}`).join("; ")}`);
  return (defaults = read.shapes);
}
