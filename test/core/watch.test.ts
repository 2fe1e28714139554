import { describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { watchGenerate } from "../../generator/output/watch.ts";
import { tempDir, treeHash } from "../support/tmp.ts";
import { copyGenerator } from "./generator-copy.ts";

/** Waits until `ready()` holds, polling; fails after `ms` (a bound, not a timing assertion). */
async function until(ready: () => boolean, what: string, ms = 90_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!ready()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("generate --watch", () => {
  it("regenerates on a spec change, prints diagnostics for a broken spec and keeps the last good output, then recovers", async () => {
    const root = tempDir();
    const specs = join(root, "specs"), out = join(root, "generated");
    cpSync("test/specs/valid", specs, { recursive: true });
    const spec = join(specs, "purchase-order.yaml");
    const original = readFileSync(spec, "utf8");
    let stdout = "", stderr = "";
    // Both streams in the order written, to tell what came after the diagnostics.
    const log: string[] = [];
    const stop = new AbortController();
    const watching = watchGenerate({ specs, out }, { out: (s) => { stdout += s; log.push(s); }, err: (s) => { stderr += s; log.push(s); }, cwd: process.cwd() }, stop.signal);
    try {
      const types = join(out, "types/purchase-order.ts");
      await until(() => existsSync(types) && /pango-codegen generate: 1 entities/.test(stdout), "the first generate");
      expect(readFileSync(types, "utf8")).not.toContain("giftNote");

      writeFileSync(spec, original.replace("fields:\n", "fields:\n  - name: giftNote\n    docType: String\n    type: string\n"));
      await until(() => readFileSync(types, "utf8").includes("giftNote"), "the regeneration after a spec change");
      const good = treeHash(out);

      writeFileSync(spec, original.replace("type: integer", "type: int"));
      await until(() => /keeps its last good output/.test(stderr), "the diagnostics of the broken spec");
      expect(stderr).toMatch(/purchase-order\.yaml:\d+:\d+ error unknown-type: /);
      expect(treeHash(out)).toBe(good);
      // A run already under way when the spec broke may still report; once the diagnostics are out, no run succeeds.
      await new Promise((r) => setTimeout(r, 500));
      const after = log.slice(log.findIndex((l) => /keeps its last good output/.test(l)));
      expect(after.filter((l) => /pango-codegen generate:/.test(l))).toEqual([]);
      expect(treeHash(out)).toBe(good);

      writeFileSync(spec, original);
      await until(() => !readFileSync(types, "utf8").includes("giftNote"), "the regeneration after the fix");
    } finally {
      stop.abort();
      expect(await watching).toBe(0);
    }
  }, 300_000);

  it("regenerates on a template change (the real bin, in a copy of the generator), and stops on SIGTERM", async () => {
    const dir = copyGenerator();
    cpSync("test/specs/valid", join(dir, "specs"), { recursive: true });
    const child = spawn(process.execPath, ["generator/bin/pango-codegen.js", "generate", "--watch", "--specs", "specs", "--out", "out"], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    child.stdout.on("data", (b: Buffer) => { stdout += b.toString(); });
    const exited = new Promise<number | null>((done) => child.on("close", (code) => done(code)));
    try {
      const doc = join(dir, "out/docs/purchase-order.md");
      await until(() => existsSync(doc) && /pango-codegen generate:/.test(stdout), "the first generate");
      const template = join(dir, "templates/docs-entity.md.hbs");
      writeFileSync(template, readFileSync(template, "utf8").replace("# {{code title}}", "# Entity: {{code title}}"));
      await until(() => readFileSync(doc, "utf8").includes("# Entity: Purchase Order Entity"), "the regeneration after a template change");
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exited).toBe(0);
  }, 300_000);
});
