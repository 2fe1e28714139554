import { describe, expect, it } from "vitest";
import Handlebars from "handlebars";
import { readdirSync, readFileSync } from "node:fs";
import { TEMPLATE_HELPERS } from "../../generator/emit/templates.ts";
import { docComment, ident, key, str } from "../../generator/emit/escape.ts";

type Node = { type: string; [k: string]: unknown };

/** Every mustache of a template: its helper name (or null when bare) and whether it is a triple-stash. */
function mustaches(node: unknown, out: { helper: string | null; raw: boolean; params: number }[] = []) {
  if (!node || typeof node !== "object") return out;
  const n = node as Node;
  if (n.type === "MustacheStatement") {
    const params = (n.params as unknown[]).length;
    out.push({ helper: params > 0 ? ((n.path as { original: string }).original) : null, raw: n.escaped === false, params });
  }
  for (const value of Object.values(n)) {
    if (Array.isArray(value)) value.forEach((v) => mustaches(v, out));
    else if (value && typeof value === "object") mustaches(value, out);
  }
  return out;
}

describe("templates", () => {
  const files = readdirSync("templates").filter((f) => f.endsWith(".hbs"));
  it.each(files.map((f) => [f]))("%s: every placeholder goes through a named escaper, none is triple-stashed", (file) => {
    const found = mustaches(Handlebars.parse(readFileSync(`templates/${file}`, "utf8")));
    for (const m of found) {
      expect(m.raw, `${file}: triple-stash`).toBe(false);
      expect(m.helper, `${file}: bare placeholder`).not.toBeNull();
      expect(TEMPLATE_HELPERS.filter((h) => h !== "concat") as string[]).toContain(m.helper);
    }
  });
});

describe("escapers", () => {
  it.each([
    ["quotes and backslashes", 'a"b\\c', '"a\\"b\\\\c"'],
    ["template syntax stays text", "${x}`", '"${x}`"'],
    ["line separators", "a\u2028b\u2029c", '"a\\u2028b\\u2029c"'],
    ["script end", "</script>", '"</script>"'],
  ])("str: %s", (_n, given, want) => {
    expect(str(given)).toBe(want);
    expect(eval(str(given))).toBe(given);
  });

  it.each([["customerId", "customerId"], ["customer-id", '"customer-id"'], ["1st", '"1st"'], ["a b", '"a b"'], ["__proto__", "__proto__"], ["Đệ", '"Đệ"']])("key %s → %s", (given, want) => {
    expect(key(given)).toBe(want);
  });

  it("ident refuses anything but a safe identifier", () => {
    expect(ident("CustomerIdentity")).toBe("CustomerIdentity");
    for (const bad of ["class", "a-b", "1x", "a b", "x;alert(1)", ""]) expect(() => ident(bad)).toThrow(/not a safe identifier/);
  });

  it("doc comments cannot be closed from inside", () => {
    const c = docComment(["evil */ export const x = 1; /*", "line\u2028two"]);
    expect(c.match(/\*\//g)!.length).toBe(1);
    expect(c.endsWith(" */")).toBe(true);
    expect(c).not.toContain("\u2028");
  });
});
