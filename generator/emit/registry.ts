import type { Model } from "../model/ir.ts";
import type { Emitter } from "./output-file.ts";
import { emitTypes } from "./types/emit-types.ts";
import { emitJsonSchema } from "./json-schema/emit-json-schema.ts";
import { emitValidators } from "./validators/emit-validators.ts";
import { emitFixtures } from "./fixtures/emit-fixtures.ts";
import { emitOpenApi } from "./openapi/emit-openapi.ts";
import { emitDocs } from "./docs/emit-docs.ts";

/** One kind of artefact: how to emit it, and what `generated/index.ts` re-exports of it. */
export interface EmitterEntry {
  readonly name: string;
  readonly emit: Emitter;
  /** Module specifiers (relative to generated/, `.js` extension) that index.ts re-exports with `export *`. */
  readonly exports: (model: Model) => string[];
}

/** The table of emitters. Adding an artefact is one folder under emit/ and one line here. */
export const EMITTERS: readonly EmitterEntry[] = [
  { name: "types", emit: emitTypes, exports: (m) => [...m.entities.map((e) => `./types/${e.objectType}.js`), "./types/api.js"] },
  { name: "json-schema", emit: emitJsonSchema, exports: () => [] },
  { name: "validators", emit: emitValidators, exports: () => ["./validators/index.js"] },
  // Fixtures are a subpath (pango-cdp-schemas/fixtures): the main entry stays types, validators and runtime.
  { name: "fixtures", emit: emitFixtures, exports: () => [] },
  { name: "openapi", emit: emitOpenApi, exports: () => [] },
  { name: "docs", emit: emitDocs, exports: () => [] },
];
