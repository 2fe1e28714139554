#!/usr/bin/env node
// Runs the compiled generator (generator/dist/cli.js, built by `npm ci` through the `prepare` script). When the
// TypeScript sources changed since that build, runs them through tsx instead (a development install has
// it), so a stale build never runs; on a terminal it says so.
import { buildIsFresh } from "./build-stamp.js";

let main;
if (buildIsFresh()) {
  ({ main } = await import("../dist/cli.js"));
} else {
  if (process.stderr.isTTY) process.stderr.write("pango-codegen: the compiled generator is older than its sources; running them through tsx (npm run build:generator makes starts fast again)\n");
  const { register } = await import("tsx/esm/api");
  register();
  ({ main } = await import("../cli.ts"));
}
process.exitCode = await main(process.argv);
