import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { copyGenerator } from "./generator-copy.ts";

function bin(dir: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [join(dir, "generator/bin/pango-codegen.js"), ...args], { cwd: dir, encoding: "utf8", timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe("the bin: compiled bundle when fresh, never a stale one", () => {
  it("runs generator/dist/cli.cjs built from the current sources, and the sources once they change", () => {
    const dir = copyGenerator();
    const cli = join(dir, "generator/cli.ts");
    const description = "Generate types, validators, JSON Schema, OpenAPI and fixtures from the Pango CDP specs.";
    writeFileSync(cli, readFileSync(cli, "utf8").replace(description, "MARK-A"));
    // No bundle yet: the sources run (through tsx).
    expect(bin(dir, "--help").out).toContain("MARK-A");
    const build = spawnSync(process.execPath, [join(dir, "generator/bin/build.js")], { cwd: dir, encoding: "utf8" });
    expect(build.status, build.stderr).toBe(0);
    // The build leaves V8's code cache of the bundle beside it; a run without one writes it (with what it compiled).
    const dist = join(dir, "generator/dist");
    const caches = () => readdirSync(dist).filter((n) => /^cli-[0-9a-f]{16}\.v8cache$/u.test(n));
    expect(caches()).toHaveLength(1);
    rmSync(join(dist, caches()[0]!));
    expect(bin(dir, "--help").out).toContain("MARK-A");
    expect(caches()).toHaveLength(1);
    // Mark the bundle, so the output tells which code ran. The mark has the length of the old text: the code
    // cache of the unmarked bundle (which V8 would accept for any source of that length) must not be used.
    const bundle = join(dir, "generator/dist/cli.cjs");
    writeFileSync(bundle, readFileSync(bundle, "utf8").replace("MARK-A", "MARK-B"));
    expect(bin(dir, "--help").out).toContain("MARK-B");
    // A source edit makes the bundle stale: the bin runs the sources, which say what the edit says.
    writeFileSync(cli, readFileSync(cli, "utf8").replace("MARK-A", "MARK-C"));
    const after = bin(dir, "--help");
    expect(after.out).toContain("MARK-C");
    expect(after.out).not.toContain("MARK-B");
  }, 120_000);

  it("the bundle generates the same bytes as the sources (templates and schema paths resolve from dist/)", () => {
    const dir = copyGenerator();
    expect(spawnSync(process.execPath, [join(dir, "generator/bin/build.js")], { cwd: dir }).status).toBe(0);
    cpSync("test/specs/valid", join(dir, "specs"), { recursive: true });
    const compiled = bin(dir, "generate", "-q", "--specs", "specs", "--out", "out-bundle");
    expect(compiled.code, compiled.err).toBe(0);
    writeFileSync(join(dir, "generator/dist/cli.cjs"), "throw new Error('stale');\n");
    const cli = join(dir, "generator/cli.ts");
    writeFileSync(cli, readFileSync(cli, "utf8") + "\n// edited\n");
    const sources = bin(dir, "generate", "-q", "--specs", "specs", "--out", "out-sources");
    expect(sources.code, sources.err).toBe(0);
    expect(spawnSync("diff", ["-r", join(dir, "out-bundle"), join(dir, "out-sources")]).status).toBe(0);
  }, 120_000);

  it("uses the build's precompiled templates only for the template text they were made from", () => {
    const dir = copyGenerator();
    expect(spawnSync(process.execPath, [join(dir, "generator/bin/build.js")], { cwd: dir }).status).toBe(0);
    cpSync("test/specs/valid", join(dir, "specs"), { recursive: true });
    const template = join(dir, "templates/index.ts.hbs");
    writeFileSync(template, readFileSync(template, "utf8").replace("Everything the package offers", "MARK-T everything the package offers"));
    const r = bin(dir, "generate", "-q", "--specs", "specs", "--out", "out");
    expect(r.code, r.err).toBe(0);
    expect(readFileSync(join(dir, "out/index.ts"), "utf8")).toContain("// MARK-T everything the package offers");
  }, 120_000);
});
