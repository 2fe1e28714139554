// `npm run build:generator` (run by `npm ci` through `prepare`, and by `npm test`): bundles the generator into
// one JavaScript file, generator/dist/cli.js, and stamps it with the hash of the sources it was built from.
//
// One bundle, not one .js per .ts: loading ~90 modules and the dependencies' own files cost about a third of
// a `check`; a bundle starts in about half the time of per-file output (see the README's benchmark).
// The bundle sits two folders below the root, like every generator module, so the relative URLs they use
// (`../../templates/`, `../spec/spec.schema.json`, `../bin/pango-codegen.js`) resolve to the same files.
import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import { writeStamp } from "./build-stamp.js";

const at = (p) => fileURLToPath(new URL(p, import.meta.url));

await build({
  entryPoints: [at("../cli.ts")],
  outfile: at("../dist/cli.js"),
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20.19",
  // Bundled CommonJS dependencies (commander, handlebars) require Node's own modules.
  banner: { js: 'import { createRequire as __pangoCreateRequire } from "node:module"; const require = __pangoCreateRequire(import.meta.url);' },
  // ts-morph (and TypeScript in it) is loaded by `diff` on first use only; bundling it would slow every start.
  external: ["ts-morph"],
  legalComments: "none",
  logLevel: "warning",
});
writeStamp();
