/**
 * A TypeScript source with the bodies of its top-level function declarations emptied (`{}`), for the
 * surface report: it prints signatures only, and parsing the validators' bodies was most of the parse
 * (~60% of a `generate`'s time at 300 entities). A small lexer (strings, templates, comments, regular
 * expressions, brackets) finds the bodies; when anything looks off it returns the text unchanged, so the
 * worst case is the old speed, never a different report.
 */

const IDENT = /[A-Za-z0-9_$\u0080-\uffff]/u;
/** After these tokens a `/` starts a regular expression, not a division. */
const REGEX_AFTER = new Set(["(", ",", "=", ":", "[", "!", "&", "|", "?", "{", "}", ";", "+", "-", "*", "%", "<", ">", "~", "^", "=>", "&&", "||", "??", "return", "typeof", "case", "do", "else", "in", "of", "new", "delete", "void", "throw", "instanceof", "yield", "await"]);
/** After these tokens a `{` opens an object type (a return type), not the function's body. */
const TYPE_BRACE_AFTER = new Set([":", "|", "&", "<", ",", "(", "[", "=>", "?", "is", "extends", "keyof", "readonly"]);
/** Tokens after which `function` starts a declaration (a statement), not an expression. */
const STATEMENT_START = new Set([";", "}", "export", "default", "declare"]);

interface Token { readonly text: string; readonly start: number; readonly end: number; readonly depth: number }

class Lexer {
  i = 0;
  depth = 0;
  private readonly templates: number[] = [];
  prev: string | null = null;
  constructor(private readonly s: string) {}

  /** The next significant token, or null at the end; throws on what it cannot lex. */
  next(): Token | null {
    const s = this.s;
    for (;;) {
      const c = s[this.i];
      if (c === undefined) return null;
      if (c === " " || c === "\n" || c === "\t" || c === "\r") { this.i++; continue; }
      if (c === "/" && s[this.i + 1] === "/") { const e = s.indexOf("\n", this.i); this.i = e < 0 ? s.length : e; continue; }
      if (c === "/" && s[this.i + 1] === "*") { const e = s.indexOf("*/", this.i + 2); if (e < 0) throw new Error("comment"); this.i = e + 2; continue; }
      break;
    }
    const start = this.i, depth = this.depth, c = s[start]!;
    let text: string;
    if (c === '"' || c === "'") { this.i = this.quoted(start, c); text = "str"; }
    else if (c === "`") { this.i = this.template(start + 1); text = "tpl"; }
    else if (c === "/" && (this.prev === null || REGEX_AFTER.has(this.prev))) { this.i = this.regex(start + 1); text = "re"; }
    else if (IDENT.test(c)) { let e = start + 1; while (e < s.length && IDENT.test(s[e]!)) e++; this.i = e; text = s.slice(start, e); }
    else if (c === "}" && this.templates.length > 0 && this.templates[this.templates.length - 1] === this.depth - 1) {
      this.templates.pop(); this.depth--; this.i = this.template(start + 1); text = "tpl";
    } else { text = this.punct(start); }
    this.prev = text;
    // A bracket's own depth is the outer one: `{` and its `}` both sit at the depth around them.
    return { text, start, end: this.i, depth: Math.min(depth, this.depth) };
  }

  private punct(start: number): string {
    const s = this.s, two = s.slice(start, start + 2);
    if (two === "=>" || two === "&&" || two === "||" || two === "??") { this.i = start + 2; return two; }
    const c = s[start]!;
    this.i = start + 1;
    if (c === "{" || c === "(" || c === "[") this.depth++;
    else if (c === "}" || c === ")" || c === "]") { if (--this.depth < 0) throw new Error("unbalanced"); }
    return c;
  }

  private quoted(start: number, q: string): number {
    const s = this.s, quote = q.charCodeAt(0);
    for (let i = start + 1; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === 92 /* \\ */) i++;
      else if (c === quote) return i + 1;
      else if (c === 10 /* \n */) break;
    }
    throw new Error("string");
  }

  /** Scans template text from `i` to its closing backtick, or into a `${` (whose depth is remembered). */
  private template(i: number): number {
    for (; i < this.s.length; i++) {
      const c = this.s[i];
      if (c === "\\") i++;
      else if (c === "`") return i + 1;
      else if (c === "$" && this.s[i + 1] === "{") { this.templates.push(this.depth); this.depth++; return i + 2; }
    }
    throw new Error("template");
  }

  private regex(i: number): number {
    let inClass = false;
    for (; i < this.s.length; i++) {
      const c = this.s[i];
      if (c === "\\") i++;
      else if (c === "\n") break;
      else if (c === "[") inClass = true;
      else if (c === "]") inClass = false;
      else if (c === "/" && !inClass) { i++; while (i < this.s.length && IDENT.test(this.s[i]!)) i++; return i; }
    }
    throw new Error("regex");
  }
}

/** The [start, end) of every top-level function declaration's body, in order. */
function bodies(text: string): [number, number][] {
  const lx = new Lexer(text), out: [number, number][] = [];
  let before: string | null = null, t: Token | null;
  while ((t = lx.next())) {
    const declares = t.text === "function" && t.depth === 0 && (before === null || STATEMENT_START.has(before));
    if (t.text !== "async") before = t.depth === 0 ? t.text : before;
    if (!declares) continue;
    // Skip to the body: the first `{` at depth 0 after the parameters that does not open an object type.
    let prev = "function", sawParams = false, u: Token | null;
    while ((u = lx.next())) {
      if (u.text === ";" && u.depth === 0) break; // an overload signature: no body
      if (u.text === ")" && lx.depth === 0) sawParams = true;
      if (u.text === "{" && u.depth === 0 && sawParams && !TYPE_BRACE_AFTER.has(prev)) {
        let w: Token | null;
        while ((w = lx.next()) && !(w.text === "}" && lx.depth === 0));
        if (!w) throw new Error("body");
        out.push([u.start, w.end]);
        break;
      }
      prev = u.text;
    }
    before = "}";
  }
  if (lx.depth !== 0) throw new Error("unbalanced");
  return out;
}

/** `text` with every top-level function declaration's body replaced by `{}`; `text` itself when it cannot be lexed. */
export function outline(text: string): string {
  let spans: [number, number][];
  try { spans = bodies(text); } catch { return text; }
  if (spans.length === 0) return text;
  const parts: string[] = [];
  let at = 0;
  for (const [s, e] of spans) { parts.push(text.slice(at, s), "{}"); at = e; }
  parts.push(text.slice(at));
  return parts.join("");
}
