import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { compile, emit } from "../../generator/pipeline.ts";
import { decodeSpec, listSpecFiles, displayPath, loadApiFile } from "../../generator/load/load-specs.ts";
import { snapshot, tempDir } from "../support/tmp.ts";

function emitFrom(paths: string[]) {
  const files = paths.map((p) => decodeSpec(displayPath(p, process.cwd()), readFileSync(p)));
  const { model } = compile(files, loadApiFile("specs", process.cwd()));
  return emit(model!);
}

/** A seeded shuffle (the test itself must be reproducible). */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const j = seed % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe("deterministic output", () => {
  const paths = listSpecFiles("specs");

  it("is byte-identical across two runs and any order of the spec files", () => {
    const reference = emitFrom(paths);
    expect(emitFrom(paths)).toEqual(reference);
    for (const seed of [1, 7, 42]) expect(emitFrom(shuffled(paths, seed)).map((f) => f.path)).toEqual(reference.map((f) => f.path));
    for (const seed of [1, 7, 42]) expect(emitFrom(shuffled(paths, seed))).toEqual(reference);
  }, 30_000); // eight full emits of every spec: seconds on a loaded machine

  it("is byte-identical under TZ=Pacific/Kiritimati LANG=tr_TR.UTF-8, from another working directory", () => {
    const out = join(tempDir(), "generated");
    const bin = join(process.cwd(), "generator/bin/pango-codegen.js");
    execFileSync(process.execPath, [bin, "generate", "--quiet", "--specs", join(process.cwd(), "specs"), "--out", out], {
      cwd: tempDir(), env: { ...process.env, TZ: "Pacific/Kiritimati", LANG: "tr_TR.UTF-8", LC_ALL: "tr_TR.UTF-8" },
    });
    expect(snapshot(out)).toEqual(Object.fromEntries(emitFrom(paths).map((f) => [f.path, f.contents])));
  });

  it("ends every file with exactly one newline, uses LF only, and writes no dates", () => {
    for (const f of emitFrom(paths)) {
      expect(f.contents.endsWith("\n") && !f.contents.endsWith("\n\n"), f.path).toBe(true);
      expect(f.contents.includes("\r"), f.path).toBe(false);
      expect(/20\d\d-\d\d-\d\dT/.test(f.contents), f.path).toBe(false);
    }
  });
});
