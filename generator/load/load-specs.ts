import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { byCodePoint } from "../util/text.ts";
import { Refused } from "../util/assert.ts";

/** A spec file's text, or why it could not be read as text. */
export interface SourceFile {
  /** Path as shown in diagnostics, relative to the working directory, with forward slashes. */
  readonly file: string;
  readonly text: string | null;
  readonly problem: "bom" | "not-utf8" | "too-large" | null;
  readonly bytes: number;
}

/** Specs larger than this are refused rather than parsed (a real one is a few kilobytes). */
export const MAX_SPEC_BYTES = 1_000_000;

const decoder = new TextDecoder("utf-8", { fatal: true });

/** Shows `path` relative to `cwd` with forward slashes, so diagnostics read the same on any machine. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return (rel === "" ? "." : rel).split(sep).join("/");
}

/** Decodes one spec file's bytes, refusing a BOM, invalid UTF-8 and oversized input. */
export function decodeSpec(file: string, bytes: Uint8Array): SourceFile {
  if (bytes.length > MAX_SPEC_BYTES) return { file, text: null, problem: "too-large", bytes: bytes.length };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { file, text: null, problem: "bom", bytes: bytes.length };
  try {
    return { file, text: decoder.decode(bytes), problem: null, bytes: bytes.length };
  } catch {
    return { file, text: null, problem: "not-utf8", bytes: bytes.length };
  }
}

/** Lists the `.yaml` files of a specs folder in code-point order (not directory order). */
export function listSpecFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".yaml") || name.endsWith(".yml"))
    .filter((name) => name !== "api.yaml")
    .filter((name) => isFileOrUnreadable(join(dir, name)))
    .sort(byCodePoint)
    .map((name) => join(dir, name));
}

/** Folders (and FIFOs, devices) named *.yaml are not specs; a name that cannot be stat'ed is kept so reading it reports why. */
function isFileOrUnreadable(path: string): boolean {
  try { return statSync(path).isFile(); } catch { return true; }
}

/** Reads one spec file: refused by size before it is read (a huge file never fills memory), and a read error is the user's to fix. */
function readSpecFile(path: string, cwd: string): SourceFile {
  const file = displayPath(path, cwd);
  try {
    const bytes = statSync(path).size;
    if (bytes > MAX_SPEC_BYTES) return { file, text: null, problem: "too-large", bytes };
    return decodeSpec(file, readFileSync(path));
  } catch (e) {
    throw new Refused(`cannot read the spec file ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
}

/** Reads every spec file of a folder. The only file-system access of the front end. */
export function loadSpecFiles(dir: string, cwd: string): SourceFile[] {
  return listSpecFiles(dir).map((path) => readSpecFile(path, cwd));
}

/** Reads specs/api.yaml when the folder has one. */
export function loadApiFile(dir: string, cwd: string): SourceFile | null {
  const path = join(dir, "api.yaml");
  try {
    return decodeSpec(displayPath(path, cwd), readFileSync(path));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw e;
  }
}
