import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { copyFileSync, cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, tempDir } from "../hardening/support.ts";

// What a consumer does (README, "Using the package"): build, pack, install the tarball offline into a fresh
// project, type-check a strict ESM and a CommonJS file against it, and run both with Node.
const APP = join(ROOT, "test/consumer/app");
const TSC = join(ROOT, "node_modules/typescript/bin/tsc");

function run(cmd: string, args: readonly string[], cwd: string): string {
  const r = spawnSync(cmd, args, { cwd, encoding: "utf8", timeout: 180_000, env: { ...process.env, npm_config_update_notifier: "false" } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} exited ${r.status}\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

let tmp: string, tarball: string, project: string, typecheck: { status: number | null; stdout: string };
beforeAll(() => {
  tmp = tempDir("consumer");
  run("npm", ["run", "build"], ROOT);
  const packed = JSON.parse(run("npm", ["pack", "./generated", "--pack-destination", tmp, "--json"], ROOT)) as { filename: string }[];
  tarball = join(tmp, packed[0]!.filename);
  project = join(tmp, "project");
  mkdirSync(project);
  for (const f of readdirSync(APP)) copyFileSync(join(APP, f), join(project, f));
  run("npm", ["install", "--offline", "--no-audit", "--no-fund", tarball], project);
  // Compiles into out/ (consumer.mjs, consumer.cjs), which the tests below run.
  typecheck = spawnSync(process.execPath, [TSC, "-p", "tsconfig.json"], { cwd: project, encoding: "utf8" });
}, 300_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("the packed tarball", () => {
  it("has no runtime dependencies and ships compiled JavaScript with declarations", () => {
    const manifest = JSON.parse(run("tar", ["-xzOf", tarball, "package/package.json"], tmp)) as Record<string, unknown>;
    for (const key of ["dependencies", "peerDependencies", "optionalDependencies", "bundleDependencies"]) expect(manifest[key], key).toBeUndefined();
    const files = run("tar", ["-tzf", tarball], tmp).split("\n");
    for (const f of ["package/dist/index.js", "package/dist/index.d.ts", "package/json-schema/customer-identity.schema.json", "package/openapi/openapi.json"]) expect(files, f).toContain(f);
  });

  it("installs offline into a fresh project, adding that one package and nothing else", () => {
    expect(readdirSync(join(project, "node_modules")).filter((n) => !n.startsWith(".")).sort()).toEqual(["pango-cdp-schemas"]);
  });
});

describe("a consumer project", () => {
  it("type-checks a strict ESM file and a CommonJS file against the installed package", () => {
    expect(typecheck.stdout).toBe("");
    expect(typecheck.status).toBe(0);
  });

  it("the lines marked @ts-expect-error really do not compile (one in each file)", () => {
    const probe = join(tmp, "probe");
    cpSync(project, probe, { recursive: true });
    for (const f of ["consumer.mts", "consumer.cts"]) {
      const source = readFileSync(join(project, f), "utf8");
      expect(source.match(/^\/\/ @ts-expect-error/gmu), f).toHaveLength(1);
      writeFileSync(join(probe, f), source.replace(/^\/\/ @ts-expect-error.*$/mu, ""));
    }
    const r = spawnSync(process.execPath, [TSC, "-p", "tsconfig.json"], { cwd: probe, encoding: "utf8" });
    expect(r.status).not.toBe(0);
    const errors = [...r.stdout.matchAll(/^(\S+)\(\d+,\d+\): error (TS\d+)/gmu)].map((m) => `${m[1]} ${m[2]}`);
    // TS2820: not assignable, "did you mean 'male'?"; TS2322: not assignable (no phone, no email).
    expect(errors).toEqual(["consumer.cts TS2820", "consumer.mts TS2322"]);
  }, 60_000);

  it("runs the ESM file with Node: types, validators, fixtures, JSON Schema and OpenAPI all work", () => {
    const out = JSON.parse(run(process.execPath, ["out/consumer.mjs"], project));
    expect(out).toEqual({
      genders: ["male", "female", "undefined"],
      valid: true,
      issues: ["/gender enum", " required_any"],
      request: true,
      fixture: true,
      schema: "Customer Identity Entity",
      openapi: "3.1.0",
    });
  });

  it("runs the CommonJS file with Node (require() of the ES module package)", () => {
    const out = JSON.parse(run(process.execPath, ["out/consumer.cjs"], project));
    expect(out).toEqual({ valid: true, invalid: false, schema: "Customer Identity Entity" });
  });
});

describe("the README's consumer section", () => {
  it("shows the consumer files exactly as the test uses them", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    for (const f of ["consumer.mts", "consumer.cts", "package.json", "tsconfig.json"]) {
      expect(readme, f).toContain(readFileSync(join(ROOT, "test/consumer/app", f), "utf8").trimEnd());
    }
  });
});
