import { decodeSpec } from "../../generator/load/load-specs.ts";
import { compile, emit } from "../../generator/pipeline.ts";
import { build } from "../../generator/run.ts";
import type { Entity, JsonValue, Model } from "../../generator/model/ir.ts";

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

/** A filler value of a field's type, for required fields the doc gives no example for. */
function filler(entity: Entity, name: string): JsonValue {
  const f = entity.fields.find((x) => x.name === name)!;
  if (f.enum) return f.enum[0]!;
  switch (f.type) {
    case "string": return f.format === "email" ? "filler@example.com" : f.format === "uri" ? "https://example.com/x" : `${name}-1`;
    case "date": return "2001-10-31";
    case "boolean": return true;
    case "list": return ["x"];
    default: return 1;
  }
}

/** The doc's example record of an entity: every field's (errata-corrected) example, required gaps filled. */
export function exampleRecord(entity: Entity): Record<string, JsonValue> {
  const record: Record<string, JsonValue> = {};
  for (const f of entity.fields) if (f.exampleValue !== undefined) record[f.name] = f.exampleValue;
  for (const f of entity.fields) if (f.required && !(f.name in record)) record[f.name] = filler(entity, f.name);
  for (const r of entity.rules) {
    if (!r.groups.some((g) => g.every((n) => n in record))) for (const n of r.groups[0]!) record[n] ??= filler(entity, n);
  }
  return record;
}
