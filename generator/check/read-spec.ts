import { isMap, isScalar, isSeq, type LineCounter, type Node, type Pair, type YAMLMap } from "yaml";
import { diag, type Diagnostic, type DiagnosticCode, type SourcePos } from "./diagnostics.ts";
import {
  ERRATUM_PROPERTIES, FIELD_TYPES, FORMATS, TAGS,
  type Located, type RawErratum, type RawField, type RawIncomplete, type RawRule, type RawSpec, type RawTable,
} from "./raw-spec.ts";
import { closest } from "../util/text.ts";
import { readYaml } from "./fast-yaml.ts";

/** Walks one parsed YAML document, reporting every shape problem it meets. */
export class Reader {
  readonly diagnostics: Diagnostic[] = [];
  constructor(readonly file: string, private readonly lines: LineCounter) {}

  pos(node: Node | Pair | null | undefined): SourcePos {
    const range = node && "range" in node ? node.range : node && "key" in node ? (node.key as Node | null)?.range : undefined;
    const offset = range ? range[0] : 0;
    const { line, col } = this.lines.linePos(offset);
    return { file: this.file, line, col };
  }

  report(code: DiagnosticCode, at: Node | Pair | null | undefined | SourcePos, message: string): void {
    const pos = at && "file" in at ? at : this.pos(at as Node | undefined);
    this.diagnostics.push(diag(code, pos, message));
  }

  /** Checks a mapping's keys; returns its entries by key. */
  map(node: unknown, what: string, allowed: readonly string[], required: readonly string[], at: Node | SourcePos | undefined): Map<string, Pair<Node, Node | null>> | null {
    const entries = new Map<string, Pair<Node, Node | null>>();
    if (!isMap(node)) {
      this.report("wrong-type", (node as Node | undefined) ?? at, `${what} must be a mapping, found ${describe(node)}`);
      return null;
    }
    for (const pair of (node as YAMLMap<Node, Node | null>).items) {
      const key = isScalar(pair.key) ? pair.key.value : undefined;
      if (typeof key !== "string") {
        this.report("wrong-type", pair.key, `keys of ${what} must be strings`);
        continue;
      }
      if (!allowed.includes(key)) {
        const hint = closest(key, allowed);
        this.report("unknown-key", pair.key, `unknown key '${key}' in ${what}${hint ? ` (did you mean '${hint}'?)` : ""}; allowed: ${allowed.join(", ")}`);
        continue;
      }
      entries.set(key, pair);
    }
    for (const key of required) {
      if (!entries.has(key)) this.report("missing-key", node as Node, `${what} has no '${key}'`);
    }
    return entries;
  }

  string(pair: Pair<Node, Node | null> | undefined, what: string, opts: { nullable?: boolean; nonEmpty?: boolean } = {}): Located<string | null> | null {
    if (!pair) return null;
    const node = pair.value;
    const pos = this.pos(node ?? pair);
    if (node === null || (isScalar(node) && node.value === null)) {
      if (opts.nullable) return { value: null, pos };
      this.report("wrong-type", node ?? pair, `${what} must be a string, found null`);
      return null;
    }
    if (!isScalar(node) || typeof node.value !== "string") {
      this.report("wrong-type", node, `${what} must be a string, found ${describe(node)}${isScalar(node) && typeof node.value !== "object" ? ` (quote it: "${String(node.value)}")` : ""}`);
      return null;
    }
    if (opts.nonEmpty && node.value.trim() === "") {
      this.report("invalid-value", node, `${what} must not be empty`);
      return null;
    }
    return { value: node.value, pos };
  }

  boolean(pair: Pair<Node, Node | null> | undefined, what: string): boolean {
    if (!pair) return false;
    const node = pair.value;
    if (!isScalar(node) || typeof node.value !== "boolean") {
      this.report("wrong-type", node ?? pair, `${what} must be true or false, found ${describe(node)}`);
      return false;
    }
    return node.value;
  }

  number(pair: Pair<Node, Node | null> | undefined, what: string): Located<number> | null {
    if (!pair) return null;
    const node = pair.value;
    if (!isScalar(node) || typeof node.value !== "number" || !Number.isFinite(node.value)) {
      this.report("wrong-type", node ?? pair, `${what} must be a finite number, found ${describe(node)}`);
      return null;
    }
    return { value: node.value, pos: this.pos(node) };
  }

  oneOf<T extends string>(pair: Pair<Node, Node | null> | undefined, what: string, values: readonly T[], code: DiagnosticCode = "invalid-value"): Located<T> | null {
    const s = this.string(pair, what);
    if (!s || s.value === null) return null;
    if (!(values as readonly string[]).includes(s.value)) {
      const hint = closest(s.value, values);
      this.report(code, s.pos, `${what} is '${s.value}', which is not one of ${values.join(", ")}${hint ? ` (did you mean '${hint}'?)` : ""}`);
      return null;
    }
    return s as Located<T>;
  }

  seq(pair: Pair<Node, Node | null> | undefined, what: string): Node[] | null {
    if (!pair) return null;
    const node = pair.value;
    if (!isSeq(node)) {
      this.report("wrong-type", node ?? pair, `${what} must be a list, found ${describe(node)}`);
      return null;
    }
    return node.items as Node[];
  }

  strings(pair: Pair<Node, Node | null> | undefined, what: string): Located<string>[] | null {
    const items = this.seq(pair, what);
    if (!items) return null;
    const out: Located<string>[] = [];
    for (const item of items) {
      if (!isScalar(item) || typeof item.value !== "string") {
        this.report("wrong-type", item, `items of ${what} must be strings, found ${describe(item)}${isScalar(item) && item.value !== null ? ` (quote it: "${String(item.value)}")` : ""}`);
        continue;
      }
      out.push({ value: item.value, pos: this.pos(item) });
    }
    return out;
  }
}

function describe(node: unknown): string {
  if (node === null || node === undefined) return "nothing";
  if (isMap(node)) return "a mapping";
  if (isSeq(node)) return "a list";
  if (isScalar(node)) {
    const v = node.value;
    if (v === null) return "null";
    if (typeof v === "string") return `the string ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + "…" : v)}`;
    return `${typeof v} ${String(v)}`;
  }
  return "an unsupported node (alias or tag)";
}

const SPEC_KEYS = ["page", "objectType", "title", "tags", "customFields", "incomplete", "notes", "fields", "rules", "errata", "tables"];
const TABLE_KEYS = ["title", "customFields", "incomplete", "notes", "fields", "rules", "errata"];
const FIELD_KEYS = ["name", "docType", "type", "required", "docRequired", "description", "example", "default", "enum", "format", "minimum", "maximum", "table"];
const INCOMPLETE_KEYS = ["after", "note"];
const RULE_KEYS: Record<string, string[]> = { "any-of": ["kind", "groups", "doc"], "all-of": ["kind", "fields", "doc"] };
const ERRATUM_KEYS = ["field", "property", "doc", "corrected", "note"];

/** Reads one field of a table (entity, nested table or API shape). */
export function readField(r: Reader, node: Node, index: number): RawField | null {
  const m = r.map(node, `field #${index + 1}`, FIELD_KEYS, ["name", "docType", "type"], node);
  if (!m) return null;
  const name = r.string(m.get("name"), "field name", { nonEmpty: true });
  const what = name?.value ? `field '${name.value}'` : `field #${index + 1}`;
  const docType = r.string(m.get("docType"), `docType of ${what}`, { nullable: true });
  const type = r.oneOf(m.get("type"), `type of ${what}`, FIELD_TYPES, "unknown-type");
  const enumValues = r.strings(m.get("enum"), `enum of ${what}`);
  const description = r.string(m.get("description"), `description of ${what}`);
  const example = r.string(m.get("example"), `example of ${what}`);
  const table = r.string(m.get("table"), `table of ${what}`, { nonEmpty: true, nullable: true });
  const dflt = r.string(m.get("default"), `default of ${what}`);
  const field: RawField = {
    pos: r.pos(node),
    name: name as Located<string>,
    docType: docType as Located<string | null>,
    type: type as RawField["type"],
    required: r.boolean(m.get("required"), `required of ${what}`),
    docRequired: r.boolean(m.get("docRequired"), `docRequired of ${what}`),
    description: description as Located<string> | null,
    example: example as Located<string> | null,
    enum: enumValues ? { pos: r.pos(m.get("enum")?.value), values: enumValues } : null,
    format: r.oneOf(m.get("format"), `format of ${what}`, FORMATS),
    minimum: r.number(m.get("minimum"), `minimum of ${what}`),
    maximum: r.number(m.get("maximum"), `maximum of ${what}`),
    table,
    default: dflt as Located<string> | null,
  };
  if (m.get("enum") && enumValues && enumValues.length === 0) r.report("invalid-value", m.get("enum")!.value, `enum of ${what} is empty`);
  return name && docType && type ? field : null;
}

function readRule(r: Reader, node: Node, index: number): RawRule | null {
  const kindPair = isMap(node) ? (node as YAMLMap<Node, Node | null>).items.find((p) => isScalar(p.key) && p.key.value === "kind") : undefined;
  const kind = r.oneOf(kindPair as Pair<Node, Node | null> | undefined, `kind of rule #${index + 1}`, ["any-of", "all-of"] as const);
  if (!isMap(node)) {
    r.report("wrong-type", node, `rule #${index + 1} must be a mapping, found ${describe(node)}`);
    return null;
  }
  if (!kindPair) r.report("missing-key", node, `rule #${index + 1} has no 'kind' (any-of or all-of)`);
  if (!kind) return null;
  const m = r.map(node, `${kind.value} rule`, RULE_KEYS[kind.value]!, RULE_KEYS[kind.value]!, node);
  if (!m) return null;
  const doc = r.strings(m.get("doc"), "doc of a rule");
  if (doc && doc.length === 0) r.report("invalid-value", m.get("doc")!.value, "a rule must quote at least one doc sentence");
  const docs = (doc ?? []).map((d) => d.value);
  if (kind.value === "all-of") {
    const fields = r.strings(m.get("fields"), "fields of an all-of rule");
    if (fields && fields.length === 0) r.report("invalid-value", m.get("fields")!.value, "an all-of rule needs at least one field");
    return fields && doc ? { kind: "all-of", pos: r.pos(node), fields, doc: docs } : null;
  }
  const groupNodes = r.seq(m.get("groups"), "groups of an any-of rule");
  if (!groupNodes) return null;
  const groups: Located<string>[][] = [];
  for (const g of groupNodes) {
    const pair = { value: g, key: null } as unknown as Pair<Node, Node | null>;
    const items = r.strings(pair, "a group of an any-of rule");
    if (items && items.length === 0) r.report("invalid-value", g, "a group of an any-of rule is empty");
    if (items) groups.push(items);
  }
  if (groupNodes.length < 2) r.report("invalid-value", m.get("groups")!.value, "an any-of rule needs at least two groups");
  return doc ? { kind: "any-of", pos: r.pos(node), groups, doc: docs } : null;
}

function readErratum(r: Reader, node: Node, index: number): RawErratum | null {
  const m = r.map(node, `erratum #${index + 1}`, ERRATUM_KEYS, ["property", "doc", "corrected", "note"], node);
  if (!m) return null;
  const property = r.oneOf(m.get("property"), `property of erratum #${index + 1}`, ERRATUM_PROPERTIES);
  const doc = r.string(m.get("doc"), `doc of erratum #${index + 1}`);
  const corrected = r.string(m.get("corrected"), `corrected of erratum #${index + 1}`, { nullable: true });
  const note = r.string(m.get("note"), `note of erratum #${index + 1}`, { nonEmpty: true });
  const field = r.string(m.get("field"), `field of erratum #${index + 1}`, { nonEmpty: true });
  if (!property || !doc || !corrected || !note) return null;
  return { pos: r.pos(node), field: field as Located<string> | null, property: property.value, doc: doc.value as string, corrected: corrected.value, note: note.value as string };
}

function readIncomplete(r: Reader, pair: Pair<Node, Node | null> | undefined, what: string): RawIncomplete | null {
  if (!pair) return null;
  const m = r.map(pair.value, `incomplete of ${what}`, INCOMPLETE_KEYS, INCOMPLETE_KEYS, r.pos(pair));
  if (!m) return null;
  const after = r.string(m.get("after"), `after of incomplete (${what})`, { nonEmpty: true });
  const note = r.string(m.get("note"), `note of incomplete (${what})`, { nonEmpty: true });
  return after?.value && note?.value ? { pos: r.pos(pair.value), after: after as Located<string>, note: note.value } : null;
}

/** Reads a list of non-empty notes. */
export function readNotes(r: Reader, pair: Pair<Node, Node | null> | undefined, what: string): string[] {
  const notes = (r.strings(pair, `notes of ${what}`) ?? []).map((n) => n.value);
  if (pair && notes.some((n) => n.trim() === "")) r.report("invalid-value", pair.value, `notes of ${what} must not be empty`);
  return notes;
}

/** Reads a list, each item with `item`; items that fail to read are left out (their problems reported). */
export function readList<T>(r: Reader, pair: Pair<Node, Node | null> | undefined, what: string, item: (r: Reader, n: Node, i: number) => T | null): T[] {
  return (r.seq(pair, what) ?? []).map((n, i) => item(r, n, i)).filter((x): x is T => x !== null);
}

function readTable(r: Reader, node: Node, index: number): RawTable | null {
  const m = r.map(node, `nested table #${index + 1}`, TABLE_KEYS, ["title", "fields"], node);
  if (!m) return null;
  const title = r.string(m.get("title"), "title of a nested table", { nonEmpty: true });
  const fields = readList(r, m.get("fields"), "fields", readField);
  if (!title) return null;
  return {
    pos: r.pos(node), title: title as Located<string>, customFields: r.boolean(m.get("customFields"), "customFields"),
    incomplete: readIncomplete(r, m.get("incomplete"), `'${title.value}'`), notes: readNotes(r, m.get("notes"), `'${title.value}'`), fields,
    rules: readList(r, m.get("rules"), "rules", readRule), errata: readList(r, m.get("errata"), "errata", readErratum),
  };
}

/** Parses and shape-checks one spec file. Returns the spec (null when unusable) and every problem found. */
export function readSpec(file: string, text: string): { spec: RawSpec | null; partial?: RawSpec | null; diagnostics: Diagnostic[] } {
  // The plain YAML specs are written in is read by fastYaml; anything else (and every error) by the library.
  const { doc, lines } = readYaml(text);
  const r = new Reader(file, lines);
  // The parser reports a stack overflow (absurd nesting) where and as often as the stack ran out, which varies
  // by machine: one diagnostic at the file's start keeps the output deterministic.
  if (doc.errors.some((e) => /call stack/iu.test(e.message))) {
    r.report("yaml-syntax", { file, line: 1, col: 1 }, "the file nests too deeply to parse");
    return { spec: null, diagnostics: r.diagnostics };
  }
  // Warnings count too: an unresolved tag (`!!js/function`) would otherwise pass silently as a plain string.
  for (const e of [...doc.errors, ...doc.warnings]) {
    const { line, col } = lines.linePos(e.pos[0]);
    const message = e.code === "MULTIPLE_DOCS" ? "a spec file holds one YAML document; remove the '---' that starts a second" : e.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/u, "");
    r.report(e.code === "DUPLICATE_KEY" ? "duplicate-key" : "yaml-syntax", { file, line, col }, message);
  }
  if (doc.errors.length + doc.warnings.length > 0) return { spec: null, diagnostics: r.diagnostics };
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) {
    r.report("wrong-type", { file, line: 1, col: 1 }, "the spec is empty; expected a mapping with objectType, title and fields");
    return { spec: null, diagnostics: r.diagnostics };
  }
  const m = r.map(root, "a spec", SPEC_KEYS, ["objectType", "title", "fields"], { file, line: 1, col: 1 });
  if (!m) return { spec: null, diagnostics: r.diagnostics };
  const objectType = r.string(m.get("objectType"), "objectType", { nonEmpty: true });
  if (objectType?.value && !/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/u.test(objectType.value)) {
    r.report("invalid-value", objectType.pos, `objectType '${objectType.value}' must be kebab-case (lower-case words joined by '-')`);
  }
  const title = r.string(m.get("title"), "title", { nonEmpty: true });
  const tags: RawSpec["tags"][number][] = [];
  for (const t of r.strings(m.get("tags"), "tags") ?? []) {
    if ((TAGS as readonly string[]).includes(t.value)) tags.push(t.value as RawSpec["tags"][number]);
    else r.report("invalid-value", t.pos, `unknown tag '${t.value}'; known tags: ${TAGS.join(", ")}`);
  }
  const page = r.string(m.get("page"), "page", { nonEmpty: true });
  if (page?.value && !/^[^/\\]+\.txt$/u.test(page.value)) r.report("invalid-value", page.pos, `page '${page.value}' must be the file name of a saved page in pages/ (e.g. customer.txt)`);
  const spec: RawSpec = {
    file, pos: { file, line: 1, col: 1 }, page: page as Located<string> | null,
    objectType: objectType as Located<string>, title: title as Located<string>, tags,
    customFields: r.boolean(m.get("customFields"), "customFields"),
    incomplete: readIncomplete(r, m.get("incomplete"), "the entity"), notes: readNotes(r, m.get("notes"), "the entity"),
    fields: readList(r, m.get("fields"), "fields", readField),
    rules: readList(r, m.get("rules"), "rules", readRule),
    errata: readList(r, m.get("errata"), "errata", readErratum),
    tables: readList(r, m.get("tables"), "tables", readTable),
  };
  const usable = objectType?.value && title?.value && r.diagnostics.length === 0;
  // `partial`: what could be read despite shape errors, so the later passes still report their problems in this run.
  return { spec: usable ? spec : null, partial: objectType?.value && title?.value ? spec : null, diagnostics: r.diagnostics };
}
