import { describe, expect, it } from "vitest";
import { appendFileSync, cpSync, existsSync, readFileSync, statSync, writeFileSync, rmSync, mkdirSync } from "node:fs";
import { join, relative } from "node:path";
import { main } from "../../generator/cli.ts";
import { build } from "../../generator/run.ts";
import { snapshot, tempDir, treeHash } from "../support/tmp.ts";
import { listSpecFiles } from "../../generator/load/load-specs.ts";

async function run(...args: string[]) {
  let out = "", err = "";
  const code = await main(["node", "pango-codegen", ...args], { out: (s) => { out += s; }, err: (s) => { err += s; }, cwd: process.cwd() });
  return { code, out, err };
}

/** Made-up specs (test/specs/valid and test/specs/made-up), so no count, name or text of the documentation matters here. */
function fresh() {
  const specs = join(tempDir(), "specs");
  cpSync("test/specs/valid", specs, { recursive: true });
  cpSync("test/specs/made-up", specs, { recursive: true });
  const out = join(tempDir(), "generated");
  return { specs, out };
}

const edit = (file: string, from: string, to: string) => {
  const text = readFileSync(file, "utf8");
  expect(text).toContain(from);
  writeFileSync(file, text.replace(from, to));
};

describe("generate and check", () => {
  it("generate writes the package; a second run writes nothing and keeps files untouched", async () => {
    const { specs, out } = fresh();
    const first = await run("generate", "--specs", specs, "--out", out);
    expect(first.code).toBe(0);
    expect(first.out).toContain(`${listSpecFiles(specs).length} entities`);
    expect(snapshot(out)).toEqual(Object.fromEntries(build(specs).files.map((f) => [f.path, f.contents])));
    const mtime = statSync(join(out, "types/gadget.ts")).mtimeMs;
    const second = await run("generate", "--specs", specs, "--out", out);
    expect(second.out).toMatch(/0 written, \d+ unchanged, 0 removed/);
    expect(statSync(join(out, "types/gadget.ts")).mtimeMs).toBe(mtime);
  });

  it("writes only the files whose bytes changed and removes the ones no longer produced", async () => {
    const { specs, out } = fresh();
    await run("generate", "--specs", specs, "--out", out);
    const untouched = statSync(join(out, "package.json")).mtimeMs;
    rmSync(join(specs, "purchase-order.yaml"));
    edit(join(specs, "gadget.yaml"), '"Owner e-mail"', '"Owner e-mail address"');
    const r = await run("generate", "--specs", specs, "--out", out);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`+ ${relative(process.cwd(), out)}/json-schema/gadget.schema.json`);
    expect(r.out).toContain(`- ${relative(process.cwd(), out)}/types/purchase-order.ts`);
    expect(existsSync(join(out, "types/purchase-order.ts"))).toBe(false);
    expect(statSync(join(out, "package.json")).mtimeMs).toBe(untouched);
  });

  it("check: 0 when clean; 1 with stale, missing and orphaned files listed by repository path, a diff, and the fix", async () => {
    const { specs, out } = fresh();
    const shown = relative(process.cwd(), out);
    await run("generate", "--specs", specs, "--out", out);
    expect((await run("check", "--specs", specs, "--out", out)).code).toBe(0);
    appendFileSync(join(out, "types/gadget.ts"), "// edited by hand\n");
    rmSync(join(out, "json-schema/purchase-order.schema.json"));
    writeFileSync(join(out, "types/old-entity.ts"), "export {};\n");
    const r = await run("check", "--specs", specs, "--out", out);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(new RegExp(`${shown}/types/gadget\\.ts:\\d+:1 error hand-edited: edited by hand after generate: your edit will be lost: change the spec \\(.*gadget\\.yaml\\) instead`));
    expect(r.err).toContain(`--- ${shown}/types/gadget.ts (on disk)`);
    expect(r.err).toContain("-// edited by hand");
    expect(r.err).toContain(`${shown}/json-schema/purchase-order.schema.json error missing-file: missing: deleted after generate`);
    expect(r.err).toContain(`${shown}/types/old-entity.ts error orphaned-file: orphaned: added by hand`);
    expect(r.err).toMatch(/1 stale, 1 missing, 1 orphaned\nfix: npm run generate/);
  });

  it("spec errors: exit 2, diagnostics printed, output byte-for-byte unchanged (generate and check)", async () => {
    const { specs, out } = fresh();
    await run("generate", "--specs", specs, "--out", out);
    const before = treeHash(out);
    edit(join(specs, "gadget.yaml"), "type: integer", "type: int");
    const g = await run("generate", "--specs", specs, "--out", out);
    expect(g.code).toBe(2);
    expect(g.err).toMatch(/gadget\.yaml:\d+:\d+ error unknown-type: /);
    expect(treeHash(out)).toBe(before);
    expect((await run("check", "--specs", specs, "--out", out)).code).toBe(2);
  });

  it("refuses an output folder it did not make, and one that would contain the working directory", async () => {
    const { specs } = fresh();
    const foreign = tempDir();
    writeFileSync(join(foreign, "notes.txt"), "mine");
    const r = await run("generate", "--specs", specs, "--out", foreign);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/not made by pango-codegen/);
    expect(readFileSync(join(foreign, "notes.txt"), "utf8")).toBe("mine");
    expect((await run("generate", "--specs", specs, "--out", "..")).code).toBe(2);
    expect((await run("generate", "--specs", specs, "--out", "/")).code).toBe(2);
  });

  it("keeps a build folder (dist/) it does not own across a regeneration", async () => {
    const { specs, out } = fresh();
    await run("generate", "--specs", specs, "--out", out);
    mkdirSync(join(out, "dist"));
    writeFileSync(join(out, "dist/index.js"), "built");
    edit(join(specs, "gadget.yaml"), '"Owner e-mail"', '"Owner address"');
    expect((await run("generate", "--specs", specs, "--out", out)).code).toBe(0);
    expect(readFileSync(join(out, "dist/index.js"), "utf8")).toBe("built");
    expect((await run("check", "--specs", specs, "--out", out)).code).toBe(0);
  });

  it("the committed generated/ is up to date with specs/", async () => {
    const r = await run("check");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
  });
});
