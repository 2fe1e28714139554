// The peer of the generate benchmark: json-schema-to-typescript turning the same JSON Schemas into
// types, in a fresh process like our CLI. Plain JavaScript run by plain node: started through tsx, the peer
// paid tsx's loader (~0.3 s) on top of its own work, which flattered our ratio.
// Usage: node test/bench/jstt-peer.mjs <schema-dir>
import { compile } from "json-schema-to-typescript";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.argv[2];
let bytes = 0;
// The entity schemas (what our types come from); the envelope schema refers to them by $id.
for (const name of readdirSync(dir).filter((n) => n.endsWith(".schema.json") && n !== "ingestion-request.schema.json").sort()) {
  const schema = JSON.parse(readFileSync(join(dir, name), "utf8"));
  bytes += (await compile(schema, schema.title ?? name, { bannerComment: "", additionalProperties: false, format: true, $refOptions: { resolve: { http: false } } })).length;
}
process.stdout.write(String(bytes));
