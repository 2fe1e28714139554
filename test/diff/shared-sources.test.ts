import { describe, expect, test } from "vitest";
import { createRequire } from "node:module";
import type { ts as TS } from "ts-morph";
import { emit } from "../../generator/pipeline.ts";
import { PackageProject } from "../../generator/diff/compiler-check.ts";
import { redirected, sharedFiles, specifiersOf } from "../../generator/diff/shared-sources.ts";
import { baseSpecs, compileSet, field } from "./support.ts";
import { shipment } from "./cases.ts";

const ts = (createRequire(import.meta.url)("ts-morph") as { ts: typeof TS }).ts;

describe("files base and head share", () => {
  const base = new Map([
    ["index.ts", 'export * from "./a.js";\nexport * from "./c.js";\n'],
    ["a.ts", 'import type { B } from "./b.js";\nexport type A = { b: B };\n'],
    ["b.ts", "export type B = string;\n"],
    ["c.ts", "export type C = number;\n"],
    ["d.ts", 'export { A as D } from "./a.js";\n'],
  ]);

  test("are the identical ones whose imports are all shared too; never the entry", () => {
    const head = new Map(base).set("b.ts", "export type B = number;\n");
    // a.ts is the same text but reaches the changed b.ts, and d.ts reaches a.ts: only c.ts is the same type.
    expect([...sharedFiles(ts, base, head, "index.ts")]).toEqual(["c.ts"]);
    expect([...sharedFiles(ts, base, base, "index.ts")].sort()).toEqual(["a.ts", "b.ts", "c.ts", "d.ts"]);
  });

  test("a file that imports a file the head lacks is not shared", () => {
    const head = new Map(base);
    head.delete("b.ts");
    expect([...sharedFiles(ts, base, head, "index.ts")].sort()).toEqual(["c.ts"]);
  });

  test("are imported from where the base keeps them; other specifiers stay as written", () => {
    const text = 'import type { B } from "./b.js";\nexport * from "./sub/c.js";\n';
    expect(specifiersOf(ts, "types/x.ts", text).map((s) => s.target)).toEqual(["types/b.ts", "types/sub/c.ts"]);
    const where = (t: string) => (t === "types/b.ts" ? "/base/types/b.ts" : null);
    expect(redirected(ts, "head", "types/x.ts", text, where)).toBe('import type { B } from "../../base/types/b.js";\nexport * from "./sub/c.js";\n');
  });
});

describe("a head package added beside the base", () => {
  test("holds only the files that differ; the exports of the unchanged entity are the base's declarations", () => {
    const project = new PackageProject();
    const set = baseSpecs();
    project.addPackage("base", emit(compileSet(set)));
    field(shipment(set), "carrier").description = "The carrier, renamed in the docs";
    project.addPackage("head", emit(compileSet(set)), "base");
    const files = project.project.getSourceFiles().map((f) => f.getFilePath());
    expect(files).toContain("/head/types/shipment.ts");
    expect(files).toContain("/base/types/order.ts");
    expect(files).not.toContain("/head/types/order.ts");
    expect(files).not.toContain("/head/runtime.ts");
    const order = project.exportsOf("head").get("Order")!;
    expect(order.file).toBe("types/order.ts");
    expect(project.compare("base", "head").breaks).toBe(false);
  });

  test("sharing with a package not added is an error", () => {
    expect(() => new PackageProject().addPackage("head", [], "base")).toThrow(/no package base/u);
  });
});
