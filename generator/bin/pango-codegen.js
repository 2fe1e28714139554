#!/usr/bin/env node
// Runs the compiled generator (generator/dist/cli.cjs, built by `npm ci` through the `prepare` script), from
// V8's code cache when there is one (bundle.js). When the TypeScript sources changed since that build, runs them
// through tsx instead (a development install has it), so a stale build never runs; on a terminal it says so.
import { buildIsFresh } from "./build-stamp.js";

if (buildIsFresh()) {
  const { loadBundle } = await import("./bundle.js");
  const { exports, saveCache } = loadBundle();
  process.exitCode = await exports.main(process.argv);
  saveCache();
} else {
  if (process.stderr.isTTY) process.stderr.write("pango-codegen: the compiled generator is older than its sources; running them through tsx (npm run build:generator makes starts fast again)\n");
  const { register } = await import("tsx/esm/api");
  register();
  const { main } = await import("../cli.ts");
  process.exitCode = await main(process.argv);
}
