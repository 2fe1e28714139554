import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { hashTree, runMain, tempDir } from "./support.ts";

let root: string, specs: string;
beforeAll(() => {
  root = tempDir("out-folder");
  specs = join(root, "my specs");
  cpSync("test/specs/valid", specs, { recursive: true });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const generate = (out: string, specsDir = specs) => runMain(["generate", "--quiet", "--specs", specsDir, "--out", out]);

describe("--specs and --out work on any folder", () => {
  it("writes into a folder whose parents do not exist yet, then finds it up to date", async () => {
    const out = join(root, "a/b/c d/out");
    const r = await generate(out);
    expect(r.code, r.err).toBe(0);
    expect(readdirSync(out).sort()).toContain(".pango-codegen.json");
    expect(readdirSync(join(root, "a/b/c d"))).toEqual(["out"]);
    const again = await runMain(["generate", "--specs", specs, "--out", out]);
    expect(again.out).toMatch(/0 written, \d+ unchanged, 0 removed/u);
    expect((await runMain(["check", "--specs", specs, "--out", out])).code).toBe(0);
  });

  it("keeps dist/ and node_modules/ inside the output (build output and installs are not the generator's)", async () => {
    const out = join(root, "with-dist");
    expect((await generate(out)).code).toBe(0);
    mkdirSync(join(out, "dist"));
    writeFileSync(join(out, "dist/index.js"), "built\n");
    mkdirSync(join(out, "node_modules/x"), { recursive: true });
    writeFileSync(join(out, "node_modules/x/i.js"), "installed\n");
    // Different specs, so the whole tree is swapped.
    expect((await generate(out, "specs")).code).toBe(0);
    expect(readFileSync(join(out, "dist/index.js"), "utf8")).toBe("built\n");
    expect(readFileSync(join(out, "node_modules/x/i.js"), "utf8")).toBe("installed\n");
    expect(readdirSync(root).filter((n) => n.startsWith(".with-dist"))).toEqual([]);
  });

  it("leaves every sibling of the output folder untouched", async () => {
    const parent = join(root, "siblings");
    mkdirSync(parent);
    writeFileSync(join(parent, "keep.txt"), "mine\n");
    mkdirSync(join(parent, "other"));
    writeFileSync(join(parent, "other/x.txt"), "mine too\n");
    const before = hashTree(join(parent, "other"));
    expect((await generate(join(parent, "out"))).code).toBe(0);
    expect((await generate(join(parent, "out"), "specs")).code).toBe(0);
    expect(readdirSync(parent).sort()).toEqual(["keep.txt", "other", "out"]);
    expect(hashTree(join(parent, "other"))).toBe(before);
  });
});

describe("refused output and specs folders (exit 2, nothing changed)", () => {
  const refusals: [string, () => { out: string; specs?: string }, RegExp][] = [
    ["a non-empty folder the generator did not make", () => {
      const out = join(root, "user-folder");
      mkdirSync(out, { recursive: true });
      writeFileSync(join(out, "notes.txt"), "my notes\n");
      return { out };
    }, /is not empty and was not made by pango-codegen/u],
    ["a file", () => {
      const out = join(root, "a-file");
      writeFileSync(out, "not a folder\n");
      return { out };
    }, /is not empty and was not made by pango-codegen/u],
    ["a symlink to a folder (its target would be replaced by a real folder)", () => {
      const target = join(root, "link-target");
      mkdirSync(target, { recursive: true });
      const out = join(root, "a-link");
      symlinkSync(target, out, "dir");
      return { out };
    }, /is not empty and was not made by pango-codegen/u],
    ["the file-system root", () => ({ out: "/" }), /refusing to use the file-system root/u],
    ["the working directory", () => ({ out: "." }), /it contains the working directory/u],
    ["a parent of the working directory", () => ({ out: ".." }), /it contains the working directory/u],
    ["the specs folder itself", () => ({ out: specs }), /overlaps the specs folder/u],
    ["a folder that contains the specs folder", () => ({ out: root }), /overlaps the specs folder|contains the working directory/u],
    ["a specs folder inside the output", () => ({ out: join(root, "outer"), specs: join(root, "outer/specs") }), /overlaps the specs folder/u],
    ["a specs folder that does not exist", () => ({ out: join(root, "never"), specs: join(root, "no-such-specs") }), /specs folder .* does not exist/u],
    ["a spec file that cannot be read (a dangling symlink)", () => {
      const dangling = join(root, "dangling-specs");
      cpSync(specs, dangling, { recursive: true });
      symlinkSync(join(root, "nowhere.yaml"), join(dangling, "widget.yaml"));
      return { out: join(root, "never"), specs: dangling };
    }, /cannot read the spec file .*widget\.yaml: ENOENT/u],
    ["a specs 'folder' that is a file", () => ({ out: join(root, "never"), specs: join(root, "a-file") }), /specs folder .* does not exist/u],
  ];

  it.each(refusals)("%s", async (_label, setup, message) => {
    const { out, specs: specsDir } = setup();
    const before = hashTree(root);
    const r = await generate(out, specsDir ?? specs);
    expect(r.code, r.err).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).not.toContain("internal error");
    expect(hashTree(root)).toBe(before);
  });
});
