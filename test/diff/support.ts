import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import { compileTexts } from "../support/compile.ts";
import { diffModels, type SpecDiff } from "../../generator/diff/diff-specs.ts";
import type { Model } from "../../generator/model/ir.ts";

/** A spec as a plain object, edited by a test case and written as YAML. */
export type SpecDoc = { [key: string]: unknown; fields: FieldDoc[] };
export type FieldDoc = { [key: string]: unknown; name: string };

/** The base spec set of the table tests: an open entity with a rule, an enum, ranges, a format and a nested table; a closed one. */
export function baseSpecs(): { specs: SpecDoc[]; api: Record<string, unknown> } {
  const order: SpecDoc = {
    objectType: "order", title: "Order Entity", tags: ["SUPPORT_IGNORED_UPDATE_CFS"], customFields: true,
    fields: [
      { name: "orderId", docType: "String", type: "string", required: true, docRequired: true, description: "Order Id", example: "O-1" },
      { name: "customerId", docType: "String", type: "string", description: "Customer Id. Required if customerPhone is missed.", example: "C1" },
      { name: "customerPhone", docType: "String", type: "string", description: "Customer Phone. Required if customerId is missed.", example: "0903" },
      { name: "status", docType: "String", type: "string", description: "Status: new, paid", example: "paid", enum: ["new", "paid"] },
      { name: "rating", docType: "integer", type: "integer", description: "Rating 1 to 5", example: "5", minimum: 1, maximum: 5 },
      { name: "amount", docType: "Double", type: "double", description: "Amount", example: "12.5" },
      { name: "points", docType: "integer", type: "integer", description: "Points", example: "40" },
      { name: "email", docType: "String", type: "string", description: "E-mail", example: "a@b.io", format: "email" },
      { name: "note", docType: "String", type: "string", description: "Free note", example: "hello" },
      { name: "items", docType: "Array", type: "array", description: "Items", table: "Order Item Entity" },
    ],
    rules: [{ kind: "any-of", groups: [["customerId"], ["customerPhone"]], doc: ["Required if customerPhone is missed.", "Required if customerId is missed."] }],
    tables: [{
      title: "Order Item Entity",
      fields: [
        { name: "sku", docType: "String", type: "string", required: true, docRequired: true, description: "SKU", example: "S-1" },
        { name: "quantity", docType: "integer", type: "integer", description: "Quantity", example: "2", minimum: 1 },
      ],
    }],
  };
  const shipment: SpecDoc = {
    objectType: "shipment", title: "Shipment Entity", customFields: false,
    fields: [
      { name: "shipmentId", docType: "String", type: "string", required: true, docRequired: true, description: "Shipment Id", example: "SH-1" },
      { name: "carrier", docType: "String", type: "string", description: "Carrier", example: "GHN" },
      { name: "weight", docType: "Float", type: "float", description: "Weight (kg)", example: "1.5" },
      { name: "dob2", docType: "Text", type: "string", description: "Delivery day", example: "2024-10-31" },
    ],
    rules: [{ kind: "all-of", fields: ["shipmentId"], doc: ["Shipment Id is required."] }],
  };
  return { specs: [order, shipment], api: { package: { name: "pango-cdp-schemas", version: "1.0.0" } } };
}

/** Compiles a spec set, failing the test with its diagnostics when it has errors. */
export function compileSet(set: { specs: SpecDoc[]; api: Record<string, unknown> }): Model {
  const texts = Object.fromEntries(set.specs.map((s) => [`${String(s.objectType)}.yaml`, stringify(s)]));
  const { diagnostics, model } = compileTexts(texts, stringify(set.api));
  if (!model) throw new Error(`test specs do not compile:\n${diagnostics.map((d) => `${d.file}:${d.line} ${d.message}`).join("\n")}`);
  return model;
}

/** A spec of the set by object type. */
export function spec(set: { specs: SpecDoc[] }, objectType: string): SpecDoc {
  const s = set.specs.find((x) => x.objectType === objectType);
  if (!s) throw new Error(`no spec ${objectType}`);
  return s;
}

/** A field of a spec (or of its nested table `table`) by name. */
export function field(s: SpecDoc, name: string, table?: string): FieldDoc {
  const fields = table ? (s.tables as SpecDoc[]).find((t) => t.title === table)!.fields : s.fields;
  const f = fields.find((x) => x.name === name);
  if (!f) throw new Error(`no field ${name}`);
  return f;
}

/**
 * Gives a field another type the way a real doc change does: the doc's Type column changes with it
 * (the checker rejects a type its docType does not read as, `doc-type-mismatch`).
 */
export function retype(f: FieldDoc, type: string, docType: string, extra: Record<string, unknown> = {}): void {
  Object.assign(f, { type, docType }, extra);
}

/** Diffs the base set against the base set edited by `edit`. */
export function diffAfter(edit: (set: { specs: SpecDoc[]; api: Record<string, unknown> }) => void): SpecDiff {
  const head = baseSpecs();
  edit(head);
  return diffModels(compileSet(baseSpecs()), compileSet(head), { base: "base", head: "head" });
}

/** Writes a spec set as a specs folder at `dir` (its specs and api.yaml). */
export function writeSet(dir: string, set: { specs: SpecDoc[]; api: Record<string, unknown> }): string {
  mkdirSync(dir, { recursive: true });
  for (const s of set.specs) writeFileSync(join(dir, `${String(s.objectType)}.yaml`), stringify(s));
  writeFileSync(join(dir, "api.yaml"), stringify(set.api));
  return dir;
}
