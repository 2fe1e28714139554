import { describe, expect, test } from "vitest";
import { emit } from "../../generator/pipeline.ts";
import { emitTypeScript, isCheckedSource } from "../../generator/diff/package-sources.ts";
import { diffModels } from "../../generator/diff/diff-specs.ts";
import { withCompilerVerdict } from "../../generator/diff/reconcile.ts";
import { baseSpecs, compileSet } from "./support.ts";

describe("the sources diff compiles", () => {
  test("are exactly the TypeScript files (fixtures aside) that emit writes, byte for byte", () => {
    const model = compileSet(baseSpecs());
    const full = emit(model).filter((f) => isCheckedSource(f.path));
    const only = emitTypeScript(model);
    expect(only.map((f) => f.path)).toEqual(full.map((f) => f.path));
    expect(only).toEqual(full);
    // The main entry, an entity's types, validators and deep import, and the shared runtime are all there.
    expect(only.map((f) => f.path)).toEqual(expect.arrayContaining(["index.ts", "types/order.ts", "validators/order.ts", "entities/order.ts", "runtime.ts"]));
  });

  test("leave out the fixtures, which the main entry does not reach", () => {
    expect(isCheckedSource("fixtures/index.ts")).toBe(false);
    expect(isCheckedSource("index.ts")).toBe(true);
    expect(isCheckedSource("json-schema/order.schema.json")).toBe(false);
  });
});

describe("identical sources", () => {
  test("need neither the compiler nor the surface: nothing added, removed or failing", () => {
    const model = compileSet(baseSpecs());
    const d = withCompilerVerdict(diffModels(model, model, { base: "a", head: "b" }), model, compileSet(baseSpecs()));
    expect(d.compiler).toEqual({ exports: [], breaks: false });
    expect(d.exports).toEqual([]);
    expect(d.changes).toEqual([]);
  });
});
