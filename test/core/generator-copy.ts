import { cpSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { tempDir } from "../support/tmp.ts";

/** A copy of the generator (sources without the bundle, templates, package.json; node_modules linked) that a test may edit. */
export function copyGenerator(): string {
  const dir = tempDir();
  for (const part of ["templates", "package.json"]) cpSync(part, join(dir, part), { recursive: true });
  cpSync("generator", join(dir, "generator"), { recursive: true, filter: (src) => !/[\\/](dist|\.build-stamp)$/u.test(src) });
  symlinkSync(join(process.cwd(), "node_modules"), join(dir, "node_modules"), "dir");
  return dir;
}
