/**
 * A TypeScript source with the bodies of its top-level function declarations emptied (`{}`) and the
 * initializers it never prints replaced (`0`), for the surface report: it prints signatures and types only,
 * and parsing the validators' bodies and the fixtures' JSON text was most of a `generate`'s time at 300 entities. A small lexer (strings, templates, comments, regular
 * expressions, brackets) finds the bodies; when anything looks off it returns the text unchanged, so the
 * worst case is the old speed, never a different report.
 */

/** After these tokens a `/` starts a regular expression, not a division. */
const REGEX_AFTER = new Set(["(", ",", "=", ":", "[", "!", "&", "|", "?", "{", "}", ";", "+", "-", "*", "%", "<", ">", "~", "^", "=>", "&&", "||", "??", "return", "typeof", "case", "do", "else", "in", "of", "new", "delete", "void", "throw", "instanceof", "yield", "await"]);
/** After these tokens a `{` opens an object type (a return type), not the function's body. */
const TYPE_BRACE_AFTER = new Set([":", "|", "&", "<", ",", "(", "[", "=>", "?", "is", "extends", "keyof", "readonly"]);
/** Tokens after which `function` starts a declaration (a statement), not an expression. */
const STATEMENT_START = new Set([";", "}", "export", "default", "declare"]);

/** Whether a character code may be part of an identifier (or a number): ASCII letters, digits, `_`, `$`, and any non-ASCII unit. */
const identCode = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36 || c >= 128;

/** Whether the `!` at `at` is a non-null assertion (right after an identifier or a closing bracket), not a negation. */
const postfixBang = (s: string, at: number): boolean => {
  const p = s.charCodeAt(at - 1);
  return identCode(p) || p === 41 || p === 93;
};

/** The rest of a string literal after its opening quote, through its closing one: any escaped character, no raw line break. */
const DOUBLE_QUOTED = /(?:[^"\\\n]|\\[^])*"/y;
const SINGLE_QUOTED = /(?:[^'\\\n]|\\[^])*'/y;

export interface Token { readonly text: string; readonly start: number; readonly end: number; readonly depth: number }

export class Lexer {
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
    else if (identCode(s.charCodeAt(start))) { let e = start + 1; while (e < s.length && identCode(s.charCodeAt(e))) e++; this.i = e; text = s.slice(start, e); }
    else if (c === "}" && this.templates.length > 0 && this.templates[this.templates.length - 1] === this.depth - 1) {
      this.templates.pop(); this.depth--; this.i = this.template(start + 1); text = "tpl";
    } else { text = this.punct(start); }
    // A non-null assertion ends an expression, as `)` does: a `/` after it divides.
    this.prev = text === "!" && postfixBang(s, start) ? ")" : text;
    // A bracket's own depth is the outer one: `{` and its `}` both sit at the depth around them.
    return { text, start, end: this.i, depth: Math.min(depth, this.depth) };
  }

  /**
   * Skips the rest of a block whose `{` was just read; returns the index after its `}`. The same rules as
   * `next`, on character codes without making tokens: bodies are most of the text.
   */
  skipBlock(): number {
    const s = this.s, target = this.depth - 1;
    let i = this.i, regexOk = true;
    while (i < s.length) {
      const c = s.charCodeAt(i);
      if (c <= 32) { i++; continue; }
      if (c === 47 /* / */) {
        const d = s.charCodeAt(i + 1);
        if (d === 47) { const e = s.indexOf("\n", i); i = e < 0 ? s.length : e; continue; }
        if (d === 42) { const e = s.indexOf("*/", i + 2); if (e < 0) throw new Error("comment"); i = e + 2; continue; }
        i = regexOk ? this.regex(i + 1) : i + 1;
        regexOk = !regexOk;
        continue;
      }
      if (c === 34 || c === 39) { i = this.quoted(i, s[i]!); regexOk = false; continue; }
      // After a template's end a `/` divides; after a `${` that opens an expression, it starts a regular expression.
      if (c === 96) { i = this.template(i + 1); regexOk = s.charCodeAt(i - 1) === 123; continue; }
      if (identCode(c)) {
        let e = i + 1;
        while (e < s.length && identCode(s.charCodeAt(e))) e++;
        regexOk = REGEX_AFTER.has(s.slice(i, e));
        i = e;
        continue;
      }
      if (c === 125 /* } */ && this.templates.length > 0 && this.templates[this.templates.length - 1] === this.depth - 1) {
        this.templates.pop(); this.depth--; i = this.template(i + 1); regexOk = s.charCodeAt(i - 1) === 123; continue;
      }
      i++;
      // `x!` (a non-null assertion) is followed by a division, `!/re/` by a regular expression.
      if (c === 33 /* ! */) { regexOk = !postfixBang(s, i - 1); continue; }
      if (c === 123 || c === 40 || c === 91) { this.depth++; regexOk = true; continue; }
      if (c === 125 || c === 41 || c === 93) {
        if (--this.depth === target && c === 125) { this.i = i; this.prev = "}"; return i; }
        if (this.depth < target) throw new Error("unbalanced");
        regexOk = c === 125;
        continue;
      }
      regexOk = true;
    }
    throw new Error("body");
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

  /** The index after the string literal opened at `start` (by a regular expression: the fixtures' JSON text makes strings most of a large package's bytes). */
  private quoted(start: number, q: string): number {
    const re = q === '"' ? DOUBLE_QUOTED : SINGLE_QUOTED;
    re.lastIndex = start + 1;
    if (!re.test(this.s)) throw new Error("string");
    return re.lastIndex;
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
      else if (c === "/" && !inClass) { i++; while (i < this.s.length && identCode(this.s.charCodeAt(i))) i++; return i; }
    }
    throw new Error("regex");
  }
}

/** Tokens that, at the top of a constant's initializer, mean a semicolon was left out (`as const` aside). */
const STATEMENT_WORDS = new Set(["export", "import", "const", "let", "var", "interface", "declare", "type"]);

/** Reads a function declaration after its `function` keyword; returns the span of its body, or null (an overload). */
function body(lx: Lexer): [number, number] | null {
  // The body: the first `{` at depth 0 after the parameters that does not open an object type.
  let prev = "function", sawParams = false, u: Token | null;
  while ((u = lx.next())) {
    if (u.text === ";" && u.depth === 0) return null;
    if (u.text === ")" && lx.depth === 0) sawParams = true;
    if (u.text === "{" && u.depth === 0 && sawParams && !TYPE_BRACE_AFTER.has(prev)) return [u.start, lx.skipBlock()];
    prev = u.text;
  }
  throw new Error("function");
}

/**
 * Reads a variable statement after `const`/`let`/`var`, through its `;`; returns the span of an initializer
 * the report never shows (one declarator, with a type annotation, whose type it prints, or unexported), or
 * null. The fixtures' and Standard Schemas' JSON text made these most of the bytes left to parse. Anything
 * unclear (several declarators, a statement word where a semicolon may be missing) keeps the text: kept text
 * is never wrong.
 */
function initializer(lx: Lexer, exported: boolean): [number, number] | null {
  const first = lx.next(), second = lx.next();
  let clear = first !== null && identCode(first.text.charCodeAt(0)) && (second?.text === ":" || second?.text === "=");
  const typed = second?.text === ":";
  // In the type, `<` and `>` are a generic's brackets, and a comma inside them is not a second declarator.
  let start = second?.text === "=" ? second.end : -1, angles = 0, prev = "", u: Token | null = second;
  while (u && !(u.depth === 0 && u.text === ";") && (u = lx.next())) {
    if (u.depth !== 0) continue;
    if (start < 0 && (u.text === "<" || u.text === ">")) angles += u.text === "<" ? 1 : -1;
    if (u.text === "=" && start < 0) start = u.end;
    else if (u.text === "," && (start >= 0 || angles === 0)) clear = false;
    else if (start >= 0 && STATEMENT_WORDS.has(u.text) && !(u.text === "const" && prev === "as")) clear = false;
    prev = u.text;
  }
  if (!u) throw new Error("statement");
  return clear && start >= 0 && (typed || !exported) ? [start, u.start] : null;
}

/** The spans to replace, in order, with their replacement: function bodies by `{}`, unshown initializers by `0`. */
function spans(text: string): [number, number, string][] {
  const lx = new Lexer(text), out: [number, number, string][] = [];
  let before: string | null = null, exported = false, t: Token | null;
  while ((t = lx.next())) {
    const atStart = t.depth === 0 && (before === null || STATEMENT_START.has(before));
    if (atStart && t.text === "function") {
      const b = body(lx);
      if (b) out.push([...b, "{}"]);
    } else if (atStart && (t.text === "const" || t.text === "let" || t.text === "var")) {
      const init = initializer(lx, exported);
      if (init) out.push([...init, " 0"]);
    } else {
      if (t.text !== "async") before = t.depth === 0 ? t.text : before;
      if (t.depth === 0 && t.text === "export") exported = true;
      else if (t.depth === 0 && t.text !== "declare" && t.text !== "async") exported = false;
      continue;
    }
    before = ";";
    exported = false;
  }
  if (lx.depth !== 0) throw new Error("unbalanced");
  return out;
}

/**
 * `text` with every top-level function declaration's body replaced by `{}` and every initializer the report
 * does not show by `0`; `text` itself when it cannot be lexed.
 */
export function outline(text: string): string {
  let found: [number, number, string][];
  try { found = spans(text); } catch { return text; }
  if (found.length === 0) return text;
  const parts: string[] = [];
  let at = 0;
  for (const [s, e, by] of found) { parts.push(text.slice(at, s), by); at = e; }
  parts.push(text.slice(at));
  return parts.join("");
}
