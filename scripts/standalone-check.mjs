// Proof that the repository stands alone (issue 10): its tracked files, copied into an empty folder under the OS
// temp directory with no sibling folders, install offline and pass the suites that read the saved pages and specs.
// Usage: node scripts/standalone-check.mjs   (a step of .ci/run; exit code 0 when everything passes)
import { readdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { copyTracked, installOffline, sh } from "./repo-copy.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dir = copyTracked(root, "pango-standalone-");
const siblings = readdirSync(dirname(dir)).filter((n) => n !== "repo");
if (siblings.length > 0) throw new Error(`the copy's folder is not empty: ${siblings.join(", ")}`);
console.log(`standalone: copied the tracked files to ${dir}`);
installOffline(dir);
const steps = [
  ["npx", ["vitest", "run", "test/doc"]],
  ["node", ["generator/bin/pango-codegen.js", "doc-diff", "--all", "--fail-on", "any"]],
  ["node", ["generator/bin/pango-codegen.js", "check"]],
];
let failed = 0;
for (const [cmd, args] of steps) {
  const { code } = sh(dir, cmd, args);
  console.log(`standalone: ${cmd} ${args.join(" ")} → exit ${code}`);
  if (code !== 0) failed++;
}
// Kept for a look when something failed.
if (failed === 0) rmSync(dirname(dir), { recursive: true, force: true });
else console.log(`standalone: ${failed} step(s) failed; the copy is kept in ${dir}`);
process.exitCode = failed === 0 ? 0 : 1;
