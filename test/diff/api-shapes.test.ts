import { describe, expect, it } from "vitest";
import { compileTexts } from "../support/compile.ts";
import { MADE_UP_SHAPES } from "../support/made-up-shapes.ts";
import { diffModels } from "../../generator/diff/diff-specs.ts";
import { changelogSection } from "../../generator/diff/changelog.ts";

// `diff` sees a change of api.yaml's shapes as it sees an entity table's, placed under the package.
const ENTITY = "objectType: widget\ntitle: Widget\nfields:\n  - { name: id, docType: String, type: string, required: true, example: w-1 }\n";
const API = `package: { name: demo, version: 1.0.0 }\n${MADE_UP_SHAPES}`;
const model = (api: string) => compileTexts({ "widget.yaml": ENTITY }, api).model!;
const changes = (head: string) => diffModels(model(API), model(head), { base: "base", head: "head" }).changes.map((c) => `${c.kind} ${c.entity}/${c.table}/${c.field} ${c.producer}/${c.consumer}`);

describe("diff of api.yaml's shapes", () => {
  it("reports nothing for the same shapes", () => {
    expect(changes(API)).toEqual([]);
  });

  it("a shape field made required is breaking, as an entity field is", () => {
    expect(changes(API.replace("name: pin, docType: integer, type: integer,", "name: pin, docType: integer, type: integer, required: true,"))).toEqual([
      "made-required null/AuthenticationRequest/pin breaking/breaking",
    ]);
  });

  it("a field added to the callback's result shape and a description changed", () => {
    const head = API.replace("      - { name: why, docType: string, type: string }\n", "      - { name: why, docType: string, type: string, description: Why it failed. }\n      - { name: retry, docType: boolean, type: boolean }\n");
    expect(changes(head)).toEqual([
      "description-changed null/IngestionCallbackResult/why docs/docs",
      "field-added null/IngestionCallbackResult/retry compatible/compatible",
    ]);
  });

  it("an example of a shape edited is a documentation change (fixtures and OpenAPI examples), placed on its shape", () => {
    expect(changes(API.replace("why: made-up failure", "why: another made-up failure"))).toEqual(["api-info-changed null/IngestionCallbackResult/null docs/docs"]);
  });

  it("a shape closed, and the callback's map key renamed, are breaking", () => {
    const head = API.replace("    open: true\n    fields:\n      - { name: ok", "    fields:\n      - { name: ok").replace("name: outcomes,", "name: results,");
    expect(changes(head)).toEqual([
      "custom-fields-withdrawn null/IngestionSuccessResponse/null breaking/breaking",
      "field-renamed null/IngestionCallback/results breaking/breaking",
    ]);
  });

  it("the changelog names a shape's field by its type name, required or optional as the head has it", () => {
    const jwt = "      - { name: jwt, docType: string, type: string, required: true, example: t0k3n }\n";
    const head = API.replace(jwt, `${jwt}      - { name: scope, docType: string, type: string, required: true }\n`);
    const [b, h] = [model(API), model(head)];
    const section = changelogSection(diffModels(b, h, { base: "base", head: "head" }), { base: b, head: h })!;
    expect(section).toContain("- Package: new required field `AuthenticationResponse.scope`");
  });
});
