import { closeSync, existsSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import type { OutputFile } from "../emit/output-file.ts";
import { Refused } from "../util/assert.ts";
import { isOwnedOrEmpty, listFiles, PRESERVED_FILES, UNOWNED } from "./disk.ts";
import { writeNewFiles } from "./parallel-write.ts";

export interface WriteSummary {
  readonly written: string[];
  readonly unchanged: string[];
  readonly removed: string[];
}

/** Sibling paths used while replacing `out`: all beside it, so renames stay on one file system. */
export function sidePaths(out: string): { staging: string; backup: string; lock: string } {
  const base = join(dirname(out), `.${basename(out)}`);
  return { staging: `${base}.pango-staging`, backup: `${base}.pango-backup`, lock: `${base}.pango-lock` };
}

function pidAlive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch (e) { return (e as NodeJS.ErrnoException).code === "EPERM"; }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Removes a dead holder's lock without removing a live one: two waiters may both see the dead holder, and the
 * slower one must not delete the lock the faster one has just taken. So the lock is moved aside (only one
 * waiter can), checked, and put back if it turned out to be someone else's.
 */
function breakLock(lock: string, deadPid: number): void {
  const aside = `${lock}.${process.pid}`;
  try { renameSync(lock, aside); } catch { return; }
  let moved = NaN;
  try { moved = Number(readFileSync(aside, "utf8")); } catch { /* vanished: nothing to put back */ }
  if (moved !== deadPid) { try { linkSync(aside, lock); } catch { /* a newer lock exists; it stands */ } }
  rmSync(aside, { force: true });
}

/** Takes the output's lock (a file created exclusively), waiting for a live holder and breaking a dead one's. */
export function acquireLock(out: string, timeoutMs = 60_000): () => void {
  const { lock } = sidePaths(out);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const fd = openSync(lock, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lock, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
    let holder = NaN;
    try { holder = Number(readFileSync(lock, "utf8")); } catch { /* released meanwhile */ }
    if (Number.isInteger(holder) && holder > 0 && !pidAlive(holder)) { breakLock(lock, holder); continue; }
    if (Date.now() > deadline) throw new Refused(`${lock} is held by process ${holder}; another generate is running`);
    sleep(25);
  }
}

/**
 * Finishes or undoes a run that was interrupted. Order of a run: staging built → out renamed to backup →
 * staging renamed to out → unowned folders and preserved files moved back → backup removed. So: a backup without out means
 * the swap was cut short (restore the old tree); a backup beside out means only the clean-up remains.
 */
export function recover(out: string): void {
  const { staging, backup } = sidePaths(out);
  if (existsSync(backup)) {
    if (!existsSync(out)) renameSync(backup, out);
    else {
      for (const name of [...UNOWNED, ...PRESERVED_FILES]) if (existsSync(join(backup, name)) && !existsSync(join(out, name))) renameSync(join(backup, name), join(out, name));
      rmSync(backup, { recursive: true, force: true });
    }
  }
  rmSync(staging, { recursive: true, force: true });
}

/**
 * Test hook: PANGO_CODEGEN_TEST_SLOW_WRITE_MS=<ms> pauses after each file written to the staging folder and
 * around the swap, so test/hardening/interrupted-runs.test.ts can kill a run mid-write. Unset in normal use.
 */
function pauseMs(): number {
  const ms = Number(process.env.PANGO_CODEGEN_TEST_SLOW_WRITE_MS ?? "0");
  return Number.isFinite(ms) && ms > 0 ? ms : 0;
}
function testPause(): void {
  const ms = pauseMs();
  if (ms > 0) sleep(ms);
}

/**
 * Writes one staged file. No fsync per file: the swap by rename is what makes a killed run safe, and
 * fsync of every file cost more than all emitters together on large spec sets; generated output can
 * always be made again from the specs.
 */
function writeStaged(path: string, contents: string, made: Set<string>): void {
  const dir = dirname(path);
  // One mkdir per folder, not per file: a few thousand files share a handful of folders.
  if (!made.has(dir)) { mkdirSync(dir, { recursive: true }); made.add(dir); }
  writeFileSync(path, contents);
}

/** Compares files with the disk: which changed, which are the same, which are no longer produced. */
export function plan(out: string, files: readonly OutputFile[]): WriteSummary {
  // A new output folder: everything is written, and nothing needs a stat or a read.
  if (!existsSync(out)) return { written: files.map((f) => f.path), unchanged: [], removed: [] };
  const written: string[] = [], unchanged: string[] = [];
  for (const f of files) {
    const path = join(out, f.path);
    let same = false;
    try { same = statSync(path).size === Buffer.byteLength(f.contents) && readFileSync(path, "utf8") === f.contents; } catch { same = false; }
    (same ? unchanged : written).push(f.path);
  }
  const produced = new Set(files.map((f) => f.path));
  return { written, unchanged, removed: listFiles(out).filter((p) => !produced.has(p)) };
}

/**
 * Replaces the output folder with exactly `files`, all or nothing: the new tree is built beside it (unchanged
 * files hard-linked, so their bytes and times stay), then swapped in with two renames. Concurrent runs are
 * serialised by a lock. Refuses a folder that is neither empty nor the generator's.
 */
export function writeOutput(out: string, files: readonly OutputFile[]): WriteSummary {
  // The lock and staging folder live beside the output, so its parent must exist (`--out new/dir`).
  mkdirSync(dirname(out), { recursive: true });
  const release = acquireLock(out);
  try {
    recover(out);
    if (!isOwnedOrEmpty(out)) throw new Refused(`${out} is not empty and was not made by pango-codegen (no .pango-codegen.json); refusing to write there`);
    const summary = plan(out, files);
    if (summary.written.length === 0 && summary.removed.length === 0 && existsSync(out)) return summary;
    const { staging, backup } = sidePaths(out);
    mkdirSync(staging, { recursive: true });
    const unchanged = new Set(summary.unchanged);
    const made = new Set<string>();
    // New files are written together at the end (parallel-write.ts), unless the test hook pauses after each.
    const paused = pauseMs() > 0, fresh: [string, string][] = [];
    for (const f of files) {
      const target = join(staging, f.path);
      if (unchanged.has(f.path)) {
        if (!made.has(dirname(target))) { mkdirSync(dirname(target), { recursive: true }); made.add(dirname(target)); }
        try { linkSync(join(out, f.path), target); continue; } catch { /* another file system: copy below */ }
      }
      if (!paused) { fresh.push([target, f.contents]); continue; }
      writeStaged(target, f.contents, made);
      testPause();
    }
    writeNewFiles(fresh);
    if (existsSync(out)) renameSync(out, backup);
    testPause();
    renameSync(staging, out);
    testPause();
    recover(out);
    return summary;
  } finally {
    release();
  }
}
