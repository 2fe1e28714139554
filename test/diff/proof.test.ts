import { describe, expect, test } from "vitest";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { emit } from "../../generator/pipeline.ts";
import { diffModels } from "../../generator/diff/diff-specs.ts";
import type { Model } from "../../generator/model/ir.ts";
import { tempDir } from "../support/tmp.ts";
import { baseSpecs, compileSet } from "./support.ts";
import { CASES, type Set } from "./cases.ts";

/** A payload the base's fixtures call valid, and what it is: an entity record of an object type, or a whole request. */
interface BaseFixture { readonly label: string; readonly objectType: string | null; readonly value: unknown }

type Validate = (value: unknown) => { ok: boolean };
interface HeadValidators { validators: Record<string, Validate>; validateIngestionRequest: Validate }

/** Every valid fixture the base's generated package holds: each entity's doc example and valid records, and the valid requests. */
function baseFixtures(model: Model): BaseFixture[] {
  const files = new Map(emit(model).map((f) => [f.path, f.contents]));
  const out: BaseFixture[] = [];
  for (const e of model.entities) {
    const data = JSON.parse(files.get(`fixtures/${e.objectType}.json`)!) as { example: unknown; valid: unknown[] };
    out.push({ label: `${e.objectType} example`, objectType: e.objectType, value: data.example });
    data.valid.forEach((value, i) => out.push({ label: `${e.objectType} valid #${i}`, objectType: e.objectType, value }));
  }
  const requests = JSON.parse(files.get("fixtures/ingestion-requests.json")!) as { valid: unknown[] };
  requests.valid.forEach((value, i) => out.push({ label: `request #${i}`, objectType: null, value }));
  return out;
}

/** Writes the head's generated package to a temporary folder and imports its validators. */
async function headValidators(model: Model): Promise<HeadValidators> {
  const dir = tempDir("pango-diff-proof-");
  for (const f of emit(model)) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.contents);
  }
  return (await import(join(dir, "validators", "index.ts"))) as HeadValidators;
}

/** The base fixtures the head's validators reject (an entity the head lacks rejects all of its records). */
function rejected(fixtures: readonly BaseFixture[], head: HeadValidators): string[] {
  return fixtures
    .filter((f) => {
      if (f.objectType === null) return !head.validateIngestionRequest(f.value).ok;
      const validate = head.validators[f.objectType];
      return !validate || !validate(f.value).ok;
    })
    .map((f) => f.label);
}

describe("proof: base fixtures under the head's generated validators", () => {
  const base = compileSet(baseSpecs());
  const fixtures = baseFixtures(base);

  test("the base has fixtures of every entity and request fixtures", () => {
    expect(new Set(fixtures.map((f) => f.objectType))).toEqual(new Set(["order", "shipment", null]));
    expect(fixtures.length).toBeGreaterThan(10);
  });

  test.each(CASES)("%s", async (_name, edit) => {
    const set: Set = baseSpecs();
    edit(set);
    const head = compileSet(set);
    const breaking = diffModels(base, head, { base: "base", head: "head" }).changes.filter((c) => c.producer === "breaking");
    const failed = rejected(fixtures, await headValidators(head));
    if (breaking.length === 0) expect(failed).toEqual([]);
    else expect(failed.length, `no base fixture witnesses ${breaking.map((c) => c.kind).join(", ")}`).toBeGreaterThan(0);
  }, 30_000);
});
