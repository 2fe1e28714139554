import { decodeSpec } from "../../generator/load/load-specs.ts";
import { compile, emit } from "../../generator/pipeline.ts";
import { build } from "../../generator/run.ts";
import type { Entity, JsonValue, Model } from "../../generator/model/ir.ts";
import { docExampleRecord } from "../../generator/emit/fixtures/valid-records.ts";

/** Compiles in-memory spec texts (file name → YAML) as if they were a specs folder. */
export function compileTexts(files: Record<string, string>, api: string | null = null) {
  const sources = Object.entries(files).map(([name, text]) => decodeSpec(`specs/${name}`, new TextEncoder().encode(text)));
  return compile(sources, api === null ? null : decodeSpec("specs/api.yaml", new TextEncoder().encode(api)));
}

/** The model of the real specs/ folder (throws if it has errors). */
export function realModel(): Model {
  const built = build("specs");
  if (!built.model) throw new Error(built.diagnostics.map((d) => d.message).join("\n"));
  return built.model;
}

export { emit };

/** The doc's example record of an entity (the fixtures' `example`): examples after errata, required gaps filled. */
export function exampleRecord(entity: Entity): Record<string, JsonValue> {
  return docExampleRecord(entity);
}
