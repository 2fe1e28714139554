import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../generator/cli.ts";
import { loadSpecFiles } from "../../generator/load/load-specs.ts";
import { readSpec } from "../../generator/check/read-spec.ts";

// CI watches every saved page: the page list comes from the specs' `page:` keys, nothing is pinned. A page changed
// without its specs (or specs changed without their page) fails here, with doc-diff's findings naming what moved.
const root = join(import.meta.dirname, "../..");
const named = new Map<string, string[]>();
for (const source of loadSpecFiles(join(root, "specs"), root)) {
  const { spec } = readSpec(source.file, source.text ?? "");
  const page = spec?.page?.value ?? `(no page: in ${source.file})`;
  named.set(page, [...(named.get(page) ?? []), source.file]);
}

describe("the saved pages and the specs are in step", () => {
  it("every spec names a saved page that exists, and every saved page is named by a spec", () => {
    const saved = readdirSync(join(root, "pages")).filter((n) => n.endsWith(".txt")).sort();
    expect([...named.keys()].filter((p) => !existsSync(join(root, "pages", p)))).toEqual([]);
    expect(saved.filter((p) => !named.has(p))).toEqual([]);
  });

  it.each([...named.keys()].sort())("doc-diff finds no drift between pages/%s and its specs", async (page) => {
    let out = "", err = "";
    const code = await main(["node", "pango-codegen", "doc-diff", `pages/${page}`, "--fail-on", "any"], { out: (s) => { out += s; }, err: (s) => { err += s; }, cwd: root });
    expect({ code, drift: out.split("\n").filter((l) => !l.includes(" notice ")).join("\n"), err }).toEqual({ code: 0, drift: expect.stringMatching(/^doc-diff: pages\/.* matches specs/u), err: "" });
  });
});
