import { execFileSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { posix, relative, resolve, sep } from "node:path";
import { decodeSpec, loadApiFile, loadSpecFiles, type SourceFile } from "../load/load-specs.ts";
import { API_SPEC_FILE } from "../check/read-api.ts";
import { byCodePoint } from "../util/text.ts";

/** One side of a diff: the spec files and api.yaml, read from a folder or from a git revision. */
export interface SpecSet {
  /** How the side is named in the report: the folder, or the git revision as given. */
  readonly label: string;
  readonly files: SourceFile[];
  readonly apiFile: SourceFile | null;
}

/** The base or head cannot be read: not a folder, not a revision, or git failed. */
export class SpecSourceError extends Error {
  override name = "SpecSourceError";
}

function git(args: readonly string[], cwd: string): Buffer {
  try {
    return execFileSync("git", args, { cwd, stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 * 1024 * 1024 });
  } catch (e) {
    const stderr = (e as { stderr?: Buffer }).stderr?.toString().trim();
    throw new SpecSourceError(`git ${args.join(" ")} failed${stderr ? `: ${stderr.split("\n")[0]}` : ""}`);
  }
}

/** Whether `ref` names a commit of the repository around `cwd`. */
function isRevision(ref: string, cwd: string): boolean {
  try {
    git(["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`], cwd);
    return true;
  } catch {
    return false;
  }
}

const isSpecName = (name: string): boolean => (name.endsWith(".yaml") || name.endsWith(".yml")) && name !== API_SPEC_FILE;

/** Reads `specsDir` as it is in revision `ref`, without checking anything out. */
function readRevision(ref: string, specsDir: string, cwd: string): SpecSet {
  // `<rev>:./path` and ls-tree paths are relative to the working directory, so the repository root never matters.
  const dir = relative(cwd, resolve(cwd, specsDir)).split(sep).join("/") || ".";
  const listing = git(["ls-tree", "-z", "--end-of-options", ref, "--", `${dir}/`], cwd).toString("utf8");
  const blobs = listing.split("\0").filter((line) => line.includes(" blob "));
  const names = blobs.map((line) => posix.basename(line.slice(line.indexOf("\t") + 1))).sort(byCodePoint);
  // The label keeps a `/` before the file name: the checker compares the last path segment with the object type.
  const path = (name: string): string => (dir === "." ? `./${name}` : `${dir}/${name}`);
  const show = (name: string): SourceFile => decodeSpec(`${ref}:${path(name)}`, git(["show", `${ref}:./${posix.normalize(path(name))}`], cwd));
  return {
    label: ref,
    files: names.filter(isSpecName).map(show),
    apiFile: names.includes(API_SPEC_FILE) ? show(API_SPEC_FILE) : null,
  };
}

/** Reads a spec set: `where` is a folder when one exists at that path, otherwise a git revision (`specsDir` inside it). */
export function loadSpecSet(where: string, specsDir: string, cwd: string): SpecSet {
  const folder = resolve(cwd, where);
  if (existsSync(folder) && statSync(folder).isDirectory()) {
    return { label: where, files: loadSpecFiles(folder, cwd), apiFile: loadApiFile(folder, cwd) };
  }
  if (where.startsWith("-") || !isRevision(where, cwd)) {
    throw new SpecSourceError(`${JSON.stringify(where)} is neither a folder nor a git revision of the repository at ${cwd}`);
  }
  return readRevision(where, specsDir, cwd);
}
