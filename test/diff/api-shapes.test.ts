import { describe, expect, it } from "vitest";
import { compileTexts } from "../support/compile.ts";
import { MADE_UP_SHAPES } from "../support/made-up-shapes.ts";
import { diffModels } from "../../generator/diff/diff-specs.ts";

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
});
