import { readFileSync } from "node:fs";
import { isMap, isSeq, type LineCounter, type Document, type Node } from "yaml";
import { readYaml } from "./fast-yaml.ts";
import { diag, type Diagnostic, type SourcePos } from "./diagnostics.ts";
import type { ApiHeader, ApiInfo, PackageInfo } from "../model/ir.ts";
import type { RawShape } from "./raw-spec.ts";
import { DEFAULT_API, DEFAULT_PACKAGE } from "../model/build-model.ts";
import { Reader } from "./read-spec.ts";
import { readShapes } from "./read-shapes.ts";
import { checkShapes } from "./check-shapes.ts";
import { InternalError } from "../util/assert.ts";

/** The file in a specs folder that holds package and API facts instead of an entity. */
export const API_SPEC_FILE = "api.yaml";

const TOP_KEYS = ["package", "title", "server", "paths", "callbackName", "entries", "rateLimits", "headers", "shapes"];

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
// A credential header also names its OpenAPI security scheme, whose key allows less.
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
    if (!TOP_KEYS.includes(key)) diagnostics.push(diag("unknown-key", at(doc.getIn([key], true)), `unknown key '${key}' in api.yaml; allowed: ${TOP_KEYS.join(", ")}`));
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
      entries: readEntries(doc, at, diagnostics),
      rateLimits: readRateLimits(doc, at, diagnostics),
      headers: readHeaders(doc, at, diagnostics),
    },
    diagnostics,
  };
}

/** `entries: { min, max }`: how many records one ingestion request carries; defaults to SEMANTICS.md's 1 to 50. */
function readEntries(doc: Document, at: (node: unknown) => SourcePos, diagnostics: Diagnostic[]): ApiInfo["entries"] {
  const node = doc.getIn(["entries"], true);
  if (node === undefined) return DEFAULT_API.entries;
  const value = doc.getIn(["entries"]);
  const limits = { ...DEFAULT_API.entries };
  if (!isMap(value)) {
    diagnostics.push(diag("api-spec", at(node), "entries must be a mapping with min and max (integers, 1 ≤ min ≤ max)"));
    return limits;
  }
  for (const item of value.items) {
    const k = String((item.key as { value?: unknown }).value);
    const v = (item.value as { value?: unknown } | null)?.value;
    if (k !== "min" && k !== "max") diagnostics.push(diag("unknown-key", at(item.key), `unknown key '${k}' in entries; allowed: min, max`));
    else if (typeof v !== "number" || !Number.isInteger(v) || v < 1 || v > 100_000) diagnostics.push(diag("api-spec", at(item.value), `entries.${k} must be an integer from 1 to 100000`));
    else limits[k] = v;
  }
  if (limits.min > limits.max) diagnostics.push(diag("api-spec", at(node), `entries.min (${limits.min}) is above entries.max (${limits.max})`));
  return limits;
}

/**
 * `rateLimits: { header, limits: [{ requests, per }] }`: the documented limits of data ingestion and the response
 * header that reports them, stated in the ingestion operation's description and the header's; defaults to the doc's.
 */
function readRateLimits(doc: Document, at: (node: unknown) => SourcePos, diagnostics: Diagnostic[]): ApiInfo["rateLimits"] {
  const node = doc.getIn(["rateLimits"], true);
  if (node === undefined) return DEFAULT_API.rateLimits;
  const value = doc.getIn(["rateLimits"]);
  const shape = "rateLimits must be a mapping with header (an HTTP header name) and limits (a list of { requests, per })";
  if (!isMap(value)) {
    diagnostics.push(diag("api-spec", at(node), shape));
    return DEFAULT_API.rateLimits;
  }
  let header: string | null = null;
  const limits: { requests: number; per: string }[] = [];
  let sawLimits = false;
  for (const item of value.items) {
    const k = String((item.key as { value?: unknown }).value);
    if (k === "header") {
      const v = (item.value as { value?: unknown } | null)?.value;
      if (typeof v !== "string" || !HEADER_NAME.test(v)) diagnostics.push(diag("api-spec", at(item.value ?? item.key), "rateLimits.header must be an HTTP header name (letters, digits and !#$%&'*+.^_`|~-)"));
      else header = v;
    } else if (k === "limits") {
      sawLimits = true;
      if (!isSeq(item.value) || item.value.items.length === 0) {
        diagnostics.push(diag("api-spec", at(item.value ?? item.key), "rateLimits.limits must be a non-empty list of { requests, per }"));
        continue;
      }
      for (const [i, limit] of item.value.items.entries()) {
        const what = `rateLimits.limits #${i + 1}`;
        const requests = isMap(limit) ? limit.get("requests") : undefined, per = isMap(limit) ? limit.get("per") : undefined;
        const extra = isMap(limit) ? limit.items.map((p) => String((p.key as { value?: unknown }).value)).filter((x) => x !== "requests" && x !== "per") : [];
        if (!isMap(limit)) diagnostics.push(diag("api-spec", at(limit), `${what} must be a mapping { requests, per }, e.g. { requests: 50, per: 1 second }`));
        else if (extra.length > 0) diagnostics.push(diag("unknown-key", at(limit.items.find((p) => String((p.key as { value?: unknown }).value) === extra[0])!.key), `unknown key '${extra[0]}' in ${what}; allowed: requests, per`));
        else if (typeof requests !== "number" || !Number.isInteger(requests) || requests < 1) diagnostics.push(diag("api-spec", at(limit.get("requests", true) ?? limit), `${what}: requests must be a positive integer`));
        else if (typeof per !== "string" || per.trim() === "") diagnostics.push(diag("api-spec", at(limit.get("per", true) ?? limit), `${what}: per must be the period as the documentation words it, e.g. "1 minute"`));
        else limits.push({ requests, per });
      }
    } else diagnostics.push(diag("unknown-key", at(item.key), `unknown key '${k}' in rateLimits; allowed: header, limits`));
  }
  if (header === null && !value.items.some((p) => String((p.key as { value?: unknown }).value) === "header")) diagnostics.push(diag("api-spec", at(node), `${shape}; header is missing`));
  if (!sawLimits) diagnostics.push(diag("api-spec", at(node), `${shape}; limits is missing`));
  return { header: header ?? DEFAULT_API.rateLimits.header, limits: limits.length > 0 ? limits : DEFAULT_API.rateLimits.limits };
}

const keyOf = (p: { key: unknown }): string => String((p.key as { value?: unknown }).value);

/** One `{ name, description }` of `headers`; null (and a diagnostic) when it is not one. */
function readHeader(node: unknown, what: string, name: RegExp, nameRule: string, at: (node: unknown) => SourcePos, diagnostics: Diagnostic[]): ApiHeader | null {
  if (!isMap(node)) {
    diagnostics.push(diag("api-spec", at(node), `${what} must be a mapping { name, description }`));
    return null;
  }
  let ok = true;
  for (const p of node.items) {
    if (keyOf(p) !== "name" && keyOf(p) !== "description") { diagnostics.push(diag("unknown-key", at(p.key), `unknown key '${keyOf(p)}' in ${what}; allowed: name, description`)); ok = false; }
  }
  const n = node.get("name"), d = node.get("description");
  if (typeof n !== "string" || !name.test(n)) { diagnostics.push(diag("api-spec", at(node.get("name", true) ?? node), `${what}.name must be ${nameRule}`)); ok = false; }
  if (typeof d !== "string" || d.trim() === "") { diagnostics.push(diag("api-spec", at(node.get("description", true) ?? node), `${what}.description must be a non-empty string`)); ok = false; }
  return ok ? { name: n as string, description: d as string } : null;
}

/**
 * `headers: { token, apiKey, callback: [...] }`, each header `{ name, description }`: the two credentials every data
 * ingestion call sends (the OpenAPI security schemes) and the callback's optional headers; defaults to the doc's.
 */
function readHeaders(doc: Document, at: (node: unknown) => SourcePos, diagnostics: Diagnostic[]): ApiInfo["headers"] {
  const node = doc.getIn(["headers"], true);
  if (node === undefined) return DEFAULT_API.headers;
  const value = doc.getIn(["headers"]);
  if (!isMap(value)) {
    diagnostics.push(diag("api-spec", at(node), "headers must be a mapping with token, apiKey and callback"));
    return DEFAULT_API.headers;
  }
  const scheme = "an HTTP header name that can also name a security scheme (letters, digits and ._-)";
  const out: { token?: ApiHeader | null; apiKey?: ApiHeader | null; callback?: ApiHeader[] } = {};
  for (const item of value.items) {
    const k = keyOf(item);
    if (k === "token" || k === "apiKey") out[k] = readHeader(item.value, `headers.${k}`, SCHEME_NAME, scheme, at, diagnostics);
    else if (k === "callback") {
      if (!isSeq(item.value)) { diagnostics.push(diag("api-spec", at(item.value ?? item.key), "headers.callback must be a list of { name, description }")); continue; }
      const seen = new Set<string>();
      out.callback = item.value.items.flatMap((h, i) => {
        const header = readHeader(h, `headers.callback #${i + 1}`, HEADER_NAME, "an HTTP header name (letters, digits and !#$%&'*+.^_`|~-)", at, diagnostics);
        if (header && seen.has(header.name.toLowerCase())) diagnostics.push(diag("api-spec", at(h), `headers.callback names '${header.name}' twice (HTTP header names ignore case)`));
        if (header) seen.add(header.name.toLowerCase());
        return header ? [header] : [];
      });
    } else diagnostics.push(diag("unknown-key", at(item.key), `unknown key '${k}' in headers; allowed: token, apiKey, callback`));
  }
  for (const k of ["token", "apiKey", "callback"] as const) if (!(k in out)) diagnostics.push(diag("api-spec", at(node), `headers has no '${k}'`));
  const names = [out.token?.name, out.apiKey?.name];
  if (names[0] !== undefined && names[0].toLowerCase() === names[1]?.toLowerCase()) diagnostics.push(diag("api-spec", at(value.get("apiKey", true)), "headers.apiKey must differ from headers.token (HTTP header names ignore case)"));
  return { token: out.token ?? DEFAULT_API.headers.token, apiKey: out.apiKey ?? DEFAULT_API.headers.apiKey, callback: out.callback ?? DEFAULT_API.headers.callback };
}

/** `shapes`: the API's shapes beside the entities, read and checked as entity fields are; null when absent. */
function readShapeSection(file: string, doc: Document, lines: LineCounter, diagnostics: Diagnostic[]): RawShape[] | null {
  const r = new Reader(file, lines);
  const shapes = readShapes(r, doc.contents as Node);
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
