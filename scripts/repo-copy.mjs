// A copy of the repository's tracked files (as they are in the working tree) in a fresh, empty folder under the
// OS temp directory, with its own offline install: the repository must stand alone there, with no sibling folders.
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, realpathSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** Copies every tracked file of the repository at `root` into `<new temp folder>/repo`; returns that path. */
export function copyTracked(root, prefix) {
  const dir = join(realpathSync(mkdtempSync(join(tmpdir(), prefix))), "repo");
  const files = execFileSync("git", ["ls-files", "-z"], { cwd: root }).toString("utf8").split("\0").filter(Boolean);
  for (const f of files) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    try {
      copyFileSync(join(root, f), join(dir, f));
    } catch (e) {
      // A tracked file deleted in the working tree is not part of the copy.
      if (e.code !== "ENOENT") throw e;
    }
  }
  return dir;
}

/** Runs a command in `cwd`; returns the exit code and, when captured, its stdout then its stderr (else they go to this process's). */
export function sh(cwd, cmd, args, { capture = false } = {}) {
  const r = spawnSync(cmd, args, { cwd, stdio: capture ? ["ignore", "pipe", "pipe"] : "inherit", env: { ...process.env, FORCE_COLOR: "0" }, maxBuffer: 1 << 28 });
  if (r.error) throw r.error;
  if (typeof r.status !== "number") throw new Error(`${cmd} ${args.join(" ")} ended by signal ${r.signal}`);
  return { code: r.status, out: capture ? `${r.stdout?.toString("utf8") ?? ""}${r.stderr?.toString("utf8") ?? ""}` : "" };
}

/** `npm ci` from the lock file, offline (the npm cache holds every package after the first install). */
export function installOffline(dir) {
  const r = sh(dir, "npm", ["ci", "--offline", "--no-audit", "--no-fund"], { capture: true });
  if (r.code !== 0) throw new Error(`npm ci --offline failed in ${dir} (exit ${r.code}); run npm ci once online to fill the npm cache\n${r.out}`);
}
