import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { compile } from "json-schema-to-typescript";

/** The generated package on disk. */
export const GENERATED = "generated";

/** One entity as generated/ holds it: its object type, and its table type names (the entity's first, then its nested tables). */
export interface GeneratedEntity { readonly objectType: string; readonly types: string[]; readonly schema: Record<string, unknown> }

/** Every entity of generated/, read from its deep-import module (entities/<object-type>.ts) and its JSON Schema. */
export function generatedEntities(): GeneratedEntity[] {
  return readdirSync(join(GENERATED, "entities")).filter((n) => n.endsWith(".ts")).sort().map((n) => {
    const objectType = n.slice(0, -3);
    const text = readFileSync(join(GENERATED, "entities", n), "utf8");
    const types = [...text.matchAll(/\bvalidate([A-Z]\w*)\b/gu)].map((m) => m[1]!);
    const schema = JSON.parse(readFileSync(join(GENERATED, "json-schema", `${objectType}.schema.json`), "utf8")) as Record<string, unknown>;
    return { objectType, types, schema };
  });
}

/**
 * json-schema-to-typescript's types of an entity's JSON Schema, each table named as ours are: the titles
 * are replaced by our type names so that both sides can be paired by name (titles are doc words).
 */
export async function schemaTypes(e: GeneratedEntity): Promise<string> {
  const schema = structuredClone(e.schema) as Record<string, unknown> & { $defs?: Record<string, Record<string, unknown>> };
  schema.title = e.types[0];
  delete schema.$id;
  for (const [name, def] of Object.entries(schema.$defs ?? {})) def.title = name;
  return compile(schema as never, e.types[0]!, { bannerComment: "", format: false, declareExternallyReferenced: true, unreachableDefinitions: true, additionalProperties: false, strictIndexSignatures: false });
}
