import { describe, expect, it } from "vitest";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { build } from "../../generator/run.ts";
import { formatDiagnostic } from "../../generator/check/diagnostics.ts";
import { compileTexts, emit } from "../support/compile.ts";
import { makeAjv } from "../support/ajv.ts";
import { tempDir } from "../support/tmp.ts";
import { MADE_UP_SHAPES as SHAPES } from "../support/made-up-shapes.ts";
import { RESPONSE_SHAPES } from "../../generator/check/check-shapes.ts";

// api.yaml's `shapes` (the API's shapes beside the entities), on made-up api.yaml files: read and checked as entity
// fields are, with file:line:col diagnostics, and the one source of the package's API types, validators and fixtures.

const ENTITY = "objectType: widget\ntitle: Widget\nfields:\n  - { name: id, docType: String, type: string, required: true, example: w-1 }\n";


/** The made-up result shape's one example, as SHAPES writes it (line 37). */
const EXAMPLE = "{ name: failure, summary: A made-up failure, value: { code: 9, why: made-up failure } }";

/** Compiles the widget with a made-up api.yaml holding `shapes`. */
const compiled = (shapes: string) => compileTexts({ "widget.yaml": ENTITY }, shapes);
const found = (shapes: string) => compiled(shapes).diagnostics.map((d) => `${d.line}:${d.col} ${d.code}`);

describe("api.yaml's shapes: diagnostics", () => {
  it("a broken shape field is reported with file:line:col, from a specs folder on disk", () => {
    const dir = join(tempDir(), "specs");
    mkdirSync(dir);
    writeFileSync(join(dir, "widget.yaml"), ENTITY);
    // Line 18 of SHAPES is `pin`; the broken example sits at column 64 of it.
    writeFileSync(join(dir, "api.yaml"), SHAPES.replace('example: "1234"', "example: twelve"));
    const built = build(dir, dir);
    expect(built.model).toBeNull();
    expect(built.diagnostics.map(formatDiagnostic)).toEqual([
      "api.yaml:18:64 error example-type: example 'twelve' of 'pin' is not an integer, as type integer requires; record an erratum if the doc is wrong",
    ]);
  });

  const cases: [string, string, string[]][] = [
    ["an unknown key in a shape field, with the field checker's hint", SHAPES.replace("name: pin, docType", "name: pin, docTyp"), ["18:9 missing-key", "18:22 unknown-key"]],
    ["a field type the spec format does not know", SHAPES.replace("docType: integer, type: integer, example", "docType: integer, type: int, example"), ["18:46 unknown-type"]],
    ["two fields of one shape with the same name", SHAPES.replace("name: pin,", "name: login,"), ["18:17 duplicate-field"]],
    ["an unknown shape name", SHAPES.replace("typeName: ErrorResponse", "typeName: ErrorRespons"), ["2:3 missing-key", "8:15 invalid-value"]],
    ["a shape with neither fields nor map", SHAPES.replace("    fields:\n      - { name: jwt, docType: string, type: string, required: true, example: t0k3n }\n", ""), ["19:5 missing-key"]],
    ["the callback's map naming a shape that is not a table", SHAPES.replace("values: IngestionCallbackResult", "values: IngestionCallback"), ["27:84 unknown-table"]],
    ["an example record with a key an open shape accepts", SHAPES.replace("{ code: 9, why: made-up failure }", "{ code: 9, extra: 1 }"), []],
    ["an example record with a key a closed shape does not list", SHAPES.replace("{ code: 9, why: made-up failure }", "{ code: 9, extra: 1 }").replace("    open: true\n    fields:\n      - { name: code", "    fields:\n      - { name: code"), ["36:61 unknown-field"]],
    ["an example record of the wrong type, and without a required field", SHAPES.replace("{ code: 9, why: made-up failure }", "{ why: 9 }"), ["37:61 example-type", "37:61 missing-key"]],
    ["an example written as a bare record", SHAPES.replace(EXAMPLE, "{ code: 9, why: made-up failure }"), ["37:9 missing-key"]],
    ["an example without its summary, and one whose value is not a record", SHAPES.replace(EXAMPLE, `${EXAMPLE}\n      - { name: other, summary: Other, value: [9] }`).replace("summary: A made-up failure, ", ""), ["37:9 missing-key", "38:47 wrong-type"]],
    ["an example for a response that does not exist", SHAPES.replace("value: { code", "for: [ingestion 402], value: { code"), ["37:60 invalid-value"]],
    ["an example for a response that another shape is the body of", SHAPES.replace("value: { code", "for: [ingestion 400], value: { code"), ["37:60 invalid-value"]],
    ["two examples of one shape with one name, and a name that cannot key an OpenAPI example", SHAPES.replace(EXAMPLE, `${EXAMPLE}\n      - ${EXAMPLE}\n      - ${EXAMPLE.replace("name: failure", "name: made-up")}`), ["38:17 name-collision", "39:17 invalid-value"]],
    ["a response listed twice in one example's for", SHAPES.replace("example: boom }\n", "example: boom }\n    examples: [{ name: e, summary: E, for: [ingestion 401, ingestion 401], value: { reason: x } }]\n"), ["13:60 invalid-value"]],
    ["an enum on a shape field", SHAPES.replace("name: reason, docType: string, type: string,", "name: reason, docType: string, type: string, enum: [boom],"), ["12:62 not-applicable"]],
    ["shapes that are not a list", "shapes: {}\n", ["1:9 wrong-type"]],
    ["a shape written twice", `${SHAPES}  - typeName: ErrorResponse\n    title: Again\n    description: Again.\n    fields:\n      - { name: x, docType: string, type: string }\n`, ["38:15 duplicate-table"]],
    ["the callback as a table of fields", SHAPES.replace("    map: { name: outcomes, description: One result per made-up reference., values: IngestionCallbackResult }", "    fields:\n      - { name: x, docType: string, type: string }"), ["24:15 invalid-value"]],
    ["a map shape with fields, open and examples", SHAPES.replace("    map: { name: outcomes", "    open: true\n    examples: [{ name: a, summary: A, value: { a: 1 } }]\n    fields: []\n    map: { name: outcomes"), ["24:5 invalid-value", "27:5 not-applicable", "28:16 not-applicable"]],
  ];
  it.each(cases)("%s", (_what, text, want) => {
    expect(found(text)).toEqual(want);
  });

  it("the made-up shapes themselves are valid", () => {
    expect(compiled(SHAPES).diagnostics).toEqual([]);
  });
});

describe("api.yaml's shapes: the package's API types, validators and fixtures", () => {
  const model = compiled(SHAPES).model!;
  const files = new Map(emit(model).map((f) => [f.path, f.contents]));

  it("the model holds the shapes as written: tables in order, the callback's map and its result", () => {
    const written = parse(SHAPES).shapes as { typeName: string; fields?: { name: string }[]; map?: { name: string; values: string } }[];
    expect(model.shapes.tables.map((t) => t.typeName)).toEqual(written.filter((s) => s.fields).map((s) => s.typeName));
    for (const s of written.filter((x) => x.fields)) expect(model.shapes.tables.find((t) => t.typeName === s.typeName)!.fields.map((f) => f.name)).toEqual(s.fields!.map((f) => f.name));
    const map = written.find((s) => s.map)!.map!;
    expect(model.shapes.callback.data.name).toBe(map.name);
    expect(model.shapes.callback.data.result.typeName).toBe(map.values);
  });

  it("types, OpenAPI components and fixtures follow the made-up shapes, and banners name specs/api.yaml", () => {
    expect(files.get("types/api.ts")).toContain("pin?: number | null | undefined;");
    expect(files.get("types/api.ts")).toContain("outcomes: { [refId: string]: IngestionCallbackResult };");
    expect(files.get("types/api.ts")!.split("\n")[0]).toContain("specs/api.yaml");
    const openapi = JSON.parse(files.get("openapi/openapi.json")!) as { components: { schemas: Record<string, { properties: object; description: string }> }; webhooks: Record<string, { post: { description: string } }> };
    expect(Object.keys(openapi.components.schemas.AuthenticationRequest!.properties)).toEqual(["login", "pin"]);
    // The authentication operation's request example is the shape's example record.
    const auth = (openapi as unknown as { paths: Record<string, { post: { requestBody: { content: Record<string, { examples: Record<string, { value: unknown }> }> } } }> }).paths[model.api.authenticationPath]!.post;
    expect(Object.values(auth.requestBody.content["application/json"]!.examples).map((e) => e.value)).toEqual([{ login: "someone", pin: 1234 }]);
    // The result's notes are stated in its schema and in the webhook's description.
    expect(openapi.components.schemas.IngestionCallbackResult!.description).toBe("A made-up result. A made-up contradiction.");
    expect(Object.values(openapi.webhooks)[0]!.post.description).toMatch(/\n\nA made-up contradiction\.$/u);
    const fixtures = files.get("fixtures/api.ts")!;
    const json = JSON.parse(JSON.parse(/JSON\.parse\(("(?:[^"\\]|\\.)*")\)/u.exec(fixtures)![1]!)) as Record<string, { valid: unknown[]; invalid: { value: unknown; issues: unknown[] }[] }>;
    expect(json.AuthenticationRequest!.valid).toEqual([{ login: "someone", pin: 1234 }]);
    expect(json.AuthenticationRequest!.invalid).toEqual([{ label: "login missing", value: { pin: 1234 }, issues: [{ path: "/login", code: "required" }] }]);
    expect(json.IngestionCallbackResult!.valid).toEqual([{ code: 7 }, { code: 9, why: "made-up failure" }]);
    expect(json.IngestionCallback!.valid).toEqual([{ outcomes: { "ref-1": { code: 7 }, "ref-2": { code: 9, why: "made-up failure" } } }]);
    expect(json.IngestionCallback!.invalid.map((i) => i.issues)).toEqual([[{ path: "/outcomes", code: "required" }], [{ path: "/outcomes/ref~11/code", code: "required" }]]);
  });

  it("the OpenAPI operations show the examples each response is given, else the shape's field-example record; the callback, each result example beside a stored one", () => {
    // One made-up ErrorResponse example for ingestion 400: that response shows it, and ingestion 401 (named by none) the fields' record.
    const given = compiled(SHAPES.replace("example: boom }\n", "example: boom }\n    examples: [{ name: madeUpBoom, summary: Made-up boom, description: Said once., for: [ingestion 400], value: { reason: kaboom } }]\n")).model!;
    type Examples = Record<string, { summary: string; description?: string; value: unknown }>;
    type Op = { requestBody?: { content: Record<string, { examples: Examples }> }; responses: Record<string, { content?: Record<string, { examples: Examples }> }> };
    const doc = JSON.parse(emit(given).find((f) => f.path === "openapi/openapi.json")!.contents) as { paths: Record<string, { post: Op }>; webhooks: Record<string, { post: Op }> };
    const examples = (op: Op, code: string) => op.responses[code]!.content!["application/json"]!.examples;
    const ingestion = doc.paths[given.api.ingestionPath]!.post;
    expect(examples(ingestion, "400")).toEqual({ madeUpBoom: { summary: "Made-up boom", description: "Said once.", value: { reason: "kaboom" } } });
    expect(examples(ingestion, "401")).toEqual({ example: { summary: "Made-up error", description: "The record the shape's field examples make.", value: { reason: "boom" } } });
    expect(Object.values(examples(doc.paths[given.api.authenticationPath]!.post, "200")).map((e) => e.value)).toEqual([{ jwt: "t0k3n" }]);
    expect(doc.webhooks[given.api.callbackName]!.post.requestBody!.content["application/json"]!.examples).toEqual({
      failure: { summary: "A made-up failure", description: "Reference ids are illustrative.", value: { outcomes: { "REF-0001": { code: 7 }, "REF-0002": { code: 9, why: "made-up failure" } } } },
    });
    // The example is a fixture of its shape too.
    const fixtures = emit(given).find((f) => f.path === "fixtures/api.ts")!.contents;
    expect(fixtures).toContain("kaboom");
  });

  it("a specs folder whose api.yaml states no shapes gets the generator's copy, whose banner says so", () => {
    const without = compileTexts({ "widget.yaml": ENTITY }).model!;
    const defaults = parse(readFileSync("generator/spec/default-shapes.yaml", "utf8")).shapes as { typeName: string; fields?: unknown[] }[];
    expect(without.shapes.tables.map((t) => t.typeName)).toEqual(defaults.filter((s) => s.fields).map((s) => s.typeName));
    expect(without.shapes.file).toBe("generator/spec/default-shapes.yaml");
    expect(emit(without).find((f) => f.path === "types/api.ts")!.contents.split("\n")[0]).toContain("generator/spec/default-shapes.yaml");
  });
});

describe("api.schema.json", () => {
  const ajv = makeAjv();
  ajv.addSchema(JSON.parse(readFileSync("generator/spec/spec.schema.json", "utf8")));
  const valid = ajv.compile(JSON.parse(readFileSync("generator/spec/api.schema.json", "utf8")));

  it.each(["specs/api.yaml", "generator/spec/default-shapes.yaml"])("%s validates against it and names it for editors", (file) => {
    const text = readFileSync(file, "utf8");
    expect(valid(parse(text)), JSON.stringify(valid.errors)).toBe(true);
    expect(text.split("\n")[0]).toMatch(/^# yaml-language-server: \$schema=(\.\.\/generator\/spec\/)?api\.schema\.json$/u);
  });

  it("is mapped onto specs/api.yaml for VS Code", () => {
    const settings = JSON.parse(readFileSync(".vscode/settings.json", "utf8")) as { "yaml.schemas": Record<string, string[]> };
    expect(settings["yaml.schemas"]["./generator/spec/api.schema.json"]).toContain("specs/api.yaml");
  });

  it("accepts the made-up shapes and rejects what the reader rejects", () => {
    expect(valid(parse(SHAPES)), JSON.stringify(valid.errors)).toBe(true);
    expect(valid(parse(SHAPES.replace("typeName: ErrorResponse", "typeName: ErrorRespons")))).toBe(false);
    expect(valid(parse(SHAPES.replace("name: pin, docType", "name: pin, docTyp")))).toBe(false);
    expect(valid(parse(SHAPES.replace("    map: {", "    fields: []\n    map: {")))).toBe(false);
    expect(valid(parse(SHAPES.replace(EXAMPLE, "{ code: 9, why: made-up failure }")))).toBe(false);
    expect(valid(parse(SHAPES.replace("value: { code", "for: [ingestion 402], value: { code")))).toBe(false);
  });

  it("offers exactly the operation responses the checker knows in an example's 'for'", () => {
    const schema = JSON.parse(readFileSync("generator/spec/api.schema.json", "utf8")) as { $defs: Record<string, { properties: { examples: { items: { properties: { for: { items: { enum: string[] } } } } } } }> };
    const shape = Object.values(schema.$defs).find((d) => d.properties?.examples?.items)!;
    expect(shape.properties.examples.items.properties.for.items.enum).toEqual(Object.keys(RESPONSE_SHAPES));
  });
});
