import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join, dirname } from "node:path";
import { parse } from "yaml";
import { makeAjv } from "../support/ajv.ts";
import { build } from "../../generator/run.ts";
import { listSpecFiles } from "../../generator/load/load-specs.ts";
import { compileTexts, exampleRecord, realModel } from "../support/compile.ts";
import { importPage } from "../../generator/doc/import-page.ts";

type RawYamlSpec = { objectType: string; errata?: { field?: string; property: string; doc: string; corrected: string | null }[] };
import type { JsonValue } from "../../generator/model/ir.ts";
import { tempDir } from "../support/tmp.ts";

const schema = JSON.parse(readFileSync("generator/spec/spec.schema.json", "utf8"));

describe("the spec format", () => {
  const files = [...listSpecFiles("specs"), ...listSpecFiles("test/specs/valid"), ...listSpecFiles("test/specs/made-up"), ...listSpecFiles("test/specs/types")];

  it.each(files.map((f) => [f]))("%s validates against spec.schema.json and names it for editors", (file) => {
    const text = readFileSync(file, "utf8");
    const validate = makeAjv().compile(schema);
    expect(validate(parse(text)), JSON.stringify(validate.errors)).toBe(true);
    const line = text.split("\n")[0]!;
    expect(line).toMatch(/^# yaml-language-server: \$schema=(\.\.\/)+generator\/spec\/spec\.schema\.json$/);
    const target = join(dirname(file), line.split("=")[1]!);
    expect(() => readFileSync(target)).not.toThrow();
  });

  // Derived at run time from the saved pages and the specs, so a doc change (and the spec change that follows it)
  // never needs an edit here: every entity a page documents is transcribed row for row, in the doc's order.
  it("transcribes every row of the pages' entity tables, in the doc's order", () => {
    const drafts = readdirSync("pages").filter((f) => f.endsWith(".txt")).flatMap((f) => {
      try { return importPage(readFileSync(join("pages", f), "utf8")).specs; } catch { return []; }
    });
    const onPages = realModel().entities.filter((e) => drafts.some((d) => d.objectType === e.objectType));
    expect(onPages.length).toBeGreaterThan(0);
    for (const e of onPages) {
      const draft = drafts.find((d) => d.objectType === e.objectType)!;
      expect(e.fields.map((f) => f.name), e.objectType).toEqual(draft.fields.map((f) => f.name));
    }
  });

  it("every erratum of the real specs: the model keeps the doc's text and uses the correction", () => {
    const raw = listSpecFiles("specs").map((f) => parse(readFileSync(f, "utf8")) as RawYamlSpec);
    const entities = new Map(realModel().entities.map((e) => [e.objectType, e]));
    for (const spec of raw) {
      for (const erratum of spec.errata ?? []) {
        if (!erratum.field || (erratum.property !== "description" && erratum.property !== "example")) continue;
        const field = entities.get(spec.objectType)!.fields.find((f) => f.name === erratum.field)!;
        expect(field.doc[erratum.property], `${spec.objectType}.${erratum.field}`).toBe(erratum.doc);
        expect(field[erratum.property], `${spec.objectType}.${erratum.field}`).toBe(erratum.corrected);
      }
    }
  });

  it("keeps the doc's words and records errata with their corrections (a made-up spec)", () => {
    const { model, diagnostics } = compileTexts({ "gadget.yaml": readFileSync("test/specs/made-up/gadget.yaml", "utf8") });
    expect(diagnostics).toEqual([]);
    const gadget = model!.entities[0]!;
    const field = (name: string) => gadget.fields.find((f) => f.name === name)!;
    expect([field("madeOn").doc.example, field("madeOn").exampleValue, field("madeOn").type]).toEqual(["yyyyy-MM-dd (2001-10-31)", "2001-10-31", "date"]);
    expect(field("timezoneGmt").doc.description).toContain("PnagoCDP");
    expect(field("timezoneGmt").description).toContain("PangoCDP");
    expect([field("note").docType, field("note").type]).toEqual([null, "string"]);
    expect(gadget.tags).toEqual(["SUPPORT_IGNORED_UPDATE_CFS"]);
    expect(compileTexts({ "purchase-order.yaml": readFileSync("test/specs/valid/purchase-order.yaml", "utf8") }).model!.entities[0]!.tags).toEqual([]);
  });
});

describe("constructs of other pages: Double, Float, Long, nested Object and Array tables", () => {
  const built = build("test/specs/valid");
  const order = built.model!.entities[0]!;

  it("compiles with no diagnostic and models the nested tables", () => {
    expect(built.diagnostics).toEqual([]);
    expect(order.tables.map((t) => t.typeName)).toEqual(expect.arrayContaining(["OrderItem", "ShippingAddress"]));
    expect(order.fields.filter((f) => f.type === "double" || f.type === "float").length).toBeGreaterThanOrEqual(2);
  });

  it("emits TypeScript that compiles under tsc --strict, and a JSON Schema that checks nested records", () => {
    const dir = tempDir();
    for (const f of built.files) {
      mkdirSync(dirname(join(dir, f.path)), { recursive: true });
      writeFileSync(join(dir, f.path), f.contents);
    }
    execFileSync(process.execPath, [join(process.cwd(), "node_modules/typescript/bin/tsc"), "-p", join(dir, "tsconfig.json"), "--noEmit"], { stdio: "pipe" });
    const schemaFile = built.files.find((f) => f.path === "json-schema/purchase-order.schema.json")!;
    const validate = makeAjv().compile(JSON.parse(schemaFile.contents));
    const record = exampleRecord(order);
    const itemTable = order.tables.find((t) => t.typeName === "OrderItem")!;
    const items = order.fields.find((f) => f.table === "OrderItem")!.name;
    const item = (record[items] as Record<string, JsonValue>[])[0]!;
    expect(validate({ ...record, [items]: [item] }), JSON.stringify(validate.errors)).toBe(true);
    const required = itemTable.fields.find((f) => f.required)!.name;
    const { [required]: _dropped, ...broken } = item;
    expect(validate({ ...record, [items]: [item, broken] })).toBe(false);
    expect(validate({ ...record, [items]: [{ ...item, [itemTable.fields.find((f) => f.type === "double" || f.type === "long")?.name ?? required]: "12" }] })).toBe(false);
  }, 120_000); // runs tsc in a child process
});
