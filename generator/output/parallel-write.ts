import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { Worker } from "node:worker_threads";

/**
 * Writes new files, half of their folders from a worker thread when there are many. Creating a file (not
 * writing its bytes) is what costs on some file systems, ~1 ms each on the ext4 of the benchmark machine
 * (a 300-entity package is ~2,400 files, ~2 s), and creations in one folder wait on each other while those in
 * different folders do not: two threads on different folders halve it. Nothing else changes: the same bytes
 * to the same paths, in the staging folder that is then swapped in whole.
 *
 * The caller's thread waits for the worker (Atomics.wait), so this stays synchronous; should the worker fail
 * to start or to write, the caller writes its share too. Below `MIN_FILES` starting a worker costs more than
 * it saves.
 */

const MIN_FILES = 256;

// CommonJS, run with `eval`: a worker needs no file of its own (the generator is one bundle).
const WORKER = `
const { workerData } = require("node:worker_threads");
const { writeFileSync } = require("node:fs");
const status = new Int32Array(workerData.status);
try {
  for (const [path, bytes] of workerData.files) writeFileSync(path, bytes);
  Atomics.store(status, 0, 1);
} catch {
  Atomics.store(status, 0, 2);
}
Atomics.notify(status, 0);
`;

export function writeNewFiles(files: readonly (readonly [path: string, contents: string])[]): void {
  const dirs = new Map<string, (readonly [string, string])[]>();
  for (const f of files) {
    const d = dirname(f[0]);
    let list = dirs.get(d);
    if (!list) dirs.set(d, (list = []));
    list.push(f);
  }
  for (const d of dirs.keys()) mkdirSync(d, { recursive: true });
  if (files.length < MIN_FILES || dirs.size < 2) {
    for (const [path, contents] of files) writeFileSync(path, contents);
    return;
  }
  // Whole folders to each side, the largest first to the lighter one.
  const mine: (readonly [string, string])[] = [], theirs: (readonly [string, string])[] = [];
  for (const list of [...dirs.values()].sort((a, b) => b.length - a.length || (a[0]![0] < b[0]![0] ? -1 : 1))) {
    (mine.length <= theirs.length ? mine : theirs).push(...list);
  }
  const status = new Int32Array(new SharedArrayBuffer(4));
  let started = false;
  try {
    const encoder = new TextEncoder();
    const encoded = theirs.map(([path, contents]) => [path, encoder.encode(contents)] as const);
    new Worker(WORKER, { eval: true, workerData: { files: encoded, status: status.buffer }, transferList: encoded.map(([, b]) => b.buffer as ArrayBuffer) });
    started = true;
  } catch {
    started = false;
  }
  try {
    for (const [path, contents] of mine) writeFileSync(path, contents);
  } finally {
    // Waited for even when a write here failed: the caller then removes the staging folder, which the worker must
    // no longer be writing into. A worker that died without a word is given up on after a minute (its share is
    // then written here).
    if (started) Atomics.wait(status, 0, 0, 60_000);
  }
  if (Atomics.load(status, 0) !== 1) for (const [path, contents] of theirs) writeFileSync(path, contents);
}
