import { describe, expect, it } from "vitest";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join, dirname } from "node:path";
import { parse } from "yaml";
import { makeAjv } from "../support/ajv.ts";
import { build } from "../../generator/run.ts";
import { listSpecFiles } from "../../generator/load/load-specs.ts";
import { exampleRecord, realModel } from "../support/compile.ts";
import type { JsonValue } from "../../generator/model/ir.ts";
import { tempDir } from "../support/tmp.ts";

const schema = JSON.parse(readFileSync("generator/spec/spec.schema.json", "utf8"));

describe("the spec format", () => {
  const files = [...listSpecFiles("specs"), ...listSpecFiles("test/specs/valid")];

  it.each(files.map((f) => [f]))("%s validates against spec.schema.json and names it for editors", (file) => {
    const text = readFileSync(file, "utf8");
    const validate = makeAjv().compile(schema);
    expect(validate(parse(text)), JSON.stringify(validate.errors)).toBe(true);
    const line = text.split("\n")[0]!;
    expect(line).toMatch(/^# yaml-language-server: \$schema=(\.\.\/)+generator\/spec\/spec\.schema\.json$/);
    const target = join(dirname(file), line.split("=")[1]!);
    expect(() => readFileSync(target)).not.toThrow();
  });

  it("transcribes all 116 rows of customer.txt, in the doc's order per entity", () => {
    const counts = Object.fromEntries(realModel().entities.filter((e) => e.page === "customer.txt").map((e) => [e.objectType, e.fields.length]));
    expect(counts).toEqual({
      "customer-identity": 44, "customer-relationship": 21, "customer-membership": 16,
      "customer-identity-address": 20, "customer-identity-email": 8, "customer-identity-photo": 7,
    });
    const identity = realModel().entities.find((e) => e.objectType === "customer-identity")!;
    expect(identity.fields.slice(0, 5).map((f) => f.name)).toEqual(["timezoneGmt", "systemName", "internalCompanyId", "customerId", "customerGroup"]);
    expect(identity.fields.at(-1)!.name).toBe("recordStatus");
  });

  it("keeps the doc's words and records errata with their corrections", () => {
    const byType = Object.fromEntries(realModel().entities.map((e) => [e.objectType, e]));
    const district = byType["customer-identity-address"]!.fields.find((f) => f.name === "district")!;
    expect(district.doc.example).toBe("male");
    expect(district.example).toBe("Tan Phu");
    const dob2 = byType["customer-identity"]!.fields.find((f) => f.name === "dob2")!;
    expect([dob2.doc.example, dob2.exampleValue, dob2.type]).toEqual(["yyyyy-MM-dd (2001-10-31)", "2001-10-31", "date"]);
    const tz = byType["customer-membership"]!.fields[0]!;
    expect(tz.doc.description).toContain("PnagoCDP");
    expect(tz.description).toContain("PangoCDP");
    const internal = byType["customer-identity"]!.fields.find((f) => f.name === "internalCompanyId")!;
    expect([internal.docType, internal.type]).toEqual([null, "string"]);
    expect(byType["customer-identity"]!.tags).toEqual(["SUPPORT_IGNORED_UPDATE_CFS"]);
    expect(byType["customer-identity-photo"]!.tags).toEqual([]);
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
  }, 30_000); // runs tsc in a child process
});
