import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { writeNewFiles } from "../../generator/output/parallel-write.ts";

describe("writeNewFiles", () => {
  let root = "";
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  test.each([12, 600])("writes %i files across folders with exactly their bytes (a worker thread takes some folders when there are many)", (n) => {
    root = mkdtempSync(join(tmpdir(), "pango-parallel-"));
    const files = Array.from({ length: n }, (_, i) => [join(root, `dir${i % 7}`, i % 3 ? `sub/f${i}.json` : `f${i}.ts`), `{"i": ${i}, "text": "Khách hàng ${"é".repeat(i % 50)} ✓ 😀"}\n`] as const);
    writeNewFiles(files);
    for (const [path, contents] of files) expect(readFileSync(path, "utf8")).toBe(contents);
    const count = (dir: string): number => readdirSync(dir, { withFileTypes: true }).reduce((s, e) => s + (e.isDirectory() ? count(join(dir, e.name)) : 1), 0);
    expect(count(root)).toBe(n);
  });

  test("when a write of its own fails, it throws only after the worker has finished (the caller then removes the folder)", () => {
    root = mkdtempSync(join(tmpdir(), "pango-parallel-"));
    // The largest folder is the caller's share; its first file cannot be written (a folder is in the way), so the
    // caller fails at once, while the worker has the other folders' 200 files still to write.
    mkdirSync(join(root, "a", "blocked"), { recursive: true });
    const own = [[join(root, "a", "blocked"), "x"] as const, ...Array.from({ length: 399 }, (_, i) => [join(root, "a", `f${i}.json`), `${i}\n`] as const)];
    const worker = Array.from({ length: 200 }, (_, i) => [join(root, `d${i % 4}`, `g${i}.json`), `{"g": ${i}}\n`] as const);
    expect(() => writeNewFiles([...own, ...worker])).toThrow(/EISDIR|illegal operation on a directory/u);
    for (const [path, contents] of worker) expect(readFileSync(path, "utf8")).toBe(contents);
  });
});
