// `npm run bench`: every benchmark, one after the other in this process, each printing medians and
// ratios against a peer measured in the same run (never absolute targets: the machine is shared).
import { existsSync } from "node:fs";
import { runGenerateBench } from "./generate-bench.ts";

const only = process.argv[2];
if (!only || only === "generate") console.log(await runGenerateBench());
if ((!only || only === "validate") && existsSync(new URL("./validate-bench.ts", import.meta.url))) {
  const { runValidateBench } = await import("./validate-bench.ts");
  console.log("\n" + (await runValidateBench()));
}
if (!only || only === "diff") {
  const { runDiffBench } = await import("./diff-bench.ts");
  console.log("\n" + (await runDiffBench()));
}
