// `npm run build:generator` (run by `npm ci` through `prepare`, and by `npm test`): bundles the generator into
// one JavaScript file, generator/dist/cli.cjs, stamps it with the hash of the sources it was built from, and
// writes V8's code caches of the bundle and of TypeScript (bundle.js, generator/load/typescript.ts) and the
// precompiled templates (generator/emit/templates.ts).
//
// One bundle, not one .js per .ts: loading ~90 modules and the dependencies' own files cost about a third of
// a `check`; a bundle starts in about half the time of per-file output (see the README's benchmark).
// CommonJS, so that bundle.js can compile it with a code cache (node:vm); `import.meta.url` becomes the
// bundle's own URL. The bundle sits two folders below the root, like every generator module, so the relative
// URLs they use (`../../templates/`, `../spec/spec.schema.json`, `../bin/pango-codegen.js`) resolve to the same files.
import { build } from "esbuild";
import { existsSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { writeStamp } from "./build-stamp.js";
import { loadBundle, removeBundleCaches } from "./bundle.js";

const at = (p) => fileURLToPath(new URL(p, import.meta.url));

removeBundleCaches();
rmSync(at("../dist/cli.js"), { force: true }); // the ES-module bundle of earlier builds
await build({
  entryPoints: [at("../cli.ts")],
  outfile: at("../dist/cli.cjs"),
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20.19",
  define: { "import.meta.url": "__pangoModuleUrl" },
  banner: { js: 'const __pangoModuleUrl = require("node:url").pathToFileURL(__filename).href;' },
  // ts-morph (and TypeScript in it) is loaded on first use only; bundling it would slow every start.
  external: ["ts-morph"],
  legalComments: "none",
  logLevel: "warning",
});
// The caches are made by the bundle itself (the same code that reads them), after a `check` of this
// repository when it has specs, so the functions a run compiles are in the bundle's cache.
const { exports, saveCache } = loadBundle();
exports.writeTypeScriptCodeCache();
exports.writeTemplateCache();
const root = at("../../");
if (existsSync(`${root}specs`)) await exports.main(["node", "pango-codegen", "check", "--specs", "specs", "--out", "generated"], { out: () => {}, err: () => {}, cwd: root });
saveCache();
writeStamp();
