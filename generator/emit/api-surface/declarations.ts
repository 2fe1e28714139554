import { Lexer, type Token } from "./outline.ts";

/**
 * The top-level statements of a generated TypeScript source as the surface report needs them, without
 * TypeScript: loading TypeScript and parsing with it were ~40% of a `check`. A small parser for exactly the
 * forms the generator emits (type aliases, interfaces, function signatures, constants, `export *`,
 * `export { … } from`), and a printer that writes each declaration as TypeScript's printer does
 * (`removeComments`, `\n`): members one per line indented by four spaces and ending in `;`, unions and
 * intersections with the parentheses of their source, object and array literals on the lines their source uses.
 *
 * Anything else throws `Unsupported`, and the surface is then read with TypeScript (surface.ts): the fast path
 * never guesses. A test holds its result byte-equal to TypeScript's over the generated packages.
 */

/** A form this parser does not know: the caller reads the file with TypeScript instead. */
export class Unsupported extends Error {}

const no = (what: string): never => {
  throw new Unsupported(what);
};

/** One top-level statement the surface cares about. */
export type Statement =
  | { readonly kind: "star"; readonly from: string }
  | { readonly kind: "named"; readonly from: string; readonly names: readonly (readonly [exported: string, local: string])[] }
  | { readonly kind: "decl"; readonly name: string; readonly decl: "interface" | "type" | "function" | "const"; readonly text: string }
  /** An exported namespace, enum or class: skipped, and read by TypeScript should the surface want it. */
  | { readonly kind: "other"; readonly name: string };


/** Lines after the first indented one level: a printed node placed inside a block. */
const indent = (t: string): string => (t.includes("\n") ? t.replace(/\n/gu, "\n    ") : t);

// Types are printed as strings, with exactly the parentheses of their source: TypeScript's printer adds none
// to the type nodes of a parsed file (its parenthesizer rules apply to expressions).

const identStart = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36 || c >= 128;
const digit = (c: number): boolean => c >= 48 && c <= 57;

/** Words that end a statement's scan when met where an initializer goes on: a missing semicolon, which the parser does not guess at. */
const STATEMENT_WORDS = new Set(["export", "import", "const", "let", "var", "interface", "declare", "type", "function"]);

interface Tok extends Token {
  /** The end of the token lexed before it (a line break between them is looked for only where it matters). */
  readonly pe: number;
}

class Parser {
  private readonly lx: Lexer;
  private readonly buf: Tok[] = [];
  private lexedEnd = 0;
  /** The end of the last token taken. */
  private end = 0;
  /** Inside a conditional type's `extends` clause, where a nested `extends` is not a conditional type. */
  private noConditional = false;

  constructor(private readonly s: string) {
    this.lx = new Lexer(s);
  }

  /** Whether a line break lies between two offsets (scanned between them only: a line can be a 100 kB string). */
  private brk(from: number, to: number): boolean {
    for (let i = from; i < to; i++) if (this.s.charCodeAt(i) === 10) return true;
    return false;
  }

  /** Whether a line break precedes a token. */
  nl(t: Tok): boolean {
    return this.brk(t.pe, t.start);
  }
  peek(k = 0): Tok | null {
    while (this.buf.length <= k) {
      const t = this.lx.next();
      if (!t) return null;
      this.buf.push({ text: t.text, start: t.start, end: t.end, depth: t.depth, pe: this.lexedEnd });
      this.lexedEnd = t.end;
    }
    return this.buf[k]!;
  }
  next(): Tok {
    const t = this.peek() ?? no("end of file");
    this.buf.shift();
    this.end = t.end;
    return t;
  }
  is(text: string, k = 0): boolean {
    const t = this.peek(k);
    return t !== null && t.text === text && this.plain(t);
  }
  eat(text: string): boolean {
    if (!this.is(text)) return false;
    this.next();
    return true;
  }
  expect(text: string): Tok {
    if (!this.is(text)) no(`expected ${text}`);
    return this.next();
  }
  /** Whether a token is what its text says (not a string, template or regular expression, which the lexer names `str`, `tpl`, `re`). */
  private plain(t: Token): boolean {
    const c = this.s.charCodeAt(t.start);
    return c !== 34 && c !== 39 && c !== 96 && !(c === 47 && t.text === "re") && !(c === 125 && t.text === "tpl");
  }
  src(t: Token): string {
    return this.s.slice(t.start, t.end);
  }
  isString(t: Tok | null): boolean {
    if (!t) return false;
    const c = this.s.charCodeAt(t.start);
    return c === 34 || c === 39;
  }
  isIdent(t: Tok | null): boolean {
    return t !== null && identStart(this.s.charCodeAt(t.start)) && t.end - t.start === t.text.length;
  }
  isNumber(t: Tok | null): boolean {
    return t !== null && digit(this.s.charCodeAt(t.start));
  }
  ident(): string {
    const t = this.next();
    if (!this.isIdent(t)) no("expected a name");
    return t.text;
  }
  /** A string literal as TypeScript prints one of a parse without parent pointers: its value, escaped again. */
  string(): string {
    const t = this.next();
    if (!this.isString(t)) no("expected a string");
    return printString(this.src(t));
  }
  /** A string literal's value (module specifiers). */
  stringValue(): string {
    const t = this.next();
    if (!this.isString(t)) no("expected a string");
    return cook(this.src(t));
  }
  /** A numeric literal's text (the lexer splits `1.5` at its dot). */
  number(): string {
    const t = this.next();
    let text = t.text;
    if (/^\d+$/u.test(text) && this.is(".") && this.peek()!.start === t.end) {
      this.next();
      const f = this.peek();
      if (!f || f.start !== this.end || !this.isNumber(f)) no("number");
      text += `.${this.next().text}`;
    }
    // As TypeScript's scanner keeps it: an integer's digits, else the number's shortest form (`1.50` → `1.5`).
    if (/^\d+$/u.test(text)) return text;
    if (!/^\d+(?:\.\d+)?(?:e[+-]?\d+)?$/iu.test(text)) no("number");
    return String(Number(text));
  }
  /** `;`, or what TypeScript's automatic insertion accepts in its place (a line break, `}`, the end). */
  semicolon(): void {
    if (this.eat(";")) return;
    const t = this.peek();
    if (t !== null && !this.nl(t) && !this.is("}")) no("expected ;");
  }

  // ---- types ----

  type(): string {
    if (this.startsFunctionType()) return this.functionType();
    if (this.is("new") || this.is("abstract")) no("constructor type");
    const check = this.union();
    if (!this.noConditional && this.is("extends") && !this.nl(this.peek()!)) {
      this.next();
      const was = this.noConditional;
      this.noConditional = true;
      const ext = this.type();
      this.noConditional = was;
      this.expect("?");
      const yes = this.withConditional(() => this.type());
      this.expect(":");
      const otherwise = this.withConditional(() => this.type());
      return `${check} extends ${ext} ? ${yes} : ${otherwise}`;
    }
    return check;
  }
  private withConditional<T>(f: () => T): T {
    const was = this.noConditional;
    this.noConditional = false;
    try {
      return f();
    } finally {
      this.noConditional = was;
    }
  }
  private startsFunctionType(): boolean {
    if (this.is("<")) return true;
    if (!this.is("(")) return false;
    const a = this.peek(1);
    if (!a) return false;
    if (a.text === ")" || a.text === "." || a.text === "{" || a.text === "[") return true;
    if (!this.isIdent(a)) return false;
    const b = this.peek(2);
    if (!b) return false;
    if (b.text === ":" || b.text === "," || b.text === "?" || b.text === "=") return true;
    return b.text === ")" && this.is("=>", 3);
  }
  private functionType(): string {
    const tp = this.typeParameters();
    const params = this.parameters();
    this.expect("=>");
    const ret = this.returnType();
    return `${tp}${params} => ${ret}`;
  }
  private union(): string {
    return this.list("|", () => this.intersection());
  }
  private intersection(): string {
    return this.list("&", () => this.operator());
  }
  private list(op: string, part: () => string): string {
    const leading = this.eat(op);
    if (leading && this.startsFunctionType()) no("function type after a leading operator");
    const first = part();
    if (!leading && !this.is(op)) return first;
    const parts = [first];
    while (this.eat(op)) {
      if (this.startsFunctionType() || this.is("new")) no("function type in a union");
      parts.push(part());
    }
    return parts.join(` ${op} `);
  }
  private operator(): string {
    const t = this.peek();
    if (t && (t.text === "keyof" || t.text === "unique" || t.text === "readonly") && this.plain(t) && this.operandFollows()) {
      this.next();
      return `${t.text} ${this.operator()}`;
    }
    if (this.is("infer")) {
      this.next();
      const name = this.ident();
      if (this.is("extends")) no("infer with a constraint");
      return `infer ${name}`;
    }
    return this.postfix(this.primary());
  }
  /** Whether the word before is an operator (`keyof T`), not a type named so (`keyof;`). */
  private operandFollows(): boolean {
    const n = this.peek(1);
    return n !== null && !/^[;,)\]}>|&=?:.]$/u.test(n.text);
  }
  private postfix(p: string): string {
    while (this.is("[") && !this.nl(this.peek()!)) {
      this.next();
      if (this.eat("]")) {
        p = `${p}[]`;
      } else {
        const index = this.type();
        this.expect("]");
        p = `${p}[${index}]`;
      }
    }
    return p;
  }
  private primary(): string {
    const t = this.peek() ?? no("end of file");
    if (this.isString(t)) return this.string();
    if (this.isNumber(t)) return this.number();
    if (!this.plain(t)) no("template literal type");
    switch (t.text) {
      case "(": {
        this.next();
        const inner = this.withConditional(() => this.type());
        this.expect(")");
        return `(${inner})`;
      }
      case "{":
        return this.startsMappedType() ? this.mappedType() : this.typeLiteral();
      case "-": {
        this.next();
        if (!this.isNumber(this.peek())) no("negative literal");
        return `-${this.number()}`;
      }
      case "typeof": {
        this.next();
        if (this.is("import")) no("typeof import");
        return `typeof ${this.entityName()}${this.typeArgumentsIfAny()}`;
      }
      case "[":
      case "import":
      case "asserts":
        return no(`type starting with ${t.text}`);
    }
    if (!this.isIdent(t)) no(`type starting with ${t.text}`);
    return `${this.entityName()}${this.typeArgumentsIfAny()}`;
  }
  private entityName(): string {
    let name = this.ident();
    while (this.is(".") && this.isIdent(this.peek(1))) {
      this.next();
      name += `.${this.ident()}`;
    }
    return name;
  }
  private typeArgumentsIfAny(): string {
    if (!this.is("<") || this.nl(this.peek()!)) return "";
    this.next();
    const args: string[] = [];
    do args.push(this.type());
    while (this.eat(","));
    this.expect(">");
    return `<${args.join(", ")}>`;
  }
  private startsMappedType(): boolean {
    let k = 1;
    if (this.is("+", k) || this.is("-", k)) k++;
    if (this.is("readonly", k)) k++;
    return this.is("[", k) && this.isIdent(this.peek(k + 1)) && this.is("in", k + 2);
  }
  private mappedType(): string {
    this.expect("{");
    let ro = "";
    if (this.is("+") || this.is("-")) ro = this.next().text;
    if (this.eat("readonly")) ro += "readonly ";
    else if (ro) no("mapped type modifier");
    this.expect("[");
    const name = this.ident();
    this.expect("in");
    const constraint = this.type();
    const as = this.eat("as") ? ` as ${this.type()}` : "";
    this.expect("]");
    let q = "";
    if (this.is("+") || this.is("-")) {
      q = this.next().text;
      this.expect("?");
      q += "?";
    } else if (this.eat("?")) q = "?";
    if (!this.eat(":")) no("mapped type without a type");
    const type = this.type();
    this.eat(";");
    this.expect("}");
    return `{\n    ${indent(`${ro}[${name} in ${constraint}${as}]${q}: ${type}`)};\n}`;
  }
  private typeLiteral(): string {
    this.expect("{");
    const members = this.members();
    return members.length === 0 ? "{}" : block(members);
  }
  /** Type members up to and including the `}`. */
  members(): string[] {
    const out: string[] = [];
    while (!this.eat("}")) {
      out.push(this.member());
      if (!this.eat(";") && !this.eat(",")) {
        const t = this.peek() ?? no("end of file");
        if (!this.nl(t) && !this.is("}")) no("expected ; between members");
      }
    }
    return out;
  }
  private member(): string {
    if (this.is("(") || this.is("<")) return this.signature("");
    if (this.is("new") && (this.is("(", 1) || this.is("<", 1))) no("construct signature");
    let ro = "";
    if (this.is("readonly") && !/^[?:(<;,}]$/u.test(this.peek(1)?.text ?? ";")) {
      this.next();
      ro = "readonly ";
    }
    if (this.is("[") && this.isIdent(this.peek(1)) && this.is(":", 2)) {
      this.next();
      const key = this.ident();
      this.expect(":");
      const keyType = this.type();
      this.expect("]");
      if (!this.eat(":")) no("index signature without a type");
      return `${ro}[${key}: ${keyType}]: ${this.type()}`;
    }
    if (this.is("[")) {
      // A computed name: a constant (`[KEYED]?: true`).
      this.next();
      const key = this.entityName();
      this.expect("]");
      const q = this.eat("?") ? "?" : "";
      if (this.is("(") || this.is("<")) no("computed method");
      return `${ro}[${key}]${q}${this.eat(":") ? `: ${this.type()}` : ""}`;
    }
    const nameTok = this.peek() ?? no("end of file");
    if ((nameTok.text === "get" || nameTok.text === "set") && this.plain(nameTok) && this.peek(1) && !/^[?:(<;,}]$/u.test(this.peek(1)!.text)) no("accessor");
    let name: string;
    if (this.isString(nameTok)) name = this.string();
    else if (this.isNumber(nameTok)) name = this.number();
    else name = this.ident();
    const q = this.eat("?") ? "?" : "";
    if (this.is("(") || this.is("<")) {
      if (ro) no("readonly method");
      return this.signature(`${name}${q}`);
    }
    return `${ro}${name}${q}${this.eat(":") ? `: ${this.type()}` : ""}`;
  }
  /** A call or method signature after its name: `<T>(a: T): R`. */
  private signature(head: string): string {
    const tp = this.typeParameters();
    const params = this.parameters();
    return `${head}${tp}${params}${this.eat(":") ? `: ${this.returnType()}` : ""}`;
  }
  typeParameters(): string {
    if (!this.eat("<")) return "";
    const out: string[] = [];
    do {
      if (this.is(">")) break;
      if ((this.is("const") || this.is("in") || this.is("out")) && this.isIdent(this.peek(1))) no("type parameter modifier");
      let p = this.ident();
      if (this.eat("extends")) p += ` extends ${this.type()}`;
      if (this.eat("=")) p += ` = ${this.type()}`;
      out.push(p);
    } while (this.eat(","));
    this.expect(">");
    return `<${out.join(", ")}>`;
  }
  parameters(): string {
    this.expect("(");
    const out: string[] = [];
    while (!this.eat(")")) {
      let p = "";
      if (this.is(".") && this.is(".", 1) && this.is(".", 2)) {
        this.next(); this.next(); this.next();
        p = "...";
      }
      if (this.is("{") || this.is("[")) no("destructured parameter");
      const nameTok = this.peek();
      if (nameTok && ["public", "private", "protected", "readonly", "override"].includes(nameTok.text) && this.isIdent(this.peek(1))) no("parameter property");
      p += this.ident();
      if (this.eat("?")) p += "?";
      if (this.eat(":")) p += `: ${this.type()}`;
      if (this.eat("=")) {
        // A default of a keyword literal (`byName = false`) is printed as written, as TypeScript's printer does;
        // any other initializer is left to TypeScript.
        const init = this.peek();
        if (!init || !["true", "false", "null", "undefined"].includes(init.text) || !(this.is(",", 1) || this.is(")", 1))) no("parameter initializer");
        p += ` = ${this.next().text}`;
      }
      out.push(p);
      if (!this.eat(",") && !this.is(")")) no("expected , between parameters");
    }
    return `(${out.join(", ")})`;
  }
  /** A return type or a type predicate (`x is T`, `asserts x is T`). */
  returnType(): string {
    if (this.is("asserts") && this.isIdent(this.peek(1)) && !this.nl(this.peek(1)!)) {
      this.next();
      const name = this.ident();
      return this.eat("is") ? `asserts ${name} is ${this.type()}` : `asserts ${name}`;
    }
    if (this.isIdent(this.peek()) && this.is("is", 1) && !this.nl(this.peek(1)!)) {
      const name = this.ident();
      this.next();
      return `${name} is ${this.type()}`;
    }
    return this.type();
  }

  // ---- expressions (an exported constant without a type annotation prints its initializer) ----

  expression(): string {
    let e = this.unary();
    for (;;) {
      if (this.is("as") && !this.nl(this.peek()!)) {
        this.next();
        e = `${e} as ${this.is("const") ? (this.next(), "const") : this.type()}`;
      } else if (this.is("satisfies") && !this.nl(this.peek()!)) {
        this.next();
        e = `${e} satisfies ${this.type()}`;
      } else return e;
    }
  }
  private unary(): string {
    const t = this.peek() ?? no("end of file");
    if (this.isString(t)) return this.string();
    if (this.isNumber(t)) return this.number();
    if (!this.plain(t)) no("template or regular expression");
    if (t.text === "-" && this.isNumber(this.peek(1))) {
      this.next();
      return `-${this.number()}`;
    }
    if (t.text === "[") return this.literal("[", "]", false, () => this.expression());
    if (t.text === "{") return this.literal("{", "}", true, () => this.property());
    if (!this.isIdent(t) || ["new", "function", "class", "async", "await", "yield", "typeof", "void", "delete"].includes(t.text)) no(`expression starting with ${t.text}`);
    let e = this.ident();
    while (this.is(".") && this.isIdent(this.peek(1))) {
      this.next();
      e += `.${this.ident()}`;
    }
    if (this.is("(") || this.is("[") || this.is("=>") || this.is("<") || this.is("`") || this.is("!") || this.is("?")) no("call, element access, arrow or operator");
    return e;
  }
  private property(): string {
    const t = this.peek() ?? no("end of file");
    let name: string;
    if (this.isString(t)) name = this.string();
    else if (this.isNumber(t)) name = this.number();
    else {
      if (t.text === "." || t.text === "[" || t.text === "get" || t.text === "set" || t.text === "async") no("spread, computed name or method");
      name = this.ident();
      if (this.is(",") || this.is("}")) return name;
    }
    if (this.is("(") || this.is("<")) no("method");
    this.expect(":");
    return `${name}: ${this.expression()}`;
  }
  /**
   * An array or object literal, laid out as TypeScript's printer lays out a parsed one (its parse has no parent
   * pointers, so only the line break after the opening bracket counts): one element a line when the source
   * breaks the line there, else all on one line. An array keeps a trailing comma; an object loses it.
   */
  private literal(open: string, close: string, object: boolean, element: () => string): string {
    const openTok = this.expect(open);
    const items: string[] = [];
    let first = -1, trailingComma = false;
    while (!this.is(close)) {
      if (this.is(",")) no("elision");
      if (first < 0) first = this.peek()!.start;
      items.push(element());
      if (!this.eat(",")) break;
      if (this.is(close)) trailingComma = true;
    }
    this.expect(close);
    if (items.length === 0) return `${open}${close}`;
    const comma = trailingComma && !object ? "," : "";
    if (this.brk(openTok.end, first)) return `${open}\n    ${items.map(indent).join(",\n    ")}${comma}\n${close}`;
    const space = object ? " " : "";
    return `${open}${space}${items.map(indent).join(", ")}${comma}${space}${close}`;
  }

  // ---- statements ----

  /** Skips tokens through the `;` that ends an initializer or a statement the surface ignores; throws where a semicolon seems missing. */
  skipInitializer(): void {
    let prev = "";
    for (;;) {
      const t = this.peek() ?? no("end of file");
      if (t.depth === 0 && this.plain(t)) {
        if (t.text === ";") return;
        if (t.text === ",") no("several declarators");
        if (STATEMENT_WORDS.has(t.text) && !(t.text === "const" && prev === "as")) no("a missing semicolon");
      }
      prev = t.text;
      this.next();
    }
  }
  /** After a `{` just taken (nothing looked at beyond it): skips to its `}`. */
  skipBlock(): void {
    if (this.buf.length > 0) no("lookahead past a block");
    this.lx.skipBlock();
    this.lexedEnd = this.lx.i;
    this.end = this.lx.i;
  }

  statements(): Statement[] {
    const out: Statement[] = [];
    while (this.peek()) {
      if (this.eat("import")) {
        // `import type { A } from "x";`, `import "x";`
        for (;;) {
          const t = this.next();
          if (this.isString(t)) break;
          if (t.depth === 0 && this.plain(t) && (t.text === ";" || STATEMENT_WORDS.has(t.text) && t.text !== "type")) no("import");
        }
        this.semicolon();
        continue;
      }
      if (this.eat(";")) continue;
      const exported = this.eat("export");
      if (exported && this.eat("*")) {
        if (!this.eat("from")) no("export * as");
        out.push({ kind: "star", from: this.stringValue() });
        this.semicolon();
        continue;
      }
      if (exported && (this.is("{") || (this.is("type") && this.is("{", 1)))) {
        if (this.eat("type")) { /* `export type { A } from`: the same names */ }
        this.next();
        const names: [string, string][] = [];
        while (!this.eat("}")) {
          if (this.is("type") && this.isIdent(this.peek(1)) && !this.is("as", 1)) this.next();
          const local = this.ident();
          const as = this.eat("as") ? this.ident() : local;
          names.push([as, local]);
          if (!this.eat(",") && !this.is("}")) no("export list");
        }
        if (this.eat("from")) out.push({ kind: "named", from: this.stringValue(), names });
        this.semicolon();
        continue;
      }
      if (exported && (this.is("default") || this.is("=") || this.is("as"))) no("export default");
      this.declaration(exported, out);
    }
    return out;
  }

  private declaration(exported: boolean, out: Statement[]): void {
    this.eat("declare");
    const async = this.eat("async");
    const kw = this.next();
    if (!this.plain(kw) || (async && kw.text !== "function")) no("statement");
    const add = (name: string, decl: "interface" | "type" | "function" | "const", text: string) => {
      if (exported) out.push({ kind: "decl", name, decl, text });
    };
    if (kw.text === "namespace" || kw.text === "module" || kw.text === "enum" || kw.text === "class" || (!exported && kw.text === "interface")) {
      const name = this.ident();
      while (!(this.is("{") && this.peek()!.depth === 0)) this.next();
      this.next();
      this.skipBlock();
      if (exported) out.push(kw.text === "interface" ? no("interface") : { kind: "other", name });
      return;
    }
    switch (kw.text) {
      case "type": {
        const name = this.ident();
        const tp = this.typeParameters();
        this.expect("=");
        const type = this.type();
        this.semicolon();
        add(name, "type", `type ${name}${tp} = ${type};`);
        return;
      }
      case "interface": {
        const name = this.ident();
        const tp = this.typeParameters();
        const heritage: string[] = [];
        if (this.eat("extends")) {
          do heritage.push(`${this.entityName()}${this.typeArgumentsIfAny()}`);
          while (this.eat(","));
        }
        this.expect("{");
        const members = this.members();
        add(name, "interface", `interface ${name}${tp}${heritage.length ? ` extends ${heritage.join(", ")}` : ""} ${members.length ? block(members) : "{\n}"}`);
        return;
      }
      case "function": {
        if (this.is("*")) no("generator");
        const name = this.ident();
        const tp = this.typeParameters();
        const params = this.parameters();
        const ret = this.eat(":") ? `: ${this.returnType()}` : "";
        if (this.is("{")) {
          this.next();
          this.skipBlock();
        } else this.semicolon();
        add(name, "function", `${async ? "async " : ""}function ${name}${tp}${params}${ret};`);
        return;
      }
      case "const":
      case "let":
      case "var": {
        if (kw.text === "const" && this.is("enum")) no("const enum");
        for (;;) {
          const name = this.ident();
          if (this.is("!")) no("definite assignment");
          const type = this.eat(":") ? this.type() : null;
          let text: string;
          if (this.eat("=")) {
            if (type !== null || !exported) {
              this.skipInitializer();
              text = `const ${name}: ${type}`;
            } else text = `const ${name} = ${this.expression()}`;
          } else text = type === null ? `const ${name}` : `const ${name}: ${type}`;
          add(name, "const", text);
          if (!this.eat(",")) break;
        }
        this.semicolon();
        return;
      }
    }
    return no(`${exported ? "exported " : ""}${kw.text}`);
  }
}

/** Members on their own lines, four spaces in, each ending in `;`. */
function block(members: readonly string[]): string {
  return `{\n${members.map((m) => `    ${indent(m)};`).join("\n")}\n}`;
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { n: "\n", t: "\t", r: "\r", b: "\b", f: "\f", v: "\v", "\\": "\\", "'": "'", '"': '"' };

/** The value of a string literal's source text (quotes included). */
function cook(literal: string): string {
  const inner = literal.slice(1, -1);
  if (!inner.includes("\\")) return inner;
  let out = "";
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i]!;
    if (c !== "\\") { out += c; continue; }
    const e = inner[++i] ?? no("escape");
    const simple = SIMPLE_ESCAPES[e];
    if (simple !== undefined) { out += simple; continue; }
    const hex = e === "x" ? /^[\da-fA-F]{2}/u.exec(inner.slice(i + 1)) : e === "u" ? /^(?:[\da-fA-F]{4}|\{[\da-fA-F]{1,6}\})/u.exec(inner.slice(i + 1)) : null;
    if (hex) {
      const digits = hex[0].replace(/[{}]/gu, "");
      const code = parseInt(digits, 16);
      if (code > 0x10ffff) no("escape");
      out += String.fromCodePoint(code);
      i += hex[0].length;
    } else if (e === "0" && !/^\d/u.test(inner.slice(i + 1))) out += "\0";
    else if (/^[\dxu\r\n\u2028\u2029]$/u.test(e)) no("escape");
    else out += e;
  }
  return out;
}

const ESCAPED: Readonly<Record<string, string>> = { "\t": "\\t", "\v": "\\v", "\f": "\\f", "\b": "\\b", "\r": "\\r", "\n": "\\n", "\\": "\\\\", '"': '\\"', "'": "\\'", "\u2028": "\\u2028", "\u2029": "\\u2029", "\u0085": "\\u0085" };
const utf16 = (c: number): string => `\\u${c.toString(16).toUpperCase().padStart(4, "0")}`;

/** A string literal as TypeScript's printer writes it from its value (escapeNonAsciiString): same quotes, ASCII only. */
function printString(literal: string): string {
  const q = literal[0]!;
  // TypeScript prints a single-quoted literal with double quotes, in some places: not guessed at.
  if (q !== '"') no("single-quoted string");
  const value = cook(literal);
  const special = q === '"' ? /[\\"\u0000-\u001f\u2028\u2029\u0085]/g : /[\\'\u0000-\u001f\u2028\u2029\u0085]/g;
  const escaped = value.replace(special, (c, at: number) => {
    if (c === "\0") {
      const next = value.charCodeAt(at + 1);
      return next >= 48 && next <= 57 ? "\\x00" : "\\0";
    }
    return ESCAPED[c] ?? utf16(c.charCodeAt(0));
  });
  return q + escaped.replace(/[^\u0000-\u007f]/g, (c) => utf16(c.charCodeAt(0))) + q;
}

/** The statements of a generated TypeScript source that the surface reads; throws `Unsupported` on any other form. */
export function statementsOf(text: string): Statement[] {
  try {
    return new Parser(text).statements();
  } catch (e) {
    if (e instanceof Unsupported) throw e;
    // The lexer's own errors (an unterminated string, unbalanced brackets): not a form this parser reads.
    throw new Unsupported(e instanceof Error ? e.message : String(e));
  }
}
