import { describe, expect, it } from "vitest";
import { appendFileSync, existsSync, readFileSync, statSync, writeFileSync, rmSync, mkdirSync } from "node:fs";
import { join, relative } from "node:path";
import { main } from "../../generator/cli.ts";
import { build } from "../../generator/run.ts";
import { copyOf, snapshot, tempDir, treeHash } from "../support/tmp.ts";

async function run(...args: string[]) {
  let out = "", err = "";
  const code = await main(["node", "pango-codegen", ...args], { out: (s) => { out += s; }, err: (s) => { err += s; }, cwd: process.cwd() });
  return { code, out, err };
}

function fresh() {
  const specs = copyOf("specs");
  const out = join(tempDir(), "generated");
  return { specs, out };
}

describe("generate and check", () => {
  it("generate writes the package; a second run writes nothing and keeps files untouched", async () => {
    const { specs, out } = fresh();
    const first = await run("generate", "--specs", specs, "--out", out);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(new RegExp(`${build(specs).model!.entities.length} entities`));
    expect(snapshot(out)).toEqual(Object.fromEntries(build(specs).files.map((f) => [f.path, f.contents])));
    const mtime = statSync(join(out, "types/customer-identity.ts")).mtimeMs;
    const second = await run("generate", "--specs", specs, "--out", out);
    expect(second.out).toMatch(/0 written, \d+ unchanged, 0 removed/);
    expect(statSync(join(out, "types/customer-identity.ts")).mtimeMs).toBe(mtime);
  });

  it("writes only the files whose bytes changed and removes the ones no longer produced", async () => {
    const { specs, out } = fresh();
    await run("generate", "--specs", specs, "--out", out);
    const untouched = statSync(join(out, "types/customer-identity.ts")).mtimeMs;
    rmSync(join(specs, "customer-identity-photo.yaml"));
    writeFileSync(join(specs, "customer-identity-email.yaml"), readFileSync(join(specs, "customer-identity-email.yaml"), "utf8").replace('"Email Address"', '"E-mail address"'));
    const r = await run("generate", "--specs", specs, "--out", out);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`+ ${relative(process.cwd(), out)}/json-schema/customer-identity-email.schema.json`);
    expect(r.out).toContain(`- ${relative(process.cwd(), out)}/types/customer-identity-photo.ts`);
    expect(existsSync(join(out, "types/customer-identity-photo.ts"))).toBe(false);
    expect(statSync(join(out, "types/customer-identity.ts")).mtimeMs).toBe(untouched);
  });

  it("check: 0 when clean; 1 with stale, missing and orphaned files listed by repository path, a diff, and the fix", async () => {
    const { specs, out } = fresh();
    const shown = relative(process.cwd(), out);
    await run("generate", "--specs", specs, "--out", out);
    expect((await run("check", "--specs", specs, "--out", out)).code).toBe(0);
    appendFileSync(join(out, "types/customer-identity.ts"), "// edited by hand\n");
    rmSync(join(out, "json-schema/customer-identity-email.schema.json"));
    writeFileSync(join(out, "types/old-entity.ts"), "export {};\n");
    const r = await run("check", "--specs", specs, "--out", out);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(new RegExp(`${shown}/types/customer-identity\\.ts:\\d+:1 error hand-edited: edited by hand after generate: your edit will be lost: change the spec \\(.*customer-identity\\.yaml\\) instead`));
    expect(r.err).toContain(`--- ${shown}/types/customer-identity.ts (on disk)`);
    expect(r.err).toContain("-// edited by hand");
    expect(r.err).toContain(`${shown}/json-schema/customer-identity-email.schema.json error missing-file: missing: deleted after generate`);
    expect(r.err).toContain(`${shown}/types/old-entity.ts error orphaned-file: orphaned: added by hand`);
    expect(r.err).toMatch(/1 stale, 1 missing, 1 orphaned\nfix: npm run generate/);
  });

  it("spec errors: exit 2, diagnostics printed, output byte-for-byte unchanged (generate and check)", async () => {
    const { specs, out } = fresh();
    await run("generate", "--specs", specs, "--out", out);
    const before = treeHash(out);
    writeFileSync(join(specs, "customer-identity.yaml"), readFileSync(join(specs, "customer-identity.yaml"), "utf8").replace("type: integer", "type: int"));
    const g = await run("generate", "--specs", specs, "--out", out);
    expect(g.code).toBe(2);
    expect(g.err).toMatch(/customer-identity\.yaml:\d+:\d+ error unknown-type: /);
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
    writeFileSync(join(specs, "customer-identity-email.yaml"), readFileSync(join(specs, "customer-identity-email.yaml"), "utf8").replace('"Email Address"', '"Address"'));
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
