import { describe, expect, it } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import { bundle, lint, lintFromString, loadConfig, type NormalizedProblem } from "@redocly/openapi-core";
import SwaggerParser from "@apidevtools/swagger-parser";
import { parse } from "yaml";
import { compileTexts, emit, realModel } from "../support/compile.ts";
import { build } from "../../generator/run.ts";
import { tempDir } from "../support/tmp.ts";
import { emitOpenApi } from "../../generator/emit/openapi/emit-openapi.ts";
import type { Model } from "../../generator/model/ir.ts";
import { collectExamples, documentValidator } from "./examples.ts";

const config = await loadConfig({ configPath: "redocly.yaml" });
const model = realModel();
const files = new Map(emitOpenApi(model).map((f) => [f.path, f.contents]));
const text = (path: string): string => files.get(path)!;

type Obj = { [key: string]: unknown };

const summary = (problems: NormalizedProblem[]): string[] =>
  problems.map((p) => `${p.severity} ${p.ruleId} at ${p.location[0]?.pointer ?? "?"}: ${p.message}`);

const lintText = async (source: string, name = "openapi.yaml") =>
  summary(await lintFromString({ source, absoluteRef: `/virtual/${name}`, config }));

/** The problems of every example of a document that does not satisfy its schema. */
function invalidExamples(doc: Obj): string[] {
  const check = documentValidator(doc);
  return collectExamples(doc).flatMap((c) => {
    const r = check(c.schema, c.value);
    return r.valid ? [] : [`${c.at}: ${r.errors}`];
  });
}

const clone = <T>(x: T): T => structuredClone(x);

/** swagger-parser's document type, named through its API (openapi-types is not a dependency of ours). */
type OpenApiDocument = Awaited<ReturnType<typeof SwaggerParser.validate>>;

/** swagger-parser's validation of parsed JSON/YAML (it dereferences in place, so it gets a copy). */
const swaggerValidate = (doc: Obj) => SwaggerParser.validate(clone(doc) as unknown as OpenApiDocument);

describe("the bundled OpenAPI document", () => {
  it("Redocly's recommended rules report no error and no warning on generated/openapi/openapi.yaml", async () => {
    expect(summary(await lint({ ref: "generated/openapi/openapi.yaml", config }))).toEqual([]);
  });

  it("bundles without problems, and the bundle lints clean too", async () => {
    const result = await bundle({ ref: "generated/openapi/openapi.yaml", config });
    expect(summary(result.problems)).toEqual([]);
    expect(await lintText(JSON.stringify(result.bundle.parsed), "bundled.json")).toEqual([]);
  });

  it("the generated files are the emitter's output (generate has been run)", () => {
    for (const [path, contents] of files) expect(readFileSync(`generated/${path}`, "utf8"), path).toBe(contents);
  });

  it("swagger-parser validates the YAML and the JSON document", async () => {
    await expect(swaggerValidate(parse(text("openapi/openapi.yaml")) as Obj)).resolves.toMatchObject({ openapi: "3.1.0" });
    await expect(swaggerValidate(JSON.parse(text("openapi/openapi.json")) as Obj)).resolves.toMatchObject({ openapi: "3.1.0" });
  });

  it("every example validates against its schema with Ajv 2020 + ajv-formats (strict)", () => {
    const doc = JSON.parse(text("openapi/openapi.json")) as Obj;
    const cases = collectExamples(doc);
    // Field examples of every entity, an example record per entity, the requests, responses and callback bodies.
    const fieldExamples = model.entities.reduce((n, e) => n + e.fields.filter((f) => f.example !== null).length, 0);
    expect(cases.length).toBeGreaterThanOrEqual(fieldExamples + model.entities.length);
    expect(cases.filter((c) => c.at.startsWith("/paths/") || c.at.startsWith("/webhooks/")).length).toBeGreaterThanOrEqual(model.entities.length + 10);
    expect(invalidExamples(doc)).toEqual([]);
  });
});

describe("the checks can fail", () => {
  const doc = (): Obj => JSON.parse(text("openapi/openapi.json")) as Obj;
  const ingestion = (d: Obj) => ((d.paths as Obj)[model.api.ingestionPath] as Obj).post as Obj;

  it("Redocly reports a missing license, an operation without 4xx and an invalid media-type example", async () => {
    const d = doc();
    delete (d.info as Obj).license;
    const op = ingestion(d);
    delete (op.responses as Obj)["400"];
    delete (op.responses as Obj)["401"];
    const examples = (((op.requestBody as Obj).content as Obj)["application/json"] as Obj).examples as Obj;
    ((examples[model.entities[0]!.objectType] as Obj).value as Obj).entries = [];
    const rules = new Set((await lintText(JSON.stringify(d))).map((p) => p.split(" ")[1]));
    expect([...rules].sort()).toEqual(["info-license", "no-invalid-media-type-examples", "operation-4xx-response"]);
  });

  it("the Ajv walk reports an entity example record and a field example that break their schemas (a made-up entity)", () => {
    const made = compileTexts({ "gadget.yaml": readFileSync("test/specs/made-up/gadget.yaml", "utf8") }).model!;
    const d = JSON.parse(emitOpenApi(made).find((f) => f.path === "openapi/openapi.json")!.contents) as Obj;
    expect(invalidExamples(d)).toEqual([]);
    const gadget = ((d.components as Obj).schemas as Obj).Gadget as Obj;
    (gadget.examples as Obj[])[0] = { ...(gadget.examples as Obj[])[0], gadgetId: "  " };
    ((gadget.properties as Obj).size as Obj).examples = ["Small"];
    expect(invalidExamples(d).map((p) => p.split(":")[0])).toEqual([
      "/components/schemas/Gadget/examples/0",
      "/components/schemas/Gadget/properties/size/examples/0",
    ]);
  });

  it("swagger-parser rejects a document whose info has no title", async () => {
    const d = doc();
    delete (d.info as Obj).title;
    await expect(swaggerValidate(d)).rejects.toThrow();
  });
});

describe("the per-entity fragments", () => {
  it.each(model.entities.map((e) => [e.objectType, e] as const))("%s.yaml is a valid OpenAPI 3.1 document holding only its schemas", async (objectType, e) => {
    const source = text(`openapi/${objectType}.yaml`);
    const fragment = parse(source) as Obj;
    expect(Object.keys((fragment.components as Obj).schemas as Obj)).toEqual([e.typeName, ...e.tables.map((t) => t.typeName)]);
    await expect(swaggerValidate(fragment)).resolves.toBeTruthy();
    expect(invalidExamples(fragment)).toEqual([]);
    // A fragment exists to be referenced from elsewhere, so its schemas are unused within it: the only finding.
    expect(await lintText(source, `${objectType}.yaml`)).toEqual([
      `warn no-unused-components at #/components/schemas/${e.typeName}: Component: "${e.typeName}" is never used.`,
    ]);
  });
});

describe("a fragment referenced from another OpenAPI document", () => {
  /** A consumer's own document: one operation per entity, whose body is the fragment's schema, by relative reference. */
  function consumer(m: Model): Obj {
    const op = (e: Model["entities"][number]): Obj => ({
      summary: `Create a ${e.objectType}`, operationId: `create-${e.objectType}`, security: [],
      requestBody: { required: true, content: { "application/json": { schema: { $ref: `./${e.objectType}.yaml#/components/schemas/${e.typeName}` } } } },
      responses: { 204: { description: "Created." }, 400: { description: "Invalid." } },
    });
    return {
      openapi: "3.1.0", info: { title: "Consumer", version: "1.0.0", license: { name: "MIT", identifier: "MIT" } },
      servers: [{ url: "https://consumer.invalid" }],
      paths: Object.fromEntries(m.entities.map((e) => [`/${e.objectType}`, { post: op(e) }])),
    };
  }

  it.each([
    ["the real entities", () => model],
    ["purchase-order, whose fragment refers to its own nested tables", () => compileTexts({ "purchase-order.yaml": readFileSync("test/specs/valid/purchase-order.yaml", "utf8") }).model!],
  ] as const)("%s: the consumer lints clean, bundles, and its bundle validates", async (_name, get) => {
    const m = get();
    const dir = tempDir();
    for (const f of emitOpenApi(m)) if (!f.path.startsWith("openapi/openapi.")) writeFileSync(join(dir, f.path.slice("openapi/".length)), f.contents);
    writeFileSync(join(dir, "consumer.yaml"), stringify(consumer(m)));
    expect(summary(await lint({ ref: join(dir, "consumer.yaml"), config }))).toEqual([]);
    const bundled = await bundle({ ref: join(dir, "consumer.yaml"), config });
    expect(summary(bundled.problems)).toEqual([]);
    const doc = bundled.bundle.parsed as Obj;
    expect(Object.keys((doc.components as Obj).schemas as Obj)).toEqual(expect.arrayContaining(m.entities.flatMap((e) => [e.typeName, ...e.tables.map((t) => t.typeName)])));
    await expect(swaggerValidate(doc)).resolves.toBeTruthy();
    expect(invalidExamples(doc)).toEqual([]);
  });
});

describe("a spec with nested tables (test/specs/valid/purchase-order.yaml)", () => {
  const compiled = compileTexts({ "purchase-order.yaml": readFileSync("test/specs/valid/purchase-order.yaml", "utf8") }, readFileSync("specs/api.yaml", "utf8"));
  const nested: Model = compiled.model!;

  it("gets each nested table as its own component, lints clean and has valid examples", async () => {
    expect(compiled.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const out = new Map(emit(nested).map((f) => [f.path, f.contents]));
    const doc = JSON.parse(out.get("openapi/openapi.json")!) as Obj;
    const schemas = Object.keys((doc.components as Obj).schemas as Obj);
    const tables = nested.entities[0]!.tables.map((t) => t.typeName);
    expect(tables.length).toBeGreaterThan(0);
    expect(schemas).toEqual(expect.arrayContaining(["PurchaseOrder", ...tables, "PurchaseOrderIngestionRequest"]));
    expect(await lintText(out.get("openapi/openapi.yaml")!)).toEqual([]);
    await expect(swaggerValidate(doc)).resolves.toBeTruthy();
    expect(invalidExamples(JSON.parse(out.get("openapi/openapi.json")!) as Obj)).toEqual([]);
  });
});

describe("hostile specs (test/specs/hostile: keys such as __proto__, valueOf, `*/`, U+2028)", () => {
  const built = build("test/specs/hostile");

  it("still give a valid document whose YAML and JSON agree and whose examples hold", async () => {
    expect(built.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const out = new Map(emitOpenApi(built.model!).map((f) => [f.path, f.contents]));
    const doc = JSON.parse(out.get("openapi/openapi.json")!) as Obj;
    expect(parse(out.get("openapi/openapi.yaml")!)).toEqual(doc);
    const identity = Object.keys(((doc.components as Obj).schemas as Obj));
    expect(identity.length).toBeGreaterThan(built.model!.entities.length);
    await expect(swaggerValidate(doc)).resolves.toBeTruthy();
    expect(invalidExamples(doc)).toEqual([]);
    // Not linted with Redocly: its rules call `schema.properties.hasOwnProperty(...)`, which throws on a field named hasOwnProperty.
  });
});
