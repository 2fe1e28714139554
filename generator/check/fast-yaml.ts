import { Document, LineCounter, Pair, parseDocument, Scalar, YAMLMap, YAMLSeq, type Node } from "yaml";

/**
 * A reader for the plain YAML that spec files are written in (block mappings and sequences, `- key:` and
 * `- -` items, plain and quoted scalars, also over several lines as `yaml.stringify` folds them, `|`/`>`
 * block scalars, one-line flow lists and mappings, comment lines), making the `yaml` library's own nodes with
 * the same values and start offsets. Parsing with `yaml` was the largest part of reading specs (~0.1 s of a
 * `check`, ~0.8 s of a 300-entity `generate`).
 *
 * Anything else, and anything the library might report (a duplicate key, a tab, a second document, an
 * anchor, a tag, a multi-line flow collection, a trailing comment), returns null: the caller parses with `yaml`, so every
 * diagnostic comes from the library as before. A test holds values and offsets equal to the library's.
 */

/** A document of fastYaml's parse, for readers that use the Document API (read-api.ts). */
export function documentOf(contents: Node): Document {
  const doc = new Document(undefined, { uniqueKeys: true, strict: true });
  doc.contents = contents;
  return doc;
}

/**
 * A spec-like YAML text (a spec, api.yaml) as a Document and its line starts: fastYaml's when it reads the text,
 * else the library's (duplicate keys refused, strict), whose errors and warnings the caller reports.
 */
export function readYaml(text: string): { doc: Document; lines: LineCounter } {
  const fast = fastYaml(text);
  if (fast) return { doc: documentOf(fast.contents), lines: fast.lines };
  const lines = new LineCounter();
  return { doc: parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false, strict: true }), lines };
}

/** The parse, or null for a text this reader leaves to `yaml`. */
export function fastYaml(text: string): { contents: Node; lines: LineCounter } | null {
  // Tabs, carriage returns, a byte-order mark, control characters and the Unicode line separators: the library's.
  if (/[\u0000-\u0009\u000b-\u001f\u007f\u0085\u2028\u2029\ufeff]/u.test(text)) return null;
  try {
    return new Reader(text).document();
  } catch {
    // Fallback, or anything unforeseen (a stack overflow on absurd nesting): the library decides.
    return null;
  }
}

class Fallback extends Error {}
const no = (): never => {
  throw new Fallback();
};

interface Line {
  /** Offset of the line's first character. */
  readonly start: number;
  /** Offset of its end (its `\n`, or the text's end). */
  readonly end: number;
  /** Columns of leading spaces. */
  readonly indent: number;
}

const KEY = /^([A-Za-z_][A-Za-z0-9_]*):(?: +|$)/u;
/** A plain scalar's first character: no indicator, or `-` before a non-space. */
const PLAIN_START = /^(?:[^\s\-?:,[\]{}#&*!|>'"%@`]|-(?=[^\s]))/u;
/** A plain scalar (or line of one) this reader reads in a block: no `: `, ` #` or trailing `:`, no surrounding spaces. */
const plainLine = (t: string): boolean => PLAIN_START.test(t) && !t.includes(": ") && !t.includes(" #") && !t.endsWith(":") && t.trim() === t;
/** In a flow list: none of its indicators either. */
const PLAIN_IN_FLOW = /^(?:[^\s\-?:,[\]{}#&*!|>'"%@`]|-(?=[^\s:#,[\]{}]))(?:[^:#,[\]{}"'`]*[^\s:#,[\]{}"'`])?$/u;
const INT = /^(?:0|-?[1-9][0-9]*)$/u;
const FLOAT = /^-?(?:0|[1-9][0-9]*)\.[0-9]+$/u;
/** What the core schema would read as something other than a string, in forms this reader does not resolve itself. */
const OTHER_CORE = /^(?:~|Null|NULL|True|TRUE|False|FALSE|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|[-+]?[0-9][0-9_]*(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\.[0-9]+(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|\+.*)$/u;

class Reader {
  private readonly lines: Line[] = [];
  /** Index of the next line to read (comment and blank lines skipped by `current`). */
  private at = 0;
  private readonly counter = new LineCounter();

  constructor(private readonly s: string) {
    let start = 0;
    for (;;) {
      this.counter.addNewLine(start);
      const nl = s.indexOf("\n", start);
      const end = nl < 0 ? s.length : nl;
      let i = start;
      while (i < end && s.charCodeAt(i) === 32) i++;
      this.lines.push({ start, end, indent: i - start });
      if (nl < 0) break;
      start = nl + 1;
    }
  }

  document(): { contents: Node; lines: LineCounter } {
    const first = this.current();
    if (!first || first.indent !== 0) no();
    const contents = this.block(0);
    if (this.current()) no();
    return { contents, lines: this.counter };
  }

  /** The next line with content (blank and comment lines skipped; a document marker or directive falls back). */
  private current(): Line | null {
    while (this.at < this.lines.length) {
      const l = this.lines[this.at]!;
      const c = this.s.charCodeAt(l.start + l.indent);
      if (l.start + l.indent === l.end) { this.at++; continue; }
      if (c === 35 /* # */) { this.at++; continue; }
      if (l.indent === 0 && (this.s.startsWith("---", l.start) || this.s.startsWith("...", l.start) || c === 37 /* % */)) no();
      return l;
    }
    return null;
  }

  private content(l: Line): string {
    return this.s.slice(l.start + l.indent, l.end);
  }

  /** A block mapping or sequence whose lines start at column `col`. */
  private block(col: number): Node {
    const l = this.current()!;
    if (l.indent !== col) no();
    const c = this.content(l);
    if (c === "-" || c.startsWith("- ")) return this.sequence(col);
    if (KEY.test(c)) return this.mapping(col, l.start + col);
    return no();
  }

  /** A block sequence at column `col`; its first `-` may sit after another's (`firstDash`, on the current line). */
  private sequence(col: number, firstDash = -1): YAMLSeq {
    const seq = new YAMLSeq();
    const first = firstDash >= 0 ? firstDash : this.current()!.start + col;
    for (let dash = first; ;) {
      const l = this.current()!;
      let i = dash + 1;
      while (i < l.end && this.s.charCodeAt(i) === 32) i++;
      const rest = this.s.slice(i, l.end);
      if (i === l.end) {
        // `-` alone: the item is the block below it.
        this.at++;
        const next = this.current();
        if (!next || next.indent <= col) return no();
        seq.items.push(this.block(next.indent));
      } else if (rest === "-" || rest.startsWith("- ")) {
        // `- - a`: a list whose column is that of its first `-`.
        seq.items.push(this.sequence(i - l.start, i));
      } else if (KEY.test(rest)) {
        // `- key: value`: a mapping whose column is that of its first key.
        seq.items.push(this.mapping(i - l.start, i));
      } else {
        seq.items.push(this.inline(i, col));
      }
      const next = this.current();
      if (!next || next.indent !== col) break;
      const c = this.content(next);
      if (!(c === "-" || c.startsWith("- "))) break;
      dash = next.start + col;
    }
    seq.range = [first, first, first]; // only range[0] is read (diagnostics' positions)
    return seq;
  }

  /** A block mapping at column `col`; its first key may sit after a `- ` (`firstKey`, on the current line). */
  private mapping(col: number, firstKey: number): YAMLMap {
    const map = new YAMLMap();
    const keys = new Set<string>();
    let keyAt = firstKey;
    for (;;) {
      const l = this.current()!;
      const m = KEY.exec(this.s.slice(keyAt, l.end)) ?? no();
      const name = m[1]!;
      if (keys.has(name) || name === "__proto__") no();
      keys.add(name);
      const key = new Scalar(name);
      key.range = [keyAt, keyAt + name.length, keyAt + name.length];
      const valueAt = keyAt + m[0].length;
      let value: Node;
      if (valueAt === l.end) {
        this.at++;
        const next = this.current();
        // A nested block: deeper, or a sequence at the key's own column.
        if (next && (next.indent > col || (next.indent === col && /^-(?: |$)/u.test(this.content(next))))) value = this.block(next.indent);
        else return no(); // an empty value: left to the library (its position for a null)
      } else value = this.inline(valueAt, col);
      map.items.push(new Pair(key, value));
      const next = this.current();
      if (!next || next.indent !== col) break;
      const c = this.content(next);
      if (c === "-" || c.startsWith("- ")) no(); // a list at a mapping's own column, not as a key's value
      keyAt = next.start + col;
    }
    map.range = [firstKey, firstKey, firstKey];
    return map;
  }

  /** A scalar or flow list starting at `i` on the current line; the line (or lines) after it are taken. `col`: its parent's column. */
  private inline(i: number, col: number): Node {
    const l = this.current()!;
    const c = this.s[i]!;
    let node: Node, end: number;
    if (c === '"') [node, end] = this.doubleQuoted(i, col);
    else if (c === "'") [node, end] = this.singleQuoted(i, col);
    else if (c === "[") [node, end] = this.flowList(i, l.end);
    else if (c === "{") [node, end] = this.flowMap(i, l.end);
    else if ((c === "|" || c === ">") && (i + 1 === l.end || (i + 2 === l.end && this.s[i + 1] === "-"))) [node, end] = this.blockScalar(i, l, col);
    else {
      // A plain scalar, over the deeper lines after it too (folded: one space a line break).
      let text = this.s.slice(i, l.end);
      if (!plainLine(text)) no();
      end = l.end;
      for (let k = this.at + 1; k < this.lines.length; k++) {
        const m = this.lines[k]!;
        if (m.indent <= col || m.start + m.indent === m.end) break;
        const more = this.s.slice(m.start + m.indent, m.end);
        if (!plainLine(more)) no();
        text += ` ${more}`;
        end = m.end;
      }
      node = plain(text, i, end);
    }
    if (end !== this.lineOf(end).end) no(); // something after the value (a comment, another value)
    while (this.at < this.lines.length && this.lines[this.at]!.end < end) this.at++;
    this.at++;
    // A deeper line after a value would continue it (a multi-line plain scalar): left to the library.
    const next = this.current();
    if (next && next.indent > col) no();
    return node;
  }

  private lineOf(offset: number): Line {
    for (let k = this.at; k < this.lines.length; k++) if (this.lines[k]!.end >= offset) return this.lines[k]!;
    return no();
  }

  /** The offset of a quoted scalar's closing quote (`"` after no odd run of backslashes; `'` not doubled). */
  private closing(i: number, q: string): number {
    const s = this.s;
    let j = i + 1;
    for (;;) {
      const at = s.indexOf(q, j);
      if (at < 0) no();
      if (q === "'") {
        if (s[at + 1] === "'") { j = at + 2; continue; }
        return at;
      }
      let b = at - 1;
      while (s.charCodeAt(b) === 92) b--;
      if ((at - 1 - b) % 2 === 0) return at;
      j = at + 1;
    }
  }

  private doubleQuoted(i: number, col: number): [Scalar, number] {
    const j = this.closing(i, '"');
    const node = new Scalar(unescape(fold(this.s.slice(i + 1, j), col, true)));
    node.type = "QUOTE_DOUBLE";
    node.range = [i, j + 1, j + 1];
    return [node, j + 1];
  }

  private singleQuoted(i: number, col: number): [Scalar, number] {
    const j = this.closing(i, "'");
    const node = new Scalar(fold(this.s.slice(i + 1, j), col, false).replace(/''/gu, "'"));
    node.type = "QUOTE_SINGLE";
    node.range = [i, j + 1, j + 1];
    return [node, j + 1];
  }

  /**
   * A block scalar (`|`, `|-`, `>`, `>-`) whose indicator is at `i` on line `l`: the deeper lines after it, their
   * common indentation removed; kept as lines (`|`) or folded (`>`: a line break between two lines is a space,
   * and n empty lines between them n line breaks). More-indented lines of a folded scalar fall back.
   */
  private blockScalar(i: number, l: Line, col: number): [Scalar, number] {
    const folded = this.s[i] === ">";
    const strip = this.s[i + 1] === "-";
    const k0 = this.lines.indexOf(l);
    let indent = -1, k = k0 + 1, end = l.end;
    const out: string[] = [];
    for (; k < this.lines.length; k++) {
      const m = this.lines[k]!;
      const blank = m.start + m.indent === m.end;
      if (blank) {
        if (indent < 0) no(); // leading empty lines: their indentation rules are not guessed at
        out.push(m.end - m.start > indent ? this.s.slice(m.start + indent, m.end) : "");
        continue;
      }
      if (m.indent <= col) break;
      if (indent < 0) indent = m.indent;
      else if (m.indent < indent) no();
      out.push(this.s.slice(m.start + indent, m.end));
      end = m.end;
    }
    if (indent < 0) no();
    if (!strip && end === this.s.length) no(); // no final line break to keep
    // Trailing empty lines go (`|-`), or all but one line break (`|`).
    while (out.length > 0 && out[out.length - 1] === "") out.pop();
    let text: string;
    if (!folded) text = out.join("\n");
    else {
      if (out.some((line) => line.startsWith(" "))) no();
      text = "";
      let breaks = 0;
      for (const [n, line] of out.entries()) {
        if (line === "") { breaks++; continue; }
        if (n > 0) text += breaks > 0 ? "\n".repeat(breaks) : " ";
        breaks = 0;
        text += line;
      }
    }
    const node = new Scalar(text + (strip ? "" : "\n"));
    node.type = folded ? "BLOCK_FOLDED" : "BLOCK_LITERAL";
    node.range = [i, end, end];
    return [node, end];
  }

  /** `{status: 101, message: Missing customerId}` on one line: plain keys, each followed by `: `. */
  private flowMap(i: number, lineEnd: number): [YAMLMap, number] {
    const map = new YAMLMap();
    map.flow = true;
    map.range = [i, i, i];
    const keys = new Set<string>();
    let j = i + 1;
    const skip = () => { while (this.s.charCodeAt(j) === 32) j++; };
    skip();
    if (this.s[j] === "}") return [map, j + 1];
    for (;;) {
      skip();
      const m = /^([A-Za-z_][A-Za-z0-9_]*): +/u.exec(this.s.slice(j, lineEnd)) ?? no();
      const name = m[1]!;
      if (keys.has(name) || name === "__proto__") no();
      keys.add(name);
      const key = new Scalar(name);
      key.type = "PLAIN";
      key.range = [j, j + name.length, j + name.length];
      j += m[0].length;
      let value: Node;
      const c = this.s[j];
      if (c === '"') {
        const [node, end] = this.doubleQuoted(j, 0);
        if (this.s.slice(j, end).includes("\n")) no();
        value = node;
        j = end;
      } else if (c === "[" || c === "{") {
        const [node, end] = c === "[" ? this.flowList(j, lineEnd) : this.flowMap(j, lineEnd);
        value = node;
        j = end;
      } else {
        let e = j;
        while (e < lineEnd && !",}".includes(this.s[e]!)) e++;
        const item = this.s.slice(j, e).replace(/ +$/u, "");
        if (!PLAIN_IN_FLOW.test(item)) no();
        value = plain(item, j);
        j = e;
      }
      map.items.push(new Pair(key, value));
      skip();
      const d = this.s[j];
      if (d === ",") { j++; skip(); if (this.s[j] === "}") no(); continue; }
      if (d === "}") return [map, j + 1];
      return no();
    }
  }

  /** `[a, "b", 3, [c]]` on one line. */
  private flowList(i: number, lineEnd: number): [YAMLSeq, number] {
    const seq = new YAMLSeq();
    seq.flow = true;
    seq.range = [i, i, i];
    let j = i + 1;
    const skip = () => { while (this.s.charCodeAt(j) === 32) j++; };
    skip();
    if (this.s[j] === "]") return [seq, j + 1];
    for (;;) {
      skip();
      if (this.s[j] === '"') {
        const [node, end] = this.doubleQuoted(j, 0);
        if (this.s.slice(j, end).includes("\n")) no();
        seq.items.push(node);
        j = end;
      } else if (this.s[j] === "[" || this.s[j] === "{") {
        // `groups: [[a], [b, c]]`, `- [{status: 101}]`
        const [node, end] = this.s[j] === "[" ? this.flowList(j, lineEnd) : this.flowMap(j, lineEnd);
        seq.items.push(node);
        j = end;
      } else {
        let e = j;
        while (e < lineEnd && !",]".includes(this.s[e]!)) e++;
        const item = this.s.slice(j, e).replace(/ +$/u, "");
        if (!PLAIN_IN_FLOW.test(item)) no();
        seq.items.push(plain(item, j));
        j = e;
      }
      skip();
      const c = this.s[j];
      if (c === ",") { j++; skip(); if (this.s[j] === "]") no(); continue; }
      if (c === "]") return [seq, j + 1];
      return no();
    }
  }
}

/**
 * A quoted scalar's text over several lines, folded: the spaces around each line break go, and the break is a
 * space, or a newline per empty line after it. Its lines must be deeper than `col`; an escaped line break
 * (a line ending in `\\`) falls back.
 */
function fold(raw: string, col: number, escapes: boolean): string {
  if (!raw.includes("\n")) return raw;
  const parts = raw.split("\n");
  let out = "", breaks = 0;
  for (let k = 0; k < parts.length; k++) {
    let p = parts[k]!;
    if (k > 0) {
      const trimmed = p.replace(/^ +/u, "");
      if (trimmed !== "" && p.length - trimmed.length <= col) no();
      p = trimmed;
    }
    if (k < parts.length - 1) {
      if (escapes && /\\ *$/u.test(p)) no();
      p = p.replace(/ +$/u, "");
    }
    if (k === 0) { out = p; continue; }
    if (p === "") {
      if (k === parts.length - 1) no();
      breaks++;
      continue;
    }
    out += breaks > 0 ? "\n".repeat(breaks) : " ";
    breaks = 0;
    out += p;
  }
  return out;
}

/** A plain scalar as the core schema resolves it; anything but a string, an integer, a decimal, true, false or null falls back. */
function plain(text: string, at: number, end = at + text.length): Scalar {
  let value: unknown;
  if (text === "null") value = null;
  else if (text === "true") value = true;
  else if (text === "false") value = false;
  else if (INT.test(text)) {
    value = Number(text);
    if (!Number.isSafeInteger(value)) no();
  } else if (FLOAT.test(text)) {
    const n = Number(text);
    if (String(n) !== text) no(); // 1.50 keeps its digits for printing in the library: not needed here, but not guessed either
    value = n;
  } else if (OTHER_CORE.test(text)) return no();
  else value = text;
  const node = new Scalar(value);
  node.type = "PLAIN";
  node.range = [at, end, end];
  return node;
}

/** The escapes a spec's double-quoted strings use; any other falls back. */
function unescape(raw: string): string {
  if (!raw.includes("\\")) return raw;
  return raw.replace(/\\(u[0-9a-fA-F]{4}|.)/gsu, (_, e: string) => {
    switch (e[0]) {
      case "\\": return "\\";
      case '"': return '"';
      case "/": return "/";
      case "n": return "\n";
      case "t": return "\t";
      case "u": {
        const code = parseInt(e.slice(1), 16);
        if (code >= 0xd800 && code <= 0xdfff) no();
        return String.fromCharCode(code);
      }
      default: return no();
    }
  });
}
