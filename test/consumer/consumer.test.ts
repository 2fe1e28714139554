import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { copyFileSync, cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, tempDir } from "../hardening/support.ts";
import { modelOf } from "../validators/support.ts";

// What a consumer does (README, "Using the package"): build, pack, install the tarball offline into fresh projects,
// type-check them under each TypeScript module setting, run them with Node and with Jest, and lint the tarball.
const APP = join(ROOT, "test/consumer/app");
const TSC = join(ROOT, "node_modules/typescript/bin/tsc");
const model = modelOf("specs");

// What the consumer files should print, from the generated package itself (its fixtures and JSON Schema), so a
// documentation change never makes these expectations stale.
type Fixture = { objectType: string; example: Record<string, unknown>; invalid: { label: string; record: unknown; issues: { path: string; code: string }[] }[] };
const generated = (rel: string): unknown => JSON.parse(readFileSync(join(ROOT, "generated", rel), "utf8"));
const identity = generated("fixtures/customer-identity.json") as Fixture;
const identitySchema = generated("json-schema/customer-identity.schema.json") as { title: string; properties: Record<string, { enum?: string[] }> };

function run(cmd: string, args: readonly string[], cwd: string): string {
  const r = spawnSync(cmd, args, { cwd, encoding: "utf8", timeout: 180_000, env: { ...process.env, npm_config_update_notifier: "false" } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} exited ${r.status}\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

const tsc = (cwd: string) => spawnSync(process.execPath, [TSC, "-p", "tsconfig.json"], { cwd, encoding: "utf8" });

/** A fresh project folder holding `files`, with the tarball installed offline. */
function project(name: string, files: Record<string, string>): string {
  const dir = join(tmp, name);
  mkdirSync(dir);
  for (const [f, text] of Object.entries(files)) writeFileSync(join(dir, f), text);
  run("npm", ["install", "--offline", "--no-audit", "--no-fund", tarball], dir);
  return dir;
}

let tmp: string, tarball: string, app: string, typecheck: { status: number | null; stdout: string };
const STALE = "left-by-an-earlier-build.js";
beforeAll(() => {
  tmp = tempDir("consumer");
  // What an earlier build left (a module since renamed): the build must not pack it.
  mkdirSync(join(ROOT, "generated/dist/esm"), { recursive: true });
  writeFileSync(join(ROOT, "generated/dist/esm", STALE), "export const stale = true;\n");
  run("npm", ["run", "build"], ROOT);
  const packed = JSON.parse(run("npm", ["pack", "./generated", "--pack-destination", tmp, "--json"], ROOT)) as { filename: string }[];
  tarball = join(tmp, packed[0]!.filename);
  app = join(tmp, "project");
  mkdirSync(app);
  for (const f of readdirSync(APP)) copyFileSync(join(APP, f), join(app, f));
  run("npm", ["install", "--offline", "--no-audit", "--no-fund", tarball], app);
  // Compiles into out/ (consumer.mjs, consumer.cjs), which the tests below run.
  typecheck = tsc(app);
}, 300_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("the packed tarball", () => {
  it("has no runtime dependencies and ships an ES module and a CommonJS build, each with declarations", () => {
    const manifest = JSON.parse(run("tar", ["-xzOf", tarball, "package/package.json"], tmp)) as Record<string, unknown>;
    for (const key of ["dependencies", "peerDependencies", "optionalDependencies", "bundleDependencies"]) expect(manifest[key], key).toBeUndefined();
    const files = run("tar", ["-tzf", tarball], tmp).split("\n");
    for (const f of ["package/dist/esm/index.js", "package/dist/esm/index.d.ts", "package/dist/cjs/index.js", "package/dist/cjs/index.d.ts", "package/dist/cjs/package.json", "package/json-schema/customer-identity.schema.json", "package/openapi/openapi.json"]) expect(files, f).toContain(f);
  });

  it("holds only what this build made: the build empties dist/ first", () => {
    expect(run("tar", ["-tzf", tarball], tmp).split("\n")).not.toContain(`package/dist/esm/${STALE}`);
  });

  it("lists types first in every condition of the exports map", () => {
    const manifest = JSON.parse(run("tar", ["-xzOf", tarball, "package/package.json"], tmp)) as { exports: Record<string, unknown> };
    const conditions = (v: unknown): string[][] => (typeof v === "object" && v !== null ? [Object.keys(v), ...Object.values(v).flatMap(conditions)] : []);
    for (const [subpath, target] of Object.entries(manifest.exports)) {
      for (const keys of conditions(target)) if (keys.includes("types")) expect(keys[0], subpath).toBe("types");
    }
  });

  it("publint finds no problem", () => {
    expect(run(process.execPath, [join(ROOT, "node_modules/publint/src/cli.js"), "run", tarball, "--strict"], ROOT)).toMatch(/All good!/u);
  }, 60_000);

  it("arethetypeswrong finds no problem for the main entry, the fixtures and every per-entity module", () => {
    const entrypoints = [".", "./fixtures", ...model.entities.map((e) => `./entities/${e.objectType}`)];
    const out = run(process.execPath, [join(ROOT, "node_modules/@arethetypeswrong/cli/dist/index.js"), tarball, "--format", "json", "--entrypoints", ...entrypoints], ROOT);
    const report = JSON.parse(out) as { analysis: { problems: unknown[]; entrypoints: Record<string, unknown> } };
    expect(report.analysis.problems).toEqual([]);
    expect(Object.keys(report.analysis.entrypoints)).toEqual(entrypoints);
  }, 120_000);

  it("installs offline into a fresh project, adding that one package and nothing else", () => {
    expect(readdirSync(join(app, "node_modules")).filter((n) => !n.startsWith(".")).sort()).toEqual(["pango-cdp-schemas"]);
  });
});

describe("the README's consumer project", () => {
  it("type-checks a strict ESM file and a CommonJS file against the installed package", () => {
    expect(typecheck.stdout).toBe("");
    expect(typecheck.status).toBe(0);
  });

  it("the lines marked @ts-expect-error really do not compile (one in each file)", () => {
    const probe = join(tmp, "probe");
    cpSync(app, probe, { recursive: true });
    for (const f of ["consumer.mts", "consumer.cts"]) {
      const source = readFileSync(join(app, f), "utf8");
      expect(source.match(/^\/\/ @ts-expect-error/gmu), f).toHaveLength(1);
      writeFileSync(join(probe, f), source.replace(/^\/\/ @ts-expect-error.*$/mu, ""));
    }
    const r = tsc(probe);
    expect(r.status).not.toBe(0);
    const errors = [...r.stdout.matchAll(/^(\S+)\(\d+,\d+\): error (TS\d+)/gmu)].map((m) => `${m[1]} ${m[2]}`);
    // TS2322 both: a string that is not an enum value; an object literal with a key its (closed) type lacks.
    expect(errors).toEqual(["consumer.cts TS2322", "consumer.mts TS2322"]);
    expect(r.stdout).toMatch(/Object literal may only specify known properties, but 'emial' does not exist in type 'CustomerIdentity'/u);
  }, 60_000);

  it("runs the ESM file with Node: types, validators, fixtures, JSON Schema and OpenAPI all work", () => {
    const out = JSON.parse(run(process.execPath, ["out/consumer.mjs"], app));
    expect(identity.invalid.length).toBeGreaterThan(0);
    expect(out).toEqual({
      objectTypes: model.entities.map((e) => e.objectType).sort(),
      valid: true,
      issues: identity.invalid.map((f) => f.issues.map((i) => `${i.path} ${i.code}`)),
      request: true,
      schema: identitySchema.title,
      openapi: "3.1.0",
    });
  }, 60_000);

  it("runs the CommonJS file with Node (require() loads the CommonJS build)", () => {
    const out = JSON.parse(run(process.execPath, ["out/consumer.cjs"], app));
    expect(out).toEqual({ valid: true, invalid: false, schema: identitySchema.title });
  }, 60_000);

  it("shows the consumer files exactly as the test uses them", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    for (const f of ["consumer.mts", "consumer.cts", "package.json", "tsconfig.json"]) {
      expect(readme, f).toContain(readFileSync(join(APP, f), "utf8").trimEnd());
    }
  });
});

// An optional field of customer-identity that no rule names, read from the generated JSON Schema at run time so
// the matrix file's explicit-undefined line follows the doc.
function freeOptional(): string {
  const schema = JSON.parse(readFileSync(join(ROOT, "generated/json-schema/customer-identity.schema.json"), "utf8")) as { properties: object; required?: string[]; allOf?: unknown };
  const rules = JSON.stringify(schema.allOf ?? []);
  return Object.keys(schema.properties).find((k) => !(schema.required ?? []).includes(k) && !rules.includes(`"${k}"`))!;
}

// Each TypeScript module setting a consumer may use, with the package type it implies.
const SETTINGS = [
  { module: "NodeNext", moduleResolution: "NodeNext", type: "module" },
  { module: "NodeNext", moduleResolution: "NodeNext", type: "commonjs" },
  { module: "Node16", moduleResolution: "Node16", type: "commonjs" },
  { module: "CommonJS", moduleResolution: "Node10", type: "commonjs" },
] as const;

describe.each(SETTINGS)("a consumer compiled with module $module ($type)", ({ module, moduleResolution, type }) => {
  it("type-checks (strict, exactOptionalPropertyTypes) and runs with Node", () => {
    const dir = project(`matrix-${module}-${type}`, {
      "package.json": JSON.stringify({ name: "matrix", version: "1.0.0", private: true, type }),
      "tsconfig.json": JSON.stringify({ compilerOptions: { target: "ES2022", module, moduleResolution, strict: true, exactOptionalPropertyTypes: true, outDir: "out", types: [], lib: ["ES2022", "DOM"] }, files: ["consumer.ts"] }),
      "consumer.ts": readFileSync(join(ROOT, "test/consumer/matrix/matrix.ts"), "utf8").replace("email: undefined", `${freeOptional()}: undefined`),
    });
    const r = tsc(dir);
    expect(r.stdout).toBe("");
    expect(r.status).toBe(0);
    const keys = identity.invalid[0]!.issues.map((i) => i.path.split("/").slice(1).map((t) => (/^(0|[1-9]\d*)$/u.test(t) ? Number(t) : t.replace(/~1/gu, "/").replace(/~0/gu, "~"))));
    expect(keys.length).toBeGreaterThan(0);
    expect(JSON.parse(run(process.execPath, ["out/consumer.js"], dir))).toEqual({ valid: true, deep: false, same: true, guard: [true, false], optional: true, standard: keys });
  }, 120_000);
});

describe("Jest in CommonJS mode, with no configuration", () => {
  it("requires the package and runs a test against it", () => {
    const dir = project("jest", {
      "package.json": readFileSync(join(ROOT, "test/consumer/jest/package.json"), "utf8"),
      // Named .jest.js in the repository so vitest does not collect it; Jest finds it as consumer.test.js.
      "consumer.test.js": readFileSync(join(ROOT, "test/consumer/jest/consumer.jest.js"), "utf8"),
    });
    const r = spawnSync(process.execPath, [join(ROOT, "node_modules/jest/bin/jest.js"), "--ci", "--json"], { cwd: dir, encoding: "utf8", timeout: 120_000 });
    const report = JSON.parse(r.stdout) as { success: boolean; numPassedTests: number; numFailedTests: number };
    expect(report).toMatchObject({ success: true, numPassedTests: 1, numFailedTests: 0 });
    expect(r.status).toBe(0);
  }, 120_000);
});

describe("the body type openapi-typescript generates from the package's openapi.json", () => {
  it("accepts IngestionRequest values (custom fields too), and is a real type (a wrong body does not compile)", () => {
    const body = `paths[${JSON.stringify(model.api.ingestionPath)}]["post"]["requestBody"]["content"]["application/json"]`;
    const dir = project("openapi-typescript", {
      "package.json": JSON.stringify({ name: "oat", version: "1.0.0", private: true, type: "module" }),
      // openapi-typescript lints the document with the project's Redocly configuration first: a consumer who
      // lints with Redocly's recommended rules must get no warning from our document (its examples included).
      "redocly.yaml": "extends:\n  - recommended\n",
      // Without exactOptionalPropertyTypes: under it our optional fields take `undefined` (as the validators do), which
      // openapi-typescript's types refuse although JSON.stringify drops it. The two settings cannot both hold there.
      "tsconfig.json": JSON.stringify({ compilerOptions: { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, noEmit: true, types: [], lib: ["ES2022"] }, files: ["body.ts"] }),
      "body.ts": [
        'import type { paths } from "./openapi.js";',
        'import type { IngestionRequest } from "pango-cdp-schemas";',
        `type Body = ${body};`,
        "export const plain = (r: IngestionRequest): Body => r;",
        "export const custom = (r: IngestionRequest<{ customField01: string }>): Body => r;",
        "// @ts-expect-error a body without source or entries is not a Body",
        'export const wrong: Body = { objectType: "customer-identity" };',
        "",
      ].join("\n"),
    });
    // --default-non-nullable false: by default openapi-typescript makes a field with a documented `default` required
    // (as a response would carry it); in a request body it stays optional, the server filling it in.
    const oat = spawnSync(process.execPath, [join(ROOT, "node_modules/openapi-typescript/bin/cli.js"), join(ROOT, "generated/openapi/openapi.json"), "--default-non-nullable", "false", "-o", join(dir, "openapi.d.ts")], { cwd: dir, encoding: "utf8", timeout: 180_000 });
    expect(oat.status, oat.stderr).toBe(0);
    // Its lint (Redocly 1, whose example check closes every subschema that lists properties outside an allOf)
    // prints a warning per problem on stderr: a consumer must see none.
    expect(oat.stderr.split("\n").filter((l) => l.includes("⚠"))).toEqual([]);
    const r = tsc(dir);
    expect(r.stdout).toBe("");
    expect(r.status).toBe(0);
  }, 120_000);
});

describe("the README's recipes", () => {
  const RECIPES = join(ROOT, "test/consumer/recipes");
  let dir: string;
  beforeAll(() => {
    dir = project("recipes", Object.fromEntries([
      ["package.json", JSON.stringify({ name: "recipes", version: "1.0.0", private: true, type: "module" })],
      ...readdirSync(RECIPES).map((f) => [f, readFileSync(join(RECIPES, f), "utf8")]),
    ]));
    // The libraries the recipes name, as this repository installed them (npm links a folder), so the test stays offline.
    const libraries = ["ajv", "ajv-formats", "hono", "@hono/standard-validator"].map((n) => join(ROOT, "node_modules", n));
    run("npm", ["install", "--offline", "--no-audit", "--no-fund", ...libraries], dir);
  }, 300_000);

  it("are in the README verbatim", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    for (const f of readdirSync(RECIPES)) expect(readme, f).toContain(readFileSync(join(RECIPES, f), "utf8").trimEnd());
    expect(readme).toContain("mkdir -p /tmp/pkg\nnpm pack ./generated --pack-destination /tmp/pkg");
  });

  it("Ajv with the JSON Schema (ajv/dist/2020 and ajv-formats)", () => {
    expect(identity.invalid.length).toBeGreaterThan(0);
    expect(JSON.parse(run(process.execPath, ["ajv.mjs"], dir))).toEqual({ valid: true, rejected: identity.invalid.length });
  }, 60_000);

  it("a Hono route answers 200, and 400 with the issues of a bad body", () => {
    // The recipe sends the first invalid fixture with one issue; the 400 must carry exactly the issues that fixture
    // expects, at the entry's index.
    const broken = identity.invalid.find((f) => f.issues.length === 1)!;
    expect(broken).toBeDefined();
    expect(JSON.parse(run(process.execPath, ["hono-route.mjs"], dir))).toEqual({
      good: { status: 200, body: { accepted: 2 } },
      bad: { status: 400, issues: broken.issues.map((i) => [`entries.1${i.path.replaceAll("/", ".")}`, i.code]) },
    });
  }, 60_000);

  it("a webhook receiver reads both spellings of the error field and refuses a result without status", () => {
    expect(JSON.parse(run(process.execPath, ["webhook.mjs"], dir))).toEqual({
      ok: { outcomes: ["ref-1 stored as cdp-9", "ref-2 failed: Missing phone"] },
      bad: ["/data/ref-1/status required"],
    });
  }, 60_000);
});
